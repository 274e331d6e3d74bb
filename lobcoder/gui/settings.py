"""Every persistent GUI setting, declared once over QSettings (Picard's options.py idea).

Each setting is a class attribute of :class:`Settings` that knows its key, its
default and how to store its value, so nothing else in the GUI spells a
QSettings key. Lists and per-project maps are stored as JSON text, which reads
back the same from an ini file, the Windows registry and macOS plists (QSettings
returns a one-element list from an ini file as a plain string otherwise).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from lobcoder.importing.speakers import DEFAULT_INTERVIEWER_NAMES
from lobcoder.services.codings import default_coder_name

ORGANIZATION = "lobcoder"
APPLICATION = "lobcoder"
LANGUAGES = ("system", "en", "nl")
MAX_RECENT_PROJECTS = 10
MAX_PROJECT_ENTRIES = 100  # per-project maps (pinned codes, last document) forget the oldest beyond this
PINNED_KEYS = 9

T = TypeVar("T")


class _Setting(Generic[T]):
    """A typed descriptor over one QSettings key; ``default`` may be a callable."""

    def __init__(self, key: str, default: T | Callable[[], T]) -> None:
        self.key = key
        self._default = default

    def default(self) -> T:
        return self._default() if callable(self._default) else self._default

    def __get__(self, settings: Settings | None, owner: type | None = None) -> Any:
        if settings is None:
            return self
        raw = settings.qsettings.value(self.key)
        if raw is None:
            return self.default()
        try:
            return self.load(raw)
        except (TypeError, ValueError):  # a hand-edited or foreign value: fall back
            return self.default()

    def __set__(self, settings: Settings, value: T) -> None:
        settings.qsettings.setValue(self.key, self.dump(value))

    def load(self, raw: Any) -> T:
        return raw

    def dump(self, value: T) -> Any:
        return value


class _Text(_Setting[str]):
    def __init__(self, key: str, default: str | Callable[[], str], choices: Sequence[str] = ()) -> None:
        super().__init__(key, default)
        self.choices = tuple(choices)

    def load(self, raw: Any) -> str:
        value = str(raw)
        if self.choices and value not in self.choices:
            raise ValueError(value)
        return value

    def dump(self, value: str) -> str:
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.key} must be one of {', '.join(self.choices)}, not {value!r}")
        return str(value)


class _Bool(_Setting[bool]):
    def load(self, raw: Any) -> bool:
        if isinstance(raw, str):
            return raw.strip().lower() in ("true", "1", "yes")
        return bool(raw)

    def dump(self, value: bool) -> bool:
        return bool(value)


class _Int(_Setting[int]):
    def __init__(self, key: str, default: int, minimum: int, maximum: int) -> None:
        super().__init__(key, default)
        self.minimum, self.maximum = minimum, maximum

    def load(self, raw: Any) -> int:
        return min(max(int(raw), self.minimum), self.maximum)

    def dump(self, value: int) -> int:
        return min(max(int(value), self.minimum), self.maximum)


class _Bytes(_Setting[QByteArray]):
    def load(self, raw: Any) -> QByteArray:
        if isinstance(raw, QByteArray):
            return raw
        if isinstance(raw, bytes | bytearray):
            return QByteArray(bytes(raw))
        raise TypeError(type(raw).__name__)

    def dump(self, value: QByteArray) -> QByteArray:
        return QByteArray(value)


class _Json(_Setting[T]):
    """A list or dict stored as JSON text; ``check`` rejects a value of the wrong shape."""

    def __init__(self, key: str, default: Callable[[], T], check: Callable[[Any], T]) -> None:
        super().__init__(key, default)
        self.check = check

    def load(self, raw: Any) -> T:
        return self.check(json.loads(str(raw)))

    def dump(self, value: T) -> str:
        return json.dumps(self.check(value), ensure_ascii=False)


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return [str(v) for v in value]


def _string_map(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("expected a mapping")
    return {str(k): v for k, v in value.items()}


def _default_interviewer_names() -> list[str]:
    return sorted(DEFAULT_INTERVIEWER_NAMES)


def _project_key(path: str | Path) -> str:
    """One spelling per file, so a project opened by another path is still one entry."""
    return str(Path(path).expanduser().resolve())


class Settings:
    """The user's GUI settings: read on every access, written on every assignment.

    Args:
        path: an ini file to use instead of the platform's settings store
            (tests and ``lobcoder screenshot`` pass a temporary file).
    """

    language = _Text("ui/language", "system", choices=LANGUAGES)
    coder_name = _Text("coding/coder_name", default_coder_name)
    show_all_codes = _Bool("view/show_all_codes", False)
    count_subcodes = _Bool("view/count_subcodes", False)  # the code tree's codings include sub-codes
    window_geometry = _Bytes("window/geometry", QByteArray)
    window_state = _Bytes("window/state", QByteArray)
    last_import_folder = _Text("import/last_folder", "")
    speaker_pattern = _Text("import/speaker_pattern", "")  # the last custom regular expression
    detect_speakers = _Bool("import/detect_speakers", True)
    min_speaker_turns = _Int("import/min_speaker_turns", 2, minimum=1, maximum=99)
    interviewer_names = _Json("import/interviewer_names", _default_interviewer_names, _strings)
    # "Accept all of this code with score >=": a percentage, so the ini file holds a whole number.
    suggestion_threshold = _Int("suggestions/accept_all_threshold", 70, minimum=0, maximum=100)
    _recent = _Json("projects/recent", list, _strings)
    _pinned = _Json("projects/pinned_codes", dict, _string_map)
    _last_documents = _Json("projects/last_document", dict, _string_map)

    def __init__(self, path: str | None = None) -> None:
        if path is None:
            self.qsettings = QSettings(ORGANIZATION, APPLICATION)
        else:
            self.qsettings = QSettings(path, QSettings.Format.IniFormat)

    @property
    def coder_name_chosen(self) -> bool:
        """Whether she has given a coder name (else ``coder_name`` is the computer's login; see coder_prompt)."""
        return self.qsettings.contains(Settings.coder_name.key)

    def sync(self) -> None:
        """Write pending changes now (QSettings also does so on its own)."""
        self.qsettings.sync()

    # -- splitters -------------------------------------------------------

    @property
    def splitter_states(self) -> dict[str, QByteArray]:
        self.qsettings.beginGroup("splitters")
        try:
            states = {name: self.qsettings.value(name) for name in self.qsettings.childKeys()}
        finally:
            self.qsettings.endGroup()
        return {name: state for name, state in states.items() if isinstance(state, QByteArray)}

    @splitter_states.setter
    def splitter_states(self, states: dict[str, QByteArray]) -> None:
        self.qsettings.remove("splitters")
        for name, state in states.items():
            self.qsettings.setValue(f"splitters/{name}", QByteArray(state))

    # -- recent projects ---------------------------------------------------

    @property
    def recent_projects(self) -> list[str]:
        """Most recent first, without duplicates or files that no longer exist."""
        return [p for p in self._recent if Path(p).is_file()][:MAX_RECENT_PROJECTS]

    @recent_projects.setter
    def recent_projects(self, paths: Sequence[str | Path]) -> None:
        unique = dict.fromkeys(_project_key(p) for p in paths)
        self._recent = list(unique)[:MAX_RECENT_PROJECTS]

    def add_recent_project(self, path: str | Path) -> None:
        self.recent_projects = [path, *self._recent]

    def remove_recent_project(self, path: str | Path) -> None:
        key = _project_key(path)
        self.recent_projects = [p for p in self._recent if p != key]

    # -- per-project values -------------------------------------------------

    def pinned_codes(self, project: str | Path) -> list[str]:
        """Code GUIDs pinned to the keys 1-9 in ``project``, in key order."""
        value = self._pinned.get(_project_key(project), [])
        return [str(g) for g in value][:PINNED_KEYS] if isinstance(value, list) else []

    def set_pinned_codes(self, project: str | Path, guids: Sequence[str]) -> None:
        self._pinned = _bounded(self._pinned, _project_key(project), [str(g) for g in guids][:PINNED_KEYS])

    def last_document(self, project: str | Path) -> int | None:
        """The document last open in ``project``, to reopen it next time."""
        value = self._last_documents.get(_project_key(project))
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def set_last_document(self, project: str | Path, document_id: int | None) -> None:
        self._last_documents = _bounded(self._last_documents, _project_key(project), document_id)


def _bounded(mapping: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """``mapping`` with ``key`` set (moved last) or removed for None, oldest entries dropped."""
    updated = {k: v for k, v in mapping.items() if k != key}
    if value is not None and value != []:
        updated[key] = value
    return dict(list(updated.items())[-MAX_PROJECT_ENTRIES:])
