"""The core's message catalogue: complete in every language, placeholders alike, every key used."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

import lobcoder
from lobcoder.i18n import CATALOGUE, LANGUAGES, check_language, format_number, message

SOURCE = Path(lobcoder.__file__).parent


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_has_every_language_with_the_same_placeholders() -> None:
    assert CATALOGUE, "the catalogue is empty"
    for key, entry in CATALOGUE.items():
        texts = [getattr(entry, language) for language in LANGUAGES]
        assert all(text.strip() for text in texts), f"{key} has an empty translation"
        assert len({frozenset(_placeholders(text)) for text in texts}) == 1, f"{key}: placeholders differ"


def test_every_key_is_used_in_the_code() -> None:
    code = "\n".join(path.read_text(encoding="utf-8") for path in SOURCE.rglob("*.py") if path.parent.name != "i18n")
    unused = [
        key
        for key in CATALOGUE
        if not any(f"{q}{key}{q}" in code or f"{q}{key.rsplit('.', 1)[0]}.{{" in code for q in "\"'")
        # a literal key, or f"prefix.{...}" for keys chosen by a value
    ]
    assert not unused, f"keys not used anywhere: {unused}"


def test_message_fills_in_values_and_refuses_unknown_languages() -> None:
    assert message("report.table", "nl") == "Tabel"
    assert message("report.chart_title", "en", column="Documents", row="code") == "Documents per code"
    with pytest.raises(ValueError, match="en, nl"):
        check_language("de")
    with pytest.raises(KeyError):
        message("report.no_such_key", "en")


SAME_IN_EVERY_LANGUAGE = {
    "pseudonymise.leak.term",  # "{form}: {count}×, in {places}": a count, worded alike
    "pseudonymise.leak.field.code",  # "code ‘{name}’": a code is a code in Dutch too
    "clash.list.comma",  # "{first}, {rest}": a list, worded alike
    "report.chart_title",
    "table.code",
    "filter.attribute",
    "filter.codes",
    "filter.code",
    "frequencies.per_document",
    "crosstab.title",
    "crosstab.per",
    "table.n",
    "cooccurrence.unit.overlap",
    "cooccurrence.unit.document",
    "quotes.document",
    "quotes.order.document",
    "merge.by.guid",
    "merge.kind.code",
    "merge.kind.document",
    "agreement.unit.document",
    "agreement.measure.fleiss",
    "agreement.measure.brennan_prediger",
    "note.label.code",
    "note.label.document",
    "note.label.memo",
    "note.media.audio",
    "note.media.video",
    "copy.document",
    "copy.code",
    "copy.codes",
    "pseudonym.document",
    "kwic.title",
    "kwic.documents.one",
    "kwic.document",
}


def test_a_message_is_the_same_in_two_languages_only_where_listed() -> None:
    same = {key for key, entry in CATALOGUE.items() if len({getattr(entry, lang) for lang in LANGUAGES}) == 1}
    assert same <= SAME_IN_EVERY_LANGUAGE, f"not translated? {sorted(same - SAME_IN_EVERY_LANGUAGE)}"


def test_a_tiny_negative_value_is_shown_as_zero_without_a_minus_sign() -> None:
    # A κ of -0.001 in an agreement table reads "0.00", not "-0.00".
    assert format_number(-0.001, 2, "en") == "0.00"
    assert format_number(-0.001, 2, "nl") == "0,00"
    assert format_number(-0.006, 2, "en") == "-0.01"
    assert format_number(-1234.5, 1, "nl") == "-1.234,5"
