"""The NLP cache keeps only rows someone can read again: a deleted document's, a code's old passages' and
an older version's rows go; a newer version's, the other documents' rows and the current kinds stay."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from lobcoder.analysis.dataset import load_reading
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.words import COUNTS_KIND, WordOptions, project_word_frequencies, word_frequencies
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import delete_document
from lobcoder.storage.models import Document, NlpCache, utcnow
from lobcoder.storage.nlp_cache import TEXT_PREFIX
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest.cache import FORMAT, processed_texts
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
from lobcoder.suggest.vocabulary import project_vocabulary
from lobcoder.teamwork.copy import prepare_copy
from tests.analysis.words_project import build_words_project

RESPONDENT = AnalysisFilter(exclude_interviewer=True)


@pytest.fixture(scope="module")
def pipeline() -> DutchPipeline:
    return load_pipeline(offline=True)


def compute(store: ProjectStore, pipeline: DutchPipeline, flt: AnalysisFilter, options: WordOptions):  # type: ignore[no-untyped-def]
    with store.read() as session:
        return project_word_frequencies(store, load_reading(session), pipeline, flt, options)


def rows_by_text(store: ProjectStore) -> dict[str, Counter[str]]:
    """Per document name: its cache rows counted by kind (a row belongs to the text its key starts with)."""
    with store.read() as session:
        names = {h[:TEXT_PREFIX]: n for n, h in session.execute(select(Document.name, Document.content_hash))}
        found: dict[str, Counter[str]] = {}
        for key, kind in session.execute(select(NlpCache.content_hash, NlpCache.pipeline)):
            found.setdefault(names.get(key[:TEXT_PREFIX], "(no document)"), Counter())[kind] += 1
    return found


def test_deleting_a_document_drops_its_rows_and_keeps_the_others(
    store: ProjectStore, tmp_path: Path, pipeline: DutchPipeline
) -> None:
    codes = build_words_project(store, tmp_path)
    compute(store, pipeline, AnalysisFilter(), WordOptions())
    compute(store, pipeline, RESPONDENT, WordOptions(code=codes["Samenwerking"]))
    project_vocabulary(store, pipeline)  # the suggestions' rows of the same texts
    before = rows_by_text(store)
    assert set(before) == {"Jansen_w1", "Pietersen_w2"}
    assert before["Jansen_w1"][COUNTS_KIND] == 3  # all text, respondent text, the code's passages
    assert len(before["Jansen_w1"]) == 2  # and the suggestions' vocabulary counts

    with store.transaction() as session:
        delete_document(session, "Pietersen_w2")

    assert rows_by_text(store) == {"Jansen_w1": before["Jansen_w1"]}
    result = compute(store, pipeline, RESPONDENT, WordOptions(code=codes["Samenwerking"]))
    with store.read() as session:
        assert result == word_frequencies(
            load_reading(session), pipeline, RESPONDENT, WordOptions(code=codes["Samenwerking"])
        )
    assert rows_by_text(store) == {"Jansen_w1": before["Jansen_w1"]}  # read from the cache, nothing new


def test_new_passages_of_a_code_replace_its_old_row(
    store: ProjectStore, tmp_path: Path, pipeline: DutchPipeline
) -> None:
    codes = build_words_project(store, tmp_path)
    visie, samenwerking = WordOptions(code=codes["Visie"]), WordOptions(code=codes["Samenwerking"])
    compute(store, pipeline, RESPONDENT, visie)
    compute(store, pipeline, RESPONDENT, samenwerking)
    before = rows_by_text(store)
    assert before["Pietersen_w2"][COUNTS_KIND] == 3  # respondent text, Visie's and Samenwerking's passages
    with store.read() as session:
        keys_before = set(session.scalars(select(NlpCache.content_hash)))

    for words in ("De visie gaat over", "loopbaangesprek", "Verder niets"):  # each coding, then a recompute
        with store.transaction() as session:
            document = session.query(Document).filter(Document.name == "Pietersen_w2").one()
            start = document.text.index(words)
            add_coding(session, document.id, codes["Visie"], start, start + len(words))
        result = compute(store, pipeline, RESPONDENT, visie)

    assert rows_by_text(store) == before  # the old passages' rows were replaced, Samenwerking's kept
    with store.read() as session:
        keys_after = set(session.scalars(select(NlpCache.content_hash)))
        assert len(keys_after - keys_before) == 1 and len(keys_before - keys_after) == 1
        assert result == word_frequencies(load_reading(session), pipeline, RESPONDENT, visie)
    assert compute(store, pipeline, RESPONDENT, samenwerking).rows  # its row is still read


def test_rows_of_an_old_version_go_when_the_new_version_is_kept(
    store: ProjectStore, tmp_path: Path, pipeline: DutchPipeline
) -> None:
    build_words_project(store, tmp_path)
    with store.read() as session:
        hashes = list(session.scalars(select(Document.content_hash)))
    assert COUNTS_KIND.endswith("tokenizer 1") and pipeline.cache_key.endswith("lemma rules 4")
    old_words = COUNTS_KIND.replace("tokenizer 1", "tokenizer 0")
    new_words = COUNTS_KIND.replace("tokenizer 1", "tokenizer 2")  # a newer install's: kept
    old_lemmas = f"{pipeline.cache_key.replace('lemma rules 4', 'lemma rules 3')}; cache format 2"
    new_lemmas = f"{pipeline.cache_key.replace('lemma rules 4', 'lemma rules 5')}; cache format 1"  # one higher: kept
    other_model = "nl_core_news_sm 3.8.0; lemma rules 4; cache format 2"  # another pipeline: kept
    with store.transaction() as session:
        for kind in (old_words, new_words, old_lemmas, new_lemmas, other_model):
            session.add_all(NlpCache(content_hash=h, pipeline=kind, data=b"x", created_at=utcnow()) for h in hashes)
    compute(store, pipeline, AnalysisFilter(), WordOptions())
    kinds = Counter(kind for counts in rows_by_text(store).values() for kind in counts.elements())
    kept = Counter({new_words: 2, new_lemmas: 2, other_model: 2})
    assert kinds == kept + Counter({COUNTS_KIND: 2, old_lemmas: 2})  # the words' old version went
    with store.read() as session:
        texts = [(h, t) for h, t in session.execute(select(Document.content_hash, Document.text))]
    processed_texts(store, pipeline, texts)  # the suggestions keep the parses of the current lemma rules
    kinds = Counter(kind for counts in rows_by_text(store).values() for kind in counts.elements())
    current = f"{pipeline.cache_key}; cache format {FORMAT}"
    assert kinds == kept + Counter({COUNTS_KIND: 2, current: 2})


@pytest.mark.project_file("a copy for a second coder is a file copy")
@pytest.mark.parametrize("blind", [False, True])
def test_a_copy_for_a_second_coder_keeps_the_rows_of_its_documents_only(
    store: ProjectStore, tmp_path: Path, pipeline: DutchPipeline, blind: bool
) -> None:
    codes = build_words_project(store, tmp_path)
    compute(store, pipeline, AnalysisFilter(), WordOptions())
    compute(store, pipeline, RESPONDENT, WordOptions(code=codes["Samenwerking"]))
    project_vocabulary(store, pipeline)
    before = rows_by_text(store)
    with store.read() as session:
        jansen = session.scalar(select(Document.id).where(Document.name == "Jansen_w1"))
    assert jansen is not None

    prepare_copy(store, tmp_path / "copy.lobcoder", [jansen], blind=blind)

    with ProjectStore.open(tmp_path / "copy.lobcoder") as copy:
        kept = rows_by_text(copy)
    if blind:  # nothing worked out from the first coder's codings: only the rows of the whole text
        assert kept == {"Jansen_w1": before["Jansen_w1"] - Counter({COUNTS_KIND: 2})}
    else:  # with codings: every row of the document kept, its respondent text's and its passages' too
        assert kept == {"Jansen_w1": before["Jansen_w1"]}
