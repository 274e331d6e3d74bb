"""Team coding: a copy of the project for a second coder, and merging that coder's work back."""
