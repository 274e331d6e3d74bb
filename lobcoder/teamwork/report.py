"""A merge plan in words, in English or Dutch: for the preview, the CLI and a saved report."""

from __future__ import annotations

from pathlib import Path

from lobcoder.editing.merge_plan import ADDED, MATCHED, MISSING, TEXT_DIFFERS, Issue, MergePlan
from lobcoder.reports.formatting import Language, check_language, write_atomically

# Each conflict names what happened and the choice made.
ISSUES: dict[Language, dict[str, str]] = {
    "en": {
        "document_text": "document {other!r}: its text differs from {here!r} here; its {codings} coding(s) are left out",
        "document_missing": "document {other!r}: not in this project (deleted here, or added in the other copy); "
        "its {codings} coding(s) are left out",
        "code_parent": "code {code!r}: in the other project it is under {other_parent!r}; "
        "it stays where it is here and receives its codings",
        "code_elsewhere": "code {code!r}: a code with this name exists under another parent ({here!r}); "
        "added as a new code",
        "code_renamed": "code {here!r} is called {other!r} in the other project; the name here is kept",
        "coder_name": "coder {other!r}: this name is used here by another GUID ({here!r}); treated as the same coder",
        "coder_renamed": "coder {here!r} is called {other!r} in the other project; the name here is kept",
        "memo_text": "{of} memo {target!r}: differs in the two projects; the other text is added below this one",
        "coding_guids": "{count} coding(s) have GUIDs already used here; they get new GUIDs",
        "coding_twice": "{count} coding(s) occur twice in the other project; added once",
    },
    "nl": {
        "document_text": "document {other!r}: de tekst verschilt van {here!r} hier; de {codings} codering(en) "
        "worden niet overgenomen",
        "document_missing": "document {other!r}: niet in dit project (hier verwijderd, of in de andere kopie "
        "toegevoegd); de {codings} codering(en) worden niet overgenomen",
        "code_parent": "code {code!r}: staat in het andere project onder {other_parent!r}; "
        "blijft hier staan waar hij staat en krijgt de coderingen",
        "code_elsewhere": "code {code!r}: een code met deze naam staat onder een andere bovencode ({here!r}); "
        "toegevoegd als nieuwe code",
        "code_renamed": "code {here!r} heet {other!r} in het andere project; de naam hier blijft",
        "coder_name": "codeur {other!r}: deze naam hoort hier bij een andere GUID ({here!r}); "
        "behandeld als dezelfde codeur",
        "coder_renamed": "codeur {here!r} heet {other!r} in het andere project; de naam hier blijft",
        "memo_text": "memo bij {of} {target!r}: verschilt in de twee projecten; de andere tekst komt onder deze",
        "coding_guids": "{count} codering(en) hebben een GUID die hier al bestaat; ze krijgen een nieuwe",
        "coding_twice": "{count} codering(en) staan twee keer in het andere project; één keer toegevoegd",
    },
}
KINDS = {"en": {}, "nl": {"project": "project", "document": "document", "code": "code", "coding": "codering"}}

WORDS: dict[Language, dict[str, str]] = {
    "en": {
        "title": "Merge of {source} into this project",
        "documents": "Documents: {matched} matched, {differs} with a different text, {missing} not in this project",
        "codes": "Codes: {matched} matched, {added} added",
        "coders": "Coders: {matched} matched, {added} added",
        "codings": "Codings: {added} to add, {matched} already here, {left_out} left out",
        "memos": "Memos: {added} to add, {appended} added to a memo here",
        "conflicts": "Conflicts and the choice made:",
        "no_conflicts": "No conflicts.",
        "notes": "Notes:",
        "document_list": "Documents:",
        "matched_by": "{other} = {here} (by {by})",
        "differs": "{other}: text differs, left out",
        "missing": "{other}: not here, left out",
        "code_list": "Codes added:",
        "coder_list": "Coders:",
        "coder_added": "{name} (added)",
        "coder_matched": "{other} = {here} (by {by})",
        "content": "content",
        "guid": "GUID",
        "name": "name",
    },
    "nl": {
        "title": "Samenvoegen van {source} in dit project",
        "documents": "Documenten: {matched} gekoppeld, {differs} met een andere tekst, {missing} niet in dit project",
        "codes": "Codes: {matched} gekoppeld, {added} toegevoegd",
        "coders": "Codeurs: {matched} gekoppeld, {added} toegevoegd",
        "codings": "Coderingen: {added} toe te voegen, {matched} al aanwezig, {left_out} niet overgenomen",
        "memos": "Memo's: {added} toe te voegen, {appended} aangevuld",
        "conflicts": "Conflicten en de gemaakte keuze:",
        "no_conflicts": "Geen conflicten.",
        "notes": "Opmerkingen:",
        "document_list": "Documenten:",
        "matched_by": "{other} = {here} (op {by})",
        "differs": "{other}: tekst verschilt, niet overgenomen",
        "missing": "{other}: niet hier, niet overgenomen",
        "code_list": "Toegevoegde codes:",
        "coder_list": "Codeurs:",
        "coder_added": "{name} (toegevoegd)",
        "coder_matched": "{other} = {here} (op {by})",
        "content": "inhoud",
        "guid": "GUID",
        "name": "naam",
    },
}


def issue_text(issue: Issue, language: Language = "en") -> str:
    values = dict(issue.values)
    if "of" in values:
        values["of"] = KINDS[language].get(values["of"], values["of"])
    return ISSUES[language][issue.kind].format(**values)


def summary_lines(plan: MergePlan, language: str = "en") -> list[str]:
    """The counts and every conflict: what the preview shows first."""
    lang = check_language(language)
    w = WORDS[lang]
    docs = plan.documents
    lines = [
        w["documents"].format(
            matched=plan.count(docs, MATCHED), differs=plan.count(docs, TEXT_DIFFERS), missing=plan.count(docs, MISSING)
        ),
        w["codes"].format(matched=plan.count(plan.codes, MATCHED), added=plan.count(plan.codes, ADDED)),
        w["coders"].format(matched=plan.count(plan.coders, MATCHED), added=plan.count(plan.coders, ADDED)),
        w["codings"].format(added=len(plan.codings), matched=plan.codings_matched, left_out=plan.codings_left_out),
        w["memos"].format(
            added=sum(m.action == "add" for m in plan.memos), appended=sum(m.action == "append" for m in plan.memos)
        ),
    ]
    return lines


def report_lines(plan: MergePlan, language: str = "en") -> list[str]:
    """The whole report: title, counts, conflicts, notes, then every document, added code and coder."""
    lang = check_language(language)
    w = WORDS[lang]
    lines = [w["title"].format(source=plan.source or plan.other_name), "", *summary_lines(plan, lang), ""]
    if plan.conflicts:
        lines += [w["conflicts"], *(f"- {issue_text(i, lang)}" for i in plan.conflicts)]
    else:
        lines.append(w["no_conflicts"])
    if plan.notes:
        lines += ["", w["notes"], *(f"- {issue_text(i, lang)}" for i in plan.notes)]
    lines += ["", w["document_list"]]
    for doc in plan.documents:
        if doc.status == MATCHED:
            lines.append("- " + w["matched_by"].format(other=doc.other_name, here=doc.name, by=w[doc.matched_by]))
        else:
            lines.append("- " + w["differs" if doc.status == TEXT_DIFFERS else "missing"].format(other=doc.other_name))
    added = [code for code in plan.codes if code.status == ADDED]
    if added:
        lines += ["", w["code_list"], *(f"- {' > '.join(code.path)}" for code in added)]
    if plan.coders:
        lines += ["", w["coder_list"]]
        for coder in plan.coders:
            if coder.status == ADDED:
                lines.append("- " + w["coder_added"].format(name=coder.name))
            else:
                lines.append(
                    "- " + w["coder_matched"].format(other=coder.other_name, here=coder.name, by=w[coder.matched_by])
                )
    return lines


def save_report(plan: MergePlan, path: str | Path, language: str = "en") -> Path:
    """Write the report as UTF-8 text, atomically."""
    text = "\n".join(report_lines(plan, language)) + "\n"
    return write_atomically(path, lambda fh: fh.write(text.encode("utf-8")))
