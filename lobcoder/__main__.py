"""Entry point: no arguments opens the GUI, a subcommand runs headless."""

from __future__ import annotations

import os
import sys

NO_DISPLAY = (
    "lobcoder: no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
    "Start it from a desktop session, or work headless: lobcoder --help lists the commands."
)


def display_missing(environ: dict[str, str] | None = None, platform: str = sys.platform) -> bool:
    """True on Linux/BSD when no X11 or Wayland display is set and Qt is not told another platform.

    Qt would otherwise stop with a long message about the "xcb" plugin.
    """
    env = os.environ if environ is None else environ
    if platform in ("win32", "darwin") or env.get("QT_QPA_PLATFORM"):
        return False
    return not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY")


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the GUI, the demo, the screenshot renderer or the headless CLI."""
    args = list(sys.argv[1:] if argv is None else argv)
    opens_project = len(args) == 1 and not args[0].startswith("-") and args[0].endswith(".lobcoder")
    if not args or opens_project or args[0] == "--demo":
        if display_missing():
            print(NO_DISPLAY, file=sys.stderr)
            return 2
        from lobcoder.gui.app import run_gui

        if args and args[0] == "--demo":
            from lobcoder.demo import create_demo_project, default_demo_path

            demo = default_demo_path()
            if not demo.exists():
                demo.parent.mkdir(parents=True, exist_ok=True)
                create_demo_project(demo)
                print(f"Created the demo project in {demo}")
            return run_gui(str(demo))
        return run_gui(args[0] if args else None)
    if args[0] == "screenshot":
        from lobcoder.gui.screenshot import main as screenshot

        return screenshot(args[1:])
    from lobcoder.cli.main import run_cli

    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
