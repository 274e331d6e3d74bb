"""A number box for small decimals that speaks the interface language and takes '.' or ',' as the decimal mark."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from lobcoder.gui.i18n import interface_locale


class DecimalSpinBox(QDoubleSpinBox):
    """A :class:`QDoubleSpinBox` in the interface locale that reads both "0.5" and "0,5" as a half.

    Qt reads the other mark as a group separator, so a Dutch interface turned a typed
    "0.5" into 0,00 without a word. The boxes that use this hold values from 0 to 100,
    which never need grouping, so either mark is taken as the decimal one.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(interface_locale())  # "0,70" in Dutch, like the scores shown beside it

    def _with_decimal_point(self, text: str) -> str:
        point = self.locale().decimalPoint()
        return text.replace(".", point).replace(",", point)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        fixed = self._with_decimal_point(text)
        result = super().validate(fixed, pos)
        state = result[0] if isinstance(result, tuple) else result
        return state, fixed, pos

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(self._with_decimal_point(text))
