"""Table model over the entities under review: replace or not, pseudonym (editable), counts, sources."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from lobcoder.gui.i18n import decimal
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.entities import Entity

Index = QModelIndex | QPersistentModelIndex
_COLUMNS = 7
REPLACE, TERM, CATEGORY, COUNT, PSEUDONYM, CONFIDENCE, SOURCES = range(_COLUMNS)


class EntityModel(QAbstractTableModel):
    """Rows are entities grouped by category (most occurrences first).

    Signals:
        decisions_changed(): a row was accepted, rejected or given another pseudonym.
    """

    decisions_changed = Signal()

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._entities: list[Entity] = []

    def category_name(self, category: Category) -> str:
        names = {
            Category.PERSON: self.tr("person"),
            Category.SCHOOL: self.tr("school"),
            Category.ORGANISATION: self.tr("organisation"),
            Category.PLACE: self.tr("place"),
            Category.DATE: self.tr("date"),
            Category.AGE: self.tr("age"),
            Category.EMAIL: self.tr("e-mail"),
            Category.PHONE: self.tr("phone"),
            Category.URL: self.tr("web address"),
            Category.BSN: self.tr("BSN"),
            Category.ID: self.tr("number"),
            Category.OTHER: self.tr("other"),
        }
        return names[category]

    def set_entities(self, entities: Sequence[Entity]) -> None:
        self.beginResetModel()
        self._entities = list(entities)
        self.endResetModel()

    def entities(self) -> list[Entity]:
        return list(self._entities)

    def entity(self, row: int) -> Entity:
        return self._entities[row]

    def add(self, entity: Entity) -> int:
        for row, existing in enumerate(self._entities):
            if existing.key == entity.key:
                self._entities[row] = entity
                self.dataChanged.emit(self.index(row, 0), self.index(row, _COLUMNS - 1))
                return row
        row = len(self._entities)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entities.append(entity)
        self.endInsertRows()
        return row

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entities)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Replace"),
            self.tr("Found"),
            self.tr("Category"),
            self.tr("Occurrences"),
            self.tr("Pseudonym"),
            self.tr("Confidence"),
            self.tr("Found by"),
        ][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == REPLACE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == PSEUDONYM:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        e = self._entities[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == REPLACE:
            return Qt.CheckState.Checked if e.accepted else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            sources = {
                "deduce": "deduce",
                "project": self.tr("project"),
                "terms": self.tr("term list"),
                "manual": self.tr("you"),
                "pattern": self.tr("pattern"),
            }
            return {
                TERM: e.term,
                CATEGORY: self.category_name(e.category),
                COUNT: e.count,
                PSEUDONYM: e.pseudonym,
                CONFIDENCE: decimal(e.confidence),
                SOURCES: self._found_by(e, sources),
            }.get(column)
        if role == Qt.ItemDataRole.ToolTipRole and column == TERM:
            variants = ", ".join(e.variants)
            short = [self.tr("Short form of {0}: untick it if it is an ordinary word here.").format(e.short_of)]
            if e.shared_by:
                short = [
                    self.tr(
                        "Short form of more than one name ({0}): give it a pseudonym and tick it only if you know who is meant."
                    ).format(", ".join(e.shared_by))
                ]
            return "\n".join(
                [", ".join(e.documents)]
                + ([self.tr("Also written: {0}").format(variants)] if variants else [])
                + (short if e.short_of else [])
            )
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        row, e = index.row(), self._entities[index.row()]
        if index.column() == REPLACE and role == Qt.ItemDataRole.CheckStateRole:
            accepted = Qt.CheckState(value) == Qt.CheckState.Checked
            self._entities[row] = e.with_decision(e.pseudonym, accepted)
            self._follow(e, e.pseudonym, accepted)
        elif index.column() == PSEUDONYM and role == Qt.ItemDataRole.EditRole:
            pseudonym = " ".join(str(value).split())
            self._entities[row] = e.with_decision(pseudonym, e.accepted)
            self._follow(e, pseudonym, e.accepted)
        else:
            return False
        self.dataChanged.emit(self.index(row, 0), self.index(row, _COLUMNS - 1))
        self.decisions_changed.emit()
        return True

    def _found_by(self, e: Entity, sources: dict[str, str]) -> str:
        if e.short_of:
            return self.tr("short form of {0}").format(", ".join(e.shared_by) or e.short_of)
        return ", ".join(sources.get(s, s) for s in e.sources)

    def _follow(self, parent: Entity, pseudonym: str, accepted: bool) -> None:
        """Short forms that agreed with their full name follow it (``Meerwijk`` with ``Meerwijk College``).

        A short form that had the full name's pseudonym and tick takes the new
        pseudonym or tick; one the researcher set apart keeps her choice.
        """
        for row, e in enumerate(self._entities):
            agreed = e.pseudonym == parent.pseudonym and e.accepted == parent.accepted
            if e.short_of and e.short_of == parent.term and agreed and not e.shared_by:
                self._entities[row] = e.with_decision(pseudonym, accepted)
                self.dataChanged.emit(self.index(row, 0), self.index(row, _COLUMNS - 1))
