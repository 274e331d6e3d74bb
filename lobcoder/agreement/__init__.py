"""Inter-coder agreement: units, coefficients, disagreements and their report tables (Qt-free)."""
