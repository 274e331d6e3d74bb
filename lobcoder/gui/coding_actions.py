"""Coding the transcript: apply, quick-code, pinned keys, in vivo, snap, remove, recode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMessageBox

from lobcoder.editing.base import Macro
from lobcoder.editing.code_commands import CreateCode
from lobcoder.editing.coding_commands import ChangeCodingCode, RemoveCodings, ResizeCoding, SetMemo, apply_code
from lobcoder.gui.quick_code import QuickCodePicker
from lobcoder.search.fulltext import SearchHit
from lobcoder.services.codings import CodingView
from lobcoder.text.snapping import snap_to_sentence, snap_to_turn, snap_to_words, trim

if TYPE_CHECKING:
    from lobcoder.gui.main_window import MainWindow

IN_VIVO_MAX = 60


class CodingActions(QObject):
    """Turns the user's gestures on text into coding commands on the undo stack."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.codings: list[CodingView] = []
        self.current: CodingView | None = None
        view = window.transcript
        view.codingActivated.connect(self.show_coding_by_id)
        view.codingBoundsDragged.connect(self._bounds_dragged)
        window.code_tree.doubleClicked.connect(lambda _index: self.apply_current_code())
        # Queued: the first coding may ask for the coder's name, and a modal
        # dialog must not open inside dropEvent while the drag is still running.
        window.code_model.spanDropped.connect(self._span_dropped, Qt.ConnectionType.QueuedConnection)
        pane = window.coding_pane
        pane.memoEdited.connect(self._memo_edited)
        pane.removeRequested.connect(self.remove_coding)
        pane.recodeRequested.connect(self.recode)
        pane.fitToSelectionRequested.connect(self.fit_to_selection)
        window.search_panel.codeAllRequested.connect(self.code_search_hits)

    # -- helpers ----------------------------------------------------------

    def _coder(self) -> str | None:
        """The name for new codings; asks the first time (None: she cancelled, nothing is coded)."""
        return self.window.coder_prompt.coder()

    def _selection(self) -> tuple[int, int] | None:
        if self.window.document is None:
            return None
        span = self.window.transcript.selection()
        if span is None:
            return None
        start, end = trim(self.window.document.text, *span)
        return (start, end) if start < end else None

    def _code_guid(self, code_id: int) -> str:
        return self.window.codes_by_id[code_id].guid

    def _run(self, command) -> bool:
        stack = self.window.undo_stack
        return bool(stack and stack.execute(command))

    # -- applying codes ----------------------------------------------------

    def apply_code(self, code_id: int, span: tuple[int, int] | None = None) -> bool:
        """Code the selection (or ``span``) of the open document with ``code_id``."""
        document = self.window.document
        span = span or self._selection()
        if document is None or span is None or code_id not in self.window.codes_by_id:
            self.window.statusBar().showMessage(self.tr("Select some text first, then choose a code."), 4000)
            return False
        code = self.window.codes_by_id[code_id]
        coder = self._coder()
        if coder is None or not self._run(apply_code(document.id, code.guid, [span], coder, code.name)):
            return False
        self._show_code(code_id)
        return True

    def _show_code(self, code_id: int) -> None:
        """Select the code just applied when the transcript would otherwise hide its new coding.

        Unless all codes are shown, the transcript highlights only the selected
        code: coding with a key, Ctrl+K or a drop would give no visible sign.
        """
        window, current = self.window, self.window.current_code_id()
        hidden = not window.menu_actions.show_all_codes.isChecked() and current not in (None, code_id)
        if hidden:
            window.select_code(code_id)

    @Slot()
    def apply_current_code(self) -> None:
        code_id = self.window.current_code_id()
        if code_id is not None:
            self.apply_code(code_id)

    @Slot(int, int, int, int)
    def _span_dropped(self, code_id: int, document_id: int, start: int, end: int) -> None:
        if self.window.document is not None and document_id == self.window.document.id:
            self.apply_code(code_id, (start, end))

    @Slot()
    def quick_code(self) -> None:
        if self._selection() is None:
            self.window.statusBar().showMessage(self.tr("Select some text first, then choose a code."), 4000)
            return
        picker = QuickCodePicker(list(self.window.codes_by_id.values()), self.window)
        picker.move(self.window.mapToGlobal(self.window.rect().center()) - picker.rect().center())
        if picker.exec() and picker.chosen_code is not None:
            self.apply_code(picker.chosen_code)

    def pinned_codes(self) -> list[int]:
        """Codes on keys 1-9: the pinned ones, else the first nine codable ones (without sub-codes) in the tree.

        A theme with sub-codes is a heading, not something to code with, so it gets no key by default.
        """
        if self.window.store is None:
            return []
        by_guid = {c.guid.lower(): c.id for c in self.window.codes_by_id.values()}
        pinned = [
            by_guid[g.lower()]
            for g in self.window.settings.pinned_codes(str(self.window.store.path))
            if g.lower() in by_guid
        ]
        if pinned:
            return pinned[:9]
        ordered = self.window.overview.codes if self.window.overview else []
        parents = {c.parent_id for c in ordered}
        return [c.id for c in ordered if c.id not in parents][:9]

    def apply_pinned(self, number: int) -> None:
        pinned = self.pinned_codes()
        if 1 <= number <= len(pinned):
            self.apply_code(pinned[number - 1])

    def pin_current_code(self, number: int) -> None:
        code_id = self.window.current_code_id()
        if code_id is None or self.window.store is None:
            return
        path = str(self.window.store.path)
        guids = [self.window.codes_by_id[c].guid for c in self.pinned_codes()]
        guid = self._code_guid(code_id)
        guids = [g for g in guids if g != guid]
        guids.insert(min(number - 1, len(guids)), guid)
        self.window.settings.set_pinned_codes(path, guids[:9])

    @Slot()
    def in_vivo(self) -> None:
        """A new code named after the selected words, applied to them (one undo step)."""
        document, span = self.window.document, self._selection()
        if document is None or span is None:
            self.window.statusBar().showMessage(self.tr("Select the words to use as a code name."), 4000)
            return
        name = " ".join(document.text[span[0] : span[1]].split())
        if len(name) > IN_VIVO_MAX:
            name = name[: IN_VIVO_MAX - 1].rstrip() + "…"
        coder = self._coder()
        if coder is None:
            return
        create = CreateCode(name)
        command = Macro([create, apply_code(document.id, create.guid, [span], coder)], "in_vivo", {"code": name})
        if self._run(command) and (created := self.window.code_id_for_guid(create.guid)) is not None:
            self.window.select_code(created)  # selected, so F2 renames it

    # -- snapping ------------------------------------------------------------

    def snap(self, unit: str) -> None:
        document, span = self.window.document, self.window.transcript.selection()
        if document is None or span is None:
            return
        if unit == "words":
            start, end = snap_to_words(document.text, *span)
        elif unit == "sentence":
            start, end = snap_to_sentence(document.text, *span, turns=document.turns)
        else:
            start, end = snap_to_turn(document.text, document.turns, *span)
        self.window.transcript.select_span(start, end)

    # -- the selected coding --------------------------------------------------

    @Slot(int)
    def show_coding_by_id(self, coding_id: int) -> None:
        found = next((c for c in self.codings if c.id == coding_id), None)
        self.current = found
        self.refresh_pane()

    def refresh_pane(self) -> None:
        """Show the current coding again (after a change it may have a new id)."""
        if self.current is not None:
            self.current = next((c for c in self.codings if c.guid == self.current.guid), None)
        coding, document = self.current, self.window.document
        if coding is None or document is None:
            self.window.coding_pane.show_coding(None)
            return
        code = self.window.codes_by_id.get(coding.code_id)
        self.window.coding_pane.show_coding(
            coding,
            code.name if code else "",
            code.color if code else "#777777",
            document.text[coding.start : coding.end],
        )

    @Slot(str, str)
    def _memo_edited(self, guid: str, text: str) -> None:
        self._run(SetMemo("coding", guid, text))

    @Slot(str)
    def remove_coding(self, guid: str) -> None:
        self._run(RemoveCodings([guid]))

    @Slot()
    def remove_selected_coding(self) -> None:
        if self.current is not None:
            self.remove_coding(self.current.guid)

    @Slot(str)
    def recode(self, guid: str) -> None:
        picker = QuickCodePicker(list(self.window.codes_by_id.values()), self.window)
        picker.setWindowTitle(self.tr("Change code"))
        if picker.exec() and picker.chosen_code is not None:
            self._run(ChangeCodingCode(guid, self._code_guid(picker.chosen_code)))

    @Slot(str)
    def fit_to_selection(self, guid: str) -> None:
        span = self._selection()
        if span is None:
            QMessageBox.information(self.window, self.tr("Fit to selection"), self.tr("Select the new text first."))
            return
        self._run(ResizeCoding(guid, *span))

    @Slot(int, int, int)
    def _bounds_dragged(self, coding_id: int, start: int, end: int) -> None:
        coding = next((c for c in self.codings if c.id == coding_id), None)
        if coding is not None and start < end:
            self._run(ResizeCoding(coding.guid, start, end))

    # -- search hits ----------------------------------------------------------

    @Slot(object)
    def code_search_hits(self, hits: tuple[SearchHit, ...]) -> None:
        code_id = self.window.current_code_id()
        if code_id is None:
            QMessageBox.information(
                self.window, self.tr("Code all hits"), self.tr("Select a code in the code tree first.")
            )
            return
        by_document: dict[int, list[tuple[int, int]]] = {}
        for hit in hits:
            by_document.setdefault(hit.document_id, []).append((hit.start, hit.end))
        code = self.window.codes_by_id[code_id]
        coder = self._coder()
        if coder is None:
            return
        parts = [apply_code(doc_id, code.guid, spans, coder, code.name) for doc_id, spans in by_document.items()]
        self._run(Macro(parts, "code_hits", {"count": len(hits), "code": code.name}))
