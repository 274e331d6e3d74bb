"""The pseudonymisation window: detect, review entities, preview a document, apply to a copy.

Detection (deduce's first lookup build can take minutes) and apply run on
workers with progress and cancel; decisions are saved in the project, so a
review can stop and continue later. Apply writes a new project and a key
file; the open project is never changed. Closing the window stops its worker
(a late result is dropped) and deletes it: its texts are the project's.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lobcoder.errors import LobcoderError
from lobcoder.gui.failures import error_text, sentence, show_unexpected_failure
from lobcoder.gui.i18n import interface_language
from lobcoder.gui.pseudonymise.entity_model import EntityModel
from lobcoder.gui.pseudonymise.leak_box import show_leaks
from lobcoder.gui.window_size import resize_to_screen
from lobcoder.gui.workers import Worker
from lobcoder.pseudonymise import deduce_engine
from lobcoder.pseudonymise.apply import Replacer
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.decisions import load_decisions, save_decisions
from lobcoder.pseudonymise.detect import Seed, detect, entities_from_seeds
from lobcoder.pseudonymise.entities import SOURCE_MANUAL, Entity, Location
from lobcoder.pseudonymise.export_copy import shared_stem
from lobcoder.pseudonymise.matcher import entity_key
from lobcoder.pseudonymise.preview import preview
from lobcoder.pseudonymise.sources import project_texts
from lobcoder.pseudonymise.termlist import decisions_from_entities, read_term_list, write_term_list
from lobcoder.storage.project import EXTENSION, ProjectStore

_HIGHLIGHT = "#ffe08a"
MIN_PREVIEW = 320  # pixels the preview keeps when the table widens to its columns


class PseudonymiseDialog(QDialog):
    def __init__(
        self, store: ProjectStore, parent: QWidget | None = None, selection: str = "", *, use_deduce: bool | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Pseudonymise project"))
        self.store = store
        self.worker: Worker | None = None
        self._writing = False  # the worker writes the copy (not detection)
        self.selection = selection
        with store.read() as session:
            self.texts = list(project_texts(session))
        self.model = EntityModel(self)
        self.model.decisions_changed.connect(self._decisions_changed)

        self.detect_button = QPushButton(self.tr("&Detect with deduce"))
        self.detect_button.clicked.connect(lambda: self.run_detection(use_deduce=True))
        self.add_button = QPushButton(self.tr("&Add term…"))
        self.add_button.clicked.connect(self._add_term)
        self.import_button = QPushButton(self.tr("&Import term list…"))
        self.import_button.clicked.connect(self._import_terms)
        self.export_button = QPushButton(self.tr("E&xport term list…"))
        self.export_button.clicked.connect(self._export_terms)
        self.apply_button = QPushButton(self.tr("&Write pseudonymised copy…"))
        self.apply_button.clicked.connect(self._apply)
        self.cancel_button = QPushButton(self.tr("&Cancel"))  # nl "&Annuleren": no other button has C or A
        self.cancel_button.clicked.connect(self._cancel)
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        # Every column as wide as its widest entry (a term or pseudonym cut off is one not reviewed), the last
        # one filling what is left; longer (Dutch) headers then give a scroll bar, never a clipped pseudonym.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._entity_chosen)
        self.occurrences = QListWidget()
        self.occurrences.currentRowChanged.connect(self._occurrence_chosen)
        self.document_box = QComboBox()
        for location, _text in self.texts:
            self.document_box.addItem(location.name)
        self.document_box.currentIndexChanged.connect(lambda _i: self._show_preview())
        self.preview = QTextBrowser()

        buttons = QHBoxLayout()
        for button in (self.detect_button, self.add_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 3)
        left_layout.addWidget(QLabel(self.tr("Where it occurs:")))
        left_layout.addWidget(self.occurrences, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Preview (replacements highlighted):")))
        right_layout.addWidget(self.document_box)
        right_layout.addWidget(self.preview, 1)
        self.splitter = splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([640, 420])  # then as wide as the table's columns need (_fit_table)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.apply_button)
        note = QLabel(
            self.tr(
                "No detector finds everything. Read the preview of every document before you share the copy; "
                "the original project is never changed."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        resize_to_screen(self, 1100, 720)
        # deduce runs at once when its lists are built; otherwise the user starts the slow first build.
        self.run_detection(use_deduce=deduce_engine.is_built() if use_deduce is None else use_deduce)

    # -- detection ---------------------------------------------------------------

    def run_detection(self, *, use_deduce: bool) -> None:
        """Project lists, stored decisions and (optionally) deduce, on a worker."""
        with self.store.read() as session:
            stored = load_decisions(session)
        current = decisions_from_entities(self.model.entities())
        store = self.store

        def task(progress, cancelled):
            return detect(
                store, decisions=[*current, *stored], use_deduce=use_deduce, progress=progress, cancelled=cancelled
            )

        if use_deduce and not deduce_engine.is_built():
            label = self.tr("Building deduce's name and place lists (once, 1-3 minutes)…")
        elif use_deduce:
            label = self.tr("Loading deduce and searching every document…")
        else:
            label = self.tr("Searching for the project's participants, speakers and schools…")
        self._start(task, label, self._detected)

    @Slot(object)
    def _detected(self, entities: list[Entity]) -> None:
        self.model.set_entities(entities)
        self._fit_table()
        if entities:
            self.table.selectRow(0)
        self._decisions_changed()
        used = any("deduce" in e.sources for e in entities)
        self.detect_button.setEnabled(not used)

    def _fit_table(self) -> None:
        """Widen the table to what its columns need, the preview keeping :data:`MIN_PREVIEW`.

        "Found by" is the last column and holds the longest words (``short form of Meerwijk College``):
        stretched into what was left, it was cut, and with it why a row is there.
        """
        table, header = self.table, self.table.horizontalHeader()
        columns = range(self.model.columnCount())
        needed = sum(max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in columns)
        needed += table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth() + 2
        left, right = self.splitter.sizes()
        wanted = min(needed, left + right - MIN_PREVIEW)
        if wanted > left:
            self.splitter.setSizes([wanted, left + right - wanted])

    # -- review ------------------------------------------------------------------

    @Slot()
    def _decisions_changed(self) -> None:
        entities = self.model.entities()
        accepted = [e for e in entities if e.accepted and e.pseudonym]
        self.status.setText(
            self.tr("{0} entities, {1} to replace at {2} places.").format(
                len(entities), len(accepted), sum(e.count for e in accepted)
            )
        )
        self._show_preview()

    def _entity_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.occurrences.clear()
        if not current.isValid():
            return
        entity = self.model.entity(current.row())
        texts = dict(self.texts)
        for finding in entity.findings:
            text = texts[finding.location]
            left = text[max(0, finding.start - 30) : finding.start].replace("\n", " ")
            right = text[finding.end : finding.end + 30].replace("\n", " ")
            self.occurrences.addItem(f"{finding.location.name}: …{left}[{finding.text}]{right}…")
        if entity.findings:
            self.occurrences.setCurrentRow(0)

    def _occurrence_chosen(self, row: int) -> None:
        current = self.table.currentIndex()
        if row < 0 or not current.isValid():
            return
        finding = self.model.entity(current.row()).findings[row]
        names = [location for location, _t in self.texts]
        self.document_box.setCurrentIndex(names.index(finding.location))
        self._show_preview(scroll_to=finding.text)

    def _show_preview(self, scroll_to: str = "") -> None:
        index = self.document_box.currentIndex()
        if index < 0:
            return
        location, text = self.texts[index]
        new_text, spans = preview(text, location, self.model.entities())
        parts, at = [], 0
        for start, end, original in spans:
            parts.append(html.escape(new_text[at:start]))
            title = html.escape(original, quote=True)
            parts.append(
                f'<span style="background:{_HIGHLIGHT}" title="{title}">{html.escape(new_text[start:end])}</span>'
            )
            at = end
        parts.append(html.escape(new_text[at:]))
        self.preview.setHtml("<div style='white-space: pre-wrap'>" + "".join(parts) + "</div>")

    def _add_term(self) -> None:
        term, ok = QInputDialog.getText(
            self, self.tr("Add term"), self.tr("Text to replace everywhere:"), QLineEdit.EchoMode.Normal, self.selection
        )
        term = " ".join(term.split())
        if not ok or not term:
            return
        pseudonym, ok = QInputDialog.getText(self, self.tr("Add term"), self.tr("Pseudonym for “{0}”:").format(term))
        if not ok:
            return
        self.add_term(term, " ".join(pseudonym.split()))

    def add_term(self, term: str, pseudonym: str, category: Category = Category.OTHER) -> Entity:
        """Add a term chosen by the researcher, with all its occurrences."""
        seeds = {entity_key(term): Seed(term, category, SOURCE_MANUAL, 1.0, pseudonym)}
        entity = entities_from_seeds(seeds, self.texts)[0]
        row = self.model.add(entity)
        self.table.selectRow(row)
        self._decisions_changed()
        return entity

    def _import_terms(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import term list"), "", self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            decisions = read_term_list(path)
        except LobcoderError as exc:
            QMessageBox.warning(self, self.tr("Import term list"), error_text(exc))
            return
        self.save_decisions(decisions)
        self.run_detection(use_deduce=any("deduce" in e.sources for e in self.model.entities()))

    def _export_terms(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export term list"), "", self.tr("CSV files (*.csv)"))
        if path:
            try:
                write_term_list(path, self.model.entities())
            except LobcoderError as exc:
                QMessageBox.warning(self, self.tr("Export term list"), error_text(exc))

    def save_decisions(self, decisions: list | None = None) -> None:
        """Store the decisions in the project (one action)."""
        with self.store.transaction() as session:
            save_decisions(
                session, decisions if decisions is not None else decisions_from_entities(self.model.entities())
            )

    def done(self, result: int) -> None:
        """Closing keeps the review (the decisions are stored in the project) and stops the worker.

        While the pseudonymised copy is being written, closing asks first: it stops the writing, so no copy is made.
        """
        if self.is_writing() and not self._stop_writing_confirmed():
            return
        if self.worker is not None:
            self.worker.abandon()  # its result may still be queued: it must not reach a closing window
        if self.model.rowCount():
            self.save_decisions()
        super().done(result)

    def is_writing(self) -> bool:
        """Whether the pseudonymised copy is being written now."""
        return self._writing and self.worker is not None and not self.worker.is_done()

    def _stop_writing_confirmed(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("The pseudonymised copy is still being written. Stop writing and close? No copy is made."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- apply -------------------------------------------------------------------

    def _apply(self) -> None:
        replacer = Replacer(decisions_from_entities(self.model.entities()))  # as the table stands, saved or not
        base = self.store.path.with_name(shared_stem(self.store.path.stem, replacer) + "-pseudo" + EXTENSION)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Write pseudonymised copy"),
            str(base),
            self.tr("lobcoder projects (*{0})").format(EXTENSION),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return
        out = Path(path) if path.endswith(EXTENSION) else Path(path + EXTENSION)
        key = out.with_name(out.stem + "-key.json")
        password, ok = QInputDialog.getText(
            self,
            self.tr("Key file"),
            self.tr("The key (who is who) goes to {0}.\nPassword to encrypt it (leave empty for none):").format(
                key.name
            ),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self.apply_to(out, key, password or None)

    def apply_to(self, out: Path, key: Path, password: str | None) -> None:
        self.save_decisions()
        decisions = decisions_from_entities(self.model.entities())
        store = self.store
        from lobcoder.pseudonymise.apply import apply_pseudonyms

        language = interface_language()

        def task(progress, cancelled):
            return apply_pseudonyms(
                store, decisions, out, key, password=password, language=language, progress=progress, cancelled=cancelled
            )

        self._start(task, self.tr("Writing the pseudonymised copy…"), self._applied)
        self._writing = True

    @Slot(object)
    def _applied(self, result) -> None:
        self.status.setText(
            self.tr("Written: {0} ({1} replacements; {2} codings moved). Key: {3}").format(
                result.path.name, result.replacements, result.codings, result.key_path.name
            )
        )
        self.last_result = result
        self.leak_box = show_leaks(self, result.leaks, self.windowTitle())

    # -- workers -----------------------------------------------------------------

    def _start(self, task, label: str, done) -> None:
        self.status.setText(label)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        for button in (self.detect_button, self.apply_button, self.import_button, self.add_button):
            button.setEnabled(False)
        self.worker = Worker(task)
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(done)
        self.worker.signals.failed.connect(self._failed)
        self.worker.signals.cancelled.connect(self._stopped)
        for signal in (self.worker.signals.finished, self.worker.signals.failed, self.worker.signals.cancelled):
            signal.connect(self._idle)
        self.worker.start(owner=self)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    @Slot()
    def _idle(self, *_args: object) -> None:
        self._writing = False
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        for button in (self.apply_button, self.import_button, self.add_button):
            button.setEnabled(True)
        self.detect_button.setEnabled(not any("deduce" in e.sources for e in self.model.entities()))

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.status.setText(sentence(message))
        if self.worker is not None and self.worker.details is not None:
            show_unexpected_failure(self, self.windowTitle(), self.worker.details)
            return
        QMessageBox.warning(self, self.windowTitle(), message)

    @Slot()
    def _stopped(self) -> None:
        self.status.setText(self.tr("Stopped; nothing was written."))

    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def wait(self) -> None:
        """Wait for the running worker (tests)."""
        if self.worker is not None:
            self.worker.wait()

    def texts_by_location(self) -> dict[Location, str]:
        return dict(self.texts)
