"""The Agreement tab on a real project: the core's figures, the disagreement browser, resolving with undo, export."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from lobcoder.agreement.compute import agreement
from lobcoder.agreement.report import agreement_table
from lobcoder.analysis.dataset import load_dataset
from lobcoder.gui.analysis.agreement_tab import ALL_CODERS
from lobcoder.gui.analysis.disagreement_browser import passage_html
from lobcoder.gui.analysis.install import AnalysisMenu, install_analysis_menu
from lobcoder.gui.analysis.table_model import RawValueRole
from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.importing.extracted import Turn
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Code, Coder, Coding
from lobcoder.storage.project import ProjectStore

TEXT = (
    "I: Hoe koos je je opleiding?\n"
    "R: Ik koos zelf. Mijn mentor hielp niet. Dat was jammer.\n"
    "I: Waarom niet?\n"
    "R: Geen tijd. Ze had veel studenten."
)
CODINGS = [
    ("Keuze", "Ik koos zelf", "Anna"),
    ("Mentor", "Mijn mentor hielp niet. Dat was jammer.", "Anna"),
    ("Keuze", "Ik koos zelf.", "Bram"),
    ("Mentor", "Mijn mentor hielp niet.", "Bram"),
    ("Keuze", "Geen tijd", "Bram"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "team.lobcoder"
    turns = [Turn(m.group(1), m.start(), m.end(1) + 2, m.end()) for m in re.finditer(r"^(\w+): [^\n]*", TEXT, re.M)]
    with ProjectStore.create(path) as store, store.transaction() as session:
        document = add_document(session, "int1", TEXT, turns).id
        codes = {name: create_code(session, name).id for name in ("Keuze", "Mentor")}
        for code, words, coder in CODINGS:
            start = TEXT.index(words)
            add_coding(session, document, codes[code], start, start + len(words), coder=coder)
    return path


@pytest.fixture
def analysis(qtbot, tmp_path: Path, project: Path) -> Iterator[AnalysisWindow]:
    window, shown = opened(qtbot, project, tmp_path / "settings.ini")
    yield shown
    window.close()


def opened(qtbot, project: Path, settings: Path, *, agreement: bool = True) -> tuple[MainWindow, AnalysisWindow]:  # type: ignore[no-untyped-def]
    """The main window on ``project`` and its analysis window, on the Agreement tab unless told otherwise."""
    window = MainWindow(Settings(str(settings)))
    qtbot.addWidget(window)
    install_analysis_menu(window)
    window.show()
    assert window.open_project(project)
    analysis = window.findChild(AnalysisMenu).show_analysis()
    if agreement:
        analysis.tabs.setCurrentWidget(analysis.agreement)
    wait_idle(qtbot, analysis)
    return window, analysis


def wait_idle(qtbot, analysis: AnalysisWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: analysis.dataset is not None and analysis.is_idle(), timeout=15000)


def shown(analysis: AnalysisWindow) -> list[list[object]]:
    model = analysis.agreement.model
    return [[model.index(r, c).data(RawValueRole) for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_table_shows_the_core_figures(analysis: AnalysisWindow) -> None:
    tab = analysis.agreement
    assert (tab.first.currentText(), tab.second.currentText()) == ("Anna", "Bram")
    assert analysis.store is not None
    with analysis.store.read() as session:
        dataset = load_dataset(session)
    result = agreement(dataset, ["Anna", "Bram"], "sentence")
    expected = agreement_table(result, result.tables[0])
    assert shown(analysis) == [[row.label, *row.values] for row in expected.rows]
    assert "Unit: sentence" in tab.notes.text()  # the notes' start on one line, all of them in the tooltip
    assert tab.notes.text().endswith("…") and "Documents (1): int1." in tab.notes.toolTip()


def test_unit_and_measure_choices(qtbot, analysis: AnalysisWindow) -> None:
    tab = analysis.agreement
    tab.unit.setCurrentIndex(tab.unit.findData("overlap"))
    wait_idle(qtbot, analysis)
    assert tab.overlap.isEnabled()
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert "Neither" not in headers and "Cohen's κ" not in headers
    assert shown(analysis)[0][:4] == ["Keuze", 0, 1, 2]  # Bram's "Geen tijd" unmatched
    tab.unit.setCurrentIndex(tab.unit.findData("document"))
    tab.measure.setCurrentIndex(tab.measure.findData("alpha"))
    wait_idle(qtbot, analysis)
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert headers[-3:] == ["% agreement", "Krippendorff's α", "95% CI"]


def passage(html: str) -> str:
    """A pane's passage: what follows the line above it (the pane's summary of the codes)."""
    assert html.count("<hr />") == 1
    return html.split("<hr />")[1]


def test_browser_lists_disagreements_and_resolving_is_undoable(qtbot, analysis: AnalysisWindow) -> None:
    tab = analysis.agreement
    browser = tab.browser
    listed = [(d.code, TEXT[d.start : d.end]) for d in browser.model.items]
    assert listed == [("Mentor", "Dat was jammer."), ("Keuze", "R: Geen tijd.")]
    assert browser.count.text() == "2 disagreements"
    assert browser.keep_first.text() == "Keep Anna"
    # Anna's coding highlighted in her passage (and the code's name above both passages in the same colour).
    assert "#ffd866" in passage(browser.first_text.toHtml())
    assert "#ffd866" not in passage(browser.second_text.toHtml())
    assert "Mentor: coded here" in browser.first_text.toPlainText()
    assert "Mentor: not coded here" in browser.second_text.toPlainText()
    # Choosing a code in the table lists only its disagreements.
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    assert [d.code for d in browser.model.items] == ["Keuze"]
    tab.table.setCurrentIndex(tab.model.index(tab.model.rowCount() - 1, 0))  # the total row: all again
    assert len(browser.model.items) == 2
    browser.list.setCurrentIndex(browser.model.index(0, 0))
    stack = analysis.stack
    assert stack is not None
    browser.keep_first.click()
    assert stack.undoText() == "Resolve disagreement on ‘Mentor’"
    wait_idle(qtbot, analysis)
    qtbot.waitUntil(lambda: [d.code for d in browser.model.items] == ["Keuze"], timeout=15000)
    stack.undo()
    wait_idle(qtbot, analysis)
    qtbot.waitUntil(lambda: len(browser.model.items) == 2, timeout=15000)


def test_consensus_coder_leaves_the_figures(qtbot, analysis: AnalysisWindow) -> None:
    browser = analysis.agreement.browser
    browser.consensus.setChecked(True)
    browser.list.setCurrentIndex(browser.model.index(1, 0))
    before = shown(analysis)
    browser.keep_neither.click()
    browser.list.setCurrentIndex(browser.model.index(0, 0))
    browser.keep_both.click()
    wait_idle(qtbot, analysis)
    assert shown(analysis) == before
    assert analysis.dataset is not None and "Consensus" in analysis.dataset.coders.values()


def test_consensus_decision_moves_on_to_the_next_disagreement(qtbot, analysis: AnalysisWindow) -> None:
    """Under a consensus coder the list stays the same, so a decision must visibly move on (as it does without)."""
    browser = analysis.agreement.browser
    browser.consensus.setChecked(True)
    browser.list.setCurrentIndex(browser.model.index(0, 0))
    assert browser.current() is not None and browser.current().code == "Mentor"
    browser.keep_first.click()
    wait_idle(qtbot, analysis)
    assert len(browser.model.items) == 2  # both coders' codings, and so the list, stay as they were
    assert browser.list.currentIndex().row() == 1 and browser.current().code == "Keuze"
    assert "Geen tijd" in browser.second_text.toPlainText()  # the passages show the next one
    browser.keep_both.click()  # the last one: nowhere further to go
    wait_idle(qtbot, analysis)
    assert browser.list.currentIndex().row() == 1


def test_export_to_word(qtbot, analysis: AnalysisWindow, tmp_path: Path) -> None:
    import docx

    target = tmp_path / "agreement.docx"
    worker = analysis.agreement.export_to(target)
    assert worker is not None
    with qtbot.waitSignal(analysis.agreement.exported, timeout=15000):
        pass
    document = docx.Document(str(target))
    assert document.tables[0].rows[0].cells[1].text == "Anna only"
    assert any("Documents (1): int1." in p.text for p in document.paragraphs)


def test_passage_html_marks_codings_and_unit() -> None:
    text = "Eerste zin. Tweede zin. Derde zin."
    html = passage_html(text, 12, 23, [(0, 23)])
    assert html.count("background-color") == 2  # the coding before and inside the unit
    assert '<b><u><span style="background-color:#ffd866">Tweede zin.</span></u></b> Derde zin.' in html


def test_the_disputed_coding_stays_marked_under_another_code_on_the_same_words() -> None:
    """Sander coded "Mijn oom" with Begeleiding (disputed) and Keuze: his pane marks it disputed, not in Keuze's tint."""
    from lobcoder.analysis.unit_codings import CodedSpan

    text = "I: Hoe koos je?\nAnna: Mijn oom werkt in de zorg."
    start = text.index("Mijn oom")
    end = start + len("Mijn oom werkt in de zorg")
    html = passage_html(
        text, text.index("Anna"), len(text), [(start, end)], [CodedSpan(start, end, 7, "Keuze", "#56b4e9")]
    )
    marked = html[: html.index("Mijn oom")]
    assert marked.rfind("background-color:#ffd866") == marked.rfind("background-color:#") > 0, marked  # innermost
    assert "[Keuze]" in html and "<i>" in html  # the other code is still named after its words


def test_a_yellow_or_orange_other_code_is_not_tinted_like_the_disputed_mark() -> None:
    """Begeleiding is yellow: its light tint read as "coded here" next to the disputed code's yellow mark."""
    from lobcoder.analysis.unit_codings import CodedSpan
    from lobcoder.gui.analysis.disagreement_browser import tint

    text = "Bram: de mentor hielp me kiezen."
    start, end = text.index("de mentor"), len(text) - 1
    for color in ("#f0e442", "#e69f00"):  # the palette's yellow and orange
        html = passage_html(text, 0, len(text), [], [CodedSpan(start, end, 4, "Begeleiding", color)])
        assert f"background-color:{tint(color)}" not in html
        assert f"background-color:{tint('#a0a0a0')}" in html
        assert f"background-color:{tint(color, 0.6)}" in html  # the tag keeps the code's own colour
    html = passage_html(text, 0, len(text), [], [CodedSpan(start, end, 4, "Keuze", "#56b4e9")])
    assert f"background-color:{tint('#56b4e9')}" in html  # blue stays blue


def test_show_in_document_selects_the_passage_in_the_main_window(analysis: AnalysisWindow) -> None:
    browser = analysis.agreement.browser
    browser.list.setCurrentIndex(browser.model.index(1, 0))
    item = browser.current()
    assert item is not None
    browser.show_button.click()
    main = analysis.main_window
    assert main.document is not None and main.document.id == item.document_id
    assert main.transcript.selection() == (item.start, item.end)


def test_all_coders_show_the_group_and_export_every_pair(qtbot, analysis: AnalysisWindow, tmp_path: Path) -> None:
    import docx

    assert analysis.stack is not None
    with analysis.stack.store.transaction() as session:
        start = TEXT.index("Ik koos")
        add_coding(session, 1, 1, start, start + 7, coder="Carla")
    analysis.reload()
    wait_idle(qtbot, analysis)
    tab = analysis.agreement
    two = tab.splitter.sizes()
    tab.second.setCurrentIndex(tab.second.findData(-1))
    wait_idle(qtbot, analysis)
    assert tab.splitter.sizes()[1] < two[1]  # the pairs' three rows need less room than the browser
    chosen = tab.second.currentText()
    assert chosen == "all coders (Fleiss' κ, α)"
    assert tab.second.width() > tab.second.fontMetrics().horizontalAdvance(chosen) + 20  # not cut off
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert "Fleiss' κ" in headers
    assert repr(tab.current_table()) == repr(tab.model.table())  # the group shown, not the export's first table
    # Under the group, in the browser's place: every pair on the documents both coded, with the pairs' notes.
    assert tab.below.isVisible() and tab.pairs_table.isVisible() and not tab.browser.isVisible()
    pairs = tab.pairs_model
    assert [pairs.index(r, 0).data() for r in range(pairs.rowCount())] == [
        "Anna – Bram",
        "Anna – Carla",
        "Bram – Carla",
    ]
    assert pairs.headerData(1, Qt.Orientation.Horizontal) == "Documents"
    assert [pairs.index(r, 1).data(RawValueRole) for r in range(pairs.rowCount())] == [1, 1, 1]
    assert tab.pairs_notes.text().startswith("Each pair is compared on the documents both coded")
    # Double-clicking a pair compares those two coders, with their disagreements.
    tab.pairs_table.activated.emit(pairs.index(1, 0))
    wait_idle(qtbot, analysis)
    assert (tab.first.currentText(), tab.second.currentText()) == ("Anna", "Carla")
    assert tab.browser.isVisible() and not tab.pairs_table.isVisible()
    assert tab.splitter.sizes() == two  # the browser gets its room back
    assert {d.code for d in tab.browser.model.items} == {"Mentor"}  # Carla coded Keuze alike, not Mentor
    tab.second.setCurrentIndex(tab.second.findData(ALL_CODERS))
    wait_idle(qtbot, analysis)
    target = tmp_path / "all.docx"
    tab.export_to(target)
    with qtbot.waitSignal(tab.exported, timeout=15000):
        pass
    captions = [p.text for p in docx.Document(str(target)).paragraphs if p.text.startswith("Agreement")]
    assert "Agreement per pair of coders, by sentence" in captions[0]


def test_recoding_a_disagreement_with_the_code_picker_is_undoable(qtbot, analysis: AnalysisWindow) -> None:
    browser = analysis.agreement.browser
    assert [browser.recode_code.itemText(i) for i in range(browser.recode_code.count())] == ["Keuze", "Mentor"]
    browser.list.setCurrentIndex(browser.model.index(0, 0))  # Mentor on "Dat was jammer."
    browser.recode_code.setCurrentIndex(browser.recode_code.findText("Mentor"))
    assert not browser.recode_button.isEnabled()  # not to the disputed code itself
    browser.recode_code.setCurrentIndex(browser.recode_code.findText("Keuze"))
    assert browser.recode_button.isEnabled()
    browser.recode_button.click()
    stack = analysis.stack
    assert stack is not None and analysis.store is not None
    assert stack.undoText() == "Recode ‘Mentor’ as ‘Keuze’"
    wait_idle(qtbot, analysis)
    # Mentor left the sentence, Keuze took its place for both coders: only "Geen tijd" is left.
    qtbot.waitUntil(lambda: [TEXT[d.start : d.end] for d in browser.model.items] == ["R: Geen tijd."], timeout=15000)
    with analysis.store.read() as session:
        coded = session.execute(
            select(Coder.name, Coding.start, Coding.end)
            .join(Code, Code.id == Coding.code_id)
            .join(Coder, Coder.id == Coding.coder_id)
            .where(Code.name == "Keuze")
        ).all()
    coded = [(who, TEXT[s:e]) for who, s, e in coded]
    assert ("Anna", "Dat was jammer.") in coded and ("Bram", "Dat was jammer.") in coded
    stack.undo()
    wait_idle(qtbot, analysis)
    qtbot.waitUntil(lambda: len(browser.model.items) == 2, timeout=15000)


def test_a_hidden_agreement_tab_computes_nothing_until_shown(qtbot, tmp_path: Path, project: Path) -> None:  # type: ignore[no-untyped-def]
    window, analysis = opened(qtbot, project, tmp_path / "hidden.ini", agreement=False)  # on the Frequencies tab
    tab = analysis.agreement
    assert (tab.first.currentText(), tab.second.currentText()) == ("Anna", "Bram")  # chosen, not computed
    assert tab.result is None and not tab.is_busy()
    analysis.tabs.setCurrentWidget(tab)
    wait_idle(qtbot, analysis)
    assert tab.result is not None and shown(analysis)
    window.close()


def test_a_coder_who_chose_another_code_shows_it_in_her_pane(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A disagreement on one code where coder B coded the sentence otherwise: B's pane names her code."""
    path = tmp_path / "other.lobcoder"
    sentence = "Mijn mentor hielp niet."
    with ProjectStore.create(path) as store, store.transaction() as session:
        document = add_document(session, "int1", TEXT).id
        formal = create_code(session, "Formeel", color="#1f77b4").id
        informal = create_code(session, "Informeel", color="#d62728").id
        start = TEXT.index(sentence)
        add_coding(session, document, formal, start, start + len(sentence), coder="Anna")
        add_coding(session, document, informal, start, start + len(sentence), coder="Bram")
    window, analysis = opened(qtbot, path, tmp_path / "settings.ini")
    browser = analysis.agreement.browser
    assert [(d.code, TEXT[d.start : d.end]) for d in browser.model.items] == [
        ("Formeel", sentence),
        ("Informeel", sentence),
    ]
    browser.list.setCurrentIndex(browser.model.index(0, 0))
    first, second = (" ".join(view.toPlainText().split()) for view in (browser.first_text, browser.second_text))
    assert "Formeel: coded here" in first and "Informeel" not in first
    assert "Formeel: not coded here" in second
    assert "Other codes here: [Informeel]" in second
    assert f"{sentence} [Informeel]" in second  # named after the passage she coded with it
    assert "#f1b3b4" in browser.second_text.toHtml()  # a light tint of Informeel's red marks her coding
    model = browser.model
    assert [model.index(0, c).data() for c in (2, 3)] == ["✓", "– Informeel"]
    # The other row, the other way round: Anna's pane shows her Formeel.
    browser.list.setCurrentIndex(browser.model.index(1, 0))
    assert "Other codes here: [Formeel]" in " ".join(browser.first_text.toPlainText().split())
    assert [model.index(1, c).data() for c in (2, 3)] == ["– Formeel", "✓"]
    window.close()


def test_all_coders_without_a_document_all_coded_show_the_pairs(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Carla coded only a second interview: no group table, the tab shows the pairs with a note saying so."""
    path = tmp_path / "apart.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        document = add_document(session, "int1", TEXT, []).id
        other = add_document(session, "int2", "R: Iets met zorg.", []).id
        codes = {name: create_code(session, name).id for name in ("Keuze", "Mentor")}
        for code, words, coder in CODINGS:
            start = TEXT.index(words)
            add_coding(session, document, codes[code], start, start + len(words), coder=coder)
        add_coding(session, other, codes["Keuze"], 3, 7, coder="Carla")
    window, analysis = opened(qtbot, path, tmp_path / "settings.ini")
    tab = analysis.agreement
    tab.second.setCurrentIndex(tab.second.findData(ALL_CODERS))
    wait_idle(qtbot, analysis)
    assert [row[0] for row in shown(analysis)] == ["Anna – Bram", "Anna – Carla", "Bram – Carla"]
    assert tab.notes.text().startswith("Each pair is compared on the documents both coded (column Documents). No")
    assert "No document was coded by all 3 coders: there is no table for the group." in tab.notes.toolTip()
    assert not tab.below.isVisible()  # the pairs are on top already: nothing under them
    tab.table.activated.emit(tab.model.index(2, 0))  # double-click "Bram – Carla": those two compared
    wait_idle(qtbot, analysis)
    assert (tab.first.currentText(), tab.second.currentText()) == ("Bram", "Carla")
    assert tab.below.isVisible() and tab.browser.isVisible()
    assert tab.message.text().endswith("no document has been coded by Bram and Carla: nothing to compare")
    window.close()
