"""REFI-QDA exchange: codebooks (.qdc) and projects (.qdpx), parsed safely."""
