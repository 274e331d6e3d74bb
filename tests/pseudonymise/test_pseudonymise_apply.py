"""Apply on the demo: a pseudonymised copy where every coding covers the same passage, the original untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select, text

from lobcoder.errors import ProjectExistsError
from lobcoder.pseudonymise.apply import apply_pseudonyms
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.detect import detect
from lobcoder.pseudonymise.keyfile import KeyFileError, read_key
from lobcoder.pseudonymise.termlist import Decision, decisions_from_entities
from lobcoder.search.fulltext import search
from lobcoder.storage.coverage import covered_characters
from lobcoder.storage.models import AttributeValue, Coding, Document, Memo, Participant, Speaker, SpeakerTurn
from lobcoder.storage.project import ProjectStore


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def demo_decisions(store: ProjectStore) -> list[Decision]:
    extra = [Decision("19 november 2013", Category.DATE, "[datum]"), Decision("Karin", Category.PERSON, "Persoon 1")]
    return decisions_from_entities(detect(store, decisions=extra, use_deduce=False))


def snapshot(store: ProjectStore) -> dict:
    with store.read() as session:
        docs = {d.guid: d.text for d in session.scalars(select(Document))}
        doc_guid = {d.id: d.guid for d in session.scalars(select(Document))}
        codings = {c.guid: (doc_guid[c.document_id], c.start, c.end) for c in session.scalars(select(Coding))}
        coding_guid = {c.id: c.guid for c in session.scalars(select(Coding))}
        links = {
            m.guid: (doc_guid.get(m.document_id), coding_guid.get(m.coding_id), m.code_id)
            for m in session.scalars(select(Memo))
        }
    return {"docs": docs, "codings": codings, "memo_links": links}


def expected_passage(text: str, start: int, end: int, positions: list[dict]) -> str:
    """The old passage, widened over replacements it cuts, with each replacement in it done."""
    for p in positions:
        if p["start"] < start < p["end"]:
            start = p["start"]
        if p["start"] < end < p["end"]:
            end = p["end"]
    out, at = [], start
    for p in sorted(positions, key=lambda p: p["start"]):
        if start <= p["start"] and p["end"] <= end:
            out += [text[at : p["start"]], p["pseudonym"]]
            at = p["end"]
    return "".join(out) + text[at:end]


def test_copy_keeps_every_coding_on_its_passage_and_leaves_the_original(demo_copy: Path, tmp_path: Path) -> None:
    before = sha256(demo_copy)
    out, key_path = tmp_path / "pseudo.lobcoder", tmp_path / "key.json"
    with ProjectStore.open(demo_copy) as store:
        decisions = demo_decisions(store)
        old = snapshot(store)
        result = apply_pseudonyms(store, decisions, out, key_path)
    assert sha256(demo_copy) == before
    # Nothing of the originals stays readable in the file (free pages, the index's deleted entries).
    raw = out.read_bytes().lower()
    assert not any(name in raw for name in (b"marieke", b"veenstroom", b"meerwijk college", b"samira"))
    key = read_key(key_path)
    with ProjectStore.open(out) as copy:
        new = snapshot(copy)
        assert set(new["codings"]) == set(old["codings"]) and len(old["codings"]) == result.codings > 50
        assert new["memo_links"] == old["memo_links"] and any(c for _d, c, _k in old["memo_links"].values())
        changed = 0
        for guid, (doc, start, end) in old["codings"].items():
            positions = [p for p in key["positions"] if p["guid"] == doc]
            new_doc, new_start, new_end = new["codings"][guid]
            passage = new["docs"][new_doc][new_start:new_end]
            assert passage == expected_passage(old["docs"][doc], start, end, positions), guid
            changed += passage != old["docs"][doc][start:end]
        assert changed > 0  # some codings do contain names
        with copy.read() as session:
            texts = [d.text for d in session.scalars(select(Document))]
            assert all(d.length == len(d.text) for d in session.scalars(select(Document)))
            stored = {d.id: d.covered for d in session.scalars(select(Document))}
            measured = covered_characters(session)
            assert measured and measured == {i: stored[i] for i in measured}
            for name in (
                "Marieke",
                "Joost",
                "Samira",
                "Ruud",
                "Annelies",
                "ROC Veenstroom",
                "Meerwijk College",
                "Karin",
            ):
                assert not any(name in text for text in texts), name
            assert "Docent 1: " in texts[0] + texts[1] + texts[2]
            assert "19 november 2013" not in " ".join(texts) and "[datum]" in " ".join(texts)
            participants = set(session.scalars(select(Participant.name)))
            assert participants == {"Docent 1", "Docent 2", "Docent 3", "Teamleider 1", "Contactpersoon 1"}
            speakers = {s.id: s.name for s in session.scalars(select(Speaker))}
            for turn in session.scalars(select(SpeakerTurn).where(SpeakerTurn.speaker_id.is_not(None))):
                label = turn.document.text[turn.label_start : turn.start]
                assert label.startswith(speakers[turn.speaker_id]), label
            values = set(session.scalars(select(AttributeValue.text_value)))
            assert {"School A", "School B"} <= values and "ROC Veenstroom" not in values
            assert not any("Veenstroom" in m.text for m in session.scalars(select(Memo)))
            assert all("marieke" not in d.name.casefold() for d in session.scalars(select(Document)))
            assert search(session, "Veenstroom").hits == ()
            session.execute(text("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, document_fts, 'row')"))
            words = set(session.scalars(text("SELECT term FROM temp.vocab")))
            assert "docent" in words and not words & {"marieke", "veenstroom", "joost", "karin"}
            assert search(session, '"School A"').documents_matched >= 3


def test_key_file_round_trip_with_password(demo_copy: Path, tmp_path: Path) -> None:
    out, key_path = tmp_path / "pseudo.lobcoder", tmp_path / "key.enc.json"
    with ProjectStore.open(demo_copy) as store:
        apply_pseudonyms(store, demo_decisions(store), out, key_path, password="geheim wachtwoord")
    raw = key_path.read_text("utf-8")
    assert "Marieke" not in raw and "Veenstroom" not in raw
    key = read_key(key_path, "geheim wachtwoord")
    originals = {(t["term"], t["pseudonym"]) for t in key["terms"]}
    assert ("Marieke", "Docent 1") in originals
    assert any(p["original"] == "Marieke" and p["pseudonym"] == "Docent 1" for p in key["positions"])
    with pytest.raises(KeyFileError, match="wrong password"):
        read_key(key_path, "fout")
    with pytest.raises(KeyFileError, match="is encrypted"):
        read_key(key_path)


def test_existing_output_is_refused_and_nothing_is_written(demo_copy: Path, tmp_path: Path) -> None:
    out, key_path = tmp_path / "pseudo.lobcoder", tmp_path / "key.json"
    out.write_bytes(b"mine")
    with ProjectStore.open(demo_copy) as store:
        with pytest.raises(ProjectExistsError, match="pseudo.lobcoder: already exists"):
            apply_pseudonyms(store, demo_decisions(store), out, key_path)
    assert out.read_bytes() == b"mine" and not key_path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.lobcoder", "pseudo.lobcoder"]
