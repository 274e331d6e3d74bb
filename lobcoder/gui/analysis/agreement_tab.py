"""The Agreement tab: inter-coder agreement per code for two coders, and the disagreement browser under it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from lobcoder.agreement.compute import AgreementResult, agreement, coder_ids
from lobcoder.agreement.disagreements import Disagreement, disagreements
from lobcoder.agreement.report import SHARED_NOTES, agreement_table, pairs_table, report_tables
from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter, select
from lobcoder.analysis.table import Table
from lobcoder.analysis.unit_codings import codings_over
from lobcoder.editing.resolve_commands import Choice, ResolveDisagreement
from lobcoder.gui.analysis.disagreement_browser import DisagreementBrowser, Others
from lobcoder.gui.analysis.notes_line import NotesLine
from lobcoder.gui.analysis.tab import AnalysisTab, Computation, notes_text, refill_combo, table_view
from lobcoder.gui.analysis.table_model import AnalysisTableModel
from lobcoder.gui.decimal_spin_box import DecimalSpinBox
from lobcoder.reports.formatting import Language
from lobcoder.services.codes import get_code

if TYPE_CHECKING:
    from lobcoder.gui.analysis.window import AnalysisWindow

ALL_MEASURES = ""
ALL_CODERS = -1


class AgreementTab(AnalysisTab):
    """Two coders compared per code on the documents both coded (narrowed by the filter's documents and attributes).

    The table's row for a code narrows the disagreement browser to that code;
    the total row shows every disagreement. Resolving one is an undoable
    action; the tab recomputes when the project has changed. With "all coders"
    the group's table is on top and every pair's (each on the documents both
    coded) takes the browser's place; double-clicking a pair compares those two.
    """

    def __init__(self, host: AnalysisWindow) -> None:
        super().__init__(host)
        self.first, self.second = QComboBox(), QComboBox()
        for combo in (self.first, self.second):  # "all coders (Fleiss' κ, α)" must not be cut off
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit = QComboBox()
        for text, unit in (
            (self.tr("sentence"), "sentence"),
            (self.tr("speaker turn"), "turn"),
            (self.tr("paragraph"), "paragraph"),
            (self.tr("document"), "document"),
            (self.tr("segment overlap"), "overlap"),
            (self.tr("character"), "character"),
        ):
            self.unit.addItem(text, unit)
        self.unit.setToolTip(self.tr("What a code is compared on: present or absent per unit, or matching segments"))
        self.overlap = DecimalSpinBox()
        self.overlap.setRange(1, 100)
        self.overlap.setValue(90)
        self.overlap.setSuffix(" %")
        self.overlap.setDecimals(0)
        self.overlap.setToolTip(self.tr("Segment overlap: the share of a coding the other coder's coding must cover"))
        self.measure = QComboBox()
        for text, name in (
            (self.tr("all measures"), ALL_MEASURES),
            (self.tr("Cohen's κ"), "cohen"),
            (self.tr("Krippendorff's α"), "alpha"),
            (self.tr("Brennan-Prediger κ"), "brennan_prediger"),
            (self.tr("Gwet's AC1"), "gwet_ac1"),
        ):
            self.measure.addItem(text, name)
        for label, widget in (
            (self.tr("Coder A:"), self.first),
            (self.tr("Coder B:"), self.second),
            (self.tr("Unit:"), self.unit),
            (self.tr("Overlap:"), self.overlap),
            (self.tr("Measure:"), self.measure),
        ):
            self.controls.addWidget(QLabel(label))
            self.controls.addWidget(widget)
        self.controls.addStretch(1)
        self.model = AnalysisTableModel(self)
        self.table = table_view()
        self.table.setModel(self.model)
        self.table.setToolTip(self.tr("Select a code to list its disagreements below"))
        self.table.selectionModel().currentRowChanged.connect(self._code_chosen)
        self.table.activated.connect(self._pair_chosen)
        self.notes = NotesLine()  # one line each: at 1280×700 the tables and the browser need the height
        self.browser = DisagreementBrowser()
        self.browser.resolve.connect(self._resolve)
        self.browser.recode.connect(self._recode)
        self.browser.showPassage.connect(self.host.show_span)
        self.pairs_model = AnalysisTableModel(self)
        self.pairs_table = table_view()
        self.pairs_table.setModel(self.pairs_model)
        self.pairs_table.setToolTip(
            self.tr("Double-click a pair to compare its two coders and list their disagreements")
        )
        self.pairs_table.activated.connect(self._pair_chosen)
        self.pairs_notes = NotesLine()
        pairs = QWidget()
        pairs_layout = QVBoxLayout(pairs)
        pairs_layout.setContentsMargins(0, 0, 0, 0)
        pairs_layout.addWidget(self.pairs_table, 1)
        pairs_layout.addWidget(self.pairs_notes)
        self.below = QStackedWidget()  # the browser for two coders, every pair's table for all coders
        self.below.addWidget(self.browser)
        self.below.addWidget(pairs)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.below)
        splitter.setSizes([330, 400])
        # The splitter's sizes for two coders (the browser) and for all coders (the pairs), kept apart.
        self._everyone_shown = False
        self._sizes: dict[bool, list[int]] = {}
        self.body.addWidget(splitter, 1)
        self.body.addWidget(self.notes)
        for combo in (self.first, self.second, self.unit):
            combo.currentIndexChanged.connect(self.recompute)
        self.overlap.valueChanged.connect(self.recompute)
        self.measure.currentIndexChanged.connect(self._show_table)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self._unit_changed()

    def on_dataset(self, dataset: Dataset | None) -> None:
        with_codings = set(dataset.codings.coder.tolist()) if dataset is not None else set()
        coders = sorted(
            ((name, coder) for coder, name in (dataset.coders.items() if dataset else []) if coder in with_codings),
            key=lambda item: item[0].casefold(),
        )
        refill_combo(self.first, coders)
        everyone = [(self.tr("all coders (Fleiss' κ, α)"), ALL_CODERS)] if len(coders) > 2 else []
        refill_combo(self.second, [*coders, *everyone])
        if self.second.currentIndex() == self.first.currentIndex() and len(coders) > 1:
            # No recompute from here: the window invalidates every tab next, and a hidden tab waits until shown.
            with QSignalBlocker(self.second):
                self.second.setCurrentIndex(1 if self.first.currentIndex() == 0 else 0)

    @Slot()
    def _unit_changed(self) -> None:
        self.overlap.setEnabled(self.unit.currentData() == "overlap")

    def everyone(self) -> bool:
        """Whether all coders are compared (pairs and the group) rather than two."""
        return bool(self.second.currentData() == ALL_CODERS)

    def computation_on_copy(self, flt: AnalysisFilter, coders: Mapping[str, str]) -> Computation:
        return self.computation(flt, coders)

    def computation(self, flt: AnalysisFilter, renamed: Mapping[str, str] | None = None) -> Computation:
        """``renamed``: the coders as a pseudonymised copy names them (``Fenna`` -> ``Coder 1``)."""
        first, second = self.first.currentText(), self.second.currentText()
        if not first or not second or self.first.count() < 2:  # one coder: "choose two different coders" cannot be done
            raise ValueError(self.tr("This project needs codings by two coders to compare."))
        if first == second:
            raise ValueError(self.tr("Choose two different coders."))
        unit, threshold = self.unit.currentData(), self.overlap.value()
        narrowed = bool(flt.attributes) or flt.documents is not None
        coders = None if self.everyone() else [(renamed or {}).get(name, name) for name in (first, second)]
        if coders is None and unit == "overlap":
            raise ValueError(self.tr("Segment overlap compares two coders; choose coder B."))

        def compute(dataset: Dataset) -> tuple[AgreementResult, list[Disagreement], dict[int, str], Others]:
            documents = [dataset.documents[i].id for i in select(dataset, flt).documents] if narrowed else None
            result = agreement(dataset, coders, unit, documents, threshold)
            if coders is None:
                return result, [], {}, {}
            found = disagreements(dataset, coders, unit, result.document_ids, threshold)
            # What each coder coded over each unit (every code), so a pane shows the other code a coder chose.
            others = codings_over(
                dataset, coder_ids(dataset, coders)[:2], {(d.document_id, d.start, d.end) for d in found}
            )
            # The browser shows the disagreements in their documents: read those texts here, on the worker.
            return result, found, {d.document_id: dataset.text(d.document_id) for d in found}, others

        return compute

    def show_result(self, result: Any) -> None:
        self.model.language = self.host.language()
        self._show_table()
        dataset = self.result_dataset
        if result is None or dataset is None:
            self.browser.set_disagreements([], {}, ("A", "B"))
            return
        texts = result[2]
        self.browser.set_codes([(code.id, code.name, code.depth) for code in dataset.codes])
        coders = result[0].coders
        self.browser.set_disagreements(self._for_code(result[1]), texts, (coders[0], coders[1]), result[3])
        self.browser.setEnabled(len(coders) == 2)

    def _layout(self) -> tuple[bool, bool]:
        """(all coders compared, a group table on top): without a group (no document all coded) the pairs are on top."""
        if self.result is None:
            return False, False
        result: AgreementResult = self.result[0]
        everyone = len(result.coders) > 2
        return everyone, everyone and not result.tables[-1].is_pair

    def current_table(self) -> Table | None:
        """The table the tab shows (not the first that Export… writes, which with all coders is the pairs')."""
        if self.result is None:
            return None
        result: AgreementResult = self.result[0]
        everyone, group = self._layout()
        if everyone and not group:  # no document all coded: no group, the pairs with a note
            return pairs_table(result, self.host.language(), self.measure.currentData() or None)
        # The pair, or with all coders the group (the export has every pair too).
        return agreement_table(result, result.tables[-1], self.host.language(), self.measure.currentData() or None)

    def pairs_shown(self) -> Table | None:
        """With all coders and a group table on top: every pair's table, shown under it; else None."""
        if self.result is None or not self._layout()[1]:  # two coders, or no group: the pairs are on top
            return None
        return pairs_table(self.result[0], self.host.language(), self.measure.currentData() or None)

    @Slot()
    def _show_table(self) -> None:
        table = self.current_table()
        self.model.set_table(table)
        pairs = self.pairs_shown()
        everyone, group = self._layout()
        self.notes.set_notes(_pairs_notes(table) if everyone and not group else notes_text(table))
        if table is not None:
            self.table.resizeColumnsToContents()
        self.pairs_model.language = self.host.language()
        self.pairs_model.set_table(pairs)
        self.pairs_notes.set_notes(_pairs_notes(pairs))
        if pairs is not None:
            self.pairs_table.resizeColumnsToContents()
        if everyone != self._everyone_shown:
            self._sizes[self._everyone_shown] = self.splitter.sizes()
            self._everyone_shown = everyone
            if everyone in self._sizes:
                self.splitter.setSizes(self._sizes[everyone])
            elif pairs is not None:  # the first time: the pairs need a few rows, the group table the rest
                self._fit_pairs(len(pairs.rows))
        self.below.setCurrentIndex(1 if everyone else 0)
        self.below.setVisible(not everyone or pairs is not None)

    def _fit_pairs(self, rows: int) -> None:
        total = sum(self.splitter.sizes())
        row = self.pairs_table.verticalHeader().defaultSectionSize()
        wanted = row * (rows + 1) + self.pairs_table.horizontalHeader().height() + self.pairs_notes.sizeHint().height()
        lower = min(wanted + 16, total // 2)
        self.splitter.setSizes([total - lower, lower])

    @Slot(QModelIndex)
    def _pair_chosen(self, index: QModelIndex) -> None:
        """A pair double-clicked (under the group, or on top when there is none): compare those two coders."""
        model = self.pairs_model if index.model() is self.pairs_model else self.model
        row = model.row(index.row())
        if row is None or not isinstance(row.key, tuple) or len(row.key) != 2:
            return
        first, second = (self.first.findText(name) for name in row.key)
        if first < 0 or second < 0:
            return
        with QSignalBlocker(self.first), QSignalBlocker(self.second):
            self.first.setCurrentIndex(first)
            self.second.setCurrentIndex(second)
        self.recompute()

    def _chosen_code(self) -> int | None:
        row = self.model.row(self.table.currentIndex().row())
        return row.key if row is not None and isinstance(row.key, int) else None

    def _for_code(self, items: list[Disagreement]) -> list[Disagreement]:
        code = self._chosen_code()
        return [d for d in items if d.code_id == code] if code is not None else items

    @Slot(QModelIndex, QModelIndex)
    def _code_chosen(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if self.result is not None and self.result_dataset is not None:
            items = self._for_code(self.result[1])
            model = self.browser.model
            self.browser.set_disagreements(items, model.texts, model.coders, model.others)

    def _recode(self, item: Disagreement, code_id: int, consensus: str) -> None:
        self._resolve(item, "recode", consensus, code_id)

    def _resolve(self, item: Disagreement, choice: Choice, consensus: str, recode_to: int | None = None) -> None:
        stack, dataset = self.host.stack, self.result_dataset
        if stack is None or dataset is None or self.result is None:
            return
        first, second = self.result[0].coders[:2]
        with stack.store.read() as session:
            guid = get_code(session, item.code_id).guid
            new_guid = get_code(session, recode_to).guid if recode_to is not None else None
        command = ResolveDisagreement(
            item.document_id,
            guid,
            item.start,
            item.end,
            first,
            second,
            choice,
            consensus or None,
            item.code,
            recode_to=new_guid,
        )
        stack.execute(command)

    def table_maker(self, language: Language) -> Callable[[Any], list[Table]]:
        measure = self.measure.currentData() or None
        return lambda result: report_tables(result[0], language, measure)

    def export_stem(self) -> str:
        return self.tr("agreement")


def _pairs_notes(table: Table | None) -> str:
    """The pairs table's notes with its own first (each pair's documents, no group): the line is cut at its end."""
    if table is None:
        return ""
    return " ".join((*table.notes[SHARED_NOTES:], *table.notes[:SHARED_NOTES]))
