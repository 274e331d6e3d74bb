"""A merge plan in words, in English or Dutch: for the preview, the CLI and a saved report.

The words come from the core's catalogue (``lobcoder.i18n.teamwork``); names of
documents, codes and coders are the researcher's and are never translated.
"""

from __future__ import annotations

from pathlib import Path

from lobcoder.editing.merge_plan import ADDED, MATCHED, MISSING, TEXT_DIFFERS, Issue, MergePlan
from lobcoder.i18n import check_language, message
from lobcoder.storage.atomic_file import write_atomically


def issue_text(issue: Issue, language: str = "en") -> str:
    """One conflict or note, with the choice made."""
    values = dict(issue.values)
    if issue.kind == "memo_text" and values["of"] == "project":
        return message("merge.issue.project_memo", language)
    if "of" in values:
        values["of"] = message(f"merge.kind.{values['of']}", language)
    if "other_parent" in values:
        parent = values["other_parent"]
        values["other_parent"] = (
            message("merge.under", language, parent=parent) if parent else message("merge.top_level", language)
        )
    return message(f"merge.issue.{issue.kind}", language, **values)


def summary_lines(plan: MergePlan, language: str = "en") -> list[str]:
    """The counts: what the preview shows first."""
    lang = check_language(language)
    docs = plan.documents
    return [
        message(
            "merge.documents",
            lang,
            matched=plan.count(docs, MATCHED),
            differs=plan.count(docs, TEXT_DIFFERS),
            missing=plan.count(docs, MISSING),
        ),
        message("merge.codes", lang, matched=plan.count(plan.codes, MATCHED), added=plan.count(plan.codes, ADDED)),
        message("merge.coders", lang, matched=plan.count(plan.coders, MATCHED), added=plan.count(plan.coders, ADDED)),
        message(
            "merge.codings", lang, added=len(plan.codings), matched=plan.codings_matched, left_out=plan.codings_left_out
        ),
        message(
            "merge.memos",
            lang,
            added=sum(m.action == "add" for m in plan.memos),
            appended=sum(m.action == "append" for m in plan.memos),
        ),
    ]


def report_lines(plan: MergePlan, language: str = "en") -> list[str]:
    """The whole report: title, counts, conflicts, notes, then every document, added code and coder."""
    lang = check_language(language)
    lines = [message("merge.title", lang, source=plan.source or plan.other_name), "", *summary_lines(plan, lang), ""]
    if plan.conflicts:
        lines += [message("merge.conflicts", lang), *(f"- {issue_text(i, lang)}" for i in plan.conflicts)]
    else:
        lines.append(message("merge.no_conflicts", lang))
    if plan.notes:
        lines += ["", message("merge.notes", lang), *(f"- {issue_text(i, lang)}" for i in plan.notes)]
    lines += ["", message("merge.document_list", lang)]
    for doc in plan.documents:
        if doc.status == MATCHED:
            by = message(f"merge.by.{doc.matched_by}", lang)
            lines.append("- " + message("merge.matched_by", lang, other=doc.other_name, here=doc.name, by=by))
        else:
            key = "merge.differs" if doc.status == TEXT_DIFFERS else "merge.missing"
            lines.append("- " + message(key, lang, other=doc.other_name))
    added = [code for code in plan.codes if code.status == ADDED]
    if added:
        lines += ["", message("merge.code_list", lang), *(f"- {' > '.join(code.path)}" for code in added)]
    if plan.coders:
        lines += ["", message("merge.coder_list", lang)]
        for coder in plan.coders:
            if coder.status == ADDED:
                lines.append("- " + message("merge.coder_added", lang, name=coder.name))
            else:
                by = message(f"merge.by.{coder.matched_by}", lang)
                lines.append("- " + message("merge.matched_by", lang, other=coder.other_name, here=coder.name, by=by))
    return lines


def save_report(plan: MergePlan, path: str | Path, language: str = "en") -> Path:
    """Write the report as UTF-8 text, atomically."""
    text = "\n".join(report_lines(plan, language)) + "\n"
    return write_atomically(path, lambda fh: fh.write(text.encode("utf-8")))
