"""Documents grouped by participant and sorted by wave, with coding progress; its filter and bar delegate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from lobcoder.gui.models.code_filter_model import FoldedFilterModel
from lobcoder.services.documents import DocumentSummary
from lobcoder.util.natural_sort import natural_key

DocumentIdRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 10
ParticipantRole = Qt.ItemDataRole.UserRole + 11

WAVE_ATTRIBUTES = ("wave", "golf", "ronde", "meting")
"""Attribute names (compared case-insensitively) read as the wave of a document."""

Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def wave_of(attributes: Mapping[str, object]) -> str:
    """The wave as shown: ``2`` for 2.0, ISO for a date, '' if there is none."""
    by_name = {name.strip().casefold(): value for name, value in attributes.items()}
    value = next((by_name[n] for n in WAVE_ATTRIBUTES if by_name.get(n) not in (None, "")), None)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value.isoformat() if isinstance(value, date) else ("" if value is None else str(value))


def percent_text(share: float) -> str:
    """A share as a whole percentage that never rounds a little work to 0% or 100%."""
    percent = round(share * 100)
    if share > 0 and percent == 0:
        return "<1%"
    return f"{99 if share < 1 and percent == 100 else percent}%"


@dataclass(frozen=True)
class _Document:
    summary: DocumentSummary
    wave: str
    share: float


@dataclass(frozen=True)
class _Group:
    participant: str | None
    documents: tuple[_Document, ...]

    @cached_property  # painted often; a group is replaced, never changed
    def share(self) -> float:
        """Coded share of all the group's text together."""
        characters = sum(d.summary.characters for d in self.documents)
        covered = sum(d.share * d.summary.characters for d in self.documents)
        return covered / characters if characters else 0.0

    @cached_property
    def codings(self) -> int:
        return sum(d.summary.codings for d in self.documents)


def _groups(
    summaries: Sequence[DocumentSummary], attributes: Mapping[int, Mapping[str, object]], shares: Mapping[int, float]
) -> list[_Group]:
    by_participant: dict[str | None, list[_Document]] = {}
    for summary in summaries:
        item = _Document(summary, wave_of(attributes.get(summary.id, {})), shares.get(summary.id, 0.0))
        by_participant.setdefault(summary.participant or None, []).append(item)
    order = sorted(by_participant, key=lambda p: (p is None, natural_key(p or "")))
    return [_Group(p, tuple(sorted(by_participant[p], key=_document_key))) for p in order]


def _document_key(item: _Document) -> tuple[object, ...]:
    return not item.wave, natural_key(item.wave), natural_key(item.summary.name)


def _shape(groups: list[_Group]) -> list[tuple[str | None, list[int]]]:
    return [(g.participant, [d.summary.id for d in g.documents]) for g in groups]


class DocumentTreeModel(QAbstractItemModel):
    """Participants (by name, then "No participant") with their documents (by wave, then name).

    Columns: document, wave, coded ("35% · 12": share of the text coded and
    number of codings). Group rows show their document count and the coded
    share of all their text; ``DocumentIdRole`` is None on them.
    """

    NAME, WAVE, CODED = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._rows: dict[int, tuple[int, int]] | None = None  # document id -> (group row, row), built on demand

    def set_documents(
        self,
        summaries: Sequence[DocumentSummary],
        attributes_by_document: Mapping[int, Mapping[str, object]],
        coded_share: Mapping[int, float],
    ) -> None:
        """Show the documents; expansion and selection survive unless participants come or go."""
        old, new = self._groups, _groups(summaries, attributes_by_document, coded_share)
        before_ids, after_ids = ({d for _p, ids in _shape(groups) for d in ids} for groups in (old, new))
        if before_ids != after_ids or {g.participant for g in old} != {g.participant for g in new}:
            self.beginResetModel()
            self._groups, self._rows = new, None
            self.endResetModel()
            return
        if _shape(old) != _shape(new):
            self.layoutAboutToBeChanged.emit()
            before = self.persistentIndexList()
            self._groups, self._rows = new, None
            self.changePersistentIndexList(before, [self._moved(p, old) for p in before])
            self.layoutChanged.emit()
        self._groups, self._rows = new, None
        last = self.columnCount() - 1
        for row, group in enumerate(new):
            if group not in old:
                parent = self.index(row, 0)
                self.dataChanged.emit(parent, self.index(row, last))
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(group.documents) - 1, last, parent))

    def update_counts(self, summaries: Sequence[DocumentSummary], coded_share: Mapping[int, float]) -> None:
        """New counts for a few documents: only their rows and their groups' rows change.

        Documents, participants and waves stay as they are; the cost is that of
        the documents given (and their groups), not of the project.
        """
        last = self.columnCount() - 1
        for summary in summaries:
            place = self._place(summary.id)
            if place is None:
                continue
            group_row, row = place
            group = self._groups[group_row]
            item = group.documents[row]
            fresh = replace(item, summary=summary, share=coded_share.get(summary.id, item.share))
            if fresh == item:
                continue
            documents = group.documents[:row] + (fresh,) + group.documents[row + 1 :]
            self._groups[group_row] = replace(group, documents=documents)
            parent = self.index(group_row, 0)
            self.dataChanged.emit(self.index(row, 0, parent), self.index(row, last, parent))
            self.dataChanged.emit(parent, self.index(group_row, last))

    def _place(self, document_id: int) -> tuple[int, int] | None:
        index = self.index_for_document(document_id)
        return (index.internalId() - 1, index.row()) if index.isValid() else None

    def _moved(self, index: Index, old: list[_Group]) -> QModelIndex:
        """Where ``index`` into the ``old`` groups is now (the same participant or document)."""
        if index.internalId() == 0:
            key = old[index.row()].participant
            return self.createIndex(
                next(r for r, g in enumerate(self._groups) if g.participant == key), index.column(), 0
            )
        document_id = old[index.internalId() - 1].documents[index.row()].summary.id
        return self.index_for_document(document_id).siblingAtColumn(index.column())

    def index_for_document(self, document_id: int) -> QModelIndex:
        if self._rows is None:
            self._rows = {
                item.summary.id: (row, doc_row)
                for row, group in enumerate(self._groups)
                for doc_row, item in enumerate(group.documents)
            }
        place = self._rows.get(document_id)
        return self.createIndex(place[1], 0, place[0] + 1) if place is not None else QModelIndex()

    # -- structure (internal id 0: a group row; n > 0: a document of group n - 1) --

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not 0 <= column < self.columnCount() or row < 0 or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() == 0 and row < len(self._groups[parent.row()].documents):
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, child: Index | None = None) -> Any:
        if child is None:  # QObject.parent()
            return QObject.parent(self)
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._groups)
        if parent.column() == 0 and parent.internalId() == 0:
            return len(self._groups[parent.row()].documents)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 3

    # -- data -------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(self._groups[index.row()], index.column(), role)
        group = self._groups[index.internalId() - 1]
        item = group.documents[index.row()]
        column = index.column()
        if role == DocumentIdRole:
            return item.summary.id
        if role == ParticipantRole:
            return group.participant
        if role == ProgressRole:
            return item.share if column == self.CODED else None
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.summary.name, item.wave, f"{percent_text(item.share)} · {item.summary.codings}")[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CODED:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item.summary, item.share)
        return None

    def _group_data(self, group: _Group, column: int, role: int) -> Any:
        if role == ParticipantRole:
            return group.participant
        if role == ProgressRole:
            return group.share if column == self.CODED else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                name = group.participant or self.tr("No participant")
                return f"{name} ({len(group.documents)})"
            return f"{percent_text(group.share)} · {group.codings}" if column == self.CODED else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CODED:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return self.tr("%n document(s)", "", len(group.documents))
        if role == Qt.ItemDataRole.FontRole and column == self.NAME:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _tooltip(self, summary: DocumentSummary, share: float) -> str:
        participant = summary.participant or self.tr("no participant")
        return self.tr(
            "{0} — {1} characters, {2} turns\n{3} of the text coded, %n coding(s)", "", summary.codings
        ).format(participant, summary.characters, summary.turns, percent_text(share))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Wave"), self.tr("Coded"))[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.CODED:
            return self.tr("Share of the text covered by codings · number of codings")
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.CODED:
            return _RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class DocumentFilterModel(FoldedFilterModel):
    """Keeps documents whose name, or whose participant's name, contains every typed word.

    Folded like the code filter; a matching participant keeps all its
    documents, a matching document keeps its group.
    """

    def row_text(self, source_index: QModelIndex) -> str:
        if source_index.parent().isValid():
            return str(source_index.data(Qt.ItemDataRole.DisplayRole) or "")
        return str(source_index.data(ParticipantRole) or "")


class ProgressDelegate(QStyledItemDelegate):
    """Paints the cell's text (right-aligned) with a thin ``ProgressRole`` bar at the cell's left.

    The bar has a fixed width so the bars of all rows line up.
    """

    BAR_HEIGHT = 4
    BAR_WIDTH = 44
    MARGIN = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        if index.data(ProgressRole) is not None:
            size.setWidth(size.width() + self.BAR_WIDTH + self.MARGIN)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        value = index.data(ProgressRole)
        if value is None:
            return
        text_width = option.fontMetrics.horizontalAdvance(str(index.data() or ""))
        width = min(self.BAR_WIDTH, option.rect.width() - text_width - 3 * self.MARGIN)
        if width < 2 * self.BAR_HEIGHT:
            return
        rect = QRectF(option.rect.left() + self.MARGIN, 0, width, 0)
        rect.setTop(option.rect.center().y() - self.BAR_HEIGHT / 2 + 1)
        rect.setHeight(self.BAR_HEIGHT)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fill = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight)
        track = QColor(fill)
        track.setAlphaF(0.25)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(rect, 2, 2)
        share = max(0.0, min(1.0, float(value)))
        if share > 0:
            done = QRectF(rect)
            done.setWidth(max(self.BAR_HEIGHT, rect.width() * share))  # a sliver of work stays visible
            painter.setBrush(fill)
            painter.drawRoundedRect(done, 2, 2)
        painter.restore()
