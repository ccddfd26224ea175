"""FastAPI gateway: the one HTTP door for every channel."""
