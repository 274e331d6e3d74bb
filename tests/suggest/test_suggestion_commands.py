"""Accepting and rejecting suggestions: undoable, one step each, codings at exactly the suggested offsets."""

from __future__ import annotations

from sqlalchemy import func, select
from suggest_corpus import add_transcript

from lobcoder.editing.base import Command
from lobcoder.editing.suggestion_commands import AcceptAll, AcceptSuggestion, RejectSuggestion
from lobcoder.services.codes import create_code
from lobcoder.services.codings import codings_for_document
from lobcoder.storage.models import Coding, SuggestionRejection
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.ranking import Suggestion, suggest

TEXT = (
    "I: Hoe leren jullie van elkaar?\n"
    "Anna: Goed 😀. Wij leren samen in intervisie. De kantine is verbouwd.\n"
    "I: En daarna?\n"
    "Anna: Daarna 🙂 gaven we elkaar feedback in de intervisie.\n"
)


def run(store: ProjectStore, command: Command) -> Command:
    """What the GUI's undo stack does: one transaction per apply, undo and redo."""
    with store.transaction() as session:
        return command.apply(session)


def setup(store: ProjectStore, pipeline: DutchPipeline) -> tuple[int, list[Suggestion]]:
    with store.transaction() as session:
        create_code(session, "Samen leren", keywords="intervisie\nsamen leren")
    doc_id = add_transcript(store, "a", TEXT)
    return doc_id, suggest(store, doc_id, pipeline=pipeline)


def coded_texts(store: ProjectStore, doc_id: int) -> list[str]:
    with store.read() as session:
        return [TEXT[c.start : c.end] for c in codings_for_document(session, doc_id)]


def test_accept_codes_the_exact_span_and_undo_removes_it(store: ProjectStore, pipeline: DutchPipeline) -> None:
    doc_id, found = setup(store, pipeline)
    first = next(s for s in found if TEXT[s.start : s.end] == "Wij leren samen in intervisie.")
    assert first.start == TEXT.index("Wij")  # code points: the emoji before it is one position
    command = AcceptSuggestion(first, "Fenna")
    assert command.label == "accept_suggestion" and command.label_args == {"code": "Samen leren"}
    undo = run(store, command)
    assert coded_texts(store, doc_id) == ["Wij leren samen in intervisie."]
    with store.read() as session:
        guid = session.scalar(select(Coding.guid))
    assert all((s.start, s.end) != (first.start, first.end) for s in suggest(store, doc_id, pipeline=pipeline))
    redo = run(store, undo)
    assert coded_texts(store, doc_id) == []
    run(store, redo)
    with store.read() as session:
        assert session.scalar(select(Coding.guid)) == guid  # redo brings back the same coding


def test_accept_all_is_one_undo_step(store: ProjectStore, pipeline: DutchPipeline) -> None:
    doc_id, found = setup(store, pipeline)
    assert len(found) == 2
    undo = run(store, AcceptAll(found, "Fenna"))
    assert coded_texts(store, doc_id) == [
        "Wij leren samen in intervisie.",
        "Daarna 🙂 gaven we elkaar feedback in de intervisie.",
    ]
    assert undo.label == "accept_all_suggestions"
    run(store, undo)
    assert coded_texts(store, doc_id) == []


def test_reject_is_remembered_and_undo_forgets_it(store: ProjectStore, pipeline: DutchPipeline) -> None:
    doc_id, found = setup(store, pipeline)
    target = found[0]
    undo = run(store, RejectSuggestion(target))
    assert undo.label == "reject_suggestion"
    with store.read() as session:
        row = session.scalars(select(SuggestionRejection)).one()
        assert (row.code_guid, row.start, row.end, row.unit) == (target.code_guid, target.start, target.end, "sentence")
        guid = row.guid
    assert target not in suggest(store, doc_id, pipeline=pipeline)
    redo = run(store, undo)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(SuggestionRejection)) == 0
    assert target in suggest(store, doc_id, pipeline=pipeline)
    run(store, redo)
    with store.read() as session:
        assert session.scalars(select(SuggestionRejection)).one().guid == guid
