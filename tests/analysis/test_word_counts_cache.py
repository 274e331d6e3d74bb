"""Word frequencies with each document's counts kept in the project's NLP cache: the same results, recounting only what changed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from lobcoder.analysis.dataset import load_reading
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.words import (
    COUNTS_KIND,
    WordOptions,
    WordResult,
    _passage_counts,
    count_cache,
    document_scopes,
    scope_words,
    word_frequencies,
)
from lobcoder.demo.build import create_demo_project
from lobcoder.services.batch_import import import_files
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import delete_document, set_interviewer
from lobcoder.storage.models import Document, NlpCache
from lobcoder.storage.nlp_cache import CacheRows
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
from tests.analysis.words_project import TXT_TEXT, build_words_project


class Watched(CacheRows):
    """The project's cache rows, noting which documents had to be counted (saved) on each computation."""

    def __init__(self, store: ProjectStore) -> None:
        super().__init__(store, COUNTS_KIND)
        self.saved: list[set[str]] = []

    def save(self, entries: Mapping[str, bytes], replacing: Iterable[str] = ()) -> bool:
        self.saved.append(set(entries))
        return super().save(entries, replacing)


@pytest.fixture(scope="module")
def pipeline() -> DutchPipeline:
    return load_pipeline(offline=True)


def compute(
    store: ProjectStore, pipeline: DutchPipeline, flt: AnalysisFilter, options: WordOptions, cache
) -> WordResult:  # type: ignore[no-untyped-def]
    with store.read() as session:
        return word_frequencies(load_reading(session), pipeline, flt, options, cache)


SETTINGS = [
    (AnalysisFilter(), WordOptions()),
    (AnalysisFilter(), WordOptions(by="form", min_length=4)),
    (AnalysisFilter(exclude_interviewer=True), WordOptions(split_by="school")),
]


def test_kept_counts_equal_counted_ones_on_the_demo_project(tmp_path: Path, pipeline: DutchPipeline) -> None:
    path = create_demo_project(tmp_path / "demo.lobcoder")
    with ProjectStore.open(path) as store:
        with store.read() as session:
            dataset = load_reading(session)
            code = next(c.id for c in dataset.codes if c.name == "Collectief leren")
            attribute = dataset.attribute_names[0]
        settings = [*SETTINGS[:2], (AnalysisFilter(exclude_interviewer=True), WordOptions(split_by=attribute))]
        settings.append((AnalysisFilter(), WordOptions(code=code, order="distinctive")))
        cache = Watched(store)
        for flt, options in settings:
            pipeline.forget_lemmas()
            counted = compute(store, pipeline, flt, options, None)
            first = compute(store, pipeline, flt, options, cache)  # counts, and keeps the counts
            kept = compute(store, pipeline, flt, options, cache)  # reads them
            assert first == counted and kept == counted
            assert counted.rows and counted.words > 100
        assert len(cache.saved) == 3  # all text (twice: by lemma, by form), respondent text, a code's passages
        assert cache.saved[0] and all(len(saved) == len(dataset.documents) for saved in cache.saved)
        with store.read() as session:
            rows = session.query(NlpCache).filter(NlpCache.pipeline == COUNTS_KIND).count()
        assert rows == 3 * len(dataset.documents)  # whole texts, respondent text, the code's passages


def test_only_what_changed_is_counted_again(store: ProjectStore, tmp_path: Path, pipeline: DutchPipeline) -> None:
    build_words_project(store, tmp_path)
    cache = Watched(store)
    everything = (AnalysisFilter(), WordOptions())
    compute(store, pipeline, *everything, cache)
    assert len(cache.saved) == 1 and len(cache.saved[0]) == 2
    compute(store, pipeline, *everything, cache)
    assert len(cache.saved) == 1  # nothing new: both read from the cache
    with store.read() as session:
        hashes = {d.name: d.content_hash for d in session.query(Document)}

    # A document whose text changed (imported again with one more sentence) is counted again, alone.
    with store.transaction() as session:
        delete_document(session, "Pietersen_w2")
    changed = tmp_path / "new" / "Pietersen_w2.txt"
    changed.parent.mkdir()
    changed.write_text(TXT_TEXT + "Bram: De visie op loopbaanbegeleiding is nieuw.\n", encoding="utf-8")
    assert all(r.status == "imported" for r in import_files(store, [changed]).results)
    result = compute(store, pipeline, *everything, cache)
    with store.read() as session:
        new_hash = session.query(Document).filter(Document.name == "Pietersen_w2").one().content_hash
    assert new_hash != hashes["Pietersen_w2"] and cache.saved[-1] == {new_hash}
    rows = {r.word: r.occurrences for r in result.rows}
    assert rows["visie"] == 4 and rows["loopbaanbegeleiding"] == 1  # the new sentence is counted
    assert result == compute(store, pipeline, *everything, None)

    # A new coding changes one document's passages: only that document is counted again.
    with store.transaction() as session:
        code = create_code(session, "Gesprek").id
        text = session.query(Document).filter(Document.name == "Jansen_w1").one().text
        start = text.index("Het loopbaangesprek")
        add_coding(
            session, session.query(Document).filter(Document.name == "Jansen_w1").one().id, code, start, start + 19
        )
    passages = (AnalysisFilter(), WordOptions(code=code))
    first = compute(store, pipeline, *passages, cache)
    assert len(cache.saved[-1]) == 2  # first time with this code: both documents
    assert {r.word: r.occurrences for r in first.rows} == {"loopbaangesprek": 1}
    with store.transaction() as session:
        jansen = session.query(Document).filter(Document.name == "Jansen_w1").one()
        start = jansen.text.index("Die gesprekken")
        add_coding(session, jansen.id, code, start, start + 14)
    before = len(cache.saved)
    second = compute(store, pipeline, *passages, cache)
    assert len(cache.saved) == before + 1 and len(cache.saved[-1]) == 1  # Jansen_w1 only
    assert {r.word: r.occurrences for r in second.rows} == {"loopbaangesprek": 1, "gesprek": 1}
    assert second == compute(store, pipeline, *passages, None)

    # Who is the interviewer changes what respondent text is: those documents are counted again.
    respondent = (AnalysisFilter(exclude_interviewer=True), WordOptions())
    compute(store, pipeline, *respondent, cache)
    with store.transaction() as session:
        set_interviewer(session, "Bram")
    before = len(cache.saved)
    again = compute(store, pipeline, *respondent, cache)
    assert len(cache.saved) == before + 1 and len(cache.saved[-1]) == 1  # Bram speaks in Pietersen_w2 only
    assert again == compute(store, pipeline, *respondent, None)
    assert "visie" not in {r.word for r in again.rows}  # Bram's words are the interviewer's now


def test_a_read_only_project_is_counted_and_keeps_nothing(tmp_path: Path, pipeline: DutchPipeline) -> None:
    path = tmp_path / "words.lobcoder"
    with ProjectStore.create(path) as store:
        build_words_project(store, tmp_path)
    with ProjectStore.open(path, read_only=True) as store:
        cache = count_cache(store)
        result = compute(store, pipeline, AnalysisFilter(), WordOptions(), cache)
        assert result.words == 22 and cache.load(["x"]) == {}
        with store.read() as session:
            assert session.query(NlpCache).count() == 0


def test_passage_counts_from_their_lines_equal_those_over_the_whole_texts_offsets(tmp_path: Path) -> None:
    path = create_demo_project(tmp_path / "demo.lobcoder")
    with ProjectStore.open(path) as store, store.read() as session:
        dataset = load_reading(session)
    passages = 0
    for code in dataset.codes:
        for flt in (AnalysisFilter(), AnalysisFilter(exclude_interviewer=True)):
            for scope in document_scopes(dataset, flt, code.id):
                text = dataset.text(dataset.documents[scope.index].id)
                _, _, forms, inside = scope_words(text, scope)
                expected = Counter(form for form, kept in zip(forms, inside.tolist(), strict=True) if kept)
                assert _passage_counts(text, scope) == expected, (code.name, dataset.documents[scope.index].name)
                passages += len(scope.passages or ())
    assert passages > 100  # many documents, several passages each
