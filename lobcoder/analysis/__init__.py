"""Analysis: code frequencies, co-occurrence, crosstabs and quotes over a project."""
