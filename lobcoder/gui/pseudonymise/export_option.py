"""The "Pseudonymise (use accepted decisions)" check box that every export offers."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from lobcoder.pseudonymise.export_copy import accepted_decisions
from lobcoder.storage.project import ProjectStore


def accepted_terms(store: ProjectStore | None) -> int:
    """How many accepted decisions (with a pseudonym) the project holds; 0 without a project."""
    return len(accepted_decisions(store)) if store is not None else 0


class PseudonymiseOption(QCheckBox):
    """Unticked by default; disabled, with a tooltip saying why, while the project has no accepted decisions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Pseudonymise (use accepted decisions)"), parent)
        self.setObjectName("pseudonymise_option")
        self.terms = 0
        self.set_terms(0)

    def set_terms(self, terms: int) -> None:
        """The number of accepted decisions in the project (see :func:`accepted_terms`)."""
        self.terms = terms
        self.setEnabled(terms > 0)
        if terms == 0:
            self.setChecked(False)
            self.setToolTip(
                self.tr(
                    "This project has no accepted pseudonymisation decisions yet. "
                    "Review them first in File → Pseudonymise…"
                )
            )
        else:
            self.setToolTip(
                self.tr(
                    "Export with personal data replaced by the pseudonyms of the %n accepted decision(s) "
                    "(File → Pseudonymise…). The project itself is not changed.",
                    "",
                    terms,
                )
            )

    def wanted(self) -> bool:
        return self.isEnabled() and self.isChecked()
