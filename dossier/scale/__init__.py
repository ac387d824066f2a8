"""dossier.scale"""
