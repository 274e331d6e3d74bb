"""Her whole workflow at 200 transcripts, in the window, timed step by step.

Drives the real GUI offscreen (the dialogs and windows she uses, their
workers and signals) over the study ``workflow_corpus.py`` writes, in Dutch,
and prints seconds per step, the process's peak memory and what each step
left in the project. Screenshots and exported files go to ``--out`` to be
looked at.

    python benchmarks/workflow_corpus.py /tmp/her          # the study (≈ 6 s)
    python benchmarks/workflow.py /tmp/her --out /tmp/her-run
    python benchmarks/workflow.py /tmp/her --out /tmp/her-run --only import,workbench

Steps: import (cancel at ~40 %, then import again: the files already in are
skipped as duplicates) with the attribute sheet; open the window and the
longest transcript, scroll it, code 30 passages with pinned-code keys and
quick code, undo/redo, a memo; suggestions on a 10,000-word transcript,
accept/reject 10; the Analysis window (frequencies by school and wave,
co-occurrence drill-down, quotes by wave), each exported to Word; codebook
.qdc and project .qdpx exported and the .qdpx imported into a new project;
a backup restored to a file; the window closed and the project reopened.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import workflow_corpus  # noqa: E402  (beside this script)
from output_folder import fresh_folder, take_folder  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

APP = QApplication.instance() or QApplication([])
FIGURES: list[tuple[str, float | str, str]] = []


def wait(predicate: Callable[[], object], seconds: float = 120.0) -> float:
    """Process events until ``predicate()`` holds; the seconds it took (raises on a timeout)."""
    start = time.perf_counter()
    while not predicate():
        if time.perf_counter() - start > seconds:
            raise TimeoutError(f"waited {seconds} s")
        APP.processEvents()
        time.sleep(0.005)
    return time.perf_counter() - start


def settle(rounds: int = 20) -> None:
    for _ in range(rounds):
        APP.processEvents()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def record(step: str, value: float | str, note: str = "") -> None:
    shown = f"{value:.2f} s" if isinstance(value, float) else value
    FIGURES.append((step, value, note))
    print(f"{step:<58} {shown:>12}  {note}", flush=True)


def shot(widget: Any, out: Path, name: str) -> None:
    settle()
    widget.grab().save(str(out / f"{name}.png"))


# -- import ---------------------------------------------------------------------------------


def import_study(corpus: Path, project: Path, out: Path, settings: Any) -> None:
    from lobcoder.gui.dialogs.import_dialog import ImportDialog
    from lobcoder.services.documents import list_documents
    from lobcoder.storage.project import ProjectStore

    def dialog(store: ProjectStore) -> ImportDialog:
        d = ImportDialog(store, settings)
        d.resize(1180, 780)
        d.show()
        d.add_paths([corpus])
        d.sheet.set_sheet(corpus / "attributen.csv")
        wait(lambda: not d.sheet.is_planning() and d.import_button.isEnabled(), 60)
        return d

    with ProjectStore.create(project) as store:
        first = dialog(store)
        shot(first, out, "import_1_setup")
        done: list[int] = []
        first.imported.connect(lambda: done.append(1))
        t0 = time.perf_counter()
        first.start_import()
        total = len(first.paths())
        wait(lambda: first.progress.value() >= total * 0.4, 300)
        shot(first, out, "import_2_progress")
        first.reject()  # Cancel, as the button does while importing
        wait(lambda: done, 120)
        record("import: cancel at 40 % took effect after", time.perf_counter() - t0, f"{total} files")
        shot(first, out, "import_3_cancelled")
        report = first.report
        assert report is not None and report.cancelled
        with store.read() as session:
            stored = len(list_documents(session))
        kept = len(report.imported)
        record(
            "import: documents kept after cancel / report says",
            f"{stored} / {kept}",
            f"{len(report.not_started)} not started",
        )
        first.close()

        second = dialog(store)
        done.clear()
        second.imported.connect(lambda: done.append(1))
        t0 = time.perf_counter()
        second.start_import()
        wait(lambda: done, 900)
        elapsed = time.perf_counter() - t0
        shot(second, out, "import_4_done")
        report = second.report
        assert report is not None
        record(
            "import: the rest, with the attribute sheet",
            elapsed,
            f"{len(report.imported)} imported, {len(report.duplicates)} duplicates, {len(report.failed)} failed",
        )
        result = second.sheet_result
        record("import: attribute values added", str(getattr(result, "added", result)), str(second.sheet_error or ""))
        second.close()
    record("import: peak memory of the process so far", f"{peak_mb():.0f} MB")


# -- the workbench --------------------------------------------------------------------------

CODES = (
    "Loopbaangesprek",
    "Samen leren",
    "Visie op LOB",
    "Rol van de mentor",
    "Stage en bpv",
    "Tijdgebrek",
    "Professionalisering",
    "Coördinatie",
    "Studiekeuze",
    "Leiderschap",
)


def painted(window: Any, action: Callable[[], object]) -> float:
    """Seconds from the call until the transcript has painted (as benchmarks/workbench.py times it)."""
    start = time.perf_counter()
    action()
    window.transcript.editor.viewport().repaint()
    APP.processEvents()
    return time.perf_counter() - start


def open_window(project: Path, settings: Any) -> Any:
    from lobcoder.gui.main_window import MainWindow

    window = MainWindow(settings)
    window.resize(1400, 900)
    window.show()
    settle()
    record("window: open the project (both trees filled)", painted(window, lambda: window.open_project(project)))
    return window


def sentence_spans(text: str, speaker_start: int, count: int, step: int) -> list[tuple[int, int]]:
    """``count`` whole sentences from ``speaker_start`` on, ``step`` characters apart, as she would drag them."""
    spans = []
    position = speaker_start
    while len(spans) < count:
        start = text.index(". ", position) + 2
        end = text.index(".", start) + 1
        spans.append((start, end))
        position = start + step
    return spans


def workbench(project: Path, out: Path, settings: Any) -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from lobcoder.editing.code_commands import CreateCode

    window = open_window(project, settings)
    stack = window.undo_stack
    t0 = time.perf_counter()
    existing = {c.name for c in window.overview.codes}
    for name in CODES:
        if name not in existing:  # a rerun on the same project
            stack.execute(CreateCode(name))
    record("workbench: create 10 codes (one undo step each)", time.perf_counter() - t0)
    longest = max(window.overview.documents, key=lambda d: d.characters)
    record(
        "workbench: open the longest transcript, to first paint",
        painted(window, lambda: window.open_document(longest.id)),
        f"{longest.name}, {longest.characters:,} characters",
    )
    shot(window, out, "workbench_1_opened")
    text = window.document.text
    bar = window.transcript.editor.verticalScrollBar()
    t0 = time.perf_counter()
    pages = 0
    while bar.value() < bar.maximum():
        QTest.keyClick(window.transcript.editor, Qt.Key.Key_PageDown)
        window.transcript.editor.viewport().repaint()
        pages += 1
    record("workbench: page down through it (per page)", (time.perf_counter() - t0) / max(pages, 1), f"{pages} pages")
    wait(lambda: not window.transcript.formatter.pending, 60)
    bar.setValue(0)
    settle()

    spans = sentence_spans(text, text.index("Docent") if "Docent" in text else 0, 30, len(text) // 40)
    editor = window.transcript.editor
    editor.setFocus()
    times = []
    for n, (start, end) in enumerate(spans):
        window.transcript.scroll_to(start)
        window.transcript.select_span(start, end)
        editor.setFocus()  # she drags over the words, which focuses the text
        t0 = time.perf_counter()
        if n % 3 == 2:  # quick code: Ctrl+K, type part of the name, Enter
            from lobcoder.gui.quick_code import QuickCodePicker

            name = CODES[n % len(CODES)]

            def choose(name: str = name) -> None:
                picker = next(w for w in APP.topLevelWidgets() if isinstance(w, QuickCodePicker) and w.isVisible())
                QTest.keyClicks(picker.filter, name[:5].split("ö")[0])  # QTest types ASCII only
                QTest.keyClick(picker.filter, Qt.Key.Key_Return)

            from PySide6.QtCore import QTimer

            QTimer.singleShot(50, choose)
            window.menu_actions.quick_code_action.trigger()
        else:  # a pinned-code key, 1-9
            QTest.keyClick(editor, Qt.Key(Qt.Key.Key_1.value + n % 9))
        editor.viewport().repaint()
        APP.processEvents()
        times.append(time.perf_counter() - t0)
    with window.store.read() as session:
        from sqlalchemy import func, select

        from lobcoder.storage.models import Coding, Memo

        coded = session.scalar(select(func.count()).select_from(Coding))
    record(
        "workbench: code 30 passages, per passage (keys 1-9 / Ctrl+K)",
        sum(times) / len(times),
        f"{coded} codings stored",
    )
    shot(window, out, "workbench_2_coded")
    t0 = time.perf_counter()
    for _ in range(5):
        stack.undo()
    undo = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(5):
        stack.redo()
    record("workbench: undo 5 codings / redo 5", f"{undo:.2f} / {time.perf_counter() - t0:.2f} s")
    last = window.coding.codings[-1]
    window.coding.show_coding_by_id(last.id)
    window.coding_pane.memo.setPlainText("Mooi voorbeeld van samen leren in het team; terugkomen in meting 3.")
    t0 = time.perf_counter()
    window.coding_pane.commit_memo()
    record("workbench: memo on a coding", time.perf_counter() - t0)
    shot(window, out, "workbench_3_memo")
    with window.store.read() as session:
        memo = session.scalar(select(Memo.text).where(Memo.coding_id == last.id))
        coded = session.scalar(select(func.count()).select_from(Coding))
    record("workbench: after undo/redo and memo", f"{coded} codings", f"memo stored: {bool(memo)}")
    return window


# -- suggestions -----------------------------------------------------------------------------

# What she codes with what: a sentence of a respondent that says one of these.
KEYWORDS = workflow_corpus.CODE_KEYWORDS


def code_for_weeks(window: Any, documents: int) -> int:
    """Her earlier weeks of coding, in one go: every keyword sentence of a respondent in ``documents`` transcripts."""
    import re

    from sqlalchemy import select

    from lobcoder.services.codings import add_coding
    from lobcoder.storage.models import Document, Speaker, SpeakerTurn

    codes = {c.name: c.id for c in window.overview.codes}
    sentence = re.compile(r"[^.!?\n]+[.!?]")
    added = 0
    chosen = [d for d in window.overview.documents if d.name.startswith("D")][:documents]
    with window.store.transaction() as session:
        for document in chosen:
            text = session.get(Document, document.id).text
            turns = session.execute(
                select(SpeakerTurn.start, SpeakerTurn.end)
                .join(Speaker, Speaker.id == SpeakerTurn.speaker_id)
                .where(SpeakerTurn.document_id == document.id, Speaker.is_interviewer.is_(False))
            ).all()
            here = 0
            for start, end in turns:
                for m in sentence.finditer(text, start, end):
                    words = m.group().lower()
                    hit = next((code for code, keys in KEYWORDS.items() if any(k in words for k in keys)), None)
                    if hit:
                        left = m.start() + len(m.group()) - len(m.group().lstrip())
                        add_coding(session, document.id, codes[hit], left, m.end(), coder="Ilse")
                        here += 1
            added += here
    return added


def suggestions(window: Any, out: Path) -> Any:
    controller = window.suggestions
    t0 = time.perf_counter()
    added = code_for_weeks(window, documents=8)
    window.refresh()
    settle()
    record(
        "suggestions: her earlier coding, added in bulk (not GUI)",
        time.perf_counter() - t0,
        f"{added} codings in 8 transcripts",
    )
    ended: list[int] = []
    controller.settled.connect(lambda: ended.append(1))
    if not controller.dock.isVisible():  # the window remembers the pane from an earlier run
        controller.toggle_action.trigger()
    settle()
    t0, cpu = time.perf_counter(), time.process_time()
    controller.pane.trainRequested.emit()
    wait(lambda: ended and not controller.is_running(), 900)
    cpu = time.process_time() - cpu
    record(
        "suggestions: train on her codings (button)",
        time.perf_counter() - t0,
        f"CPU {cpu:.1f} s; {controller.pane.model_label.text()[:70]}",
    )
    coded = {d.id for d in window.overview.documents if d.codings}
    target = min(
        (d for d in window.overview.documents if d.id not in coded and d.name.startswith("D")),
        key=lambda d: abs(d.characters - 65_000),
    )
    ended.clear()
    t0 = time.perf_counter()
    first_paint = painted(window, lambda: window.open_document(target.id))
    wait(lambda: ended and not controller.is_running(), 600)
    words = len(window.document.text.split())
    rows = controller.pane.model.rowCount()
    record("suggestions: open an uncoded transcript, first paint", first_paint, f"{target.name}, {words:,} words")
    record("suggestions: ... to first suggestions shown", time.perf_counter() - t0, f"{rows} suggestions")
    shot(window, out, "suggestions_1_shown")
    t0 = time.perf_counter()
    answered = 0
    for n in range(10):
        suggestion = controller.pane.model.suggestion(0)
        if suggestion is None:
            break
        ended.clear()
        (controller.accept if n % 2 == 0 else controller.reject)(suggestion)
        APP.processEvents()
        answered += 1
    record(
        "suggestions: accept 5 / reject 5, per answer",
        (time.perf_counter() - t0) / max(answered, 1),
        f"{answered} answered",
    )
    wait(lambda: not controller.is_running(), 600)
    settle()
    shot(window, out, "suggestions_2_answered")
    return window


# -- analysis ----------------------------------------------------------------------------------


def render(docx: Path) -> str:
    """The .docx as PDF and the first page as PNG beside it (LibreOffice and poppler), for looking at."""
    import subprocess

    if not shutil.which("libreoffice"):
        return "libreoffice not installed: not rendered"
    subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = docx.with_suffix(".pdf")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(docx.with_suffix(""))], check=True
    )
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages")), "?") + " pages"


def choose(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def analysis(window: Any, out: Path) -> Any:
    from lobcoder.gui.analysis.install import AnalysisMenu

    menu = window.findChild(AnalysisMenu)
    t0 = time.perf_counter()
    menu.open_action.trigger()
    an = menu.analysis_window
    an.resize(1366, 850)

    def idle() -> bool:
        return an.dataset is not None and an.is_idle()

    wait(idle, 600)
    record("analysis: open the window (dataset loaded, frequencies shown)", time.perf_counter() - t0)
    f = an.frequencies
    t0 = time.perf_counter()
    choose(f.split_by, "school")
    wait(idle, 600)
    choose(f.then_by, "meting")
    wait(idle, 600)
    record("analysis: frequencies split by school, then wave", time.perf_counter() - t0, f"{f.model.rowCount()} rows")
    shot(an, out, "analysis_1_frequencies")

    an.tabs.setCurrentWidget(an.cooccurrence)
    t0 = time.perf_counter()
    wait(idle, 600)
    record("analysis: co-occurrence matrix", time.perf_counter() - t0)
    co = an.cooccurrence
    codes = {c.name: c.id for c in window.overview.codes}
    shown: list[int] = []
    co.passagesShown.connect(lambda: shown.append(1))
    t0 = time.perf_counter()
    picked = co.select_cell(codes["Samen leren"], codes["Rol van de mentor"])
    wait(lambda: shown, 600)
    settle()
    record(
        "analysis: drill down into a cell (Samen leren × mentor)",
        time.perf_counter() - t0,
        f"cell found: {picked}, {co.drill_title.text()[:60]}",
    )
    shot(an, out, "analysis_2_cooccurrence")

    q = an.quotes
    an.tabs.setCurrentWidget(q)
    wait(idle, 600)
    t0 = time.perf_counter()
    choose(q.code, codes["Samen leren"])
    wait(idle, 600)
    choose(q.order_by, "meting")
    wait(idle, 600)
    record("analysis: quotes of one code, ordered by wave", time.perf_counter() - t0, q.summary.text()[:60])
    shot(an, out, "analysis_3_quotes")

    for tab, name in ((f, "frequenties"), (co, "co-occurrentie"), (q, "citaten")):
        an.tabs.setCurrentWidget(tab)
        wait(idle, 600)
        ended: list[str] = []
        tab.exported.connect(lambda path, ended=ended: ended.append(path))
        target = out / f"{name}.docx"
        t0 = time.perf_counter()
        tab.export_to(target)
        wait(lambda ended=ended: ended or not an.is_exporting(), 900)
        elapsed = time.perf_counter() - t0
        record(
            f"analysis: export {name} to Word (Dutch)", elapsed, f"{target.stat().st_size // 1024} KB; {render(target)}"
        )
    an.close()
    record("analysis: peak memory of the process so far", f"{peak_mb():.0f} MB")
    return window


# -- exchange, backup, reopen ---------------------------------------------------------------


def counts(path: Path) -> tuple[int, int, int, int]:
    """Documents, codes, codings and memos of a project file."""
    from sqlalchemy import func, select

    from lobcoder.storage.models import Code, Coding, Document, Memo
    from lobcoder.storage.project import ProjectStore

    with ProjectStore.open(path) as store, store.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(m)) for m in (Document, Code, Coding, Memo))  # type: ignore[return-value]


def lobcoder_cli(*args: str) -> tuple[float, str]:
    """Run ``lobcoder ARGS`` as she would in a terminal; its seconds and output."""
    import subprocess

    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lobcoder", *args], capture_output=True, text=True, timeout=1800)
    if done.returncode:
        raise RuntimeError(f"lobcoder {' '.join(args)}: {done.stderr.strip()}")
    return time.perf_counter() - t0, done.stdout


def exchange(window: Any, project: Path, out: Path) -> Any:
    from lobcoder.gui.dialogs.codebook_export_dialog import CodebookExportOptions

    actions = window.menu_actions.exchange
    qdc, qdpx = out / "codeboek.qdc", out / "onderzoek.qdpx"
    t0 = time.perf_counter()
    actions.write_codebook(qdc, "qdc", CodebookExportOptions(None, "nl", False))
    record(
        "exchange: export the codebook as .qdc (window)", time.perf_counter() - t0, f"{qdc.stat().st_size // 1024} KB"
    )
    window.coding_pane.commit_memo()
    t0 = time.perf_counter()
    actions.write_project(qdpx)
    wait(lambda: actions.task is None or not actions._busy(), 1800)
    wait(lambda: qdpx.exists(), 60)
    record(
        "exchange: export the project as .qdpx (window, background)",
        time.perf_counter() - t0,
        f"{qdpx.stat().st_size / 1e6:.1f} MB",
    )
    settle()
    shot(window, out, "exchange_1_exported")
    fresh = out / "uit-qdpx.lobcoder"
    fresh.unlink(missing_ok=True)
    seconds, _ = lobcoder_cli("project", "import", str(qdpx), "--out", str(fresh))
    record("exchange: import the .qdpx into a new project (CLI)", seconds)
    before, after = counts(project), counts(fresh)
    record(
        "exchange: documents/codes/codings/memos before → after",
        f"{before} → {after}",
        "same" if before == after else "DIFFERENT",
    )
    empty = out / "leeg.lobcoder"
    empty.unlink(missing_ok=True)
    lobcoder_cli("new", str(empty))
    seconds, _ = lobcoder_cli("codebook", "import", str(empty), str(qdc))
    record("exchange: import the .qdc into an empty project (CLI)", seconds, f"codes {counts(empty)[1]} of {before[1]}")
    return window


def backup_and_reopen(window: Any, project: Path, out: Path, settings: Any) -> Any:
    from lobcoder.storage.backups import list_backups

    t0 = time.perf_counter()
    seconds, listing = lobcoder_cli("backup", "create", str(project))
    record("backup: make one now (CLI)", seconds, listing.strip().splitlines()[-1][:70] if listing.strip() else "")
    backups = list_backups(project)
    restored = out / "teruggezet.lobcoder"
    restored.unlink(missing_ok=True)
    t0 = time.perf_counter()
    ok = window.menu_actions.backups.restore_to_file(backups[0], restored)
    record(
        "backup: restore the newest to a new file (window)",
        time.perf_counter() - t0,
        f"ok={ok}; {counts(restored)} (docs, codes, codings, memos)",
    )
    t0 = time.perf_counter()
    window.close()
    settle()
    record("close the window", time.perf_counter() - t0)
    window = open_window(project, settings)
    wait(lambda: window.document is not None, 30)
    record(
        "reopen: the last document is open again",
        "yes" if window.document is not None else "no",
        window.document.name if window.document else "",
    )
    size = project.stat().st_size
    words = sum(d.characters for d in window.overview.documents)
    record(
        "project size on disk", f"{size / 1e6:.1f} MB", f"{size / max(words, 1) * 1000:.0f} bytes per 1,000 characters"
    )
    folder = sum(p.stat().st_size for p in project.parent.glob(f".{project.name}.backups/*"))
    record("backup folder beside it", f"{folder / 1e6:.1f} MB", f"{len(list_backups(project))} backups")
    shot(window, out, "reopen")
    record("peak memory of the window process", f"{peak_mb():.0f} MB")
    return window


STEPS: dict[str, Callable[..., Any]] = {
    "import": lambda corpus, project, out, settings, window: import_study(corpus, project, out, settings),
    "workbench": lambda corpus, project, out, settings, window: workbench(project, out, settings),
    "suggestions": lambda corpus, project, out, settings, window: suggestions(
        window or open_window(project, settings), out
    ),
    "analysis": lambda corpus, project, out, settings, window: analysis(window or open_window(project, settings), out),
    "exchange": lambda corpus, project, out, settings, window: exchange(
        window or open_window(project, settings), project, out
    ),
    "reopen": lambda corpus, project, out, settings, window: backup_and_reopen(
        window or open_window(project, settings), project, out, settings
    ),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="folder written by workflow_corpus.py")
    parser.add_argument("--out", type=Path, required=True, help="project, screenshots and exports go here")
    parser.add_argument("--lang", default="nl", choices=("nl", "en"))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--only", default=",".join(STEPS), help=f"comma-separated steps of: {','.join(STEPS)}")
    args = parser.parse_args(argv)

    from lobcoder.gui.i18n import install_translations
    from lobcoder.gui.settings import Settings

    install_translations(APP, args.lang)
    steps = args.only.split(",")
    if "import" in steps:  # a new study: emptied first (only a folder a benchmark made)
        fresh_folder(args.out)
    else:
        take_folder(args.out, "--out")
    settings = Settings(str(args.out / "settings.ini"))
    settings.language = args.lang
    settings.interviewer_names = ["Interviewer", "Marieke Jansen", "Ruud Bakker"]
    project = args.out / "onderzoek.lobcoder"
    window = None
    pristine = args.out / "imported.lobcoder"  # reruns of later steps start from the imported study
    if "import" not in steps and pristine.exists():
        shutil.copy(pristine, project)
    for step in steps:
        window = STEPS[step](corpus=args.corpus, project=project, out=args.out, settings=settings, window=window)
        if step == "import":
            shutil.copy(project, pristine)
    if window is not None:
        window.close()
    if args.json:
        args.json.write_text(json.dumps(FIGURES, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
