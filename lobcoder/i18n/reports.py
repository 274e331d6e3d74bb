"""Words of the analysis reports: tables, their titles, headers and notes, and what frames them in Word/Excel."""

from __future__ import annotations

from lobcoder.i18n.message import Message as M

MESSAGES: dict[str, M] = {
    # Around every table (Word, Excel, the bar chart).
    "report.table": M(en="Table", nl="Tabel"),
    "report.continued": M(en="{title} (continued)", nl="{title} (vervolg)"),
    "report.figure": M(en="Figure", nl="Figuur"),
    "report.note": M(en="Note.", nl="Noot."),
    "report.chart_title": M(en="{column} per {row}", nl="{column} per {row}"),
    "report.shading": M(en="Darker cells: higher values.", nl="Donkerder cellen: hogere waarden."),
    "report.shading_matrix": M(
        en="Darker cells: higher values (the diagonal is not shaded).",
        nl="Donkerder cellen: hogere waarden (de diagonaal is niet gekleurd).",
    ),
    "report.bold": M(en="In bold:", nl="Vetgedrukt:"),
    "report.pseudonymised": M(
        en="Names and other personal data are pseudonymised.",
        nl="Namen en andere persoonsgegevens zijn gepseudonimiseerd.",
    ),
    # Names a pseudonymised copy gives where a term cannot (lobcoder.pseudonymise.names).
    "pseudonym.coder": M(en="Coder {number}", nl="Codeur {number}"),
    "pseudonym.document": M(en="Document {number}", nl="Document {number}"),
}
MESSAGES.update(
    {
        # Shared by several tables.
        "table.code": M(en="Code", nl="Code"),
        "table.total": M(en="Total", nl="Totaal"),
        "table.no_value": M(en="(no value)", nl="(geen waarde)"),
        "table.sheet": M(en="Table {number}", nl="Tabel {number}"),
        "table.level": M(en="Level", nl="Niveau"),
        "table.rollup_with": M(
            en="Codes include their sub-codes (a document or participant counted once).",
            nl="Codes omvatten hun subcodes (een document of deelnemer telt één keer).",
        ),
        "table.rollup_with_documents": M(
            en="Codes include their sub-codes (a document counted once).",
            nl="Codes omvatten hun subcodes (een document telt één keer).",
        ),
        "table.rollup_without": M(
            en="Codings with exactly this code; sub-codes are counted on their own rows.",
            nl="Coderingen met precies deze code; subcodes worden op hun eigen rij geteld.",
        ),
        # What a filter left out, in words.
        "filter.documents": M(en="Documents: {names}", nl="Documenten: {names}"),
        "filter.documents_many": M(en="Documents: {count} selected", nl="Documenten: {count} gekozen"),
        "filter.attribute": M(en="Only documents with {values}", nl="Alleen documenten met {values}"),
        "filter.coders": M(en="Coders: {names}", nl="Codeurs: {names}"),
        "filter.code": M(en="Code: {names}", nl="Code: {names}"),
        "filter.codes": M(en="Codes: {names}", nl="Codes: {names}"),
        "filter.codes_many": M(en="Codes: {names} and {more} more", nl="Codes: {names} en {more} andere"),
        "filter.interviewer": M(
            en="Codings entirely inside interviewer turns left out",
            nl="Coderingen die geheel binnen beurten van de interviewer vallen, zijn weggelaten",
        ),
        "filter.and": M(en="{first} and {last}", nl="{first} en {last}"),
        "filter.or": M(en="{first} or {last}", nl="{first} of {last}"),
        # Frequencies.
        "frequencies.title": M(en="Code frequencies", nl="Codefrequenties"),
        "frequencies.codings": M(en="Codings", nl="Coderingen"),
        "frequencies.documents": M(en="Documents", nl="Documenten"),
        "frequencies.document_share": M(en="% of documents", nl="% van documenten"),
        "frequencies.participants": M(en="Participants", nl="Deelnemers"),
        "frequencies.participant_share": M(en="% of participants", nl="% van deelnemers"),
        "frequencies.base": M(
            en="N = {documents} documents, {participants} participants (the base of the percentages).",
            nl="N = {documents} documenten, {participants} deelnemers (de basis van de percentages).",
        ),
        "frequencies.base_documents": M(
            en="N = {documents} documents (the base of the percentages).",
            nl="N = {documents} documenten (de basis van de percentages).",
        ),
        "frequencies.split.codings": M(en="codings", nl="coderingen"),
        "frequencies.split.documents": M(en="documents", nl="documenten"),
        "frequencies.split.document_share": M(en="% of documents", nl="% van de documenten"),
        "frequencies.split.participants": M(en="participants", nl="deelnemers"),
        "frequencies.split.participant_share": M(en="% of participants", nl="% van de deelnemers"),
        "frequencies.per_document": M(en="document", nl="document"),
        # Crosstabs.
        "crosstab.title": M(en="Codes × {attribute}", nl="Codes × {attribute}"),
        "crosstab.count.codings": M(en="Codings", nl="Coderingen"),
        "crosstab.count.documents": M(en="Documents with the code", nl="Documenten met de code"),
        "crosstab.count.participants": M(en="Participants with the code", nl="Deelnemers met de code"),
        "crosstab.per": M(en="{what} per {attribute}.", nl="{what} per {attribute}."),
        "crosstab.percent.row": M(
            en="Row percentages: each row's cells are shares of its total.",
            nl="Rijpercentages: de cellen van een rij zijn delen van haar totaal.",
        ),
        "crosstab.percent.column": M(
            en="Column percentages: each column's cells are shares of its total.",
            nl="Kolompercentages: de cellen van een kolom zijn delen van haar totaal.",
        ),
        "crosstab.rollup": M(
            en="Codes include their sub-codes; totals add up only codes without a parent shown.",
            nl="Codes omvatten hun subcodes; totalen tellen alleen codes op waarvan geen bovenliggende code is getoond.",
        ),
        "crosstab.totals.documents": M(
            en="Totals add up the cells: a document with several codes counts once for each code.",
            nl="Totalen tellen de cellen op: een document met meerdere codes telt bij elke code één keer mee.",
        ),
        "crosstab.totals.participants": M(
            en="Totals add up the cells: a participant with several codes counts once for each code.",
            nl="Totalen tellen de cellen op: een deelnemer met meerdere codes telt bij elke code één keer mee.",
        ),
        "crosstab.totals.participants_several": M(
            en="The Total column counts each participant once, also one under several values of {attribute}, so a"
            " row's cells can add up to more than its total. The Total row adds up the codes: a participant with"
            " several codes counts once for each code.",
            nl="De kolom Totaal telt elke deelnemer één keer, ook wie onder meerdere waarden van {attribute} valt,"
            " dus de cellen van een rij kunnen samen meer zijn dan haar totaal. De rij Totaal telt de codes op: een"
            " deelnemer met meerdere codes telt bij elke code één keer mee.",
        ),
        "waves.title": M(en="Participants × {attribute}: {codes}", nl="Deelnemers × {attribute}: {codes}"),
        "waves.participant": M(en="Participant", nl="Deelnemer"),
        "waves.codings": M(
            en="Codings of {codes} per participant and {attribute}.",
            nl="Coderingen van {codes} per deelnemer en {attribute}.",
        ),
        "waves.codings_rollup": M(
            en="Codings of {codes} (with sub-codes) per participant and {attribute}.",
            nl="Coderingen van {codes} (met subcodes) per deelnemer en {attribute}.",
        ),
        "waves.empty": M(
            en="Empty: no document of this participant in that {attribute}.",
            nl="Leeg: geen document van deze deelnemer bij die {attribute}.",
        ),
        # Co-occurrence.
        "cooccurrence.title": M(en="Code co-occurrence ({unit})", nl="Samen voorkomen van codes ({unit})"),
        "cooccurrence.unit.overlap": M(en="overlap", nl="overlap"),
        "cooccurrence.unit.turn": M(en="speaker turn", nl="spreekbeurt"),
        "cooccurrence.unit.sentence": M(en="sentence", nl="zin"),
        "cooccurrence.unit.paragraph": M(en="paragraph", nl="alinea"),
        "cooccurrence.unit.document": M(en="document", nl="document"),
        "cooccurrence.unit.participant": M(en="participant", nl="deelnemer"),
        "cooccurrence.note.overlap": M(
            en="Unit: overlapping codings. Count = pairs of overlapping codings; n = codings of the code.",
            nl="Eenheid: overlappende coderingen. Aantal = paren overlappende coderingen; n = coderingen van de code.",
        ),
        "cooccurrence.note.turn": M(
            en="Unit: speaker turn. Count = turns in which both codes occur; n = turns with the code.",
            nl="Eenheid: spreekbeurt. Aantal = beurten waarin beide codes voorkomen; n = beurten met de code.",
        ),
        "cooccurrence.note.sentence": M(
            en="Unit: sentence. Count = sentences in which both codes occur; n = sentences with the code.",
            nl="Eenheid: zin. Aantal = zinnen waarin beide codes voorkomen; n = zinnen met de code.",
        ),
        "cooccurrence.note.paragraph": M(
            en="Unit: paragraph. Count = paragraphs in which both codes occur; n = paragraphs with the code.",
            nl="Eenheid: alinea. Aantal = alinea's waarin beide codes voorkomen; n = alinea's met de code.",
        ),
        "cooccurrence.note.document": M(
            en="Unit: document. Count = documents in which both codes occur; n = documents with the code.",
            nl="Eenheid: document. Aantal = documenten waarin beide codes voorkomen; n = documenten met de code.",
        ),
        "cooccurrence.note.participant": M(
            en="Unit: participant. Count = participants with both codes; n = participants with the code.",
            nl="Eenheid: deelnemer. Aantal = deelnemers met beide codes; n = deelnemers met de code.",
        ),
        "cooccurrence.note.window": M(
            en="Unit: windows of {size} consecutive paragraphs (codes at most {within} paragraphs apart). "
            "Count = windows with both codes; n = windows with the code.",
            nl="Eenheid: vensters van {size} opeenvolgende alinea's (codes hoogstens {within} alinea's uit elkaar). "
            "Aantal = vensters met beide codes; n = vensters met de code.",
        ),
        "cooccurrence.measure.count": M(
            en="Cells: co-occurrence count; diagonal: n.", nl="Cellen: aantal keer samen; diagonaal: n."
        ),
        "cooccurrence.measure.jaccard": M(
            en="Cells: c-coefficient n12 / (n1 + n2 − n12).", nl="Cellen: c-coëfficiënt n12 / (n1 + n2 − n12)."
        ),
        "cooccurrence.measure.jaccard_overlap": M(
            en="Cells: c-coefficient n12 / (n1 + n2 − n12) (for overlap n12 counts each coding once).",
            nl="Cellen: c-coëfficiënt n12 / (n1 + n2 − n12) (bij overlap telt n12 elke codering één keer).",
        ),
        "cooccurrence.measure.conditional": M(
            en="Cells: share of the row code's units in which the column code also occurs.",
            nl="Cellen: aandeel van de eenheden van de rijcode waarin ook de kolomcode voorkomt.",
        ),
        "cooccurrence.measure.conditional_column": M(
            en="Cells: share of the column code's units in which the row code also occurs.",
            nl="Cellen: aandeel van de eenheden van de kolomcode waarin ook de rijcode voorkomt.",
        ),
        "cooccurrence.rollup_with": M(en="Codes include their sub-codes.", nl="Codes omvatten hun subcodes."),
        "cooccurrence.rollup_without": M(en="Codes without their sub-codes.", nl="Codes zonder hun subcodes."),
        "cooccurrence.flag": M(
            en="Marked: c-coefficient below {low} while one code occurs with the other in at least {high} of its units.",
            nl="Gemarkeerd: c-coëfficiënt onder {low} terwijl de ene code in minstens {high} van haar eenheden "
            "samen met de andere voorkomt.",
        ),
        # Quotes.
        "quotes.title": M(en="Quotes", nl="Citaten"),
        "quotes.document": M(en="Document", nl="Document"),
        "quotes.participant": M(en="Participant", nl="Deelnemer"),
        "quotes.speaker": M(en="Speaker", nl="Spreker"),
        "quotes.paragraph": M(en="Paragraph", nl="Alinea"),
        "quotes.time": M(en="Time", nl="Tijd"),
        "quotes.coder": M(en="Coder", nl="Codeur"),
        "quotes.text": M(en="Text", nl="Tekst"),
        "quotes.quote": M(en="Quote", nl="Citaat"),
        "quotes.count": M(en="{count} quotes", nl="{count} citaten"),
    }
)

MESSAGES.update(
    {
        # The quotes report for a thesis (lobcoder.analysis.quote_report).
        "quotes.note.codes": M(en="Quotes of {codes}.", nl="Citaten bij {codes}."),
        "quotes.note.rollup": M(
            en="Quotes of sub-codes are listed under their code.",
            nl="Citaten van subcodes staan bij hun bovenliggende code.",
        ),
        "quotes.note.all": M(en="All quotes of each code.", nl="Alle citaten van elke code."),
        "quotes.note.at_most": M(
            en="At most {count} quotes per code, {rule}.", nl="Hoogstens {count} citaten per code, {rule}."
        ),
        "quotes.note.at_most_one": M(
            en="At most one quote per code, {rule}.", nl="Hoogstens één citaat per code, {rule}."
        ),
        "quotes.rule.spread": M(en="spread over the participants", nl="gespreid over de deelnemers"),
        "quotes.rule.longest": M(en="the longest", nl="de langste"),
        "quotes.rule.random": M(en="chosen at random (seed {seed})", nl="willekeurig gekozen (startwaarde {seed})"),
        "quotes.note.context": M(
            en="In grey: up to {count} words of context before and after each quote, from its own speaker turn.",
            nl="In grijs: hoogstens {count} woorden context voor en na elk citaat, uit dezelfde spreekbeurt.",
        ),
        "quotes.note.order": M(
            en="The quotes of each code are ordered by {fields}; quotes without a value come last.",
            nl="De citaten van elke code staan geordend op {fields}; citaten zonder waarde staan achteraan.",
        ),
        "quotes.order.participant": M(en="participant", nl="deelnemer"),
        "quotes.order.document": M(en="document", nl="document"),
        "quotes.attribution.paragraph": M(en="paragraph {number}", nl="alinea {number}"),
        "quotes.shown": M(en="{shown} of {total} quotes", nl="{shown} van {total} citaten"),
        "quotes.coded_by": M(en="coded by {coders}", nl="gecodeerd door {coders}"),
        "quotes.note.sole_coder": M(en="All quotes coded by {coder}.", nl="Alle citaten gecodeerd door {coder}."),
        "quotes.note.merged": M(
            en="A passage that several coders coded alike is quoted once, naming its coders.",
            nl="Een passage die meerdere codeurs gelijk codeerden, staat er één keer in, met hun namen.",
        ),
    }
)

MESSAGES.update(
    {
        "cooccurrence.nested": M(
            en="Grey cells: a code and its own sub-code, left empty because the code contains the sub-code.",
            nl="Grijze cellen: een code met haar eigen subcode, leeg gelaten omdat de code de subcode omvat.",
        ),
    }
)

MESSAGES.update(
    {
        "table.n": M(en="n = {n}", nl="n = {n}"),
        "frequencies.split_columns": M(en="Columns per {split}: {measure}.", nl="Kolommen per {split}: {measure}."),
        "frequencies.split_n": M(
            en="n under a column: the {unit} with that {split}.", nl="n onder een kolom: de {unit} met die {split}."
        ),
        "frequencies.split_share": M(
            en="Percentages in these columns are of their n.", nl="Percentages in deze kolommen zijn van hun n."
        ),
    }
)
