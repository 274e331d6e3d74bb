"""The suggestions pane: which pipeline, the suggestions table, accept/reject buttons, progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lobcoder.gui.decimal_spin_box import DecimalSpinBox
from lobcoder.gui.elided_tooltip import ElidedTooltipDelegate
from lobcoder.gui.i18n import decimal
from lobcoder.gui.suggestions.model import (
    CODE,
    PASSAGE,
    REASON,
    RELIABILITY,
    SCORE,
    SuggestionModel,
    SuggestionRole,
)
from lobcoder.gui.suggestions.pipeline_text import pipeline_install_lines
from lobcoder.gui.suggestions.reliability import NAME, STATUS, ReliabilityModel
from lobcoder.gui.suggestions.task import STAGE_PIPELINE, STAGE_TRAINING, CodeStatus, ModelInfo
from lobcoder.suggest.pipeline import MODEL_NAME

if TYPE_CHECKING:
    from lobcoder.suggest.ranking import Suggestion

MUTED = "color: #6b6b6b;"
# The share of the window's height the docked pane asks for when it is first shown (the transcript comes
# first); the user can drag it, and the window remembers the size with the rest of its layout.
DOCK_SHARE = 0.35


class _BesideTabs(QWidget):
    """The tab bar's corner: as wide as the tabs leave free, so it never covers them (its labels clip first)."""

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__()
        self._tabs = tabs

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        room = self._tabs.width() - self._tabs.tabBar().sizeHint().width() - 8
        hint.setWidth(max(self.minimumSizeHint().width(), min(hint.width(), room)))
        return hint


class SuggestionsPane(QWidget):
    """Shows suggestions and asks for answers; the controller runs the commands.

    Signals:
        acceptRequested(object): a ``Suggestion`` to code.
        rejectRequested(object): a ``Suggestion`` never to show again.
        acceptAllRequested(object): a list of ``Suggestion`` (one code, score at least the threshold).
        suggestionChosen(object): a ``Suggestion`` was selected or double-clicked: show its span.
        trainRequested(): train the classifier on the project's codings, then suggest.
        refreshRequested(): suggest again with the stored model.
        cancelRequested(): stop the running computation.
        showUnreliableChanged(bool): the user asked to see (or hide) codes that are not yet reliable.
    """

    acceptRequested = Signal(object)
    rejectRequested = Signal(object)
    acceptAllRequested = Signal(object)
    suggestionChosen = Signal(object)
    trainRequested = Signal()
    refreshRequested = Signal()
    cancelRequested = Signal()
    showUnreliableChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False  # set while the selection is restored after a refresh
        self.pipeline_label = QLabel()
        self.pipeline_label.setTextFormat(Qt.TextFormat.PlainText)
        self.pipeline_label.setMinimumWidth(1)  # clipped in a narrow pane; the tooltip has it all
        self.pipeline_info = QLabel()  # an (i) beside the label when the full model is missing
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        size = self.fontMetrics().height()
        self.pipeline_info.setPixmap(icon.pixmap(size, size))
        self.pipeline_info.hide()
        # One line beside the pipeline: the table gets the height; the whole text is in the tooltip.
        self.model_label = QLabel()
        self.model_label.setStyleSheet(MUTED)
        self.model_label.setTextFormat(Qt.TextFormat.PlainText)
        self.model_label.setMinimumWidth(1)  # shrinks (clipped) in a narrow pane; the tooltip has it all
        self.refresh_button = QPushButton(self.tr("Refre&sh"))
        self.refresh_button.setToolTip(self.tr("Suggest again for this document with the current model"))
        self.train_button = QPushButton(self.tr("&Train"))
        self.train_button.setToolTip(self.tr("Learn from all codings and rejections in the project, then suggest"))

        self.model = SuggestionModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PASSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CODE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SCORE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RELIABILITY, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(CODE, 250)
        header.resizeSection(REASON, 300)

        self.show_unreliable = QCheckBox(self.tr("Show codes not &yet reliable"))
        self.show_unreliable.setToolTip(
            self.tr("Also list the suggestions of codes with few coded sentences or a low cross-validated F1")
        )
        # Why suggestions are hidden: inside the empty table when all are, else behind an (i) by the tick box.
        self.hidden_label = QLabel(self.table.viewport())
        self.hidden_label.setStyleSheet(MUTED)
        self.hidden_label.setWordWrap(True)
        self.hidden_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hidden_label.setContentsMargins(12, 8, 12, 8)
        self.hidden_label.hide()
        self.table.viewport().installEventFilter(self)
        self.hidden_info = QLabel()
        self.hidden_info.setPixmap(icon.pixmap(size, size))
        self.hidden_info.hide()
        self.codes_model = ReliabilityModel(self)
        self.codes_table = QTableView()
        self.codes_table.setModel(self.codes_model)
        self.codes_table.verticalHeader().hide()
        self.codes_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.codes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.codes_table.setAlternatingRowColors(True)
        # A Dutch status is often wider than the column: hovering shows it whole.
        self.codes_table.setItemDelegateForColumn(STATUS, ElidedTooltipDelegate(self.codes_table))
        self.codes_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        codes_header = self.codes_table.horizontalHeader()
        codes_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        codes_header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        codes_header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        codes_header.resizeSection(NAME, 250)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.table, self.tr("Suggestions"))
        self.tabs.addTab(self.codes_table, self.tr("Reliability per code"))

        self.accept_button = QPushButton(self.tr("Acce&pt"))
        self.accept_button.setToolTip(self.tr("Code this passage with the suggested code (Enter)"))
        self.reject_button = QPushButton(self.tr("Re&ject"))
        self.reject_button.setToolTip(self.tr("Never suggest this code for this passage again (Delete)"))
        self.accept_all_button = QPushButton()
        self.threshold = DecimalSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setValue(0.7)
        self.threshold.setToolTip(self.tr("Lowest score accepted by “Accept all”"))

        self.status = QLabel()
        self.status.setStyleSheet(MUTED)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Ca&ncel"))

        # Beside the tabs, not above them: every line above would be taken from the table.
        corner = _BesideTabs(self.tabs)
        top = QHBoxLayout(corner)
        top.setContentsMargins(12, 0, 0, 2)
        top.addWidget(self.pipeline_label)
        top.addWidget(self.pipeline_info)
        top.addSpacing(12)
        top.addWidget(self.model_label, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.train_button)
        answers = QHBoxLayout()
        answers.addWidget(self.accept_button)
        answers.addWidget(self.reject_button)
        answers.addStretch(1)
        answers.addWidget(self.accept_all_button)
        answers.addWidget(self.threshold)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.show_unreliable)
        bottom.addWidget(self.hidden_info)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(answers)
        layout.addLayout(bottom)

        self.accept_button.clicked.connect(self._accept)
        self.reject_button.clicked.connect(self._reject)
        self.accept_all_button.clicked.connect(self._accept_all)
        self.threshold.valueChanged.connect(self._update_buttons)
        self.train_button.clicked.connect(self.trainRequested)
        self.refresh_button.clicked.connect(self.refreshRequested)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.show_unreliable.toggled.connect(self.showUnreliableChanged)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(self._chosen)
        for key, slot in ((Qt.Key.Key_Return, self._accept), (Qt.Key.Key_Enter, self._accept)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        reject = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        reject.setContext(Qt.ShortcutContext.WidgetShortcut)
        reject.activated.connect(self._reject)
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self.model.modelReset.connect(self._place_hidden_note)
        self.model.rowsRemoved.connect(self._place_hidden_note)
        self.show_pipeline(None, False)
        self.show_idle("")
        self._update_buttons()

    def sizeHint(self) -> QSize:
        """In a window: about :data:`DOCK_SHARE` of its height, never below what the pane needs."""
        hint = super().sizeHint()
        top = self.window()
        if top is not self:
            hint.setHeight(max(self.minimumSizeHint().height(), round(top.height() * DOCK_SHARE)))
        return hint

    # -- what the controller shows -------------------------------------------------

    def show_pipeline(self, name: str | None, full_model: bool) -> None:
        """Name the pipeline in use; without the full model, say how to get it (in the tooltip)."""
        if name is None:
            text = self.tr("NLP pipeline: not loaded yet")
            tip = self.tr("The Dutch pipeline is loaded the first time suggestions are made.")
        elif full_model:
            text = self.tr("NLP pipeline: {0}").format(name)
            tip = self.tr("The full Dutch model: trained lemmas and sentence boundaries.")
        else:
            text = self.tr("NLP pipeline: offline · {0} not installed").format(MODEL_NAME)
            tip = "\n".join(
                [self.tr("The offline pipeline: blank Dutch with lookup lemmas."), *pipeline_install_lines()]
            )
        self.pipeline_label.setText(text)
        for label in (self.pipeline_label, self.pipeline_info):
            label.setToolTip(tip)
        self.pipeline_info.setVisible(name is not None and not full_model)

    def show_model(self, info: ModelInfo | None, too_few: int | None = None) -> None:
        """Say what the classifier knows; ``too_few``: training found no code with that many examples."""
        if too_few is not None:
            text = self.tr("Not enough codings to train: suggestions come from keywords")
            tip = self.tr(
                "Not enough codings to train: a code needs {0} coded sentences. "
                "Suggestions come from the codes' keywords."
            ).format(too_few)
        elif info is None:
            text = self.tr("No model trained yet: suggestions come from keywords")
            tip = self.tr(
                "No model trained yet: suggestions come from the codes' keywords. Train to learn from your codings."
            )
        else:
            text = tip = self.tr(
                "Model trained on {0} examples of your codings; it suggests %n code(s).", "", info.codes
            ).format(info.examples)
        self.model_label.setText(text)
        self.model_label.setToolTip(tip)

    def show_codes(self, codes: list[CodeStatus], colors: dict[int, str], hidden: int) -> None:
        """Fill the reliability table; ``hidden``: how many suggestions of unreliable codes are not listed."""
        self.codes_model.set_codes(codes, colors)
        unreliable = sum(not c.reliable for c in codes)
        least, floor = (codes[0].min_examples, codes[0].min_f1) if codes else (5, 0.4)
        if hidden:
            text = self.tr(
                "%n suggestion(s) hidden because their codes are not yet reliable "
                "(fewer than {0} coded sentences, or a cross-validated F1 below {1}). "
                "Tick “Show codes not yet reliable” to see them.",
                "",
                hidden,
            ).format(least, decimal(floor))
        elif unreliable and self.show_unreliable.isChecked():
            text = self.tr("Codes marked ⚠ are not yet reliable: check their suggestions with care.")
        else:
            text = ""
        self.hidden_label.setText(text)
        self.hidden_info.setToolTip(text)
        self._place_hidden_note()

    def _place_hidden_note(self) -> None:
        """The note fills the empty table when every suggestion is hidden; otherwise an (i) holds it."""
        text = self.hidden_label.text()
        inside = bool(text) and self.model.rowCount() == 0
        self.hidden_label.setVisible(inside)
        self.hidden_info.setVisible(bool(text) and not inside)
        if inside:
            self.hidden_label.setGeometry(self.table.viewport().rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._place_hidden_note()
        return super().eventFilter(watched, event)

    def show_busy(self, stage: str, done: int, total: int) -> None:
        if stage == STAGE_PIPELINE:
            text = self.tr("Loading the Dutch NLP pipeline…")
        elif stage == STAGE_TRAINING and total > 0:
            text = self.tr("Training: code {0} of {1}…").format(done, total)
        elif stage == STAGE_TRAINING:
            text = self.tr("Reading the coded documents…")
        else:  # STAGE_SUGGESTING, or not reported yet
            text = self.tr("Finding suggestions…")
        self.status.setText(text)
        self.progress.setRange(0, total if stage == STAGE_TRAINING and total > 0 else 0)
        self.progress.setValue(done)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)

    def show_idle(self, text: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)  # a failure's line can be longer than the pane is wide
        self.progress.hide()
        self.cancel_button.hide()

    def set_threshold(self, value: float) -> None:
        self.threshold.setValue(value)

    # -- the selection -----------------------------------------------------------------

    def selected(self) -> Suggestion | None:
        index = self.table.currentIndex()
        return self.model.suggestion(index.row()) if index.isValid() else None

    def select_row(self, row: int, quiet: bool = False) -> None:
        """Make ``row`` (clamped) current; ``quiet``: without showing its passage in the transcript."""
        count = self.model.rowCount()
        if count == 0 or row < 0:
            return
        index = self.model.index(min(row, count - 1), PASSAGE)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self._quiet = quiet
        try:
            self.table.selectionModel().setCurrentIndex(index, flags)
        finally:
            self._quiet = False

    def accept_all_candidates(self) -> list[Suggestion]:
        """The selected suggestion's code: every suggestion of it scoring at least the threshold."""
        chosen = self.selected()
        if chosen is None:
            return []
        floor = round(self.threshold.value(), 2)
        # Compared as shown (two decimals), so a row showing 0.70 is in at 0.70.
        return [s for s in self.model.suggestions() if s.code_guid == chosen.code_guid and round(s.score, 2) >= floor]

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.accept_button.setEnabled(chosen is not None)
        self.reject_button.setEnabled(chosen is not None)
        candidates = self.accept_all_candidates()
        if chosen is None:
            self.accept_all_button.setText(self.tr("Accept all of the selected code &with score ≥"))
        else:
            self.accept_all_button.setText(
                self.tr("Accept {0} of ‘{1}’ &with score ≥").format(
                    len(candidates), chosen.code_name.replace("&", "&&")
                )
            )
        self.accept_all_button.setEnabled(bool(candidates))

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        if current.isValid() and not self._quiet:
            self._chosen(current)

    @Slot(QModelIndex)
    def _chosen(self, index: QModelIndex) -> None:
        suggestion = index.data(SuggestionRole)
        if suggestion is not None:
            self.suggestionChosen.emit(suggestion)

    @Slot()
    def _accept(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.acceptRequested.emit(chosen)

    @Slot()
    def _reject(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.rejectRequested.emit(chosen)

    @Slot()
    def _accept_all(self) -> None:
        candidates = self.accept_all_candidates()
        if candidates:
            self.acceptAllRequested.emit(candidates)
