"""Typed errors raised by the core; the CLI and GUI word them for people."""

from __future__ import annotations

from pathlib import Path


class LobcoderError(Exception):
    """Base class: ``str(error)`` is a one-line message fit to show a user."""


class FileProblem(LobcoderError):
    """Something is wrong with one named file; nothing was changed."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ProjectError(FileProblem):
    """A project file cannot be created, opened or migrated."""


class NotAProjectError(ProjectError):
    pass


class ProjectTooNewError(ProjectError):
    """The project's schema is newer than this lobcoder knows; it was left as it was.

    ``schema`` is the file's schema revision, ``known`` the newest this version knows.
    """

    def __init__(self, path: str | Path, schema: str, known: str) -> None:
        super().__init__(path, f"was saved by a newer lobcoder (schema {schema}); this version knows up to {known}")
        self.schema = schema
        self.known = known
        self.args = (f"{self.path} {self.problem}. Update lobcoder to open it.",)


class ProjectExistsError(ProjectError):
    pass


class ImportProblem(FileProblem):
    """A source file cannot be imported (unreadable, corrupt, unsupported...)."""


class UnsupportedFormat(ImportProblem):
    pass


class NotFoundError(LobcoderError):
    """A named document, code or participant does not exist in the project."""


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

    def __init__(self, path: str | Path, kind: str, problem: str) -> None:
        self.kind = kind
        super().__init__(path, problem)
