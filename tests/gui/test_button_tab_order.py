"""Tab walks a dialog's button row left to right, as it reads, not in the order the buttons were made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from lobcoder.gui.dialogs.restore_dialog import RestoreDialog


def button_row_in_tab_order(dialog: QDialog) -> list[QPushButton]:
    """The button row's buttons in the order Tab reaches them coming from the dialog's fields above."""
    row = dialog.findChild(QDialogButtonBox).buttons()
    order, widget = [], dialog.nextInFocusChain()
    while widget not in order and len(order) < 200:
        order.append(widget)
        widget = widget.nextInFocusChain()
    return [w for w in order if w in row]


def assert_left_to_right(dialog: QDialog) -> None:
    dialog.show()
    in_tab_order = button_row_in_tab_order(dialog)
    assert len(in_tab_order) == len(dialog.findChild(QDialogButtonBox).buttons()) >= 2
    assert in_tab_order == sorted(in_tab_order, key=lambda b: b.x()), [b.text() for b in in_tab_order]


def test_restore_dialog(qtbot, tmp_path: Path) -> None:
    dialog = RestoreDialog([], str(tmp_path / ".p.lobcoder.backups"))
    qtbot.addWidget(dialog)
    assert_left_to_right(dialog)  # Restore to a new file…, Replace the project…, Close
