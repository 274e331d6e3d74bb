"""Typed errors raised by the core; the CLI and GUI word them for people.

``str(error)`` is English (the CLI, the log, tests). An error raised with a
:class:`~lobcoder.i18n.said.Said` (``say("problem.empty")``) instead of a plain
string can also be worded in Dutch: ``error.text("nl")``, which the GUI shows
in its interface language. Errors raised with a plain string stay English.
"""

from __future__ import annotations

from pathlib import Path

from lobcoder.i18n.said import Said


class LobcoderError(Exception):
    """Base class: ``str(error)`` is a one-line message fit to show a user."""

    def text(self, language: str = "en") -> str:
        """The one-line message in ``language``; English where it was raised with plain words."""
        if len(self.args) == 1 and isinstance(self.args[0], Said):
            return self.args[0].text(language)
        return str(self)


class FileProblem(LobcoderError):
    """Something is wrong with one named file; nothing was changed.

    ``problem`` is the English words after the path; ``said``, when the raise
    site gave a :class:`Said`, words them in any language (:meth:`problem_text`).
    """

    def __init__(self, path: str | Path, problem: str | Said) -> None:
        self.path = str(path)
        self.said = problem if isinstance(problem, Said) else None
        self.problem = str(problem)
        super().__init__(f"{self.path}: {self.problem}")

    @property
    def wording(self) -> str | Said:
        """What was said, to raise the same problem again for another file or error class."""
        return self.said if self.said is not None else self.problem

    def problem_text(self, language: str = "en") -> str:
        """The words after the path, in ``language`` (English if they were given as plain words)."""
        return self.said.text(language) if self.said is not None else self.problem

    def text(self, language: str = "en") -> str:
        """The whole line, path first: ``str(error)`` in English."""
        return f"{self.path}: {self.problem_text(language)}"


class ProjectError(FileProblem):
    """A project file cannot be created, opened or migrated."""


class NotAProjectError(ProjectError):
    pass


class ProjectTooNewError(ProjectError):
    """The project's schema is newer than this lobcoder knows; it was left as it was.

    ``schema`` is the file's schema revision, ``known`` the newest this version knows.
    """

    def __init__(self, path: str | Path, schema: str, known: str) -> None:
        super().__init__(path, Said("problem.too_new", (("schema", schema), ("known", known))))
        self.schema = schema
        self.known = known
        self.args = (self.text("en"),)

    def text(self, language: str = "en") -> str:
        return Said("problem.too_new_open", (("path", self.path), ("problem", self.said))).text(language)


class ProjectExistsError(ProjectError):
    pass


class ImportProblem(FileProblem):
    """A source file cannot be imported (unreadable, corrupt, unsupported...)."""


class UnsupportedFormat(ImportProblem):
    pass


class NotFoundError(LobcoderError):
    """A named document, code or participant does not exist in the project."""


class Refused(LobcoderError, ValueError):
    """An action the project as it is does not allow (a name empty or taken, a code moved into itself).

    Nothing was changed. It is a ValueError too, so callers that catch ValueError keep working.
    """


class Clash(Refused):
    """The project's own rules refused a change (a name or GUID taken, a row gone or in use); nothing was changed.

    Usually the project was changed meanwhile elsewhere (another window, the
    command line). ``rule`` names what the database checked: ``"unique"`` or
    ``"foreign_key"``.
    """

    def __init__(self, rule: str, said: Said) -> None:
        super().__init__(said)
        self.rule = rule


class Cancelled(LobcoderError):
    """The user cancelled a long-running operation."""


class StorageProblem(ProjectError):
    """The system refused to read or write a file: read-only, disk full, damaged or locked.

    ``kind`` is one of the constants below, so that the GUI can word the
    problem in the user's language; ``str(error)`` is the English wording.
    Whatever the kind, the action that met it changed nothing.
    """

    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    DAMAGED = "damaged"
    LOCKED = "locked"
    UNREADABLE = "unreadable"

    def __init__(self, path: str | Path, kind: str, problem: str | Said) -> None:
        self.kind = kind
        super().__init__(path, problem)
