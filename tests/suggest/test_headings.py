"""A free-text description (from another program's codebook) read by its headings."""

from __future__ import annotations

from lobcoder.services.codes import CodeInfo
from lobcoder.suggest.cache import process_text
from lobcoder.suggest.evidence import CodebookEvidence
from lobcoder.suggest.headings import code_fields, split_description
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.units import unit_words

DEFINITION = "Docenten oefenen samen loopbaangesprekken in intervisie en geven elkaar feedback."


def code(guid: str, name: str, description: str) -> CodeInfo:
    return CodeInfo(0, guid, None, 0, name, "#000000", description, 0, 0, 0)


def test_headings_split_a_description_into_fields() -> None:
    text = (
        "Hoe docenten samen leren.\n\n**Definitie:** Leren in het team.\nInclusie: samen oefenen\n"
        "- intervisie\nNiet coderen als: wat studenten leren.\nVoorbeelden:\n- We leren als team."
    )
    assert split_description(text) == {
        "description": "Hoe docenten samen leren.",
        "definition": "Leren in het team.",
        "inclusion": "samen oefenen\n- intervisie",
        "exclusion": "wat studenten leren.",
        "examples": "- We leren als team.",
    }
    english = split_description("Exclusion criteria: students' own learning\nKeywords: intervisie; samen leren")
    assert english == {"exclusion": "students' own learning", "keywords": "intervisie; samen leren"}
    # A colon in ordinary prose is no heading; neither is an unknown label.
    for plain in ("Let op: alleen docenten.", "Samen leren: in het team, met elkaar."):
        assert split_description(plain) == {"description": plain}


def test_a_description_keywords_part_becomes_keywords() -> None:
    fields = code_fields(code("a", "Samen oefenen", "Oefenen met collega's.\nTrefwoorden: intervisie; rollenspel"))
    assert fields["keywords"] == "intervisie\nrollenspel"
    assert fields["description"] == "Oefenen met collega's."


def test_an_exclusie_heading_is_read_as_exclusion(pipeline: DutchPipeline) -> None:
    processed = process_text(pipeline, "Studenten oefenen loopbaangesprekken met feedback in de klas.")
    sentence = unit_words(processed, range(len(processed.lemmas)))
    headed = code("a", "Samen oefenen", f"{DEFINITION}\nExclusie: Wat studenten in de klas oefenen.")
    plain = code("a", "Samen oefenen", f"{DEFINITION}\nWat studenten in de klas oefenen.")
    other = code("b", "Visie", "De directie schrijft de visie.")
    read_as_exclusion = CodebookEvidence(pipeline, [headed, other]).score([sentence])[0]["a"]
    read_as_text = CodebookEvidence(pipeline, [plain, other]).score([sentence])[0]["a"]
    assert {"student", "klas"} <= set(read_as_exclusion.against) and read_as_text.against == ()
    assert read_as_exclusion.score < read_as_text.score
