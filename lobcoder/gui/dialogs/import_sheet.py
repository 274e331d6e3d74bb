"""The import dialog's optional attribute sheet: choose it, set its columns, preview its plan.

The preview is planned against the documents already in the project; rows
naming files that are about to be imported only match after the import, so
the dialog plans the sheet again after the files and applies it then.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from lobcoder.errors import LobcoderError
from lobcoder.gui.dialogs.import_preview import ERROR_COLOR, MUTED_COLOR
from lobcoder.gui.failures import error_text
from lobcoder.gui.i18n import worded
from lobcoder.gui.workers import Worker
from lobcoder.participants.apply import apply_plan
from lobcoder.participants.plan import plan_sheet
from lobcoder.participants.plan_model import ApplyResult, Key, SheetPlan
from lobcoder.participants.sheets import read_sheet
from lobcoder.storage.project import ProjectStore


@dataclass(frozen=True)
class SheetOptions:
    """How to read an attribute sheet; None fields are detected by :func:`plan_sheet`."""

    path: Path
    key: Key | None = None
    key_column: str | None = None
    participant_column: str | None = None
    participant_attributes: tuple[str, ...] = ()
    create_participants: bool = False


@dataclass(frozen=True)
class SheetPreview:
    """A planned sheet (or why it cannot be planned) for the options it was planned with."""

    options: SheetOptions
    header: tuple[str, ...] = ()
    plan: SheetPlan | None = None
    error: str | None = None


def plan_with(session: Session, options: SheetOptions) -> SheetPlan:
    return plan_sheet(
        session,
        options.path,
        key_column=options.key_column,
        key=options.key,
        participant_column=options.participant_column,
        participant_attributes=options.participant_attributes,
        create_participants=options.create_participants,
    )


def preview_sheet(store: ProjectStore, options: SheetOptions) -> SheetPreview:
    """The sheet's header and its plan against the project as it is (changes nothing)."""
    try:
        header = read_sheet(options.path).header
        with store.read() as session:
            return SheetPreview(options, header, plan_with(session, options))
    except LobcoderError as exc:
        return SheetPreview(options, error=error_text(exc))


def apply_sheet(store: ProjectStore, options: SheetOptions) -> tuple[SheetPlan, ApplyResult]:
    """Plan the sheet against the project now and apply it, in one transaction."""
    with store.transaction() as session:
        plan = plan_with(session, options)
        return plan, apply_plan(session, plan)


def _stem(name: str) -> str:
    return Path(name).stem.casefold() if Path(name).suffix else name.casefold()


class SheetPanel(QWidget):
    """Choose a CSV/XLSX sheet and see what it would change.

    Signals:
        changed(): a sheet was chosen or removed, or its options changed.
        planned(): a preview plan (or its error) is shown.
    """

    changed = Signal()
    planned = Signal()

    def __init__(self, store: ProjectStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.path: Path | None = None
        self.preview: SheetPreview | None = None
        self.error: str | None = None
        self.start_folder = ""
        self._pending: set[str] = set()
        self._requested: SheetOptions | None = None
        self._chosen_attributes: set[str] = set()
        self._filling = False

        self.file_label = QLabel(self.tr("No sheet: documents get no attributes."))
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose s&heet…"))
        self.remove_button = QPushButton(self.tr("Remo&ve"))
        self.choose_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self.clear)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        top.addWidget(self.remove_button)

        self.key = QComboBox()
        self.key.addItem(self.tr("Detect automatically"), None)
        self.key.addItem(self.tr("Documents"), "document")
        self.key.addItem(self.tr("Participants"), "participant")
        self.key_column = QComboBox()
        self.participant_column = QComboBox()
        self.attributes = QStandardItemModel(self)
        self.attribute_list = QListView()
        self.attribute_list.setModel(self.attributes)
        self.attribute_list.setMaximumHeight(4 * self.attribute_list.fontMetrics().height() + 8)
        self.attribute_list.setToolTip(self.tr("Columns that describe the participant rather than the interview"))
        self.create_participants = QCheckBox(self.tr("&Create participants for names that match none"))
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.summary.setMinimumHeight(6 * self.summary.fontMetrics().lineSpacing())
        self.note = QLabel(
            self.tr(
                "Rows for files being imported will match after the import: the sheet is planned again and applied after the files."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {MUTED_COLOR.name()};")

        self.options_box = QWidget()
        form = QFormLayout(self.options_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Ro&ws describe:"), self.key)
        form.addRow(self.tr("&Key column:"), self.key_column)
        form.addRow(self.tr("&Participant column:"), self.participant_column)
        form.addRow(self.tr("Participant &attributes:"), self.attribute_list)
        form.addRow(self.create_participants)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.options_box)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.note)
        layout.addStretch()  # keeps the rows at the top while there is no sheet

        for combo in (self.key, self.key_column, self.participant_column):
            combo.activated.connect(self._replan)
        self.create_participants.toggled.connect(self._replan)
        self.attributes.itemChanged.connect(self._attribute_toggled)
        self._show_state()

    # -- state --------------------------------------------------------------

    def options(self) -> SheetOptions | None:
        """The sheet to apply after the import, None without one."""
        if self.path is None:
            return None
        if self.preview is None:
            return SheetOptions(self.path, create_participants=self.create_participants.isChecked())
        participant = self.participant_column.currentData()
        return SheetOptions(
            self.path,
            key=self.key.currentData(),
            key_column=self.key_column.currentText() or None,
            participant_column=participant,
            participant_attributes=tuple(sorted(self._chosen_attributes)),
            create_participants=self.create_participants.isChecked(),
        )

    def set_sheet(self, path: str | Path) -> None:
        self.path = Path(path)
        self.preview = None
        self.error = None
        self._chosen_attributes.clear()
        self.key.setCurrentIndex(0)
        self._start_plan(SheetOptions(self.path, create_participants=self.create_participants.isChecked()))
        self.changed.emit()

    @Slot()
    def clear(self) -> None:
        self.path = None
        self._requested = None
        self.preview = None
        self.error = None
        self._show_state()
        self.changed.emit()

    def set_pending_names(self, names: Iterable[str]) -> None:
        """File names about to be imported: unmatched rows naming them are expected."""
        self._pending = {_stem(n) for n in names}
        self._show_state()

    # -- planning -----------------------------------------------------------

    @Slot()
    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose an attribute sheet"), self.start_folder, self.tr("Sheets (*.csv *.xlsx *.xlsm)")
        )
        if path:
            self.set_sheet(path)

    @Slot()
    def _replan(self) -> None:
        options = self.options()
        if options is not None:
            self._start_plan(options)
            self.changed.emit()

    @Slot(QStandardItem)
    def _attribute_toggled(self, item: QStandardItem) -> None:
        if self._filling:
            return
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen_attributes.add(item.text())
        else:
            self._chosen_attributes.discard(item.text())
        self._replan()

    def _start_plan(self, options: SheetOptions) -> None:
        store = self.store
        self._requested = options
        worker = Worker(lambda _progress, _cancelled: preview_sheet(store, options))
        worker.signals.finished.connect(self._planned)
        worker.signals.failed.connect(self._plan_failed)
        self.summary.setStyleSheet("")
        self.summary.setPlainText(self.tr("Reading the sheet…"))
        worker.start(owner=self)

    def is_planning(self) -> bool:
        return self._requested is not None

    @Slot(object)
    def _planned(self, preview: SheetPreview) -> None:
        if preview.options != self._requested:
            return  # an older plan, overtaken by a newer request
        self._requested = None
        if preview.plan is None:
            self.preview, self.error = None, preview.error
        else:
            self.preview, self.error = preview, None
            self._fill_options(preview)
        self._show_state()
        self.planned.emit()

    @Slot(str)
    def _plan_failed(self, message: str) -> None:
        self._requested = None
        self.preview, self.error = None, message
        self._show_state()
        self.planned.emit()

    def _fill_options(self, preview: SheetPreview) -> None:
        plan = preview.plan
        assert plan is not None
        self.key_column.clear()
        self.key_column.addItems(list(preview.header))
        self.key_column.setCurrentText(plan.key_column)
        self.participant_column.clear()
        self.participant_column.addItem(self.tr("(none)"), None)
        for header in preview.header:
            self.participant_column.addItem(header, header)
        self.participant_column.setCurrentIndex(max(0, self.participant_column.findData(plan.participant_column)))
        self._filling = True
        self.attributes.clear()
        for header in preview.header:
            if header in (plan.key_column, plan.participant_column):
                continue
            item = QStandardItem(header)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if header in self._chosen_attributes else Qt.CheckState.Unchecked)
            self.attributes.appendRow(item)
        self._filling = False
        by_document = plan.key == "document"
        self.participant_column.setEnabled(by_document)
        self.attribute_list.setEnabled(by_document)
        self.create_participants.setEnabled(not by_document)

    def _show_state(self) -> None:
        has_sheet = self.path is not None
        self.remove_button.setEnabled(has_sheet)
        self.options_box.setVisible(has_sheet and self.preview is not None)
        self.summary.setVisible(has_sheet)
        self.note.setVisible(has_sheet)
        if not has_sheet:
            self.file_label.setText(self.tr("No sheet: documents get no attributes."))
            return
        assert self.path is not None
        self.file_label.setText(self.tr("Sheet: {0}").format(self.path.name))
        self.file_label.setToolTip(str(self.path))
        if self.error is not None:
            self.summary.setPlainText(self.tr("The sheet cannot be used: {0}").format(self.error))
            self.summary.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        elif self.preview is not None and self.preview.plan is not None:
            self.summary.setStyleSheet("")
            self.summary.setPlainText("\n".join(self.summary_lines(self.preview.plan)))

    # -- wording ---------------------------------------------------------------

    def summary_lines(self, plan: SheetPlan) -> list[str]:
        """The plan in the user's language, most important first."""
        if plan.key == "document":
            lines = [self.tr("Each row describes a document, named in column ‘{0}’.").format(plan.key_column)]
            if plan.participant_column:
                lines.append(self.tr("Each document's participant: column ‘{0}’.").format(plan.participant_column))
        else:
            lines = [self.tr("Each row describes a participant, named in column ‘{0}’.").format(plan.key_column)]
        lines.append(
            self.tr("Rows: {0} matched, {1} unmatched, {2} ambiguous.").format(
                len(plan.matched), len(plan.unmatched), len(plan.ambiguous)
            )
        )
        lines.append(
            self.tr("Values: {0} to add, {1} to change, {2} unchanged.").format(
                plan.added, plan.changed, plan.unchanged
            )
        )
        if plan.new_participants:
            lines.append(self.tr("New participants: {0}").format(", ".join(plan.new_participants)))
        expected = [u for u in plan.unmatched if plan.key == "document" and _stem(u.key_value) in self._pending]
        if expected:
            lines.append(
                self.tr(
                    "%n unmatched row(s) name files about to be imported; they will match after the import.",
                    "",
                    len(expected),
                )
            )
        for u in plan.unmatched:
            if u in expected:
                continue
            if plan.key == "document":
                lines.append(self.tr("Row {0}: ‘{1}’ matches no document.").format(u.row, u.key_value))
            else:
                lines.append(self.tr("Row {0}: ‘{1}’ matches no participant.").format(u.row, u.key_value))
        for a in plan.ambiguous:
            lines.append(
                self.tr("Row {0}: ‘{1}’ is ambiguous ({2}).").format(a.row, a.key_value, ", ".join(a.candidates))
            )
        for p in plan.problems:
            reason = worded(p.wording)
            lines.append(self.tr("Row {0}, column ‘{1}’: ‘{2}’ {3}.").format(p.row, p.column, p.value, reason))
        for k in plan.conflicts:
            rows = ", ".join(str(row) for row, _text in k.values)
            lines.append(
                self.tr("‘{0}’, column ‘{1}’: rows {2} give different values; none is applied.").format(
                    k.owner.name, k.column, rows
                )
            )
        return lines

    def result_lines(self, result: ApplyResult) -> list[str]:
        """What applying the sheet did, worded for the results view."""
        lines = [
            self.tr("Attribute values: {0} added, {1} changed, {2} unchanged.").format(
                result.added, result.changed, result.unchanged
            )
        ]
        if result.attributes_created:
            lines.append(self.tr("New attributes: {0}").format(", ".join(result.attributes_created)))
        if result.participants_created:
            lines.append(self.tr("New participants: {0}").format(", ".join(result.participants_created)))
        if result.links_set:
            lines.append(self.tr("%n document(s) linked to a participant.", "", result.links_set))
        return lines
