"""Leerwijzer's Rasa NLU components (rasa runtime only: they import Rasa and spaCy)."""
