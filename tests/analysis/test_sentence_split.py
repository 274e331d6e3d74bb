"""The array sentence splitter gives exactly the boundaries of the original line-by-line splitter."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lobcoder.analysis.sentence_split import END, _candidates, _classes
from lobcoder.analysis.units import _is_abbreviation, _lines, sentences
from lobcoder.text.normalize import normalize_text

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

# The splitter as it was before it worked on arrays, kept as the reference (plus the transcriber's-note rule).
_END = re.compile(r"([.!?…]+)[\"'’”»)\]]*(?=\s)")
_ELISION = re.compile(r"['’](s|t|n)\b")
_NOTES = re.compile(r"\s*(?:[(\[{][^()\[\]{}\n]*[)\]}]\s+)+")  # added with the transcriber's-note rule


def _next_word_starts_sentence(text: str, position: int, end: int) -> bool:
    while position < end and not text[position].isalnum():
        if _ELISION.match(text, position):
            return True
        position += 1
    return position < end and (text[position].isupper() or text[position].isdigit())


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    ends = []
    for match in _END.finditer(text, start, end):
        marks = match.group(1)
        if marks == ".":
            stop = match.start()
            word_start = max(text.rfind(" ", start, stop), text.rfind("\t", start, stop), start - 1) + 1
            if _is_abbreviation(text[word_start:stop], word_start == start):
                continue
        notes = _NOTES.match(text, match.end(), end)  # the word after transcriber's notes may start one too
        if (
            marks[0] in "!?"
            or _next_word_starts_sentence(text, match.end(), end)
            or (notes is not None and _next_word_starts_sentence(text, notes.end(), end))
        ):
            ends.append(match.end())
    return ends


def reference(text: str) -> list[tuple[int, int]]:
    found = []
    for line_start, line_end in _lines(text):
        begin = line_start
        for stop in [*_sentence_ends(text, line_start, line_end), line_end]:
            while begin < stop and text[begin].isspace():
                begin += 1
            if begin < stop:
                found.append((begin, stop))
            begin = stop
    return found


def spans(text: str) -> list[tuple[int, int]]:
    found = sentences(text)
    return list(zip(found.starts, found.ends, strict=True))


TRICKY = [
    "",
    "   \n\n  \t ",
    "Geen punt aan het eind",
    "Hij kwam bijv. te laat. Dat was o.a. door de trein! Echt? Ja.",
    "Dhr. Jansen en J.P. de Vries zijn er. Ca. 20 mensen. Zie blz. 3.",
    "1. Inleiding\n2. Methode. Daarna 3. niets.\n  10. Tien",
    "Het kost 3.5 euro... en toen? Nou... Niks. Wacht…Echt… Ja.",
    "Hij zei: \"Ga weg.\" Toen ging ze. 'Nee!' riep hij. (Dat klopt.) [Stilte.] Oké.",
    "Wij kozen plan B. Dat werkte. En 's avonds. 't Is goed. ’n Keer. ’s Middags.",
    "Leuk 😀. Super 👍🏽! 😀 Daarna. Klaar.🎉 Nu. Echt.\u00a0Ja. Nog\u2028een. Zo.\r\nRegel.\r\n",
    'Einde.)\n"Begin."  \n  ...  \n.\n!\n? Vraag. ..Punt. «Dus.» Ja.',
    "Het 𝐀lfabet. 𝐁egin. Σ. Ωmega. ǅ. ß. Straße. ﬆ. Daarna. ſt. Zo. Ⅻ. Ⅳ eind.",
    "\tIngesprongen.\tTab. Dan\tz.s.m. Klaar.   Spaties.    Veel.",
    'x. Y. a.b. C. a.b.c. D. _. E. 3. F. t/m. G. n.a.v. H. ((bijv. I. "Nr. J.',
    "Belangrijk. [lacht] Ik denk. Nou. (zucht) {stilte} 't Is zo. Ja. [ lacht ]\tZo. Dus. [lacht] en dan. Ok. [lacht]"
    "\nNee. (a(b) C. [x] y. bijv. [x] Z. Goed? [lacht] Ja. Eind. [lacht]",
]


def test_the_tricky_texts_split_as_before() -> None:
    for text in TRICKY:
        assert spans(text) == reference(text), text


def test_the_demo_transcripts_split_as_before() -> None:
    texts = sorted(DEMO.glob("*.txt"))
    assert texts
    for path in texts:
        text = normalize_text(path.read_text(encoding="utf-8"))
        assert len(reference(text)) > 20
        assert spans(text) == reference(text), path.name


def test_generated_transcripts_split_as_before() -> None:
    import corpus

    for transcript in corpus.generate(3, words=3000, seed=11):
        text = normalize_text("\n".join((transcript.title, *transcript.preamble, *transcript.lines)))
        assert spans(text) == reference(text)


_PIECES = st.sampled_from(
    [" ", "  ", "\t", "\n", "\u00a0", ".", "..", "…", "!", "?", "\"", "'", "’", "”", "»", "(", ")", "[", "]",
     "«", "“", "a", "B", "3", "bijv", "o.a", "J.P", "s", "t", "n", "Ja", "😀", "𝐀", "ﬆ", "_", "\r", "é", "É",
     "{", "}", "[lacht]", "(stilte) "]
)  # fmt: skip


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_random_texts_split_as_before(text: str) -> None:
    assert spans(text) == reference(text)


def test_candidate_ends_are_the_matches_of_the_end_pattern() -> None:
    texts = [*TRICKY, *(normalize_text(p.read_text(encoding="utf-8")) for p in sorted(DEMO.glob("*.txt")))]
    for text in texts:
        start, end, marks = _candidates(_classes(text)[1])
        expected = [(m.start(), m.end(), len(m.group(1))) for m in END.finditer(text)]
        assert list(zip(start.tolist(), end.tolist(), marks.tolist(), strict=True)) == expected, text
