"""The filter shared by every analysis tab: attribute values, coders, documents, interviewer turns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter

ValueRole = Qt.ItemDataRole.UserRole + 60
"""What a checkable item stands for: an attribute value label, a coder name, a document id."""

_CHECKED = Qt.CheckState.Checked
_UNCHECKED = Qt.CheckState.Unchecked
MIN_POPUP_WIDTH, MAX_POPUP_WIDTH = 260, 520
"""A drop-down list grows to show its longest name, within these widths (pixels)."""


class ChecklistButton(QPushButton):
    """A button that drops down a list (or a two-level tree) of check boxes.

    Every item is checked at first, meaning "no restriction". Items the user
    unchecks are remembered by value, so refilling the list after the project
    changed keeps the choice.

    Signals:
        changed(): an item was checked or unchecked (once per click, even for a group).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setMinimumSize(MIN_POPUP_WIDTH, 240)
        self.view.setUniformRowHeights(True)
        all_button = QPushButton(self.tr("&All"))
        none_button = QPushButton(self.tr("&None"))
        all_button.clicked.connect(lambda: self.set_all(True))
        none_button.clicked.connect(lambda: self.set_all(False))
        buttons = QHBoxLayout()
        buttons.addWidget(all_button)
        buttons.addWidget(none_button)
        buttons.addStretch(1)
        popup = QWidget()
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(popup)
        menu.addAction(action)
        self.setMenu(menu)
        self._excluded: set[tuple[str, object]] = set()
        self._filling = False
        self.model.itemChanged.connect(self._item_changed)

    # -- filling -------------------------------------------------------------

    def set_items(self, groups: Mapping[str, Iterable[tuple[str, object]]], *, flat: bool = False) -> None:
        """Fill with ``{group: [(text, value), ...]}``; with ``flat`` the group names are not shown."""
        self._filling = True
        with QSignalBlocker(self.model):
            self.model.clear()
            for group, entries in groups.items():
                parent = self.model.invisibleRootItem()
                if not flat:
                    parent = QStandardItem(group)
                    parent.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    parent.setData(group, ValueRole)
                    self.model.invisibleRootItem().appendRow(parent)
                for text, value in entries:
                    item = QStandardItem(text)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setData(value, ValueRole)
                    item.setData(group, ValueRole + 1)
                    item.setCheckState(_UNCHECKED if (group, value) in self._excluded else _CHECKED)
                    parent.appendRow(item)
                if not flat:
                    _sync_parent(parent)
        self._filling = False
        self.model.layoutChanged.emit()
        self.view.expandAll()
        # Wide enough for the longest name (a document "Docent01_ronde1 (Marieke)"), up to a limit.
        wanted = self.view.sizeHintForColumn(0) + self.view.indentation() + 2 * self.view.frameWidth() + 24
        self.view.setMinimumWidth(min(max(MIN_POPUP_WIDTH, wanted), MAX_POPUP_WIDTH))

    def leaves(self) -> list[QStandardItem]:
        found: list[QStandardItem] = []
        root = self.model.invisibleRootItem()
        for row in range(root.rowCount()):
            item = root.child(row)
            if item.hasChildren():
                found.extend(item.child(r) for r in range(item.rowCount()))
            else:
                found.append(item)
        return found

    # -- choices -------------------------------------------------------------

    def checked(self) -> dict[str, list[object]]:
        """Checked values per group, for groups with at least one unchecked value (a restriction)."""
        by_group: dict[str, list[object]] = {}
        restricted: set[str] = set()
        for item in self.leaves():
            group = item.data(ValueRole + 1)
            by_group.setdefault(group, [])
            if item.checkState() == _CHECKED:
                by_group[group].append(item.data(ValueRole))
            else:
                restricted.add(group)
        return {group: values for group, values in by_group.items() if group in restricted}

    def set_checked(self, group: str, values: Iterable[object] | None) -> None:
        """Check exactly ``values`` of ``group`` (None: all of them)."""
        wanted = None if values is None else set(values)
        with QSignalBlocker(self.model):
            for item in self.leaves():
                if item.data(ValueRole + 1) != group:
                    continue
                on = wanted is None or item.data(ValueRole) in wanted
                item.setCheckState(_CHECKED if on else _UNCHECKED)
                self._remember(item)
            self._sync_parents()
        self._after_change()

    def set_all(self, on: bool) -> None:
        with QSignalBlocker(self.model):
            for item in self.leaves():
                item.setCheckState(_CHECKED if on else _UNCHECKED)
                self._remember(item)
            self._sync_parents()
        self._after_change()

    # -- keeping track --------------------------------------------------------

    def _remember(self, item: QStandardItem) -> None:
        key = (item.data(ValueRole + 1), item.data(ValueRole))
        if item.checkState() == _CHECKED:
            self._excluded.discard(key)
        else:
            self._excluded.add(key)

    def _sync_parents(self) -> None:
        root = self.model.invisibleRootItem()
        for row in range(root.rowCount()):
            if root.child(row).hasChildren():
                _sync_parent(root.child(row))

    @Slot(QStandardItem)
    def _item_changed(self, item: QStandardItem) -> None:
        if self._filling:
            return
        if item.hasChildren():
            # A group was clicked: Qt's auto-tristate only goes upwards, so set the values here.
            state = item.checkState()
            if state != Qt.CheckState.PartiallyChecked:
                with QSignalBlocker(self.model):
                    for row in range(item.rowCount()):
                        item.child(row).setCheckState(state)
                        self._remember(item.child(row))
                self.model.layoutChanged.emit()
        else:
            self._remember(item)
            parent = item.parent()
            if parent is not None:
                with QSignalBlocker(self.model):
                    _sync_parent(parent)
        self._after_change()

    def _after_change(self) -> None:
        self.view.viewport().update()
        self.changed.emit()


def _sync_parent(parent: QStandardItem) -> None:
    states = {parent.child(r).checkState() for r in range(parent.rowCount())}
    if states == {_CHECKED}:
        parent.setCheckState(_CHECKED)
    elif states <= {_UNCHECKED}:
        parent.setCheckState(_UNCHECKED)
    else:
        parent.setCheckState(Qt.CheckState.PartiallyChecked)


class FilterBox(QWidget):
    """Which documents and codings every tab looks at (see ``lobcoder.analysis.filters``).

    Attribute values, coders and documents start all checked (no restriction);
    unchecking values restricts. Choices survive a refresh of the lists.

    Signals:
        changed(): the filter changed; emitted once per burst of clicks.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attributes = ChecklistButton()
        self.coders = ChecklistButton()
        self.documents = ChecklistButton()
        self.exclude_interviewer = QCheckBox(self.tr("&Leave out interviewer turns"))
        self.exclude_interviewer.setToolTip(
            self.tr("Leave out codings that lie entirely inside what the interviewer says")
        )
        self.reset_button = QPushButton(self.tr("Rese&t"))
        self.reset_button.setToolTip(self.tr("Look at all documents and codings again"))
        self.reset_button.clicked.connect(self.reset)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Filter:")))
        for button in (self.attributes, self.coders, self.documents):
            layout.addWidget(button)
        layout.addWidget(self.exclude_interviewer)
        layout.addWidget(self.reset_button)
        layout.addStretch(1)
        self._emit = QTimer(self)
        self._emit.setSingleShot(True)
        self._emit.setInterval(0)
        self._emit.timeout.connect(self._changed)
        for button in (self.attributes, self.coders, self.documents):
            button.changed.connect(self._emit.start)
        self.exclude_interviewer.toggled.connect(self._emit.start)
        self._update_texts()

    def set_dataset(self, dataset: Dataset | None) -> None:
        """Offer the attribute values, coders and documents of ``dataset``; keep the choices made."""
        if dataset is None:
            for button in (self.attributes, self.coders, self.documents):
                button.set_items({})
        else:
            self.attributes.set_items(
                {
                    name: [(label, label) for label in dataset.attribute_values.get(name, ())]
                    for name in dataset.attribute_names
                }
            )
            coders = sorted(dataset.coders.values(), key=str.casefold)
            self.coders.set_items({"coder": [(name, name) for name in coders]}, flat=True)
            self.documents.set_items(
                {"document": [(_document_text(d.name, d.participant), d.id) for d in dataset.documents]}, flat=True
            )
        self._update_texts()

    def analysis_filter(self) -> AnalysisFilter:
        """The filter as the core takes it (its ``codes`` are left to each tab)."""
        coders = self.coders.checked().get("coder")
        documents = self.documents.checked().get("document")
        return AnalysisFilter(
            documents=None if documents is None else frozenset(int(d) for d in documents),  # type: ignore[call-overload]
            coders=None if coders is None else frozenset(str(c) for c in coders),
            attributes={name: frozenset(str(v) for v in values) for name, values in self.attributes.checked().items()},
            exclude_interviewer=self.exclude_interviewer.isChecked(),
        )

    def set_condition(self, attribute: str, values: Iterable[str] | None) -> None:
        """Restrict ``attribute`` to ``values`` (None: no condition), as if clicked."""
        self.attributes.set_checked(attribute, None if values is None else [str(v) for v in values])

    def set_coders(self, names: Iterable[str] | None) -> None:
        self.coders.set_checked("coder", names)

    def set_documents(self, document_ids: Iterable[int] | None) -> None:
        self.documents.set_checked("document", document_ids)

    def describe(self) -> str:
        """The filter in a few words for the status line; '' when nothing is filtered."""
        parts = []
        for name, values in self.attributes.checked().items():
            parts.append(f"{name} = {', '.join(str(v) for v in values) or '∅'}")
        coders = self.coders.checked().get("coder")
        if coders is not None:
            parts.append(self.tr("coders: {0}").format(", ".join(str(c) for c in coders) or "∅"))
        documents = self.documents.checked().get("document")
        if documents is not None:
            parts.append(self.tr("%n document(s)", "", len(documents)))
        if self.exclude_interviewer.isChecked():
            parts.append(self.tr("without interviewer turns"))
        return "; ".join(parts)

    def is_pending(self) -> bool:
        """Whether a change has been made but not yet announced (``changed`` follows shortly)."""
        return self._emit.isActive()

    @Slot()
    def reset(self) -> None:
        for button in (self.attributes, self.coders, self.documents):
            button.set_all(True)
        self.exclude_interviewer.setChecked(False)

    @Slot()
    def _changed(self) -> None:
        self._update_texts()
        self.changed.emit()

    def _update_texts(self) -> None:
        conditions = self.attributes.checked()
        if conditions:
            summary = "; ".join(
                f"{name} = {', '.join(str(v) for v in values) or '∅'}" for name, values in conditions.items()
            )
            self.attributes.setText(self.tr("&Attributes: {0}").format(summary.replace("&", "&&")))
        else:
            self.attributes.setText(self.tr("&Attributes: all"))
        self.attributes.setEnabled(self.attributes.model.rowCount() > 0)
        coders = self.coders.checked().get("coder")
        total = len(self.coders.leaves())
        self.coders.setText(
            self.tr("&Coders: all") if coders is None else self.tr("&Coders: {0} of {1}").format(len(coders), total)
        )
        self.coders.setEnabled(total > 0)
        documents = self.documents.checked().get("document")
        total = len(self.documents.leaves())
        self.documents.setText(
            self.tr("&Documents: all")
            if documents is None
            else self.tr("&Documents: {0} of {1}").format(len(documents), total)
        )
        self.documents.setEnabled(total > 0)
        self.reset_button.setEnabled(bool(self.describe()))


def _document_text(name: str, participant: str | None) -> str:
    return f"{name} ({participant})" if participant else name
