"""Funding rules as dated data and one evaluator (built in the funding issue; empty so far)."""
