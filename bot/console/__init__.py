"""Counsellor console: accounts, login, and (growing) assisted sessions and handoff."""
