"""The code suggestions pane: suggestions for the open document, answered with undoable commands.

``install_suggestions(window)`` adds it to the main window. The suggestions
themselves come from ``lobcoder.suggest``, run in a worker (``task.py``).
"""

from __future__ import annotations

from lobcoder.gui.suggestions.install import install_suggestions

__all__ = ["install_suggestions"]
