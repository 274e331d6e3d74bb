"""Settings of a coder who has given her name, for tests that code (the first coding asks for it otherwise)."""

from __future__ import annotations

from pathlib import Path

from lobcoder.gui.settings import Settings


def coder_settings(path: Path, name: str = "tester") -> Settings:
    settings = Settings(str(path))
    settings.coder_name = name
    return settings
