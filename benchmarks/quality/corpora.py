"""The corpora suggestions are measured on: the development set, the demo project, a researcher's own project."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lobcoder.codebook.builtin import add_codebook_to_project, load_builtin_codebook
from lobcoder.demo.build import create_demo_project
from lobcoder.services.codes import CodeInfo, list_codes
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import store as persistence
from lobcoder.suggest import vocabulary as project_words
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.store import CodedDocument
from lobcoder.suggest.vocabulary import vocabulary_of_texts

DEVSET = Path(__file__).parent.parent / "data" / "devset"
THEMES = {"CL": "Collectief leren", "TL": "Transformationeel leiderschap", "VI": "Visie", "CO": "Communicatie"}
CHUNK = 40  # sentences per pseudo-document


def research_codes() -> list[CodeInfo]:
    with tempfile.TemporaryDirectory() as folder, ProjectStore.create(Path(folder) / "codes.lobcoder") as store:
        with store.transaction() as session:
            add_codebook_to_project(session, load_builtin_codebook("nl"))
        with store.read() as session:
            return list_codes(session)


def roll_up(codes: Sequence[CodeInfo], documents: Sequence[CodedDocument]) -> list[CodedDocument]:
    """Codings of sub-codes counted for their top-level theme."""
    by_id = {c.id: c for c in codes}

    def theme(code: CodeInfo) -> str:
        while code.parent_id is not None:
            code = by_id[code.parent_id]
        return code.guid

    by_guid = {c.guid: theme(c) for c in codes}
    result = []
    for doc in documents:
        spans: dict[str, list[tuple[int, int]]] = {}
        for guid, found in doc.codings.items():
            spans.setdefault(by_guid[guid], []).extend(found)
        result.append(dataclasses.replace(doc, codings={g: tuple(sorted(s)) for g, s in spans.items()}))
    return result


def demo_documents(themes: bool) -> tuple[list[CodeInfo], list[CodedDocument]]:
    with tempfile.TemporaryDirectory() as folder:
        path = create_demo_project(Path(folder) / "demo.lobcoder")
        with ProjectStore.open(path) as store, store.read() as session:
            codes = list_codes(session)
            documents = [d for d in persistence.coded_documents(session) if d.codings]
    return codes, roll_up(codes, documents) if themes else documents


def project_documents(path: Path) -> tuple[list[CodeInfo], list[CodedDocument]]:
    """A project's codes and its documents that have codings (the project is only read)."""
    with ProjectStore.open(path, read_only=True) as store, store.read() as session:
        return list_codes(session), [d for d in persistence.coded_documents(session) if d.codings]


def devset_documents(
    gold: Path, chunk: int = CHUNK, labelling_round: str = "all"
) -> tuple[list[CodeInfo], list[CodedDocument]]:
    """Pseudo-documents of ``chunk`` consecutive sentences per source text, one sentence per line.

    ``labelling_round``: ``"all"``, or only the sentences of the ``"first"`` (ids ``d000``-``d519``)
    or the ``"second"`` labelling round (ids ``e000``-``e476``).
    """
    prefix = {"all": "", "first": "d", "second": "e"}[labelling_round]
    codes = research_codes()
    guid = {c.name: c.guid for c in codes}
    with open(DEVSET / "devset_sentences.tsv", encoding="utf-8") as f:
        sentences = [r for r in csv.DictReader(f, delimiter="\t") if r["id"].startswith(prefix)]
    with open(gold, encoding="utf-8") as f:
        labels = {row["id"]: row for row in csv.DictReader(f, delimiter="\t")}
    by_source: dict[str, list[dict[str, str]]] = {}
    for row in sentences:
        by_source.setdefault(row["source"], []).append(row)
    documents = []
    for source, rows in sorted(by_source.items()):
        for first in range(0, len(rows), chunk):
            text, spans, position = "", {}, 0
            for row in rows[first : first + chunk]:
                sentence = " ".join(row["text"].split())
                for key, name in THEMES.items():
                    if labels[row["id"]][key].strip() == "1":
                        spans.setdefault(guid[name], []).append((position, position + len(sentence)))
                text += sentence + "\n"
                position += len(sentence) + 1
            name = f"{source[:3]}-{first // chunk + 1:02d}"
            content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
            documents.append(
                CodedDocument(len(documents) + 1, name, content_hash, text, (), {g: tuple(s) for g, s in spans.items()})
            )
    return codes, documents


def corpus_vocabulary(pipeline: DutchPipeline, documents: Sequence[CodedDocument], per_document: bool) -> Any:
    """The corpus's vocabulary, as ``suggest`` counts a project's (None: each document's own sentences)."""
    if per_document:
        return None
    return vocabulary_of_texts(pipeline, [d.text for d in documents], vectors=project_words.VECTORS)
