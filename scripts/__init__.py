"""Developer tooling: start the stack, train the model (stdlib only)."""
