"""The coding workbench: documents and codes on the left, the transcript in the
middle, the selected coding and the coded segments on the right."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from lobcoder.errors import LobcoderError
from lobcoder.gui.codebook_actions import CodebookActions
from lobcoder.gui.coder_prompt import CoderPrompt
from lobcoder.gui.coding_actions import CodingActions
from lobcoder.gui.coding_pane import CodingPane
from lobcoder.gui.elided_tooltip import ElidedTooltipDelegate
from lobcoder.gui.failures import failure_text, sentence
from lobcoder.gui.menus import MenuActions, build_menus
from lobcoder.gui.models.code_filter_model import CodeFilterModel
from lobcoder.gui.models.code_tree_model import CodeIdRole, CodeTreeModel
from lobcoder.gui.models.document_tree_model import (
    DocumentFilterModel,
    DocumentIdRole,
    DocumentTreeModel,
    ProgressDelegate,
)
from lobcoder.gui.models.segment_model import SegmentModel, SegmentRole
from lobcoder.gui.project_state import (
    ProjectSnapshot,
    read_changes,
    read_codings,
    read_counts,
    read_document,
    read_overview,
    read_segments,
)
from lobcoder.gui.search_panel import SearchPanel
from lobcoder.gui.settings import Settings
from lobcoder.gui.suggestions import install_suggestions
from lobcoder.gui.transcript import CodeStyle, TranscriptView
from lobcoder.gui.undo import ProjectUndoStack
from lobcoder.gui.window_size import keep_on_screen, resize_to_screen
from lobcoder.services.codes import CodeInfo
from lobcoder.services.codings import CodingView
from lobcoder.services.documents import DocumentView
from lobcoder.storage.changes import ChangeSet
from lobcoder.storage.project import ProjectStore

if TYPE_CHECKING:
    from lobcoder.gui.analysis.install import AnalysisMenu

FIT_ROWS = 200  # rows measured when the number columns are fitted to their contents


def _titled(title: str, *widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.setSpacing(4)
    label = QLabel(f"<b>{title}</b>")
    layout.addWidget(label)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class MainWindow(QMainWindow):
    """The workbench. Every change runs as a command on ``undo_stack``; after each
    one the panes are refreshed from the project, so what is shown is what is stored."""

    # Set by build_menus, in __init__:
    menu_actions: MenuActions
    analysis_menu: AnalysisMenu

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.store: ProjectStore | None = None
        self.undo_stack: ProjectUndoStack | None = None
        self.overview: ProjectSnapshot | None = None
        self.document: DocumentView | None = None
        self.codes_by_id: dict[int, CodeInfo] = {}
        resize_to_screen(self, 1500, 950)
        self._build_panes()
        self.coder_prompt = CoderPrompt(self)
        self.coding = CodingActions(self)
        self.codebook = CodebookActions(self)
        build_menus(self)
        self.suggestions = install_suggestions(self)
        self._restore_layout()
        self._update_title()

    # -- layout -------------------------------------------------------------

    def _build_panes(self) -> None:
        self.document_model = DocumentTreeModel(self)
        self.document_filter = DocumentFilterModel(self)
        self.document_filter.setSourceModel(self.document_model)
        self.document_tree = QTreeView()
        self.document_tree.setModel(self.document_filter)
        self.document_tree.setItemDelegateForColumn(2, ProgressDelegate(self.document_tree))
        self.document_tree.setUniformRowHeights(True)
        self._fit_columns(self.document_tree)
        self.document_tree.activated.connect(self._document_chosen)
        self.document_tree.clicked.connect(self._document_chosen)
        self.document_search = QLineEdit()
        self.document_search.setPlaceholderText(self.tr("Filter documents"))
        self.document_search.setClearButtonEnabled(True)
        self.document_search.textChanged.connect(self._filter_documents)

        self.code_model = CodeTreeModel(self)
        self.code_filter = CodeFilterModel(self)
        self.code_filter.setSourceModel(self.code_model)
        self._open_themes: set[int] = set()  # the code tree's open rows just before its last reset
        self.code_model.modelAboutToBeReset.connect(self._remember_open_themes)
        self.code_tree = QTreeView()
        self.code_tree.setModel(self.code_filter)
        self.code_tree.setItemDelegate(ElidedTooltipDelegate(self.code_tree))  # a cut code name shows in full
        self.code_tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.code_tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.code_tree.setDropIndicatorShown(True)
        self.code_tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self._fit_columns(self.code_tree)
        self.code_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.code_search = QLineEdit()
        self.code_search.setPlaceholderText(self.tr("Filter codes"))
        self.code_search.setClearButtonEnabled(True)
        self.code_search.textChanged.connect(self._filter_codes)

        self.transcript = TranscriptView()
        self.coding_pane = CodingPane()
        self.segment_model = SegmentModel(self)
        self.segment_table = QTableView()
        self.segment_table.setModel(self.segment_model)
        self.segment_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.segment_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.segment_table.verticalHeader().hide()
        # Three lines of each segment's text, so a narrow pane (1366 × 768) still shows what was coded.
        self.segment_table.setWordWrap(True)
        self.segment_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 3 + 8)
        header = self.segment_table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.segment_model.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column == 2 else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 110)
        self.segment_table.setColumnHidden(1, True)  # the pane lists one code's segments
        self.segment_table.clicked.connect(self._segment_chosen)
        self.segment_table.activated.connect(self._segment_chosen)
        self.segments_title = QLabel()
        self.segments_title.setWordWrap(True)  # a narrow pane wraps it rather than keeping the text narrow

        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(_titled(self.tr("Documents"), self.document_search, self.document_tree))
        self.left.addWidget(_titled(self.tr("Codes"), self.code_search, self.code_tree))
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(_titled(self.tr("Selected coding"), self.coding_pane))
        segments_box = _titled(self.tr("Coded segments"), self.segments_title, self.segment_table)
        self.right.addWidget(segments_box)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.left)
        self.main_splitter.addWidget(self.transcript)
        self.main_splitter.addWidget(self.right)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([360, 840, 400])
        self.left.setSizes([420, 480])
        self.right.setSizes([330, 560])
        self.setCentralWidget(self.main_splitter)

        self.search_panel = SearchPanel()
        self.search_dock = QDockWidget(self.tr("Search project"), self)
        self.search_dock.setObjectName("search_dock")
        self.search_dock.setWidget(self.search_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search_dock)
        self.search_dock.hide()
        self.search_panel.hitActivated.connect(self.show_span)

        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.code_tree.selectionModel().currentChanged.connect(self._code_selected)

    @staticmethod
    def _fit_columns(tree: QTreeView) -> None:
        """The name column takes the room; the number columns fit their contents."""
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fitted once per refresh, not on every change (that would ask every row its size),
        # and from the first rows only: a 1,000-document tree is not measured row by row.
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(FIT_ROWS)

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.main_splitter, "left": self.left, "right": self.right}

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry
        if geometry:
            self.restoreGeometry(geometry)
            keep_on_screen(self)  # saved on a larger or other monitor
        state = self.settings.window_state
        if state:
            self.restoreState(state)
        saved = self.settings.splitter_states
        for name, splitter in self._splitters().items():
            if name in saved:
                splitter.restoreState(saved[name])

    def _save_layout(self) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter_states = {name: s.saveState() for name, s in self._splitters().items()}

    def _update_title(self) -> None:
        name = self.store.path.name if self.store else self.tr("no project open")
        if self.store is not None and self.store.read_only:
            name = self.tr("{0} (read-only)").format(name)
        self.setWindowTitle(self.tr("lobcoder — {0}").format(name))
        self._update_hint()

    def _update_hint(self) -> None:
        """What the empty transcript pane says to do next (shown only while no document is open)."""
        if self.document is not None:
            hint = ""
        elif self.store is None:
            hint = self.tr(
                "No project is open.\n\nFile → New project… starts one, File → Open project… opens one, "
                "and File → Open the demo project shows lobcoder with coded example interviews."
            )
        elif self.overview is not None and not self.overview.documents:
            hint = self.tr(
                "This project has no documents yet.\n\nFile → Import documents… adds interview transcripts "
                "(.docx, .txt, .odt, .rtf, .pdf and more)."
            )
        else:
            hint = self.tr("Choose a document in the list on the left to read and code it.")
        self.transcript.editor.set_hint(hint)

    # -- projects -----------------------------------------------------------

    def open_project(self, path: Path) -> bool:
        return self._use(lambda: ProjectStore.open(path))

    def create_project(self, path: Path) -> bool:
        return self._use(lambda: ProjectStore.create(path))

    def _use(self, opener) -> bool:
        try:
            store = opener()
        except LobcoderError as exc:
            QMessageBox.warning(self, self.tr("Cannot open project"), failure_text(exc) or str(exc))
            return False
        self.close_project()
        self.store = store
        self.undo_stack = ProjectUndoStack(store, self)
        self.undo_stack.changed.connect(self._project_changed)
        self.undo_stack.failed.connect(self._action_failed)
        self.undo_stack.cleanChanged.connect(lambda _clean: None)
        self.menu_actions.attach_undo(self.undo_stack)
        self.analysis_menu.attach(self.undo_stack)
        self.suggestions.attach(store, self.undo_stack)
        self.search_panel.set_store(store)
        self.settings.add_recent_project(str(store.path))
        self.menu_actions.refresh_recent()
        self.refresh()
        last = self.settings.last_document(str(store.path))
        if last is not None and self.overview and any(d.id == last for d in self.overview.documents):
            self.open_document(last)
        elif self.overview and self.overview.documents:
            self.open_document(self.overview.documents[0].id)
        self._update_title()
        self.menu_actions.backups.project_opened(store)
        return True

    def close_project(self) -> None:
        self.coding_pane.commit_memo()
        if self.store is None:
            return
        self.suggestions.detach()
        if self.undo_stack is not None:
            self.menu_actions.attach_undo(None)
            self.analysis_menu.attach(None)
            self.undo_stack.deleteLater()
            self.undo_stack = None
        self.store.close()
        self.store = None
        self.document = None
        self.overview = None
        self.transcript.clear()
        self.code_model.set_codes([])
        self.document_model.set_documents([], {}, {})
        self.segment_model.set_segments([])
        self.coding_pane.show_coding(None)
        self.search_panel.set_store(None)
        self._update_title()

    # -- refreshing ----------------------------------------------------------

    def refresh(self) -> None:
        """Re-read everything the side panes show (after opening or importing)."""
        if self.store is None:
            return
        self._show_overview(read_overview(self.store))
        self.code_tree.expandAll()
        self.document_tree.expandAll()
        for column in (1, 2):
            self.document_tree.resizeColumnToContents(column)
        # The code names get the room: a count column is as wide as its heading or its counts, whichever is
        # wider, and the counts keep room for two more digits, since they may grow before the next fit.
        spare = self.code_tree.fontMetrics().horizontalAdvance("00")
        header = self.code_tree.header()
        for column in (1, 2):
            header.resizeSection(
                column, max(header.sectionSizeHint(column), self.code_tree.sizeHintForColumn(column) + spare)
            )

    def _show_overview(self, overview: ProjectSnapshot) -> None:
        current = self.current_code_id()
        self.overview = overview
        self.codes_by_id = {c.id: c for c in overview.codes}
        selected = False
        if self.code_model.set_codes(overview.codes):  # codes added or removed: the model was reset
            selected = self._restore_code_tree(current)
        self.document_model.set_documents(overview.documents, overview.attributes, overview.coded_share)
        if not selected:  # selecting the code again has listed its segments
            self._refresh_segments()
        self._update_status()
        self._update_hint()

    @Slot()
    def _project_changed(self) -> None:
        """After an undoable action: what it changed, or everything when more than codings changed."""
        if self.store is None or self.overview is None or self.undo_stack is None:
            return
        changes = self.undo_stack.last_changes
        if changes.everything:
            self._counts_changed(changes.turns, changes.listed)
            if changes.listed:
                self.search_panel.refresh_results()  # hits name documents, and may be in one removed
        elif changes.codings or changes.memo_codings:
            self._codings_changed(changes)

    def _counts_changed(self, turns: bool = True, listed: bool = False) -> None:
        """Counts, the open document's codings, new codes shown: after codebook actions and merges.

        The open document itself is read again only when ``turns`` (its turns or speakers may have changed);
        the document list only when ``listed`` (a document renamed or removed).
        """
        assert self.store is not None and self.overview is not None
        known = set(self.codes_by_id)
        self._show_overview(read_overview(self.store) if listed else read_counts(self.store, self.overview))
        for code_id in set(self.codes_by_id) - known:
            self.code_tree.expand(self.code_filter.mapFromSource(self.code_model.index_for_code(code_id)).parent())
        if self.document is not None:
            codings = self._speakers_changed() if turns else read_codings(self.store, self.document.id)
            if codings is None:
                return
            self.transcript.set_codings(codings, self.styles())
            self.coding.codings = codings
            self.coding.refresh_pane()

    def _speakers_changed(self) -> list[CodingView] | None:
        """Show the open document again if its turns' speakers changed (renamed, merged or marked; also on undo).

        Returns None when it did, else the document's codings for the caller to show.
        """
        assert self.store is not None and self.document is not None
        try:
            view, codings = read_document(self.store, self.document.id)
        except LobcoderError:  # the document itself is gone
            return read_codings(self.store, self.document.id)
        if view.turns == self.document.turns and view.name == self.document.name:
            return codings
        scrolled = self.transcript.editor.verticalScrollBar().value()
        self.document = view
        self.coding.codings = codings
        self.transcript.set_document(view, codings, self.styles())
        self._update_hint()
        self.transcript.editor.verticalScrollBar().setValue(scrolled)
        self.coding.refresh_pane()
        return None

    def _codings_changed(self, changes: ChangeSet) -> None:
        """Only codings changed: the counts of their documents and codes, their rows, their highlights."""
        assert self.store is not None and self.overview is not None
        overview, touched = read_changes(self.store, self.overview, changes)
        self.overview = overview
        self.codes_by_id = {c.id: c for c in overview.codes}
        self.code_model.set_codes(overview.codes)
        self.document_model.update_counts(touched, overview.coded_share)
        if self.current_code_id() in changes.codes:
            self._refresh_segments()
        self._update_status()
        if self.document is not None and (self.document.id in changes.documents or changes.memo_codings):
            ids = changes.codings | changes.memo_codings
            self.transcript.update_codings(ids, read_codings(self.store, self.document.id, ids))
            self.coding.codings = self.transcript.codings()
            self.coding.refresh_pane()

    @Slot(str)
    def _action_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Action not carried out"), sentence(message))

    def styles(self) -> dict[int, CodeStyle]:
        return {c.id: CodeStyle(c.id, c.name, c.color) for c in self.codes_by_id.values()}

    def _update_status(self) -> None:
        if self.overview is None:
            self.status.clear()
            return
        codings = sum(c.codings for c in self.overview.codes)
        coder = self.settings.coder_name
        if not self.settings.coder_name_chosen:  # the login; the first coding asks for a name
            coder = self.tr("{0} (not chosen yet)").format(coder)
        parts = (
            self.tr("%n document(s)", "", len(self.overview.documents)),
            self.tr("%n code(s)", "", len(self.overview.codes)),
            self.tr("%n coding(s)", "", codings),
            self.tr("coder: {0}").format(coder),
        )
        self.status.setText(" · ".join(parts))

    # -- documents ---------------------------------------------------------

    @Slot(QModelIndex)
    def _document_chosen(self, index: QModelIndex) -> None:
        document_id = index.data(DocumentIdRole)
        if document_id is not None and (self.document is None or self.document.id != document_id):
            self.open_document(int(document_id))

    def open_document(self, document_id: int) -> None:
        if self.store is None:
            return
        self.coding_pane.commit_memo()
        view, codings = read_document(self.store, document_id)
        self.document = view
        self.coding.codings = codings
        self.transcript.set_document(view, codings, self.styles())
        self._update_hint()
        self.coding_pane.show_coding(None)
        self.settings.set_last_document(str(self.store.path), document_id)
        source = self.document_model.index_for_document(document_id)
        if source.isValid():
            self.document_tree.setCurrentIndex(self.document_filter.mapFromSource(source))
        self.suggestions.document_opened(document_id)

    @Slot(int, int, int)
    def show_span(self, document_id: int, start: int, end: int) -> None:
        """Open a document (if needed) and select a span in it."""
        if self.document is None or self.document.id != document_id:
            self.open_document(document_id)
        self.transcript.select_span(start, end)
        self.transcript.scroll_to(start)

    @Slot(str)
    def _filter_documents(self, text: str) -> None:
        self.document_filter.set_filter_text(text)
        self.document_tree.expandAll()

    # -- codes and segments --------------------------------------------------

    @Slot(str)
    def _filter_codes(self, text: str) -> None:
        self.code_filter.set_filter_text(text)
        self.code_tree.expandAll()

    def current_code_id(self) -> int | None:
        index = self.code_tree.currentIndex()
        value = index.data(CodeIdRole) if index.isValid() else None
        return int(value) if value is not None else None

    def code_id_for_guid(self, guid: str) -> int | None:
        """The id of the shown code with ``guid`` (compared without case), or None."""
        wanted = guid.lower()
        return next((c.id for c in self.codes_by_id.values() if c.guid.lower() == wanted), None)

    def select_code(self, code_id: int) -> None:
        source = self.code_model.index_for_code(code_id)
        if source.isValid():
            self.code_tree.setCurrentIndex(self.code_filter.mapFromSource(source))

    @Slot(QModelIndex, QModelIndex)
    def _code_selected(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._refresh_segments()
        if not self.menu_actions.show_all_codes.isChecked():
            self._apply_code_visibility()

    @Slot()
    def _remember_open_themes(self) -> None:
        """Just before the code model resets (the tree then forgets them): the codes whose rows are open."""
        self._open_themes = set()
        rows = [QModelIndex()]
        while rows:
            parent = rows.pop()
            for row in range(self.code_filter.rowCount(parent)):
                index = self.code_filter.index(row, 0, parent)
                rows.append(index)
                if self.code_tree.isExpanded(index):
                    self._open_themes.add(int(index.data(CodeIdRole)))

    def _restore_code_tree(self, current: int | None) -> bool:
        """After a reset: the open themes and the code that was selected (the transcript is filtered to it).

        True when ``current`` is selected again (that has listed its segments).
        """
        for code_id in self._open_themes & set(self.codes_by_id):
            self.code_tree.expand(self.code_filter.mapFromSource(self.code_model.index_for_code(code_id)))
        if current is None:
            return False
        if current in self.codes_by_id:
            self.select_code(current)
            return self.current_code_id() == current
        self._apply_code_visibility()  # the selected code is gone: show every code again
        return False

    def _apply_code_visibility(self) -> None:
        code_id = self.current_code_id()
        if self.menu_actions.show_all_codes.isChecked() or code_id is None:
            self.transcript.set_visible_codes(None)
        else:
            self.transcript.set_visible_codes({code_id})

    def _refresh_segments(self) -> None:
        code_id = self.current_code_id()
        if self.store is None or code_id is None or code_id not in self.codes_by_id:
            self.segment_model.set_segments([])
            self.segments_title.setText(self.tr("Select a code to list its coded segments."))
            return
        found = read_segments(self.store, [code_id])
        self.segment_model.set_segments(found)
        self.segments_title.setText(
            self.tr("‘{0}’: %n segment(s)", "", len(found)).format(self.codes_by_id[code_id].name)
        )

    @Slot(QModelIndex)
    def _segment_chosen(self, index: QModelIndex) -> None:
        segment = index.data(SegmentRole)
        if segment is not None:
            self.show_span(segment.document_id, segment.start, segment.end)
            QTimer.singleShot(0, lambda: self.coding.show_coding_by_id(segment.coding_id))

    # -- closing ----------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._save_layout()
        self.close_project()
        super().closeEvent(event)
