"""Quotes with speaker, paragraph, time stamp and attributes; emoji earlier in the text shift nothing."""

from __future__ import annotations

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.quotes import format_timestamp, quotes
from lobcoder.importing.extracted import Turn
from lobcoder.storage.project import ProjectStore

from .conftest import load
from .fixtures import Project, add_codes, add_text, code

EMOJI_TEXT = "Interview 😀 met Anna 👩🏽‍🏫\n\nI: Hoe was het? 😀\n\nAnna: Leuk 😀🎉 en leerzaam.\nDat vond ik echt."


def test_quotes_carry_speaker_paragraph_time_and_emoji_do_not_shift(store: ProjectStore) -> None:
    p = Project()
    first_question = EMOJI_TEXT.index("I:")
    answer = EMOJI_TEXT.index("Anna:")
    turns = [
        Turn("I", first_question, first_question + 3, answer - 2, timestamp_ms=1_000),
        Turn("Anna", answer, answer + 6, len(EMOJI_TEXT), timestamp_ms=62_000),
    ]
    with store.transaction() as s:
        add_codes(s, p, {"Plezier": None, "Titel": None})
        add_text(s, p, "Anna_w1", EMOJI_TEXT, participant="Anna", turns=turns)
        code(s, p, "q1", "Anna_w1", "Plezier", "en leerzaam.")
        code(s, p, "q2", "Anna_w1", "Plezier", "Dat vond ik echt.", coder="Sander")
        code(s, p, "t1", "Anna_w1", "Titel", "met Anna")
    data = load(store)
    result = quotes(data)
    assert [(q.text, q.speaker, q.paragraph, q.timestamp_ms, q.coders) for q in result.quotes] == [
        ("en leerzaam.", "Anna", 3, 62_000, ("Fenna",)),
        ("Dat vond ik echt.", "Anna", 4, 62_000, ("Sander",)),
        ("met Anna", None, 1, None, ("Fenna",)),  # the title is outside every turn
    ]
    table = result.to_table()
    assert table.columns == ("Document", "Participant", "Speaker", "Paragraph", "Time", "Coder", "Text")
    assert table.rows[0].values == ("Anna_w1", "Anna", "Anna", 3, "0:01:02", "Fenna", "en leerzaam.")
    assert (table.rows[0].label, table.rows[0].key) == ("Plezier", p.codings["q1"])


def test_quotes_by_code_with_attributes_and_filters(study: tuple[Project, Dataset]) -> None:
    project, data = study
    result = quotes(data, AnalysisFilter(attributes={"wave": {"1"}}), codes=[project.codes["Loopbaan"]], rollup=True)
    assert [(q.listed_under.name, q.code.name, q.document, q.text) for q in result.quotes] == [
        ("Loopbaan", "Stage", "Anna_w1", "De stage was fijn."),
        ("Loopbaan", "Mentor", "Anna_w1", "Mijn mentor hielp."),
        ("Loopbaan", "Stage", "Bram_w1", "stage horen samen."),
    ]
    table = result.to_table()
    assert table.columns[:4] == ("Document", "Participant", "wave", "role")
    assert table.rows[2].values[:6] == ("Bram_w1", "Bram", "1", "slb", "Bram", 2)
    assert table.notes == ("Only documents with wave 1",)
    assert quotes(data, codes=[project.codes["Loopbaan"]]).quotes == ()  # its own codings only
    narrow = quotes(data, AnalysisFilter(coders={"Sander"})).to_table(attributes=["wave"])
    assert [(row.label, row.values[:3]) for row in narrow.rows] == [("Stage", ("Anna_w3", "Anna", "3"))]


def test_timestamps() -> None:
    assert [format_timestamp(v) for v in (None, 0, 62_500, 3_723_000)] == [None, "0:00:00", "0:01:02", "1:02:03"]
