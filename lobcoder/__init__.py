"""lobcoder: qualitative interview coding and thematic analysis."""

__version__ = "0.1.0"
