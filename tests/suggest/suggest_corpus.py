"""A small coded corpus for the suggestion tests: sentences for two codes, and helpers to build transcripts."""

from __future__ import annotations

from dataclasses import dataclass

from lobcoder.importing.speakers import detect_turns
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

LEREN = [
    "Met collega's oefenen we samen loopbaangesprekken in intervisie.",
    "In de intervisie leren docenten van elkaar hoe je doorvraagt.",
    "We oefenen samen gesprekken met een rollenspel en geven elkaar feedback.",
    "Collega's kijken mee bij mijn gesprekken en we leren samen van die opnames.",
    "Samen oefenen in de intervisiegroep helpt mij het meest.",
    "We bespreken in intervisie elkaars loopbaangesprekken en leren daarvan.",
    "De collega's oefenen in tweetallen en geven feedback op het doorvragen.",
    "Leren van collega's gebeurt bij ons vooral in de intervisie.",
    "Ik oefen samen met een collega de gesprekken met een rollenspel.",
    "We kijken samen naar opnames van gesprekken en leren van elkaar.",
]
VISIE = [
    "De visie op LOB is door de directie geschreven zonder docenten.",
    "Het beleid staat in een visiedocument dat niemand van ons heeft gezien.",
    "De directie heeft de visie van de school bepaald in het beleidsplan.",
    "Wat de visie van het management is, weet ik eigenlijk niet.",
    "Het visiedocument van de directie is nooit met het team besproken.",
    "Onze visie op loopbaanbegeleiding komt van het management.",
    "De directie schreef het beleid en de visie zonder het team.",
    "In het beleidsplan staat een visie die de directie heeft bedacht.",
    "Het management presenteerde de visie op een studiedag.",
    "Ik ken de visie van de directie op LOB niet goed.",
]
NEUTRAL = [
    "Ik werk hier nu zes jaar als docent.",
    "Het rooster was vol deze week.",
    "Daarvoor heb ik in een verpleeghuis gewerkt.",
    "De studenten lopen stage in de zorg.",
    "Gisteren regende het de hele dag.",
    "Mijn klas heeft vierentwintig studenten.",
    "Op maandag geef ik vooral anatomie.",
    "De examens zijn in juni.",
    "Ik fiets elke dag naar school.",
    "De kantine is verbouwd.",
]
HELD_OUT = {
    "leren": "Wij oefenen samen loopbaangesprekken en leren van elkaar in intervisie.",
    "visie": "De directie heeft de visie in een beleidsplan geschreven.",
}


@dataclass(frozen=True)
class Corpus:
    store: ProjectStore
    documents: dict[str, int]  # name -> id
    codes: dict[str, str]  # "leren"/"visie" -> guid
    code_ids: dict[str, int]


def transcript(pairs: list[tuple[str, str]], header: str = "Interview over LOB, ronde 1.") -> str:
    """A transcript: a header line, then per pair an interviewer question and a two-sentence answer."""
    lines = [header, ""]
    for first, second in pairs:
        lines += ["I: Kun je daar iets over vertellen?", f"Anna: {first} {second}"]
    return "\n".join(lines) + "\n"


def add_transcript(store: ProjectStore, name: str, text: str) -> int:
    with store.transaction() as session:
        return add_document(session, name, text, detect_turns(text)).id


def code_sentences(store: ProjectStore, document_id: int, text: str, code_id: int, sentences: list[str]) -> None:
    with store.transaction() as session:
        for sentence in sentences:
            start = text.index(sentence)
            add_coding(session, document_id, code_id, start, start + len(sentence), coder="Fenna")
