"""The Words tab: word frequencies of the filtered documents and, for a chosen word, its keywords in context."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
)

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.keywords_in_context import KeywordsInContext, keywords_in_context
from lobcoder.analysis.table import Table
from lobcoder.analysis.words import WordOptions, WordResult, project_word_frequencies
from lobcoder.editing.code_commands import UpdateCode
from lobcoder.editing.word_commands import leave_out, put_back
from lobcoder.errors import NotFoundError
from lobcoder.gui.analysis.crosstab_tab import code_choices
from lobcoder.gui.analysis.export_run import ExportRun
from lobcoder.gui.analysis.keywords_view import ContextDelegate, HitRole, KeywordsModel
from lobcoder.gui.analysis.label_column import LabelColumnFitter
from lobcoder.gui.analysis.result_split import bold_title, result_over_details
from lobcoder.gui.analysis.tab import (
    AnalysisTab,
    Computation,
    labelled,
    notes_text,
    refill_combo,
    table_view,
    with_documents,
)
from lobcoder.gui.analysis.table_model import AnalysisTableModel, RowKeyRole
from lobcoder.gui.analysis.words_tab_export import context_task, pseudonymised_context_task
from lobcoder.gui.pseudonymise.leak_box import LeakReport
from lobcoder.gui.quick_code import QuickCodePicker
from lobcoder.gui.workers import Worker
from lobcoder.reports.formatting import Language
from lobcoder.services.codes import get_code, list_codes
from lobcoder.services.left_out_words import left_out_words
from lobcoder.text.words import MIN_LENGTH

if TYPE_CHECKING:
    from lobcoder.gui.analysis.window import AnalysisWindow

ALL_TEXT = 0  # the code choice "all text" (code ids start at 1)
TOP = 300  # words shown


def _pipeline() -> Any:
    from lobcoder.suggest.pipeline import load_pipeline

    return load_pipeline()


class WordsTab(AnalysisTab):
    """Per word (lemma or form): occurrences, documents, share, optionally in one code's passages and per value.

    Double-click a word (or press Enter) to list every occurrence with its
    context; double-click an occurrence to show it in its document; the
    list's own Export… writes it (:mod:`words_tab_export`).

    Signals:
        contextShown(): the keywords-in-context list was filled (tests wait for it).
    """

    contextShown = Signal()

    def __init__(self, host: AnalysisWindow) -> None:
        super().__init__(host)
        self.by = QComboBox()
        self.by.addItem(self.tr("lemmas"), "lemma")
        self.by.addItem(self.tr("word forms"), "form")
        self.by.setToolTip(self.tr("Count lemmas (gesprekken counts as gesprek) or each form as written"))
        self.code = QComboBox()  # long code names are read in its list: the controls fit a laptop screen
        self.code.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.code.setMinimumContentsLength(18)
        self.code.setToolTip(self.tr("Only the words inside the passages coded with this code (and its sub-codes)"))
        self.split_by = QComboBox()
        self.split_by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.min_length = QSpinBox()
        self.min_length.setRange(1, 30)
        self.min_length.setValue(MIN_LENGTH)
        self.min_length.setToolTip(self.tr("Shortest word counted, in letters"))
        self.order = QComboBox()
        self.order.addItem(self.tr("most frequent"), "count")
        self.order.addItem(self.tr("most distinctive"), "distinctive")
        self.order.setToolTip(self.tr("With a code: the words most typical of its passages first"))
        self.order.setEnabled(False)
        for label, widget in (
            (self.tr("Cou&nt:"), self.by),
            (self.tr("&In:"), self.code),
            (self.tr("&Split by:"), self.split_by),
            (self.tr("S&hortest:"), self.min_length),
            (self.tr("Ord&er:"), self.order),
        ):
            self.controls.addWidget(labelled(label, widget))
            self.controls.addWidget(widget)
        self.controls.addStretch(1)
        refill_combo(self.code, [(self.tr("all text"), ALL_TEXT)])
        refill_combo(self.split_by, [(self.tr("nothing"), "")])

        self.model = AnalysisTableModel(self)
        self.table = table_view()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(
            self.tr("Double-click a word or press Enter to read it in context; right-click to add it as a keyword")
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._word_menu)
        self.label_column = LabelColumnFitter(self.table)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.context_title = bold_title(self.tr("Double-click a word to read every occurrence in its context."))
        self.hits = KeywordsModel(self)
        self.hit_list = table_view()
        self.hit_list.setModel(self.hits)
        self.hit_list.setItemDelegate(ContextDelegate(self.hit_list))
        self.hit_list.setToolTip(self.tr("Double-click or press Enter to show the passage in its document"))
        header = self.hit_list.horizontalHeader()
        header.setSectionResizeMode(KeywordsModel.DOCUMENT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KeywordsModel.BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KeywordsModel.WORD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KeywordsModel.AFTER, QHeaderView.ResizeMode.Stretch)
        self.context: KeywordsInContext | None = None  # the occurrences listed
        self.context_export = QPushButton(self.tr("Export occ&urrences…"))
        self.context_export.setToolTip(self.tr("Save these occurrences as Word (.docx), Excel (.xlsx) or CSV"))
        self.context_export.setEnabled(False)
        self.context_export.clicked.connect(self.choose_context_file)
        title_row = QHBoxLayout()
        title_row.addWidget(self.context_title, 1)
        title_row.addWidget(self.context_export)
        self.splitter = result_over_details(self.table, self.notes, title_row, self.hit_list, sizes=(600, 300))
        self.body.addWidget(self.splitter)
        self._context_generation = 0
        self._context_worker: Worker | None = None

        for combo in (self.by, self.split_by, self.order):
            combo.currentIndexChanged.connect(self.recompute)
        self.code.currentIndexChanged.connect(self._code_changed)
        self.min_length.valueChanged.connect(self.recompute)
        self.table.activated.connect(self._word_chosen)
        self.hit_list.activated.connect(self._hit_activated)

    # -- computing -------------------------------------------------------------

    def on_dataset(self, dataset: Dataset | None) -> None:
        refill_combo(self.code, [(self.tr("all text"), ALL_TEXT), *code_choices(dataset)])
        attributes = list(dataset.attribute_names) if dataset is not None else []
        refill_combo(self.split_by, [(self.tr("nothing"), ""), *((name, name) for name in attributes)])

    def options(self) -> WordOptions:
        """The tab's choices as the core takes them, with the project's left-out words."""
        code = self.code.currentData()
        return WordOptions(
            left_out=frozenset(self.left_out_words()),
            by=self.by.currentData(),
            min_length=self.min_length.value(),
            code=code or None,
            split_by=self.split_by.currentData() or None,
            top=TOP,
            order=self.order.currentData(),
        )

    def left_out_words(self) -> tuple[str, ...]:
        """The words the researcher left out of this project's word frequencies."""
        store = self.host.store
        if store is None:
            return ()
        with store.read() as session:
            return left_out_words(session)

    def computation(self, flt: AnalysisFilter) -> Computation:
        options, store = self.options(), self.host.store  # each document counted once, then kept in the project
        return lambda dataset: project_word_frequencies(store, dataset, _pipeline(), flt, options)

    def computation_on_copy(self, flt: AnalysisFilter, coders: Mapping[str, str]) -> Computation:
        """On the pseudonymised copy the counts are of its texts: none are kept in the project.

        The left-out words are the copy's: a name among them would be printed in the notes.
        """
        from lobcoder.pseudonymise.export_copy import shared_left_out_words

        options, store = self.options(), self.host.store

        def compute(dataset: Dataset) -> WordResult:  # on the worker: reading the texts takes a moment
            shared = (
                options if store is None else replace(options, left_out=shared_left_out_words(store, options.left_out))
            )
            return project_word_frequencies(None, dataset, _pipeline(), flt, shared)

        return compute

    def show_result(self, result: WordResult | None) -> None:
        table = self.current_table()
        self.model.language = self.host.language()
        self.model.set_table(table)
        self.label_column.fit(new_table=True)
        self.notes.setText(notes_text(table))
        self._clear_context()

    def table_maker(self, language: Language) -> Callable[[Any], list[Table]]:
        return lambda result: [result.to_table(language)]

    def export_stem(self) -> str:
        return self.tr("word frequencies")

    @Slot()
    def _code_changed(self) -> None:
        self.order.setEnabled(bool(self.code.currentData()))
        self.recompute()

    # -- keywords in context ---------------------------------------------------

    def show_context(self, word: str) -> Worker | None:
        """List every occurrence of ``word`` in the shown result's scope (on a worker)."""
        self._context_generation += 1
        result, dataset = self.result, self.result_dataset
        if not isinstance(result, WordResult) or dataset is None:
            return None
        generation, store, flt, options = self._context_generation, self.host.store, result.flt, result.options
        self.context_title.setText(self.tr("Looking for ‘{0}’…").format(word))

        def find(found: Dataset) -> KeywordsInContext:
            return keywords_in_context(found, _pipeline(), word, flt, options)

        worker = Worker(lambda _progress, cancelled: with_documents(store, dataset, find, cancelled))
        worker.signals.finished.connect(lambda found: self._show_context(generation, found))
        worker.signals.failed.connect(lambda message: self._context_failed(generation, message))
        self._context_worker = worker.start(owner=self)
        return self._context_worker

    @Slot(QModelIndex)
    def _word_chosen(self, index: QModelIndex) -> None:
        word = index.siblingAtColumn(0).data(RowKeyRole)
        if isinstance(word, str):
            self.show_context(word)

    def _show_context(self, generation: int, found: KeywordsInContext) -> None:
        if generation != self._context_generation:
            return
        self.hits.set_hits(found.hits)
        self.context = found
        self.refresh_export_button()
        documents = len({hit.document_id for hit in found.hits})
        self.context_title.setText(
            self.tr("‘{0}’: %n occurrence(s)", "", len(found.hits)).format(found.word)
            + self.tr(" in %n document(s)", "", documents)
            + (self.tr(" — double-click one to show it in its document") if found.hits else "")
        )
        if found.hits:
            self.hit_list.selectRow(0)
        self.contextShown.emit()

    def _context_failed(self, generation: int, message: str) -> None:
        if generation == self._context_generation:
            self.hits.set_hits(())
            self.context = None
            self.refresh_export_button()
            self.context_title.setText(self.tr("Could not list the occurrences: {0}").format(message))
            self.contextShown.emit()

    def _clear_context(self) -> None:
        self._context_generation += 1
        self.hits.set_hits(())
        self.context = None
        self.refresh_export_button()
        self.context_title.setText(self.tr("Double-click a word to read every occurrence in its context."))

    def refresh_export_button(self) -> None:
        """Both Export… buttons: the table's, and the occurrence list's once one is listed."""
        super().refresh_export_button()
        if hasattr(self, "context_export"):  # not yet while the base class sets up
            self.context_export.setEnabled(self.context is not None and not self.host.is_exporting())

    @Slot()
    def choose_context_file(self) -> None:
        if self.context is None:
            return
        stem = self.tr("{0} in context").format(self.context.word)
        target = self.ask_export_path(stem, self.tr("Export occurrences"))
        if target is not None:
            self.export_context_to(target)

    def export_context_to(self, path: Path) -> Worker | None:
        """Write the listed occurrences to ``path`` (as ``report words --context`` does) on a worker.

        In the export language chosen on the tab, pseudonymised when ticked;
        None, writing nothing, while the window writes another export.
        """
        found, store = self.context, self.host.store
        if found is None or self.host.is_exporting():
            return None
        language: Language = self.export_language.currentData()
        title = self.tr("Export occurrences")
        if self.pseudonymise.wanted():
            if store is None:
                return None
            leaks = LeakReport()
            with self.host.speaking(language):
                task = pseudonymised_context_task(self, store, path, found, _pipeline, language, leaks)
            return self._start_export(ExportRun(self, path, task, self.tr("Pseudonymising…"), title), leaks)
        task = context_task(found, path, language)
        return self._start_export(ExportRun(self, path, task, self.tr("Writing {0}…").format(path.name), title))

    # -- the researcher's keywords ---------------------------------------------

    def add_keyword(self, word: str, code_id: int) -> bool:
        """Add ``word`` to the code's keywords (one undoable codebook edit); False if it is one already or refused."""
        stack = self.host.stack
        if stack is None:
            return False
        try:
            with stack.store.read() as session:
                code = get_code(session, code_id)
                guid, name, keywords = code.guid, code.name, code.keywords or ""
        except NotFoundError:  # deleted since the table was computed
            return False
        if word.casefold() in {line.strip().casefold() for line in keywords.split("\n")}:
            self.host.show_status(self.tr("‘{0}’ is already a keyword of ‘{1}’.").format(word, name))
            return False
        if not stack.execute(UpdateCode(guid, keywords=f"{keywords.rstrip()}\n{word}" if keywords.strip() else word)):
            return False
        self.host.show_status(
            self.tr("‘{0}’ added to the keywords of ‘{1}’ (Edit → Undo takes it back).").format(word, name)
        )
        return True

    @Slot(QPoint)
    def _word_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        word = index.siblingAtColumn(0).data(RowKeyRole) if index.isValid() else None
        dataset = self.host.dataset
        if not isinstance(word, str) or dataset is None or self.host.stack is None:
            return
        menu = QMenu(self)
        chosen = self.code.currentData()
        if chosen:
            name = dataset.code(chosen).name
            menu.addAction(
                self.tr("Add ‘{0}’ as keyword of ‘{1}’").format(word, name), lambda: self.add_keyword(word, chosen)
            )
        if dataset.codes:
            menu.addAction(self.tr("Add ‘{0}’ as keyword of code…").format(word), lambda: self._choose_code(word))
        menu.addAction(self.tr("Show ‘{0}’ in context").format(word), lambda: self.show_context(word))
        menu.addSeparator()
        menu.addAction(self.tr("Leave out ‘{0}’ (this project)").format(word), lambda: self.leave_out(word))
        left_out = sorted(self.result.options.left_out) if isinstance(self.result, WordResult) else []
        if left_out:
            menu.addAction(
                self.tr("Put back the %n left-out word(s)", "", len(left_out)), lambda: self.put_back(left_out)
            )
        menu.exec(self.table.viewport().mapToGlobal(position))

    def leave_out(self, word: str) -> bool:
        """Leave ``word`` out of this project's word frequencies (one undoable step; the table is computed again)."""
        stack = self.host.stack
        if stack is None or not stack.execute(leave_out(word)):
            return False
        self.host.show_status(
            self.tr("‘{0}’ is left out of the word frequencies (Edit → Undo puts it back).").format(word)
        )
        return True

    def put_back(self, words: Sequence[str]) -> bool:
        """Count the left-out ``words`` again (one undoable step)."""
        stack = self.host.stack
        return stack is not None and stack.execute(put_back(words))

    def _choose_code(self, word: str) -> None:
        """Pick the code by typing (codes are shown by their path: only sibling names are unique)."""
        stack = self.host.stack
        if stack is None:
            return
        with stack.store.read() as session:
            codes = list_codes(session)
        picker = QuickCodePicker(codes, self)
        picker.setWindowTitle(self.tr("Add ‘{0}’ to the keywords of:").format(word))
        picker.filter.setPlaceholderText(picker.windowTitle())  # a popup shows no title: say which word it adds
        picker.move(self.mapToGlobal(self.rect().center()) - picker.rect().center())
        if picker.exec() and picker.chosen_code is not None:
            self.add_keyword(word, picker.chosen_code)

    @Slot(QModelIndex)
    def _hit_activated(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self.host.show_span(hit.document_id, hit.start, hit.end)
