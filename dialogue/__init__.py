"""The conversation: one typed state and the step function that decides each turn."""
