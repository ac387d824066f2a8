"""dossier.nlp"""
