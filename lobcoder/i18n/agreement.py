"""Words of the inter-coder agreement tables (lobcoder.agreement.report) in English and Dutch."""

from __future__ import annotations

from lobcoder.i18n.message import Message as M

MESSAGES: dict[str, M] = {
    "agreement.title_pair": M(
        en="Inter-coder agreement per code: {a} and {b}, by {unit}",
        nl="Overeenstemming tussen codeurs per code: {a} en {b}, per {unit}",
    ),
    "agreement.title_group": M(
        en="Agreement per code among {coders}, by {unit}", nl="Overeenstemming per code tussen {coders}, per {unit}"
    ),
    "agreement.title_pairs": M(
        en="Agreement per pair of coders, by {unit}", nl="Overeenstemming per tweetal codeurs, per {unit}"
    ),
    "agreement.and": M(en="and", nl="en"),
    "agreement.pair": M(en="Coders", nl="Codeurs"),
    "agreement.only": M(en="{coder} only", nl="Alleen {coder}"),
    "agreement.both": M(en="Both", nl="Beide"),
    "agreement.neither": M(en="Neither", nl="Geen van beide"),
    "agreement.units": M(en="Units", nl="Eenheden"),
    "agreement.marked": M(en="Coded by anyone", nl="Door iemand gecodeerd"),
    "agreement.measure.percent": M(en="% agreement", nl="% overeenstemming"),
    "agreement.measure.cohen": M(en="Cohen's κ", nl="Cohens κ"),
    "agreement.measure.fleiss": M(en="Fleiss' κ", nl="Fleiss' κ"),
    "agreement.measure.brennan_prediger": M(en="Brennan-Prediger κ", nl="Brennan-Prediger κ"),
    "agreement.measure.gwet_ac1": M(en="Gwet's AC1", nl="Gwets AC1"),
    "agreement.measure.alpha": M(en="Krippendorff's α", nl="Krippendorffs α"),
    "agreement.ci": M(en="95% CI", nl="95%-BI"),
    "agreement.unit.sentence": M(en="sentence", nl="zin"),
    "agreement.unit.turn": M(en="speaker turn", nl="spreekbeurt"),
    "agreement.unit.paragraph": M(en="paragraph", nl="alinea"),
    "agreement.unit.document": M(en="document", nl="document"),
    "agreement.unit.character": M(en="character", nl="teken"),
    "agreement.unit.overlap": M(en="segment overlap", nl="segmentoverlap"),
    "agreement.unit_note.text": M(
        en="Unit: {unit}; a code is present in a unit when a coding of it touches the unit.",
        nl="Eenheid: {unit}; een code is aanwezig in een eenheid als een codering ervan de eenheid raakt.",
    ),
    "agreement.unit_note.document": M(
        en="Unit: document; a code is present when the coder used it anywhere in the document.",
        nl="Eenheid: document; een code is aanwezig als de codeur haar ergens in het document gebruikte.",
    ),
    "agreement.unit_note.character": M(
        en="Unit: character (every character of the documents is a unit, as in NVivo). Characters nobody coded count as agreement, so percent agreement is inflated by the uncoded text; read κ or α instead.",
        nl="Eenheid: teken (elk teken van de documenten is een eenheid, zoals in NVivo). Tekens die niemand codeerde tellen als overeenstemming, dus het percentage overeenstemming wordt opgeblazen door de ongecodeerde tekst; lees κ of α.",
    ),
    "agreement.unit_note.overlap": M(
        en="Unit: coded segment (segment overlap, as in MAXQDA); a coding is matched when the other coder coded the same code over at least {threshold}% of it. No segment is coded by neither coder, so chance-corrected coefficients are not defined per code; the total row gives Brennan and Prediger's κ with chance agreement 1/{codes} ({codes} codes).",
        nl="Eenheid: gecodeerd segment (segmentoverlap, zoals in MAXQDA); een codering komt overeen als de andere codeur dezelfde code op minstens {threshold}% ervan gaf. Geen segment is door geen van beiden gecodeerd, dus kanscorrecties zijn per code niet gedefinieerd; de totaalrij geeft Brennan en Predigers κ met kansovereenstemming 1/{codes} ({codes} codes).",
    ),
    "agreement.measures.pair": M(
        en="% agreement: units on which both coders agree (present or absent). Brennan-Prediger κ uses chance agreement 1/2; α is nominal. 95% CI: percentile bootstrap over units (1,000 draws, seed {seed}). Total: every unit × code decision pooled. Empty cells are not defined (all units in one category).",
        nl="% overeenstemming: eenheden waarop beide codeurs overeenkomen (aanwezig of afwezig). Brennan-Prediger κ gebruikt kansovereenstemming 1/2; α is nominaal. 95%-BI: percentiel-bootstrap over eenheden (1.000 trekkingen, seed {seed}). Totaal: alle beslissingen eenheid × code samen. Lege cellen zijn niet gedefinieerd (alle eenheden in één categorie).",
    ),
    "agreement.measures.overlap": M(
        en="% agreement: matched codings of all codings of the code by either coder.",
        nl="% overeenstemming: overeenkomende coderingen van alle coderingen van de code door een van beiden.",
    ),
    "agreement.measures.group": M(
        en="% agreement: share of agreeing pairs of coders per unit. A coder who did not code a document is missing there. α is nominal; 95% CI: percentile bootstrap over units (1,000 draws, seed {seed}).",
        nl="% overeenstemming: aandeel overeenstemmende tweetallen codeurs per eenheid. Een codeur die een document niet codeerde ontbreekt daar. α is nominaal; 95%-BI: percentiel-bootstrap over eenheden (1.000 trekkingen, seed {seed}).",
    ),
    "agreement.documents": M(en="Documents ({count}): {names}.", nl="Documenten ({count}): {names}."),
    "agreement.documents_pair": M(
        en="Documents both coded ({count}): {names}.", nl="Documenten die beiden codeerden ({count}): {names}."
    ),
    "agreement.no_documents_pair": M(
        en="No document was coded by both coders.", nl="Geen document is door beide codeurs gecodeerd."
    ),
    "agreement.documents_all": M(
        en="Documents all {coders} coders coded ({count}; Fleiss' κ needs the same coders on every unit, the pairs use the documents both coded): {names}.",
        nl="Documenten die alle {coders} codeurs codeerden ({count}; Fleiss' κ vraagt dezelfde codeurs voor elke eenheid, de tweetallen gebruiken de documenten die beiden codeerden): {names}.",
    ),
    "agreement.pair_documents": M(en="Documents", nl="Documenten"),
    "agreement.no_group": M(
        en="No document was coded by all {coders} coders: there is no table for the group.",
        nl="Geen document is door alle {coders} codeurs gecodeerd: er is geen tabel voor de groep.",
    ),
    "agreement.documents_per_pair": M(
        en="Each pair is compared on the documents both coded (column Documents).",
        nl="Elk tweetal wordt vergeleken op de documenten die beiden codeerden (kolom Documenten).",
    ),
    "agreement.more": M(en="and {count} more", nl="en nog {count}"),
    # The list of disagreements (lobcoder.agreement.disagreement_list).
    "disagreements.title": M(
        en="Disagreements between {a} and {b}, by {unit}", nl="Verschillen tussen {a} en {b}, per {unit}"
    ),
    "disagreements.title_code": M(en=", only code {code}", nl=", alleen code {code}"),
    "disagreements.paragraph": M(en="Paragraph", nl="Alinea"),
    "disagreements.characters": M(en="Characters", nl="Tekens"),
    "disagreements.speaker": M(en="Speaker", nl="Spreker"),
    "disagreements.coded_by": M(en="Coded by", nl="Gecodeerd door"),
    "disagreements.not_coded_by": M(en="Not coded by", nl="Niet gecodeerd door"),
    "disagreements.text": M(en="Text", nl="Tekst"),
    "disagreements.place": M(en="Place", nl="Plaats"),
    "disagreements.coders": M(en="Coders", nl="Codeurs"),
    "disagreements.coders_value": M(en="{coded}, not {lacking}", nl="{coded}, niet {lacking}"),
    "disagreements.partly": M(en="{coder} (in part)", nl="{coder} (deels)"),
    "disagreements.note": M(
        en="One row per unit and code that one coder applied and the other did not, by document and place. "
        "Paragraph (¶): the non-blank line the unit starts in; characters: its place in the text (from–to); "
        "speaker: of the first speaker turn it touches.",
        nl="Eén rij per eenheid en code die de ene codeur gaf en de andere niet, op document en plaats. "
        "Alinea (¶): de niet-lege regel waarin de eenheid begint; tekens: de plaats in de tekst (van–tot); "
        "spreker: van de eerste spreekbeurt die zij raakt.",
    ),
    "disagreements.count": M(en="Disagreements: {count}.", nl="Verschillen: {count}."),
    "disagreements.limited": M(
        en="The first {shown} of {total} disagreements.", nl="De eerste {shown} van {total} verschillen."
    ),
}
