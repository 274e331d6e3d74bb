"""The code tree at 1366 × 768: the code names get the room, and a name still cut short shows in full as a tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolTip

from lobcoder.gui.elided_tooltip import ElidedTooltipDelegate
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.gui.window_size import fitted_size
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

TEXT = "I: Hoe leren jullie van elkaar?\nMarieke: " + "We kijken bij elkaar in de les. " * 20 + "\n"
LONG = "Reflectie op eigen handelen in de begeleiding van studenten bij stagekeuzes"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "project.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        documents = [add_document(session, f"docent{n}_ronde1", TEXT).id for n in range(6)]
        theme = create_code(session, "Collectief leren", color="#e69f00")
        for name in ("Formele kennisoverdracht", "Informeel leren van collega's", LONG):
            code = create_code(session, name, theme.id, color="#56b4e9")
            for n, document in enumerate(documents):
                for start in range(0, 3 * 30, 30):
                    add_coding(session, document, code.id, 40 + start + n, 60 + start + n)
    return path


def _row(win: MainWindow, name: str):
    model = win.code_tree.model()
    found = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, name, 1, Qt.MatchFlag.MatchRecursive)
    assert found, name
    return found[0]


def _option(win: MainWindow, index) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(win.code_tree.viewport())
    option.widget = win.code_tree
    option.rect = win.code_tree.visualRect(index)
    option.font = win.code_tree.font()
    return option


@pytest.mark.parametrize("language", ["en", "nl"])
def test_code_names_get_the_room_and_a_cut_name_shows_in_full(qtbot, qapp: QApplication, tmp_path, project, language):
    install_translations(qapp, language)  # the conftest puts English back afterwards
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.resize(fitted_size(QSize(1500, 950), QSize(1366, 728)))
    win.show()
    assert win.open_project(project)
    tree, header = win.code_tree, win.code_tree.header()
    delegate = tree.itemDelegate()
    assert isinstance(delegate, ElidedTooltipDelegate)
    assert tree.width() < 400  # the narrow left pane of a laptop screen
    # The two count columns together take well under a third of the tree ("0 (18)" and "Codings"/"Cod." fit).
    counts = header.sectionSize(1) + header.sectionSize(2)
    assert counts < tree.viewport().width() / 3, (counts, tree.viewport().width())
    assert header.sectionSize(0) + counts <= tree.viewport().width()
    model = tree.model()
    assert model.index(0, 1).data() == "0 (54)"
    for name in ("Formele kennisoverdracht", "Informeel leren van collega's"):
        index = _row(win, name)
        assert not delegate.is_elided(_option(win, index), index), name

    index = _row(win, LONG)
    option = _option(win, index)
    assert delegate.is_elided(option, index)
    event = QHelpEvent(QEvent.Type.ToolTip, option.rect.center(), tree.viewport().mapToGlobal(option.rect.center()))
    assert delegate.helpEvent(event, tree, option, index)
    assert QToolTip.text() == LONG
    QToolTip.hideText()
    # A name that fits keeps the model's own tooltip (the description, here none): no tooltip from the delegate.
    short = _row(win, "Collectief leren")
    assert not delegate.is_elided(_option(win, short), short)
    win.close()
