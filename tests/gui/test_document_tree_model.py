"""The document tree: participants and waves, coding progress, its filter and the progress bar delegate."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem
from sqlalchemy.orm import Session

from lobcoder.gui.models import (
    DocumentFilterModel,
    DocumentIdRole,
    DocumentTreeModel,
    ParticipantRole,
    ProgressDelegate,
    ProgressRole,
)
from lobcoder.gui.models.document_tree_model import percent_text, wave_of
from lobcoder.participants.links import all_document_attributes, set_participant
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding, coded_share
from lobcoder.services.documents import add_document, list_documents
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue
from lobcoder.storage.project import ProjectStore

TEXT = "I: Hoe gaat het met de loopbaangesprekken?\nR: Goed, we voeren ze nu elke periode. " * 5
LENGTH = len(TEXT)  # 410

# document: (participant, attribute, value); the names do not sort in wave order on purpose
DOCUMENTS = {
    "Mentor02_voorjaar": ("Mentor02", "Golf", 2.0),
    "Docent01_w3": ("Docent01", "golf", 3.0),
    "Mentor02_najaar": ("Mentor02", "Golf", 1.0),
    "Docent01_w1": ("Docent01", "golf", 1.0),
    "Decaan03_T10": ("Decaan03", "RONDE", "T10"),
    "Mentor02_eind": ("Mentor02", "Golf", 3.0),
    "Decaan03_T2": ("Decaan03", "RONDE", "T2"),
    "Docent01_w2": ("Docent01", "golf", 2.0),
    "Decaan03_T1": ("Decaan03", "RONDE", "T1"),
    "Groepsgesprek_team": (None, None, None),
}


@pytest.fixture(autouse=True)
def _application(qapp) -> None:  # type: ignore[no-untyped-def]
    """The delegate paints with the application's style."""


def _value(session: Session, name: str, value: object, document_id: int) -> None:
    kind = AttributeType.NUMBER if isinstance(value, float) else AttributeType.TEXT
    attribute = session.query(Attribute).filter_by(name=name, scope=AttributeScope.DOCUMENT).one_or_none()
    if attribute is None:
        attribute = Attribute(name=name, type=kind, scope=AttributeScope.DOCUMENT)
        session.add(attribute)
        session.flush()
    number, text = (value, None) if isinstance(value, float) else (None, value)
    session.add(
        AttributeValue(attribute_id=attribute.id, document_id=document_id, number_value=number, text_value=text)
    )


def _build(session: Session) -> dict[str, int]:
    ids: dict[str, int] = {}
    for name, (participant, attribute, value) in DOCUMENTS.items():
        ids[name] = add_document(session, name, TEXT, participant=participant).id
        if attribute:
            _value(session, attribute, value, ids[name])
    code = create_code(session, "Loopbaangesprekken").id
    add_coding(session, ids["Docent01_w1"], code, 0, 144)  # 35%
    add_coding(session, ids["Docent01_w1"], code, 100, 144)  # overlaps: still 35%, 2 codings
    add_coding(session, ids["Mentor02_eind"], code, 0, LENGTH)  # all of it
    add_coding(session, ids["Groepsgesprek_team"], code, 0, 2)  # a little
    return ids


def _read(session: Session) -> tuple:  # type: ignore[type-arg]
    return list_documents(session), all_document_attributes(session), coded_share(session)


@pytest.fixture
def project(store: ProjectStore) -> tuple[DocumentTreeModel, dict[str, int]]:
    with store.transaction() as session:
        ids = _build(session)
    model = DocumentTreeModel()
    with store.read() as session:
        model.set_documents(*_read(session))
    return model, ids


def _tree(model, parent: QModelIndex = QModelIndex()) -> dict[str, object]:  # type: ignore[no-untyped-def]
    rows = {}
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows[index.data()] = _tree(model, index) if model.rowCount(index) else index.siblingAtColumn(1).data()
    return rows


def test_grouped_by_participant_and_sorted_by_wave(qtmodeltester, project) -> None:  # type: ignore[no-untyped-def]
    model, _ids = project
    qtmodeltester.check(model)
    tree = _tree(model)
    assert list(tree) == ["Decaan03 (3)", "Docent01 (3)", "Mentor02 (3)", "No participant (1)"]
    assert tree["Decaan03 (3)"] == {"Decaan03_T1": "T1", "Decaan03_T2": "T2", "Decaan03_T10": "T10"}
    assert tree["Docent01 (3)"] == {"Docent01_w1": "1", "Docent01_w2": "2", "Docent01_w3": "3"}
    assert list(tree["Mentor02 (3)"]) == ["Mentor02_najaar", "Mentor02_voorjaar", "Mentor02_eind"]
    assert tree["No participant (1)"] == {"Groepsgesprek_team": ""}
    assert [model.headerData(s, Qt.Orientation.Horizontal) for s in range(3)] == ["Document", "Wave", "Coded"]


def test_roles_on_documents_and_groups(project) -> None:  # type: ignore[no-untyped-def]
    model, ids = project
    docent = model.index(1, 0)
    assert docent.data(DocumentIdRole) is None and docent.data(ParticipantRole) == "Docent01"
    assert docent.data(Qt.ItemDataRole.FontRole).bold()
    assert docent.data(Qt.ItemDataRole.ToolTipRole) == "3 documents"
    w1 = model.index_for_document(ids["Docent01_w1"])
    assert w1.parent() == docent and w1.row() == 0
    assert w1.data(DocumentIdRole) == ids["Docent01_w1"] and w1.data(ParticipantRole) == "Docent01"
    assert "Docent01 — 410 characters" in w1.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(3, 0).data(ParticipantRole) is None
    assert not model.index_for_document(9999).isValid()
    assert not model.flags(w1) & Qt.ItemFlag.ItemIsEditable


def test_progress_per_document_and_per_group(project) -> None:  # type: ignore[no-untyped-def]
    model, ids = project

    def coded(name: str) -> tuple[str, float]:
        cell = model.index_for_document(ids[name]).siblingAtColumn(2)
        return cell.data(), cell.data(ProgressRole)

    assert coded("Docent01_w1") == ("35% · 2", pytest.approx(144 / LENGTH))
    assert coded("Mentor02_eind") == ("100% · 1", 1.0)
    assert coded("Docent01_w2") == ("0% · 0", 0.0)
    assert coded("Groepsgesprek_team") == ("<1% · 1", pytest.approx(2 / LENGTH))
    assert model.index_for_document(ids["Docent01_w1"]).data(ProgressRole) is None  # only the coded column
    group = model.index(1, 2)  # Docent01: 144 of 3 × 410 characters
    assert group.data(ProgressRole) == pytest.approx(144 / (3 * LENGTH))
    assert group.data() == "12% · 2"
    assert group.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_helpers_for_waves_and_percentages() -> None:
    assert wave_of({"Meting": 2.0, "school": "X"}) == "2"
    assert wave_of({"GOLF": 1.5}) == "1.5"
    assert wave_of({"ronde": date(2024, 3, 1)}) == "2024-03-01"
    assert wave_of({"wave": "", "golf": "w2"}) == "w2"
    assert wave_of({"school": "Het Lyceum"}) == ""
    assert [percent_text(s) for s in (0, 0.004, 0.351, 0.996, 1)] == ["0%", "<1%", "35%", "99%", "100%"]


def test_refresh_keeps_expansion_and_follows_documents(qtbot, qtmodeltester, store: ProjectStore, project) -> None:  # type: ignore[no-untyped-def]
    model, ids = project
    qtmodeltester.check(model)
    w2 = QPersistentModelIndex(model.index_for_document(ids["Docent01_w2"]))
    with store.transaction() as session:
        add_coding(session, ids["Docent01_w2"], 1, 0, 41)
        refreshed = _read(session)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.layoutChanged):
        model.set_documents(*refreshed)
    assert w2.sibling(w2.row(), 2).data() == "10% · 1"

    with store.transaction() as session:  # a new wave value re-orders the participant's documents
        session.query(AttributeValue).filter_by(document_id=ids["Docent01_w2"]).one().number_value = 4.0
        refreshed = _read(session)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.layoutChanged):
        model.set_documents(*refreshed)
    assert w2.isValid() and w2.row() == 2 and w2.data() == "Docent01_w2"

    with store.transaction() as session:  # to another participant that is already shown
        set_participant(session, ids["Docent01_w2"], "Mentor02")
        refreshed = _read(session)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.layoutChanged):
        model.set_documents(*refreshed)
    assert w2.data() == "Docent01_w2" and w2.parent().data() == "Mentor02 (4)" and w2.row() == 3

    with store.transaction() as session:  # "No participant" goes away: a reset
        set_participant(session, ids["Groepsgesprek_team"], "Docent01")
        add_document(session, "Docent04_w1", TEXT, participant="Docent04")
        refreshed = _read(session)
    with qtbot.waitSignal(model.modelReset):
        model.set_documents(*refreshed)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Decaan03 (3)",
        "Docent01 (3)",
        "Docent04 (1)",
        "Mentor02 (4)",
    ]


def _filtered(project) -> DocumentFilterModel:  # type: ignore[no-untyped-def]
    model, _ids = project
    proxy = DocumentFilterModel()
    proxy.setSourceModel(model)
    model.setParent(proxy)
    return proxy


def test_filter_by_document_or_participant_keeps_groups(qtmodeltester, project) -> None:  # type: ignore[no-untyped-def]
    proxy = _filtered(project)
    qtmodeltester.check(proxy)
    proxy.set_filter_text("_w2")
    assert _tree(proxy) == {"Docent01 (3)": {"Docent01_w2": "2"}}
    proxy.set_filter_text("mentor")  # a participant: all its documents
    assert list(_tree(proxy)["Mentor02 (3)"]) == ["Mentor02_najaar", "Mentor02_voorjaar", "Mentor02_eind"]
    proxy.set_filter_text("GROEPSGESPREK")
    assert _tree(proxy) == {"No participant (1)": {"Groepsgesprek_team": ""}}
    proxy.set_filter_text("DECAAN03_t1")
    assert _tree(proxy) == {"Decaan03 (3)": {"Decaan03_T1": "T1", "Decaan03_T10": "T10"}}
    proxy.set_filter_text("")
    assert proxy.rowCount() == 4


def test_progress_delegate_paints_a_bar_in_proportion(project) -> None:  # type: ignore[no-untyped-def]
    model, ids = project
    delegate = ProgressDelegate()
    for name in ("Docent01_w2", "Docent01_w1", "Mentor02_eind"):
        cell = model.index_for_document(ids[name]).siblingAtColumn(2)
        image = QImage(QSize(200, 24), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        option = QStyleOptionViewItem()
        option.rect = image.rect()
        painter = QPainter(image)
        delegate.paint(painter, option, cell)
        painter.end()
        highlight = option.palette.highlight().color()
        bar = [image.pixelColor(x, 12) for x in range(image.width())]
        filled = sum(1 for c in bar if c == highlight)
        expected = ProgressDelegate.BAR_WIDTH * cell.data(ProgressRole)
        assert abs(filled - expected) <= 2, (name, filled, expected)
        assert all(c != highlight for c in bar[: ProgressDelegate.MARGIN])  # starts after the margin
    # Room for the bar next to the text, only in cells with a progress value.
    plain, option = QStyledItemDelegate(), QStyleOptionViewItem()
    coded, name = model.index(0, 2), model.index(0, 0)
    extra = ProgressDelegate.BAR_WIDTH + ProgressDelegate.MARGIN
    assert delegate.sizeHint(option, coded).width() == plain.sizeHint(option, coded).width() + extra
    assert delegate.sizeHint(option, name).width() == plain.sizeHint(option, name).width()
