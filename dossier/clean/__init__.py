"""dossier.clean"""
