"""The Reliability per code tab tells 'no model trained yet' from 'no codings yet'.

Before the first training every code of the demo (which has codings) read
"no codings yet (codebook only)" with 0 coded sentences: untrue, and it sent
the user looking for codings she had made.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from lobcoder.demo import create_demo_project
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.suggestions.reliability import EXAMPLES, ReliabilityModel
from lobcoder.gui.suggestions.task import CodeStatus, Training, compute_suggestions
from lobcoder.services.documents import list_documents
from lobcoder.storage.project import ProjectStore


def test_before_training_the_codes_are_not_measured_rather_than_without_codings(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with ProjectStore.open(create_demo_project(tmp_path / "demo.lobcoder")) as store:
        with store.read() as session:
            document = list_documents(session)[0].id
        batch = compute_suggestions(store, document, Training.NEVER, lambda *_: None, lambda: False)
    assert batch.model is None and batch.codes and not any(c.trained for c in batch.codes)
    model = ReliabilityModel()
    model.set_codes(batch.codes, {})
    coded = next(i for i, c in enumerate(batch.codes) if c.codings)  # the demo's codes have codings
    assert model.status(batch.codes[coded]) == "not yet measured: no model trained yet (Train learns from the codings)"
    assert model.index(coded, EXAMPLES).data() == "–"  # not "0": nothing has been counted yet
    assert all(c.codings == 0 or model.status(c).startswith("not yet measured") for c in batch.codes)
    # No reliability from a trained model: no codings yet, or coded after the training.
    without = CodeStatus(code_id=1, name="Visie", reliability=None, codings=0, trained=True)
    assert model.status(without) == "not yet reliable: no codings yet (codebook only)"
    since = CodeStatus(code_id=1, name="Visie", reliability=None, codings=3, trained=True, coded_at_training=False)
    assert model.status(since) == "not yet measured: coded since the last training (Train learns from the codings)"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "not measured: at the last training none of its codings lay mostly in one sentence of an answer"),
        (
            "nl",
            "niet gemeten: bij de laatste training lag geen van de coderingen grotendeels in één zin van een antwoord",
        ),
    ],
)
def test_a_code_the_training_saw_without_a_coded_sentence_is_not_sent_to_train_again(
    qtbot, qapp: QApplication, language: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    """Coded only in the interviewer's questions (or across two sentences): Train cannot measure it, however often."""
    install_translations(qapp, language)
    model = ReliabilityModel()
    seen = CodeStatus(code_id=1, name="Vraag", reliability=None, codings=2, trained=True, coded_at_training=True)
    assert model.status(seen) == words
    unknown = CodeStatus(code_id=1, name="Vraag", reliability=None, codings=2, trained=True, coded_at_training=None)
    assert model.status(unknown) == (  # a model from before lobcoder remembered what it saw
        "not yet measured: train again to check it"
        if language == "en"
        else "nog niet gemeten: train opnieuw om dit na te gaan"
    )


def test_a_status_cut_short_shows_in_full_as_a_tooltip(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    """The Dutch statuses are longer than the column at 1000 px; hovering shows the whole sentence."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip

    from lobcoder.gui.elided_tooltip import ElidedTooltipDelegate
    from lobcoder.gui.suggestions.pane import SuggestionsPane
    from lobcoder.gui.suggestions.reliability import STATUS

    install_translations(qapp, "nl")
    pane = SuggestionsPane()
    qtbot.addWidget(pane)
    pane.resize(1000, 400)
    pane.show()
    pane.tabs.setCurrentWidget(pane.codes_table)
    seen = CodeStatus(code_id=1, name="Vraag", reliability=None, codings=2, trained=True, coded_at_training=True)
    model = pane.codes_table.model()
    assert isinstance(model, ReliabilityModel)
    model.set_codes([seen], {})
    qapp.processEvents()
    table = pane.codes_table
    index = model.index(0, STATUS)
    delegate = table.itemDelegateForIndex(index)
    assert isinstance(delegate, ElidedTooltipDelegate)
    option = QStyleOptionViewItem()
    option.initFrom(table.viewport())
    option.widget = table
    option.rect = table.visualRect(index)
    option.font = table.font()
    assert delegate.is_elided(option, index)
    event = QHelpEvent(QEvent.Type.ToolTip, option.rect.center(), table.viewport().mapToGlobal(option.rect.center()))
    assert delegate.helpEvent(event, table, option, index)
    assert QToolTip.text() == model.status(seen)
    QToolTip.hideText()
