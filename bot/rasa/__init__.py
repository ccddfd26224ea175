"""Rasa server configuration and its launcher (rasa runtime)."""
