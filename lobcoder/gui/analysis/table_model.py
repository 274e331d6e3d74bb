"""One Qt table model over the analysis core's :class:`~lobcoder.analysis.table.Table`."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from lobcoder.analysis.table import Table, TableRow
from lobcoder.reports.formatting import Language, format_value, is_matrix, scale_colour, shaded_cells

RawValueRole = Qt.ItemDataRole.UserRole + 40
"""The cell's value as the core gave it (int, float, str or None); the row label in column 0."""
RowKeyRole = Qt.ItemDataRole.UserRole + 41
"""``TableRow.key``: what the row stands for (a code id, a participant...)."""
ColumnKeyRole = Qt.ItemDataRole.UserRole + 42
"""``Table.column_keys[...]`` for a value column, None for the label column."""
ShadeRole = Qt.ItemDataRole.UserRole + 43
"""0..1: the cell's place between the smallest and largest value of a shaded table; None elsewhere."""
FlaggedRole = Qt.ItemDataRole.UserRole + 44
"""Whether the core flagged the cell (see ``Table.flag_note``)."""
FormatRole = Qt.ItemDataRole.UserRole + 45
"""The column's format: "int", "percent", "float2" or "text"."""
DiagonalRole = Qt.ItemDataRole.UserRole + 46
"""Whether the cell's row and column stand for the same thing (a code with itself in a matrix)."""

ColumnGroupRole = Qt.ItemDataRole.UserRole + 47
"""Header: (label, first section, count) of the spanning header over the column ("school Oost"); else None."""
ShortTitleRole = Qt.ItemDataRole.UserRole + 48
"""Header: the column's title under its spanning header ("ronde 1"), its n on a second line; else None."""

DIAGONAL_COLOR = QColor("#ececec")

Index = QModelIndex | QPersistentModelIndex


def heat_colors(position: float) -> tuple[QColor, QColor]:
    """Fill and text colour at ``position`` 0..1 of the scale, the same scale as Word and Excel exports."""
    fill, white_text = scale_colour(min(max(position, 0.0), 1.0))
    return QColor(f"#{fill}"), QColor("#ffffff" if white_text else "#000000")


class AnalysisTableModel(QAbstractTableModel):
    """Column 0 holds the row labels (indented by level); columns 1.. the table's values.

    A shaded table (co-occurrence) also answers ``BackgroundRole`` and
    ``ForegroundRole`` so that a plain view already shows a heat map. Its
    diagonal (a code with itself: its own total, or nothing) is grey and does
    not count for the colour scale, which it would otherwise dominate;
    :class:`~lobcoder.gui.analysis.heatmap_delegate.HeatmapDelegate` adds the
    flag marks and keeps the colour visible under the selection.
    """

    def __init__(self, parent: QObject | None = None, language: Language = "en") -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self._shades: dict[tuple[int, int], float] = {}
        self._matrix = False
        self._levels = False  # whether some rows are sub-codes (top-level labels are then bold)
        self.language: Language = language

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self._table = table
        self._shades = shaded_cells(table) if table is not None else {}
        self._matrix = table is not None and is_matrix(table)
        self._levels = table is not None and any(r.level > 0 for r in table.rows)
        self.endResetModel()

    def table(self) -> Table | None:
        return self._table

    def row(self, row: int) -> TableRow | None:
        if self._table is None or not 0 <= row < len(self._table.rows):
            return None
        return self._table.rows[row]

    def column_key(self, column: int) -> object:
        """The key of a model column (1-based over the table's columns); None for labels."""
        if self._table is None or column < 1 or column > len(self._table.column_keys):
            return None
        return self._table.column_keys[column - 1]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self._table is None else len(self._table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self._table is None else len(self._table.columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        table = self._table
        if table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section <= len(table.columns):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if section == 0:
                return table.row_header
            n = table.n_of(section - 1)
            return table.column_title(section - 1) + (f"\n{n}" if n else "")
        if role == ColumnKeyRole:
            return self.column_key(section)
        if role in (ColumnGroupRole, ShortTitleRole):
            group = table.group_of(section - 1) if section > 0 else None
            if group is None:
                return None
            if role == ColumnGroupRole:
                return (group.label, group.first + 1, group.count)
            n = table.n_of(section - 1)
            return table.short_column(section - 1) + (f"\n{n}" if n else "")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None or self._table is None:
            return None
        column = index.column()
        if role == RowKeyRole:
            return row.key
        if role == ColumnKeyRole:
            return self.column_key(column)
        if column == 0:
            return self._label_data(row, role)
        if not 1 <= column <= len(row.values):
            return None
        return self._value_data(row, index.row(), column, role)

    def _label_data(self, row: TableRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return "    " * row.level + row.label
        if role in (RawValueRole, Qt.ItemDataRole.ToolTipRole):
            return row.label
        if role == Qt.ItemDataRole.FontRole and row.level == 0 and self._levels:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _value_data(self, row: TableRow, row_number: int, column: int, role: int) -> Any:
        table = self._table
        assert table is not None
        value = row.values[column - 1]
        kind = table.formats[column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            text = format_value(value, kind, self.language)
            return " ".join(text.split()) if kind == "text" else text  # a quote on one line; the tooltip has it all
        if role == RawValueRole:
            return value
        if role == FormatRole:
            return kind
        if role == FlaggedRole:
            return (row_number, column - 1) in table.flagged
        diagonal = self._matrix and row_number == column - 1
        if role == DiagonalRole:
            return diagonal
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if kind == "text" else Qt.AlignmentFlag.AlignRight
            if table.shaded and kind != "text":
                align = Qt.AlignmentFlag.AlignHCenter
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and kind == "text":
            return "<p>" + html.escape(str(value)).replace("\n", "<br>") + "</p>" if value else None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{row.label} × {table.columns[column - 1]}: {format_value(value, kind, self.language)}"
            if (row_number, column - 1) in table.flagged and table.flag_note:
                text += "\n" + table.flag_note
            return text
        if (row_number, column - 1) in table.blank:
            return DIAGONAL_COLOR if role == Qt.ItemDataRole.BackgroundRole else None
        if diagonal and table.shaded:
            if role == Qt.ItemDataRole.BackgroundRole:
                return DIAGONAL_COLOR
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        shade = self._shades.get((row_number, column - 1))
        if role == ShadeRole:
            return shade
        if shade is not None and role == Qt.ItemDataRole.BackgroundRole:
            return heat_colors(shade)[0]
        if shade is not None and role == Qt.ItemDataRole.ForegroundRole:
            return heat_colors(shade)[1]
        if role == Qt.ItemDataRole.FontRole and (row_number, column - 1) in table.flagged:
            font = QFont()
            font.setBold(True)
            return font
        return None
