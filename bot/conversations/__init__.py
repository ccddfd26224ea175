"""Conversations as Rasa keeps them: the transcript for a channel, erasure, ordering."""
