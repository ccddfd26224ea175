"""The conversation and its doors: Rasa domain and stories, the FastAPI gateway."""
