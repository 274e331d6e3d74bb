"""Tests of the analysis core (a package, so its helper module names cannot clash)."""
