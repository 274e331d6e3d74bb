"""Words of the word-frequency and keyword-in-context reports."""

from __future__ import annotations

from lobcoder.i18n.message import Message as M

MESSAGES: dict[str, M] = {
    "words.title": M(en="Word frequencies", nl="Woordfrequenties"),
    "words.title_code": M(en="Word frequencies in ‘{code}’", nl="Woordfrequenties in ‘{code}’"),
    "words.lemma": M(en="Word (lemma)", nl="Woord (lemma)"),
    "words.form": M(en="Word", nl="Woord"),
    "words.forms": M(en="Forms", nl="Vormen"),
    "words.occurrences": M(en="Occurrences", nl="Aantal keer"),
    "words.documents": M(en="Documents", nl="Documenten"),
    "words.share": M(en="Share of words", nl="Aandeel woorden"),
    "words.distinctive": M(en="Distinctive (z)", nl="Kenmerkend (z)"),
    "words.unit_lemmas": M(en="lemmas", nl="lemma's"),
    "words.unit_forms": M(en="word forms", nl="woordvormen"),
    "words.note.base": M(
        en="{words} words counted in {documents} documents ({distinct} different {unit}).",
        nl="{words} woorden geteld in {documents} documenten ({distinct} verschillende {unit}).",
    ),
    "words.note.left_out": M(
        en="Left out: Dutch function words, numbers (also written out: twee, eerste), speaker labels "
        "and words shorter than {length} letters.",
        nl="Weggelaten: Nederlandse functiewoorden, getallen (ook uitgeschreven: twee, eerste), sprekerlabels "
        "en woorden korter dan {length} letters.",
    ),
    "words.note.top": M(
        en="The {shown} most frequent of {distinct} words.",
        nl="De {shown} meest voorkomende van {distinct} woorden.",
    ),
    "words.note.top_distinctive": M(
        en="The {shown} most distinctive of {distinct} words.",
        nl="De {shown} meest kenmerkende van {distinct} woorden.",
    ),
    "words.note.code": M(
        en="Only the words inside passages coded with ‘{code}’.",
        nl="Alleen de woorden binnen passages die met ‘{code}’ zijn gecodeerd.",
    ),
    "words.note.code_rollup": M(
        en="Only the words inside passages coded with ‘{code}’ or one of its sub-codes.",
        nl="Alleen de woorden binnen passages die met ‘{code}’ of een van haar subcodes zijn gecodeerd.",
    ),
    "words.note.distinctive": M(
        en="Distinctive: log-odds z-score of the word in these passages against the rest of the text "
        "(informative Dirichlet prior, Monroe et al. 2008); above 2 it is clearly more frequent here.",
        nl="Kenmerkend: log-odds z-score van het woord in deze passages tegenover de rest van de tekst "
        "(informatieve Dirichlet-prior, Monroe e.a. 2008); boven 2 komt het hier duidelijk vaker voor.",
    ),
    "words.note.left_out_by_you": M(
        en="Left out for this project (in the Words tab right-click a word to leave it out or put these back): {words}.",
        nl="Weggelaten voor dit project (rechtsklik in de tab Woorden op een woord om het weg te laten of deze terug te zetten): {words}.",
    ),
    "words.note.interviewer": M(
        en="Respondent text only: interviewer turns left out.",
        nl="Alleen tekst van respondenten: beurten van de interviewer zijn weggelaten.",
    ),
    "words.note.split": M(
        en="Columns per {split}: occurrences; n under a column: the words counted in those documents.",
        nl="Kolommen per {split}: aantal keer; n onder een kolom: de getelde woorden in die documenten.",
    ),
    # Keywords in context.
    "kwic.title": M(en="‘{word}’ in context", nl="‘{word}’ in context"),
    "kwic.document": M(en="Document", nl="Document"),
    "kwic.start": M(en="Start", nl="Begin"),
    "kwic.end": M(en="End", nl="Einde"),
    "kwic.before": M(en="Before", nl="Ervoor"),
    "kwic.word": M(en="Word", nl="Woord"),
    "kwic.after": M(en="After", nl="Erna"),
    "kwic.note.count": M(
        en="Found {count}× in {documents}, with {context} characters of context on either side.",
        nl="{count} keer gevonden in {documents}, met {context} tekens context aan weerszijden.",
    ),
    "kwic.documents.one": M(en="1 document", nl="1 document"),
    "kwic.documents.many": M(en="{count} documents", nl="{count} documenten"),
    "kwic.note.lemma": M(
        en="Every form of the lemma ‘{word}’ is listed.", nl="Elke vorm van het lemma ‘{word}’ staat erin."
    ),
    "kwic.note.offsets": M(
        en="Start and end: character positions in the document's text.",
        nl="Begin en einde: tekenposities in de tekst van het document.",
    ),
}
