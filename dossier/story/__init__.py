"""dossier.story"""
