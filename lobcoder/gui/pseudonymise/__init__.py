"""The pseudonymisation review window (Tools → Pseudonymise…)."""
