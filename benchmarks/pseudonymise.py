"""Pseudonymisation: detection recall/precision on a labelled set, codings kept, and speed on 200 transcripts.

Targets (issue 14): recall of person names ≥ 0.95 and of organisation names
from the project's own lists = 1.0 on the labelled set; 0 codings whose text
changes other than by replacements (demo and the 200-transcript corpus);
pseudonymising 200 transcripts of 8,000 words ≤ 60 s after deduce's first
lookup build. The labelled set is the demo project plus the texts in
``benchmarks/data/pseudonymise`` (how they were labelled: ``gold.json``).

A gold occurrence counts as found when replacements cover all of it. Precision
is the share of replaced spans that overlap some gold span (of any kind).
Everything proposed is taken as accepted, as if the reviewer clicked nothing.

    python benchmarks/pseudonymise.py            # labelled set + 200 × 8,000 words
    python benchmarks/pseudonymise.py --quick    # labelled set + 20 × 2,000 words

Every detection figure is measured twice in the same run: "before" is
detection as it was before issue 14's speed work (deduce, unmodified, over each
whole text in one process; its ages as bare numbers; no shape rules for
schools, companies and ages), "after" is ``detect`` as it is now. Times are
wall-clock and CPU seconds (this process plus its worker processes), so a
loaded machine shows in the gap between the two.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import corpus
from codings import populate_codings
from report import Row, print_table
from run import machine_info
from sqlalchemy import select

from lobcoder.demo.build import create_demo_project
from lobcoder.importing.speakers import detect_turns
from lobcoder.pseudonymise import deduce_batch, deduce_engine
from lobcoder.pseudonymise.apply import apply_pseudonyms
from lobcoder.pseudonymise.categories import Category, deduce_category
from lobcoder.pseudonymise.detect import _LEADING_LOWER, Seed, detect, entities_from_seeds
from lobcoder.pseudonymise.entities import CONFIDENCE, DEDUCE_CONFIDENCE, SOURCE_DEDUCE, SOURCE_PROJECT, Entity
from lobcoder.pseudonymise.keyfile import read_key
from lobcoder.pseudonymise.matcher import entity_key, strip_possessive
from lobcoder.pseudonymise.sources import known_terms, project_texts
from lobcoder.pseudonymise.termlist import decisions_from_entities
from lobcoder.services.documents import add_document
from lobcoder.storage.models import (
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Coding,
    Document,
    Participant,
)
from lobcoder.storage.project import ProjectStore
from lobcoder.text.normalize import normalize_text

DATA = Path(__file__).parent / "data" / "pseudonymise"
KINDS = ("persons", "known_organisations", "other")


_STOCK: Any = None


def stock_deduce() -> Any:
    """deduce exactly as installed (its own street rule, redactor and all), for the "before" figures."""
    global _STOCK
    if _STOCK is None:
        _STOCK = deduce_engine._import_deduce().Deduce(cache_path=deduce_engine.cache_dir())
    return _STOCK


def detect_before(store: ProjectStore) -> list[Entity]:
    """Detection as it was before the speed work: unmodified deduce per whole text, one process."""
    engine = stock_deduce()
    with store.read() as session:
        texts = list(project_texts(session))
        known = known_terms(session)
    seeds: dict[str, Seed] = {}
    for k in known:
        seeds.setdefault(
            entity_key(k.term), Seed(k.term, k.category, SOURCE_PROJECT, CONFIDENCE[SOURCE_PROJECT], k.pseudonym)
        )
    for _location, text in texts:
        annotations = sorted(engine.deidentify(text).annotations, key=lambda a: (a.start_char, a.end_char))
        for a in annotations:
            category = deduce_category(a.tag)
            if category is None:
                continue
            term = strip_possessive(a.text)
            if category is Category.PERSON:
                term = _LEADING_LOWER.sub("", term)
            if len(term) < 2 or not any(ch.isalnum() for ch in term):
                continue
            seed = Seed(term, category, SOURCE_DEDUCE, DEDUCE_CONFIDENCE.get(category, 0.5))
            seeds.setdefault(entity_key(seed.term), seed)
    return entities_from_seeds(seeds, texts)


def timed(call: Any) -> tuple[Any, float, float]:
    """(result, wall seconds, CPU seconds of this process and of its finished worker processes)."""
    cpu = _cpu()
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started, _cpu() - cpu


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _participant(session: Any, name: str, values: dict[str, str], attributes: dict[str, Attribute]) -> Participant:
    participant = Participant(name=name)
    session.add(participant)
    session.flush()
    for attribute, value in values.items():
        if attribute not in attributes:
            attributes[attribute] = Attribute(name=attribute, type=AttributeType.TEXT, scope=AttributeScope.PARTICIPANT)
            session.add(attributes[attribute])
        session.add(AttributeValue(attribute=attributes[attribute], participant_id=participant.id, text_value=value))
    return participant


def build_labelled_project(path: Path, gold: dict[str, Any]) -> None:
    with ProjectStore.create(path) as store, store.transaction() as session:
        attributes: dict[str, Attribute] = {}
        for name, labels in gold["texts"].items():
            text = normalize_text((DATA / f"{name}.txt").read_text("utf-8"))
            values = {"school": labels["school"], "role": labels["role"]}
            _participant(session, labels["participant"], values, attributes)
            add_document(session, name, text, detect_turns(text), participant=labels["participant"])


def gold_spans(text: str, labels: dict[str, list[str]]) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for kind in KINDS:
        found = set()
        for term in labels.get(kind, []):
            # A genitive s (Anouks) is part of the word, not of the name.
            found |= {m.span() for m in re.finditer(rf"(?<!\w){re.escape(term)}(?=s?(?!\w))", text)}
        # A name inside a longer gold name ("Thijs" in "Thijs de Jong") is one occurrence: keep the longest.
        spans[kind] = [s for s in found if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in found)]
    return spans


def score(
    store: ProjectStore, entities: Sequence[Entity], labels_for: dict[str, dict[str, list[str]]]
) -> dict[str, Any]:
    replaced: dict[Any, list[tuple[int, int]]] = {}
    for e in entities:
        if e.accepted and e.pseudonym:
            for f in e.findings:
                replaced.setdefault(f.location, []).append((f.start, f.end))
    with store.read() as session:
        texts = list(project_texts(session))
    counts = {kind: [0, 0] for kind in KINDS}
    detected = correct = 0
    missed: list[str] = []
    for location, text in texts:
        labels = labels_for.get(location.name) or labels_for.get("*", {})
        gold = gold_spans(text, labels)
        spans = replaced.get(location, [])
        covered = bytearray(len(text))
        for start, end in spans:
            covered[start:end] = b"\x01" * (end - start)
        for kind in KINDS:
            for start, end in gold[kind]:
                counts[kind][1] += 1
                if all(covered[start:end]):
                    counts[kind][0] += 1
                else:
                    missed.append(f"{kind[0]}:{text[start:end]}")
        every = [s for kind in KINDS for s in gold[kind]]
        for start, end in spans:
            detected += 1
            correct += any(start < ge and gs < end for gs, ge in every)
    return {
        "recall": {k: (c[0] / c[1] if c[1] else 1.0, c[0], c[1]) for k, c in counts.items()},
        "precision": (correct / detected if detected else 1.0, correct, detected),
        "missed": sorted(set(missed)),
    }


def codings_changed(before: Path, after: Path, key_path: Path) -> tuple[int, int]:
    """Codings whose new text is not the old passage with its replacements done (and how many were checked)."""
    key = read_key(key_path)
    positions: dict[str, list[dict[str, Any]]] = {}
    for p in key["positions"]:
        positions.setdefault(p["guid"], []).append(p)

    def load(path: Path) -> tuple[dict[str, str], dict[str, tuple[str, int, int]]]:
        with ProjectStore.open(path) as store, store.read() as session:
            guid = dict(session.execute(select(Document.id, Document.guid)).all())
            texts = dict(session.execute(select(Document.guid, Document.text)).all())
            rows = session.execute(select(Coding.guid, Coding.document_id, Coding.start, Coding.end)).all()
        return texts, {g: (guid[d], s, e) for g, d, s, e in rows}

    old_texts, old = load(before)
    new_texts, new = load(after)
    bad = 0
    for guid, (doc, start, end) in old.items():
        text, reps = old_texts[doc], sorted(positions.get(doc, []), key=lambda p: p["start"])
        for p in reps:
            start = p["start"] if p["start"] < start < p["end"] else start
            end = p["end"] if p["start"] < end < p["end"] else end
        out, at = [], start
        for p in reps:
            if start <= p["start"] and p["end"] <= end:
                out += [text[at : p["start"]], p["pseudonym"]]
                at = p["end"]
        expected = "".join(out) + text[at:end]
        new_doc, new_start, new_end = new[guid]
        bad += new_texts[new_doc][new_start:new_end] != expected
    return bad, len(old)


def labelled_projects(workdir: Path) -> tuple[Path, Path, dict[str, Any]]:
    gold = json.loads((DATA / "gold.json").read_text("utf-8"))
    demo = create_demo_project(workdir / "demo.lobcoder")
    labelled_project = workdir / "labelled.lobcoder"
    build_labelled_project(labelled_project, gold)
    return demo, labelled_project, gold


def labelled_rows(variant: str, detector: Any, demo: Path, labelled_project: Path, gold: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    totals = {kind: [0, 0] for kind in KINDS}
    precision = [0, 0]
    missed: list[str] = []
    for path, labels in ((demo, {"*": gold["demo"]}), (labelled_project, gold["texts"])):
        with ProjectStore.open(path) as store:
            entities = detector(store)
            result = score(store, entities, labels)
        for kind in KINDS:
            totals[kind][0] += result["recall"][kind][1]
            totals[kind][1] += result["recall"][kind][2]
        precision[0] += result["precision"][1]
        precision[1] += result["precision"][2]
        missed += result["missed"]
    for kind, target in (("persons", 0.95), ("known_organisations", 1.0), ("other", None)):
        found, total = totals[kind]
        value = found / total
        rows.append(
            Row(
                f"{variant}: recall, {kind.replace('_', ' ')}",
                f"{value:.3f} ({found}/{total})",
                f"≥ {target}" if target else "",
                value >= target if target and variant == "after" else None,
                ("missed: " + ", ".join(m[2:] for m in missed if m[0] == kind[0]))
                if any(m[0] == kind[0] for m in missed)
                else "",
            )
        )
    rows.append(
        Row(
            f"{variant}: precision, all replaced spans",
            f"{precision[0] / precision[1]:.3f} ({precision[0]}/{precision[1]})",
        )
    )
    return rows


def demo_rows(demo: Path, workdir: Path) -> list[Row]:
    rows: list[Row] = []
    with ProjectStore.open(demo) as store:
        decisions = decisions_from_entities(detect(store))
        before = demo.read_bytes()
        apply_pseudonyms(store, decisions, workdir / "demo-pseudo.lobcoder", workdir / "demo-key.json")
    bad, checked = codings_changed(demo, workdir / "demo-pseudo.lobcoder", workdir / "demo-key.json")
    rows.append(Row("demo: codings changed other than by replacements", f"{bad} of {checked}", "0", bad == 0))
    rows.append(
        Row("demo: original file unchanged", str(demo.read_bytes() == before), "True", demo.read_bytes() == before)
    )
    return rows


def corpus_project(workdir: Path, documents: int, words: int) -> tuple[Path, Row]:
    path = workdir / "corpus.lobcoder"
    transcripts = corpus.generate(documents, words=words, seed=42)
    started = time.perf_counter()
    with ProjectStore.create(path) as store:
        with store.transaction() as session:
            attributes: dict[str, Attribute] = {}
            seen: set[str] = set()
            for t in transcripts:
                if t.participant not in seen:
                    seen.add(t.participant)
                    _participant(session, t.participant, {"school": t.school, "role": t.role}, attributes)
                text = normalize_text("\n".join((t.title, *t.preamble, *t.lines)))
                add_document(session, t.name, text, detect_turns(text), participant=t.participant)
        summary = populate_codings(store, codes=60, codings=5000, seed=42)
    built = time.perf_counter() - started
    total_words = sum(t.words for t in transcripts)
    return path, Row(
        "corpus",
        f"{documents} × {words:,} words",
        note=f"{total_words:,} words, {summary.codings:,} codings; built in {built:.0f} s",
    )


def large_after(path: Path, workdir: Path, before: list[Entity], before_s: float, before_cpu: float) -> list[Row]:
    rows: list[Row] = []
    with ProjectStore.open(path) as store:
        started = time.perf_counter()
        lists_only = detect(store, use_deduce=False)
        rows.append(
            Row(
                "detect: project lists only",
                f"{time.perf_counter() - started:.1f} s",
                note=f"{len(lists_only)} entities",
            )
        )
        entities, detect_s, detect_cpu = timed(lambda: detect(store))
        rows.append(
            Row(
                "detect with deduce, after",
                f"{detect_s:.1f} s",
                note=f"CPU {detect_cpu:.1f} s; {len(entities)} entities, "
                f"{sum(e.count for e in entities):,} occurrences; "
                f"{deduce_batch.default_workers()} process(es) (load {os.getloadavg()[0]:.1f})",
            )
        )
        rows.append(
            Row(
                "detect: before / after",
                f"× {before_s / detect_s:.2f} wall, × {before_cpu / detect_cpu:.2f} CPU",
                note=f"{os.cpu_count()} cores",
            )
        )
        rows.append(compare_entities(before, entities))
        single, single_s, single_cpu = timed(lambda: detect(store, workers=1))
        rows.append(
            Row(
                "detect with deduce, after, one process",
                f"{single_s:.1f} s",
                note=f"CPU {single_cpu:.1f} s; × {before_s / single_s:.2f} wall, × {before_cpu / single_cpu:.2f} CPU "
                f"against before; load {os.getloadavg()[0]:.1f}",
            )
        )
        started = time.perf_counter()
        result = apply_pseudonyms(
            store, decisions_from_entities(entities), workdir / "corpus-pseudo.lobcoder", workdir / "corpus-key.json"
        )
        apply_s = time.perf_counter() - started
    rows.append(
        Row(
            "apply: write the pseudonymised copy + key",
            f"{apply_s:.1f} s",
            "≤ 60 s",
            apply_s <= 60,
            f"{result.replacements:,} replacements",
        )
    )
    rows.append(
        Row(
            "detect (deduce) + apply",
            f"{detect_s + apply_s:.1f} s",
            "≤ 60 s",
            detect_s + apply_s <= 60,
            f"after the lookup build (before: {before_s + apply_s:.1f} s)",
        )
    )
    bad, checked = codings_changed(path, workdir / "corpus-pseudo.lobcoder", workdir / "corpus-key.json")
    rows.append(Row("corpus: codings changed other than by replacements", f"{bad} of {checked:,}", "0", bad == 0))
    return rows


def compare_entities(before: Sequence[Entity], after: Sequence[Entity]) -> Row:
    """What the speed work changed in what is found: the same places, plus what the shape rules add."""

    def places(entities: Sequence[Entity]) -> set[tuple[Any, int, int]]:
        return {(f.location, f.start, f.end) for e in entities for f in e.findings}

    old, new = places(before), places(after)
    lost = old - new
    return Row(
        "detect: places found before and not after",
        f"{len(lost):,} of {len(old):,}",
        note=f"{len(new - old):,} places found only after (ages with their unit, schools, companies)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print(json.dumps(machine_info()))
    global _STOCK
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        corpus_path, corpus_row = corpus_project(workdir, 20 if args.quick else 200, 2000 if args.quick else 8000)
        demo, labelled_project, gold = labelled_projects(workdir)
        # "before" first, with only unmodified deduce in memory, as it was.
        if not deduce_engine.is_built():
            print("building deduce's lookup structures first (once per user)...", file=sys.stderr)
        started = time.perf_counter()
        stock_deduce()
        print(f"unmodified deduce ready in {time.perf_counter() - started:.0f} s")
        rows = labelled_rows("before", detect_before, demo, labelled_project, gold)
        with ProjectStore.open(corpus_path) as store:
            before, before_s, before_cpu = timed(lambda: detect_before(store))
        before_row = Row(
            "detect with deduce, before",
            f"{before_s:.1f} s",
            note=f"CPU {before_cpu:.1f} s; {len(before)} entities, {sum(e.count for e in before):,} occurrences",
        )
        _STOCK = None
        gc.collect()
        started = time.perf_counter()
        deduce_engine.load()
        load_row = Row("load deduce's cached lookup structures", f"{time.perf_counter() - started:.1f} s")
        rows += labelled_rows("after", detect, demo, labelled_project, gold)
        rows += demo_rows(demo, workdir)
        rows += [corpus_row, load_row, before_row]
        rows += large_after(corpus_path, workdir, before, before_s, before_cpu)
    print_table(rows)
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
