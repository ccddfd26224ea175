"""Cross-cutting pieces of the app runtime: settings and logging."""
