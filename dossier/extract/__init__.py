"""dossier.extract"""
