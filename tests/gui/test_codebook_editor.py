"""The codebook editor saves rich fields as one undoable action."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from lobcoder.demo import create_demo_project
from lobcoder.gui.codebook_editor import CodebookEditor
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.services.codes import create_code
from lobcoder.storage.models import Code
from lobcoder.storage.project import ProjectStore


def test_edit_rich_fields_save_and_undo(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "cb.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        theme = create_code(session, "Visie", color="#009e73")
        create_code(session, "Gedeelde visie", theme.id)
    window = MainWindow(Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    window.open_project(path)
    editor = CodebookEditor(window)
    qtbot.addWidget(editor)
    child = next(c for c in window.codes_by_id.values() if c.name == "Gedeelde visie")
    editor.select(child.id)
    assert editor.name.text() == "Gedeelde visie"
    editor.fields["definition"].setPlainText("Docenten en leiding delen één beeld van LOB 😀")
    editor.fields["keywords"].setPlainText("gedeelde visie\nsamen ontwikkeld\n")
    editor.name.setText("Gedeelde visie op LOB")
    assert editor.save()
    assert window.store is not None
    with window.store.read() as session:
        code = session.scalar(select(Code).where(Code.guid == child.guid))
        assert code is not None
        assert (code.name, code.definition, code.keywords) == (
            "Gedeelde visie op LOB",
            "Docenten en leiding delen één beeld van LOB 😀",
            "gedeelde visie\nsamen ontwikkeld",
        )
    window.menu_actions.undo_action.trigger()  # type: ignore[union-attr]
    assert editor.name.text() == "Gedeelde visie"
    assert editor.fields["definition"].toPlainText() == ""
    editor.close()
    window.close()


def test_a_long_description_shows_its_beginning_and_save_has_a_letter(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "cb.lobcoder"
    description = "Bijeenkomsten, trainingen en presentaties waarin kennis over LOB wordt overgedragen aan docenten."
    with ProjectStore.create(path) as store, store.transaction() as session:
        create_code(session, "Formele kennisoverdracht", color="#4a7fd0", description=description)
    window = MainWindow(Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    window.open_project(path)
    editor = CodebookEditor(window)
    qtbot.addWidget(editor)
    editor.show()
    code = next(iter(window.codes_by_id.values()))
    editor.select(code.id)
    field = editor.fields["description"]
    assert field.text() == description
    assert field.cursorPosition() == 0  # the start is in view, not "…wordt overgedragen aan docenten."
    assert editor.name.cursorPosition() == 0
    assert editor.save_button.text().replace("&&", "").count("&") == 1  # Alt+S saves
    editor.close()
    window.close()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_field_is_reached_with_its_own_alt_letter(qapp, qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, language)  # the conftest puts English back afterwards
    path = tmp_path / "cb.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        create_code(session, "Werkdruk")
    window = MainWindow(Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    window.open_project(path)
    editor = CodebookEditor(window)
    qtbot.addWidget(editor)
    editor.show()
    labels = [label for label in editor.findChildren(QLabel) if label.buddy() is not None]
    fields = {label.buddy() for label in labels}
    assert fields == {editor.name, editor.color_button, *editor.fields.values()}  # every field has its label
    texts = [label.text() for label in labels] + [editor.save_button.text()]
    letters = [re.search(r"&([^&])", text) for text in texts]
    assert all(letters), texts
    used = [m.group(1).lower() for m in letters if m]
    assert len(set(used)) == len(used), texts
    assert ("&Name:" in texts) is (language == "en"), texts
    editor.close()
    window.close()


def test_the_code_tree_shows_names_and_counts_without_scrolling_sideways(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "cb.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        theme = create_code(session, "Transformationeel leiderschap")
        create_code(session, "Samen oefenen met loopbaangesprekken", theme.id)
        create_code(session, "Inspireren en voorbeeldgedrag", theme.id)
    window = MainWindow(Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    window.open_project(path)
    editor = CodebookEditor(window)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    tree = editor.tree
    assert tree.horizontalScrollBar().maximum() == 0
    header = tree.header()
    assert header.sectionViewportPosition(1) + header.sectionSize(1) <= tree.viewport().width()  # counts in view
    left, right = editor.splitter.sizes()
    assert right >= left  # the fields keep the larger part
    editor.close()
    window.close()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "0 codings (18 with its sub-codes)"), ("nl", "0 coderingen (18 met de subcodes erbij)")],
)
def test_a_theme_coded_through_its_sub_codes_shows_those_codings(
    qapp, qtbot, tmp_path: Path, language: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, language)  # the conftest puts English back afterwards
    window = MainWindow(Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    window.open_project(create_demo_project(tmp_path / "demo.lobcoder"))
    editor = CodebookEditor(window)
    qtbot.addWidget(editor)
    theme = next(c for c in window.codes_by_id.values() if c.name == "Collectief leren")
    editor.select(theme.id)
    assert editor.status.text() == expected
    sub_code = next(c for c in window.codes_by_id.values() if c.name == "Formele kennisoverdracht")
    editor.select(sub_code.id)
    assert re.fullmatch(r"6 (codings|coderingen)", editor.status.text())  # no sub-codes: no brackets
