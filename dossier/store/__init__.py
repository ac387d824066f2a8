"""dossier.store"""
