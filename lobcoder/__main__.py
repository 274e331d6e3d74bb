"""Entry point: no arguments opens the GUI, a subcommand runs headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the GUI (no arguments, or a project path) or to the CLI."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (len(args) == 1 and not args[0].startswith("-") and args[0].endswith(".lobcoder")):
        from lobcoder.gui.app import run_gui

        return run_gui(args[0] if args else None)
    from lobcoder.cli.main import run_cli

    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
