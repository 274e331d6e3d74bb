"""The disagreement browser: every unit where two coders differ, both codings side by side, and resolving it."""

from __future__ import annotations

import colorsys
import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lobcoder.agreement.disagreements import Disagreement, Span
from lobcoder.analysis.unit_codings import CodedSpan, Place
from lobcoder.editing.resolve_commands import Choice
from lobcoder.gui.analysis.tab import table_view

Index = QModelIndex | QPersistentModelIndex
CONTEXT = 160  # characters of context around a unit, widened to whole lines
ANCHOR = "unit"
HIGHLIGHT = "#ffd866"
NEUTRAL = "#a0a0a0"
NEAR_HUE = 18  # degrees: a code whose colour is this close to the highlight's hue is tinted grey behind text
SNIPPET = 90
CODER_COLUMN = 130  # pixels at most for a coder's column of the list (the pane above the passage names every code)
Others = Mapping[Place, tuple[tuple[CodedSpan, ...], ...]]


_MARK_HUE = colorsys.rgb_to_hsv(*(int(HIGHLIGHT[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]  # 0..1


def tint(color: str, share: float = 0.35) -> str:
    """A light version of a code's colour (mixed with white) to mark text without hiding it."""
    value = color.lstrip("#")
    if len(value) != 6 or any(c not in "0123456789abcdefABCDEF" for c in value):
        value = "a0a0a0"
    mixed = (round(255 - (255 - int(value[i : i + 2], 16)) * share) for i in (0, 2, 4))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def text_tint(color: str) -> str:
    """The tint behind text another code covers; grey for a yellow or orange code, which would pass for the disputed mark."""
    value = tint(color, 1.0).lstrip("#")
    hue, saturation, _ = colorsys.rgb_to_hsv(*(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)))
    distance = min(abs(hue - _MARK_HUE), 1 - abs(hue - _MARK_HUE)) * 360
    return tint(NEUTRAL) if saturation > 0.25 and distance < NEAR_HUE else tint(color)


def other_codes(item: Disagreement, spans: Sequence[CodedSpan]) -> list[CodedSpan]:
    """A coder's codings over the unit (``codings_over`` gives only overlapping ones) with another code."""
    return [span for span in spans if span.code_id != item.code_id]


def passage_html(text: str, start: int, end: int, codings: Sequence[Span], others: Sequence[CodedSpan] = ()) -> str:
    """The unit in its lines of context: the coder's codings highlighted, the unit in bold.

    ``others`` are the coder's codings with other codes: shown in a light tint of
    their code's colour (grey for a yellow or orange code, :func:`text_tint`),
    in italics, with the code's name after them; where they
    lie on the coder's codings of the disputed code, in italics only, so the
    disputed code's mark shows.
    """
    begin = text.rfind("\n", 0, max(0, start - CONTEXT)) + 1 if start > CONTEXT else 0
    stop = text.find("\n", min(len(text), end + CONTEXT))
    stop = len(text) if stop < 0 else stop
    every = [(start, end), *codings, *((o.start, o.end) for o in others)]
    cuts = sorted({begin, stop, *(min(max(p, begin), stop) for s, e in every for p in (s, e))})
    parts = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        piece = html.escape(text[left:right]).replace("\n", "<br>")
        other = next((o for o in others if o.start <= left and right <= o.end), None)
        disputed = any(s <= left and right <= e for s, e in codings)
        if other is not None:  # over the disputed code's words, another code's tint would hide its mark
            piece = (
                f"<i>{piece}</i>"
                if disputed
                else f'<i><span style="background-color:{text_tint(other.color)}">{piece}</span></i>'
            )
        if disputed:
            piece = f'<span style="background-color:{HIGHLIGHT}">{piece}</span>'
        if start <= left and right <= end:
            piece = f"<b><u>{piece}</u></b>"
        if left == start:
            piece = f'<a name="{ANCHOR}"></a>{piece}'
        parts.append(piece)
        for o in others:
            if o.end == right and begin < right <= stop:
                parts.append(code_tag(o))
    prefix = "… " if begin > 0 else ""
    suffix = " …" if stop < len(text) else ""
    return prefix + "".join(parts) + suffix


def code_tag(span: CodedSpan) -> str:
    """The name of a code in a small box of its colour, as placed after a coding."""
    name = html.escape(span.code)
    return f'<span style="background-color:{tint(span.color, 0.6)}; font-size:small"><i>&nbsp;[{name}]&nbsp;</i></span>'


class DisagreementModel(QAbstractTableModel):
    """One row per disagreement: document, code, the unit's text, and whether each coder coded there."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[Disagreement] = []
        self.texts: dict[int, str] = {}
        self.coders: tuple[str, str] = ("A", "B")
        self.others: Others = {}

    def set_items(
        self, items: Sequence[Disagreement], texts: dict[int, str], coders: tuple[str, str], others: Others
    ) -> None:
        self.beginResetModel()
        self.items, self.texts, self.coders, self.others = list(items), texts, coders, others
        self.endResetModel()

    def other_codes(self, item: Disagreement, coder: int) -> list[CodedSpan]:
        """What coder 0 (A) or 1 (B) coded over the item's unit with codes other than the disputed one."""
        spans = self.others.get((item.document_id, item.start, item.end), ((), ()))
        return other_codes(item, spans[coder]) if coder < len(spans) else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Document"), self.tr("Code"), self.coders[0], self.coders[1], self.tr("Passage"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.document
            if column == 1:
                return item.code
            if column in (2, 3):
                if item.first if column == 2 else item.second:
                    return "✓"
                names = dict.fromkeys(span.code for span in self.other_codes(item, column - 2))
                return "– " + ", ".join(names) if names else "–"
            text = self.texts.get(item.document_id, "")[item.start : item.end]
            text = " ".join(text.split())
            return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 3) and self.other_codes(item, column - 2):
            return self.tr("{0} coded this passage with another code").format(self.coders[column - 2])
        return None


class DisagreementBrowser(QWidget):
    """The list of disagreements over two passages (coder A's codings, coder B's) and the resolve buttons.

    Signals:
        resolve(Disagreement, str, str): resolve a disagreement with a choice ("first", "second",
            "both", "neither") and the consensus coder's name ("" for none).
        recode(Disagreement, int, str): put the code with this id in place of the disputed one,
            with the consensus coder's name ("" for none).
        showPassage(int, int, int): show (document id, start, end) in the main window.
    """

    resolve = Signal(object, str, str)
    recode = Signal(object, int, str)
    showPassage = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DisagreementModel(self)
        self.list = table_view()
        self.list.setModel(self.model)
        self.list.setToolTip(self.tr("Double-click or press Enter to show the passage in its document"))
        self.list.activated.connect(self._activated)
        self.list.selectionModel().currentRowChanged.connect(self._show_current)
        self.count = QLabel()
        self.first_label, self.second_label = QLabel(), QLabel()
        self.first_text, self.second_text = QTextBrowser(), QTextBrowser()
        for view in (self.first_text, self.second_text):
            view.setOpenLinks(False)
        passages = QGridLayout()
        passages.addWidget(self.first_label, 0, 0)
        passages.addWidget(self.second_label, 0, 1)
        passages.addWidget(self.first_text, 1, 0)
        passages.addWidget(self.second_text, 1, 1)
        self.keep_first = QPushButton()
        self.keep_second = QPushButton()
        self.keep_both = QPushButton(self.tr("Keep &both"))
        self.keep_neither = QPushButton(self.tr("&Neither"))
        self.show_button = QPushButton(self.tr("&Show in document"))
        self.recode_button = QPushButton(self.tr("R&ecode as"))
        self.recode_button.setToolTip(
            self.tr("Take the disputed code off this passage and code it with the chosen code instead")
        )
        self.recode_code = QComboBox()
        self.recode_code.setMinimumWidth(160)
        self.recode_code.currentIndexChanged.connect(lambda _index: self._enable())
        self.recode_button.clicked.connect(self._recode)
        self.consensus = QCheckBox(self.tr("Record under consensus coder:"))
        self.consensus.setToolTip(
            self.tr(
                "Write the decision to this coder only and leave both coders' codings (and the figures) as they are"
            )
        )
        self.consensus_name = QLineEdit(self.tr("Consensus"))
        self.consensus_name.setMinimumWidth(140)
        self.consensus_name.setMaximumWidth(220)
        buttons = QHBoxLayout()
        for button, choice in (
            (self.keep_first, "first"),
            (self.keep_second, "second"),
            (self.keep_both, "both"),
            (self.keep_neither, "neither"),
        ):
            button.clicked.connect(lambda _checked=False, choice=choice: self._resolve(choice))
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_button)
        recode = QHBoxLayout()
        recode.addWidget(self.recode_button)
        recode.addWidget(self.recode_code)
        recode.addStretch(1)
        consensus = QHBoxLayout()
        consensus.addWidget(self.consensus)
        consensus.addWidget(self.consensus_name)
        consensus.addStretch(1)
        self.show_button.clicked.connect(lambda: self._activated(self.list.currentIndex()))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(passages, 1)
        right_layout.addLayout(buttons)
        right_layout.addLayout(recode)
        right_layout.addLayout(consensus)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.count)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.set_disagreements([], {}, ("A", "B"))

    def set_disagreements(
        self,
        items: Sequence[Disagreement],
        texts: dict[int, str],
        coders: tuple[str, str],
        others: Others | None = None,
    ) -> None:
        """Show a new list, keeping the selected row's place so that resolving moves on to the next one.

        ``others`` holds, by (document id, start, end) of a unit, both coders'
        codings over it (every code), so that each pane can show what the coder
        coded there instead of the disputed code.
        """
        row = max(self.list.currentIndex().row(), 0)
        self.model.set_items(items, texts, coders, others or {})
        self.keep_first.setText(self.tr("Keep {0}").format(coders[0]))
        self.keep_second.setText(self.tr("Keep {0}").format(coders[1]))
        self.first_label.setText(self.tr("Coded by {0}").format(coders[0]))
        self.second_label.setText(self.tr("Coded by {0}").format(coders[1]))
        self.count.setText(self.tr("%n disagreement(s)", "", len(items)))
        if items:
            self.list.setCurrentIndex(self.model.index(min(row, len(items) - 1), 0))
            self.list.resizeColumnsToContents()
            for column in (2, 3):  # "– other code, …" must not push the coders' names and the passage out of sight
                self.list.setColumnWidth(column, min(self.list.columnWidth(column), CODER_COLUMN))
        self._show_current(self.list.currentIndex(), QModelIndex())

    def set_codes(self, codes: Sequence[tuple[int, str, int]]) -> None:
        """Offer these codes (id, name, depth in the tree) to recode to; keep the chosen one if it is still there."""
        chosen = self.recode_code.currentData()
        self.recode_code.blockSignals(True)
        self.recode_code.clear()
        for code_id, name, depth in codes:
            self.recode_code.addItem("    " * depth + name, code_id)
        self.recode_code.setCurrentIndex(max(self.recode_code.findData(chosen), 0))
        self.recode_code.blockSignals(False)
        self._enable()

    def current(self) -> Disagreement | None:
        row = self.list.currentIndex().row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    @Slot(QModelIndex, QModelIndex)
    def _show_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.current()
        for button in (self.keep_first, self.keep_second, self.keep_both, self.keep_neither, self.show_button):
            button.setEnabled(item is not None)
        self._enable()
        if item is None:
            self.first_text.clear()
            self.second_text.clear()
            return
        text = self.model.texts.get(item.document_id, "")
        for coder, (view, codings) in enumerate(((self.first_text, item.first), (self.second_text, item.second))):
            others = self.model.other_codes(item, coder)
            view.setHtml(
                self._summary(item, bool(codings), others) + passage_html(text, item.start, item.end, codings, others)
            )
            view.scrollToAnchor(ANCHOR)

    def _summary(self, item: Disagreement, coded: bool, others: Sequence[CodedSpan]) -> str:
        """A line above a pane: whether the coder applied the disputed code here, and which other codes."""
        disputed = f'<span style="background-color:{HIGHLIGHT}"><b>{html.escape(item.code)}</b></span>'
        line = (self.tr("{0}: coded here") if coded else self.tr("{0}: not coded here")).format(disputed)
        if others:
            tags = " ".join(code_tag(span) for span in {span.code_id: span for span in others}.values())
            line += "<br>" + self.tr("Other codes here: {0}").format(tags)
        return f"<p>{line}</p><hr>"

    def _enable(self) -> None:
        """Recoding needs a disagreement and another code than the disputed one."""
        item, code = self.current(), self.recode_code.currentData()
        self.recode_button.setEnabled(item is not None and code is not None and code != item.code_id)

    def _consensus(self) -> str:
        return self.consensus_name.text().strip() if self.consensus.isChecked() else ""

    def _resolve(self, choice: Choice) -> None:
        item = self.current()
        if item is not None:
            consensus = self._consensus()
            self.resolve.emit(item, choice, consensus)
            self._move_on(consensus)

    def _recode(self) -> None:
        item, code = self.current(), self.recode_code.currentData()
        if item is not None and code is not None and code != item.code_id:
            consensus = self._consensus()
            self.recode.emit(item, int(code), consensus)
            self._move_on(consensus)

    def _move_on(self, consensus: str) -> None:
        """After a decision, show the next disagreement.

        Without a consensus coder the decided one leaves the list and the row
        kept by :meth:`set_disagreements` is already the next; under a
        consensus coder the list stays the same, so move down one row.
        """
        row = self.list.currentIndex().row()
        if consensus and 0 <= row < len(self.model.items) - 1:
            self.list.setCurrentIndex(self.model.index(row + 1, 0))

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.model.items):
            item = self.model.items[index.row()]
            self.showPassage.emit(item.document_id, item.start, item.end)
