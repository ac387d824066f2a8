"""dossier.sources"""
