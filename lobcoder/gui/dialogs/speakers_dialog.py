"""The speakers of a project: rename, merge, mark as interviewer, code all their turns.

Speakers are shared by all documents; with one document chosen, rename and
merge give only that document's turns to another speaker ("Speaker 2" is
Marieke in this interview). Each action is one command on the window's undo
stack, so Edit → Undo takes it back; the list re-reads itself whenever the
stack changes the project.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QItemSelection, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lobcoder.editing.base import Command
from lobcoder.editing.speaker_commands import (
    MergeSpeakers,
    ReassignInDocument,
    RenameSpeaker,
    SetInterviewers,
    code_speaker_turns,
)
from lobcoder.gui.dialogs.import_preview import MUTED_COLOR, Cell, RowsModel, table_view
from lobcoder.gui.failures import error_text, sentence
from lobcoder.gui.undo import ProjectUndoStack
from lobcoder.services.codes import CodeInfo
from lobcoder.services.documents import SpeakerInfo, list_speakers
from lobcoder.services.speakers import document_speakers


class SpeakersDialog(QDialog):
    """Speakers with their turn and document counts, and what can be done with them."""

    SELECTED, RESPONDENTS = range(2)

    def __init__(
        self,
        stack: ProjectUndoStack,
        codes: Sequence[CodeInfo],
        ask_coder: Callable[[QWidget], str | None],
        documents: Sequence[tuple[int, str]] = (),
        document_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Speakers"))
        self.stack = stack
        # The main window's coder-name question (asked once, before the first coding); None: cancelled.
        self.ask_coder = ask_coder
        self.speakers: list[SpeakerInfo] = []
        self.changed_project = False

        self.scope = QComboBox()
        self.scope.addItem(self.tr("All documents"), None)
        for number, name in documents:
            self.scope.addItem(name, number)
        if document_id is not None and self.scope.findData(document_id) >= 0:
            self.scope.setCurrentIndex(self.scope.findData(document_id))
        self.scope.currentIndexChanged.connect(lambda _index: self._scope_changed())
        scope_row = QHBoxLayout()
        scope_row.addWidget(QLabel(self.tr("Speakers in:")))
        scope_row.addWidget(self.scope, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.model = RowsModel([self.tr("Speaker"), self.tr("Turns"), self.tr("Documents"), self.tr("Interviewer")])
        self.table = table_view(self.model, stretch=0)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._ask_rename())

        self.rename_button = QPushButton(self.tr("&Rename…"))
        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.interviewer_button = QPushButton(self.tr("Mark as &interviewer"))
        self.respondent_button = QPushButton(self.tr("Mark as r&espondent"))
        self.rename_button.clicked.connect(self._ask_rename)
        self.merge_button.clicked.connect(self._ask_merge)
        self.interviewer_button.clicked.connect(lambda: self.mark(self.selected(), True))
        self.respondent_button.clicked.connect(lambda: self.mark(self.selected(), False))
        actions = QHBoxLayout()
        for button in (self.rename_button, self.merge_button, self.interviewer_button, self.respondent_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.code_choice = QComboBox()
        for code in codes:
            self.code_choice.addItem("    " * code.depth + code.name, code.guid)
        self.whose = QComboBox()
        self.whose.addItem(self.tr("of the selected speakers"), self.SELECTED)
        self.whose.addItem(self.tr("of all respondents (speakers not marked as interviewer)"), self.RESPONDENTS)
        self.code_button = QPushButton(self.tr("&Code the turns"))
        self.code_button.clicked.connect(self._code_clicked)
        self.whose.currentIndexChanged.connect(lambda _index: self._update_buttons())
        coding = QGroupBox(self.tr("Code every turn"))
        row = QHBoxLayout(coding)
        row.addWidget(QLabel(self.tr("Code:")))
        row.addWidget(self.code_choice, 1)
        row.addWidget(self.whose, 1)
        row.addWidget(self.code_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(scope_row)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(coding)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(720, 480)

        stack.changed.connect(self.refresh)
        stack.failed.connect(self._failed)
        self._scope_changed()

    def document_id(self) -> int | None:
        """The document the dialog works on; None for all documents."""
        data = self.scope.currentData()
        return int(data) if data is not None else None

    @Slot()
    def _scope_changed(self) -> None:
        if self.document_id() is None:
            text = self.tr(
                "Speakers are shared by all documents: a change applies to every transcript. "
                "Turns, analyses, quotes and reports use the new names; the text keeps the labels it was "
                "imported with. Every change can be undone with Edit → Undo."
            )
        else:
            text = self.tr(
                "Rename and merge give this document's turns to another speaker; other documents keep theirs "
                "(‘Speaker 2’ is Marieke in this interview only). Marking as interviewer applies to "
                "the speaker in every document. Every change can be undone with Edit → Undo."
            )
        self.hint.setText(text)
        self.table.clearSelection()
        self.refresh()

    # -- reading ---------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Re-read the speakers, keeping the selection by name."""
        chosen = set(self.selected())
        document = self.document_id()
        with self.stack.store.read() as session:
            self.speakers = list_speakers(session) if document is None else document_speakers(session, document)
        self.model.set_rows([self._cells(s) for s in self.speakers], [s.name for s in self.speakers])
        selection = self.table.selectionModel()
        for row, speaker in enumerate(self.speakers):
            if speaker.name in chosen:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        self._update_buttons()

    def _cells(self, speaker: SpeakerInfo) -> list[Cell]:
        return [
            Cell(speaker.name),
            Cell(str(speaker.turns), number=True),
            Cell(str(speaker.documents), number=True, color=MUTED_COLOR),
            Cell(check=speaker.is_interviewer),
        ]

    def selected(self) -> list[str]:
        keys = self.model.keys()
        return [
            keys[index.row()] for index in sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        ]

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.rename_button.setEnabled(len(chosen) == 1)
        self.merge_button.setEnabled(bool(chosen) and len(self.speakers) > 1)
        self.interviewer_button.setEnabled(bool(chosen))
        self.respondent_button.setEnabled(bool(chosen))
        needs_selection = self.whose.currentData() == self.SELECTED
        self.code_button.setEnabled(self.code_choice.count() > 0 and (bool(chosen) or not needs_selection))

    # -- actions (each one undoable step) ----------------------------------------

    def _run(self, command: Command, done: str) -> bool:
        self.status.setStyleSheet("")
        if not self.stack.execute(command):
            return False
        self.changed_project = True
        self.status.setText(done)
        return True

    def rename(self, old: str, new: str) -> bool:
        """Rename ``old`` everywhere, or in the chosen document give its turns to ``new``."""
        document = self.document_id()
        done = self.tr("‘{0}’ is now called ‘{1}’.").format(old, new.strip())
        if document is None:
            return self._run(RenameSpeaker(old, new), done)
        return self._run(ReassignInDocument(document, [old], new), done)

    def merge(self, sources: Sequence[str], target: str) -> bool:
        done = self.tr("%n speaker(s) merged into ‘{0}’.", "", len(sources)).format(target.strip())
        document = self.document_id()
        if document is None:
            return self._run(MergeSpeakers(list(sources), target), done)
        return self._run(ReassignInDocument(document, list(sources), target), done)

    def mark(self, names: Sequence[str], interviewer: bool) -> bool:
        if not names:
            return False
        if interviewer:
            done = self.tr("%n speaker(s) marked as interviewer.", "", len(names))
        else:
            done = self.tr("%n speaker(s) marked as respondent.", "", len(names))
        return self._run(SetInterviewers({name: interviewer for name in names}), done)

    def code_turns(self, code_guid: str, speakers: Sequence[str] | None) -> bool:
        """Code every turn of ``speakers`` (None: of all respondents) with one code."""
        coder = self.ask_coder(self)
        if coder is None:  # said here too: the main window's status bar is behind this dialog
            self._failed(QCoreApplication.translate("CoderPrompt", "Not coded: choose a coder name first."))
            return False
        try:
            with self.stack.store.read() as session:
                command = code_speaker_turns(session, code_guid, speakers, coder or None, self.document_id())
        except (ValueError, LookupError) as exc:
            self._failed(error_text(exc))
            return False
        return self._run(command, self.tr("%n turn(s) coded.", "", len(command.codings)))

    # -- asking --------------------------------------------------------------------

    @Slot()
    def _ask_rename(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        new, ok = QInputDialog.getText(
            self, self.tr("Rename speaker"), self.tr("New name for ‘{0}’:").format(chosen[0]), text=chosen[0]
        )
        if ok and new.strip() and new.strip() != chosen[0]:
            self.rename(chosen[0], new)

    @Slot()
    def _ask_merge(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        others = [s.name for s in self.speakers if s.name not in chosen]
        target, ok = QInputDialog.getItem(
            self,
            self.tr("Merge speakers"),
            self.tr("Merge %n speaker(s) into (choose one or type a new name):", "", len(chosen)),
            chosen + others,
            0,
            True,
        )
        if ok and target.strip():
            self.merge([name for name in chosen if name != target.strip()], target)

    @Slot()
    def _code_clicked(self) -> None:
        guid = self.code_choice.currentData()
        if guid is None:
            return
        speakers = self.selected() if self.whose.currentData() == self.SELECTED else None
        self.code_turns(guid, speakers)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.status.setText(sentence(message))
        self.status.setStyleSheet("color: #b3261e;")
