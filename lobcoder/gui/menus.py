"""The window's menus, shortcuts and the actions behind them."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from lobcoder import __version__
from lobcoder.gui.backup_actions import BackupActions
from lobcoder.gui.document_removal_actions import DocumentRemoval
from lobcoder.gui.document_rename_actions import DocumentRename
from lobcoder.gui.exchange_actions import ExchangeActions
from lobcoder.gui.i18n import available_languages
from lobcoder.gui.team_actions import TeamActions
from lobcoder.gui.transcript_export import TranscriptExport
from lobcoder.storage.project import EXTENSION

if TYPE_CHECKING:
    from lobcoder.gui.main_window import MainWindow


class MenuActions(QObject):
    """Owns the QActions so that tests and the context menus can reach them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._undo: QAction | None = None
        self._redo: QAction | None = None
        self.about_box: QMessageBox | None = None
        bar = window.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.coding_menu = bar.addMenu(self.tr("C&oding"))
        self.codes_menu = bar.addMenu(self.tr("Co&des"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.recent_menu = QMenu(self.tr("Open &recent"), window)
        self.exchange = ExchangeActions(window)
        self._build_file()
        self._build_edit()
        self._build_coding()
        self._build_codes()
        self._build_view()
        self.help_menu.addAction(self._action(self.tr("&About lobcoder"), self._about))

    def _action(self, text: str, slot, shortcut=None, menu: QMenu | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if menu is not None:
            menu.addAction(action)
        return action

    # -- File ------------------------------------------------------------------

    def _build_file(self) -> None:
        menu = self.file_menu
        self._action(self.tr("&New project…"), self._new_project, QKeySequence.StandardKey.New, menu)
        self._action(self.tr("&Open project…"), self._open_project, QKeySequence.StandardKey.Open, menu)
        menu.addMenu(self.recent_menu)
        self._action(self.tr("Open the &demo project"), self._open_demo, None, menu)
        exchange = self.exchange
        self.new_from_codebook_action = self._action(
            self.tr("New project from research code&book…"), exchange.new_project_from_codebook, None, menu
        )
        menu.addSeparator()
        self.import_action = self._action(self.tr("&Import documents…"), self._import, "Ctrl+Shift+I", menu)
        self.speakers_action = self._action(self.tr("&Speakers…"), self._speakers, None, menu)
        menu.addSeparator()
        self.import_project_action = self._action(
            self.tr("Import REFI-QDA &project (.qdpx)…"), exchange.import_project, None, menu
        )
        self.export_project_action = self._action(
            self.tr("&Export project as REFI-QDA (.qdpx)…"), exchange.export_project, None, menu
        )
        self.transcript_export = TranscriptExport(self.window)
        self.export_transcripts_action = self._action(
            self.tr("Export &transcripts (.docx, .txt)…"), self.transcript_export.start, None, menu
        )
        self.pseudonymise_action = self._action(self.tr("Pse&udonymise…"), self._pseudonymise, None, menu)
        menu.addSeparator()
        self.team = TeamActions(self.window)
        self.team_copy_action = self._action(
            self.tr("Prepare a cop&y for a second coder…"), self.team.prepare_copy, None, menu
        )
        self.team_merge_action = self._action(
            self.tr("&Merge coding from another project…"), self.team.merge_coding, None, menu
        )
        menu.addSeparator()
        self.backups = BackupActions(self.window)
        self.restore_action = self._action(self.tr("Restore from bac&kup…"), self.backups.restore, None, menu)
        menu.addSeparator()
        self._action(self.tr("&Close project"), self.window.close_project, QKeySequence.StandardKey.Close, menu)
        self._action(self.tr("&Quit"), self.window.close, QKeySequence.StandardKey.Quit, menu)
        self.refresh_recent()

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.window.settings.recent_projects:
            self._action(path, partial(self.window.open_project, Path(path)), None, self.recent_menu)
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def _file_filter(self) -> str:
        return self.tr("lobcoder projects (*{0})").format(EXTENSION)

    def _new_project(self) -> None:
        # lobcoder never overwrites a project: create() refuses an existing file with a message.
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("New project"),
            "",
            self._file_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            target = Path(path) if path.endswith(EXTENSION) else Path(path + EXTENSION)
            self.window.create_project(target)

    def _open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), "", self._file_filter())
        if path:
            self.window.open_project(Path(path))

    def _open_demo(self) -> None:
        from lobcoder.demo import create_demo_project, default_demo_path

        path = default_demo_path()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            create_demo_project(path)
        self.window.open_project(path)

    def _import(self) -> None:
        from lobcoder.gui.dialogs.import_dialog import ImportDialog

        if self.window.store is None:
            QMessageBox.information(self.window, self.tr("Import"), self.tr("Open or create a project first."))
            return
        dialog = ImportDialog(self.window.store, self.window.settings, self.window)
        dialog.imported.connect(self.window.refresh)
        dialog.exec()
        self.window.refresh()
        if self.window.document is None and self.window.overview and self.window.overview.documents:
            self.window.open_document(self.window.overview.documents[0].id)

    def _speakers(self) -> None:
        from lobcoder.gui.dialogs.speakers_dialog import SpeakersDialog

        window = self.window
        if window.store is None or window.undo_stack is None:
            QMessageBox.information(window, self.tr("Speakers"), self.tr("Open or create a project first."))
            return
        codes = window.overview.codes if window.overview else []
        documents = [(d.id, d.name) for d in window.overview.documents] if window.overview else []
        dialog = SpeakersDialog(window.undo_stack, codes, window.coder_prompt.coder, documents, parent=window)
        dialog.exec()
        dialog.deleteLater()  # the open document shows the new names through MainWindow._speakers_changed

    def _pseudonymise(self) -> None:
        from lobcoder.gui.pseudonymise.dialog import PseudonymiseDialog

        if self.window.store is None:
            QMessageBox.information(self.window, self.tr("Pseudonymise"), self.tr("Open or create a project first."))
            return
        span = self.window.transcript.selection() if self.window.document is not None else None
        selection = self.window.document.text[span[0] : span[1]] if span and self.window.document else ""
        PseudonymiseDialog(self.window.store, self.window, selection).open()

    # -- Edit ------------------------------------------------------------------

    def _build_edit(self) -> None:
        self.undo_placeholder = self._action(self.tr("&Undo"), lambda: None, None, self.edit_menu)
        self.redo_placeholder = self._action(self.tr("&Redo"), lambda: None, None, self.edit_menu)
        self.undo_placeholder.setEnabled(False)
        self.redo_placeholder.setEnabled(False)
        self.edit_menu.addSeparator()
        self._action(self.tr("&Find in document"), self.window.transcript.show_find_bar, None, self.edit_menu)
        self._action(self.tr("&Search all documents"), self._search_project, "Ctrl+Shift+F", self.edit_menu)
        self.edit_menu.addSeparator()
        self._action(
            self.tr("&Project memo…"), partial(self.window.codebook.edit_memo, "project"), None, self.edit_menu
        )
        self._action(
            self.tr("&Document memo…"), partial(self.window.codebook.edit_memo, "document"), None, self.edit_menu
        )
        self.edit_menu.addSeparator()
        self.document_rename = DocumentRename(self.window)
        self.edit_menu.addAction(self.document_rename.action)
        self.document_removal = DocumentRemoval(self.window)
        self.edit_menu.addAction(self.document_removal.action)
        self.document_removal.context_actions.insert(0, self.document_rename.action)

    def attach_undo(self, stack: QUndoStack | None) -> None:
        """Swap the Undo/Redo entries for the open project's stack (names follow the action)."""
        for action in (self._undo, self._redo):
            if action is not None:
                self.edit_menu.removeAction(action)
                action.deleteLater()
        self._undo = self._redo = None
        self.undo_placeholder.setVisible(stack is None)
        self.redo_placeholder.setVisible(stack is None)
        if stack is None:
            return
        self._undo = stack.createUndoAction(self.window, self.tr("&Undo"))
        self._undo.setShortcut(QKeySequence.StandardKey.Undo)
        self._redo = stack.createRedoAction(self.window, self.tr("&Redo"))
        self._redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
        self.edit_menu.insertAction(self.undo_placeholder, self._undo)
        self.edit_menu.insertAction(self.undo_placeholder, self._redo)

    @property
    def undo_action(self) -> QAction | None:
        return self._undo

    @property
    def redo_action(self) -> QAction | None:
        return self._redo

    def _search_project(self) -> None:
        self.window.search_dock.show()
        self.window.search_dock.raise_()  # in front of the suggestions it is tabbed with
        self.window.search_panel.query.setFocus()
        self.window.search_panel.query.selectAll()

    # -- Coding ----------------------------------------------------------------

    def _build_coding(self) -> None:
        coding = self.window.coding
        menu = self.coding_menu
        self.apply_action = self._action(self.tr("&Apply selected code"), coding.apply_current_code, None, menu)
        self.quick_code_action = self._action(self.tr("&Quick code…"), coding.quick_code, "Ctrl+K", menu)
        self.in_vivo_action = self._action(self.tr("In-&vivo code"), coding.in_vivo, "Ctrl+I", menu)
        menu.addSeparator()
        snap = menu.addMenu(self.tr("&Snap selection to"))
        self._action(self.tr("Whole &words"), partial(coding.snap, "words"), "Ctrl+Alt+W", snap)
        self._action(self.tr("The &sentence"), partial(coding.snap, "sentence"), "Ctrl+Alt+S", snap)
        self._action(self.tr("The speaker &turn"), partial(coding.snap, "turn"), "Ctrl+Alt+T", snap)
        menu.addSeparator()
        self.remove_action = self._action(self.tr("&Remove selected coding"), coding.remove_selected_coding, None, menu)
        # Keys 1-9 apply the pinned codes while the transcript has the focus.
        self.pinned_shortcuts = []
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(number)), self.window.transcript)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(partial(coding.apply_pinned, number))
            self.pinned_shortcuts.append(shortcut)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.window.transcript)
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.activated.connect(coding.remove_selected_coding)
        apply = QShortcut(QKeySequence(Qt.Key.Key_Return), self.window.code_tree)
        apply.setContext(Qt.ShortcutContext.WidgetShortcut)
        apply.activated.connect(coding.apply_current_code)

    # -- Codes -------------------------------------------------------------------

    def _build_codes(self) -> None:
        codebook = self.window.codebook
        menu = self.codes_menu
        self.codebook_editor_action = self._action(
            self.tr("Code&book editor…"), self._codebook_editor, "Ctrl+Alt+B", menu
        )
        self.export_codebook_action = self._action(
            self.tr("&Export codebook…"), self.exchange.export_codebook, None, menu
        )
        self.import_codebook_action = self._action(
            self.tr("&Import codebook…"), self.exchange.import_codebook, None, menu
        )
        menu.addSeparator()
        self.new_code_action = self._action(self.tr("&New code…"), codebook.new_code, "Ctrl+Alt+N", menu)
        self.new_subcode_action = self._action(
            self.tr("New &sub-code…"), partial(codebook.new_code, True), "Ctrl+Alt+Shift+N", menu
        )
        self.rename_action = self._action(self.tr("&Rename"), codebook.rename_code, "F2", menu)
        self.color_action = self._action(self.tr("&Colour…"), codebook.recolor_code, None, menu)
        self.merge_action = self._action(self.tr("&Merge into…"), codebook.merge_code, None, menu)
        self.delete_code_action = self._action(self.tr("&Delete code…"), codebook.delete_code, None, menu)
        menu.addSeparator()
        self.code_memo_action = self._action(self.tr("Code mem&o…"), partial(codebook.edit_memo, "code"), None, menu)
        self.pin_menu = menu.addMenu(self.tr("&Pin to key"))
        for number in range(1, 10):
            self._action(str(number), partial(self.window.coding.pin_current_code, number), None, self.pin_menu)
        self.pin_menu.aboutToShow.connect(self.label_pinned_keys)

    @Slot()
    def label_pinned_keys(self) -> None:
        """Show which code each key 1-9 applies now: "&1  Werkdruk"."""
        codes = self.window.coding.pinned_codes()
        for number, action in enumerate(self.pin_menu.actions(), start=1):
            code = self.window.codes_by_id.get(codes[number - 1]) if number <= len(codes) else None
            action.setText(f"&{number}  {code.name}" if code is not None else f"&{number}")

    def _codebook_editor(self) -> None:
        from lobcoder.gui.codebook_editor import CodebookEditor

        if self.window.store is None:
            return
        editor = CodebookEditor(self.window)
        code_id = self.window.current_code_id()
        if code_id is not None:
            editor.select(code_id)
        editor.exec()

    def code_menu_actions(self) -> list[QAction]:
        return [
            self.apply_action,
            self.new_code_action,
            self.new_subcode_action,
            self.rename_action,
            self.color_action,
            self.merge_action,
            self.delete_code_action,
            self.code_memo_action,
            self.pin_menu.menuAction(),
        ]

    # -- View ------------------------------------------------------------------

    def _build_view(self) -> None:
        menu = self.view_menu
        self.show_all_codes = QAction(self.tr("Show &all codes in the text"), self.window)
        self.show_all_codes.setCheckable(True)
        self.show_all_codes.setChecked(self.window.settings.show_all_codes)
        self.show_all_codes.toggled.connect(self._toggle_all_codes)
        menu.addAction(self.show_all_codes)
        self.count_subcodes = QAction(self.tr("Count sub-codes in their &parents"), self.window)
        self.count_subcodes.setCheckable(True)
        self.count_subcodes.setToolTip(
            self.tr("The code tree counts a code's codings and documents with its sub-codes")
        )
        self.count_subcodes.setChecked(self.window.settings.count_subcodes)
        self.window.code_model.set_rollup(self.window.settings.count_subcodes)
        self.count_subcodes.toggled.connect(self._toggle_count_subcodes)
        menu.addAction(self.count_subcodes)
        self.right_pane = QAction(self.tr("Selected coding and coded se&gments"), self.window)
        self.right_pane.setCheckable(True)
        self.right_pane.setChecked(True)
        self.right_pane.setShortcut(QKeySequence("Ctrl+Alt+R"))
        self.right_pane.setToolTip(self.tr("Hide the right pane to give the transcript more room"))
        self.right_pane.toggled.connect(self.window.right.setVisible)
        menu.addAction(self.right_pane)
        search = self.window.search_dock.toggleViewAction()
        search.setText(self.tr("Sea&rch project"))  # the dock's title, with a letter of its own in this menu
        menu.addAction(search)
        menu.addSeparator()
        self._action(self.tr("&Coder name…"), self._coder_name, None, menu)
        languages = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self.window)
        choices = {"system": self.tr("System default"), **available_languages()}
        for code, name in choices.items():
            action = QAction(name, self.window, checkable=True)
            action.setChecked(self.window.settings.language == code)
            action.triggered.connect(partial(self._set_language, code))
            group.addAction(action)
            languages.addAction(action)

    @Slot(bool)
    def _toggle_all_codes(self, checked: bool) -> None:
        self.window.settings.show_all_codes = checked
        self.window._apply_code_visibility()

    @Slot(bool)
    def _toggle_count_subcodes(self, checked: bool) -> None:
        self.window.settings.count_subcodes = checked
        self.window.code_model.set_rollup(checked)

    def _coder_name(self) -> None:
        self.window.coder_prompt.ask(self.window, self.tr("Coder name"), self.tr("New codings are recorded under:"))

    def _set_language(self, code: str) -> None:
        self.window.settings.language = code
        QMessageBox.information(
            self.window, self.tr("Language"), self.tr("The new language is used from the next start of lobcoder.")
        )

    def _about(self) -> None:
        if self.about_box is None:  # one box, its text refreshed each time (the pipeline may have loaded since)
            self.about_box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("About lobcoder"), "", parent=self.window)
            self.about_box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # copy the command
        self.about_box.setText(self.about_text())
        self.about_box.open()

    def about_text(self) -> str:
        """The version, and which Dutch pipeline the suggestions use (with how to install the better one)."""
        from lobcoder.gui.suggestions.pipeline_text import pipeline_install_lines
        from lobcoder.suggest.pipeline import FORCE_OFFLINE_ENV, MODEL_NAME, loaded_pipeline, model_installed

        lines = [self.tr("lobcoder {0}\nQualitative coding of interview transcripts.").format(__version__), ""]
        loaded = loaded_pipeline()
        if os.environ.get(FORCE_OFFLINE_ENV):
            lines.append(self.tr("Dutch pipeline: offline, switched on by {0}.").format(FORCE_OFFLINE_ENV))
        elif loaded.is_full_model if loaded is not None else model_installed():  # not loaded yet: a guess
            lines.append(
                self.tr("Dutch pipeline: {0}, with trained lemmas and sentence boundaries.").format(MODEL_NAME)
            )
        else:
            lines.append(
                self.tr("Dutch pipeline: offline, with lookup lemmas ({0} is not installed).").format(MODEL_NAME)
            )
            lines.extend(pipeline_install_lines())
        return "\n".join(lines)


def build_menus(window: MainWindow) -> None:
    from lobcoder.gui.analysis.install import install_analysis_menu

    window.menu_actions = MenuActions(window)
    window.analysis_menu = install_analysis_menu(window)
