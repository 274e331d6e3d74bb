"""Alt letters for Qt's own dialog buttons (OK, Cancel, Yes, Save, Close, ...) in every interface language.

Qt words its standard buttons itself (context ``QPlatformTheme``), and neither its
English nor its Dutch (``qtbase_nl.qm``) has a letter on OK, Cancel, Save, Close or
Apply. :class:`StandardButtonWords` is a translator installed in front of the others
that answers just those lookups with our own words, which carry the letters and are
translated in lobcoder's .ts files like any other string. The letters are chosen so
that the buttons that appear together (OK/Cancel/Apply/Help, Save/Discard/Cancel,
Yes/No/Cancel, Abort/Retry/Ignore) never share one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator


def standard_button_words() -> dict[tuple[str, str], str]:
    """Qt's (context, source text) of each standard button -> our words for it, in the installed language."""
    theme = "QPlatformTheme"
    return {
        (theme, "OK"): QCoreApplication.translate("StandardButtons", "&OK"),
        (theme, "Cancel"): QCoreApplication.translate("StandardButtons", "&Cancel"),
        (theme, "&Yes"): QCoreApplication.translate("StandardButtons", "&Yes"),
        (theme, "&No"): QCoreApplication.translate("StandardButtons", "&No"),
        (theme, "Yes to &All"): QCoreApplication.translate("StandardButtons", "Yes to &All"),
        (theme, "N&o to All"): QCoreApplication.translate("StandardButtons", "N&o to All"),
        (theme, "Save"): QCoreApplication.translate("StandardButtons", "&Save"),
        (theme, "Save All"): QCoreApplication.translate("StandardButtons", "Save &All"),
        (theme, "Open"): QCoreApplication.translate("StandardButtons", "&Open"),
        (theme, "Close"): QCoreApplication.translate("StandardButtons", "C&lose"),
        (theme, "Discard"): QCoreApplication.translate("StandardButtons", "&Discard"),
        (theme, "Apply"): QCoreApplication.translate("StandardButtons", "&Apply"),
        (theme, "Reset"): QCoreApplication.translate("StandardButtons", "&Reset"),
        (theme, "Restore Defaults"): QCoreApplication.translate("StandardButtons", "Restore De&faults"),
        (theme, "Help"): QCoreApplication.translate("StandardButtons", "&Help"),
        (theme, "Abort"): QCoreApplication.translate("StandardButtons", "A&bort"),
        (theme, "Retry"): QCoreApplication.translate("StandardButtons", "&Retry"),
        (theme, "Ignore"): QCoreApplication.translate("StandardButtons", "&Ignore"),
        ("QMessageBox", "Show Details..."): QCoreApplication.translate("StandardButtons", "Show De&tails…"),
        ("QMessageBox", "Hide Details..."): QCoreApplication.translate("StandardButtons", "Hide De&tails…"),
    }


class StandardButtonWords(QTranslator):
    """A translator that words only Qt's standard buttons; every other lookup falls through (``None``)."""

    def __init__(self, parent: QObject, words: dict[tuple[str, str], str]) -> None:
        super().__init__(parent)
        self._words = words

    def translate(  # noqa: D102 - Qt override
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self._words.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False
