"""dossier.web"""
