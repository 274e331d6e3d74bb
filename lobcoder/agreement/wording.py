"""The words of agreement reports in English and Dutch, in one table that can move to a shared catalogue."""

from __future__ import annotations

from lobcoder.reports.formatting import Language

WORDS: dict[str, dict[Language, str]] = {
    "title_pair": {
        "en": "Inter-coder agreement per code: {a} and {b}, by {unit}",
        "nl": "Overeenstemming tussen codeurs per code: {a} en {b}, per {unit}",
    },
    "title_group": {
        "en": "Agreement per code among {coders}, by {unit}",
        "nl": "Overeenstemming per code tussen {coders}, per {unit}",
    },
    "title_pairs": {
        "en": "Agreement per pair of coders, by {unit}",
        "nl": "Overeenstemming per tweetal codeurs, per {unit}",
    },
    "and": {"en": "and", "nl": "en"},
    "code": {"en": "Code", "nl": "Code"},
    "pair": {"en": "Coders", "nl": "Codeurs"},
    "only": {"en": "{coder} only", "nl": "Alleen {coder}"},
    "both": {"en": "Both", "nl": "Beide"},
    "neither": {"en": "Neither", "nl": "Geen van beide"},
    "units": {"en": "Units", "nl": "Eenheden"},
    "marked": {"en": "Coded by anyone", "nl": "Door iemand gecodeerd"},
    "percent": {"en": "% agreement", "nl": "% overeenstemming"},
    "cohen": {"en": "Cohen's κ", "nl": "Cohens κ"},
    "fleiss": {"en": "Fleiss' κ", "nl": "Fleiss' κ"},
    "brennan_prediger": {"en": "Brennan-Prediger κ", "nl": "Brennan-Prediger κ"},
    "gwet_ac1": {"en": "Gwet's AC1", "nl": "Gwets AC1"},
    "alpha": {"en": "Krippendorff's α", "nl": "Krippendorffs α"},
    "ci": {"en": "95% CI", "nl": "95%-BI"},
    "total": {"en": "Total", "nl": "Totaal"},
    "sentence": {"en": "sentence", "nl": "zin"},
    "turn": {"en": "speaker turn", "nl": "spreekbeurt"},
    "paragraph": {"en": "paragraph", "nl": "alinea"},
    "document": {"en": "document", "nl": "document"},
    "character": {"en": "character", "nl": "teken"},
    "overlap": {"en": "segment overlap", "nl": "segmentoverlap"},
    "unit_text": {
        "en": "Unit: {unit}; a code is present in a unit when a coding of it touches the unit.",
        "nl": "Eenheid: {unit}; een code is aanwezig in een eenheid als een codering ervan de eenheid raakt.",
    },
    "unit_document": {
        "en": "Unit: document; a code is present when the coder used it anywhere in the document.",
        "nl": "Eenheid: document; een code is aanwezig als de codeur haar ergens in het document gebruikte.",
    },
    "unit_character": {
        "en": "Unit: character (every character of the documents is a unit, as in NVivo). Characters nobody "
        "coded count as agreement, so percent agreement is inflated by the uncoded text; read κ or α instead.",
        "nl": "Eenheid: teken (elk teken van de documenten is een eenheid, zoals in NVivo). Tekens die niemand "
        "codeerde tellen als overeenstemming, dus het percentage overeenstemming wordt opgeblazen door de "
        "ongecodeerde tekst; lees κ of α.",
    },
    "unit_overlap": {
        "en": "Unit: coded segment (segment overlap, as in MAXQDA); a coding is matched when the other coder "
        "coded the same code over at least {threshold}% of it. No segment is coded by neither coder, so "
        "chance-corrected coefficients are not defined per code; the total row gives Brennan and Prediger's κ "
        "with chance agreement 1/{codes} ({codes} codes).",
        "nl": "Eenheid: gecodeerd segment (segmentoverlap, zoals in MAXQDA); een codering komt overeen als de "
        "andere codeur dezelfde code op minstens {threshold}% ervan gaf. Geen segment is door geen van beiden "
        "gecodeerd, dus kanscorrecties zijn per code niet gedefinieerd; de totaalrij geeft Brennan en Predigers κ "
        "met kansovereenstemming 1/{codes} ({codes} codes).",
    },
    "measures_pair": {
        "en": "% agreement: units on which both coders agree (present or absent). Brennan-Prediger κ uses "
        "chance agreement 1/2; α is nominal. 95% CI: percentile bootstrap over units (1,000 draws, seed {seed}). "
        "Total: every unit × code decision pooled. Empty cells are not defined (all units in one category).",
        "nl": "% overeenstemming: eenheden waarop beide codeurs overeenkomen (aanwezig of afwezig). "
        "Brennan-Prediger κ gebruikt kansovereenstemming 1/2; α is nominaal. 95%-BI: percentiel-bootstrap over "
        "eenheden (1.000 trekkingen, seed {seed}). Totaal: alle beslissingen eenheid × code samen. Lege cellen "
        "zijn niet gedefinieerd (alle eenheden in één categorie).",
    },
    "measures_overlap": {
        "en": "% agreement: matched codings of all codings of the code by either coder.",
        "nl": "% overeenstemming: overeenkomende coderingen van alle coderingen van de code door een van beiden.",
    },
    "measures_group": {
        "en": "% agreement: share of agreeing pairs of coders per unit. A coder who did not code a document is "
        "missing there. α is nominal; 95% CI: percentile bootstrap over units (1,000 draws, seed {seed}).",
        "nl": "% overeenstemming: aandeel overeenstemmende tweetallen codeurs per eenheid. Een codeur die een "
        "document niet codeerde ontbreekt daar. α is nominaal; 95%-BI: percentiel-bootstrap over eenheden "
        "(1.000 trekkingen, seed {seed}).",
    },
    "documents": {"en": "Documents ({count}): {names}.", "nl": "Documenten ({count}): {names}."},
    "more": {"en": "and {count} more", "nl": "en nog {count}"},
}


def word(key: str, language: Language, **values: object) -> str:
    return WORDS[key][language].format(**values)
