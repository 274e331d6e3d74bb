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
    pass


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
