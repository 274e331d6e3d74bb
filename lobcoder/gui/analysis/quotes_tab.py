"""The Quotes tab: the coded passages of a code with where they come from; activate one to read it in context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QMenu, QPlainTextEdit, QPushButton, QSpinBox

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.quote_report import (
    FIELDS,
    ORDER_FIELDS,
    QuoteReport,
    default_attribution,
    picked_quote_report,
)
from lobcoder.analysis.quotes import Quote, QuoteResult
from lobcoder.analysis.table import Table
from lobcoder.gui.analysis.crosstab_tab import code_choices
from lobcoder.gui.analysis.tab import AnalysisTab, Computation, ExportWriter, labelled, refill_combo, table_view
from lobcoder.gui.analysis.table_model import AnalysisTableModel
from lobcoder.gui.workers import CancelCheck, ProgressCallback, Task
from lobcoder.reports.export import export_quotes
from lobcoder.reports.formatting import Language
from lobcoder.reports.quotes_docx import QUOTE_MARKS

if TYPE_CHECKING:
    from lobcoder.gui.analysis.window import AnalysisWindow

ALL_CODES = -1


class QuotesTab(AnalysisTab):
    """One row per coded passage: code, document, participant, attributes, speaker, paragraph, time, coder, text.

    Double-clicking (or Enter on) a row shows the passage in the main window.
    """

    def __init__(self, host: AnalysisWindow) -> None:
        super().__init__(host)
        self.code = QComboBox()
        self.code.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.rollup = QCheckBox(self.tr("&Include sub-codes"))
        self.rollup.setToolTip(self.tr("List the quotes of a code's sub-codes under the code as well"))
        self.per_code = QSpinBox()
        self.per_code.setRange(0, 999)
        self.per_code.setSpecialValueText(self.tr("all"))
        self.per_code.setToolTip(self.tr("At most this many quotes per code (0: all)"))
        self.rule = QComboBox()
        for key, text in (
            ("spread", self.tr("spread over participants")),
            ("longest", self.tr("the longest")),
            ("random", self.tr("at random")),
        ):
            self.rule.addItem(text, key)
        self.definitions = QCheckBox(self.tr("Defi&nitions"))
        self.definitions.setToolTip(self.tr("Word export: each code's definition under its heading"))
        self.attribution_menu = QMenu(self)
        # A push button makes room for its menu arrow (a tool button drew it over the text).
        self.attribution = QPushButton()
        self.attribution.setText(self.tr("Attrib&ution"))
        self.attribution.setToolTip(
            self.tr("What the attribution after each quote names, e.g. (Marieke, docent, wave 1)")
        )
        self.attribution.setMenu(self.attribution_menu)
        self.context = QSpinBox()
        self.context.setRange(0, 200)
        self.context.setSpecialValueText(self.tr("no context"))
        self.context.setSuffix(self.tr(" words of context"))
        self.context.setToolTip(self.tr("Words before and after each quote, shown in brackets"))
        self.order_by = QComboBox()
        self.order_by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.order_by.setToolTip(
            self.tr("List each code's quotes by this, in natural order (wave 2 before wave 10); without a value last")
        )
        self.then_by = QComboBox()  # a second order among quotes equal in the first (wave, then participant)
        self.then_by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.then_by.setToolTip(self.tr("Then by this, among quotes with the same value of the first"))
        self.then_by.setEnabled(False)
        self.export_tip = self.tr("Save the quotes as Word (.docx), Excel (.xlsx) or CSV")
        self.export_button.setToolTip(self.export_tip)
        self.layout_choice = QComboBox()
        self.layout_choice.addItem(self.tr("Blocks"), "blocks")
        self.layout_choice.addItem(self.tr("Table"), "table")
        self.layout_choice.setToolTip(self.tr("Word export: each quote as an indented block, or one table"))
        self.controls.addWidget(labelled(self.tr("Cod&e:"), self.code))
        self.controls.addWidget(self.code)
        self.controls.addWidget(self.rollup)
        self.controls.addWidget(labelled(self.tr("Per code:"), self.per_code))  # its letters are all taken
        self.controls.addWidget(self.per_code)
        self.controls.addWidget(self.rule)
        self.controls.addWidget(self.definitions)
        self.controls.addWidget(self.attribution)
        self.controls.addWidget(self.context)
        self.controls.addStretch(1)
        # The order on the row of Export…, before its stretch, and Word's layout beside Export: on the
        # controls' row the Dutch tab was wider than a laptop screen.
        order_by, then = labelled(self.tr("Order &by:"), self.order_by), labelled(self.tr("then"), self.then_by)
        for widget in (order_by, self.order_by, then, self.then_by):
            self.add_output(widget, before_stretch=True)
        self.add_output(labelled(self.tr("Word:"), self.layout_choice))
        self.add_output(self.layout_choice)
        self.model = AnalysisTableModel(self)
        self.table = table_view()
        self.table.setModel(self.model)
        self.table.setToolTip(self.tr("Double-click or press Enter to show the quote in its document"))
        self.table.activated.connect(self._activated)
        self.summary = QLabel()
        self.full_text = QPlainTextEdit()
        self.full_text.setReadOnly(True)
        self.full_text.setPlaceholderText(self.tr("The selected quote is shown here in full."))
        self.full_text.setMaximumHeight(self.fontMetrics().height() * 6)
        self.table.selectionModel().currentRowChanged.connect(self._show_full_text)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.full_text)
        self.body.addWidget(self.summary)
        self.code.currentIndexChanged.connect(self.recompute)
        self.rollup.toggled.connect(self.recompute)
        self.per_code.valueChanged.connect(self.recompute)
        self.rule.currentIndexChanged.connect(self.recompute)
        self.definitions.toggled.connect(self.recompute)
        self.context.valueChanged.connect(self.recompute)
        self.order_by.currentIndexChanged.connect(self._order_changed)
        self.then_by.currentIndexChanged.connect(self.recompute)
        refill_combo(self.code, [(self.tr("All codes"), ALL_CODES)])
        self._fill_attribution(())
        self._fill_order(())

    def on_dataset(self, dataset: Dataset | None) -> None:
        refill_combo(self.code, [(self.tr("All codes"), ALL_CODES), *code_choices(dataset)])
        self._fill_attribution(dataset.attribute_names if dataset is not None else ())
        self._fill_order(dataset.attribute_names if dataset is not None else ())

    def _fill_order(self, attribute_names: tuple[str, ...]) -> None:
        """Document order, participant, then each attribute (the fields of ``quote_report.ordered``)."""
        fields = [(self.tr("participant"), "participant"), *((name, name) for name in attribute_names)]
        refill_combo(self.order_by, [(self.tr("document order"), ""), *fields])
        refill_combo(self.then_by, [(self.tr("nothing"), ""), *fields])
        self.then_by.setEnabled(bool(self.order_by.currentData()))

    @Slot()
    def _order_changed(self) -> None:
        self.then_by.setEnabled(bool(self.order_by.currentData()))  # document order has no ties to break
        self.recompute()

    def order_fields(self) -> list[str]:
        """What the quotes are ordered by, as ``report quotes --order-by`` takes it: the first box, then the second.

        Document order is ``""``; the computation drops it and any field its data set lacks.
        """
        first = self.order_by.currentData() or ""
        second = (self.then_by.currentData() or "") if first else ""
        return [first, second] if second and second != first else [first]

    def _fill_attribution(self, attribute_names: tuple[str, ...]) -> None:
        """One checkable entry per field and attribute; what was chosen stays chosen."""
        before = {a.data(): a.isChecked() for a in self.attribution_menu.actions()}
        names = {
            "participant": self.tr("Participant"),
            "speaker": self.tr("Speaker"),
            "document": self.tr("Document"),
            "paragraph": self.tr("Paragraph"),
            "time": self.tr("Time"),
        }
        default = set(default_attribution(attribute_names))
        self.attribution_menu.clear()
        for field in (*FIELDS, *attribute_names):
            action = self.attribution_menu.addAction(names.get(field, field))
            action.setData(field)
            action.setCheckable(True)
            action.setChecked(before.get(field, field in default))
            action.toggled.connect(self.recompute)

    def attribution_fields(self) -> tuple[str, ...]:
        """The fields checked under Attribution, in the menu's order."""
        return tuple(a.data() for a in self.attribution_menu.actions() if a.isChecked())

    def set_attribution(self, fields: tuple[str, ...]) -> None:
        """Check exactly ``fields`` (as a user would, one entry at a time)."""
        for action in self.attribution_menu.actions():
            action.setChecked(action.data() in fields)

    def computation(self, flt: AnalysisFilter) -> Computation:
        code = self.code.currentData()
        chosen = None if code in (None, ALL_CODES) else [int(code)]
        rollup = self.rollup.isChecked()
        language = self.host.language()
        per_code = self.per_code.value() or None
        rule = self.rule.currentData()
        definitions = self.definitions.isChecked()
        attribution = self.attribution_fields()
        context = self.context.value()
        order = self.order_fields()

        def compute(dataset: Dataset) -> tuple[QuoteResult, Table, QuoteReport]:
            # Picked first: only the quotes shown are built (see analysis/quote_report.py).
            known = [f for f in attribution if f in FIELDS or f in dataset.attribute_names]
            order_by = [f for f in order if f in ORDER_FIELDS or f in dataset.attribute_names]
            report = picked_quote_report(
                dataset,
                flt,
                codes=chosen,
                rollup=rollup,
                context=context,
                per_code=per_code,
                rule=rule,
                definitions=definitions,
                attribution=known,
                order_by=order_by,
            )
            shown = QuoteResult(tuple(q for g in report.groups for q in g.quotes), dataset.attribute_names)
            return shown, report.to_table(language), report  # thousands of rows: built here, not on the GUI thread

        return compute

    def show_result(self, result: tuple[QuoteResult, Table, QuoteReport] | None) -> None:
        self.model.language = self.host.language()
        self.model.set_table(result[1] if result is not None else None)
        self.full_text.clear()
        if result is not None:
            # Fitted once to the first rows, not kept fitted: that would measure every row on each change.
            header = self.table.horizontalHeader()
            header.setStretchLastSection(True)
            header.setResizeContentsPrecision(200)
            for column in range(self.model.columnCount() - 1):  # the text itself takes the rest
                self.table.resizeColumnToContents(column)
        self.summary.setText(self.tr("%n quote(s)", "", len(result[0].quotes)) if result is not None else "")

    def quote(self, row: int) -> Quote | None:
        if self.result is None or not 0 <= row < len(self.result[0].quotes):
            return None
        found: Quote = self.result[0].quotes[row]
        return found

    def export_stem(self) -> str:
        return self.tr("quotes")

    def export_title(self) -> str:
        return self.tr("Export quotes")

    def table_maker(self, language: Language) -> Callable[[Any], list[Table]]:
        return lambda result: [result[1]]

    def export_writer(self, path: Path, language: Language) -> ExportWriter:
        layout = self.layout_choice.currentData()

        def write(result: Any, progress: ProgressCallback, cancelled: CancelCheck) -> object:
            report = replace(result[2], pseudonymised=True)
            return export_quotes(report, path, language=language, layout=layout, progress=progress, cancelled=cancelled)

        return write

    def export_task(self, tables: list[Table], path: Path, language: Language) -> Task:
        """Word gets the thesis layout (a heading per code, quotes as blocks); Excel and CSV the table."""
        report: QuoteReport = self.result[2]
        layout = self.layout_choice.currentData()
        return lambda progress, cancelled: export_quotes(
            report, path, language=language, layout=layout, progress=progress, cancelled=cancelled
        )

    def choose_code(self, code_id: int | None) -> None:
        self.code.setCurrentIndex(self.code.findData(ALL_CODES if code_id is None else code_id))

    @Slot(QModelIndex, QModelIndex)
    def _show_full_text(self, current: QModelIndex, _previous: QModelIndex) -> None:
        found = self.quote(current.row())
        self.full_text.setPlainText(self.as_block(found) if found is not None else "")

    def as_block(self, found: Quote) -> str:
        """The quote as the Word export shows it: context in brackets, the quote in quotation marks, attribution."""
        report: QuoteReport = self.result[2]
        language = self.host.language()
        return report.as_block(found, language, QUOTE_MARKS[language])

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        found = self.quote(index.row())
        if found is not None:
            self.host.show_span(found.document_id, found.start, found.end)
