"""Dutch NLU: training data, vocabulary and spaCy-based Rasa components (rasa runtime)."""
