"""What every analysis tab shares: computing off the UI thread, a busy mark, and Export…."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QSignalBlocker, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lobcoder.analysis.dataset import Dataset, DocumentSource, TurnInfo
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.table import Table
from lobcoder.errors import Cancelled
from lobcoder.gui.analysis.export_run import ExportRun
from lobcoder.gui.failures import failure_line, show_unexpected_failure
from lobcoder.gui.i18n import available_languages
from lobcoder.gui.pseudonymise.export_option import PseudonymiseOption
from lobcoder.gui.pseudonymise.leak_box import LeakReport, show_leaks
from lobcoder.gui.workers import CancelCheck, ProgressCallback, Task, Worker
from lobcoder.reports.export import export_table, pseudonymised_tables
from lobcoder.reports.formatting import Language
from lobcoder.storage.project import ProjectStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from lobcoder.gui.analysis.window import AnalysisWindow

Computation = Callable[[Dataset], Any]
ExportWriter = Callable[[Any, ProgressCallback, CancelCheck], object]  # writes a result computed elsewhere
"""A function of the data set alone (the tab's choices already bound), run on a worker thread."""

_T = TypeVar("_T")


EXPORT_SUFFIXES = (".docx", ".xlsx", ".csv")


class AnalysisTab(QWidget):
    """A tab that computes one result from the window's data set and filter.

    Subclasses add their controls to ``self.controls`` and their views to
    ``self.body``, and implement :meth:`computation` (read the widgets on the
    GUI thread, return a pure function for the worker), :meth:`show_result`
    and :meth:`table_maker` (the tables of a result). A tab that is not visible only notes that it is out of
    date and recomputes when it is shown. A result that arrives after a newer
    request was made is dropped.

    Signals:
        computed(): a new result is shown (tests wait for it).
        exported(str): a file was written (its path).
    """

    computed = Signal()
    exported = Signal(str)

    def __init__(self, host: AnalysisWindow) -> None:
        super().__init__()
        self.host = host
        self.result: Any = None
        self.result_dataset: Dataset | None = None  # the data set ``result`` was computed from
        self.result_filter = AnalysisFilter()  # the filter ``result`` was computed with (a pseudonymised export's)
        self._generation = 0
        self._stale = True
        self._worker: Worker | None = None
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMinimumWidth(24)  # it comes and goes: what it adds to the window's least width stays small
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_tip = self.tr("Save the table as Word (.docx), Excel (.xlsx) or CSV")
        self.export_button.setToolTip(self.export_tip)
        self.export_button.clicked.connect(self.choose_export_file)
        self.export_button.setEnabled(False)
        self.pseudonymise = PseudonymiseOption()
        self.export_language = QComboBox()
        for code, name in available_languages().items():
            self.export_language.addItem(name, code)
        self.export_language.setCurrentIndex(max(0, self.export_language.findData(host.language())))
        self.export_language.setToolTip(self.tr("Language of the exported table: its title, headings and notes"))
        self.pseudonymise.toggled.connect(self._pseudonymise_toggled)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.controls = QHBoxLayout()
        self.controls.setSpacing(8)
        # Export on a row of its own: beside a tab's controls it made the window wider than a laptop screen.
        # The busy mark is on that row too: on the fuller controls' row it made the window too wide for 1024 px.
        output = self.output = QHBoxLayout()  # a tab adds its own options with add_output
        output.addStretch(1)
        output.addWidget(self.busy)
        output.addWidget(self.pseudonymise)
        output.addWidget(self.export_language)
        output.addWidget(self.export_button)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.controls)
        layout.addLayout(output)
        layout.addWidget(self.message)
        layout.addLayout(self.body, 1)

    def add_output(self, widget: QWidget, *, before_stretch: bool = False) -> None:
        """Put ``widget`` on the row of Export…, after the widgets added before it.

        Before the row's stretch (at its left), or after it: between the busy
        mark and Pseudonymise, so the mark coming and going moves nothing else.
        """
        row = self.output
        stretch = next(i for i in range(row.count()) if (item := row.itemAt(i)) is not None and item.spacerItem())
        row.insertWidget(stretch if before_stretch else row.indexOf(self.pseudonymise), widget)

    # -- to implement ----------------------------------------------------------

    def computation(self, flt: AnalysisFilter) -> Computation:
        raise NotImplementedError

    def computation_on_copy(self, flt: AnalysisFilter, coders: Mapping[str, str]) -> Computation:
        """The computation on a pseudonymised copy, whose coders are named ``coders[name]`` (``Coder 1``).

        The filter already names them so; a tab that chooses coders itself overrides this.
        """
        return self.computation(flt)

    def show_result(self, result: Any) -> None:
        raise NotImplementedError

    def tables(self) -> list[Table]:
        """What Export… writes: the tables of the current result, as :meth:`table_maker` makes them."""
        return self.table_maker(self.host.language())(self.result) if self.result is not None else []

    def current_table(self) -> Table | None:
        """The table the tab shows: the first of :meth:`tables`, so the view and Export… cannot differ."""
        tables = self.tables()
        return tables[0] if tables else None

    def on_dataset(self, dataset: Dataset | None) -> None:
        """A new data set was read: refill choices that depend on it (codes, attributes)."""

    def export_stem(self) -> str:
        """The file name suggested for Export… (no extension)."""
        return "analysis"

    def export_title(self) -> str:
        """The title of Export…'s dialogs (choosing the file, its progress): what it writes."""
        return self.tr("Export table")

    def export_chart(self) -> bool:
        """Whether the export should include a bar chart (Word and Excel)."""
        return False

    def export_task(self, tables: list[Table], path: Path, language: Language) -> Task:
        """What Export… runs on the worker (read the widgets here, on the GUI thread); by default the tables."""
        chart = self.export_chart()
        return lambda progress, cancelled: export_table(
            tables, path, language=language, chart=chart, progress=progress, cancelled=cancelled
        )

    def table_maker(self, language: Language) -> Callable[[Any], list[Table]]:
        """The tables of any result of :meth:`computation` with the tab's display choices (read here).

        The shown result's export and a pseudonymised export (a result computed on the copy) both use it.
        """
        raise NotImplementedError

    def export_writer(self, path: Path, language: Language) -> ExportWriter:
        """What a pseudonymised Export… writes from the result computed on the copy: its tables, noted as such."""
        make, chart = self.table_maker(language), self.export_chart()

        def write(result: Any, progress: ProgressCallback, cancelled: CancelCheck) -> object:
            tables = pseudonymised_tables(make(result), language)
            return export_table(tables, path, language=language, chart=chart, progress=progress, cancelled=cancelled)

        return write

    # -- computing -------------------------------------------------------------

    def invalidate(self) -> None:
        """The data set or the filter changed: recompute now if shown, else when shown."""
        self._stale = True
        if self.isVisible():
            self.recompute()

    @Slot()
    def recompute(self) -> None:
        """Compute again with the current choices (the tab's own controls call this)."""
        self._generation += 1
        dataset = self.host.dataset
        if dataset is None:
            if self._worker is not None:  # a computation for the data set now gone: drop it
                self._worker.cancel()
                self._worker = None
            self._stale = True
            self.result = None
            self.show_result(None)
            self.refresh_export_button()
            self._show_busy()
            return
        self._stale = False
        try:
            flt = self.host.filter_box.analysis_filter()
            task = self.computation(flt)
        except ValueError as exc:  # a choice the core cannot take, e.g. an empty code list
            self._failed(self._generation, str(exc))
            return
        generation, store = self._generation, self.host.store
        self.busy.show()
        worker = Worker(lambda _progress, cancelled: with_documents(store, dataset, task, cancelled))
        worker.signals.finished.connect(lambda result: self._finished(generation, result, dataset, flt))
        worker.signals.failed.connect(lambda message: self._failed(generation, message))
        worker.signals.cancelled.connect(lambda: self._done(generation))
        self._worker = worker.start(owner=self)

    def stop(self) -> None:
        """Cancel the computation in progress, if any: its result is dropped and the tab computes again when shown.

        The window calls it when it closes, so nothing computes for a closed
        window and quitting waits for nothing. A running export goes on.
        """
        if not self.is_busy() or self._worker is None:
            return
        self._worker.cancel()
        self._worker = None  # its result is dropped: the tab computes nothing now
        self._generation += 1
        self._stale = True
        self._show_busy()

    def is_busy(self) -> bool:
        """Whether the tab computes: its current computation has not ended nor been stopped."""
        return self._worker is not None and not self._worker.is_done()

    def _show_busy(self) -> None:
        """The spinner turns while the tab computes or writes its export."""
        self.busy.setVisible(self.is_busy() or self.host.export_running(self))

    def is_up_to_date(self) -> bool:
        """Whether the result shown is that of the current data set, filter and choices."""
        return not self._stale and not self.is_busy() and self.busy.isHidden()

    def _finished(self, generation: int, result: Any, dataset: Dataset, flt: AnalysisFilter) -> None:
        if generation != self._generation:
            return
        self._done(generation)
        self.message.hide()
        self.result = result
        self.result_dataset = dataset
        self.result_filter = flt
        self.show_result(result)
        self.refresh_export_button()
        self.computed.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        error = failure_line(message, self._worker)  # the current worker (same generation), before _done drops it
        self._done(generation)
        self.result = None
        self.show_result(None)
        self.refresh_export_button()
        self.message.setText(self.tr("Could not compute this analysis: {0}").format(error))
        self.message.show()
        self.computed.emit()

    def _done(self, generation: int) -> None:
        if generation == self._generation:
            self._worker = None  # ended (its done flag may be set only after its signal arrived)
            self._show_busy()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.recompute()

    # -- export ----------------------------------------------------------------

    @Slot()
    def choose_export_file(self) -> None:
        if self.result is None:
            return
        target = self.ask_export_path(self.export_stem(), self.export_title())
        if target is not None:
            self.export_to(target)

    def ask_export_path(self, stem: str, title: str) -> Path | None:
        """The file Export… writes (Word, Excel or CSV), chosen in a file dialog; None if none was chosen."""
        word = self.tr("Word document (*.docx)")
        filters = ";;".join((word, self.tr("Excel workbook (*.xlsx)"), self.tr("CSV file (*.csv)")))
        folder = self.host.export_folder()
        # Word is listed first and proposed: the name's extension agrees with the chosen type.
        path, chosen = QFileDialog.getSaveFileName(self, title, str(folder / f"{stem}.docx"), filters, word)
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in EXPORT_SUFFIXES:
            target = target.with_suffix(_suffix_of_filter(chosen))
        return target

    def export_to(self, path: Path) -> Worker | None:
        """Write the current tables to ``path`` (the format follows its extension) on a worker.

        With "Pseudonymise" ticked the analysis is computed again, with the same
        choices, on the hidden pseudonymised copy (:mod:`pseudonymised_export`).
        Returns None, writing nothing, while the window writes another export.
        """
        if self.host.is_exporting():
            return None
        # A hidden choice (the Quotes tab's) is not the user's: the export follows the interface then.
        hidden = self.export_language.isHidden()
        with self.host.speaking(self.host.language() if hidden else self.export_language.currentData()):
            if self.pseudonymise.wanted():
                return self._export_pseudonymised(path)
            tables = self.tables()
            if not tables:
                return None
            task = self.export_task(tables, path, self.host.language())
        return self._start_export(
            ExportRun(self, path, task, self.tr("Writing {0}…").format(path.name), self.export_title())
        )

    def _export_pseudonymised(self, path: Path) -> Worker | None:
        from lobcoder.gui.analysis.pseudonymised_export import pseudonymised_task

        store = self.host.store
        if store is None:
            return None
        leaks = LeakReport()
        try:
            task = pseudonymised_task(self, store, path, on_leaks=leaks)
        except ValueError as exc:
            self._export_failed(path, str(exc))
            return None
        return self._start_export(ExportRun(self, path, task, self.tr("Pseudonymising…"), self.export_title()), leaks)

    def _start_export(self, run: ExportRun, leaks: LeakReport | None = None) -> Worker:
        """Run ``run``; a pseudonymised one (``leaks``) shows the leak check once written."""
        run.written.connect(self._exported)
        if leaks is not None:
            run.written.connect(lambda _path: show_leaks(self, leaks, run.title))
        run.failed.connect(lambda path, message: self._export_failed(path, message, run.worker.details, run.title))
        run.cancelled.connect(self._export_cancelled)
        worker = self.host.start_export(self, run)
        self._show_busy()
        return worker

    def refresh_export_button(self) -> None:
        """Offer Export… for a result, unless the window is writing an export (one at a time)."""
        running = self.host.is_exporting()
        self.export_button.setEnabled(self.result is not None and not running)
        waiting = self.tr("An export is running; Export… is available again when it has ended.")
        self.export_button.setToolTip(waiting if running else self.export_tip)

    def export_ended(self) -> None:
        """The window's export ended (this tab's or another's): Export… may be offered again."""
        self._show_busy()
        self.refresh_export_button()

    @Slot(bool)
    def _pseudonymise_toggled(self, checked: bool) -> None:
        self.host.set_pseudonymise(checked)

    @Slot(Path)
    def _exported(self, path: Path) -> None:
        self.host.remember_export_folder(path.parent)
        self.host.show_status(self.tr("Saved {0}").format(str(path)))
        self.exported.emit(str(path))

    @Slot(Path)
    def _export_cancelled(self, path: Path) -> None:
        self.host.show_status(self.tr("Export cancelled; {0} was not written.").format(path.name))

    def _export_failed(self, path: Path, message: str, details: str | None = None, title: str = "") -> None:
        if details is not None:  # a fault in lobcoder: which export stopped, the traceback under Show Details
            show_unexpected_failure(self, title or self.export_title(), f"{path}\n\n{details}")
            return
        QMessageBox.warning(
            self, self.tr("Export failed"), self.tr("Could not write {0}:\n{1}").format(str(path), message)
        )


def with_documents(
    store: ProjectStore | None,
    dataset: Dataset,
    work: Callable[[Dataset], _T],
    cancelled: CancelCheck | None = None,
) -> _T:
    """``work(dataset)`` in a read session of ``store`` that gives the data set the texts and turns it asks for.

    The window's data set holds neither (they are the bulk of a project): an
    analysis that needs them reads one document at a time. Call it on the
    worker thread; the session is that thread's and closes when ``work`` returns.
    With ``cancelled`` (the worker's check), the next document read after it
    turns true raises :class:`~lobcoder.errors.Cancelled`, so a stopped analysis ends early.
    """
    if store is None or dataset.has_texts:
        return work(dataset)
    with store.read() as session:
        source = DocumentSource(session) if cancelled is None else _StoppableSource(session, cancelled)
        return work(dataset.reading(source))


class _StoppableSource(DocumentSource):
    """A document source that stops its analysis (raises Cancelled) once ``cancelled()`` is true."""

    def __init__(self, session: Session, cancelled: CancelCheck) -> None:
        super().__init__(session)
        self._cancelled = cancelled

    def text(self, document_id: int) -> str:
        self._check()
        return super().text(document_id)

    def turns(self, document_id: int) -> tuple[TurnInfo, ...]:
        self._check()
        return super().turns(document_id)

    def _check(self) -> None:
        if self._cancelled():
            raise Cancelled("the analysis was stopped")


def _suffix_of_filter(chosen: str) -> str:
    for suffix in EXPORT_SUFFIXES:
        if f"*{suffix}" in chosen:
            return suffix
    return ".docx"


def labelled(text: str, widget: QWidget) -> QLabel:
    """A label for ``widget``: its Alt letter (``&`` in ``text``) moves the focus there."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def table_view(*, rows: bool = True) -> QTableView:
    """A read-only table view as every tab uses it: compact rows, no row numbers, one line per row."""
    view = QTableView()
    view.setSelectionBehavior(
        QAbstractItemView.SelectionBehavior.SelectRows if rows else QAbstractItemView.SelectionBehavior.SelectItems
    )
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    vertical = view.verticalHeader()
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


def refill_combo(combo: QComboBox, items: Sequence[tuple[str, object]], *, keep: bool = True) -> None:
    """Replace a combo box's entries (text, data) without signals, keeping the chosen data if still offered."""
    chosen = combo.currentData() if keep else None
    with QSignalBlocker(combo):
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        found = combo.findData(chosen) if chosen is not None else -1
        combo.setCurrentIndex(found if found >= 0 else (0 if items else -1))


def notes_text(table: Table | None) -> str:
    """The notes printed under a table (unit, measure, filter), as one paragraph."""
    if table is None:
        return ""
    return " ".join(table.notes)
