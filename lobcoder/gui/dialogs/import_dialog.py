"""The import dialog: files, speaker detection with a live preview, an attribute
sheet, a cancellable import in the background and a report of what happened."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lobcoder.errors import LobcoderError
from lobcoder.gui.dialogs.import_preview import (
    ERROR_COLOR,
    MUTED_COLOR,
    Cell,
    PreviewPane,
    RowsModel,
    SpeakerSettings,
    table_view,
)
from lobcoder.gui.dialogs.import_sheet import SheetOptions, SheetPanel, apply_sheet
from lobcoder.gui.failures import error_text, failure_line, problem_text
from lobcoder.gui.flow_layout import FlowLayout
from lobcoder.gui.i18n import interface_language
from lobcoder.gui.settings import Settings
from lobcoder.gui.window_size import resize_to_screen
from lobcoder.gui.workers import CancelCheck, ProgressCallback, Worker
from lobcoder.importing.extracted import ExtractedText
from lobcoder.importing.file_preview import FilePreview, load_preview
from lobcoder.importing.readers import SUPPORTED_EXTENSIONS
from lobcoder.importing.speakers import InvalidSpeakerPattern, SpeakerPattern
from lobcoder.participants.facts import store_facts
from lobcoder.participants.plan_model import ApplyResult, SheetPlan
from lobcoder.services.batch_import import ImportOptions, ImportReport, collect_files, import_files
from lobcoder.services.speakers import speaker_names
from lobcoder.storage.project import ProjectStore

WARNING_COLOR = QColor("#8a5a00")
PREVIEW_DELAY_MS = 250


@dataclass(frozen=True)
class ImportOutcome:
    """Everything one run of the dialog's import did."""

    report: ImportReport
    sheet_plan: SheetPlan | None = None
    sheet_result: ApplyResult | None = None
    sheet_error: str | None = None
    sheet_skipped: bool = False
    facts_result: ApplyResult | None = None  # the facts above the transcripts, stored as document attributes
    facts_error: str | None = None


def run_import(
    store: ProjectStore,
    files: Sequence[Path],
    options: ImportOptions,
    sheet: SheetOptions | None,
    progress: ProgressCallback,
    cancelled: CancelCheck,
) -> ImportOutcome:
    """Import the files (a transaction each), then plan and apply the sheet (one transaction)."""
    report = import_files(store, files, options, progress, cancelled) if files else ImportReport()
    facts_result, facts_error = _store_facts(store, report)
    if sheet is None or report.cancelled:
        return ImportOutcome(
            report, sheet_skipped=sheet is not None, facts_result=facts_result, facts_error=facts_error
        )
    progress(len(report.results), len(report.results), "")
    try:
        plan, result = apply_sheet(store, sheet)  # after the facts: a sheet's value wins
    except LobcoderError as exc:
        return ImportOutcome(report, sheet_error=error_text(exc), facts_result=facts_result, facts_error=facts_error)
    return ImportOutcome(report, plan, result, facts_result=facts_result, facts_error=facts_error)


def _store_facts(store: ProjectStore, report: ImportReport) -> tuple[ApplyResult | None, str | None]:
    """The imported documents' facts stored as document attributes (one transaction): the result, or why not."""
    try:
        stored = store_facts(store, report.facts)
    except LobcoderError as exc:
        return None, error_text(exc)
    return (stored[1] if stored is not None else None), None


class ImportDialog(QDialog):
    """Import transcripts and an attribute sheet into the open project.

    After the import, ``report`` (an :class:`ImportReport`), ``sheet_result``
    (an :class:`ApplyResult` or None) and ``sheet_error`` tell what happened.

    Signals:
        imported(): the import has ended and may have changed the project.
        previewUpdated(str path): the preview pane now shows ``path`` (or why it cannot).
    """

    imported = Signal()
    previewUpdated = Signal(str)

    def __init__(self, store: ProjectStore, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.report: ImportReport | None = None
        self.sheet_plan: SheetPlan | None = None
        self.sheet_result: ApplyResult | None = None
        self.sheet_error: str | None = None
        self.facts_result: ApplyResult | None = None
        self.facts_error: str | None = None
        self.error: str | None = None
        self.error_file: str | None = None  # the file being imported when the import stopped on an error
        self._importing: str | None = None  # the file the import works on (from its progress)
        self.import_worker: Worker | None = None
        self._texts: dict[Path, ExtractedText] = {}
        self._preview_request: tuple[Path, SpeakerPattern | None] | None = None
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.timeout.connect(self._start_preview)

        self.setWindowTitle(self.tr("Import documents"))
        resize_to_screen(self, 1180, 780)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_setup())
        self.pages.addWidget(self._build_results())
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("&Close"))
        self.close_button.hide()
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)

        self.speakers.set_values(settings.detect_speakers, settings.min_speaker_turns, settings.interviewer_names)
        self.speakers.changed.connect(self._speakers_changed)
        self.sheet.changed.connect(self._update_buttons)
        self.sheet.planned.connect(self._update_buttons)
        self._update_buttons()

    # -- building ---------------------------------------------------------------

    def _build_setup(self) -> QWidget:
        self.files = RowsModel([self.tr("File"), self.tr("Status")], self)
        self.file_table = table_view(self.files, stretch=1)
        self.file_table.selectionModel().selectionChanged.connect(self._file_selected)
        add_files = QPushButton(self.tr("Add &files…"))
        add_folder = QPushButton(self.tr("Add f&older…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        add_files.clicked.connect(self._choose_files)
        add_folder.clicked.connect(self._choose_folder)
        self.remove_button.clicked.connect(self._remove_selected)
        buttons = FlowLayout()  # wraps in a narrow pane rather than widening the dialog
        for button in (add_files, add_folder, self.remove_button):
            buttons.addWidget(button)
        files_box = QGroupBox(self.tr("Files to import"))
        files_layout = QVBoxLayout(files_box)
        files_layout.addLayout(buttons)
        files_layout.addWidget(self.file_table, 1)

        self.sheet = SheetPanel(self.store)
        self.sheet.start_folder = self.settings.last_import_folder
        sheet_box = QGroupBox(self.tr("Attribute sheet (optional)"))
        QVBoxLayout(sheet_box).addWidget(self.sheet)

        self.speakers = SpeakerSettings(self.settings.speaker_pattern)
        with self.store.read() as session:  # the project's speakers count as labels even once
            self.speakers.known_names = speaker_names(session)
        speakers_box = QGroupBox(self.tr("Speakers"))
        speakers_layout = QVBoxLayout(speakers_box)
        speakers_layout.addWidget(self.speakers)
        self.facts_as_attributes = QCheckBox(
            self.tr("&Store the document information at the top as document attributes")
        )
        self.facts_as_attributes.setToolTip(
            self.tr(
                "Lines such as ‘Datum: 12-03-2025’ and ‘School: ROC Oost’ above the transcript "
                "become attributes of the document (Datum, School)."
            )
        )
        speakers_layout.addWidget(self.facts_as_attributes)
        self.speakers.detect.toggled.connect(self.facts_as_attributes.setEnabled)  # facts are found with the labels
        self.preview = PreviewPane()
        preview_box = QGroupBox(self.tr("Preview"))
        QVBoxLayout(preview_box).addWidget(self.preview)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(files_box)
        left.addWidget(sheet_box)
        left.setSizes([300, 420])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(speakers_box)
        right_layout.addWidget(preview_box, 1)
        self.setup_page = QSplitter(Qt.Orientation.Horizontal)
        self.setup_page.addWidget(left)
        self.setup_page.addWidget(right)
        self.setup_page.setStretchFactor(1, 1)
        self.setup_page.setSizes([470, 690])
        return self.setup_page

    def _build_results(self) -> QWidget:
        page = QWidget()
        self.result_title = QLabel()
        self.result_summary = QLabel()
        self.result_summary.setWordWrap(True)
        self.result_summary.setTextFormat(Qt.TextFormat.RichText)  # one escaped line has no tag to tell Qt
        self.result_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_title = QLabel(self.tr("Files that need attention"))
        bold = self.problems_title.font()
        bold.setBold(True)
        self.problems_title.setFont(bold)
        self.problems = RowsModel([self.tr("File"), self.tr("Result"), self.tr("Reason")], self)
        self.problem_table = table_view(self.problems, stretch=2)
        self.problem_table.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_title)
        layout.addWidget(self.result_summary)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problem_table, 1)
        layout.addStretch(0)  # without problems to list, the room goes here, not between title and summary
        return page

    # -- files -----------------------------------------------------------------

    def paths(self) -> list[Path]:
        return self.files.keys()

    def add_paths(self, paths: Iterable[str | Path]) -> None:
        """Add files, and the supported files in folders (recursively), to the list."""
        known = {_identity(p) for p in self.paths()}
        new = []
        for path in collect_files(paths):
            if _identity(path) not in known:
                known.add(_identity(path))
                new.append(path)
        self.files.append_rows([self._file_cells(p) for p in new], new)
        self.sheet.set_pending_names(p.name for p in self.paths())
        if new and not self.file_table.selectionModel().hasSelection():
            self.file_table.selectRow(self.files.rowCount() - len(new))
        self._update_buttons()

    def _file_cells(self, path: Path, status: Cell | None = None) -> list[Cell]:
        if status is None:
            if path.suffix.lower() in SUPPORTED_EXTENSIONS:
                status = Cell(self.tr("Ready"), color=MUTED_COLOR)
            else:
                status = Cell(self.tr("Unsupported file type"), color=ERROR_COLOR)
        return [Cell(path.name, str(path)), status]

    def _set_status(self, path: Path, status: Cell) -> None:
        if path in self.paths():
            self.files.set_row(self.paths().index(path), self._file_cells(path, status))

    def _current_path(self) -> Path | None:
        rows = self.file_table.selectionModel().selectedRows()
        return self.paths()[rows[0].row()] if rows else None

    @Slot()
    def _choose_files(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in SUPPORTED_EXTENSIONS)
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose transcripts"),
            self.settings.last_import_folder,
            self.tr("Transcripts ({0});;All files (*)").format(patterns),
        )
        if chosen:
            self.settings.last_import_folder = str(Path(chosen[0]).parent)
            self.add_paths(chosen)

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), self.settings.last_import_folder)
        if folder:
            self.settings.last_import_folder = folder
            self.add_paths([folder])

    @Slot()
    def _remove_selected(self) -> None:
        rows = self.file_table.selectionModel().selectedRows()
        if rows:
            self.files.remove_row(rows[0].row())
            self.sheet.set_pending_names(p.name for p in self.paths())
            self._update_buttons()
            self._schedule_preview(0)

    # -- preview ---------------------------------------------------------------

    @Slot(QItemSelection, QItemSelection)
    def _file_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.remove_button.setEnabled(self._current_path() is not None)
        self._schedule_preview(0)

    @Slot()
    def _speakers_changed(self) -> None:
        self._update_buttons()
        self._schedule_preview(PREVIEW_DELAY_MS)

    def _schedule_preview(self, delay_ms: int) -> None:
        self._preview_timer.start(delay_ms)

    @Slot()
    def _start_preview(self) -> None:
        path = self._current_path()
        if path is None:
            self._preview_request = None
            self.preview.show_message(self.tr("Select a file to preview its speakers."))
            return
        try:
            pattern = self.speakers.pattern()
        except InvalidSpeakerPattern:
            self._preview_request = None
            self.preview.show_message(self.tr("Correct the speaker pattern to see the preview."), error=True)
            return
        if self._preview_request == (path, pattern):
            return  # already on its way
        self._preview_request = (path, pattern)
        cached = self._texts.get(path)
        if cached is None:
            self.preview.show_message(self.tr("Reading {0}…").format(path.name))
        worker = Worker(lambda _progress, _cancelled: load_preview(path, pattern, cached))
        worker.signals.finished.connect(self._preview_ready)
        worker.start(owner=self)

    @Slot(object)
    def _preview_ready(self, result: FilePreview) -> None:
        if self._preview_request != (result.path, result.pattern):
            return  # overtaken by another file or other settings
        self._preview_request = None
        if result.extracted is not None:
            self._texts[result.path] = result.extracted
        self.preview.show_preview(result)
        if result.error is not None:
            reason = problem_text(result.cause, result.error)
            status = Cell(self.tr("Cannot be read: {0}").format(reason), reason, ERROR_COLOR)
        elif result.preview is not None and result.preview.turns:
            turns = result.preview.turns
            text = self.tr("%n speaker(s)", "", len(result.preview.speakers))
            status = Cell(text + ", " + self.tr("%n turn(s)", "", len(turns)))
        else:
            status = Cell(self.tr("No turns"), color=MUTED_COLOR)
        self._set_status(result.path, status)
        self.previewUpdated.emit(str(result.path))

    # -- importing ---------------------------------------------------------------

    def is_importing(self) -> bool:
        return self.import_worker is not None and self.report is None and self.error is None

    @Slot()
    def _update_buttons(self) -> None:
        if self.is_importing() or self.pages.currentIndex() == 1:
            return
        problem = self.speakers.error_text()
        if problem is not None:
            hint = self.tr("Correct the speaker pattern first.")
        elif self.sheet.path is not None and self.sheet.error is not None:
            hint = self.tr("The attribute sheet cannot be used; remove it or choose another.")
        elif not self.paths() and self.sheet.path is None:
            hint = self.tr("Add files or a folder to import.")
        else:
            hint = self.tr("%n file(s) to import.", "", len(self.paths())) if self.paths() else ""
        ready = problem is None and (self.sheet.path is None or self.sheet.error is None)
        self.import_button.setEnabled(ready and bool(self.paths() or self.sheet.path))
        self.status.setText(hint)
        self.status.setStyleSheet(f"color: {ERROR_COLOR.name()};" if problem else "")

    @Slot()
    def start_import(self) -> None:
        if not self.import_button.isEnabled() or self.is_importing():
            return
        pattern = self.speakers.pattern()
        names = self.speakers.interviewer_names()
        options = ImportOptions(
            detect_speakers=pattern is not None,
            speaker_pattern=pattern,
            interviewer_names=names,
            document_facts=self.facts_as_attributes.isChecked(),
        )
        self._remember()
        work = partial(run_import, self.store, self.paths(), options, self.sheet.options())
        self.import_worker = Worker(work)
        self.import_worker.signals.progress.connect(self._progress)
        self.import_worker.signals.finished.connect(self._import_finished)
        self.import_worker.signals.failed.connect(self._import_failed)
        self.setup_page.setEnabled(False)
        self.import_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Starting the import…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.import_worker.start(owner=self)

    def _remember(self) -> None:
        self.settings.detect_speakers = self.speakers.detect.isChecked()
        self.settings.min_speaker_turns = self.speakers.min_turns.value()
        self.settings.interviewer_names = sorted(self.speakers.interviewer_names())
        if self.speakers.preset.currentIndex() == SpeakerSettings.CUSTOM and self.speakers.regex.text().strip():
            self.settings.speaker_pattern = self.speakers.regex.text()

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, label: str) -> None:
        if self.import_worker is not None and self.import_worker.is_cancelled():
            return
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        self._importing = label or None
        if label:
            self.status.setText(self.tr("Importing {0} of {1}: {2}").format(done + 1, total, Path(label).name))
        elif self.sheet.path is not None:
            self.status.setText(self.tr("Applying the attribute sheet…"))

    def reject(self) -> None:
        if self.is_importing():
            self._cancel_import()
            return
        super().reject()

    def _cancel_import(self) -> None:
        assert self.import_worker is not None
        self.import_worker.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Cancelling after the current file; the files imported so far are kept."))

    @Slot(object)
    def _import_finished(self, outcome: ImportOutcome) -> None:
        self.report = outcome.report
        self.facts_result, self.facts_error = outcome.facts_result, outcome.facts_error
        self.sheet_plan, self.sheet_result, self.sheet_error = (
            outcome.sheet_plan,
            outcome.sheet_result,
            outcome.sheet_error,
        )
        self._show_results(outcome.sheet_skipped)
        self.imported.emit()

    @Slot(str)
    def _import_failed(self, message: str) -> None:
        self.error = failure_line(message, self.import_worker)
        self.error_file = self._importing
        self._show_results(False)
        self.imported.emit()

    # -- results ---------------------------------------------------------------

    def _show_results(self, sheet_skipped: bool) -> None:
        self.progress.hide()
        self.import_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.status.clear()
        self.pages.setCurrentIndex(1)
        report = self.report or ImportReport()
        cancelled = report.cancelled
        if self.error is not None:
            title = self.tr("The import stopped because of an error")
        elif cancelled:
            title = self.tr("The import was cancelled")
        else:
            title = self.tr("The import is complete")
        self.result_title.setText(f"<h3>{title}</h3>")
        lines = []
        if report.results or cancelled:
            lines.append(
                self.tr("Imported: {0} · Duplicates skipped: {1} · Failed: {2}").format(
                    len(report.imported), len(report.duplicates), len(report.failed)
                )
            )
        if cancelled:
            lines.append(
                self.tr(
                    "The %n file(s) imported before you cancelled are kept in the project; the files not started are listed below.",
                    "",
                    len(report.imported),
                )
            )
        if self.error is not None and self.error_file is not None:
            lines.append(
                self.tr(
                    "The import stopped at ‘{0}’: {1}. The files imported before it are kept in the project."
                ).format(Path(self.error_file).name, self.error.rstrip("."))
            )
        elif self.error is not None:
            lines.append(self.tr("Error: {0}").format(self.error))
        if self.facts_result is not None:
            lines.append(self.tr("The document information at the top of the transcripts, stored as attributes:"))
            lines += self.sheet.result_lines(self.facts_result)
        elif self.facts_error is not None:
            lines.append(self.tr("The document information was not stored as attributes: {0}").format(self.facts_error))
        if self.sheet_result is not None:
            lines += self.sheet.result_lines(self.sheet_result)
        elif self.sheet_error is not None:
            lines.append(self.tr("The attribute sheet was not applied: {0}").format(self.sheet_error))
        elif sheet_skipped:
            lines.append(self.tr("The attribute sheet was not applied because the import was cancelled."))
        self.result_summary.setText("<br>".join(html.escape(line) for line in lines))
        rows, keys = self._problem_rows(report)
        self.problems.set_rows(rows, keys)
        self.problems_title.setVisible(bool(rows))
        self.problem_table.setVisible(bool(rows))
        self.problem_table.resizeRowsToContents()

    def _problem_rows(self, report: ImportReport) -> tuple[list[list[Cell | str]], list[str]]:
        rows: list[list[Cell | str]] = []
        keys: list[str] = []
        for result in report.failed:
            status = Cell(self.tr("Failed"), color=ERROR_COLOR)
            reason = problem_text(result.cause, result.message)
            rows.append([Cell(Path(result.path).name, result.path), status, Cell(reason, reason)])
            keys.append(result.path)
        for result in report.duplicates:
            reason = self.tr("the same text as the document ‘{0}’, already in the project").format(result.document)
            rows.append(
                [Cell(Path(result.path).name, result.path), Cell(self.tr("Duplicate"), color=MUTED_COLOR), reason]
            )
            keys.append(result.path)
        for path in report.not_started:
            reason = self.tr("the import was cancelled before this file")
            rows.append([Cell(Path(path).name, path), Cell(self.tr("Not started"), color=MUTED_COLOR), reason])
            keys.append(path)
        for result in report.imported:
            if result.warnings:
                warning = "; ".join(w.text(interface_language()) for w in result.warnings)
                status = Cell(self.tr("Imported, with a warning"), color=WARNING_COLOR)
                rows.append([Cell(Path(result.path).name, result.path), status, Cell(warning, warning)])
                keys.append(result.path)
        return rows, keys


def _identity(path: str | Path) -> Path:
    path = Path(path)
    return path.resolve() if path.exists() else path.absolute()
