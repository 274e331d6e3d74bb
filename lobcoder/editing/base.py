"""The command protocol: ``apply`` changes the project and returns the inverse."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session


class Command(ABC):
    """An undoable user action, free of Qt.

    ``apply`` runs inside the caller's transaction and returns the command that
    undoes it; applying that returns a command that redoes it, and so on. Rows
    are named by GUID, never by id, so a code deleted and restored by undo is
    the same code to every later command.

    ``label`` names the action for people (``"apply_code"`` with
    ``label_args={"code": "Visie"}``); the GUI turns it into translated text.
    """

    label: str = "edit"

    @property
    def label_args(self) -> dict[str, Any]:
        return {}

    @abstractmethod
    def apply(self, session: Session) -> Command: ...


@dataclass
class Macro(Command):
    """Several commands as one user action (one undo step)."""

    commands: Sequence[Command]
    label: str = "edit"
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def label_args(self) -> dict[str, Any]:
        return self.args

    def apply(self, session: Session) -> Command:
        inverses = [command.apply(session) for command in self.commands]
        return Macro(list(reversed(inverses)), self.label, self.args)
