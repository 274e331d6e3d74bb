"""The analysis window: one data set, one filter, and a tab per kind of analysis."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from lobcoder.analysis.dataset import Dataset, load_dataset
from lobcoder.gui.analysis.agreement_tab import AgreementTab
from lobcoder.gui.analysis.cooccurrence_tab import CooccurrenceTab
from lobcoder.gui.analysis.crosstab_tab import CrosstabTab
from lobcoder.gui.analysis.export_run import ExportRun
from lobcoder.gui.analysis.filter_box import FilterBox
from lobcoder.gui.analysis.frequencies_tab import FrequenciesTab
from lobcoder.gui.analysis.quotes_tab import QuotesTab
from lobcoder.gui.analysis.tab import AnalysisTab
from lobcoder.gui.analysis.words_tab import WordsTab
from lobcoder.gui.i18n import system_language
from lobcoder.gui.pseudonymise.export_option import accepted_terms
from lobcoder.gui.undo import ProjectUndoStack
from lobcoder.gui.window_size import resize_to_screen
from lobcoder.gui.workers import Worker
from lobcoder.reports.formatting import Language, check_language
from lobcoder.storage.project import ProjectStore

if TYPE_CHECKING:
    from lobcoder.gui.main_window import MainWindow

REFRESH_DELAY_MS = 300
"""How long after the last coding action the analyses are recomputed (a burst of actions costs one)."""


class AnalysisWindow(QWidget):
    """A non-modal window over the main window's project.

    It follows the project by itself: it watches the main window's
    ``undo_stack`` (checked when the window is shown or activated and when
    the main window's title changes, which it does whenever a project is
    opened or closed) and recomputes 300 ms after the last ``changed`` signal.
    The main window may also tell it directly, right after it created a new
    undo stack or closed the project: ``AnalysisMenu.attach(self.undo_stack)``
    (the menu forwards to the window once it exists) or :meth:`attach` here;
    attaching the same stack twice does nothing.

    Signals:
        datasetLoaded(): a fresh data set has been read (after attaching or a change).
    """

    datasetLoaded = Signal()

    def __init__(self, main_window: MainWindow) -> None:
        super().__init__(main_window, Qt.WindowType.Window)
        self.setObjectName("analysis_window")
        self.main_window = main_window
        self.stack: ProjectUndoStack | None = None
        self.store: ProjectStore | None = None
        self.dataset: Dataset | None = None
        self._generation = 0
        self._loader: Worker | None = None
        self._export_folder: Path | None = None
        self._export: tuple[AnalysisTab, ExportRun] | None = None  # the one export running, and whose
        self._dirty = False
        self._loading = False
        self._speaking: Language | None = None
        resize_to_screen(self, 1250, 860)

        self.filter_box = FilterBox()
        self.filter_box.changed.connect(self._filter_changed)
        self.frequencies = FrequenciesTab(self)
        self.cooccurrence = CooccurrenceTab(self)
        self.crosstab = CrosstabTab(self)
        self.quotes = QuotesTab(self)
        self.agreement = AgreementTab(self)
        self.words = WordsTab(self)
        # Quotes are computed in the interface language (attributions), so their export follows it.
        self.quotes.export_language.hide()
        self.tabs = QTabWidget()
        for tab, title in (
            (self.frequencies, self.tr("&Frequencies")),
            (self.cooccurrence, self.tr("C&o-occurrence")),
            (self.crosstab, self.tr("C&rosstab")),
            (self.quotes, self.tr("&Quotes")),
            (self.agreement, self.tr("A&greement")),
            (self.words, self.tr("&Words")),
        ):
            self.tabs.addTab(tab, title)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self.reload)
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        close.activated.connect(self.close)
        main_window.windowTitleChanged.connect(self._follow_project)
        main_window.installEventFilter(self)
        self._follow_project()

    def all_tabs(self) -> tuple[AnalysisTab, ...]:
        return (self.frequencies, self.cooccurrence, self.crosstab, self.quotes, self.agreement, self.words)

    # -- following the project -------------------------------------------------

    def attach(self, stack: ProjectUndoStack | None) -> None:
        """Follow ``stack`` (the open project's undo stack) or, with None, no project."""
        if stack is self.stack:
            return
        if self.stack is not None:
            try:
                self.stack.changed.disconnect(self._schedule)
            except (RuntimeError, TypeError):  # already deleted with its project
                pass
        self.stack = stack
        self.store = stack.store if stack is not None else None
        if stack is not None:
            stack.changed.connect(self._schedule)
        self._update_title()
        self.reload()

    @Slot()
    def _follow_project(self) -> None:
        self.attach(self.main_window.undo_stack)

    @Slot()
    def _schedule(self) -> None:
        if self.isVisible():
            self._refresh.start()
        else:
            self._dirty = True  # read again when shown, not while nobody looks

    @Slot()
    def reload(self) -> None:
        """Read the data set again (on a worker) and recompute the shown tab."""
        self._refresh.stop()
        self._dirty = False
        self._generation += 1
        store = self.store
        if store is None:
            self._loaded(self._generation, None)
            return
        generation = self._generation

        def load(_progress, _cancelled) -> Dataset:
            # Without texts and turns: each tab reads those it needs while it computes (tab.with_documents).
            with store.read() as session:
                return load_dataset(session, texts=False, turns=False)

        self.status.setText(self.tr("Reading the project…"))
        self._loading = True
        worker = Worker(load)
        worker.signals.finished.connect(lambda dataset: self._loaded(generation, dataset))
        worker.signals.failed.connect(lambda message: self._load_failed(generation, message))
        self._loader = worker.start(owner=self)

    def is_loading(self) -> bool:
        """Whether a data set is being read (until it has been handed to the tabs)."""
        return self._loading

    def is_idle(self) -> bool:
        """Nothing pending: the data set is read and the shown tab shows its current result."""
        current = self.tabs.currentWidget()
        up_to_date = not isinstance(current, AnalysisTab) or current.is_up_to_date()
        pending = self._refresh.isActive() or self.filter_box.is_pending() or self._dirty
        return not pending and not self.is_loading() and up_to_date

    def _loaded(self, generation: int, dataset: Dataset | None) -> None:
        if generation != self._generation:
            return
        self.refresh_pseudonymise()
        self._loading = False
        self.dataset = dataset
        self.filter_box.set_dataset(dataset)
        self.filter_box.setEnabled(dataset is not None)
        self._update_status()
        for tab in self.all_tabs():
            tab.on_dataset(dataset)
            tab.invalidate()
        self.datasetLoaded.emit()

    def _load_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._loading = False
            self.status.setText(self.tr("Could not read the project: {0}").format(message))

    @Slot()
    def _filter_changed(self) -> None:
        self._update_status()
        for tab in self.all_tabs():
            tab.invalidate()

    # -- what the tabs ask of the window -----------------------------------------

    def show_span(self, document_id: int, start: int, end: int) -> None:
        """Show a passage in the main window's transcript and bring that window forward."""
        self.main_window.show_span(document_id, start, end)
        self.main_window.raise_()
        self.main_window.activateWindow()

    def language(self) -> Language:
        """The interface language: numbers in the tabs and the words around exported tables.

        While an export is prepared (:meth:`speaking`) it is the language chosen for that export.
        """
        if self._speaking is not None:
            return self._speaking
        chosen = self.main_window.settings.language
        try:
            return check_language(system_language() if chosen == "system" else chosen)
        except ValueError:
            return "en"

    @contextmanager
    def speaking(self, language: Language) -> Iterator[None]:
        """Tables made inside (on the GUI thread) are worded in ``language``, whatever the interface speaks."""
        self._speaking = language
        try:
            yield
        finally:
            self._speaking = None

    def export_folder(self) -> Path:
        if self._export_folder is not None:
            return self._export_folder
        return self.store.path.parent if self.store is not None else Path.home()

    def remember_export_folder(self, folder: Path) -> None:
        self._export_folder = folder

    def is_exporting(self) -> bool:
        """Whether an export is being written: the window writes one at a time, so Export… waits."""
        return self._export is not None

    def export_running(self, tab: AnalysisTab) -> bool:
        """Whether the export being written is ``tab``'s."""
        return self._export is not None and self._export[0] is tab

    def start_export(self, tab: AnalysisTab, run: ExportRun) -> Worker:
        """Start ``run`` for ``tab``; every tab's Export… waits for it.

        The tab checks :meth:`is_exporting` before it prepares an export, so
        none runs here: the window writes one at a time.
        """
        self._export = (tab, run)
        run.ended.connect(self._export_ended)
        worker = run.start()
        for each in self.all_tabs():
            each.refresh_export_button()
        return worker

    @Slot(object)
    def _export_ended(self, run: ExportRun) -> None:
        if self._export is not None and self._export[1] is run:
            self._export = None
        run.deleteLater()
        for tab in self.all_tabs():
            tab.export_ended()

    def set_pseudonymise(self, checked: bool) -> None:
        """Tick or untick "Pseudonymise" on every tab (the choice is one for the window)."""
        for tab in self.all_tabs():
            if tab.pseudonymise.isChecked() != checked:
                with QSignalBlocker(tab.pseudonymise):
                    tab.pseudonymise.setChecked(checked)

    def refresh_pseudonymise(self) -> None:
        """Offer "Pseudonymise" only while the project has accepted decisions (they may change in the review)."""
        terms = accepted_terms(self.store)
        for tab in self.all_tabs():
            tab.pseudonymise.set_terms(terms)

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def code_colors(self) -> dict[object, str]:
        return {c.id: c.color for c in self.dataset.codes} if self.dataset is not None else {}

    def _update_status(self) -> None:
        if self.dataset is None:
            self.status.setText(self.tr("Open a project to analyse its codings."))
            return
        text = (
            self.tr("%n document(s)", "", len(self.dataset.documents))
            + " · "
            + self.tr("%n coding(s)", "", len(self.dataset.codings))
        )
        described = self.filter_box.describe()
        if described:
            text += " · " + self.tr("filter: {0}").format(described)
        self.status.setText(text)

    def _update_title(self) -> None:
        name = self.store.path.name if self.store is not None else self.tr("no project open")
        self.setWindowTitle(self.tr("Analysis — {0}").format(name))

    # -- window events ----------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self._follow_project()
        if self._dirty:
            self.reload()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._follow_project()
            self.refresh_pseudonymise()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Closing the workbench closes the analysis too, so the application can quit.
        if watched is self.main_window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._refresh.stop()
        for tab in self.all_tabs():  # nobody looks: stop computing (a tab computes again when shown)
            tab.stop()
        super().closeEvent(event)
