"""Language checks: every bot text is Dutch at level B1 (see docs/language.md)."""
