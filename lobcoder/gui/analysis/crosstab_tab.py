"""The Crosstab tab: codes × the values of an attribute, or participants × waves for chosen codes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QWidget,
)

from lobcoder.analysis.crosstab import CrosstabResult, ParticipantWaveResult, crosstab, participant_by_wave
from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.table import Table
from lobcoder.gui.analysis.grouped_header import GroupedHeader
from lobcoder.gui.analysis.tab import AnalysisTab, Computation, labelled, notes_text, refill_combo, table_view
from lobcoder.gui.analysis.table_model import AnalysisTableModel
from lobcoder.reports.formatting import Language

if TYPE_CHECKING:
    from lobcoder.gui.analysis.window import AnalysisWindow

CODES_BY_VALUE = "codes"
PARTICIPANTS_BY_WAVE = "participants"
WAVE_NAMES = ("wave", "golf", "ronde", "meting")
"""Attributes offered first for the participant view (compared case-insensitively)."""


def code_choices(dataset: Dataset | None) -> list[tuple[str, object]]:
    """Codes for a combo box, in codebook order, sub-codes indented."""
    if dataset is None:
        return []
    return [("    " * code.depth + code.name, code.id) for code in dataset.codes]


class CrosstabTab(AnalysisTab):
    """Two views of one table: codes × attribute values (counts or percentages), and
    participants × waves for one code, so a change over the waves can be followed per person."""

    def __init__(self, host: AnalysisWindow) -> None:
        super().__init__(host)
        self.view = QComboBox()
        self.view.addItem(self.tr("Codes × attribute"), CODES_BY_VALUE)
        self.view.addItem(self.tr("Participants × attribute"), PARTICIPANTS_BY_WAVE)
        self.attribute = QComboBox()
        self.attribute.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count = QComboBox()
        self.count.addItem(self.tr("codings"), "codings")
        self.count.addItem(self.tr("documents"), "documents")
        self.count.addItem(self.tr("participants"), "participants")
        self.percent = QComboBox()
        self.percent.addItem(self.tr("counts"), None)
        self.percent.addItem(self.tr("row percentages"), "row")
        self.percent.addItem(self.tr("column percentages"), "column")
        self.code = QComboBox()
        self.code.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.rollup = QCheckBox(self.tr("&Include sub-codes"))
        self.rollup.setChecked(True)
        # Controls of the two views swap places in one stack.
        codes_view = QWidget()
        codes_layout = QHBoxLayout(codes_view)
        codes_layout.setContentsMargins(0, 0, 0, 0)
        codes_layout.addWidget(labelled(self.tr("Co&unt:"), self.count))
        codes_layout.addWidget(self.count)
        codes_layout.addWidget(labelled(self.tr("as"), self.percent))
        codes_layout.addWidget(self.percent)
        codes_layout.addStretch(1)
        people_view = QWidget()
        people_layout = QHBoxLayout(people_view)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addWidget(labelled(self.tr("Codi&ngs of:"), self.code))
        people_layout.addWidget(self.code)
        people_layout.addStretch(1)
        self.options = QStackedWidget()
        self.options.addWidget(codes_view)
        self.options.addWidget(people_view)
        self.controls.addWidget(self.view)
        self.controls.addWidget(labelled(self.tr("Attri&bute:"), self.attribute))
        self.controls.addWidget(self.attribute)
        self.controls.addWidget(self.options)
        self.controls.addWidget(self.rollup)
        self.controls.addStretch(1)

        self.model = AnalysisTableModel(self)
        self.table = table_view()
        self.table.setHorizontalHeader(GroupedHeader(self.table))  # the attribute over its values
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(
            self.tr("This project has no attributes yet: import an attribute sheet to cross codes with them.")
        )
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.notes)

        self.view.currentIndexChanged.connect(self._view_changed)
        for combo in (self.attribute, self.count, self.code):
            combo.currentIndexChanged.connect(self.recompute)
        self.rollup.toggled.connect(self.recompute)
        self.percent.currentIndexChanged.connect(self._render)

    def on_dataset(self, dataset: Dataset | None) -> None:
        names = list(dataset.attribute_names) if dataset is not None else []
        if self.attribute.count() == 0:  # the first time: a wave attribute first, if there is one
            names.sort(key=lambda n: n.casefold() not in WAVE_NAMES)
        refill_combo(self.attribute, [(name, name) for name in names])
        refill_combo(self.code, code_choices(dataset))
        self.empty.setVisible(dataset is not None and not names)

    def computation(self, flt: AnalysisFilter) -> Computation:
        attribute = self.attribute.currentData()
        rollup = self.rollup.isChecked()
        if attribute is None:
            return lambda _dataset: None
        if self.view.currentData() == PARTICIPANTS_BY_WAVE:
            code = self.code.currentData()
            if code is None:
                return lambda _dataset: None
            return lambda dataset: participant_by_wave(dataset, [code], flt, attribute, rollup=rollup)
        count = self.count.currentData()
        return lambda dataset: crosstab(dataset, attribute, flt, count=count, rollup=rollup)

    def show_result(self, result: CrosstabResult | ParticipantWaveResult | None) -> None:
        self._render()

    def table_maker(self, language: Language) -> Callable[[Any], list[Table]]:
        percent = self.percent.currentData()

        def make(result: object) -> list[Table]:
            if isinstance(result, CrosstabResult):
                return [result.to_table(percent, language=language)]
            if isinstance(result, ParticipantWaveResult):
                return [result.to_table(language=language)]
            return []

        return make

    def export_stem(self) -> str:
        attribute = self.attribute.currentData() or ""
        return self.tr("crosstab {0}").format(attribute).strip()

    def set_view(self, view: str) -> None:
        self.view.setCurrentIndex(self.view.findData(view))

    @Slot()
    def _view_changed(self) -> None:
        self.options.setCurrentIndex(0 if self.view.currentData() == CODES_BY_VALUE else 1)
        self.recompute()

    @Slot()
    def _render(self) -> None:
        table = self.current_table()
        self.model.language = self.host.language()
        self.model.set_table(table)
        self.notes.setText(notes_text(table))
