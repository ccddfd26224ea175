"""Telegram adapter (python-telegram-bot 22): forwards messages to the gateway."""
