"""The Co-occurrence tab: a heat map of codes × codes and the passages behind a chosen cell."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lobcoder.analysis.cooccurrence import CooccurrenceResult, Measure, cooccurrence
from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.drill_down import JOINER, Passage, joined_spans, passages
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.quotes import named_coders
from lobcoder.analysis.table import Table
from lobcoder.gui.analysis.heatmap_delegate import FLAG_COLOR, HeatmapDelegate, RotatedHeader
from lobcoder.gui.analysis.label_column import LabelColumnFitter
from lobcoder.gui.analysis.notes_line import WrappedNotes
from lobcoder.gui.analysis.result_split import bold_title, result_over_details
from lobcoder.gui.analysis.tab import AnalysisTab, Computation, labelled, notes_text, table_view, with_documents
from lobcoder.gui.analysis.table_model import AnalysisTableModel, ColumnKeyRole, DiagonalRole, RowKeyRole
from lobcoder.gui.workers import Worker
from lobcoder.reports.formatting import Language

if TYPE_CHECKING:
    from lobcoder.gui.analysis.window import AnalysisWindow

PassageRole = Qt.ItemDataRole.UserRole + 50

Index = QModelIndex | QPersistentModelIndex
CELL_SIZE = 46


class PassageModel(QAbstractTableModel):
    """The passages behind one cell: document, paragraph, coders, text (on one line; the tooltip holds all)."""

    DOCUMENT, PARAGRAPH, CODERS, TEXT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._passages: list[Passage] = []
        self._names = ("", "")

    def set_passages(self, found: list[Passage], names: tuple[str, str] = ("", "")) -> None:
        """Show ``found``; ``names``: the row and column codes, for the coders' tooltip."""
        self.beginResetModel()
        self._passages = list(found)
        self._names = names
        self.endResetModel()

    def passage(self, row: int) -> Passage | None:
        return self._passages[row] if 0 <= row < len(self._passages) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._passages)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return (self.tr("Document"), self.tr("Paragraph"), self.tr("Coders"), self.tr("Passage"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._passages):
            return None
        found = self._passages[index.row()]
        column = index.column()
        if role == PassageRole:
            return found
        if role == Qt.ItemDataRole.DisplayRole:
            return (found.document, found.paragraph, _coders_shown(found), " ".join(found.text.split()))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PARAGRAPH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEXT:
            return "<p>" + html.escape(found.text).replace("\n", "<br>") + "</p>"
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CODERS:
            sides = zip(self._names, (found.codings_a, found.codings_b), strict=True)
            return "\n".join(f"‘{name}’: {', '.join(named_coders(codings)) or '–'}" for name, codings in sides)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PARAGRAPH:
            return self.tr("Characters {0} to {1} of the document").format(found.start, found.end)
        return None


class PassagePreview(QTextBrowser):
    """The selected passage in full, the row code's codings shaded and the column code's underlined."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setPlaceholderText(self.tr("The selected passage is shown here in full."))

    def show_passage(self, found: Passage | None, color_a: str, color_b: str) -> None:
        self.clear()
        if found is None:
            return
        cursor = QTextCursor(self.document())
        cursor.insertText(found.text)
        for piece in _pieces(found):
            for coding in found.codings_a:
                self._mark(found.text, piece, coding.start, coding.end, _shade_format(color_a))
            for coding in found.codings_b:
                self._mark(found.text, piece, coding.start, coding.end, _underline_format(color_b))
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _mark(self, text: str, piece: tuple[int, int, int], first: int, last: int, fmt: QTextCharFormat) -> None:
        """Apply ``fmt`` to the document span ``[first, last)`` where it falls in ``piece``."""
        offset, start, end = piece
        low, high = max(start, first), min(end, last)
        if low >= high:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(_utf16_length(text, offset + low - start))
        cursor.setPosition(_utf16_length(text, offset + high - start), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)


def _coders_shown(found: Passage) -> str:
    """All its coders; "row code's / column code's" when they differ, so passages told apart by one coder's span differ."""
    a, b = named_coders(found.codings_a), named_coders(found.codings_b)
    return ", ".join(a) if a == b else f"{', '.join(a) or '–'} / {', '.join(b) or '–'}"


def _pieces(found: Passage) -> list[tuple[int, int, int]]:
    """(offset in the passage text, start, end in the document) for each stretch of the text.

    One stretch for a passage cut from the text; for a document-wide passage,
    one per joined span. Empty if the text cannot be mapped back.
    """
    if len(found.text) == found.end - found.start:
        return [(0, found.start, found.end)]
    pieces, offset = [], 0
    for start, end in joined_spans((*found.codings_a, *found.codings_b)):
        pieces.append((offset, start, end))
        offset += end - start + len(JOINER)
    return pieces if offset - len(JOINER) == len(found.text) else []


def _utf16_length(text: str, code_points: int) -> int:
    """Qt counts UTF-16 units: an emoji before the mark is two."""
    return len(text[:code_points].encode("utf-16-le")) // 2


def _shade_format(color: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    tint = QColor(color)
    tint.setAlpha(90)
    fmt.setBackground(tint)
    return fmt


def _underline_format(color: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor(color).darker(130))
    fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


class CooccurrenceTab(AnalysisTab):
    """Codes × codes for a unit and a measure, shown as a heat map, with the drill-down below.

    Changing the unit, N or roll-up recomputes (on a worker); the measure and
    the order only re-render the result at hand. Selecting a cell lists the
    passages where the two codes co-occur; activating one shows it in the
    main window.

    Signals:
        passagesShown(): the drill-down list was filled for the selected cell.
    """

    passagesShown = Signal()

    def __init__(self, host: AnalysisWindow) -> None:
        super().__init__(host)
        self._drill_generation = 0
        self._drill_worker: Worker | None = None
        self.unit = QComboBox()
        for key, text in (
            ("overlap", self.tr("overlapping codings")),
            ("sentence", self.tr("same sentence")),
            ("paragraph", self.tr("paragraphs")),
            ("turn", self.tr("same speaker turn")),
            ("document", self.tr("same document")),
            ("participant", self.tr("same participant")),
        ):
            self.unit.addItem(text, key)
        self.within = QSpinBox()
        self.within.setRange(0, 20)
        self.within.setPrefix(self.tr("at most "))
        self.within.setSuffix(self.tr(" apart"))
        self.within.setToolTip(self.tr("0: the same paragraph; N: codes at most N paragraphs apart"))
        self.within.setEnabled(False)
        self.measure = QComboBox()
        for key, text in (
            ("count", self.tr("count")),
            ("jaccard", self.tr("c-coefficient")),
            ("conditional", self.tr("share of the row code")),
            ("conditional_column", self.tr("share of the column code")),
        ):
            self.measure.addItem(text, key)
        self.measure.setToolTip(
            self.tr(
                "Count: units (or pairs of codings) with both codes. c-coefficient: n12 / (n1 + n2 − n12). "
                "Share: how often the other code occurs where this one does."
            )
        )
        self.order = QComboBox()
        self.order.addItem(self.tr("codebook"), "codebook")
        self.order.addItem(self.tr("similarity"), "similarity")
        self.order.setToolTip(self.tr("Similarity puts codes that often occur together next to each other"))
        self.rollup = QCheckBox(self.tr("&Include sub-codes"))
        self.rollup.setChecked(True)
        self.hide_empty = QCheckBox(self.tr("&Hide unused codes"))
        for label, widget in (
            (self.tr("&Unit:"), self.unit),
            (None, self.within),
            (self.tr("&Measure:"), self.measure),
            (self.tr("Ord&er:"), self.order),
        ):
            if label:
                self.controls.addWidget(labelled(label, widget))
            self.controls.addWidget(widget)
        self.controls.addStretch(1)
        # The check boxes on the row of Export…, before its stretch: on one row the Dutch tab needed
        # 1,150 px, more than a 1024 px screen (all tabs now fit one).
        self.add_output(self.rollup, before_stretch=True)
        self.add_output(self.hide_empty, before_stretch=True)

        self.model = AnalysisTableModel(self)
        self.matrix = table_view(rows=False)
        self.matrix.setHorizontalHeader(RotatedHeader(self.matrix))
        self.matrix.setModel(self.model)
        self.matrix.setItemDelegate(HeatmapDelegate(self.matrix))
        header = self.matrix.horizontalHeader()
        header.setMinimumSectionSize(20)
        header.setDefaultSectionSize(CELL_SIZE)
        self.label_column = LabelColumnFitter(self.matrix)  # a long code name gives way to the matrix
        self.matrix.selectionModel().currentChanged.connect(self._cell_chosen)
        self.notes = WrappedNotes()  # unit, measure, roll-up, grey cells: as many lines as they take
        self.notes.setTextFormat(Qt.TextFormat.RichText)

        self.drill_title = bold_title(self.tr("Select a cell to list the passages where both codes occur."))
        self.legend = QLabel()
        self.passage_model = PassageModel(self)
        self.passage_list = table_view()
        self.passage_list.setModel(self.passage_model)
        self.passage_list.setToolTip(self.tr("Double-click or press Enter to show the passage in its document"))
        passage_header = self.passage_list.horizontalHeader()
        passage_header.setSectionResizeMode(PassageModel.DOCUMENT, QHeaderView.ResizeMode.ResizeToContents)
        passage_header.setSectionResizeMode(PassageModel.PARAGRAPH, QHeaderView.ResizeMode.ResizeToContents)
        passage_header.setSectionResizeMode(PassageModel.CODERS, QHeaderView.ResizeMode.ResizeToContents)
        passage_header.setSectionResizeMode(PassageModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.passage_list.activated.connect(self._passage_activated)
        self.passage_list.selectionModel().currentRowChanged.connect(self._preview)
        self.preview = PassagePreview()
        self._colors = ("#4292c6", "#d95f02")

        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.legend)
        preview_layout.addWidget(self.preview, 1)
        passages_split = QSplitter(Qt.Orientation.Horizontal)
        passages_split.addWidget(self.passage_list)
        passages_split.addWidget(preview_box)
        passages_split.setSizes([620, 480])
        # Most of the height to the matrix (a laptop screen showed 8 of 24 codes): the passages show a few rows to start.
        self.splitter = result_over_details(self.matrix, self.notes, self.drill_title, passages_split, sizes=(780, 220))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.body.addWidget(self.splitter)

        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.within.valueChanged.connect(self.recompute)
        self.rollup.toggled.connect(self.recompute)
        self.hide_empty.toggled.connect(self.recompute)
        self.measure.currentIndexChanged.connect(self._render)
        self.order.currentIndexChanged.connect(self._render)

    # -- computing -------------------------------------------------------------

    def computation(self, flt: AnalysisFilter) -> Computation:
        unit = self.unit.currentData()
        within = self.within.value()
        rollup = self.rollup.isChecked()
        hide_empty = self.hide_empty.isChecked()
        return lambda dataset: cooccurrence(dataset, flt, unit, within=within, rollup=rollup, hide_empty=hide_empty)

    def show_result(self, result: CooccurrenceResult | None) -> None:
        self._render()

    def table_maker(self, language: Language) -> Callable[[Any], list[Table]]:
        measure, similarity = self.measure.currentData(), self.order.currentData() == "similarity"

        def make(result: CooccurrenceResult) -> list[Table]:
            shown = result.reordered(result.similarity_order()) if similarity else result
            return [shown.to_table(measure, language)]

        return make

    def export_stem(self) -> str:
        return self.tr("code co-occurrence")

    def export_title(self) -> str:
        return self.tr("Export matrix")

    def set_measure(self, measure: Measure) -> None:
        self.measure.setCurrentIndex(self.measure.findData(measure))

    def set_unit(self, unit: str, within: int = 0) -> None:
        """Choose the unit (and N for paragraphs) as the user would; recomputes once."""
        self.within.blockSignals(True)
        self.within.setValue(within)
        self.within.blockSignals(False)
        index = self.unit.findData(unit)
        if index == self.unit.currentIndex():
            self.recompute()
        else:
            self.unit.setCurrentIndex(index)

    @Slot()
    def _unit_changed(self) -> None:
        self.within.setEnabled(self.unit.currentData() == "paragraph")
        self.recompute()

    @Slot()
    def _render(self) -> None:
        """Show the result at hand in the chosen measure and order, keeping the selected cell."""
        chosen = self.selected_codes()
        table = self.current_table()
        self.model.language = self.host.language()
        self.model.set_table(table)
        header = self.matrix.horizontalHeader()
        if table is not None:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            for column in range(1, self.model.columnCount()):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, CELL_SIZE)
            header.updateGeometry()
        self.label_column.fit(new_table=True)
        flag = ""
        if table is not None and table.flagged and table.flag_note:
            flag = f' <span style="color:{FLAG_COLOR.name()}">◥</span> ' + html.escape(table.flag_note)
        self.notes.setText(html.escape(notes_text(table)) + flag)
        if chosen is not None and not self._select_codes(*chosen):
            self._clear_drill()
        elif chosen is None:
            self._clear_drill()

    # -- drill-down ------------------------------------------------------------

    def selected_codes(self) -> tuple[int, int] | None:
        index = self.matrix.currentIndex()
        if not index.isValid() or index.column() == 0:
            return None
        row_key, column_key = index.data(RowKeyRole), index.data(ColumnKeyRole)
        if row_key is None or column_key is None:
            return None
        return int(row_key), int(column_key)

    def select_cell(self, code_a: int, code_b: int) -> bool:
        """Select the cell of two codes (row, column) as a click would; False if not shown."""
        return self._select_codes(code_a, code_b)

    def _select_codes(self, code_a: int, code_b: int) -> bool:
        row = next((r for r in range(self.model.rowCount()) if self.model.row(r).key == code_a), None)  # type: ignore[union-attr]
        column = next((c for c in range(1, self.model.columnCount()) if self.model.column_key(c) == code_b), None)
        if row is None or column is None:
            return False
        self.matrix.setCurrentIndex(self.model.index(row, column))
        return True

    @Slot(QModelIndex, QModelIndex)
    def _cell_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._drill_generation += 1
        codes = self.selected_codes()
        result, dataset = self.result, self.result_dataset
        if codes is None or result is None or dataset is None:
            self._clear_drill()
            return
        names = self.model.row(current.row()).label, self.model.table().columns[current.column() - 1]  # type: ignore[union-attr]
        if current.data(DiagonalRole):
            self.legend.clear()
            self.preview.show_passage(None, *self._colors)
            self.passage_model.set_passages([])
            self.drill_title.setText(
                self.tr("‘{0}’ with itself: the diagonal holds how often the code occurs.").format(names[0])
            )
            self.passagesShown.emit()
            return
        generation = self._drill_generation
        code_a, code_b = codes
        self.drill_title.setText(self.tr("Looking for the passages of ‘{0}’ and ‘{1}’…").format(*names))
        colors = {code.id: code.color for code in dataset.codes}
        self._colors = (colors.get(code_a, self._colors[0]), colors.get(code_b, self._colors[1]))
        self._set_legend(*names)
        store = self.host.store
        worker = Worker(
            lambda _progress, cancelled: with_documents(
                store, dataset, lambda documents: passages(documents, result, code_a, code_b), cancelled
            )
        )
        counted = result.unit, result.count(*(next(i for i, c in enumerate(result.codes) if c.id == x) for x in codes))
        team = len(dataset.coders) > 1
        worker.signals.finished.connect(lambda found: self._show_passages(generation, names, found, counted, team))
        worker.signals.failed.connect(lambda message: self._drill_failed(generation, message))
        self._drill_worker = worker.start(owner=self)

    def _show_passages(
        self, generation: int, names: tuple[str, str], found: list[Passage], counted: tuple[str, int], team: bool
    ) -> None:
        """List the passages; the coders' column only for a project with more than one coder."""
        if generation != self._drill_generation:
            return
        self.passage_model.set_passages(found, names)
        self.passage_list.setColumnHidden(PassageModel.CODERS, not team)
        if found:
            self.passage_list.selectRow(0)
        self.drill_title.setText(
            self.tr("‘{0}’ and ‘{1}’: %n passage(s)", "", len(found)).format(*names)
            + (self._what_is_counted(*counted) if counted[1] != len(found) else "")
            + (self.tr(" — double-click one to show it in its document") if found else "")
        )
        self.passagesShown.emit()

    def _what_is_counted(self, unit: str, counted: int) -> str:
        """Why the cell's count differs from the passages listed (the matrix counts pairs, or participants)."""
        if unit == "overlap":
            return self.tr(
                " (the cell counts %n pair(s) of overlapping codings; a passage that several coders coded alike "
                "is listed once, naming its coders)",
                "",
                counted,
            )
        if unit == "participant":
            return self.tr(" (the cell counts %n participant(s); each of their documents is listed)", "", counted)
        return self.tr(" (the cell counts %n unit(s))", "", counted)

    def _drill_failed(self, generation: int, message: str) -> None:
        if generation == self._drill_generation:
            self.preview.show_passage(None, *self._colors)
            self.passage_model.set_passages([])
            self.drill_title.setText(self.tr("Could not list the passages: {0}").format(message))
            self.passagesShown.emit()

    def _set_legend(self, name_a: str, name_b: str) -> None:
        tint = QColor(self._colors[0])
        tint.setAlpha(90)
        shade = f"rgba({tint.red()},{tint.green()},{tint.blue()},0.35)"
        underline = QColor(self._colors[1]).darker(130).name()
        self.legend.setText(
            f'<span style="background-color:{shade}">&nbsp;{html.escape(name_a)}&nbsp;</span>&nbsp;&nbsp;'
            f'<b><u style="color:{underline}">{html.escape(name_b)}</u></b>'
        )

    @Slot(QModelIndex, QModelIndex)
    def _preview(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.preview.show_passage(self.passage_model.passage(current.row()), *self._colors)

    def _clear_drill(self) -> None:
        self._drill_generation += 1
        self.legend.clear()
        self.preview.show_passage(None, *self._colors)
        self.passage_model.set_passages([])
        self.drill_title.setText(self.tr("Select a cell to list the passages where both codes occur."))

    @Slot(QModelIndex)
    def _passage_activated(self, index: QModelIndex) -> None:
        found = index.data(PassageRole)
        if isinstance(found, Passage):
            self.host.show_span(found.document_id, found.start, found.end)

    def on_dataset(self, dataset: Dataset | None) -> None:
        if dataset is None:
            self._clear_drill()
