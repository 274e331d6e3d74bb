"""Text normalisation, decoding and offset conversion (pure functions, no storage)."""
