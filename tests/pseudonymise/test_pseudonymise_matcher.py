"""The term matcher (whole words, variants, capitals) and the offset remapper."""

from __future__ import annotations

import random

from lobcoder.pseudonymise.matcher import TermMatcher, entity_key
from lobcoder.pseudonymise.remap import Remapper, Replacement


def spans(matcher: TermMatcher, text: str) -> list[str]:
    return [text[m.start : m.end] for m in matcher.find(text)]


def test_variants_are_one_entity() -> None:
    assert entity_key("Marieke's") == entity_key("marieke") == entity_key("Marieke’s") == "marieke"
    assert entity_key("ROC  Veenstroom") == "roc veenstroom"


def test_whole_words_inflections_and_longest_first() -> None:
    matcher = TermMatcher(["Marieke", "Marieke de Vries", "Jan"])
    text = "Marieke de Vries zei tegen Janssen: Marieke's klas en Mariekes rooster. Jan! Marieke\nde Vries"
    assert spans(matcher, text) == ["Marieke de Vries", "Marieke", "Marieke", "Jan", "Marieke\nde Vries"]


def test_capitalised_terms_need_a_capital_in_running_text() -> None:
    text = "Wil zei dat ze wil stoppen."
    assert spans(TermMatcher(["Wil"]), text) == ["Wil"]
    assert spans(TermMatcher(["Wil"], initial_case=False), text) == ["Wil", "wil"]


def test_labels_with_underscores_and_emails() -> None:
    assert spans(TermMatcher(["Marieke"], initial_case=False), "docent1_marieke_ronde1") == ["marieke"]
    matcher = TermMatcher(["Marieke", "marieke@roc.nl"])
    assert spans(matcher, "Mail Marieke via marieke@roc.nl.") == ["Marieke", "marieke@roc.nl"]


def test_remap_keeps_every_span_on_its_pseudonymised_passage() -> None:
    rng = random.Random(7)
    words = ["Marieke", "zegt", "dat", "ROC", "Veenstroom", "fijn", "is", "."]
    pseudonyms = {"Marieke": "Docent 1", "ROC Veenstroom": "School A"}
    matcher = TermMatcher(pseudonyms)
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(30))
        reps = [Replacement(m.start, m.end, pseudonyms[m.term]) for m in matcher.find(text)]
        remap = Remapper(text, reps)
        for _ in range(20):
            start = rng.randrange(0, len(text) - 1)
            end = rng.randrange(start + 1, len(text) + 1)
            # Expected: the passage widened to whole replacements, with those inside replaced.
            lo = min([start] + [r.start for r in reps if r.start < start < r.end])
            hi = max([end] + [r.end for r in reps if r.start < end < r.end])
            inside = [Replacement(r.start - lo, r.end - lo, r.new) for r in reps if lo <= r.start and r.end <= hi]
            expected = Remapper(text[lo:hi], inside).text
            assert remap.text[remap.map_start(start) : remap.map_end(end)] == expected
