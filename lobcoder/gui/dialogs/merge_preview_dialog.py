"""The preview of a merge: counts, every conflict with the choice made, the full report; Apply or Save report."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lobcoder.editing.merge_plan import MergePlan
from lobcoder.teamwork.report import issue_text, report_lines, summary_lines


class MergePreviewDialog(QDialog):
    """Shows ``plan``; nothing changes until Apply. The report is in the interface language.

    Signals:
        save_requested(): the user asked to save the report as a text file.
    """

    save_requested = Signal()

    def __init__(self, plan: MergePlan, language: str, parent: QWidget | None = None, *, changed: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge coding from another project"))
        self.plan = plan
        self.language = language
        title = self.tr("Merging {0} into this project").format(Path(plan.source).name or plan.other_name)
        heading = QLabel(f"<b>{html.escape(title)}</b>")
        heading.setToolTip(plan.source)
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        self.changed = QLabel(
            self.tr(
                "The project changed since the preview you saw, so nothing was merged. "
                "Below is the preview for the project as it is now; Apply merges this."
            )
        )
        self.changed.setWordWrap(True)
        self.changed.setStyleSheet("QLabel { background: #fff3cd; color: #5c4400; padding: 6px; }")
        self.changed.setVisible(changed)
        self.summary = QLabel("\n".join(summary_lines(plan, language)))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        conflicts = [issue_text(issue, language) for issue in plan.conflicts]
        self.conflicts_title = QLabel(
            self.tr("<b>%n conflict(s)</b>, each with the choice lobcoder made:", "", len(conflicts))
            if conflicts
            else self.tr("No conflicts: every document, code and coder matched cleanly.")
        )
        self.conflicts = QPlainTextEdit("\n".join(f"• {line}" for line in conflicts))
        self.conflicts.setReadOnly(True)
        self.conflicts.setVisible(bool(conflicts))
        self.conflicts.setMaximumHeight(self.fontMetrics().lineSpacing() * 8 + 14)
        self.report = QPlainTextEdit("\n".join(report_lines(plan, language)))
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.nothing = QLabel(self.tr("This project already has everything in that file; there is nothing to merge."))
        self.nothing.setVisible(not plan.changes_anything)
        self.undo_note = QLabel(
            self.tr("Apply makes a backup, then adds all of this as one step: Edit → Undo takes the whole merge back.")
        )
        self.undo_note.setWordWrap(True)
        self.undo_note.setVisible(plan.changes_anything)
        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setDefault(True)
        self.apply_button.setEnabled(plan.changes_anything)
        self.save_button = QPushButton(self.tr("&Save report…"))
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)  # last, so Tab goes left to right
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._save)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.changed)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflicts_title)
        layout.addWidget(self.conflicts)
        layout.addWidget(QLabel(self.tr("The whole report:")))
        layout.addWidget(self.report, 1)
        layout.addWidget(self.nothing)
        layout.addWidget(self.undo_note)
        layout.addWidget(self.buttons)
        self.resize(760, 620)

    @Slot()
    def _save(self) -> None:
        self.save_requested.emit()
