"""Undoable user actions as Qt-free command objects (apply returns the inverse)."""
