"""What a REFI-QDA import (.qdc codebook, .qdpx project) repaired or left out, and what a .qdpx export changed.

Noted as ``say("note.source_text_missing", label=say("note.label.source", name=name))``;
the GUI words them in the interface language, the CLI and JSON in English.
Names from the file are shown as they come.
"""

from __future__ import annotations

from lobcoder.i18n.message import Message as M

MESSAGES: dict[str, M] = {
    # What a note is about.
    "note.label.code": M(en="code {name!r}", nl="code {name!r}"),
    "note.label.set": M(en="set {name!r}", nl="codeset {name!r}"),
    "note.label.user": M(en="user {name}", nl="gebruiker {name}"),
    "note.label.variable": M(en="variable {name!r}", nl="variabele {name!r}"),
    "note.label.case": M(en="case {name!r}", nl="casus {name!r}"),
    "note.label.source": M(en="source {name}", nl="bron {name}"),
    "note.label.coding_in": M(en="a coding in {name}", nl="een codering in {name}"),
    "note.label.note": M(en="note {name}", nl="notitie {name}"),
    "note.none": M(en="(none)", nl="(geen)"),
    # Codes and sets (.qdc and the codebook of a .qdpx).
    "note.guid.duplicate": M(
        en="{label}: GUID {value!r} is a duplicate; given a new one",
        nl="{label}: GUID {value!r} komt dubbel voor; vervangen door een nieuwe",
    ),
    "note.guid.invalid": M(
        en="{label}: GUID {value!r} is missing or not a GUID; given a new one",
        nl="{label}: GUID {value!r} ontbreekt of is geen GUID; vervangen door een nieuwe",
    ),
    "note.guid.twice": M(
        en="{label}: GUID {value} is used twice; given a new one",
        nl="{label}: GUID {value} wordt twee keer gebruikt; vervangen door een nieuwe",
    ),
    "note.unnamed_code": M(en="a code without a name was called {name!r}", nl="een code zonder naam heet nu {name!r}"),
    "note.bad_colour": M(
        en="code {name!r}: colour {colour!r} is not #RRGGBB; a default is used",
        nl="code {name!r}: kleur {colour!r} is geen #RRGGBB; de standaardkleur wordt gebruikt",
    ),
    "note.set_member": M(
        en="set {name!r}: member {guid!r} is not a code in this file; dropped",
        nl="codeset {name!r}: lid {guid!r} is geen code in dit bestand; weggelaten",
    ),
    "note.qdc_namespace": M(
        en="namespace {namespace!r} is not {expected!r}; read as a REFI-QDA codebook anyway",
        nl="naamruimte {namespace!r} is niet {expected!r}; toch gelezen als REFI-QDA-codeboek",
    ),
    "note.no_codes": M(en="the file has no codes", nl="het bestand bevat geen codes"),
    "note.no_codes_empty": M(
        en="the file has no codes (an empty <Codes/>)", nl="het bestand bevat geen codes (een lege <Codes/>)"
    ),
    "note.atlas_split": M(
        en="{count} code name(s) with '::' (ATLAS.ti style) were made into sub-codes",
        nl="{count} codenaam/-namen met '::' (zoals in ATLAS.ti) zijn subcodes geworden",
    ),
    "note.empty_sets": M(
        en="an empty <Sets/> was ignored (the REFI-QDA schema does not allow it)",
        nl="een lege <Sets/> is genegeerd (het REFI-QDA-schema staat die niet toe)",
    ),
    "note.colours_repaired": M(
        en="{count} colour(s) written without '#' or in short form were repaired",
        nl="{count} kleur(en) zonder '#' of in korte vorm zijn hersteld",
    ),
    "note.code_renamed": M(
        en="code {wanted!r}: another code at the same level has this name; renamed {name!r}",
        nl="code {wanted!r}: een andere code op hetzelfde niveau heeft deze naam; hernoemd tot {name!r}",
    ),
    "note.name_shortened": M(
        en="the {field} of {label} had {length} characters; shortened to {limit}",
        nl="de {field} van {label} had {length} tekens; ingekort tot {limit}",
    ),
    "note.not_codable": M(
        en="{count} code(s) not meant for coding (groups) are ordinary codes here",
        nl="{count} code(s) die niet voor coderen bedoeld waren (groepen), zijn hier gewone codes",
    ),
    # The project file (.qdpx) and its parts.
    "note.qde_namespace": M(
        en="project.qde uses namespace {namespace!r}; read as REFI-QDA anyway",
        nl="project.qde gebruikt naamruimte {namespace!r}; toch gelezen als REFI-QDA",
    ),
    "note.sets_dropped": M(
        en="{count} set(s) not imported: lobcoder has no sets",
        nl="{count} codeset(s) niet geïmporteerd: lobcoder kent geen codesets",
    ),
    "note.graphs_dropped": M(en="{count} graph(s) not imported", nl="{count} diagram(men) niet geïmporteerd"),
    "note.links_dropped": M(
        en="{count} link(s) not imported: lobcoder keeps only links from notes",
        nl="{count} koppeling(en) niet geïmporteerd: lobcoder bewaart alleen koppelingen vanuit notities",
    ),
    "note.text_unreadable": M(en="{label}: {problem}; not imported", nl="{label}: {problem}; niet geïmporteerd"),
    "note.not_utf8": M(
        en="{label}: text is not UTF-8; read as {encoding}",
        nl="{label}: de tekst is geen UTF-8; gelezen als {encoding}",
    ),
    "note.case_selections": M(
        en="case {name}: {count} selection reference(s) linked as whole documents",
        nl="casus {name}: {count} verwijzing(en) naar selecties gekoppeld als hele documenten",
    ),
    "note.two_cases": M(
        en="source {name}: belongs to cases {first!r} and {second!r}; linked to {first!r} only",
        nl="bron {name}: hoort bij de casussen {first!r} en {second!r}; alleen aan {first!r} gekoppeld",
    ),
    "note.variable_datetime": M(
        en="variable {name!r}: date and time; only the date was kept",
        nl="variabele {name!r}: datum en tijd; alleen de datum is bewaard",
    ),
    "note.variable_boolean": M(
        en="variable {name!r}: true/false values kept as a category",
        nl="variabele {name!r}: waar/onwaar-waarden bewaard als categorie",
    ),
    "note.variable_unknown": M(
        en="variable {name!r}: unknown type {type!r}; kept as text",
        nl="variabele {name!r}: onbekend type {type!r}; bewaard als tekst",
    ),
    "note.value_undeclared": M(
        en="{label}: a value of an undeclared variable was skipped",
        nl="{label}: een waarde van een niet-gedeclareerde variabele is overgeslagen",
    ),
    "note.value_wrong_type": M(
        en="{label}: value {value!r} of {name!r} is not a {type}",
        nl="{label}: waarde {value!r} van {name!r} is geen {type}",
    ),
    "note.type.text": M(en="text", nl="tekst"),
    "note.type.number": M(en="number", nl="getal"),
    "note.type.date": M(en="date", nl="datum"),
    "note.type.category": M(en="category", nl="categorie"),
    # Sources and their selections.
    "note.selection_invalid": M(
        en="source {name}: a selection without valid positions was skipped",
        nl="bron {name}: een selectie zonder geldige posities is overgeslagen",
    ),
    "note.selection_reversed": M(
        en="source {name}: a selection with its start after its end was turned around",
        nl="bron {name}: een selectie waarvan het begin na het einde lag, is omgedraaid",
    ),
    "note.source_unknown_type": M(
        en="source {name}: unknown source type <{tag}>, not imported",
        nl="bron {name}: onbekend brontype <{tag}>, niet geïmporteerd",
    ),
    "note.source_text_of_media": M(
        en="source {name}: its {kind} was imported as document {document!r}",
        nl="bron {name}: de {kind} is geïmporteerd als document {document!r}",
    ),
    "note.text_kind.pdf": M(en="PDF text", nl="pdf-tekst"),
    "note.text_kind.transcript": M(en="transcript", nl="uitgeschreven tekst"),
    "note.media_unsupported": M(
        en="source {name}: {kind} sources are not supported, not imported",
        nl="bron {name}: bronnen van het type {kind} worden niet ondersteund, niet geïmporteerd",
    ),
    "note.media_missing": M(
        en="source {name}: media file missing, not imported",
        nl="bron {name}: mediabestand ontbreekt, niet geïmporteerd",
    ),
    "note.media_selections": M(
        en="source {name}: {count} {kind} selection(s) not imported",
        nl="bron {name}: {count} selectie(s) in {kind} niet geïmporteerd",
    ),
    "note.media.pdf": M(en="PDF", nl="pdf"),
    "note.media.picture": M(en="picture", nl="afbeelding"),
    "note.media.audio": M(en="audio", nl="audio"),
    "note.media.video": M(en="video", nl="video"),
    "note.source_text_missing": M(
        en="source {name}: text file missing, not imported", nl="bron {name}: tekstbestand ontbreekt, niet geïmporteerd"
    ),
    "note.source_text_missing_lost": M(
        en="source {name}: text file missing, not imported ({count} selection(s) lost)",
        nl="bron {name}: tekstbestand ontbreekt, niet geïmporteerd ({count} selectie(s) verloren)",
    ),
    "note.positions_converted": M(
        en="source {name}: positions counted in {counting}; converted",
        nl="bron {name}: posities geteld in {counting}; omgerekend",
    ),
    "note.positions_ambiguous": M(
        en="source {name}: positions could be counted in several ways; read as code points",
        nl="bron {name}: de posities kunnen op meer manieren geteld zijn; gelezen als codepunten",
    ),
    "note.counting.code_points": M(en="code points (the standard)", nl="codepunten (de standaard)"),
    "note.counting.crlf_one": M(
        en="characters with a CRLF line break counted once (ATLAS.ti)",
        nl="tekens, met een CRLF-regeleinde als één geteld (ATLAS.ti)",
    ),
    "note.counting.utf16": M(en="UTF-16 units (NVivo)", nl="UTF-16-eenheden (NVivo)"),
    "note.counting.utf16_crlf_one": M(
        en="UTF-16 units with a CRLF line break counted once",
        nl="UTF-16-eenheden, met een CRLF-regeleinde als één geteld",
    ),
    "note.whole_source": M(
        en="source {name}: codes applied to the whole source now code its whole text",
        nl="bron {name}: codes op de hele bron coderen nu de hele tekst",
    ),
    "note.dropped.outside": M(
        en="source {name}: {count} selections lie outside the text; not imported",
        nl="bron {name}: {count} selecties liggen buiten de tekst; niet geïmporteerd",
    ),
    "note.dropped.uncoded": M(
        en="source {name}: {count} selections have no code (lobcoder keeps only coded passages); not imported",
        nl="bron {name}: {count} selecties hebben geen code (lobcoder bewaart alleen gecodeerde "
        "passages); niet geïmporteerd",
    ),
    "note.dropped.unknown": M(
        en="source {name}: {count} codings refer to codes that are not in the codebook; not imported",
        nl="bron {name}: {count} coderingen verwijzen naar codes die niet in het codeboek staan; niet geïmporteerd",
    ),
    # Notes (memos).
    "note.note_no_file": M(
        en="note {name}: its text file is missing, not imported",
        nl="notitie {name}: het tekstbestand ontbreekt, niet geïmporteerd",
    ),
    "note.note_empty": M(
        en="note {name}: it is empty, not imported", nl="notitie {name}: die is leeg, niet geïmporteerd"
    ),
    "note.note_copied": M(
        en="note {name}: attached to {count} items; copied to each",
        nl="notitie {name}: hoort bij {count} onderdelen; naar elk gekopieerd",
    ),
    "note.merged.project": M(
        en="{count} notes on the project or nothing in particular merged into one memo (lobcoder keeps one memo each)",
        nl="{count} notities over het project of over niets in het bijzonder zijn samengevoegd "
        "tot één memo (lobcoder bewaart één memo per onderdeel)",
    ),
    "note.merged.document": M(
        en="{count} notes on the same document merged into one memo (lobcoder keeps one memo each)",
        nl="{count} notities over hetzelfde document zijn samengevoegd tot één memo "
        "(lobcoder bewaart één memo per onderdeel)",
    ),
    "note.merged.code": M(
        en="{count} notes on the same code merged into one memo (lobcoder keeps one memo each)",
        nl="{count} notities over dezelfde code zijn samengevoegd tot één memo "
        "(lobcoder bewaart één memo per onderdeel)",
    ),
    "note.merged.coding": M(
        en="{count} notes on the same coding merged into one memo (lobcoder keeps one memo each)",
        nl="{count} notities over dezelfde codering zijn samengevoegd tot één memo "
        "(lobcoder bewaart één memo per onderdeel)",
    ),
}

# Importing a codebook into a project: why a code of the file is skipped, and what the plan leaves out.
MESSAGES.update(
    {
        "note.conflict.parent": M(en="its parent code is conflicting", nl="de bovenliggende code is in conflict"),
        "note.conflict.duplicate_path": M(
            en="the file has more than one code with this name path",
            nl="het bestand heeft meer dan één code met dit naampad",
        ),
        "note.conflict.guid_and_name": M(
            en="its GUID belongs to code {by_guid!r}, but its name path is code {by_name!r}",
            nl="de GUID hoort bij code {by_guid!r}, maar het naampad is dat van code {by_name!r}",
        ),
        "note.conflict.rename_clash": M(
            en="renaming {name!r} would clash with its sibling {sibling!r}",
            nl="{name!r} hernoemen zou botsen met de code {sibling!r} op hetzelfde niveau",
        ),
        "note.conflict.claimed": M(
            en="its name path is code {name!r}, which another code in the file claims by GUID",
            nl="het naampad is dat van code {name!r}, die een andere code in het bestand via de GUID claimt",
        ),
    }
)

# Exporting a .qdpx: what had to be changed to fit the file (the export report's notes).
MESSAGES.update(
    {
        "note.speaker_marks": M(
            en="speakers: kept for lobcoder (turns, names and interviewer marks in lobcoder/turns.jsonl); "
            "ATLAS.ti/MAXQDA/NVivo do not read speakers, so there the interviewer marks of {names} are lost",
            nl="sprekers: bewaard voor lobcoder (beurten, namen en interviewermarkeringen in lobcoder/turns.jsonl); "
            "ATLAS.ti/MAXQDA/NVivo lezen geen sprekers, dus daar gaat de interviewermarkering van {names} verloren",
        ),
        "note.xml_replaced": M(
            en="{label}: characters that XML cannot hold were replaced by \ufffd",
            nl="{label}: tekens die XML niet kan bevatten, zijn vervangen door \ufffd",
        ),
        "note.label.project_name": M(en="project name", nl="projectnaam"),
        "note.label.coder": M(en="coder {name!r}", nl="codeur {name!r}"),
        "note.label.attribute": M(en="attribute {name!r}", nl="attribuut {name!r}"),
        "note.label.attribute_value": M(en="value of attribute {name!r}", nl="waarde van attribuut {name!r}"),
        "note.label.participant": M(en="participant {name!r}", nl="deelnemer {name!r}"),
        "note.label.participant_description": M(
            en="description of participant {name!r}", nl="beschrijving van deelnemer {name!r}"
        ),
        "note.label.document": M(en="document {name!r}", nl="document {name!r}"),
        "note.label.selection_in": M(en="a selection in {name!r}", nl="een selectie in {name!r}"),
        "note.label.memo_title": M(en="a memo title", nl="een memotitel"),
        "note.label.memo": M(en="memo {name}", nl="memo {name}"),
    }
)

# Importing a .qdpx: lobcoder's speaker turns (refi/turns_member.py) used, or why not.
MESSAGES.update(
    {
        "note.turns_member.ignored": M(
            en="{file}: {member} ignored ({problem}); speaker turns were found in the texts again",
            nl="{file}: {member} genegeerd ({problem}); de sprekersbeurten zijn opnieuw in de teksten gezocht",
        ),
        "note.turns_member.absent": M(
            en="{file} was written by an older lobcoder without speaker information; speaker turns were found in "
            "the texts again and only the usual interviewer labels are marked as interviewer",
            nl="{file} is gemaakt door een oudere lobcoder zonder sprekersinformatie; de sprekersbeurten zijn "
            "opnieuw in de teksten gezocht en alleen de gebruikelijke interviewerlabels zijn als interviewer gemarkeerd",
        ),
        "note.turns_member.missing": M(
            en="source {name}: not in lobcoder/turns.jsonl; its speaker turns were found in the text again",
            nl="bron {name}: staat niet in lobcoder/turns.jsonl; de sprekersbeurten zijn opnieuw in de tekst gezocht",
        ),
        "note.turns_member.changed": M(
            en="source {name}: the text differs from the one lobcoder/turns.jsonl was written for; "
            "its speaker turns were found in the text again",
            nl="bron {name}: de tekst verschilt van die waarvoor lobcoder/turns.jsonl is geschreven; "
            "de sprekersbeurten zijn opnieuw in de tekst gezocht",
        ),
        "note.turns_member.spans": M(
            en="source {name}: lobcoder/turns.jsonl has turns outside the text, overlapping or out of order; "
            "its speaker turns were found in the text again",
            nl="bron {name}: lobcoder/turns.jsonl heeft beurten buiten de tekst, overlappend of in de verkeerde "
            "volgorde; de sprekersbeurten zijn opnieuw in de tekst gezocht",
        ),
        "note.turns_member.named": M(
            en="source {name}: the speakers found again took their names and interviewer marks from "
            "lobcoder/turns.jsonl ({speakers})",
            nl="bron {name}: de opnieuw gevonden sprekers kregen hun namen en interviewermarkeringen uit "
            "lobcoder/turns.jsonl ({speakers})",
        ),
        "note.turns_member.timed": M(
            en="source {name}: {kept} of {timed} turns with a time kept it (their words are unchanged)",
            nl="bron {name}: {kept} van de {timed} beurten met een tijd hielden die (hun woorden zijn ongewijzigd)",
        ),
        "note.turns_member.why.json": M(en="not valid JSON", nl="geen geldige JSON"),
        "note.turns_member.why.format": M(en="not lobcoder speaker turns", nl="geen sprekersbeurten van lobcoder"),
        "note.turns_member.why.version": M(
            en="version {version}; this lobcoder reads version {known}",
            nl="versie {version}; deze lobcoder leest versie {known}",
        ),
        "note.turns_member.why.size": M(en="larger than {size} MB", nl="groter dan {size} MB"),
        "note.turns_member.why.speakers": M(
            en="a speaker is not described properly", nl="een spreker is onjuist beschreven"
        ),
        "note.turns_member.why.speaker_twice": M(
            en="speaker {name!r} is listed twice", nl="spreker {name!r} staat er twee keer in"
        ),
        "note.turns_member.why.sources": M(
            en="a source is not described properly", nl="een bron is onjuist beschreven"
        ),
        "note.turns_member.why.turn": M(en="a turn is not described properly", nl="een beurt is onjuist beschreven"),
    }
)
