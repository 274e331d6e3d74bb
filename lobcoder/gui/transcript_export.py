"""File → Export transcripts…: the transcripts as Word or text files, optionally pseudonymised."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from lobcoder.gui.i18n import system_language
from lobcoder.storage.project import ProjectStore

if TYPE_CHECKING:
    from lobcoder.gui.dialogs.export_choices_dialog import ExportChoices, ExportChoicesDialog
    from lobcoder.gui.exchange_actions import BackgroundTask
    from lobcoder.gui.main_window import MainWindow

STATUS_MS = 8000


class TranscriptExport(QObject):
    """Asks format, scope and pseudonymisation (``dialog``), then a folder, then writes in a ``task``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ExportChoicesDialog | None = None
        self.task: BackgroundTask | None = None

    @Slot()
    def start(self) -> None:
        title = self.tr("Export transcripts")
        store = self.window.store
        if store is None:
            QMessageBox.information(self.window, title, self.tr("Open or create a project first."))
            return
        if self.task is not None and not self.task.ended:
            return
        from lobcoder.gui.dialogs.export_choices_dialog import ExportChoicesDialog
        from lobcoder.gui.pseudonymise.export_option import accepted_terms

        documents = len(self.window.overview.documents) if self.window.overview else 0
        if documents == 0:
            QMessageBox.information(self.window, title, self.tr("The project has no documents yet."))
            return
        current = self.window.document.name if self.window.document is not None else None
        intro = self.tr("Each transcript becomes one file, named after its document, in a folder you choose.")
        dialog = ExportChoicesDialog(
            title, intro, accepted_terms(store), self.window, transcripts=documents, current_document=current
        )
        dialog.accepted.connect(self._choose_folder)
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    @Slot()
    def _choose_folder(self) -> None:
        store = self.window.store
        if store is None or self.dialog is None:
            return
        choices = self.dialog.choices()
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Choose the folder for the transcripts"), str(store.path.parent)
        )
        if folder:
            self.write(Path(folder), choices)

    def write(self, folder: Path, choices: ExportChoices) -> None:
        """Write the transcripts into ``folder`` in the background, as ``choices`` say."""
        from lobcoder.gui.exchange_actions import BackgroundTask

        store = self.window.store
        if store is None:
            return
        documents = [self.window.document.id] if choices.current_only and self.window.document is not None else None
        language = self.window.settings.language
        if language not in ("en", "nl"):
            language = system_language()
        work = partial(_write, store, folder, choices.format or "docx", documents, language, choices.pseudonymise)
        title = self.tr("Export transcripts")
        label = self.tr("Writing transcripts to {0}…").format(folder.name)
        if self.task is not None:
            self.task.deleteLater()
        self.task = BackgroundTask(self.window, title, label, work, partial(self._written, folder))

    def _written(self, folder: Path, written: list[Path]) -> None:
        self.window.statusBar().showMessage(
            self.tr("Exported %n transcript(s) to {0}", "", len(written)).format(folder), STATUS_MS
        )


def _write(
    store: ProjectStore,
    folder: Path,
    format: Any,
    documents: list[int] | None,
    language: str,
    pseudonymise: bool,
    progress: Any,
    cancelled: Any,
) -> list[Path]:
    from lobcoder.reports.transcripts import export_transcripts

    if not pseudonymise:
        return export_transcripts(store, folder, format, documents, language, progress, cancelled)
    from lobcoder.pseudonymise.export_copy import pseudonymised_copy

    with pseudonymised_copy(store, beside=folder, progress=progress, cancelled=cancelled) as copy:
        return export_transcripts(copy.store, folder, format, documents, language, progress, cancelled)
