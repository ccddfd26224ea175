"""Dutch NLU: training data, lookups and spaCy-based Rasa components (rasa runtime)."""
