"""Word frequencies on the demo's real transcripts: number words are no words; *gaat* and *Eén* get their lemmas."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from lobcoder.analysis.dataset import Dataset, load_reading
from lobcoder.analysis.words import WordOptions, word_frequencies
from lobcoder.demo.build import create_demo_project
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
from lobcoder.text.words import is_number_word

NUMBER_WORDS = ("twee", "drie", "zes", "acht", "eerste", "één", "eén", "honderdtwintig")


@pytest.fixture(scope="module")
def pipeline() -> DutchPipeline:
    return load_pipeline(offline=True)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dataset]:
    path = create_demo_project(tmp_path_factory.mktemp("demo") / "demo.lobcoder")
    with ProjectStore.open(path) as store, store.read() as session:
        yield load_reading(session)


def _written(dataset: Dataset) -> set[str]:
    return {w.lower() for d in dataset.documents for w in re.findall(r"\w+", dataset.text(d.id))}


def test_number_words_are_left_out_like_digits(demo: Dataset, pipeline: DutchPipeline) -> None:
    written = _written(demo)
    assert set(NUMBER_WORDS) <= written  # the transcripts do say them ("in twee rondes ongeveer honderdtwintig")
    by_form = {row.word for row in word_frequencies(demo, pipeline, options=WordOptions(by="form")).rows}
    by_lemma = {row.word for row in word_frequencies(demo, pipeline).rows}
    for number in NUMBER_WORDS:
        assert number not in by_form and number not in by_lemma
    assert {"docenten", "loopbaangesprekken", "rondes"} <= by_form  # words next to them still count
    notes = " ".join(word_frequencies(demo, pipeline).to_table("nl").notes)
    assert "getallen (ook uitgeschreven: twee, eerste)" in notes


@pytest.mark.parametrize(
    "word",
    ["twee", "tien", "honderd", "eerste", "vijfentwintig", "tweeëntwintigste", "honderdste", "twenty-one"]
    + ["ninety-nine", "nineteen", "hundredth", "twentieth"],
)
def test_cardinal_and_ordinal_number_words(word: str) -> None:
    assert is_number_word(word)


@pytest.mark.parametrize("word", ["achter", "vieren", "tiental", "eenheid", "often", "student", "twintigers", "tenten"])
def test_words_that_merely_begin_like_numbers(word: str) -> None:  # tenten: the plural of tent, not "ten"+"ten"
    assert not is_number_word(word)


def test_gaat_counts_as_gaan_and_leaving_out_gaan_leaves_out_gaat(demo: Dataset, pipeline: DutchPipeline) -> None:
    assert "gaat" in _written(demo)
    rows = {row.word: row for row in word_frequencies(demo, pipeline).rows}
    assert "gaat" not in rows and "gaat" in rows["gaan"].forms
    kept = {row.word for row in word_frequencies(demo, pipeline, options=WordOptions(by="form")).rows}
    assert "gaat" in kept
    left_out = WordOptions(by="form", left_out=frozenset({"gaan"}))
    forms = {row.word for row in word_frequencies(demo, pipeline, options=left_out).rows}
    assert "gaat" not in forms and "gaan" not in forms and "docenten" in forms


def test_een_with_a_capital_is_the_numeral(pipeline: DutchPipeline) -> None:
    from lobcoder.suggest.cache import process_text

    text = "Ruud: Eén keer, per mail, binnen twee weken. Dat iemand één keer per maand komt."
    processed = process_text(pipeline, text)
    lemmas = [lemma for lemma, lower in zip(processed.lemmas, processed.lowers, strict=True) if lower in ("eén", "één")]
    assert lemmas == ["één", "één"]


@pytest.mark.parametrize(
    ("form", "lemma"),
    [("gaat", "gaan"), ("ziet", "zien"), ("werkt", "werken"), ("krijgt", "krijgen"), ("maakt", "maken")]
    + [("blijft", "blijven"), ("weet", "weten"), ("leest", "lezen"), ("vertelt", "vertellen")]
    + [("staat", "staat"), ("student", "student"), ("praat", "praat")]  # a known lemma stays as it is
    + [("moet", "moeten"), ("kent", "kennen"), ("wist", "weten"), ("wisten", "weten")]  # wist is no form of wissen
    + [("internet", "internet"), ("kwartet", "kwartet")],  # no short vowel doubled past one syllable: no internetten
)
def test_present_tense_forms_the_lookup_table_lacks(pipeline: DutchPipeline, form: str, lemma: str) -> None:
    assert pipeline.refine_lemma(form, pipeline.lookup_lemma(form)) == lemma
