"""dossier.eval"""
