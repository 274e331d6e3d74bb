"""A generated many-document project through .qdpx, which export and import stream one source at a time."""

from __future__ import annotations

import random
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from lobcoder.errors import Cancelled, LobcoderError
from lobcoder.importing.speakers import detect_turns
from lobcoder.refi import qdpx_store
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.refi.qdpx_read import read_qdpx
from lobcoder.services.documents import add_document
from lobcoder.storage.models import (
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Participant,
)
from lobcoder.storage.project import ProjectStore

DOCUMENTS = 2 * qdpx_store.SOURCES_PER_TRANSACTION + 7  # three batches, the last one short
WORDS = ("loopbaan", "stage", "één", "coördinatie", "mentor", "ideeën", "😀", "👩‍🏫", "BPV", "samen", "leren", "keuze")


def _text(rng: random.Random) -> str:
    lines = []
    for turn in range(rng.randint(6, 14)):
        speaker = "I" if turn % 2 == 0 else "Respondent"
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 30)))
        lines.append(f"{speaker}: {words}.")
    return "\n".join(lines)


def build(path: Path, seed: int = 15) -> ProjectStore:
    """Many documents with overlapping codings by two coders (and none), cases, attributes and memos."""
    rng = random.Random(seed)
    store = ProjectStore.create(path, name="Generated study")
    moment = datetime(2025, 3, 1, 9, 30)
    with store.transaction() as session:
        codes = [Code(name=f"Code {n}", position=n, color="#1f77b4") for n in range(6)]
        codes += [Code(name=f"Sub {n}", position=n, parent=codes[n % 3]) for n in range(4)]
        coders = [Coder(name="Anna"), Coder(name="Bram")]
        wave = Attribute(name="wave", type=AttributeType.NUMBER, scope=AttributeScope.DOCUMENT, position=0)
        school = Attribute(name="school", type=AttributeType.CATEGORY, scope=AttributeScope.PARTICIPANT, position=1)
        session.add_all([*codes, *coders, wave, school])
        session.flush()
        code_ids, coder_ids = [c.id for c in codes], [*(c.id for c in coders), None]
    for number in range(DOCUMENTS):
        text = _text(rng)
        with store.transaction() as session:
            ref = add_document(
                session, f"Interview {number:03d}", text, detect_turns(text), participant=f"P{number // 3}"
            )
            document = session.get_one(Document, ref.id)
            assert document.participant is not None
            if number % 3 == 0:
                session.add(
                    AttributeValue(attribute_id=school.id, participant_id=document.participant.id, text_value="ROC A")
                )
            session.add(AttributeValue(attribute_id=wave.id, document_id=ref.id, number_value=number % 3 + 1))
            rows: list[dict[str, Any]] = []
            for _ in range(rng.randint(0, 12)):
                start = rng.randrange(len(text) - 1)
                end = rng.randint(start + 1, min(len(text), start + 80))
                for code_id in rng.sample(code_ids, rng.choice((1, 1, 2))):  # two codes on one span now and then
                    rows.append(
                        {
                            "document_id": ref.id,
                            "code_id": code_id,
                            "coder_id": rng.choice(coder_ids),
                            "start": start,
                            "end": end,
                            "created_at": moment + timedelta(minutes=len(rows) + number * 100),
                        }
                    )
            if rows:
                session.execute(insert(Coding), rows)
            if number % 10 == 0:
                session.add(Memo(text=f"Over interview {number}.", document_id=ref.id))
    with store.transaction() as session:
        for coding_id in session.scalars(select(Coding.id).order_by(Coding.id)).all()[::25]:
            session.add(Memo(title="", text=f"Waarom coding {coding_id} past.", coding_id=coding_id))
        session.add(Memo(title="Project", text="Het hele onderzoek."))
        session.add(Memo(text="Wat Code 1 betekent.", code_id=code_ids[1]))
    return store


def snapshot(store: ProjectStore) -> dict[str, Any]:
    """What a user would compare: texts, codings with their offsets, memos, cases and attribute values."""
    with store.read() as session:
        documents = {d.guid: d for d in session.scalars(select(Document))}
        codes = {c.id: c.guid for c in session.scalars(select(Code))}
        coders = {c.id: c.name for c in session.scalars(select(Coder))}
        codings = {
            (c.guid, documents_by_id.guid, codes[c.code_id], c.start, c.end, coders.get(c.coder_id), c.created_at)
            for c in session.scalars(select(Coding))
            for documents_by_id in [session.get_one(Document, c.document_id)]
        }
        memo_rows = session.scalars(select(Memo)).all()
        coding_guids = {c.id: c.guid for c in session.scalars(select(Coding))}
        document_guids = {d.id: d.guid for d in documents.values()}
        memos = {
            (
                m.guid,
                m.title,
                m.text,
                coding_guids.get(m.coding_id or -1),
                codes.get(m.code_id or -1),
                document_guids.get(m.document_id or -1),
            )
            for m in memo_rows
        }
        values = {
            (
                v.attribute.name,
                v.number_value,
                v.text_value,
                document_guids.get(v.document_id or -1),
                v.participant_id and session.get_one(Participant, v.participant_id).guid,
            )
            for v in session.scalars(select(AttributeValue))
        }
        return {
            "texts": {guid: d.text for guid, d in documents.items()},
            "names": {guid: d.name for guid, d in documents.items()},
            "covered": {guid: d.covered for guid, d in documents.items()},  # the coded share the views show
            "cases": {guid: d.participant.guid if d.participant else None for guid, d in documents.items()},
            "codings": codings,
            "memos": memos,
            "values": values,
        }


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("generated")
    store = build(folder / "study.lobcoder")
    try:
        return store.path, snapshot(store)
    finally:
        store.close()


def test_a_many_document_project_round_trips_exactly(generated: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path, before = generated
    with ProjectStore.open(path) as store:
        exported = export_qdpx(store, tmp_path / "study.qdpx")
    assert exported.documents == DOCUMENTS
    assert exported.codings == len(before["codings"]) > DOCUMENTS
    seen: list[tuple[int, int, str]] = []
    report = import_qdpx(tmp_path / "study.qdpx", tmp_path / "back.lobcoder", progress=lambda *p: seen.append(p))
    assert (report.documents, report.codings, report.memos) == (DOCUMENTS, exported.codings, exported.memos)
    assert report.dropped == {}
    with ProjectStore.open(tmp_path / "back.lobcoder") as back:
        after = snapshot(back)
        for key in before:
            assert after[key] == before[key], key
        # and once more: the second export describes the same project
        export_qdpx(back, tmp_path / "again.qdpx")
    with zipfile.ZipFile(tmp_path / "study.qdpx") as first, zipfile.ZipFile(tmp_path / "again.qdpx") as second:
        assert sorted(first.namelist()) == sorted(second.namelist())
        for name in first.namelist():
            if name != "project.qde":
                assert first.read(name) == second.read(name)
    assert [done for done, _, _ in seen[1:-1]] == list(range(DOCUMENTS))  # one step per source, in order
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_read_qdpx_still_gives_every_source_in_memory(generated: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path, before = generated
    with ProjectStore.open(path) as store:
        export_qdpx(store, tmp_path / "study.qdpx")
    content = read_qdpx(tmp_path / "study.qdpx")
    assert {s.guid: s.raw_text for s in content.sources} == before["texts"]
    assert content.source_count == DOCUMENTS


def _damage(path: Path, name: str) -> None:
    """Flip a byte inside the (stored, uncompressed) data of member ``name``: its CRC no longer fits."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
        assert info.compress_type == zipfile.ZIP_STORED
    with open(path, "r+b") as raw:
        raw.seek(info.header_offset + 26)
        skip = int.from_bytes(raw.read(2), "little") + int.from_bytes(raw.read(2), "little")
        raw.seek(info.header_offset + 30 + skip + 3)
        byte = raw.read(1)
        raw.seek(-1, 1)
        raw.write(bytes([byte[0] ^ 0x20]))


def test_a_damaged_text_late_in_the_file_leaves_nothing(generated: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    """The first batches are already written when the damaged member is met; the hidden project goes."""
    path, _ = generated
    with ProjectStore.open(path) as store:
        export_qdpx(store, tmp_path / "good.qdpx")
    with zipfile.ZipFile(tmp_path / "good.qdpx") as archive:
        # the texts follow project.qde in the order of the documents (lobcoder/turns.jsonl after them)
        member = [name for name in archive.namelist() if name.startswith("sources/")][-1]
    folder = tmp_path / "out"
    folder.mkdir()
    with zipfile.ZipFile(tmp_path / "good.qdpx") as old, zipfile.ZipFile(folder / "bad.qdpx", "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info), zipfile.ZIP_STORED if info.filename == member else None)
    _damage(folder / "bad.qdpx", member)
    with pytest.raises(LobcoderError) as caught:
        import_qdpx(folder / "bad.qdpx", folder / "study.lobcoder")
    assert "\n" not in str(caught.value) and "damaged" in str(caught.value)
    assert sorted(p.name for p in folder.iterdir()) == ["bad.qdpx"]


def test_cancel_after_the_first_batch_leaves_nothing(generated: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path, _ = generated
    with ProjectStore.open(path) as store:
        export_qdpx(store, tmp_path / "study.qdpx")
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > qdpx_store.SOURCES_PER_TRANSACTION + 20

    with pytest.raises(Cancelled):
        import_qdpx(tmp_path / "study.qdpx", tmp_path / "study.lobcoder", cancelled=cancelled)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.qdpx"]
