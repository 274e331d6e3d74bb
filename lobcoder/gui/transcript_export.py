"""File → Export transcripts…: the transcripts as Word or text files, optionally pseudonymised."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from lobcoder.gui.background_task import TaskActions
from lobcoder.gui.i18n import system_language
from lobcoder.gui.pseudonymise.leak_box import LeakReport, show_leaks

if TYPE_CHECKING:
    from lobcoder.gui.dialogs.export_choices_dialog import ExportChoices, ExportChoicesDialog
    from lobcoder.gui.main_window import MainWindow


class TranscriptExport(TaskActions):
    """Asks format, scope and pseudonymisation (``dialog``), then a folder, then writes in a ``task``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.dialog: ExportChoicesDialog | None = None

    @Slot()
    def start(self) -> None:
        title = self.tr("Export transcripts")
        store = self._store(title)
        if store is None or self._busy():
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
        from lobcoder.pseudonymise.export_copy import write_export
        from lobcoder.pseudonymise.leak_check import transcripts_scope
        from lobcoder.reports.transcripts import TranscriptFormat, export_transcripts

        store = self.window.store
        if store is None:
            return
        documents = [self.window.document.id] if choices.current_only and self.window.document is not None else None
        language = self.window.settings.language
        if language not in ("en", "nl"):
            language = system_language()
        fmt: TranscriptFormat = "txt" if choices.format == "txt" else "docx"
        write = partial(export_transcripts, folder=folder, format=fmt, documents=documents, language=language)
        leaks = LeakReport()  # pseudonymised: what the leak check finds, shown when written
        work = partial(
            write_export,
            store,
            choices.pseudonymise,
            folder,
            write,
            language=language,
            on_leaks=leaks,
            file_names=[folder.name],  # the folder's name is shared too, as the command line checks it
            scope=transcripts_scope(documents),  # only what the transcripts hold
        )
        title = self.tr("Export transcripts")
        label = self.tr("Writing transcripts to {0}…").format(folder.name)
        self._start(title, label, work, partial(self._written, folder, leaks))

    def _written(self, folder: Path, leaks: LeakReport, written: list[Path]) -> None:
        self._status(self.tr("Exported %n transcript(s) to {0}", "", len(written)).format(folder))
        show_leaks(self.window, leaks, self.tr("Export transcripts"))
