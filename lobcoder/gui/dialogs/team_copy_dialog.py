"""Choose what goes into a copy for a second coder: documents or a seeded sample, blind or not, .qdpx or not."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lobcoder.gui.decimal_spin_box import DecimalSpinBox
from lobcoder.gui.models.document_tree_model import WAVE_ATTRIBUTES

Sampler = Callable[[float, str | None, int], tuple[list[int], list[str]]]
"""(percent, attribute, seed) -> the documents drawn, and the values of the attribute none of them has."""


@dataclass(frozen=True)
class CopyOptions:
    document_ids: tuple[int, ...]
    blind: bool
    qdpx: bool


class TeamCopyDialog(QDialog):
    """Documents drawn by ``sampler(percent, attribute, seed)`` and shown ticked, or ticked by hand.

    It opens with a seeded sample (20 %, stratified by wave when the project
    has one): what a second coder codes for a reliability check. Choosing
    "ticked below" keeps the drawn ticks to start from. A stratified sample too small to hold a document of every value is shown
    with a warning naming the values left out (as ``lobcoder team copy`` says).
    """

    def __init__(
        self,
        documents: Sequence[tuple[int, str]],
        attributes: Sequence[str],
        sampler: Sampler,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prepare a copy for a second coder"))
        self.sampler = sampler
        intro = QLabel(
            self.tr(
                "The copy holds the chosen documents, the whole codebook, the participants and their "
                "attributes. It keeps every GUID, so the second coder's work can be merged back "
                "(File → Merge coding from another project)."
            )
        )
        intro.setWordWrap(True)
        self.by_hand = QRadioButton(self.tr("&The documents ticked below"))
        self.by_sample = QRadioButton(self.tr("A random &sample of"))
        self.percent = DecimalSpinBox()
        self.percent.setRange(1, 100)
        self.percent.setDecimals(0)
        self.percent.setValue(20)
        self.percent.setSuffix(" %")
        self.stratify = QComboBox()
        self.stratify.addItem(self.tr("all documents alike"), None)
        for name in attributes:
            self.stratify.addItem(self.tr("each value of ‘{0}’ alike").format(name), name)
        wave = next((i for i, name in enumerate(attributes, 1) if name.casefold() in WAVE_ATTRIBUTES), 0)
        self.stratify.setCurrentIndex(wave)
        self.seed = QSpinBox()
        self.seed.setRange(0, 999_999)
        self.seed.setValue(1)
        self.seed.setPrefix(self.tr("seed "))
        self.seed.setToolTip(self.tr("The same seed draws the same sample again"))
        sample_row = QHBoxLayout()
        sample_row.addWidget(self.by_sample)
        sample_row.addWidget(self.percent)
        sample_row.addWidget(QLabel(self.tr("stratified:")))
        sample_row.addWidget(self.stratify, 1)
        sample_row.addWidget(self.seed)

        self.model = QStandardItemModel(self)
        for doc_id, name in documents:
            item = QStandardItem(name)
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(doc_id, Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.model.appendRow(item)
        self.list = QListView()
        self.list.setModel(self.model)
        self.count = QLabel()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a33a00")
        self.warning.hide()
        self.blind = QCheckBox(self.tr("&Blind: leave out the existing codings and memos (codebook memos stay)"))
        self.blind.setChecked(True)
        self.blind.setToolTip(
            self.tr(
                "Also leaves out the coders' names, the trained suggestion model and rejected suggestions, "
                "so the second coder cannot tell whose coding hers will be compared with"
            )
        )
        self.qdpx = QCheckBox(self.tr("Also write a &REFI-QDA file (.qdpx) for ATLAS.ti, MAXQDA or NVivo"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Write the copy…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.by_hand)
        layout.addLayout(sample_row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.warning)
        layout.addWidget(self.blind)
        layout.addWidget(self.qdpx)
        layout.addWidget(self.buttons)

        self.by_hand.toggled.connect(self._mode_changed)
        self.percent.valueChanged.connect(self._resample)
        self.stratify.currentIndexChanged.connect(self._resample)
        self.seed.valueChanged.connect(self._resample)
        self.model.itemChanged.connect(self._update_count)
        self.by_sample.setChecked(True)
        self._mode_changed()
        self.resize(640, 560)

    def chosen(self) -> list[int]:
        rows = (self.model.item(row) for row in range(self.model.rowCount()))
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in rows if item.checkState() == Qt.CheckState.Checked]

    def options(self) -> CopyOptions:
        return CopyOptions(tuple(self.chosen()), self.blind.isChecked(), self.qdpx.isChecked())

    @Slot()
    def _mode_changed(self) -> None:
        sample = self.by_sample.isChecked()
        for widget in (self.percent, self.stratify, self.seed):
            widget.setEnabled(sample)
        self.list.setEnabled(not sample)
        if sample:
            self._resample()
        else:
            self.warning.hide()
        self._update_count()

    @Slot()
    def _resample(self) -> None:
        if not self.by_sample.isChecked():
            return
        attribute = self.stratify.currentData()
        ids, missed = self.sampler(self.percent.value(), attribute, self.seed.value())
        drawn = set(ids)
        self._warn(attribute, missed, len(drawn))
        self.model.blockSignals(True)
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            inside = int(item.data(Qt.ItemDataRole.UserRole)) in drawn
            item.setCheckState(Qt.CheckState.Checked if inside else Qt.CheckState.Unchecked)
        self.model.blockSignals(False)
        self.list.viewport().update()
        self._update_count()

    @Slot()
    def _update_count(self) -> None:
        chosen = len(self.chosen())
        self.count.setText(self.tr("%n document(s) of {0} will be copied.", "", chosen).format(self.model.rowCount()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(chosen > 0)

    def _warn(self, attribute: str | None, missed: Sequence[str], drawn: int) -> None:
        if not attribute or not missed:
            self.warning.hide()
            return
        values = ", ".join(value or self.tr("(no value)") for value in missed)
        self.warning.setText(
            self.tr(
                "A {0} % sample is %n document(s) of {1} and has none with {2} {3}: that part of the project "
                "will not be in the copy (take a larger sample).",
                "",
                drawn,
            ).format(f"{self.percent.value():g}", self.model.rowCount(), attribute, values)
        )
        self.warning.show()
