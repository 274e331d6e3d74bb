"""The code tree's count columns keep showing whole numbers when coding makes them a digit longer."""

from __future__ import annotations

from pathlib import Path

from lobcoder.gui.main_window import MainWindow
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore
from tests.gui.coder_settings import coder_settings


def test_a_tenth_coded_document_still_fits_the_documents_column(qtbot, tmp_path: Path) -> None:
    project = tmp_path / "tien.lobcoder"
    with ProjectStore.create(project) as store, store.transaction() as s:
        leren = create_code(s, "Collectief leren")
        informeel = create_code(s, "Informeel leren", leren.id)
        for number in range(1, 11):
            document = add_document(s, f"Docent{number:02d}", "Docent: we leren van elkaar.")
            if number < 10:  # 9 documents and codings: "0 (9)" in the theme's row
                add_coding(s, document.id, informeel.id, 8, 16, coder="Ilse")
    window = MainWindow(coder_settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.open_project(project)
    window.open_document(next(d.id for d in window.overview.documents if d.name == "Docent10"))
    window.transcript.select_span(8, 16)
    assert window.coding.apply_code(informeel.id)  # now "0 (10)" codings and documents
    tree, header = window.code_tree, window.code_tree.header()
    theme = window.code_model.index_for_code(leren.id)
    assert theme.siblingAtColumn(2).data() == "0 (10)"
    for column in (1, 2):  # each as wide as its widest number needs, so none is cut to "0 (…"
        assert header.sectionSize(column) >= tree.sizeHintForColumn(column)
