"""The codebook editor: the code tree beside every field of the selected code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from lobcoder.editing.code_commands import UpdateCode
from lobcoder.gui.models.code_filter_model import CodeFilterModel
from lobcoder.gui.models.code_tree_model import CodeIdRole, CodeTreeModel, codings_with_sub_codes
from lobcoder.gui.window_size import resize_to_screen
from lobcoder.services.codes import CodeInfo

if TYPE_CHECKING:
    from lobcoder.gui.main_window import MainWindow

TEXT_FIELDS = ("description", "definition", "inclusion", "exclusion", "examples", "keywords")


class CodebookEditor(QDialog):
    """Edit name, colour and the rich fields of each code; every save is one undoable action."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.setWindowTitle(self.tr("Codebook"))
        self._code: CodeInfo | None = None
        self._color = "#7f7f7f"
        self.model = CodeTreeModel(self)
        self.proxy = CodeFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setColumnHidden(2, True)
        # Names are never cut: the name column is as wide as the longest name and the tree scrolls sideways.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter codes"))
        self.filter.textChanged.connect(self._filter)

        self.name = QLineEdit()
        self.color_button = QPushButton()
        self.color_button.clicked.connect(self._choose_color)
        self.fields: dict[str, QPlainTextEdit | QLineEdit] = {"description": QLineEdit()}
        hints = {
            "definition": self.tr("What the code means in this study"),
            "inclusion": self.tr("Code a passage when…"),
            "exclusion": self.tr("Do not code a passage when…"),
            "examples": self.tr("One example quote per line"),
            "keywords": self.tr("One Dutch keyword or phrase per line (used for suggestions)"),
        }
        for field, hint in hints.items():
            editor = QPlainTextEdit()
            editor.setPlaceholderText(hint)
            editor.setTabChangesFocus(True)
            self.fields[field] = editor
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("C&olour:"), self.color_button)
        labels = {
            "description": self.tr("Short &description:"),
            "definition": self.tr("De&finition:"),
            "inclusion": self.tr("&Include when:"),
            "exclusion": self.tr("E&xclude when:"),
            "examples": self.tr("&Examples:"),
            "keywords": self.tr("&Keywords:"),
        }
        for field in TEXT_FIELDS:
            form.addRow(labels[field], self.fields[field])
        self.save_button = QPushButton(self.tr("&Save changes"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        right_layout.addLayout(bottom)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.tree)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        self.splitter = splitter
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        resize_to_screen(self, 980, 680)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        if window.undo_stack is not None:
            window.undo_stack.changed.connect(self.reload)  # after the window (connected first)
        self.reload()
        self._show(None)
        self._fit_tree()

    def _fit_tree(self) -> None:
        """Give the code tree the width of its names and counts (up to half the dialog), the fields the rest."""
        self.tree.doItemsLayout()
        header = self.tree.header()
        columns = sum(max(self.tree.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in (0, 1))
        needed = columns + 2 * self.tree.frameWidth() + self.tree.verticalScrollBar().sizeHint().width() + 4
        total = max(self.width(), 1)
        left = min(needed, total // 2)
        self.splitter.setSizes([left, total - left])

    @Slot()
    def reload(self) -> None:
        """Take the window's current codes (after any change, undo included)."""
        current = self._code.id if self._code else None
        self.model.set_codes(self.main_window.overview.codes if self.main_window.overview else [])
        self.tree.expandAll()
        if current is not None and current in self.main_window.codes_by_id:
            self.select(current)
            self._show(self.main_window.codes_by_id[current])  # an undo may have changed its fields

    def select(self, code_id: int) -> None:
        index = self.proxy.mapFromSource(self.model.index_for_code(code_id))
        if index.isValid():
            self.tree.setCurrentIndex(index)

    @Slot(str)
    def _filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self.tree.expandAll()

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._code is not None and self._changes():
            self.save()
        code_id = current.data(CodeIdRole) if current.isValid() else None
        self._show(self.main_window.codes_by_id.get(int(code_id)) if code_id is not None else None)

    def _show(self, code: CodeInfo | None) -> None:
        self._code = code
        for widget in (self.name, self.color_button, self.save_button, *self.fields.values()):
            widget.setEnabled(code is not None)
        if code is None:
            self.name.clear()
            for editor in self.fields.values():
                editor.clear() if isinstance(editor, QLineEdit) else editor.setPlainText("")
            self.status.setText(self.tr("Select a code to edit it."))
            return
        self.name.setText(code.name)
        self.name.setCursorPosition(0)
        self._set_color(code.color)
        for field in TEXT_FIELDS:
            editor = self.fields[field]
            value = getattr(code, field)
            if isinstance(editor, QLineEdit):
                editor.setText(value)
                editor.setCursorPosition(0)  # a long description shows its beginning, not its end
            else:
                editor.setPlainText(value)
        text = self.tr("%n coding(s)", "", code.codings)
        with_sub_codes = self._codings_with_sub_codes(code)
        if with_sub_codes != code.codings:  # a theme coded through its sub-codes is not unused
            text += " " + self.tr("({0} with its sub-codes)").format(with_sub_codes)
        self.status.setText(text)

    def _codings_with_sub_codes(self, code: CodeInfo) -> int:
        totals = codings_with_sub_codes(list(self.main_window.codes_by_id.values()))
        return totals.get(code.id, code.codings)

    def _set_color(self, color: str) -> None:
        self._color = color
        self.color_button.setText(color)
        self.color_button.setStyleSheet(f"background-color: {color}; color: {_contrast(color)};")

    @Slot()
    def _choose_color(self) -> None:
        color = QColorDialog.getColor(QColor(self._color), self, self.tr("Colour"))
        if color.isValid():
            self._set_color(color.name())

    def _values(self) -> dict[str, str]:
        values = {"name": self.name.text().strip(), "color": self._color}
        for field in TEXT_FIELDS:
            editor = self.fields[field]
            text = editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
            values[field] = text.strip() if field in ("examples", "keywords") else text
        return values

    def _changes(self) -> dict[str, str]:
        if self._code is None:
            return {}
        return {k: v for k, v in self._values().items() if v != getattr(self._code, k)}

    @Slot()
    def save(self) -> bool:
        """Store the changed fields as one undoable action."""
        changes = self._changes()
        if not changes or self._code is None or self.main_window.undo_stack is None:
            return True
        code_id = self._code.id
        ok = self.main_window.undo_stack.execute(UpdateCode(self._code.guid, **changes))
        if ok:
            self._code = self.main_window.codes_by_id.get(code_id)
            self.status.setText(self.tr("Saved."))
        return ok

    def done(self, result: int) -> None:  # noqa: D102 - Qt override
        self.save()
        super().done(result)


def _contrast(color: str) -> str:
    value = QColor(color)
    return "#000000" if value.lightness() > 140 else "#ffffff"
