"""Why an action was refused when no file is to blame: a name not in the project, a choice the action cannot take.

Raised as ``NotFoundError(say("problem.not_found.document", name=name))``; see
:mod:`lobcoder.i18n.said`. Names the researcher typed are shown as they come.
"""

from __future__ import annotations

from lobcoder.i18n.message import Message as M

MESSAGES: dict[str, M] = {
    # Something named is not in the project (NotFoundError).
    "problem.not_found.document": M(
        en="no document named {name!r} in this project", nl="dit project heeft geen document met de naam {name!r}"
    ),
    "problem.not_found.document_gone": M(  # a document a window still lists, by its id
        en="this document is no longer in the project (removed in another window or by another coder?)",
        nl="dit document staat niet meer in het project (verwijderd in een ander venster of door een andere codeur?)",
    ),
    "problem.not_found.document_id": M(en="no document with id {id}", nl="er is geen document met id {id}"),
    "problem.not_found.document_id_here": M(
        en="no document with id {id} in this project", nl="dit project heeft geen document met id {id}"
    ),
    "problem.not_found.speaker": M(
        en="no speaker named {name!r} in this project", nl="dit project heeft geen spreker met de naam {name!r}"
    ),
    "problem.not_found.code": M(en="no code {code!r} in this project", nl="dit project heeft geen code {code!r}"),
    "problem.not_found.code_named": M(
        en="no code named {name!r} in this project", nl="dit project heeft geen code met de naam {name!r}"
    ),
    "problem.not_found.code_id": M(en="no code with id {id}", nl="er is geen code met id {id}"),
    "problem.not_found.code_id_here": M(
        en="no code with id {id} in this project", nl="dit project heeft geen code met id {id}"
    ),
    "problem.not_found.coding": M(
        en="no coding {coding!r} in this project", nl="dit project heeft geen codering {coding!r}"
    ),
    "problem.not_found.attribute": M(
        en="no attribute named {name!r} in this project", nl="dit project heeft geen attribuut met de naam {name!r}"
    ),
    "problem.not_found.rejection": M(en="this rejection no longer exists", nl="deze afwijzing bestaat niet meer"),
    "problem.not_found.attribute_known": M(
        en="no attribute named {name!r} in this project (attributes: {known})",
        nl="dit project heeft geen attribuut met de naam {name!r} (attributen: {known})",
    ),
    "problem.none": M(en="none", nl="geen"),
    # Inter-coder agreement (AgreementProblem).
    "problem.agreement.no_coder": M(
        en="no coder named {name!r} in this project (coders: {known})",
        nl="dit project heeft geen codeur met de naam {name!r} (codeurs: {known})",
    ),
    "problem.agreement.two_coders": M(
        en="agreement needs two coders or more with codings in this project",
        nl="voor overeenstemming zijn in dit project twee of meer codeurs met coderingen nodig",
    ),
    "problem.agreement.threshold": M(
        en="the overlap threshold must be between 0 and 100 %, not {threshold}",
        nl="de drempel voor overlap moet tussen 0 en 100 % liggen, niet {threshold}",
    ),
    "problem.agreement.nothing_coded": M(
        en="no document has been coded by {names}: nothing to compare",
        nl="geen enkel document is gecodeerd door {names}: er is niets te vergelijken",
    ),
    "problem.agreement.disagreements_two": M(
        en="a list of disagreements compares two coders, not {count}: name them with --coders",
        nl="een lijst van verschillen vergelijkt twee codeurs, niet {count}: noem ze met --coders",
    ),
    "problem.agreement.limit": M(
        en="the limit must be 0 or more, not {limit}", nl="de limiet moet 0 of meer zijn, niet {limit}"
    ),
    "problem.agreement.format": M(en="use .docx, .xlsx or .csv", nl="gebruik .docx, .xlsx of .csv"),
    # The research codebook added to a project (CodebookConflictError).
    "problem.builtin.same_guid": M(
        en="the project already has the code {name!r} (same GUID); import the codebook file to merge it instead",
        nl="het project heeft de code {name!r} al (dezelfde GUID); importeer het codeboekbestand om ze samen te voegen",
    ),
    "problem.builtin.same_guids": M(
        en="the project already has the code {name!r} and {more} more (same GUID); "
        "import the codebook file to merge it instead",
        nl="het project heeft de code {name!r} en nog {more} andere al (dezelfde GUID); "
        "importeer het codeboekbestand om ze samen te voegen",
    ),
    "problem.builtin.same_name": M(
        en="the project already has a top-level code named {name!r}",
        nl="het project heeft al een hoofdcode met de naam {name!r}",
    ),
    # Resolving a disagreement between coders.
    "problem.resolve.unknown": M(
        en="unknown resolution {choice!r} (use {choices})", nl="onbekende beslissing {choice!r} (gebruik {choices})"
    ),
    "problem.resolve.recode_target": M(
        en="recoding needs another code to put in place of the disputed one",
        nl="voor hercoderen is een andere code nodig die de betwiste code vervangt",
    ),
    # A pseudonymised export without anything to replace.
    "problem.pseudonymise.no_decisions": M(
        en="no accepted pseudonymisation decisions; review them first (File → Pseudonymise…)",
        nl="geen geaccepteerde pseudonimiseringsbesluiten; beoordeel ze eerst (Bestand → Pseudonimiseren…)",
    ),
    # Backups and keyword files named on the command line.
    "problem.backup.missing_see_list": M(
        en="no such backup (see `lobcoder backup list`)",
        nl="deze reservekopie bestaat niet (zie `lobcoder backup list`)",
    ),
    "problem.backup.not_made": M(en="no backup made: {reason}", nl="geen reservekopie gemaakt: {reason}"),
    "problem.keywords.not_json": M(
        en="cannot be read as JSON ({reason})", nl="kan niet als JSON worden gelezen ({reason})"
    ),
    "problem.keywords.not_object": M(
        en="should hold one JSON object: {example}", nl="moet één JSON-object bevatten: {example}"
    ),
}

# Options of ``lobcoder report`` that do not fit together or name nothing in the project.
MESSAGES.update(
    {
        "problem.cli.split_by_count": M(
            en="report frequencies: --split-by takes at most two attributes (e.g. school,ronde)",
            nl="report frequencies: --split-by neemt hoogstens twee attributen (bijv. school,ronde)",
        ),
        "problem.cli.split_by_twice": M(
            en="report frequencies: --split-by names {name} twice; give two attributes (e.g. school,ronde)",
            nl="report frequencies: --split-by noemt {name} twee keer; geef twee attributen (bijv. school,ronde)",
        ),
        "problem.cli.within": M(en="--within needs --unit paragraph", nl="--within werkt alleen met --unit paragraph"),
        "problem.cli.participants_codes": M(
            en="--participants needs the codes to count: --codes NAME",
            nl="--participants heeft de codes nodig die geteld worden: --codes NAAM",
        ),
        "problem.cli.percent_participants": M(
            en="--percent does not apply to --participants", nl="--percent geldt niet voor --participants"
        ),
        "problem.cli.format_needs_out": M(
            en="--format {format} needs --out FILE", nl="--format {format} werkt alleen met --out BESTAND"
        ),
        "problem.cli.report_format": M(
            en="{path}: use .docx, .xlsx, .csv or .json, or name the format with --format",
            nl="{path}: gebruik .docx, .xlsx, .csv of .json, of noem het formaat met --format",
        ),
        "problem.cli.filter_syntax": M(
            en="--filter {condition!r}: expected ATTR=VALUE, e.g. wave=1",
            nl="--filter {condition!r}: verwacht werd ATTRIBUUT=WAARDE, bijvoorbeeld golf=1",
        ),
        "problem.cli.no_value": M(
            en="attribute {attribute!r} has no value {value!r} (values: {values})",
            nl="attribuut {attribute!r} heeft geen waarde {value!r} (waarden: {values})",
        ),
        "problem.cli.no_coder": M(
            en="no coder named {name!r} (coders: {known})",
            nl="er is geen codeur met de naam {name!r} (codeurs: {known})",
        ),
        "problem.cli.code_ambiguous": M(
            en="{name!r} names {count} codes; give the path, e.g. {path!r}",
            nl="{name!r} is de naam van {count} codes; geef het pad, bijvoorbeeld {path!r}",
        ),
    }
)

# An attribute sheet: a cell that cannot be used, or a project that changed after the sheet was planned.
MESSAGES.update(
    {
        "problem.cell.no_key": M(en="has no key value; row skipped", nl="heeft geen sleutelwaarde; rij overgeslagen"),
        "problem.cell.no_participant": M(
            en="has no participant to belong to: {document!r} is not linked to one",
            nl="heeft geen deelnemer om bij te horen: {document!r} is aan geen deelnemer gekoppeld",
        ),
        "problem.cell.thousands": M(
            en="uses a thousands separator; write the number without it",
            nl="gebruikt een scheidingsteken voor duizendtallen; schrijf het getal zonder",
        ),
        "problem.cell.not_number": M(en="not a number", nl="geen getal"),
        "problem.cell.ambiguous_number": M(
            en="ambiguous: could be a decimal or a thousands separator; write e.g. 1500 or 1,5",
            nl="dubbelzinnig: kan een decimaalteken of een scheidingsteken voor duizendtallen zijn; "
            "schrijf bijvoorbeeld 1500 of 1,5",
        ),
        "problem.cell.not_date": M(
            en="not a date (use 2023-03-14 or 14-03-2023)", nl="geen datum (gebruik 2023-03-14 of 14-03-2023)"
        ),
        "problem.cell.no_such_date": M(en="no such date ({reason})", nl="deze datum bestaat niet ({reason})"),
        "problem.sheet.outdated": M(
            en="{what} since the sheet was planned; plan it again",
            nl="{what} sinds het werkblad werd ingelezen; lees het opnieuw in",
        ),
        "problem.sheet.participant_deleted": M(
            en="participant {name!r} deleted", nl="deelnemer {name!r} is verwijderd"
        ),
        "problem.sheet.attribute_retyped": M(
            en="attribute {name!r} changed to type {type}", nl="het type van attribuut {name!r} is veranderd in {type}"
        ),
        "problem.sheet.documents_deleted.one": M(en="document {names} deleted", nl="document {names} verwijderd"),
        "problem.sheet.documents_deleted.many": M(en="documents {names} deleted", nl="documenten {names} verwijderd"),
    }
)

# Actions the project's state does not allow (Refused): names that are empty or taken, moves into oneself.
MESSAGES.update(
    {
        "problem.refused.other_speaker": M(
            en="choose at least one other speaker", nl="kies ten minste één andere spreker"
        ),
        "problem.refused.speaker_back": M(
            en="a speaker named {name!r} exists again; this cannot be undone",
            nl="er bestaat weer een spreker met de naam {name!r}; dit kan niet ongedaan worden gemaakt",
        ),
        "problem.refused.no_turns_here": M(
            en="{name!r} has no turns in this document", nl="{name!r} heeft geen beurten in dit document"
        ),
        "problem.refused.no_uncoded_turns": M(
            en="there are no uncoded turns of these speakers",
            nl="deze sprekers hebben geen beurten die nog niet gecodeerd zijn",
        ),
        "problem.refused.speaker_empty": M(
            en="a speaker's name cannot be empty", nl="de naam van een spreker mag niet leeg zijn"
        ),
        "problem.refused.speaker_long": M(
            en="a speaker's name can be at most 200 characters",
            nl="de naam van een spreker mag hoogstens 200 tekens lang zijn",
        ),
        "problem.refused.speaker_exists": M(
            en="a speaker named {name!r} already exists; merge the two speakers instead",
            nl="er bestaat al een spreker met de naam {name!r}; voeg de twee sprekers samen",
        ),
        "problem.refused.speaker_has_turns": M(
            en="speaker {name!r} still has turns", nl="spreker {name!r} heeft nog beurten"
        ),
        "problem.refused.code_name": M(en="a code needs a name", nl="een code heeft een naam nodig"),
        "problem.refused.code_exists": M(
            en="there is already a code named {name!r} at this level",
            nl="op dit niveau is er al een code met de naam {name!r}",
        ),
        "problem.refused.code_into_itself": M(
            en="a code cannot be moved into itself or one of its sub-codes",
            nl="een code kan niet in zichzelf of in een van haar subcodes worden geplaatst",
        ),
        "problem.refused.merge_itself": M(
            en="a code cannot be merged into itself", nl="een code kan niet met zichzelf worden samengevoegd"
        ),
        "problem.refused.merge_sub_code": M(
            en="a code cannot be merged into one of its own sub-codes",
            nl="een code kan niet worden samengevoegd met een van haar eigen subcodes",
        ),
        "problem.refused.document_name": M(
            en="a document name cannot be empty", nl="de naam van een document mag niet leeg zijn"
        ),
        "problem.refused.document_name_long": M(
            en="a document name can have at most {limit} characters",
            nl="de naam van een document mag hoogstens {limit} tekens hebben",
        ),
        "problem.refused.remove_without_backup": M(
            en="nothing removed: the backup before removing could not be made ({reason})",
            nl="niets verwijderd: de reservekopie vóór het verwijderen kon niet worden gemaakt ({reason})",
        ),
        "problem.refused.document_exists": M(
            en="a document named {name!r} already exists", nl="er bestaat al een document met de naam {name!r}"
        ),
        "problem.refused.memo_gone.document": M(
            en="the document of this memo no longer exists", nl="het document van dit memo bestaat niet meer"
        ),
        "problem.refused.memo_gone.code": M(
            en="the code of this memo no longer exists", nl="de code van dit memo bestaat niet meer"
        ),
        "problem.refused.memo_gone.coding": M(
            en="the coding of this memo no longer exists", nl="de codering van dit memo bestaat niet meer"
        ),
        "problem.refused.participant_name": M(
            en="a participant name cannot be empty", nl="de naam van een deelnemer mag niet leeg zijn"
        ),
    }
)

# A speaker pattern typed in the import dialog or given with --speaker-pattern; a codebook without codes.
MESSAGES.update(
    {
        "problem.pattern.invalid": M(
            en="Invalid speaker pattern {regex!r}: {reason}", nl="Ongeldig sprekerpatroon {regex!r}: {reason}"
        ),
        "problem.pattern.no_group": M(
            en="Speaker pattern {regex!r} needs a named group (?P<speaker>...) for the speaker's name",
            nl="Sprekerpatroon {regex!r} heeft een benoemde groep (?P<speaker>...) nodig voor de naam van de spreker",
        ),
        "problem.qdc.no_codes": M(
            en="the codebook has no codes; a .qdc file needs at least one",
            nl="het codeboek heeft geen codes; een .qdc-bestand heeft er minstens één nodig",
        ),
    }
)

# An import whose prepared search index vanished; an evaluation without enough codings.
MESSAGES.update(
    {
        "problem.index_gone": M(
            en="the search index prepared for this text was removed meanwhile; import it again",
            nl="de zoekindex die voor deze tekst was voorbereid, is intussen verwijderd; importeer de tekst opnieuw",
        ),
        "problem.evaluation.two_documents": M(
            en="evaluating suggestions needs codings in at least two documents",
            nl="voor het beoordelen van suggesties zijn coderingen in ten minste twee documenten nodig",
        ),
    }
)
