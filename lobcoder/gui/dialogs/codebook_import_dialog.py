"""The plan of a codebook import (.qdc), shown before anything changes."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from lobcoder.editing.codebook_import import ADDED, CONFLICTING, UNCHANGED, UPDATED, CodebookImportPlan, PlannedCode
from lobcoder.gui.dialogs.import_preview import ERROR_COLOR, MUTED_COLOR, Cell, RowsModel, table_view
from lobcoder.gui.i18n import worded
from lobcoder.i18n.said import Said
from lobcoder.services.codes import CodeInfo

ADDED_COLOR = QColor("#1b7f3b")
UPDATED_COLOR = QColor("#1f5fa8")
# The order of the rows: what changes first, then what is skipped, then the rest.
STATUS_ORDER = (ADDED, UPDATED, CONFLICTING, UNCHANGED)
PATH_SEPARATOR = " › "


class CodebookImportDialog(QDialog):
    """Lists what importing a codebook would add, update, leave alone or skip.

    The dialog only shows the plan. Accepting it (the Import button, or
    :meth:`accept` from a test) is the caller's cue to apply ``plan`` as one
    undoable action; with nothing to add or update the Import button is off.
    ``current`` (the project's codes by lower-case GUID) lets a rename or a
    new colour show its old value too.
    """

    def __init__(
        self,
        path: Path,
        plan: CodebookImportPlan,
        notes: Sequence[str | Said],
        current: Mapping[str, CodeInfo] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.plan = plan
        self.current = dict(current or {})
        self.notes = [worded(note) for note in (*notes, *plan.notes)]
        self.setWindowTitle(self.tr("Import codebook"))
        self.resize(820, 560)

        self.heading = QLabel(self._heading_html())
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.summary = QLabel(self.summary_text())
        self.summary.setWordWrap(True)

        self.model = RowsModel([self.tr("Code"), self.tr("Result"), self.tr("Details")], self)
        self.model.set_rows([self._row(code) for code in self.ordered_codes()])
        self.table = table_view(self.model, stretch=2)
        # Conflict reasons are sentences: wrap them rather than cut them off.
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(self.fontMetrics().height() + 8)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.notes_title = QLabel(self.tr("<b>Notes on the file</b>"))
        self.notes_view = QPlainTextEdit("\n".join(f"• {note}" for note in self.notes))
        self.notes_view.setReadOnly(True)
        lines = min(max(len(self.notes), 1), 5)
        self.notes_view.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)
        self.notes_title.setVisible(bool(self.notes))
        self.notes_view.setVisible(bool(self.notes))

        self.hint = QLabel(self._hint_text())
        self.hint.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)  # after Import, so Tab goes left to right
        self.import_button.setEnabled(self.changes() > 0)
        self.import_button.setDefault(self.changes() > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes_title)
        layout.addWidget(self.notes_view)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if self.changes():
            self.import_button.setFocus()
        else:
            cancel.setText(self.tr("&Close"))
            cancel.setFocus()

    def changes(self) -> int:
        """How many codes the import would add or update."""
        return len(self.plan.added) + len(self.plan.updated)

    def ordered_codes(self) -> list[PlannedCode]:
        """The plan's codes as the table lists them (by result, then in the file's order)."""
        return sorted(self.plan.codes, key=lambda code: STATUS_ORDER.index(code.status))

    def summary_text(self) -> str:
        plan = self.plan
        parts = [
            self.tr("%n new code(s)", "", len(plan.added)),
            self.tr("%n updated", "", len(plan.updated)),
            self.tr("%n unchanged", "", len(plan.unchanged)),
        ]
        if plan.conflicting:
            parts.append(self.tr("%n skipped because of a conflict", "", len(plan.conflicting)))
        return " · ".join(parts)

    def _heading_html(self) -> str:
        name = html.escape(self.path.name)
        origin = html.escape(self.plan.origin)
        codes = self.tr("%n code(s)", "", len(self.plan.codes))
        if origin:
            text = self.tr("<b>{0}</b> holds {1}, written by {2}.").format(name, codes, origin)
        else:
            text = self.tr("<b>{0}</b> holds {1}.").format(name, codes)
        return text

    def _hint_text(self) -> str:
        if self.changes() == 0:
            return self.tr("Nothing to import: the project already has every code in this file as it is.")
        return self.tr(
            "Codes are matched by their identity (GUID), then by name under the same parent. "
            "Fields the file leaves empty are kept. The import is one action: Edit → Undo takes it back."
        )

    # -- rows ------------------------------------------------------------------

    def _row(self, code: PlannedCode) -> list[Cell]:
        path = PATH_SEPARATOR.join(code.path)
        result, color, details = self._result(code)
        return [Cell(path, path), Cell(result, color=color), Cell(details, details)]

    def _result(self, code: PlannedCode) -> tuple[str, QColor, str]:
        if code.status == ADDED:
            where = self.tr("under ‘{0}’").format(code.path[-2]) if len(code.path) > 1 else self.tr("at the top level")
            return self.tr("New"), ADDED_COLOR, where
        if code.status == UPDATED:
            changes = ", ".join(self._change(code, name) for name in code.changed)
            return self.tr("Updated"), UPDATED_COLOR, self.tr("changes {0}").format(changes) + self._matched(code)
        if code.status == CONFLICTING:
            return self.tr("Skipped"), ERROR_COLOR, worded(code.reason or "")
        return self.tr("Unchanged"), MUTED_COLOR, self._matched(code).lstrip("; ")

    def _matched(self, code: PlannedCode) -> str:
        """Only a match by name is worth a word: it is how a code without our GUID was recognised."""
        return "; " + self.tr("recognised by its name") if code.matched_by == "name" else ""

    def _change(self, code: PlannedCode, name: str) -> str:
        old = self.current.get((code.target_guid or "").lower())
        new = dict(code.values).get(name, "")
        if old is not None and name == "name":
            return self.tr("the name ‘{0}’ → ‘{1}’").format(old.name, new)
        if old is not None and name == "color":
            return self.tr("the colour {0} → {1}").format(old.color, new)
        return self._field_name(name)

    def _field_name(self, name: str) -> str:
        names = {
            "name": self.tr("the name"),
            "color": self.tr("the colour"),
            "description": self.tr("the description"),
            "definition": self.tr("the definition"),
            "inclusion": self.tr("when to include"),
            "exclusion": self.tr("when to exclude"),
            "examples": self.tr("the examples"),
            "keywords": self.tr("the keywords"),
        }
        return names.get(name, name)
