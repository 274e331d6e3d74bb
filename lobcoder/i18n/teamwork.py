"""Words of the team-coding reports: the merge preview, the saved merge report and the CLI."""

from __future__ import annotations

from lobcoder.i18n.message import Message as M

MESSAGES: dict[str, M] = {
    "sample.strata_missed": M(
        en="warning: a {percent} % sample is {count} of {total} documents and has none with {attribute} {values}: "
        "that part of the project is not in the copy (take a larger --sample)",
        nl="waarschuwing: een steekproef van {percent} % is {count} van {total} documenten en heeft er geen met "
        "{attribute} {values}: dat deel van het project zit niet in de kopie (neem een grotere --sample)",
    ),
    "sample.no_value": M(en="(no value)", nl="(geen waarde)"),
    "sample.percent": M(
        en="the sample must be more than 0 and at most 100 %, not {percent} %",
        nl="de steekproef moet meer dan 0 en hoogstens 100 % zijn, niet {percent} %",
    ),
    "copy.wrote_blind": M(
        en="Wrote a blind copy to {path}: {documents}, {codes}",
        nl="Blinde kopie geschreven naar {path}: {documents}, {codes}",
    ),
    "copy.wrote_codings": M(
        en="Wrote a copy with codings to {path}: {documents}, {codes}",
        nl="Kopie met coderingen geschreven naar {path}: {documents}, {codes}",
    ),
    "copy.document": M(en="{count} document", nl="{count} document"),
    "copy.documents": M(en="{count} documents", nl="{count} documenten"),
    "copy.code": M(en="{count} code", nl="{count} code"),
    "copy.codes": M(en="{count} codes", nl="{count} codes"),
    "copy.project_name": M(en="{name} (second coder)", nl="{name} (tweede codeur)"),
    "copy.step.copying": M(en="copying the project", nl="het project kopiëren"),
    "copy.step.trimming": M(
        en="removing what the second coder should not see", nl="weghalen wat de tweede codeur niet mag zien"
    ),
    "copy.step.compacting": M(en="compacting", nl="comprimeren"),
    "copy.step.finishing": M(en="finishing", nl="afronden"),
    "copy.also_wrote": M(en="Also wrote {path}", nl="Ook geschreven: {path}"),
    "copy.stratify_needs_sample": M(en="--stratify needs --sample", nl="--stratify werkt alleen met --sample"),
    "merge.title": M(en="Merge of {source} into this project", nl="Samenvoegen van {source} in dit project"),
    "merge.documents": M(
        en="Documents: {matched} matched, {differs} with a different text, {missing} not in this project",
        nl="Documenten: {matched} gekoppeld, {differs} met een andere tekst, {missing} niet in dit project",
    ),
    "merge.codes": M(en="Codes: {matched} matched, {added} added", nl="Codes: {matched} gekoppeld, {added} toegevoegd"),
    "merge.coders": M(
        en="Coders: {matched} matched, {added} added", nl="Codeurs: {matched} gekoppeld, {added} toegevoegd"
    ),
    "merge.codings": M(
        en="Codings: {added} to add, {matched} already here, {left_out} left out",
        nl="Coderingen: {added} toe te voegen, {matched} al aanwezig, {left_out} niet overgenomen",
    ),
    "merge.memos": M(
        en="Memos: {added} to add, {appended} added to a memo here",
        nl="Memo's: {added} toe te voegen, {appended} aangevuld",
    ),
    "merge.conflicts": M(en="Conflicts and the choice made:", nl="Conflicten en de gemaakte keuze:"),
    "merge.no_conflicts": M(en="No conflicts.", nl="Geen conflicten."),
    "merge.dry_run": M(en="Dry run: nothing changed.", nl="Proefdraai: er is niets veranderd."),
    "merge.applied": M(en="Merged into {project}.", nl="Samengevoegd in {project}."),
    "merge.nothing": M(
        en="Nothing to merge: everything is already in {project}.",
        nl="Niets samen te voegen: alles staat al in {project}.",
    ),
    "merge.notes": M(en="Notes:", nl="Opmerkingen:"),
    "merge.document_list": M(en="Documents:", nl="Documenten:"),
    "merge.matched_by": M(en="{other} = {here} (by {by})", nl="{other} = {here} (op {by})"),
    "merge.differs": M(en="{other}: text differs, left out", nl="{other}: tekst verschilt, niet overgenomen"),
    "merge.missing": M(en="{other}: not here, left out", nl="{other}: niet hier, niet overgenomen"),
    "merge.code_list": M(en="Codes added:", nl="Toegevoegde codes:"),
    "merge.coder_list": M(en="Coders:", nl="Codeurs:"),
    "merge.coder_added": M(en="{name} (added)", nl="{name} (toegevoegd)"),
    "merge.by.content": M(en="content", nl="inhoud"),
    "merge.by.guid": M(en="GUID", nl="GUID"),
    "merge.by.name": M(en="name", nl="naam"),
    "merge.top_level": M(en="at the top level", nl="op het hoogste niveau"),
    "merge.under": M(en="under {parent!r}", nl="onder {parent!r}"),
    "merge.kind.document": M(en="document", nl="document"),
    "merge.kind.code": M(en="code", nl="code"),
    "merge.kind.coding": M(en="coding", nl="codering"),
    # Each conflict names what happened and the choice made.
    "merge.issue.document_text": M(
        en="document {other!r}: its text differs from {here!r} here; its {codings} coding(s) are left out",
        nl="document {other!r}: de tekst verschilt van {here!r} hier; de {codings} codering(en) worden niet "
        "overgenomen",
    ),
    "merge.issue.document_missing": M(
        en="document {other!r}: not in this project (deleted here, or added in the other copy); its {codings} "
        "coding(s) are left out",
        nl="document {other!r}: niet in dit project (hier verwijderd, of in de andere kopie toegevoegd); de "
        "{codings} codering(en) worden niet overgenomen",
    ),
    "merge.issue.code_parent": M(
        en="code {code!r}: in the other project it is {other_parent}; it stays where it is here and "
        "receives its codings",
        nl="code {code!r}: staat in het andere project {other_parent}; blijft hier staan waar hij staat "
        "en krijgt de coderingen",
    ),
    "merge.issue.code_elsewhere": M(
        en="code {code!r}: a code with this name exists under another parent ({here!r}); added as a new code",
        nl="code {code!r}: een code met deze naam staat onder een andere bovencode ({here!r}); toegevoegd als "
        "nieuwe code",
    ),
    "merge.issue.code_renamed": M(
        en="code {here!r} is called {other!r} in the other project; the name here is kept",
        nl="code {here!r} heet {other!r} in het andere project; de naam hier blijft",
    ),
    "merge.issue.coder_name": M(
        en="coder {other!r}: this name is used here by another GUID ({here!r}); treated as the same coder",
        nl="codeur {other!r}: deze naam hoort hier bij een andere GUID ({here!r}); behandeld als dezelfde codeur",
    ),
    "merge.issue.coder_renamed": M(
        en="coder {here!r} is called {other!r} in the other project; the name here is kept",
        nl="codeur {here!r} heet {other!r} in het andere project; de naam hier blijft",
    ),
    "merge.issue.memo_text": M(
        en="{of} memo {target!r}: differs in the two projects; the other text is added below this one",
        nl="memo bij {of} {target!r}: verschilt in de twee projecten; de andere tekst komt onder deze",
    ),
    "merge.issue.project_memo": M(
        en="the project memo differs in the two projects; the other text is added below this one",
        nl="het projectmemo verschilt in de twee projecten; de andere tekst komt onder dit memo",
    ),
    "merge.issue.coding_guids": M(
        en="{count} coding(s) have GUIDs already used here; they get new GUIDs",
        nl="{count} codering(en) hebben een GUID die hier al bestaat; ze krijgen een nieuwe",
    ),
    "merge.issue.coding_twice": M(
        en="{count} coding(s) occur twice in the other project; added once",
        nl="{count} codering(en) staan twee keer in het andere project; één keer toegevoegd",
    ),
}
