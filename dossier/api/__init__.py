"""dossier.api"""
