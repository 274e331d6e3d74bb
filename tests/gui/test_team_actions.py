"""File → Prepare a copy for a second coder, and File → Merge coding from another project, in the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.gui.team_actions import TeamActions
from lobcoder.storage.backups import BEFORE_MERGE, list_backups
from lobcoder.storage.models import Coder, Coding, Document
from lobcoder.storage.project import ProjectStore
from tests.teamwork.helpers import WAVES, build_project, code_as


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    build_project(tmp_path / "main.lobcoder").close()
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(tmp_path / "main.lobcoder")
    yield win
    win.close()


def team(win: MainWindow) -> TeamActions:
    return win.menu_actions.team


def count(store: ProjectStore, model: type) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_copy_dialog_draws_a_stratified_sample_and_writes_the_copy(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.menu_actions.team_copy_action.trigger()
    dialog = team(window).copy_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.by_sample.setChecked(True)
    dialog.percent.setValue(50)
    assert dialog.stratify.currentData() == "wave"  # chosen for the user when the project has one
    first = dialog.chosen()
    assert len(first) == 2
    assert not dialog.list.isEnabled()
    assert "2 document(s) of 4 will be copied." in dialog.count.text().replace("2 documents", "2 document(s)")
    dialog.by_hand.setChecked(True)
    item = dialog.model.item(0)
    item.setCheckState(Qt.CheckState.Checked if item.checkState() != Qt.CheckState.Checked else Qt.CheckState.Unchecked)
    options = dialog.options()
    assert len(options.document_ids) in (1, 3) and options.blind and not options.qdpx

    team(window).write_copy(tmp_path / "ilse", options)
    qtbot.waitUntil(lambda: team(window).message is not None, timeout=20000)
    with ProjectStore.open(tmp_path / "ilse.lobcoder") as copy:
        assert count(copy, Document) == len(options.document_ids)
        assert count(copy, Coding) == 0


def test_copy_dialog_opens_with_the_seeded_sample_even_with_a_document_open(qtbot, window: MainWindow) -> None:
    """A copy for a second coder is a reliability sample: drawn, not the one document that happens to be open."""
    assert window.overview is not None
    window.open_document(window.overview.documents[0].id)
    window.menu_actions.team_copy_action.trigger()
    dialog = team(window).copy_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.by_sample.isChecked() and not dialog.by_hand.isChecked()
    assert dialog.percent.value() == 20 and dialog.stratify.currentData() == "wave" and dialog.seed.value() == 1
    assert dialog.percent.isEnabled() and not dialog.list.isEnabled()
    drawn = dialog.chosen()
    assert drawn  # 20 % of 4 interviews, at least one of each wave asked for: ticked in the list
    dialog.by_hand.setChecked(True)  # ticking by hand starts from the drawn sample
    assert dialog.chosen() == drawn and dialog.list.isEnabled() and not dialog.percent.isEnabled()
    dialog.reject()


def test_copy_dialog_warns_when_the_sample_leaves_a_stratum_out(qtbot, window: MainWindow) -> None:
    """25 % of 4 interviews in two waves is one interview: the dialog names the wave left out, as the CLI does."""
    window.menu_actions.team_copy_action.trigger()
    dialog = team(window).copy_dialog
    assert dialog is not None
    dialog.by_sample.setChecked(True)
    dialog.percent.setValue(50)
    assert dialog.warning.isHidden()
    dialog.percent.setValue(25)
    [chosen] = dialog.chosen()
    name = next(
        dialog.model.item(r).text() for r in range(4) if dialog.model.item(r).data(Qt.ItemDataRole.UserRole) == chosen
    )
    other = "2" if WAVES[name] == "1" else "1"
    assert dialog.warning.isVisible()
    assert dialog.warning.text() == (
        f"A 25 % sample is 1 document of 4 and has none with wave {other}: that part of the project "
        "will not be in the copy (take a larger sample)."
    )
    dialog.stratify.setCurrentIndex(0)  # all documents alike: no strata to miss
    assert dialog.warning.isHidden()
    dialog.stratify.setCurrentIndex(1)
    assert dialog.warning.isVisible()
    dialog.by_hand.setChecked(True)
    assert dialog.warning.isHidden()


def test_merge_preview_apply_undo_and_save_report(qtbot, window: MainWindow, tmp_path: Path) -> None:
    store = window.store
    assert store is not None and window.undo_stack is not None
    team(window).write_copy(tmp_path / "ilse.lobcoder", _options(store))
    qtbot.waitUntil(lambda: team(window).message is not None, timeout=20000)
    with ProjectStore.open(tmp_path / "ilse.lobcoder") as copy:
        code_as(copy, "Ilse", "Interview 2", "Keuze", "de mentor hielp me kiezen")
        code_as(copy, "ilse ", "Interview 3", "Twijfel", "Het loopbaangesprek")
    before = count(store, Coding)

    team(window).plan_merge(tmp_path / "ilse.lobcoder")
    qtbot.waitUntil(lambda: team(window).preview is not None, timeout=20000)
    preview = team(window).preview
    assert preview is not None and preview.apply_button.isEnabled()
    assert "Codings: 2 to add, 0 already here, 0 left out" in preview.summary.text()
    assert "Ilse (added)" in preview.report.toPlainText()
    assert team(window).save_merge_report(preview.plan, tmp_path / "report.txt")
    assert "Codings: 2 to add" in (tmp_path / "report.txt").read_text(encoding="utf-8")

    preview.accept()  # the merge runs in a worker, then lands on the undo stack as one step
    qtbot.waitUntil(lambda: window.undo_stack is not None and window.undo_stack.count() == 1, timeout=20000)
    assert count(store, Coding) == before + 2
    merged = [b for b in list_backups(store.path) if b.reason == BEFORE_MERGE]
    assert len(merged) == 1 and merged[0].counts() == (4, before)  # the state before the merge
    assert count(store, Coder) == 2  # "ilse " is the same coder as "Ilse"
    assert "Merge 2 coding" in window.undo_stack.undoText()
    window.undo_stack.undo()
    assert count(store, Coding) == before and count(store, Coder) == 1
    window.undo_stack.redo()
    assert count(store, Coding) == before + 2


def _options(store: ProjectStore):  # type: ignore[no-untyped-def]
    from lobcoder.gui.dialogs.team_copy_dialog import CopyOptions

    with store.read() as session:
        ids = tuple(session.scalars(select(Document.id).where(Document.name.in_(["Interview 2", "Interview 3"]))))
    return CopyOptions(ids, blind=True, qdpx=False)


def test_merge_changed_since_the_preview_merges_nothing_and_shows_the_new_preview(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """The preview blocks only the main window: a coding added elsewhere meanwhile is not merged a second time."""
    store = window.store
    assert store is not None and window.undo_stack is not None
    team(window).write_copy(tmp_path / "ilse.lobcoder", _options(store))
    qtbot.waitUntil(lambda: team(window).message is not None, timeout=20000)
    with ProjectStore.open(tmp_path / "ilse.lobcoder") as copy:
        code_as(copy, "Ilse", "Interview 2", "Keuze", "de mentor hielp me kiezen")
        code_as(copy, "Ilse", "Interview 3", "Twijfel", "Het loopbaangesprek")
    team(window).plan_merge(tmp_path / "ilse.lobcoder")
    qtbot.waitUntil(lambda: team(window).preview is not None, timeout=20000)
    first = team(window).preview
    assert first is not None and first.changed.isHidden() and first.undo_note.isVisible()
    assert "Codings: 2 to add" in first.summary.text()
    # While the preview is open, one of Ilse's codings is added through another connection (the analysis window).
    with ProjectStore.open(store.path) as elsewhere:
        code_as(elsewhere, "Ilse", "Interview 2", "Keuze", "de mentor hielp me kiezen")
    before = count(store, Coding)

    first.accept()
    qtbot.waitUntil(lambda: team(window).preview is not first and team(window).preview is not None, timeout=20000)
    second = team(window).preview
    assert second is not None and second.isVisible() and second.changed.isVisible()
    assert "changed since the preview" in second.changed.text()
    assert "Codings: 1 to add, 1 already here" in second.summary.text()
    assert count(store, Coding) == before and window.undo_stack.count() == 0  # nothing merged
    assert [b for b in list_backups(store.path) if b.reason == BEFORE_MERGE] == []  # and no backup made

    second.accept()
    qtbot.waitUntil(lambda: window.undo_stack is not None and window.undo_stack.count() == 1, timeout=20000)
    assert count(store, Coding) == before + 1
    assert len([b for b in list_backups(store.path) if b.reason == BEFORE_MERGE]) == 1
    window.undo_stack.undo()
    assert count(store, Coding) == before


def test_a_backup_problem_is_still_reported_when_the_merge_then_fails(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """The backup runs under the write lock before the merge: if the merge fails, its problem is not lost."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from lobcoder.storage.backups import backup_folder

    store = window.store
    assert store is not None and window.undo_stack is not None
    team(window).write_copy(tmp_path / "ilse.lobcoder", _options(store))
    qtbot.waitUntil(lambda: team(window).message is not None, timeout=20000)
    with ProjectStore.open(tmp_path / "ilse.lobcoder") as copy:
        code_as(copy, "Ilse", "Interview 2", "Keuze", "de mentor hielp me kiezen")
    team(window).plan_merge(tmp_path / "ilse.lobcoder")
    qtbot.waitUntil(lambda: team(window).preview is not None, timeout=20000)
    preview = team(window).preview
    assert preview is not None
    folder = backup_folder(store.path)  # a file where the backups go: the backup cannot be made
    if folder.exists():
        folder.rename(tmp_path / "old backups")
    folder.write_text("not a folder", encoding="utf-8")
    with sqlite3.connect(store.path) as db:  # and the database refuses new codings: the merge fails
        db.execute("CREATE TRIGGER refuse BEFORE INSERT ON codings BEGIN SELECT RAISE(ABORT, 'refused'); END")
    db.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: shown.append(text))
    before = count(store, Coding)

    preview.accept()
    # The refusal is told: as a one-line warning if it is classified, else in the box for a bug, which names the task.
    told = lambda: bool(shown) or any(box.isVisible() for box in window.findChildren(QMessageBox))  # noqa: E731
    qtbot.waitUntil(told, timeout=20000)
    qtbot.waitUntil(lambda: window.menu_actions.backups.last_problem is not None, timeout=5000)
    assert str(folder) in window.menu_actions.backups.last_problem
    assert "No backup made" in window.statusBar().currentMessage()
    assert count(store, Coding) == before and window.undo_stack.count() == 0


def test_copy_dialog_stratifies_by_meting_as_by_wave(qtbot) -> None:
    """'meting' is how Dutch studies name their waves; the sample was drawn over all documents alike."""
    from lobcoder.gui.dialogs.team_copy_dialog import TeamCopyDialog

    dialog = TeamCopyDialog([(1, "a"), (2, "b")], ["school", "meting"], lambda *_args: ([1], []))
    qtbot.addWidget(dialog)
    assert dialog.stratify.currentData() == "meting"
