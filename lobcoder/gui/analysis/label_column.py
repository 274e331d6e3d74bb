"""A table's label column: as wide as its longest label, unless the other columns need the room."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

LABEL_EMS = 18
"""The narrowest the label column is made to give way, in font heights: about 30 characters of a code name."""


class LabelColumnFitter(QObject):
    """Keeps column 0 of ``view`` (sized to its contents) within the width the other columns leave.

    On a laptop screen a long code name ("Samen oefenen met loopbaangesprekken",
    indented) made the figures beside it scroll out of sight; on a wide screen
    it should simply show whole. So the column may grow to its longest label
    where there is room, and gives way to the other columns down to
    :data:`LABEL_EMS` font heights, eliding longer labels (their tooltip has
    them whole). The tab calls ``fit(new_table=True)`` after it set a new table;
    resizing the view fits again by itself.
    """

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    def least(self) -> int:
        return self.view.fontMetrics().height() * LABEL_EMS

    def others_width(self) -> int:
        """The width of the columns after the label column that are shown."""
        header = self.view.horizontalHeader()
        return sum(header.sectionSize(c) for c in range(1, header.count()) if not header.isSectionHidden(c))

    def natural_width(self) -> int:
        """The width the whole table needs to show every label whole and every column, with its frame and scroll bar."""
        view = self.view
        label = max(view.sizeHintForColumn(0), view.horizontalHeader().sectionSizeHint(0))
        return label + self.others_width() + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()

    def fit(self, new_table: bool = False) -> None:
        """Cap the label column at the room the other columns leave.

        Args:
            new_table: the model was just given a new table, so the columns are
                first sized to its contents; a resize alone keeps their sizes.
        """
        header = self.view.horizontalHeader()
        if new_table:
            header.resizeSections()
        room = self.view.viewport().width() - self.others_width()
        cap = max(self.least(), room)
        if cap != header.maximumSectionSize():
            header.setMaximumSectionSize(cap)
            header.resizeSections()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Only the viewport is watched; touch the view on a resize alone (never while it is being deleted).
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
