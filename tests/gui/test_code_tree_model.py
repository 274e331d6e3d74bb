"""The code tree model and its filter over a real codebook: structure, roles, rename, drag and drop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QTreeView
from sqlalchemy.orm import Session

from lobcoder.gui.models import (
    CODE_MIME_TYPE,
    SPAN_MIME_TYPE,
    CodeColorRole,
    CodeFilterModel,
    CodeGuidRole,
    CodeIdRole,
    CodeTreeModel,
    TotalCodingsRole,
)
from lobcoder.gui.models.mime import read_code_id, span_mime_data
from lobcoder.services.codes import CodeInfo, create_code, list_codes, move_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

MOVE = Qt.DropAction.MoveAction
TEXT = "I: Hoe leren jullie van elkaar?\nDocent01: Vooral op studiedagen en in intervisie, soms informeel. " * 3

# name: (parent name, colour, description, codings)
CODEBOOK = {
    "Collectief leren": (None, "#e69f00", "Leren als team of school", 2),
    "Formele kennisoverdracht": ("Collectief leren", "#56b4e9", "Georganiseerde momenten", 1),
    "Studiedag": ("Formele kennisoverdracht", "#009e73", "", 4),
    "Intervisie": ("Formele kennisoverdracht", "#f0e442", "", 3),
    "Informeel leren": ("Collectief leren", "#0072b2", "", 0),
    "Coördinatie LOB": (None, "#d55e00", "Wie regelt de loopbaanbegeleiding?", 1),
    "Rol decaan": ("Coördinatie LOB", "#cc79a7", "", 2),
    "Loopbaangesprekken": (None, "#8c564b", "", 0),
}


@pytest.fixture(autouse=True)
def _application(qapp) -> None:  # type: ignore[no-untyped-def]
    """Colour swatches are pixmaps, which need a QApplication."""


def _codebook(session: Session) -> dict[str, int]:
    first = add_document(session, "Docent01_w1", TEXT, participant="Docent01").id
    second = add_document(session, "Docent02_w1", TEXT, participant="Docent02").id
    ids: dict[str, int] = {}
    for name, (parent, color, description, codings) in CODEBOOK.items():
        ids[name] = create_code(session, name, ids.get(parent or ""), color=color, description=description).id
        for n in range(codings):
            add_coding(session, first if n % 2 == 0 else second, ids[name], 10 * n, 10 * n + 8, coder="anna")
    return ids


def _model(store: ProjectStore) -> tuple[CodeTreeModel, dict[str, int]]:
    with store.transaction() as session:
        ids = _codebook(session)
    model = CodeTreeModel()
    with store.read() as session:
        model.set_codes(list_codes(session))
    return model, ids


def _names(model, parent: QModelIndex = QModelIndex()) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def _tree(model, parent: QModelIndex = QModelIndex()) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    return {
        model.index(r, 0, parent).data(): _tree(model, model.index(r, 0, parent)) for r in range(model.rowCount(parent))
    }


def test_three_level_tree_in_codebook_order(qtmodeltester, store: ProjectStore) -> None:
    model, ids = _model(store)
    qtmodeltester.check(model)
    assert _tree(model) == {
        "Collectief leren": {
            "Formele kennisoverdracht": {"Studiedag": {}, "Intervisie": {}},
            "Informeel leren": {},
        },
        "Coördinatie LOB": {"Rol decaan": {}},
        "Loopbaangesprekken": {},
    }
    studiedag = model.index_for_code(ids["Studiedag"])
    assert studiedag.data() == "Studiedag"
    assert studiedag.parent().data() == "Formele kennisoverdracht"
    assert studiedag.parent().parent().data() == "Collectief leren"
    assert not model.index_for_code(9999).isValid()
    assert [model.headerData(s, Qt.Orientation.Horizontal) for s in range(3)] == ["Code", "Codings", "Docs"]


def test_colours_counts_and_roles(store: ProjectStore) -> None:
    model, ids = _model(store)
    formeel = model.index_for_code(ids["Formele kennisoverdracht"])
    row = [formeel.siblingAtColumn(c) for c in range(3)]
    assert row[0].data(CodeIdRole) == ids["Formele kennisoverdracht"]
    assert len(row[0].data(CodeGuidRole)) >= 32
    assert row[0].data(CodeColorRole) == QColor("#56b4e9")
    icon = row[0].data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert icon.pixmap(16, 16).toImage().pixelColor(8, 8) == QColor("#56b4e9")
    assert row[0].data(Qt.ItemDataRole.ToolTipRole) == "Georganiseerde momenten"
    # Own count shown, the total with sub-codes (1 + 4 + 3) in brackets, in the tooltip and a role:
    # a collapsed theme does not look uncoded.
    assert row[1].data() == "1 (8)" and row[2].data() == "1 (2)"
    assert row[1].data(TotalCodingsRole) == 8
    assert "8" in row[1].data(Qt.ItemDataRole.ToolTipRole)
    assert row[1].data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    studiedag = model.index_for_code(ids["Studiedag"])
    assert studiedag.siblingAtColumn(1).data() == 4
    assert studiedag.siblingAtColumn(2).data() == 2  # codings alternate over the two documents
    assert studiedag.data(Qt.ItemDataRole.ToolTipRole) is None  # no description
    assert model.index_for_code(ids["Collectief leren"]).siblingAtColumn(1).data(TotalCodingsRole) == 10
    assert model.index_for_code(ids["Collectief leren"]).siblingAtColumn(1).data() == "2 (10)"
    assert "with its sub-codes" in model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_flags_allow_rename_only_on_the_name_and_drops_everywhere(store: ProjectStore) -> None:
    model, ids = _model(store)
    name = model.index_for_code(ids["Intervisie"])
    assert name.flags() & Qt.ItemFlag.ItemIsEditable
    assert name.flags() & Qt.ItemFlag.ItemIsDragEnabled and name.flags() & Qt.ItemFlag.ItemIsDropEnabled
    assert not name.siblingAtColumn(1).flags() & Qt.ItemFlag.ItemIsEditable
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.supportedDropActions() == MOVE | Qt.DropAction.CopyAction
    assert set(model.mimeTypes()) == {CODE_MIME_TYPE, SPAN_MIME_TYPE}


def test_rename_asks_the_window_and_leaves_the_model_alone(qtbot, store: ProjectStore) -> None:
    model, ids = _model(store)
    index = model.index_for_code(ids["Informeel leren"])
    assert index.data(Qt.ItemDataRole.EditRole) == "Informeel leren"
    with qtbot.waitSignal(model.renameRequested) as blocker:
        assert model.setData(index, "  Informeel   leren op de gang ")
    assert blocker.args == [ids["Informeel leren"], "Informeel leren op de gang"]
    assert index.data() == "Informeel leren"
    with qtbot.assertNotEmitted(model.renameRequested), qtbot.assertNotEmitted(model.dataChanged):
        assert not model.setData(index, "   ")
        assert model.setData(index, "Informeel leren")  # unchanged: nothing to ask
        assert not model.setData(index.siblingAtColumn(1), "12")


def _drag(model: CodeTreeModel, code_id: int) -> QMimeData:
    mime = model.mimeData([model.index_for_code(code_id), model.index_for_code(code_id).siblingAtColumn(1)])
    assert read_code_id(mime) == code_id
    return mime


def test_drop_on_a_code_nests_under_it(qtbot, store: ProjectStore) -> None:
    model, ids = _model(store)
    mime = _drag(model, ids["Loopbaangesprekken"])
    target = model.index_for_code(ids["Coördinatie LOB"])
    with qtbot.waitSignal(model.moveRequested) as blocker:
        assert model.dropMimeData(mime, MOVE, -1, -1, target)
    assert blocker.args == [ids["Loopbaangesprekken"], ids["Coördinatie LOB"], 1]  # after "Rol decaan"
    assert _names(model) == ["Collectief leren", "Coördinatie LOB", "Loopbaangesprekken"]  # unchanged


def test_drop_between_codes_reorders_and_moves(qtbot, store: ProjectStore) -> None:
    model, ids = _model(store)
    with qtbot.waitSignal(model.moveRequested) as blocker:
        assert model.dropMimeData(_drag(model, ids["Loopbaangesprekken"]), MOVE, 0, 0, QModelIndex())
    assert blocker.args == [ids["Loopbaangesprekken"], None, 0]
    # Moving down among its own siblings: the position counts without the moved code.
    with qtbot.waitSignal(model.moveRequested) as blocker:
        assert model.dropMimeData(_drag(model, ids["Collectief leren"]), MOVE, 2, 0, QModelIndex())
    assert blocker.args == [ids["Collectief leren"], None, 1]
    # A sub-code between two top-level codes leaves its parent.
    with qtbot.waitSignal(model.moveRequested) as blocker:
        assert model.dropMimeData(_drag(model, ids["Intervisie"]), MOVE, 1, 0, QModelIndex())
    assert blocker.args == [ids["Intervisie"], None, 1]
    # Dropped on the empty area below the tree: last at the top level.
    with qtbot.waitSignal(model.moveRequested) as blocker:
        assert model.dropMimeData(_drag(model, ids["Rol decaan"]), MOVE, -1, -1, QModelIndex())
    assert blocker.args == [ids["Rol decaan"], None, 3]


def test_drop_into_own_subtree_or_in_place_is_refused(qtbot, store: ProjectStore) -> None:
    model, ids = _model(store)
    mime = _drag(model, ids["Collectief leren"])
    studiedag = model.index_for_code(ids["Studiedag"])
    itself = model.index_for_code(ids["Collectief leren"])
    with qtbot.assertNotEmitted(model.moveRequested):
        assert not model.canDropMimeData(mime, MOVE, -1, -1, studiedag)
        assert not model.dropMimeData(mime, MOVE, -1, -1, studiedag)
        assert not model.dropMimeData(mime, MOVE, 0, 0, studiedag.parent())
        assert not model.dropMimeData(mime, MOVE, -1, -1, itself)
        assert not model.dropMimeData(mime, MOVE, 0, 0, QModelIndex())  # where it already is
        assert not model.dropMimeData(mime, MOVE, 1, 0, QModelIndex())  # just below itself: same place
    assert model.canDropMimeData(mime, MOVE, -1, -1, model.index_for_code(ids["Rol decaan"]))


def test_span_dropped_on_a_code(qtbot, store: ProjectStore) -> None:
    model, ids = _model(store)
    target = model.index_for_code(ids["Intervisie"]).siblingAtColumn(1)
    with qtbot.waitSignal(model.spanDropped) as blocker:
        assert model.dropMimeData(span_mime_data(7, 40, 95), Qt.DropAction.CopyAction, -1, -1, target)
    assert blocker.args == [ids["Intervisie"], 7, 40, 95]
    broken = QMimeData()
    broken.setData(SPAN_MIME_TYPE, b'{"document_id": 7, "start": "a"}')
    with qtbot.assertNotEmitted(model.spanDropped):
        assert not model.dropMimeData(span_mime_data(7, 40, 95), MOVE, 0, 0, QModelIndex())  # not on a code
        assert not model.dropMimeData(span_mime_data(7, 40, 40), MOVE, -1, -1, target)  # empty span
        assert not model.dropMimeData(broken, MOVE, -1, -1, target)
        plain = QMimeData()
        plain.setText("Intervisie")
        assert not model.canDropMimeData(plain, MOVE, -1, -1, target)


def test_set_codes_keeps_persistent_indexes_unless_codes_come_or_go(qtbot, qtmodeltester, store: ProjectStore) -> None:
    model, ids = _model(store)
    qtmodeltester.check(model)
    intervisie = QPersistentModelIndex(model.index_for_code(ids["Intervisie"]))
    with store.transaction() as session:
        add_coding(session, 1, ids["Intervisie"], 0, 5)
        updated = list_codes(session)
    changed: list[str] = []
    model.dataChanged.connect(lambda first, _last, _roles: changed.append(first.data()))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.layoutChanged):
        model.set_codes(updated)
    # The code itself, and its ancestors whose totals grew.
    assert sorted(changed) == ["Collectief leren", "Formele kennisoverdracht", "Intervisie"]
    assert intervisie.isValid() and intervisie.sibling(intervisie.row(), 1).data() == 4

    with store.transaction() as session:
        move_code(session, ids["Intervisie"], ids["Coördinatie LOB"], 0)
        moved = list_codes(session)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.layoutChanged):
        model.set_codes(moved)
    assert intervisie.data() == "Intervisie" and intervisie.parent().data() == "Coördinatie LOB"
    assert _names(model, intervisie.parent()) == ["Intervisie", "Rol decaan"]

    with store.transaction() as session:
        create_code(session, "Netwerken", ids["Collectief leren"])
        added = list_codes(session)
    with qtbot.waitSignal(model.modelReset):
        model.set_codes(added)
    assert "Netwerken" in _names(model, model.index_for_code(ids["Collectief leren"]))


def test_a_code_whose_parent_is_missing_is_shown_at_the_top(qtmodeltester) -> None:
    orphan = CodeInfo(5, "g5", 99, 0, "Wees", "#000000", "", 1, 0, 0)
    model = CodeTreeModel()
    model.set_codes([orphan, CodeInfo(6, "g6", 5, 0, "Kind", "not a colour", "", 2, 1, 1)])
    qtmodeltester.check(model)
    assert _tree(model) == {"Wees": {"Kind": {}}}
    assert not model.index_for_code(6).data(Qt.ItemDataRole.DecorationRole).isNull()


def _proxy(store: ProjectStore) -> tuple[CodeFilterModel, dict[str, int]]:
    model, ids = _model(store)
    proxy = CodeFilterModel()
    proxy.setSourceModel(model)
    model.setParent(proxy)  # keep the source alive as long as the proxy
    return proxy, ids


def test_filter_keeps_parents_of_matches_and_children_of_matches(qtmodeltester, store: ProjectStore) -> None:
    proxy, _ids = _proxy(store)
    qtmodeltester.check(proxy)
    proxy.set_filter_text("studiedag")
    assert _tree(proxy) == {"Collectief leren": {"Formele kennisoverdracht": {"Studiedag": {}}}}
    proxy.set_filter_text("LEREN")
    assert _tree(proxy) == {
        "Collectief leren": {"Formele kennisoverdracht": {"Studiedag": {}, "Intervisie": {}}, "Informeel leren": {}}
    }
    proxy.set_filter_text("formele   overdracht")  # every word, in any order
    assert _tree(proxy) == {"Collectief leren": {"Formele kennisoverdracht": {"Studiedag": {}, "Intervisie": {}}}}
    proxy.set_filter_text("geen code zo")
    assert proxy.rowCount() == 0
    proxy.set_filter_text("")
    assert _names(proxy) == ["Collectief leren", "Coördinatie LOB", "Loopbaangesprekken"]


def test_filter_ignores_accents_and_case(store: ProjectStore) -> None:
    proxy, _ids = _proxy(store)
    for typed in ("coordinatie", "COÖRDINATIE", "coördinatie lob"):
        proxy.set_filter_text(typed)
        assert _tree(proxy) == {"Coördinatie LOB": {"Rol decaan": {}}}, typed


def test_drop_through_the_filter_reaches_the_source(qtbot, store: ProjectStore) -> None:
    proxy, ids = _proxy(store)
    source = proxy.sourceModel()
    proxy.set_filter_text("decaan")
    assert _tree(proxy) == {"Coördinatie LOB": {"Rol decaan": {}}}
    mime = proxy.mimeData([proxy.mapFromSource(source.index_for_code(ids["Rol decaan"]))])
    # Before the only visible top-level code, which is the second one in the codebook.
    with qtbot.waitSignal(source.moveRequested) as blocker:
        assert proxy.dropMimeData(mime, MOVE, 0, 0, QModelIndex())
    assert blocker.args == [ids["Rol decaan"], None, 1]


def test_a_tree_view_keeps_selection_and_expansion_across_refreshes(qtbot, store: ProjectStore) -> None:
    proxy, ids = _proxy(store)
    source = proxy.sourceModel()
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.expandAll()
    view.collapse(proxy.mapFromSource(source.index_for_code(ids["Coördinatie LOB"])))
    view.setCurrentIndex(proxy.mapFromSource(source.index_for_code(ids["Intervisie"])))
    with store.transaction() as session:
        add_coding(session, 1, ids["Studiedag"], 0, 5)
        move_code(session, ids["Intervisie"], None, 0)
        source.set_codes(list_codes(session))
    current = view.currentIndex()
    assert current.data() == "Intervisie" and not current.parent().isValid() and current.row() == 0
    assert view.isExpanded(proxy.mapFromSource(source.index_for_code(ids["Formele kennisoverdracht"])))
    assert not view.isExpanded(proxy.mapFromSource(source.index_for_code(ids["Coördinatie LOB"])))
