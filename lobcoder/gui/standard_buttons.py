"""Alt letters for Qt's own dialog buttons (OK, Cancel, Yes, Save, Close, ...) in every interface language.

Qt words its standard buttons itself (context ``QPlatformTheme``), and neither its
English nor its Dutch (``qtbase_nl.qm``) has a letter on OK, Cancel, Save, Close or
Apply. lobcoder's own translation files answer those lookups first (they are
installed after Qt's, and the translator installed last is asked first):

* Dutch: lupdate finds Qt's texts below (``QT_TRANSLATE_NOOP``), so
  ``lobcoder_nl.ts`` translates them like any other string ("Cancel" -> "&Annuleren").
* English: :data:`ENGLISH` is written into ``lobcoder_en.ts`` by
  ``translations_tool update`` ("Cancel" -> "&Cancel").

Both are plain .qm data: no Python runs when Qt looks a text up (a Python
``QTranslator.translate`` would need the GIL inside Qt's translator lock, and
could deadlock with a thread installing translators). The letters are chosen so
that buttons that appear together (OK/Cancel/Apply/Help, Save/Discard/Cancel,
Yes/No/Cancel, Abort/Retry/Ignore, and Show Details) never share one.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Qt's own texts (Qt 6), as lupdate should find them for lobcoder_nl.ts.
QT_TEXTS: tuple[tuple[str, str], ...] = tuple(
    (context, str(text))  # QT_TRANSLATE_NOOP returns its text, typed as object
    for context, text in (
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "OK")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "&No")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Save")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Save All")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Open")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Close")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Discard")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Apply")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Reset")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Help")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Abort")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Retry")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore")),
        ("QMessageBox", QT_TRANSLATE_NOOP("QMessageBox", "Show Details...")),
        ("QMessageBox", QT_TRANSLATE_NOOP("QMessageBox", "Hide Details...")),
    )
)

# The English words, with their letters, for each of Qt's texts above.
ENGLISH: dict[tuple[str, str], str] = {
    ("QPlatformTheme", "OK"): "&OK",
    ("QPlatformTheme", "Cancel"): "&Cancel",
    ("QPlatformTheme", "&Yes"): "&Yes",
    ("QPlatformTheme", "&No"): "&No",
    ("QPlatformTheme", "Yes to &All"): "Yes to &All",
    ("QPlatformTheme", "N&o to All"): "N&o to All",
    ("QPlatformTheme", "Save"): "&Save",
    ("QPlatformTheme", "Save All"): "Save &All",
    ("QPlatformTheme", "Open"): "&Open",
    ("QPlatformTheme", "Close"): "C&lose",
    ("QPlatformTheme", "Discard"): "&Discard",
    ("QPlatformTheme", "Apply"): "&Apply",
    ("QPlatformTheme", "Reset"): "&Reset",
    ("QPlatformTheme", "Restore Defaults"): "Restore De&faults",
    ("QPlatformTheme", "Help"): "&Help",
    ("QPlatformTheme", "Abort"): "A&bort",
    ("QPlatformTheme", "Retry"): "&Retry",
    ("QPlatformTheme", "Ignore"): "&Ignore",
    ("QMessageBox", "Show Details..."): "Show De&tails…",
    ("QMessageBox", "Hide Details..."): "Hide De&tails…",
}
