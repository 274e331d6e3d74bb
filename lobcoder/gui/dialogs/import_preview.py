"""The import dialog's speaker settings and its live preview of one file's speakers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lobcoder.gui.failures import error_text, problem_text
from lobcoder.importing.file_preview import FilePreview
from lobcoder.importing.speakers import (
    InvalidSpeakerPattern,
    PreviewLine,
    RejectedLabel,
    RejectReason,
    SpeakerPattern,
)

ERROR_COLOR = QColor("#b3261e")
MUTED_COLOR = QColor("#6b6b6b")

# Label syntaxes the automatic detection does not cover, offered as presets.
BRACKET_REGEX = r"^[ \t]*\[(?P<speaker>[^\]\d\s][^\]]*)\][ \t]*:?[ \t]*"
CAPITALS_REGEX = r"^[ \t]*(?P<speaker>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9 .'-]*[A-ZÀ-ÖØ-Þ0-9.]):[ \t]*"


# -- a small read-only table model shared by the dialog's tables --------------


@dataclass(frozen=True)
class Cell:
    """One table cell: text plus how to show it. ``check`` draws a read-only check box."""

    text: str = ""
    tooltip: str | None = None
    color: QColor | None = None
    check: bool | None = None
    number: bool = False


class RowsModel(QAbstractTableModel):
    """Rows of :class:`Cell` under fixed headers; ``key`` of a row is in Qt.UserRole."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[list[Cell]] = []
        self._keys: list[Any] = []

    def set_rows(self, rows: Sequence[Sequence[Cell | str]], keys: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self._rows = [self._cells(r) for r in rows]
        self._keys = list(keys) if keys is not None else [None] * len(self._rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[Sequence[Cell | str]], keys: Sequence[Any]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows += [self._cells(r) for r in rows]
        self._keys += list(keys)
        self.endInsertRows()

    def set_row(self, row: int, cells: Sequence[Cell | str]) -> None:
        self._rows[row] = self._cells(cells)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._keys[row]
        self.endRemoveRows()

    def keys(self) -> list[Any]:
        return list(self._keys)

    def cell(self, row: int, column: int) -> Cell:
        return self._rows[row][column]

    def _cells(self, row: Sequence[Cell | str]) -> list[Cell]:
        cells = [c if isinstance(c, Cell) else Cell(str(c)) for c in row]
        return (cells + [Cell()] * len(self._headers))[: len(self._headers)]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._headers):
                return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        cell = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip
        if role == Qt.ItemDataRole.ForegroundRole:
            return cell.color
        if role == Qt.ItemDataRole.CheckStateRole and cell.check is not None:
            return Qt.CheckState.Checked if cell.check else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and cell.number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self._keys[index.row()]
        return None


def table_view(model: QAbstractTableModel, stretch: int = -1) -> QTableView:
    """A compact read-only table; column ``stretch`` takes the spare width."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(stretch < 0)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


# -- speaker settings ------------------------------------------------------


class SpeakerSettings(QWidget):
    """Detect speakers or not, which label syntax, and who the interviewer is.

    Signals:
        changed(): any setting changed (the dialog debounces its preview on it).
    """

    changed = Signal()

    AUTOMATIC, BRACKETS, CAPITALS, CUSTOM = range(4)

    def __init__(self, last_custom: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last_custom = last_custom
        self.known_names: frozenset[str] = frozenset()  # the project's speakers: labels even once
        self.detect = QCheckBox(self.tr("&Detect speakers"))
        self.detect.setChecked(True)
        self.detect.setToolTip(self.tr("Split each transcript into turns at labels such as ‘I:’ or ‘Anna:’"))
        self.preset = QComboBox()
        self.preset.addItem(self.tr("Automatic: built-in labels (I:, R:, Anna:, [00:01:02] Anna:)"), None)
        self.preset.addItem(self.tr("Name in brackets: [Anna] …"), BRACKET_REGEX)
        self.preset.addItem(self.tr("Name in capitals: ANNA: …"), CAPITALS_REGEX)
        self.preset.addItem(self.tr("Custom regular expression…"), None)
        # The longest choice must not set the dialog's minimum width (wider than a 1024 px screen in Dutch):
        # the field grows with the dialog, and its list is as wide as its longest choice.
        self.preset.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset.setMinimumContentsLength(24)
        longest = max(self.preset.fontMetrics().horizontalAdvance(self.preset.itemText(i)) for i in range(4))
        self.preset.view().setMinimumWidth(longest + 3 * self.preset.fontMetrics().averageCharWidth())
        self.regex = QLineEdit()
        self.regex.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.regex.setPlaceholderText(self.tr("a regular expression with a group (?P<speaker>…)"))
        self.regex.setClearButtonEnabled(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.error.hide()
        self.min_turns = QSpinBox()
        self.min_turns.setRange(1, 99)
        self.min_turns.setValue(2)
        self.min_turns.setToolTip(
            self.tr("Other labels must start at least this many lines. I:, R:, Interviewer: and the like always count.")
        )
        self.interviewers = QLineEdit()
        self.interviewers.setToolTip(self.tr("Labels of the interviewer side, separated by commas"))

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.detect)
        form.addRow(self.tr("&Labels:"), self.preset)
        form.addRow(self.tr("Pa&ttern:"), self.regex)
        form.addRow("", self.error)
        row = QHBoxLayout()
        row.addWidget(self.min_turns)
        row.addWidget(QLabel(self.tr("(labels such as I: and R: always count)")), 1)
        turns_label = QLabel(self.tr("Mi&nimum turns per label:"))
        turns_label.setBuddy(self.min_turns)  # a row of a layout gets no buddy by itself: Alt+N, not a shown "&"
        form.addRow(turns_label, row)
        form.addRow(self.tr("Int&erviewer labels:"), self.interviewers)

        self.detect.toggled.connect(self._update)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.regex.textEdited.connect(self._regex_edited)
        self.min_turns.valueChanged.connect(self._update)
        self.interviewers.textEdited.connect(self._update)
        self._preset_chosen(self.AUTOMATIC)

    def set_values(self, detect: bool, min_turns: int, interviewer_names: Sequence[str]) -> None:
        self.detect.setChecked(detect)
        self.min_turns.setValue(min_turns)
        self.interviewers.setText(", ".join(interviewer_names))
        self.interviewers.setCursorPosition(0)
        self._update()

    def interviewer_names(self) -> frozenset[str]:
        return frozenset(n.strip().lower() for n in self.interviewers.text().split(",") if n.strip())

    def custom_regex(self) -> str | None:
        """The regular expression in use, None for the automatic labels."""
        return None if self.preset.currentIndex() == self.AUTOMATIC else self.regex.text()

    def pattern(self) -> SpeakerPattern | None:
        """The pattern to import with; None when detection is off.

        Raises:
            InvalidSpeakerPattern: the regular expression cannot be used.
        """
        if not self.detect.isChecked():
            return None
        regex = self.custom_regex()
        if regex is not None and not regex.strip():
            raise InvalidSpeakerPattern(self.tr("Enter a regular expression with a group (?P<speaker>…)."))
        return SpeakerPattern(regex, self.min_turns.value(), self.interviewer_names(), self.known_names)

    def error_text(self) -> str | None:
        try:
            self.pattern()
        except InvalidSpeakerPattern as exc:
            return error_text(exc)
        return None

    @Slot(int)
    def _preset_chosen(self, index: int) -> None:
        regex = self.preset.itemData(index)
        if index == self.CUSTOM:
            self.regex.setText(self._last_custom)
        elif regex is not None:
            self.regex.setText(regex)
        else:
            self.regex.clear()
        self._update()

    @Slot(str)
    def _regex_edited(self, text: str) -> None:
        if self.preset.currentIndex() != self.CUSTOM:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.CUSTOM)
            self.preset.blockSignals(False)
        self._last_custom = text
        self._update()

    @Slot()
    def _update(self) -> None:
        detect = self.detect.isChecked()
        for widget in (self.preset, self.min_turns, self.interviewers):
            widget.setEnabled(detect)
        self.regex.setEnabled(detect and self.preset.currentIndex() != self.AUTOMATIC)
        message = self.error_text()
        self.error.setText(message or "")
        self.error.setVisible(message is not None)
        self.changed.emit()


# -- the preview pane ---------------------------------------------------------


class PreviewPane(QWidget):
    """Speakers with their turn and word counts, and the first lines of the file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.speakers = RowsModel([self.tr("Speaker"), self.tr("Turns"), self.tr("Words"), self.tr("Interviewer")])
        self.lines = RowsModel([self.tr("Line"), self.tr("Speaker"), self.tr("Text")])
        self.speaker_table = table_view(self.speakers, stretch=0)
        self.line_table = table_view(self.lines, stretch=2)
        self.line_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.speaker_table)
        splitter.addWidget(self.line_table)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([110, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        self.show_message(self.tr("Select a file to preview its speakers."))

    def show_message(self, message: str, error: bool = False) -> None:
        self.title.setText(message)
        self.title.setStyleSheet(f"color: {ERROR_COLOR.name()};" if error else "")
        self.speakers.set_rows([])
        self.lines.set_rows([])

    def show_preview(self, result: FilePreview) -> None:
        if result.error is not None or result.preview is None or result.extracted is None:
            reason = problem_text(result.cause, result.error or "")
            self.show_message(self.tr("{0} cannot be read: {1}").format(result.path.name, reason), error=True)
            return
        shown = result.preview
        self.title.setStyleSheet("")
        if result.extracted.turns is not None:
            extracted = result.extracted
            kind = f"{extracted.source}, .{extracted.format}" if extracted.source else f".{extracted.format}"
            turns = self.tr("%n turn(s)", "", len(shown.turns))
            speakers = self.tr("%n speaker(s)", "", len(shown.speakers))
            title = self.tr("{0} ({1}): {2} by {3}; the speakers and times come from the file itself.")
            self.title.setText(title.format(result.path.name, kind, turns, speakers))
        elif result.pattern is None:
            self.title.setText(
                self.tr("{0}: speaker detection is off; the text is imported without turns.").format(result.path.name)
            )
        else:
            turns = self.tr("%n turn(s)", "", len(shown.turns))
            speakers = self.tr("%n speaker(s)", "", len(shown.speakers))
            title = self.tr("{0}: {1} by {2}.").format(result.path.name, turns, speakers)
            facts = sum(1 for line in shown.lines if _is_fact(line))
            if facts:
                title += " " + self.tr(
                    "Document information at the top (%n line(s)) is not split into turns.", "", facts
                )
            self.title.setText(title)
        self.speakers.set_rows(
            [
                [
                    s.name or self.tr("(no speaker)"),
                    Cell(str(s.turn_count), number=True),
                    Cell(str(s.word_count), number=True),
                    Cell(check=s.is_interviewer),
                ]
                for s in shown.speakers
            ]
        )
        self.lines.set_rows([self._line_cells(line) for line in shown.lines])

    def _line_cells(self, line: PreviewLine) -> list[Cell]:
        number = Cell(str(line.line_number), color=MUTED_COLOR, number=True)
        if line.speaker is not None or line.timestamp_ms is not None:
            return [number, Cell(_with_time(line.speaker or "", line.timestamp_ms)), Cell(line.text)]
        if _is_fact(line):
            why = self.tr(
                "Document information above the transcript (a name, a date, a school): "
                "kept in the text, not a speaker's turn."
            )
            return [
                number,
                Cell(self.tr("(document information)"), why, MUTED_COLOR),
                Cell(line.text, why, MUTED_COLOR),
            ]
        if line.rejected_label is not None:
            why = self.reject_reason(line.rejected_label)
            rejected = Cell(f"✗ {line.rejected_label.label}", why, ERROR_COLOR)
            return [number, rejected, Cell(self.tr("not a speaker: {0} — {1}").format(why, line.text), why)]
        return [number, Cell(), Cell(line.text, color=MUTED_COLOR if not line.text.strip() else None)]

    def reject_reason(self, rejected: RejectedLabel) -> str:
        """Why a label-like line start is no turn, worded for the user."""
        reason = rejected.reason
        if reason is RejectReason.TOO_RARE and rejected.tabbed:
            # Counted apart from the same name's "Interviewer:" labels, which may be many.
            return self.tr("occurs only %n time(s) as a table cell label", "", rejected.occurrences)
        if reason is RejectReason.TOO_RARE:
            return self.tr("occurs only %n time(s)", "", rejected.occurrences)
        if reason is RejectReason.COMMON_WORD:
            return self.tr("a common word, not a name")
        if reason is RejectReason.NUMBERED_HEADING:
            return self.tr("a numbered heading")
        if reason is RejectReason.PUNCTUATION:
            return self.tr("sentence punctuation in the name")
        if reason is RejectReason.LOWER_CASE:
            return self.tr("starts with a lower-case letter")
        if reason is RejectReason.SENTENCE:
            return self.tr("reads as the start of a sentence")
        return str(rejected)


def _is_fact(line: PreviewLine) -> bool:
    """A line of the block of document facts above the transcript ("Datum: 12-03-2025")."""
    return line.rejected_label is not None and line.rejected_label.reason is RejectReason.METADATA


def _with_time(speaker: str, timestamp_ms: int | None) -> str:
    """A turn's speaker with its time in the recording, when known: "Anna · 1:02:03"."""
    if timestamp_ms is None:
        return speaker
    seconds = timestamp_ms // 1000
    hours, minutes = seconds // 3600, seconds // 60 % 60
    clock = f"{hours}:{minutes:02d}:{seconds % 60:02d}" if hours else f"{minutes}:{seconds % 60:02d}"
    return f"{speaker} · {clock}" if speaker else clock
