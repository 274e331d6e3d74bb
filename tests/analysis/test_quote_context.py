"""Words of context around a quote in the thesis report stay within the quote's speaker turn."""

from __future__ import annotations

from pathlib import Path

import docx

from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.quote_report import quote_report
from lobcoder.analysis.quotes import quotes
from lobcoder.reports.export import export_quotes
from lobcoder.storage.project import ProjectStore

from .conftest import load
from .fixtures import Project, add_codes, add_text, code

INTERVIEW = (
    "I: Werken jullie samen als team?\n"
    "Docent: Ja, we leren veel van elkaar in de teamvergadering. We delen wat werkt.\n"
    "I: En de leiding?\n"
    "Docent: Een teamleider die de visie uitdraagt maakt het verschil.\n"
)
NOTES = "Notities bij het gesprek.\nDe stage was fijn en leerzaam voor iedereen in het team."


def test_context_keeps_to_the_turn_leaves_out_labels_and_marks_only_what_it_cut(
    store: ProjectStore, tmp_path: Path
) -> None:
    project = Project()
    with store.transaction() as s:
        add_codes(s, project, {"Leren": None, "Leiding": None, "Stage": None})
        add_text(s, project, "Docent01_r1", INTERVIEW, "Anna")
        add_text(s, project, "Notities", NOTES, turns=[])
        code(s, project, "c1", "Docent01_r1", "Leren", "we leren veel van elkaar")
        code(s, project, "c2", "Docent01_r1", "Leiding", "Een teamleider die de visie uitdraagt maakt het verschil")
        code(s, project, "c3", "Notities", "Stage", "fijn")
    found = quotes(load(store), AnalysisFilter(), context=3)
    report = quote_report(found, attribution=("participant",), context=3)
    path = export_quotes(report, tmp_path / "citaten.docx", language="nl")[0]
    blocks = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Quote Block"]
    assert blocks == [
        # Not "[… team? Docent: Ja,]": the interviewer's question and the label are not her words.
        "[Ja,] ‘we leren veel van elkaar’ [in de teamvergadering. …] (Anna)",
        # Not "[. …]": the full stop closes the quote's sentence, and the turn ends there.
        "‘Een teamleider die de visie uitdraagt maakt het verschil’ (Anna)",
        # Outside every turn: the paragraph, not the line above it.
        "[De stage was] ‘fijn’ [en leerzaam voor …]",
    ]
    notes = report.notes("nl")
    assert "In grijs: hoogstens 3 woorden context voor en na elk citaat, uit dezelfde spreekbeurt." in notes
