"""The research codebook that ships with lobcoder, and codebook documents for people (Word, Markdown)."""
