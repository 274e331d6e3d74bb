"""File menu: prepare a copy for a second coder, and merge a coder's project back (undoable)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from lobcoder.errors import LobcoderError
from lobcoder.gui.background_task import TaskActions
from lobcoder.gui.failures import error_text
from lobcoder.gui.i18n import system_language
from lobcoder.gui.workers import CancelCheck, ProgressCallback
from lobcoder.storage.backups import BEFORE_MERGE
from lobcoder.storage.project import EXTENSION, ProjectStore

if TYPE_CHECKING:
    # Imported where used: team coding (and the .qdpx reader it needs) is not needed for the first paint.
    from lobcoder.editing.merge_plan import MergePlan
    from lobcoder.gui.dialogs.merge_preview_dialog import MergePreviewDialog
    from lobcoder.gui.dialogs.team_copy_dialog import CopyOptions, TeamCopyDialog
    from lobcoder.gui.main_window import MainWindow
    from lobcoder.teamwork.copy import CopyReport
    from lobcoder.teamwork.merge import MergeOutcome, MergePreview


class TeamActions(TaskActions):
    """Dialogs are opened with ``open()`` and kept (``copy_dialog``, ``preview``) so tests drive them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.copy_dialog: TeamCopyDialog | None = None
        self.preview: MergePreviewDialog | None = None
        self.message: QMessageBox | None = None

    def _store(self, title: str) -> ProjectStore | None:
        """The open project, with the memo being typed saved; None without one or while a task runs."""
        store = super()._store(title)
        if store is None or self._busy():
            return None
        self.window.coding_pane.commit_memo()
        return store

    def _language(self) -> str:
        language = self.window.settings.language
        return language if language in ("en", "nl") else system_language()

    # -- copy for a second coder ------------------------------------------------

    @Slot()
    def prepare_copy(self) -> None:
        from lobcoder.gui.dialogs.team_copy_dialog import TeamCopyDialog
        from lobcoder.teamwork.sample import copy_candidates, sample_with_strata

        store = self._store(self.tr("Prepare a copy for a second coder"))
        if store is None:
            return
        with store.read() as session:
            documents, attributes = copy_candidates(session)

        def sampler(percent: float, attribute: str | None, seed: int) -> tuple[list[int], list[str]]:
            with store.read() as session:
                chosen, missed = sample_with_strata(session, percent, attribute, seed)
            return [c.document_id for c in chosen], missed

        dialog = TeamCopyDialog(documents, attributes, sampler, self.window)
        dialog.accepted.connect(self._choose_copy_file)
        if self.copy_dialog is not None:
            self.copy_dialog.deleteLater()
        self.copy_dialog = dialog
        dialog.open()

    @Slot()
    def _choose_copy_file(self) -> None:
        store = self.window.store
        if self.copy_dialog is None or store is None:
            return
        suggested = store.path.with_name(self.tr("{0} - second coder").format(store.path.stem) + EXTENSION)
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save the copy for the second coder as"),
            str(suggested),
            self.tr("lobcoder projects (*{0})").format(EXTENSION),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.write_copy(Path(path), self.copy_dialog.options())

    def write_copy(self, target: Path, options: CopyOptions) -> None:
        """Write the copy in a worker; a report follows when it is done."""
        from lobcoder.teamwork.copy import prepare_copy

        store = self.window.store
        if store is None:
            return
        if target.suffix.lower() != EXTENSION:
            target = target.with_name(target.name + EXTENSION)
        qdpx = target.with_suffix(".qdpx") if options.qdpx else None
        language = self._language()

        def work(progress: ProgressCallback, cancelled: CancelCheck) -> CopyReport:
            return prepare_copy(
                store,
                target,
                options.document_ids,
                blind=options.blind,
                qdpx=qdpx,
                progress=progress,
                cancelled=cancelled,
                language=language,
            )

        title = self.tr("Prepare a copy for a second coder")
        self._start(title, self.tr("Writing {0}…").format(target.name), work, self._copied)

    @Slot(object)
    def _copied(self, report: CopyReport) -> None:
        kind = self.tr("blind copy") if report.blind else self.tr("copy with the codings")
        text = self.tr("Wrote a {0} with %n document(s) to {1}.", "", len(report.documents)).format(kind, report.path)
        if report.qdpx:
            text += "\n" + self.tr("Also wrote {0}.").format(report.qdpx)
        self._status(text)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Copy written"), text, parent=self.window)
        box.setInformativeText(
            self.tr(
                "Give the copy to the second coder. When it comes back, use File → Merge coding from another project."
            )
        )
        box.open()
        self.message = box

    # -- merge ----------------------------------------------------------------------

    @Slot()
    def merge_coding(self) -> None:
        title = self.tr("Merge coding from another project")
        store = self._store(title)
        if store is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            title,
            str(store.path.parent),
            self.tr("lobcoder or REFI-QDA projects (*{0} *.qdpx);;All files (*)").format(EXTENSION),
        )
        if path:
            self.plan_merge(Path(path))

    def plan_merge(self, path: Path) -> None:
        """Read ``path`` and plan the merge in a worker, then show the preview."""
        from lobcoder.teamwork.merge import preview_file

        store = self.window.store
        if store is None:
            return

        def work(progress: ProgressCallback, cancelled: CancelCheck) -> MergePreview:
            return preview_file(store, path, progress, cancelled)

        title = self.tr("Merge coding from another project")
        self._start(title, self.tr("Reading {0}…").format(path.name), work, self.show_preview)

    @Slot(object)
    def show_preview(self, preview: MergePreview, changed: bool = False) -> MergePreviewDialog:
        """``changed``: the project changed since the last preview, whose merge was therefore not applied."""
        from lobcoder.gui.dialogs.merge_preview_dialog import MergePreviewDialog

        plan = preview.plan
        dialog = MergePreviewDialog(plan, self._language(), self.window, changed=changed)
        dialog.accepted.connect(lambda: self.apply_merge(preview))
        dialog.save_requested.connect(lambda: self._choose_report_file(plan))
        if self.preview is not None:
            self.preview.deleteLater()
        self.preview = dialog
        dialog.open()
        return dialog

    def apply_merge(self, preview: MergePreview) -> bool:
        """Plan again and apply in a worker (one transaction), then put it on the undo stack as one step.

        The plan shown may be stale (the analysis window, or another program,
        can change the project while the preview is open): when the plan made
        under the write lock differs, nothing is merged and the new preview is
        shown. The backup is made only when something is to be merged.
        """
        from lobcoder.teamwork.merge import merge_other

        store, stack = self.window.store, self.window.undo_stack
        plan = preview.plan
        if store is None or stack is None or not plan.changes_anything:
            return False
        # In the worker, before the write lock (again under it if someone wrote meanwhile).
        backup, report_backup = self.window.menu_actions.backups.in_worker(store, BEFORE_MERGE)

        def work(_progress: ProgressCallback, _cancelled: CancelCheck) -> MergeOutcome:
            return merge_other(
                store, preview.other, plan.source, lambda stale: backup(None, None, stale), expected=plan
            )

        def done(outcome: MergeOutcome) -> None:
            if outcome.stale:
                self._status(self.tr("The project changed since the preview; nothing was merged."))
                self.show_preview(replace(preview, plan=outcome.plan), changed=True)
                return
            if outcome.command is None or outcome.inverse is None:
                return
            if self.window.undo_stack is stack:
                stack.record(outcome.command, outcome.inverse)
            name = Path(plan.source).name
            self._status(self.tr("Merged %n coding(s) from {0}", "", len(outcome.plan.codings)).format(name))

        title = self.tr("Merge coding from another project")
        label = self.tr("Merging {0}…").format(Path(plan.source).name)
        self._start(title, label, work, done, on_end=report_backup)  # also when the merge failed after the backup
        return True

    def _choose_report_file(self, plan: MergePlan) -> None:
        suggested = Path(plan.source).with_name(self.tr("{0} - merge report").format(Path(plan.source).stem) + ".txt")
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save report"), str(suggested), self.tr("Text files (*.txt)")
        )
        if path:
            self.save_merge_report(plan, Path(path))

    def save_merge_report(self, plan: MergePlan, path: Path) -> bool:
        from lobcoder.teamwork.report import save_report

        try:
            save_report(plan, path, self._language())
        except LobcoderError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot save the report"), error_text(exc))
            return False
        self._status(self.tr("Saved the report to {0}").format(path))
        return True
