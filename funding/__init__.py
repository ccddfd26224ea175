"""Funding rules as dated data (``schemes/*.yml``) and one evaluator; entry point: service.py."""
