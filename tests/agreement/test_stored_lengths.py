"""Document and character units take each text's length from the project: they read no text."""

from __future__ import annotations

from lobcoder.agreement.compute import agreement, coder_ids
from lobcoder.agreement.units import count_units, select_codings
from lobcoder.analysis.dataset import DocumentSource, load_dataset
from lobcoder.storage.project import ProjectStore


def test_document_and_character_units_read_no_text(team_file) -> None:  # type: ignore[no-untyped-def]
    with ProjectStore.open(team_file) as store, store.read() as session:
        full = load_dataset(session)
        source = DocumentSource(session, keep=0)
        lean = load_dataset(session, texts=False, turns=False).reading(source)
        for unit in ("document", "character"):
            expected = agreement(full, ["Anna", "Bram"], unit)
            found = agreement(lean, ["Anna", "Bram"], unit)
            assert repr(found.tables) == repr(expected.tables)
        assert source.reads == 0
        # A document unit is the whole text, as long as the text is.
        counts = count_units(lean, select_codings(lean, coder_ids(lean, ["Anna", "Bram"])), "document")
        assert len(counts.located_unit) > 0
        for document, start, end in counts.located_unit.tolist():
            assert (start, end) == (0, len(full.text(full.documents[document].id)))
        assert source.reads == 0
