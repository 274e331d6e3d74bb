"""Names with numbers sort as a person orders them: by number, case ignored."""

from __future__ import annotations

from lobcoder.util.natural_sort import natural_key


def test_numbers_sort_by_value_and_case_is_ignored() -> None:
    assert sorted(["w10", "w2", "W1"], key=natural_key) == ["W1", "w2", "w10"]
    assert sorted(["ronde 10", "Docent10", "ronde 2", "docent9", "Docent1"], key=natural_key) == [
        "Docent1",
        "docent9",
        "Docent10",
        "ronde 2",
        "ronde 10",
    ]


def test_names_starting_with_numbers_or_text_compare_without_error() -> None:
    names = ["a", "10", "", "2b", "b2", "10²", "x٣"]  # "²" is no decimal digit, "٣" (Arabic-Indic 3) is
    assert sorted(names, key=natural_key) == ["", "2b", "10", "10²", "a", "b2", "x٣"]
