"""File → Restore from backup…: the project's backups with date, reason, size and counts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lobcoder.gui.i18n import formatted_size
from lobcoder.storage.backups import (
    BEFORE_CODEBOOK_IMPORT,
    BEFORE_MERGE,
    BEFORE_MIGRATION,
    BEFORE_REMOVE,
    BEFORE_RESTORE,
    DAILY,
    DAMAGED,
    MANUAL,
    Backup,
)


class RestoreDialog(QDialog):
    """Choose a backup; the dialog only asks, the caller restores.

    Signals:
        restore_to_file(Backup): write the chosen backup to a new project file.
        replace_project(Backup): replace the open project with it (after backing the project up).
    """

    restore_to_file = Signal(object)
    replace_project = Signal(object)

    def __init__(self, backups: Sequence[Backup], folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.backups = list(backups)
        intro = QLabel(
            self.tr(
                "lobcoder backs the project up once a day when you open it, and before every update of the "
                "file format, merge and codebook import. The backups are in {0}."
            ).format(folder)
        )
        intro.setWordWrap(True)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Reason"), self.tr("Size"), self.tr("Documents"), self.tr("Codings")]
        )
        for backup in self.backups:
            counts = backup.counts()
            when = backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
            cells = [
                when,
                self.reason_text(backup.reason),
                formatted_size(backup.size),
                "?" if counts is None else str(counts[0]),
                "?" if counts is None else str(counts[1]),
            ]
            row = []
            for column, text in enumerate(cells):
                item = QStandardItem(text)
                item.setEditable(False)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                row.append(item)
            self.model.appendRow(row)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        empty = QLabel(self.tr("There are no backups of this project yet."))
        empty.setVisible(not self.backups)
        buttons = QDialogButtonBox()
        self.to_file_button = QPushButton(self.tr("Restore to a &new file…"))
        self.replace_button = QPushButton(self.tr("&Replace the project…"))
        buttons.addButton(self.to_file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)  # last, so Tab goes left to right
        buttons.rejected.connect(self.reject)
        self.to_file_button.clicked.connect(self._to_file)
        self.replace_button.clicked.connect(self._replace)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        for widget in (intro, self.table, empty, buttons):
            layout.addWidget(widget)
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()
        self.resize(720, 380)

    def reason_text(self, reason: str) -> str:
        texts = {
            DAILY: self.tr("daily"),
            MANUAL: self.tr("made by hand"),
            BEFORE_MIGRATION: self.tr("before a file format update"),
            BEFORE_MERGE: self.tr("before a merge"),
            BEFORE_CODEBOOK_IMPORT: self.tr("before a codebook import"),
            BEFORE_RESTORE: self.tr("before a restore"),
            BEFORE_REMOVE: self.tr("before removing documents"),
            DAMAGED: self.tr("damaged state before a restore"),
        }
        return texts.get(reason, reason)

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.to_file_button.setEnabled(chosen)
        self.replace_button.setEnabled(chosen)

    @Slot()
    def _to_file(self) -> None:
        backup = self.selected()
        if backup is not None:
            self.restore_to_file.emit(backup)

    @Slot()
    def _replace(self) -> None:
        backup = self.selected()
        if backup is not None:
            self.replace_project.emit(backup)
