"""Exchanging codebooks (.qdc, .docx, .md) and whole projects (.qdpx) from the menus."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from lobcoder.codebook.builtin import LANGUAGES, create_project_with_codebook, load_builtin_codebook
from lobcoder.codebook.write import CODEBOOK_FORMATS, write_codebook
from lobcoder.editing.base import Command
from lobcoder.editing.codebook_import import CodebookImportPlan, ImportCodebook, plan_codebook_import
from lobcoder.errors import Cancelled, LobcoderError
from lobcoder.gui.background_task import TaskActions
from lobcoder.gui.failures import error_text
from lobcoder.gui.i18n import available_languages, system_language
from lobcoder.gui.pseudonymise.leak_box import LeakReport, show_leaks
from lobcoder.gui.workers import CancelCheck, ProgressCallback
from lobcoder.i18n.said import Said
from lobcoder.storage.backups import BEFORE_CODEBOOK_IMPORT
from lobcoder.storage.project import EXTENSION

if TYPE_CHECKING:
    # Imported where used: the file formats and their dialogs are not needed for the first paint.
    from lobcoder.gui.dialogs.codebook_export_dialog import BranchChoice, CodebookExportDialog, CodebookExportOptions
    from lobcoder.gui.dialogs.codebook_import_dialog import CodebookImportDialog
    from lobcoder.gui.dialogs.exchange_report_dialog import ExchangeReportDialog
    from lobcoder.gui.dialogs.export_choices_dialog import ExportChoicesDialog
    from lobcoder.gui.main_window import MainWindow
    from lobcoder.refi.qdpx_export import ExportReport
    from lobcoder.refi.qdpx_import import ImportReport

QDPX = ".qdpx"
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class ExchangeActions(TaskActions):
    """The File and Codes menu entries that read and write exchange files.

    Dialogs that ask for a decision are opened with ``open()`` (window-modal,
    no nested event loop) and kept in ``export_dialog``, ``plan_dialog`` and
    ``report_dialog``, so tests drive them directly. Project export and import
    run in a :class:`~lobcoder.gui.background_task.BackgroundTask` (``task``).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.export_dialog: CodebookExportDialog | None = None
        self.plan_dialog: CodebookImportDialog | None = None
        self.report_dialog: ExchangeReportDialog | None = None
        self.choices_dialog: ExportChoicesDialog | None = None

    # -- helpers ---------------------------------------------------------------

    def _keep(self, name: str, dialog: QDialog) -> None:
        old = getattr(self, name)
        if old is not None:
            old.deleteLater()
        setattr(self, name, dialog)

    def _language(self) -> str:
        language = self.window.settings.language
        return system_language() if language not in LANGUAGES else language

    def _folder(self) -> Path:
        store = self.window.store
        return store.path.parent if store is not None else Path.home()

    def _project_filter(self) -> str:
        return self.tr("lobcoder projects (*{0})").format(EXTENSION)

    # -- codebook export -------------------------------------------------------

    @Slot()
    def export_codebook(self) -> None:
        title = self.tr("Export codebook")
        if self._store(title) is None or self._busy():
            return
        if not self.window.codes_by_id:
            QMessageBox.information(self.window, title, self.tr("The project has no codes yet."))
            return
        from lobcoder.gui.dialogs.codebook_export_dialog import CodebookExportDialog
        from lobcoder.gui.pseudonymise.export_option import accepted_terms

        total, terms = len(self.window.codes_by_id), accepted_terms(self.window.store)
        dialog = CodebookExportDialog(total, self._branch(), self._language(), self.window, terms)
        dialog.accepted.connect(self._choose_codebook_file)
        self._keep("export_dialog", dialog)
        dialog.open()

    def _branch(self) -> BranchChoice | None:
        code_id = self.window.current_code_id()
        codes = self.window.codes_by_id
        if code_id not in codes:
            return None
        below = {code_id}
        for code in sorted(codes.values(), key=lambda c: c.depth):
            if code.parent_id in below:
                below.add(code.id)
        from lobcoder.gui.dialogs.codebook_export_dialog import BranchChoice

        return BranchChoice(codes[code_id].guid, codes[code_id].name, len(below))

    def _codebook_filters(self) -> dict[str, str]:
        return {
            "docx": self.tr("Word document (*.docx)"),
            "md": self.tr("Markdown (*.md)"),
            "qdc": self.tr("REFI-QDA codebook (*.qdc)"),
        }

    @Slot()
    def _choose_codebook_file(self) -> None:
        if self.export_dialog is None or self.window.store is None:
            return
        options = self.export_dialog.options()
        filters = self._codebook_filters()
        stem = self.window.store.path.stem
        if options.branch_guid is not None and self.export_dialog.branch is not None:
            stem = f"{stem} - {_UNSAFE_IN_NAMES.sub('-', self.export_dialog.branch.name)}"
        word = self.tr("codebook")
        suggested = self._folder() / f"{stem} {word}.docx"
        path, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export codebook"), str(suggested), ";;".join(filters.values()), filters["docx"]
        )
        if not path:
            return
        target = Path(path)
        kind = CODEBOOK_FORMATS.get(target.suffix.lower())
        if kind is None:
            kind = next((k for k, text in filters.items() if text == chosen), "docx")
            target = Path(f"{path}.{kind}")
        self.write_codebook(target, kind, options)

    def write_codebook(self, path: Path, kind: str, options: CodebookExportOptions) -> bool:
        """Write the codebook (or the chosen branch) as ``kind`` ("docx", "md" or "qdc").

        Pseudonymised, it is read from the hidden pseudonymised copy, built in the background.
        """
        store = self.window.store
        if store is None:
            return False
        if options.pseudonymise:
            from lobcoder.pseudonymise.export_copy import write_export
            from lobcoder.pseudonymise.leak_check import codebook_scope

            with store.read() as session:  # the copy keeps every code's id
                scope = codebook_scope(session, options.branch_guid)
            title = self.tr("Export codebook")
            label = self.tr("Pseudonymising and writing {0}…").format(path.name)
            writer = _codebook_writer(path, kind, options)
            leaks = LeakReport()
            work = partial(
                write_export,
                store,
                True,
                path.parent,
                writer,
                language=options.language,
                on_leaks=leaks,
                file_names=[path.name],
                scope=scope,  # the codes written: a name left in a transcript or another branch is not shared
            )
            self._start(title, label, work, partial(self._codebook_written, path, leaks=leaks))
            return True
        try:
            count = _codebook_writer(path, kind, options)(store)
        except LobcoderError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot export the codebook"), error_text(exc))
            return False
        self._codebook_written(path, count)
        return True

    def _codebook_written(self, path: Path, count: int, leaks: LeakReport | None = None) -> None:
        self._status(self.tr("Exported %n code(s) to {0}", "", count).format(path))
        if leaks is not None:
            show_leaks(self.window, leaks, self.tr("Export codebook"))

    # -- codebook import -------------------------------------------------------

    @Slot()
    def import_codebook(self) -> None:
        title = self.tr("Import codebook")
        if self._store(title) is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, title, str(self._folder()), self.tr("REFI-QDA codebooks (*.qdc);;All files (*)")
        )
        if path:
            self.show_codebook_plan(Path(path))

    def show_codebook_plan(self, path: Path) -> CodebookImportDialog | None:
        """Read ``path``, plan the import and show the plan; nothing changes until it is accepted."""
        from lobcoder.gui.dialogs.codebook_import_dialog import CodebookImportDialog
        from lobcoder.refi.qdc import read_qdc

        store = self.window.store
        if store is None:
            return None
        try:
            codebook, notes = read_qdc(path)
            with store.read() as session:
                plan = plan_codebook_import(session, codebook)
        except LobcoderError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot import the codebook"), error_text(exc))
            return None
        current = {code.guid.lower(): code for code in self.window.codes_by_id.values()}
        dialog = CodebookImportDialog(path, plan, notes, current, self.window)
        dialog.accepted.connect(partial(self.apply_codebook_plan, plan, path))
        self._keep("plan_dialog", dialog)
        dialog.open()
        return dialog

    def apply_codebook_plan(self, plan: CodebookImportPlan, path: Path | None = None) -> bool:
        """Back up, then carry out ``plan`` in the background as one undoable action; select the first new code.

        The backup takes seconds on a large project, so it runs in the worker
        with the import, with progress and Cancel: a cancel (during the backup
        or before the import's transaction) changes nothing in the project.
        Returns whether the task was started.
        """
        store, stack = self.window.store, self.window.undo_stack
        if store is None or stack is None or not (plan.added or plan.updated):
            return False
        if self._busy():
            self._status(self.tr("Another task is still running; import the codebook again when it has finished."))
            return False
        backup, report_backup = self.window.menu_actions.backups.in_worker(store, BEFORE_CODEBOOK_IMPORT)
        command = ImportCodebook(plan)
        backing_up, importing = self.tr("Backing up the project first…"), self.tr("Adding the codes…")

        def work(progress: ProgressCallback, cancelled: CancelCheck) -> Command:
            def copying(done: int, total: int, _label: str) -> None:
                progress(done, total, backing_up)

            backup(copying, cancelled)
            if cancelled():
                raise Cancelled("codebook import cancelled")
            progress(0, 0, importing)
            with store.transaction() as session:
                return command.apply(session)

        def done(inverse: Command) -> None:
            if self.window.undo_stack is stack:
                stack.record(command, inverse)
            if plan.added and (found := self.window.code_id_for_guid(plan.added[0].guid)) is not None:
                self.window.select_code(found)
            added = self.tr("%n new code(s)", "", len(plan.added))
            updated = self.tr("%n updated", "", len(plan.updated))
            self._status(self.tr("Codebook imported: {0}, {1}").format(added, updated))

        title = self.tr("Import codebook")
        label = self.tr("Importing {0}…").format(path.name) if path is not None else self.tr("Importing the codebook…")
        self._start(title, label, work, done, on_end=report_backup)  # also when the import failed or was cancelled
        return True

    # -- new project with the research codebook --------------------------------

    @Slot()
    def new_project_from_codebook(self) -> None:
        title = self.tr("New project from research codebook")
        names = available_languages()
        choices = [names.get(code, code) for code in LANGUAGES]
        current = LANGUAGES.index(self._language()) if self._language() in LANGUAGES else 0
        count = load_builtin_codebook(LANGUAGES[current]).count()
        label = self.tr(
            "The project starts with lobcoder's research codebook on career guidance (LOB): "
            "four themes and their sub-codes, %n code(s) in all, each with a definition, "
            "criteria and examples.\n\nLanguage of the codebook:",
            "",
            count,
        )
        choice, ok = QInputDialog.getItem(self.window, title, label, choices, current, False)
        if not ok or choice not in choices:
            return
        language = LANGUAGES[choices.index(choice)]
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            title,
            str(self._folder()),
            self._project_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return
        target = Path(path) if path.endswith(EXTENSION) else Path(path + EXTENSION)
        try:
            create_project_with_codebook(target, language)
        except LobcoderError as exc:
            QMessageBox.warning(self.window, title, error_text(exc))
            return
        self.window.open_project(target)

    # -- project export and import (.qdpx) ---------------------------------------

    @Slot()
    def export_project(self) -> None:
        """Ask whether to pseudonymise, then for the file name, then write it in the background."""
        title = self.tr("Export project as REFI-QDA")
        store = self._store(title)
        if store is None or self._busy():
            return
        self.window.coding_pane.commit_memo()
        from lobcoder.gui.dialogs.export_choices_dialog import ExportChoicesDialog
        from lobcoder.gui.pseudonymise.export_option import accepted_terms

        intro = self.tr(
            "The whole project (documents, codes, codings, memos, participants and attributes) as one "
            "REFI-QDA file that ATLAS.ti, MAXQDA, NVivo and QualCoder can open."
        )
        dialog = ExportChoicesDialog(title, intro, accepted_terms(store), self.window)
        dialog.accepted.connect(self._choose_qdpx_file)
        self._keep("choices_dialog", dialog)
        dialog.open()

    @Slot()
    def _choose_qdpx_file(self) -> None:
        store = self.window.store
        if store is None or self.choices_dialog is None:
            return
        pseudonymise = self.choices_dialog.choices().pseudonymise
        if pseudonymise:  # the file name is shared too: ROC_Veenstroom.lobcoder -> School_A-pseudo.qdpx
            from lobcoder.pseudonymise.export_copy import project_shared_stem

            suggested = store.path.with_name(f"{project_shared_stem(store)}-pseudo{QDPX}")
        else:
            suggested = store.path.with_suffix(QDPX)
        title = self.tr("Export project as REFI-QDA")
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested), self.tr("REFI-QDA projects (*.qdpx)"))
        if path:
            self.write_project(Path(path) if path.lower().endswith(QDPX) else Path(path + QDPX), pseudonymise)

    def write_project(self, target: Path, pseudonymise: bool = False) -> None:
        """Write the project (or, pseudonymised, its hidden pseudonymised copy) to ``target`` in the background."""
        store = self.window.store
        if store is None:
            return
        from lobcoder.pseudonymise.export_copy import write_export

        if pseudonymise:
            label = self.tr("Pseudonymising and writing {0}…").format(target.name)
        else:
            label = self.tr("Writing {0}…").format(target.name)
        from lobcoder.refi.qdpx_export import export_qdpx

        write = partial(export_qdpx, path=target)
        leaks = LeakReport()  # pseudonymised: what the leak check finds, shown after the report
        work = partial(
            write_export,
            store,
            pseudonymise,
            target.parent,
            write,
            language=self._language(),
            on_leaks=leaks,
            file_names=[target.name],
        )
        self._start(self.tr("Export project as REFI-QDA"), label, work, partial(self._project_exported, leaks=leaks))

    def _project_exported(self, report: ExportReport, leaks: LeakReport | None = None) -> None:
        self._show_report(
            self.tr("Project exported"),
            self.tr("The project was exported to {0}").format(report.path),
            self._summary(report),
            list(report.notes),
        )
        self._status(self.tr("Exported the project to {0}").format(report.path))
        if leaks is not None:
            show_leaks(self.window, leaks, self.tr("Export project as REFI-QDA"))

    @Slot()
    def import_project(self) -> None:
        title = self.tr("Import REFI-QDA project")
        if self._busy():
            return
        source, _ = QFileDialog.getOpenFileName(
            self.window, title, str(self._folder()), self.tr("REFI-QDA projects (*.qdpx);;All files (*)")
        )
        if not source:
            return
        origin = Path(source)
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save the imported project as"),
            str(origin.with_suffix(EXTENSION)),
            self._project_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return
        target = Path(path) if path.endswith(EXTENSION) else Path(path + EXTENSION)
        label = self.tr("Reading {0}…").format(origin.name)
        from lobcoder.refi.qdpx_import import import_qdpx

        work = partial(import_qdpx, origin, target)
        self._start(title, label, work, self._project_imported)

    @Slot(object)
    def _project_imported(self, report: ImportReport) -> None:
        if not self.window.open_project(Path(report.path)):
            return
        self._show_report(
            self.tr("Project imported"),
            self.tr("Created {0} from {1}").format(report.path, Path(report.source).name),
            self._summary(report),
            list(report.notes),
        )

    def _show_report(self, title: str, heading: str, summary: str, notes: Sequence[str | Said]) -> None:
        from lobcoder.gui.dialogs.exchange_report_dialog import ExchangeReportDialog

        dialog = ExchangeReportDialog(title, heading, summary, notes, self.window)
        self._keep("report_dialog", dialog)
        dialog.open()

    def _summary(self, report: ExportReport | ImportReport) -> str:
        """The counts on one line and, below them, what was not taken over."""
        counts = " · ".join(
            [
                self.tr("%n document(s)", "", report.documents),
                self.tr("%n code(s)", "", report.codes),
                self.tr("%n coding(s)", "", report.codings),
                self.tr("%n participant(s)", "", report.participants),
                self.tr("%n memo(s)", "", report.memos),
            ]
        )
        return "\n".join([counts, *self._dropped(report.dropped)])

    def _dropped(self, dropped: dict[str, int]) -> list[str]:
        names: dict[str, Callable[[int], str]] = {
            "sets": lambda n: self.tr("%n code set(s)", "", n),
            "graphs": lambda n: self.tr("%n graph(s)", "", n),
            "selections": lambda n: self.tr("%n selection(s)", "", n),
            "sources": lambda n: self.tr("%n source(s)", "", n),
            "notes": lambda n: self.tr("%n note(s)", "", n),
            "values": lambda n: self.tr("%n attribute value(s)", "", n),
            "links": lambda n: self.tr("%n link(s)", "", n),
            "codings": lambda n: self.tr("%n coding(s)", "", n),
        }
        parts = [names[key](count) if key in names else f"{key}: {count}" for key, count in dropped.items() if count]
        return [self.tr("Not taken over: {0}").format(", ".join(parts))] if parts else []


def _codebook_writer(path: Path, kind: str, options: CodebookExportOptions) -> Callable[..., int]:
    """``write_codebook`` for this file and these choices, waiting for the store (and progress keywords)."""
    return partial(
        write_codebook,
        path=path,
        kind=kind,
        branch_guid=options.branch_guid,
        language=options.language,
        counts=options.counts,
    )
