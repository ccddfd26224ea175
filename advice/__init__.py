"""Advice: the intake profile, which question to ask next, and the path planner."""
