"""Participants (cases), their document links and typed attributes, imported from sheets."""
