"""The pane for the selected coding: code, coder, quoted text and its memo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lobcoder.gui.flow_layout import FlowLayout
from lobcoder.services.codings import CodingView


class CodingPane(QWidget):
    """Shows one coding; edits go out as signals, the window runs the commands.

    Signals:
        memoEdited(str, str): coding GUID and the new memo text (on leaving the editor).
        removeRequested(str): coding GUID.
        recodeRequested(str): coding GUID (the window asks which code).
        fitToSelectionRequested(str): coding GUID (set its span to the text selection).
    """

    memoEdited = Signal(str, str)
    removeRequested = Signal(str)
    recodeRequested = Signal(str)
    fitToSelectionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._coding: CodingView | None = None
        self._saved_memo = ""
        self.code_label = QLabel()
        self.code_label.setTextFormat(Qt.TextFormat.RichText)
        self.coder_label = QLabel()
        self.position_label = QLabel()
        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.memo = QPlainTextEdit()
        self.memo.setPlaceholderText(self.tr("Memo on this coding"))
        self.memo.setMaximumHeight(110)
        self.memo.installEventFilter(self)
        self.remove = QPushButton(self.tr("&Remove"))
        self.recode = QPushButton(self.tr("&Change code…"))
        self.fit = QPushButton(self.tr("Fit to se&lection"))
        self.fit.setToolTip(self.tr("Set this coding's boundaries to the selected text"))
        self.remove.clicked.connect(lambda: self._emit(self.removeRequested))
        self.recode.clicked.connect(lambda: self._emit(self.recodeRequested))
        self.fit.clicked.connect(lambda: self._emit(self.fitToSelectionRequested))
        self.empty = QLabel(self.tr("Click a coded passage or a bracket in the margin to see its coding."))
        self.empty.setWordWrap(True)
        palette = self.empty.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#777777"))
        self.empty.setPalette(palette)
        form = QFormLayout()
        form.addRow(self.tr("Code:"), self.code_label)
        form.addRow(self.tr("Coder:"), self.coder_label)
        form.addRow(self.tr("Position:"), self.position_label)
        buttons = FlowLayout()  # wraps in a narrow pane rather than squeezing the transcript
        for button in (self.recode, self.fit, self.remove):
            buttons.addWidget(button)
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(form)
        details.addWidget(self.quote)
        details.addWidget(self.memo)
        details.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.show_coding(None)

    @property
    def coding(self) -> CodingView | None:
        return self._coding

    def show_coding(
        self, coding: CodingView | None, code_name: str = "", color: str = "#777777", quote: str = ""
    ) -> None:
        self.commit_memo()
        self._coding = coding
        self.details.setVisible(coding is not None)
        self.empty.setVisible(coding is None)
        if coding is None:
            return
        self.code_label.setText(f'<span style="color:{color}">■</span> {code_name}')
        self.coder_label.setText(coding.coder or self.tr("unknown"))
        self.position_label.setText(f"{coding.start}–{coding.end}")
        shown = quote if len(quote) <= 600 else quote[:600] + "…"
        self.quote.setText(f"“{shown}”")
        self._saved_memo = coding.memo
        self.memo.setPlainText(coding.memo)

    def commit_memo(self) -> None:
        """Send the memo if it changed (called when the editor loses focus)."""
        if self._coding is not None and self.memo.toPlainText() != self._saved_memo:
            self._saved_memo = self.memo.toPlainText()
            self.memoEdited.emit(self._coding.guid, self._saved_memo)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.memo and event.type() == event.Type.FocusOut:
            self.commit_memo()
        return super().eventFilter(watched, event)

    @Slot()
    def _emit(self, signal) -> None:
        if self._coding is not None:
            signal.emit(self._coding.guid)
