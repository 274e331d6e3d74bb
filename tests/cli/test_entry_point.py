"""``lobcoder --help`` names the window commands; without a display the app says so in one line."""

from __future__ import annotations

import os
import subprocess
import sys

from lobcoder.__main__ import NO_DISPLAY, display_missing


def test_help_mentions_the_demo_and_screenshot() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lobcoder", "--help"], capture_output=True, text=True, timeout=60, check=True
    )
    assert "lobcoder --demo" in done.stdout and "lobcoder screenshot PROJECT" in done.stdout
    assert "%APPDATA%\\lobcoder" in done.stdout


def test_without_a_display_the_window_refuses_in_one_line() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "lobcoder"], capture_output=True, text=True, timeout=60, env=env)
    if sys.platform in ("win32", "darwin"):
        return  # these always have a display
    assert done.returncode == 2
    assert done.stderr.strip() == NO_DISPLAY
    assert "xcb" not in done.stderr and done.stdout == ""


def test_which_environments_have_a_display() -> None:
    assert display_missing({}, "linux")
    assert not display_missing({"DISPLAY": ":0"}, "linux")
    assert not display_missing({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not display_missing({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not display_missing({}, "win32") and not display_missing({}, "darwin")
