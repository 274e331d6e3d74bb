"""The disagreements of two coders as a list for reports: where, which code, who coded it and who not, the text.

Built on :func:`lobcoder.agreement.disagreements.disagreements` (what the
window's disagreement browser lists), read one document at a time: a row's
*paragraph* is the 1-based number of the non-blank line its unit starts in
(as quotes count them), its *speaker* that of the first speaker turn the unit
touches. Rows are in document order, then by place in the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from lobcoder.agreement.compute import AgreementProblem, coder_ids
from lobcoder.agreement.disagreements import Disagreement, disagreements
from lobcoder.agreement.overlap import DEFAULT_THRESHOLD
from lobcoder.agreement.units import AgreementUnit
from lobcoder.analysis.dataset import Dataset, TurnInfo
from lobcoder.analysis.table import Format, Table, TableRow, Value
from lobcoder.analysis.units import paragraphs, turn_spans
from lobcoder.i18n import Language, check_language, message
from lobcoder.i18n.said import say

TEXT_LENGTH = 160  # characters of a unit's text shown; longer texts end in "…"
# The columns of the table (not compact), in order: what a caller reading its rows by position may rely on.
COLUMN_KEYS = ("paragraph", "characters", "speaker", "code", "coded_by", "not_coded_by", "text")


@dataclass(frozen=True)
class ListedDisagreement:
    """One disagreement: a unit ``[start, end)`` of a document where one coder applied ``code`` and the other not.

    ``partly`` names a coder who coded the code over part of the unit without
    it counting (segment overlap below the threshold); such a coder is also
    in ``not_coded_by``.
    """

    document: str
    start: int
    end: int
    paragraph: int
    speaker: str | None
    code: str
    coded_by: tuple[str, ...]
    not_coded_by: tuple[str, ...]
    partly: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class DisagreementList:
    """The listed disagreements (at most ``limit``) of ``total`` between two coders."""

    coders: tuple[str, str]
    unit: AgreementUnit
    rows: tuple[ListedDisagreement, ...]
    total: int
    code: str | None = None


def shorten(text: str, length: int = TEXT_LENGTH) -> str:
    """White space made single spaces, cut at a word with "…" past ``length`` characters."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length)
    return text[: cut if cut > length // 2 else length - 1].rstrip() + "…"


def _who(item: Disagreement, coders: tuple[str, str]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Who coded the unit with the code, who did not, and who only in part (segment overlap)."""
    spans = (item.first, item.second)
    unit = (item.start, item.end)
    exact = [unit in found for found in spans]
    if not any(exact):  # a text unit: the coder whose codings touch it has the code there
        exact = [bool(found) for found in spans]
    coded = tuple(name for name, has in zip(coders, exact, strict=True) if has)
    lacking = tuple(name for name, has in zip(coders, exact, strict=True) if not has)
    partly = tuple(name for name, has, found in zip(coders, exact, spans, strict=True) if not has and found)
    return coded, lacking, partly


def list_disagreements(
    dataset: Dataset,
    coders: Sequence[str] | None,
    unit: AgreementUnit = "sentence",
    documents: Sequence[int] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    code_id: int | None = None,
    limit: int | None = None,
) -> DisagreementList:
    """The disagreements between two coders (names; default the project's two), of the code ``code_id`` if given.

    Raises:
        AgreementProblem: not exactly two coders, an unknown coder or code, or a negative ``limit``.
    """
    ids = coder_ids(dataset, coders)
    if len(ids) != 2:
        raise AgreementProblem(say("problem.agreement.disagreements_two", count=len(ids)))
    if limit is not None and limit < 0:
        raise AgreementProblem(say("problem.agreement.limit", limit=limit))
    names = (dataset.coders[ids[0]], dataset.coders[ids[1]])
    code = None
    if code_id is not None:
        code = next((node.name for node in dataset.codes if node.id == code_id), None)
        if code is None:
            raise AgreementProblem(say("problem.not_found.code_named", name=code_id))
    found = disagreements(dataset, [names[0], names[1]], unit, documents, threshold)
    if code_id is not None:
        found = [d for d in found if d.code_id == code_id]
    shown = found if limit is None else found[:limit]
    rows: list[ListedDisagreement] = []
    current, text, lines, turns = -1, "", paragraphs(""), turn_spans(())
    spoken: tuple[TurnInfo, ...] = ()
    for item in shown:
        if item.document_id != current:
            current, text = item.document_id, dataset.text(item.document_id)
            spoken = tuple(t for t in dataset.document_turns(item.document_id) if t.label_start < t.end)
            lines, turns = paragraphs(text), turn_spans(spoken)
        touched = turns.touched(item.start, item.end)
        turn = spoken[touched.start] if touched else None
        # A unit (a turn's first sentence) may begin with the speaker's label: the text shown starts at the speech.
        begin = (
            turn.start if turn is not None and turn.label_start <= item.start < turn.start < item.end else item.start
        )
        coded, lacking, partly = _who(item, names)
        rows.append(
            ListedDisagreement(
                item.document,
                item.start,
                item.end,
                lines.number_at(item.start),
                turn.speaker if turn is not None else None,
                item.code,
                coded,
                lacking,
                partly,
                shorten(text[begin : item.end]),
            )
        )
    return DisagreementList(names, unit, tuple(rows), len(found), code)


def _lacking(row: ListedDisagreement, language: Language) -> str:
    return ", ".join(
        message("disagreements.partly", language, coder=name) if name in row.partly else name
        for name in row.not_coded_by
    )


def _place(row: ListedDisagreement) -> str:
    parts = [f"¶\u00a0{row.paragraph}", f"{row.start}–{row.end}"]  # "¶ 7" kept on one line
    return " · ".join([*parts, row.speaker] if row.speaker else parts)


def disagreements_table(listed: DisagreementList, language: Language = "en", compact: bool = False) -> Table:
    """The list as a result table: one row per disagreement, labelled with its document.

    Paragraph, characters and speaker are columns of their own (to sort and
    filter in Excel); ``compact`` (for Word) puts them in one column "Place"
    and the coders in one column, so that the text has room on a portrait page.
    """
    language = check_language(language)
    keys: tuple[str, ...]
    if compact:
        keys = ("place", "code", "coders", "text")
    else:
        keys = COLUMN_KEYS
    formats = tuple("int" if key == "paragraph" else "text" for key in keys)

    def values(row: ListedDisagreement) -> tuple[Value, ...]:
        if compact:
            coders = message(
                "disagreements.coders_value", language, coded=", ".join(row.coded_by), lacking=_lacking(row, language)
            )
            return (_place(row), row.code, coders, row.text)
        return (
            row.paragraph,
            f"{row.start}–{row.end}",
            row.speaker,
            row.code,
            ", ".join(row.coded_by),
            _lacking(row, language),
            row.text,
        )

    rows = tuple(TableRow(row.document, values(row)) for row in listed.rows)
    unit = message(f"agreement.unit.{listed.unit}", language)
    a, b = listed.coders
    title = message("disagreements.title", language, a=a, b=b, unit=unit)
    if listed.code is not None:
        title += message("disagreements.title_code", language, code=listed.code)
    notes = [message("disagreements.note", language)]
    if len(listed.rows) < listed.total:
        notes.append(message("disagreements.limited", language, shown=len(listed.rows), total=listed.total))
    else:
        notes.append(message("disagreements.count", language, count=listed.total))
    return Table(
        title=title,
        row_header=message("quotes.document", language),
        columns=tuple(message("table.code" if key == "code" else f"disagreements.{key}", language) for key in keys),
        rows=rows,
        formats=cast(tuple[Format, ...], formats),
        notes=tuple(notes),
        column_keys=keys,
    )


def disagreements_json(listed: DisagreementList) -> dict[str, Any]:
    """The list with plain values for scripts."""
    return {
        "coders": list(listed.coders),
        "unit": listed.unit,
        "code": listed.code,
        "total": listed.total,
        "listed": len(listed.rows),
        "rows": [
            {
                "document": row.document,
                "start": row.start,
                "end": row.end,
                "paragraph": row.paragraph,
                "speaker": row.speaker,
                "code": row.code,
                "coded_by": list(row.coded_by),
                "not_coded_by": list(row.not_coded_by),
                "partly": list(row.partly),
                "text": row.text,
            }
            for row in listed.rows
        ],
    }
