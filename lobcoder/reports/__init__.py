"""Exporting result tables to Word, Excel and CSV."""
