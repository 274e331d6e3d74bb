"""Install the interface translations: lobcoder's own .qm files and Qt's standard ones."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from lobcoder.i18n.said import Said
from lobcoder.util.shipped import shipped

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"

# Translators and the .qm bytes they read from (QTranslator keeps pointing into
# the data it was loaded from), kept alive for as long as they are installed.
_installed: list[tuple[QTranslator, bytes | None]] = []
_language = [SOURCE_LANGUAGE]  # the language installed last


def interface_language() -> str:
    """The language the interface speaks now ("en" or "nl"): for words the core writes, such as errors."""
    return _language[0]


def worded(words: str | Said) -> str:
    """Words from the core in the interface language: a :class:`Said` is worded, plain text shown as it is."""
    return words.text(_language[0]) if isinstance(words, Said) else words


def interface_locale() -> QLocale:
    """The locale for numbers, sizes and dates in the interface language.

    The system locale when it speaks that language (keeping its region, e.g. Belgian
    Dutch), else the language's own default locale: a Dutch interface on an English
    system writes "1,2 MB", not "1.2 MB".
    """
    system = QLocale.system()
    language = QLocale.Language.Dutch if _language[0] == "nl" else QLocale.Language.English
    return system if system.language() == language else QLocale(language)


def decimal(value: float, places: int = 2) -> str:
    """A number with ``places`` decimals in the interface language: "0.70" in English, "0,70" in Dutch."""
    return interface_locale().toString(float(value), "f", places)


def formatted_size(size: int) -> str:
    """A file size in the interface language, to about three digits: "596 kB", "1,2 MB", "12 MB"."""
    scaled = float(size)
    while scaled >= 1024:
        scaled /= 1024
    precision = 1 if size >= 1024 and scaled < 9.95 else 0
    return interface_locale().formattedDataSize(size, precision, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def available_languages() -> dict[str, str]:
    """Language codes and their names in their own language, for the Language menu."""
    return {"en": "English", "nl": "Nederlands"}


def system_language() -> str:
    """The supported language matching the system locale, else English."""
    return "nl" if QLocale.system().language() == QLocale.Language.Dutch else SOURCE_LANGUAGE


def _package_qm(language: str) -> bytes | None:
    resource = shipped("translations", f"lobcoder_{language}.qm")
    try:
        return resource.read_bytes()
    except OSError:
        return None


def install_translations(app: QCoreApplication, language: str) -> str:
    """Install the translators for ``language`` ("system", "en" or "nl").

    English is the source language, but ``lobcoder_en.qm`` is still loaded for
    its plural forms ("1 segment" rather than "1 segment(s)"). Qt's own
    ``qtbase_<lang>.qm`` makes standard buttons and dialogs speak the same
    language; lobcoder's file is installed after it, so it is asked first and
    gives those buttons Alt letters (:mod:`lobcoder.gui.standard_buttons`).
    Calling it again replaces the previous translators.

    Returns:
        The language actually used: "en" when the requested one is unknown or
        its translation file is missing.
    """
    uninstall_translations(app)
    wanted = system_language() if language == "system" else language
    if wanted not in available_languages():
        log.warning("unknown interface language %r; using English", language)
        wanted = SOURCE_LANGUAGE
    data = _package_qm(wanted)
    translator = QTranslator(app)
    if data is None or not translator.load(data):
        if wanted != SOURCE_LANGUAGE:
            log.warning("no translation file for %r; using English", wanted)
            return install_translations(app, SOURCE_LANGUAGE)
        return SOURCE_LANGUAGE
    if wanted != SOURCE_LANGUAGE:
        qt_translator = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(f"qtbase_{wanted}", qt_folder):
            app.installTranslator(qt_translator)
            _installed.append((qt_translator, None))
        else:
            log.info("Qt's own %s translations not found in %s", wanted, qt_folder)
    app.installTranslator(translator)  # last, so asked first: our words for Qt's buttons win
    _installed.append((translator, data))
    _language[0] = wanted
    return wanted


def uninstall_translations(app: QCoreApplication) -> None:
    """Remove the translators :func:`install_translations` installed (tests, language switches)."""
    for translator, _data in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language[0] = SOURCE_LANGUAGE
