"""GUI settings persist through an ini file; the interface speaks Dutch or English."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from lobcoder.gui import translations_tool
from lobcoder.gui.i18n import available_languages, install_translations, system_language, uninstall_translations
from lobcoder.gui.settings import MAX_RECENT_PROJECTS, Settings
from lobcoder.services.codings import default_coder_name


def _settings(tmp_path: Path) -> Settings:
    return Settings(str(tmp_path / "settings.ini"))


def _reopened(settings: Settings) -> Settings:
    settings.sync()
    return Settings(settings.qsettings.fileName())


def _projects(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = [folder / f"p{n}.lobcoder" for n in range(count)]
    for path in paths:
        path.write_bytes(b"")
    return paths


# -- settings -------------------------------------------------------------------


def test_defaults_of_a_new_settings_file(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    assert settings.language == "system"
    assert settings.coder_name == default_coder_name()
    assert settings.recent_projects == []
    assert settings.window_geometry.isEmpty() and settings.window_state.isEmpty()
    assert settings.splitter_states == {}
    assert settings.pinned_codes(tmp_path / "x.lobcoder") == []
    assert settings.last_document(tmp_path / "x.lobcoder") is None
    assert settings.last_import_folder == ""
    assert settings.speaker_pattern == ""
    assert settings.show_all_codes is False
    assert settings.detect_speakers is True
    assert settings.min_speaker_turns == 2
    assert "interviewer" in settings.interviewer_names


def test_every_setting_round_trips_through_the_ini_file(tmp_path: Path) -> None:
    project = tmp_path / "a.lobcoder"
    settings = _settings(tmp_path)
    settings.language = "nl"
    settings.coder_name = "Marieke"
    settings.window_geometry = QByteArray(b"\x01\x02geometry")
    settings.window_state = QByteArray(b"\x00state")
    settings.splitter_states = {"main": QByteArray(b"m\x00"), "left": QByteArray(b"l")}
    settings.set_pinned_codes(project, ["guid-1", "guid-2"])
    settings.set_last_document(project, 42)
    settings.last_import_folder = str(tmp_path / "transcripten, ronde 1")
    settings.speaker_pattern = r"^(?P<speaker>[A-Z]+), zegt:"
    settings.show_all_codes = True
    settings.detect_speakers = False
    settings.min_speaker_turns = 3
    settings.interviewer_names = ["int", "onderzoeker"]

    again = _reopened(settings)
    assert again.language == "nl"
    assert again.coder_name == "Marieke"
    assert bytes(again.window_geometry.data()) == b"\x01\x02geometry"
    assert bytes(again.window_state.data()) == b"\x00state"
    assert {k: bytes(v.data()) for k, v in again.splitter_states.items()} == {"main": b"m\x00", "left": b"l"}
    assert again.pinned_codes(project) == ["guid-1", "guid-2"]
    assert again.pinned_codes(tmp_path / "other.lobcoder") == []
    assert again.last_document(project) == 42
    assert again.last_import_folder == str(tmp_path / "transcripten, ronde 1")
    assert again.speaker_pattern == r"^(?P<speaker>[A-Z]+), zegt:"
    assert again.show_all_codes is True
    assert again.detect_speakers is False
    assert again.min_speaker_turns == 3
    assert again.interviewer_names == ["int", "onderzoeker"]


def test_recent_projects_are_deduplicated_most_recent_first_and_capped(tmp_path: Path) -> None:
    paths = _projects(tmp_path / "projects", 12)
    settings = _settings(tmp_path)
    for path in paths:
        settings.add_recent_project(path)
    settings.add_recent_project(paths[5])
    # The same file spelled relative to another folder is the same project.
    settings.add_recent_project(paths[5].parent / ".." / "projects" / paths[5].name)
    recent = _reopened(settings).recent_projects
    assert len(recent) == MAX_RECENT_PROJECTS
    assert recent[0] == str(paths[5].resolve())
    assert len({Path(p).resolve() for p in recent}) == len(recent)
    assert [Path(p).name for p in recent[1:4]] == ["p11.lobcoder", "p10.lobcoder", "p9.lobcoder"]
    assert str(paths[0]) not in recent and str(paths[1]) not in recent


def test_recent_projects_that_no_longer_exist_are_left_out(tmp_path: Path) -> None:
    kept, gone = _projects(tmp_path / "projects", 2)
    settings = _settings(tmp_path)
    settings.add_recent_project(kept)
    settings.add_recent_project(gone)
    gone.unlink()
    assert _reopened(settings).recent_projects == [str(kept.resolve())]
    settings.remove_recent_project(kept)
    assert settings.recent_projects == []


def test_pinned_codes_keep_nine_keys_and_an_empty_list_forgets_the_project(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    project = tmp_path / "a.lobcoder"
    settings.set_pinned_codes(project, [f"g{n}" for n in range(12)])
    assert settings.pinned_codes(project) == [f"g{n}" for n in range(9)]
    settings.set_pinned_codes(project, [])
    assert settings.pinned_codes(project) == []
    settings.sync()
    assert "a.lobcoder" not in Path(settings.qsettings.fileName()).read_text(encoding="utf-8")


def test_an_unknown_language_is_refused_and_a_hand_edited_one_ignored(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    with pytest.raises(ValueError, match="ui/language"):
        settings.language = "fr"
    settings.qsettings.setValue("ui/language", "klingon")
    settings.qsettings.setValue("import/min_speaker_turns", "many")
    settings.qsettings.setValue("projects/recent", "not json [")
    assert settings.language == "system"
    assert settings.min_speaker_turns == 2
    assert settings.recent_projects == []


# -- translations -----------------------------------------------------------------


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, left without translators afterwards (other tests expect English)."""
    yield qapp
    uninstall_translations(qapp)


def test_dutch_translations_load_for_lobcoder_and_qt_itself(app: QApplication) -> None:
    assert install_translations(app, "nl") == "nl"
    translate = QCoreApplication.translate
    assert translate("MenuActions", "&File") == "&Bestand"
    assert translate("ImportDialog", "Import documents") == "Documenten importeren"
    assert translate("ImportDialog", "%n file(s) to import.", "", 1) == "1 bestand te importeren."
    assert translate("ImportDialog", "%n file(s) to import.", "", 3) == "3 bestanden te importeren."
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "&Annuleren"  # Qt's word, with our Alt letter


def test_english_is_the_fallback_and_gets_proper_plurals(app: QApplication) -> None:
    install_translations(app, "nl")
    assert install_translations(app, "en") == "en"
    translate = QCoreApplication.translate
    assert translate("MenuActions", "&File") == "&File"
    assert translate("ImportDialog", "%n file(s) to import.", "", 1) == "1 file to import."
    assert translate("ImportDialog", "%n file(s) to import.", "", 2) == "2 files to import."
    assert install_translations(app, "fr") == "en"
    assert translate("ImportDialog", "Import documents") == "Import documents"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "&Cancel"


def test_system_language_follows_the_locale(app: QApplication) -> None:
    assert install_translations(app, "system") == system_language()
    assert set(available_languages()) == {"en", "nl"}


# -- the translations tool --------------------------------------------------------

_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Demo</name>
    <message><source>Done</source><translation>Klaar</translation></message>
    <message><source>New</source><translation type="unfinished"></translation></message>
    <message><source>{0} of {1}</source><translation>{0} van {2}</translation></message>
    <message><source>&amp;File</source><translation>Bestand</translation></message>
    <message numerus="yes"><source>%n file(s)</source>
        <translation><numerusform>%n bestand</numerusform><numerusform></numerusform></translation></message>
    <message><source>Gone</source><translation type="vanished">Weg</translation></message>
</context>
<context>
    <name></name>
    <message><source>undo</source><comment>Edit memo</comment><translation type="unfinished"></translation></message>
</context>
</TS>
"""


def test_check_reports_what_would_show_untranslated_or_wrong(tmp_path: Path) -> None:
    ts = tmp_path / "lobcoder_nl.ts"
    ts.write_text(_TS, encoding="utf-8")
    problems = {(p.source, p.issue.split(":")[0].split(",")[0]) for p in translations_tool.check_ts(ts)}
    assert ("New", "not translated yet") in problems
    assert ("%n file(s)", "translation unfinished") in problems
    assert any(source == "{0} of {1}" and "placeholders" in issue for source, issue in problems)
    assert any(source == "&File" and "shortcut" in issue for source, issue in problems)
    assert any(source == "Edit memo" and "without a context" in issue for source, issue in problems)
    assert not any(source in ("Done", "Gone") for source, _ in problems)


def test_english_plural_forms_are_derived_from_the_source() -> None:
    assert translations_tool.english_plurals("%n file(s) to import.") == ("%n file to import.", "%n files to import.")
    assert translations_tool.english_plurals("%n match(es)") == ("%n match", "%n matches")
    assert translations_tool.english_plurals("%n including its sub-codes") is None


def test_the_shipped_dutch_translations_keep_every_placeholder() -> None:
    problems = translations_tool.check_ts(translations_tool.ts_file("nl"))
    assert [str(p) for p in problems if "placeholders" in p.issue or "shortcut" in p.issue] == []


def test_the_shipped_qm_files_are_compiled_from_the_current_ts_files() -> None:
    """Run ``python -m lobcoder.gui.translations_tool release`` when this fails."""
    for language in ("en", "nl"):
        assert translations_tool.qm_file(language).is_file()
        assert ET.parse(translations_tool.ts_file(language)).getroot().get("language") == language
    assert translations_tool.stale_qm_files() == []
