"""The label column follows the view's width after the table is set: narrowed it gives way, widened it shows the name whole."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView

from lobcoder.gui.analysis.label_column import LABEL_EMS, LabelColumnFitter

LONG = "Samen oefenen met loopbaangesprekken in de beroepspraktijkvorming, met ouders en mentor"


def test_resizing_the_view_refits_the_label_column_without_a_new_table(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = QStandardItemModel(0, 7)
    model.appendRow([QStandardItem(LONG)] + [QStandardItem(f"{12345 * c}") for c in range(1, 7)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    fitter = LabelColumnFitter(view)
    view.resize(1600, 300)
    view.show()
    qtbot.waitExposed(view)
    fitter.fit(new_table=True)
    header = view.horizontalHeader()
    whole = header.sectionSize(0)
    least = view.fontMetrics().height() * LABEL_EMS
    assert whole > least  # wide: the long name shows whole

    view.resize(500, 300)
    qtbot.waitUntil(lambda: header.sectionSize(0) == least)  # narrow: it gives way, down to 18 font heights

    view.resize(1600, 300)
    qtbot.waitUntil(lambda: header.sectionSize(0) == whole)  # wide again: whole again
