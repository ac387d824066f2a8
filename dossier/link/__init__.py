"""dossier.link"""
