"""Dialogs opened from the main window, one module (or a few) per dialog."""
