"""The Frequencies tab: codings, documents and participants per code, a bar chart, split columns."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtGui import QResizeEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.frequencies import FrequencyResult, Split, frequencies, has_participants
from lobcoder.analysis.table import Table
from lobcoder.gui.analysis.bar_chart import BarChart
from lobcoder.gui.analysis.grouped_header import GroupedHeader
from lobcoder.gui.analysis.label_column import LabelColumnFitter
from lobcoder.gui.analysis.tab import AnalysisTab, Computation, labelled, notes_text, refill_combo, table_view
from lobcoder.gui.analysis.table_model import AnalysisTableModel
from lobcoder.reports.chart import chart_column
from lobcoder.reports.formatting import Language

if TYPE_CHECKING:
    from lobcoder.gui.analysis.window import AnalysisWindow

NO_SPLIT = ""
BY_DOCUMENT = "\0document"  # a key no attribute name can be
PARTICIPANT_MEASURES = ("participants", "participant_share")
TABLE_SHARE = 2 / 3
"""The least share of the width the table keeps beside the chart (as the 800 : 400 it started with)."""


class FrequenciesTab(AnalysisTab):
    """Per code: codings, documents (%) and participants (%), optionally one column per attribute value.

    The chart shows one chosen column as bars (by default the documents per
    code, as the Word and Excel exports do).
    """

    def __init__(self, host: AnalysisWindow) -> None:
        super().__init__(host)
        self.rollup = QCheckBox(self.tr("&Include sub-codes"))
        self.rollup.setChecked(True)
        self.rollup.setToolTip(
            self.tr("Count a code together with its sub-codes (a document or participant counted once)")
        )
        self.split_by = QComboBox()
        self.split_by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.then_by = QComboBox()  # a second split within each value of the first (school, then wave)
        self.then_by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.then_by.setToolTip(self.tr("Split each column again by a second attribute, e.g. per school its waves"))
        self.then_by.setEnabled(False)
        self.split_measure = QComboBox()
        for key, text in (
            ("document_share", self.tr("% of documents")),
            ("codings", self.tr("codings")),
            ("documents", self.tr("documents")),
            ("participants", self.tr("participants")),
            ("participant_share", self.tr("% of participants")),
        ):
            self.split_measure.addItem(text, key)
        self.split_measure.setEnabled(False)
        self.chart_column = QComboBox()
        self.chart_column.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.controls.addWidget(self.rollup)
        self.controls.addWidget(labelled(self.tr("Split &by:"), self.split_by))
        self.controls.addWidget(self.split_by)
        self.controls.addWidget(labelled(self.tr("the&n"), self.then_by))
        self.controls.addWidget(self.then_by)
        self.controls.addWidget(labelled(self.tr("&showing"), self.split_measure))
        self.controls.addWidget(self.split_measure)
        self.controls.addWidget(labelled(self.tr("C&hart:"), self.chart_column))
        self.controls.addWidget(self.chart_column)
        self.controls.addStretch(1)
        refill_combo(self.split_by, [(self.tr("nothing"), NO_SPLIT), (self.tr("document"), BY_DOCUMENT)])
        refill_combo(self.then_by, [(self.tr("nothing"), NO_SPLIT)])

        self.model = AnalysisTableModel(self)
        self.table = table_view()
        self.table.setHorizontalHeader(GroupedHeader(self.table))  # a split's values under their attribute
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.label_column = LabelColumnFitter(self.table)  # a long code name gives way to the figures
        self.chart = BarChart()
        scroll = self.chart_scroll = QScrollArea()
        scroll.setWidget(self.chart)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.notes)
        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 400])
        self._divider_dragged = False  # once she drags it, the divider stays where she put it
        splitter.splitterMoved.connect(self._divider_moved)
        self.body.addWidget(splitter)

        self.rollup.toggled.connect(self.recompute)
        self.split_by.currentIndexChanged.connect(self._split_changed)
        self.then_by.currentIndexChanged.connect(self.recompute)
        self.split_measure.currentIndexChanged.connect(self._show_table)
        self.chart_column.currentIndexChanged.connect(self._update_chart)

    def on_dataset(self, dataset: Dataset | None) -> None:
        attributes = list(dataset.attribute_names) if dataset is not None else []
        choices = [(self.tr("nothing"), NO_SPLIT), *((name, name) for name in attributes)]
        choices.append((self.tr("document"), BY_DOCUMENT))
        refill_combo(self.split_by, choices)
        refill_combo(self.then_by, [(self.tr("nothing"), NO_SPLIT), *((name, name) for name in attributes)])
        self._offer_participant_measures(dataset is None or has_participants(dataset))

    def _offer_participant_measures(self, offered: bool) -> None:
        """Participant measures only when some document is linked to a participant; else greyed, saying why."""
        why = (
            ""
            if offered
            else self.tr("No document is linked to a participant, so there is nothing to count per participant.")
        )
        model = self.split_measure.model()
        for key in PARTICIPANT_MEASURES:
            row = self.split_measure.findData(key)
            item = model.item(row) if isinstance(model, QStandardItemModel) else None
            if item is not None:
                item.setEnabled(offered)
                item.setToolTip(why)
        self.split_measure.setToolTip(why)
        if not offered and self.split_measure.currentData() in PARTICIPANT_MEASURES:
            with QSignalBlocker(self.split_measure):
                self.split_measure.setCurrentIndex(self.split_measure.findData("document_share"))

    def computation(self, flt: AnalysisFilter) -> Computation:
        rollup = self.rollup.isChecked()
        key = self.split_by.currentData()
        split: str | Split | None = Split.DOCUMENT if key == BY_DOCUMENT else (key or None)
        second = self.then_by.currentData() if isinstance(split, str) else None
        then_by = second if second and second != split else None
        return lambda dataset: frequencies(dataset, flt, split_by=split, rollup=rollup, then_by=then_by)

    def show_result(self, result: FrequencyResult | None) -> None:
        self._show_table()

    def table_maker(self, language: Language) -> Callable[[Any], list[Table]]:
        measure = self.split_measure.currentData()
        return lambda result: [result.to_table(measure if result.split_labels else None, language=language)]

    def export_stem(self) -> str:
        return self.tr("code frequencies")

    def export_chart(self) -> bool:
        return True

    @Slot()
    def _split_changed(self) -> None:
        key = self.split_by.currentData()
        self.split_measure.setEnabled(bool(key))
        self.then_by.setEnabled(bool(key) and key != BY_DOCUMENT)  # documents split no further
        # Per document the natural figure is the number of codings; per value the share of documents.
        self.split_measure.blockSignals(True)
        self.split_measure.setCurrentIndex(
            self.split_measure.findData("codings" if key == BY_DOCUMENT else "document_share")
        )
        self.split_measure.blockSignals(False)
        self.recompute()

    @Slot()
    def _show_table(self) -> None:
        table = self.current_table()
        self.model.language = self.host.language()
        self.chart.language = self.model.language
        self.model.set_table(table)
        self.label_column.fit(new_table=True)
        self.notes.setText(notes_text(table))
        wanted = self.chart_column.currentData()
        numeric = [(i, name) for i, name in enumerate(table.columns) if table.formats[i] != "text"] if table else []
        default = chart_column(table) if table is not None else None
        self.chart_column.blockSignals(True)
        refill_combo(self.chart_column, [(name, i) for i, name in numeric], keep=False)
        found = self.chart_column.findData(wanted if wanted is not None else default)
        if found < 0 and default is not None:
            found = self.chart_column.findData(default)
        self.chart_column.setCurrentIndex(max(found, 0))
        self.chart_column.blockSignals(False)
        self._update_chart()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._share_the_width()

    @Slot()
    def _divider_moved(self) -> None:
        self._divider_dragged = True

    def _share_the_width(self) -> None:
        """The table as wide as its columns need, the chart the rest, so its labels show whole where there is room.

        The table keeps at least :data:`TABLE_SHARE` of the width (its columns come first), and all it needs when the
        chart can still show whole labels beside it; a divider the user dragged is left alone.
        """
        total = sum(self.splitter.sizes())
        if self._divider_dragged or total <= 0:
            return
        table_needs = self.label_column.natural_width()
        scroll = self.chart_scroll
        chart_needs = (
            self.chart.sizeHint().width() + 2 * scroll.frameWidth() + scroll.verticalScrollBar().sizeHint().width()
        )
        table = min(table_needs, max(total - chart_needs, round(total * TABLE_SHARE)))
        if self.splitter.sizes()[0] != table:
            self.splitter.setSizes([table, total - table])

    @Slot()
    def _update_chart(self) -> None:
        column = self.chart_column.currentData()
        table = self.model.table()
        self.chart.set_data(table if column is not None else None, column or 0, self.host.code_colors())
        self._share_the_width()  # another column (counts, "12.5 %") may need another width
