"""The coded segments table over real codings."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lobcoder.gui.models import DocumentIdRole, SegmentModel, SegmentRole, StartRole
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding, segments
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

FIRST = "I: Hoe leren jullie van elkaar?\nDocent01: Op studiedagen <vooral> & in intervisie.\nI: Dank je."
SECOND = "I: Wie coördineert LOB?\nMentor02: De decaan, samen met de mentoren."


def _segments(store: ProjectStore) -> tuple[list, dict[str, int]]:  # type: ignore[type-arg]
    with store.transaction() as session:
        first = add_document(session, "Docent01_w1", FIRST, participant="Docent01").id
        second = add_document(session, "Mentor02_w1", SECOND, participant="Mentor02").id
        parent = create_code(session, "Collectief leren").id
        child = create_code(session, "Formele kennisoverdracht", parent).id
        start = FIRST.index("Docent01")
        add_coding(session, first, child, start, FIRST.index("I: Dank"), coder="anna")
        add_coding(session, second, parent, SECOND.index("De decaan"), len(SECOND))
        add_coding(session, first, parent, 0, 31, coder="bram")
        found = segments(session, [parent, child])
    return found, {"first": first, "second": second, "parent": parent, "child": child}


def test_columns_and_roles(qtmodeltester, store: ProjectStore) -> None:
    found, ids = _segments(store)
    model = SegmentModel()
    model.set_segments(found)
    qtmodeltester.check(model)
    headers = [model.headerData(s, Qt.Orientation.Horizontal) for s in range(model.columnCount())]
    assert headers == ["Document", "Code", "Text", "Coder", "Position"]
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    passage = FIRST[FIRST.index("Docent01") : FIRST.index("I: Dank")]
    assert rows == [
        ["Docent01_w1", "Collectief leren", "I: Hoe leren jullie van elkaar?", "bram", "0–31"],
        [
            "Docent01_w1",
            "Formele kennisoverdracht",
            "Docent01: Op studiedagen <vooral> & in intervisie.",  # one line: the newline is gone
            "anna",
            f"{FIRST.index('Docent01')}–{FIRST.index('I: Dank')}",
        ],
        [
            "Mentor02_w1",
            "Collectief leren",
            "De decaan, samen met de mentoren.",
            "",
            f"{SECOND.index('De')}–{len(SECOND)}",
        ],
    ]
    text = model.index(1, 2)
    assert text.data(SegmentRole) == found[1] and text.data(SegmentRole).text == passage
    assert "&lt;vooral&gt; &amp; in intervisie.<br>" in text.data(Qt.ItemDataRole.ToolTipRole)
    assert text.data(DocumentIdRole) == ids["first"] and text.data(StartRole) == FIRST.index("Docent01")
    assert model.index(2, 0).data(DocumentIdRole) == ids["second"]
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "Characters 0 to 31 of the document"
    assert not model.flags(text) & Qt.ItemFlag.ItemIsEditable


def test_set_segments_replaces_the_rows(qtbot, store: ProjectStore) -> None:
    found, _ids = _segments(store)
    model = SegmentModel()
    with qtbot.waitSignal(model.modelReset):
        model.set_segments(found)
    assert model.rowCount() == 3 and model.segment(2) == found[2] and model.segment(3) is None
    model.set_segments([])
    assert model.rowCount() == 0 and model.index(0, 0).data() is None
