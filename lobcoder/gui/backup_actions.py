"""Backups in the window: the daily backup and cloud-folder warning on opening, and File → Restore from backup…."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from lobcoder.errors import LobcoderError
from lobcoder.gui.background_task import STATUS_MS
from lobcoder.gui.dialogs.restore_dialog import RestoreDialog
from lobcoder.gui.failures import error_text
from lobcoder.gui.i18n import worded
from lobcoder.gui.leftover_check import LeftoverCheck
from lobcoder.storage.backups import (
    Backup,
    BackupResult,
    CancelCheck,
    ProgressCallback,
    backup_folder,
    create_backup,
    daily_backup,
    list_backups,
    restore_in_place,
    restore_to_new_file,
)
from lobcoder.storage.location import sync_service
from lobcoder.storage.project import EXTENSION, ProjectStore

if TYPE_CHECKING:
    from lobcoder.gui.main_window import MainWindow


class WorkerBackup(Protocol):
    """Back up in a worker (see :meth:`BackupActions.in_worker`)."""

    def __call__(
        self,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
        replaces: Backup | None = None,
    ) -> BackupResult | None: ...


class BackupActions(QObject):
    """``dialog`` and ``question`` are kept so that tests can drive them; ``clock`` can be replaced in tests."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: RestoreDialog | None = None
        self.question: QMessageBox | None = None
        self.clock = lambda: None  # None: the real time (tests inject a datetime)
        self.last_problem: str | None = None
        self.leftovers = LeftoverCheck(window)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS * 2)

    def report(self, result: BackupResult | None) -> None:
        """Say in the status bar when a backup could not be made (for backups made in a worker)."""
        if result is not None and result.problem:
            self.last_problem = worded(result.problem)
            self._status(self.tr("No backup made: {0}").format(self.last_problem))

    def project_opened(self, store: ProjectStore) -> None:
        """Make the daily backup when one is due; warn when the project lies in a cloud-synced folder;
        offer to remove files interrupted imports left beside it."""
        if not store.read_only:
            now: datetime | None = self.clock()
            self.report(daily_backup(store.path, now))
        service = sync_service(store.path)
        if service is not None:
            self._status(
                self.tr(
                    "This project lies in a folder synchronised by {0}: sync tools can copy it half-written "
                    "and lose work. Keep projects in a local folder."
                ).format(service)
            )
        self.leftovers.project_opened(store.path)

    @staticmethod
    def make(
        store: ProjectStore,
        reason: str,
        now: datetime | None,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
        replaces: Backup | None = None,
    ) -> BackupResult | None:
        """Back ``store`` up for ``reason`` (None: read-only, nothing to back up); Qt-free, so a worker may call it.

        Give the result to :meth:`report` on the GUI thread. Raises ``Cancelled`` when ``cancelled()`` turns true.
        """
        return None if store.read_only else create_backup(store.path, reason, now, progress, cancelled, replaces)

    def in_worker(self, store: ProjectStore, reason: str) -> tuple[WorkerBackup, Callable[[], None]]:
        """A backup function for a task's worker and the function that reports what it made.

        Each call of the first backs ``store`` up for ``reason`` (time: now, as this is called; replacing
        the backup given, see ``create_backup``) and keeps and returns the result; give the second to the
        task as its ``on_end``: on the GUI thread it says which backups could not be made, whether the
        task then finished, failed or was cancelled.
        """
        now = self.clock()
        made: list[BackupResult | None] = []

        def backup(
            progress: ProgressCallback | None = None,
            cancelled: CancelCheck | None = None,
            replaces: Backup | None = None,
        ) -> BackupResult | None:
            made.append(self.make(store, reason, now, progress, cancelled, replaces))
            return made[-1]

        def report() -> None:
            while made:
                self.report(made.pop(0))

        return backup, report

    # -- restore ------------------------------------------------------------------

    @Slot()
    def restore(self) -> RestoreDialog | None:
        store = self.window.store
        if store is None:
            QMessageBox.information(self.window, self.tr("Restore from backup"), self.tr("Open a project first."))
            return None
        self.window.coding_pane.commit_memo()
        dialog = RestoreDialog(list_backups(store.path), str(backup_folder(store.path)), self.window)
        dialog.restore_to_file.connect(self.restore_to_file)
        dialog.replace_project.connect(self.confirm_replace)
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def restore_to_file(self, backup: Backup, target: Path | None = None) -> bool:
        store = self.window.store
        if store is None:
            return False
        if target is None:
            suggested = store.path.with_name(f"{store.path.stem} {backup.created.astimezone():%Y-%m-%d}{EXTENSION}")
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Restore to a new file"),
                str(suggested),
                self.tr("lobcoder projects (*{0})").format(EXTENSION),
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if not path:
                return False
            target = Path(path) if path.endswith(EXTENSION) else Path(path + EXTENSION)
        try:
            restore_to_new_file(backup.path, target)
        except LobcoderError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot restore the backup"), error_text(exc))
            return False
        self._status(self.tr("Restored the backup to {0}; the open project is unchanged.").format(target))
        return True

    @Slot(object)
    def confirm_replace(self, backup: Backup) -> QMessageBox | None:
        store = self.window.store
        if store is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Replace the project"),
            self.tr(
                "Replace {0} with the backup of {1}? Everything done since then is undone. The current state is "
                "backed up first, so this restore can itself be undone from this dialog."
            ).format(store.path.name, backup.created.astimezone().strftime("%Y-%m-%d %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Replace"))
        box.accepted.connect(lambda: self.replace(backup))
        self.question = box
        box.open()
        return box

    def replace(self, backup: Backup) -> bool:
        """Close the project, replace it with ``backup`` (after backing it up) and open it again."""
        store = self.window.store
        if store is None:
            return False
        path = store.path
        self.window.close_project()
        try:
            saved = restore_in_place(backup.path, path, self.clock())
        except LobcoderError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot restore the backup"), error_text(exc))
            self.window.open_project(path)
            return False
        if self.dialog is not None:
            self.dialog.accept()
        self.window.open_project(path)
        kept = saved.backup.path.name if saved.backup else ""
        self._status(self.tr("Restored the backup; the state before it is kept as {0}.").format(kept))
        return True
