"""``lobcoder screenshot``: render the main window offscreen and save it as a PNG."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from lobcoder.errors import LobcoderError
from lobcoder.storage.project import EXTENSION, ProjectStore


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lobcoder screenshot", description=__doc__)
    parser.add_argument("project", type=Path, help=f"project file ({EXTENSION})")
    parser.add_argument("--out", type=Path, required=True, help="PNG file to write")
    parser.add_argument("--document", help="document to open (default: the first)")
    parser.add_argument("--code", help="code to select in the code tree (its segments are listed)")
    parser.add_argument("--size", default="1600x1000", help="window size, WIDTHxHEIGHT (default 1600x1000)")
    parser.add_argument("--language", choices=["en", "nl"], help="interface language (default: system)")
    parser.add_argument("--search", help="also show the project search with this query")
    parser.add_argument(
        "--suggestions",
        action="store_true",
        help="also show the code suggestions for the document (trains the suggestion model, "
        "which is stored in the project with the parsed texts)",
    )
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def _fail(message: str) -> int:
    print(f"lobcoder: error: {message}", file=sys.stderr)
    return 2


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    try:
        width, height = (int(n) for n in args.size.lower().split("x"))
    except ValueError:
        return _fail(f"--size {args.size!r}: expected WIDTHxHEIGHT, e.g. 1600x1000")
    try:
        ProjectStore.open(args.project).close()  # fail here, not in a dialog nobody sees
    except LobcoderError as exc:
        return _fail(str(exc))
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def quiet(_kind, _context, message: str) -> None:
        # The offscreen platform reports window features it lacks; nothing to act on.
        if not message.startswith("This plugin does not support"):
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(quiet)
    try:
        app = QApplication.instance() or QApplication(["lobcoder"])
        return _render(app, args, width, height)
    finally:
        qInstallMessageHandler(previous)


def _render(app, args: argparse.Namespace, width: int, height: int) -> int:
    from lobcoder.gui.i18n import install_translations, uninstall_translations
    from lobcoder.gui.main_window import MainWindow
    from lobcoder.gui.settings import Settings

    install_translations(app, args.language or "system")
    with tempfile.TemporaryDirectory() as folder:
        # A throw-away settings file: a screenshot never changes the user's layout.
        settings = Settings(str(Path(folder) / "settings.ini"))
        settings.coder_name = settings.coder_name  # chosen: the status bar shows the name without "(not chosen yet)"
        window = MainWindow(settings)
        try:
            window.menu_actions.show_all_codes.setChecked(True)
            window.open_project(args.project)
            documents = window.overview.documents if window.overview else []
            if args.document:
                match = [d for d in documents if d.name == args.document]
                if not match:
                    return _fail(f"no document named {args.document!r} in {args.project}")
                window.open_document(match[0].id)
            if args.code:
                codes = [c for c in window.codes_by_id.values() if c.name == args.code]
                if not codes:
                    return _fail(f"no code named {args.code!r} in {args.project}")
                window.select_code(codes[0].id)
            if args.search:
                window.search_dock.show()
                window.search_panel.query.setText(args.search)
                window.search_panel.run_search()
            if args.suggestions:
                window.suggestions.dock.show()
            window.resize(width, height)
            window.show()
            app.processEvents()  # lay out and paint once before choosing a coding
            if args.suggestions and not _wait_for_suggestions(window):
                return _fail("the suggestions took longer than a minute")
            if window.coding.codings:
                window.coding.show_coding_by_id(window.coding.codings[0].id)
                app.processEvents()
            args.out.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(args.out)):
                return _fail(f"{args.out}: could not write the PNG")
        finally:
            window.close()
            uninstall_translations(app)
    print(f"Saved {args.out}")
    return 0


def _wait_for_suggestions(window, timeout_ms: int = 60_000) -> bool:
    """Train, suggest for the open document and select the best suggestion; False on timeout."""
    from PySide6.QtCore import QEventLoop, QTimer

    from lobcoder.gui.suggestions.task import Training

    controller = window.suggestions
    loop = QEventLoop()
    controller.settled.connect(loop.quit)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(timeout_ms)
    controller.request(Training.ALWAYS, 0)
    loop.exec()
    if controller.is_running():
        controller.cancel()
        return False
    controller.pane.select_row(0)
    return True
