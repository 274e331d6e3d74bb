"""Apply a merge plan as one undoable action; the inverse removes exactly what it added.

Codings are written in bulk (plain rows, one ``executemany``), because a
merge of a whole second coder's project must take seconds, not minutes, and
holds the project's write lock while it writes. What can be worked out by
reading (checking the spans, the documents' coverage after the merge) is
done by :func:`prepare_codings`, which a caller may run before the lock.
Everything the plan adds keeps the GUID the plan gave it, so undo followed by
redo brings back the very same rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from lobcoder.editing.base import Command
from lobcoder.editing.merge_plan import ADDED, MergePlan
from lobcoder.errors import NotFoundError
from lobcoder.i18n.said import say
from lobcoder.services.codes import create_code, delete_code, get_code
from lobcoder.storage.bulk import bound_rows, insert_rows
from lobcoder.storage.coverage import TOUCHES_DOCUMENTS, covered_characters, store_covered
from lobcoder.storage.models import Code, Coder, Coding, Document, Memo, utcnow
from lobcoder.text.normalize import normalize_text

_CHUNK = 500  # rows per IN (...) list, well below every database's parameter limit


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _ids(session: Session, column: Any, id_column: Any, guids: Sequence[str]) -> dict[str, int]:
    result: dict[str, int] = {}
    for chunk in _chunks(list(guids)):
        result.update(
            (guid.lower(), row_id)
            for guid, row_id in session.execute(select(column, id_column).where(column.in_(chunk)))
        )
    return result


_CODINGS = cast(Table, Coding.__table__)
_COLUMNS = ("guid", "document_id", "code_id", "coder_id", "start", "end", "created_at")


@dataclass(frozen=True)
class PreparedCodings:
    """A plan's codings checked and converted for the driver, and what each document they touch will cover.

    ``rows`` follow ``_COLUMNS``, with the code's and coder's GUID where their ids go (an added code has no id yet).
    """

    rows: Sequence[Sequence[Any]]
    covered: dict[int, int]


def prepare_codings(session: Session, plan: MergePlan) -> PreparedCodings:
    """Check the plan's spans against the documents and measure their coverage after the merge; writes nothing.

    Raises:
        NotFoundError: a document of the plan was deleted since it was made (a redo after another window's delete).
        ValueError: a span lies outside its document (the plan was made for another project).
    """
    # The stored lengths, not the texts: a merge touching long transcripts reads no text.
    lengths = {
        document_id: length
        for document_id, length in session.execute(
            select(Document.id, Document.length).where(Document.id.in_({c.document_id for c in plan.codings}))
        )
    }
    added: dict[int, list[tuple[int, int]]] = {}
    for coding in plan.codings:
        if coding.document_id not in lengths:
            raise NotFoundError(say("problem.not_found.document_id", id=coding.document_id))
        if not 0 <= coding.start < coding.end <= lengths[coding.document_id]:
            raise ValueError(f"span {coding.start}-{coding.end} lies outside its document; nothing was merged")
        added.setdefault(coding.document_id, []).append((coding.start, coding.end))
    rows = bound_rows(
        session,
        _CODINGS,
        _COLUMNS,
        ((c.guid, c.document_id, c.code_guid, c.coder_guid, c.start, c.end, c.created_at) for c in plan.codings),
    )
    return PreparedCodings(list(rows), covered_characters(session, added, added=added))


@dataclass
class MergeCoding(Command):
    """Add the plan's coders, codes, codings and memos."""

    plan: MergePlan
    label: str = "merge_coding"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"count": len(self.plan.codings), "source": self.plan.other_name}

    def apply(self, session: Session) -> Command:
        return self.apply_prepared(session, prepare_codings(session, self.plan))

    def apply_prepared(self, session: Session, prepared: PreparedCodings) -> Command:
        """Apply with the codings prepared by :func:`prepare_codings` on the project exactly as it is now.

        ``prepared`` may come from a read before the write lock, as long as
        nobody committed since (``storage/commit_watch.py``): under the lock
        only the rows are written.
        """
        plan = self.plan
        for coder in plan.coders:
            if coder.status == ADDED:
                session.add(Coder(name=coder.name, guid=coder.guid))
        session.flush()
        for code in plan.codes:
            if code.status == ADDED:
                parent_id = get_code(session, code.parent_guid).id if code.parent_guid else None
                create_code(
                    session,
                    code.name,
                    parent_id,
                    color=code.color or None,
                    description=code.description,
                    guid=code.guid,
                    **dict(code.details),  # type: ignore[arg-type]  # only RICH_FIELDS, all str
                )
        code_ids = {guid.lower(): i for guid, i in session.execute(select(Code.guid, Code.id))}
        coder_ids = {guid.lower(): i for guid, i in session.execute(select(Coder.guid, Coder.id))}
        for code in {row[2] for row in prepared.rows} - code_ids.keys():  # deleted since the plan (a redo)
            named = next((" > ".join(c.path) for c in plan.codes if c.guid.lower() == code), code)
            raise NotFoundError(say("problem.not_found.code", code=named))
        if prepared.rows:
            rows = (
                (guid, document_id, code_ids[code], coder_ids[coder] if coder else None, start, end, created_at)
                for guid, document_id, code, coder, start, end, created_at in prepared.rows
            )
            insert_rows(session, _CODINGS, _COLUMNS, rows, bound=True)
            store_covered(session, prepared.covered)
        self._memos(session, coder_ids)
        session.flush()
        return UnmergeCoding(plan, self.label)

    def _memos(self, session: Session, coder_ids: dict[str, int]) -> None:
        targets: dict[str, list[str]] = {}
        for memo in self.plan.memos:
            if memo.target_guid:
                targets.setdefault(memo.target_kind, []).append(memo.target_guid)
        columns = {
            "document": (Document.guid, Document.id),
            "code": (Code.guid, Code.id),
            "coding": (Coding.guid, Coding.id),
        }
        ids = {kind: _ids(session, *columns[kind], guids) for kind, guids in targets.items()}
        for memo in self.plan.memos:
            if memo.action == "append":
                session.execute(
                    update(Memo)
                    .where(Memo.guid == memo.memo_guid)
                    .values(text=normalize_text(memo.text), modified_at=utcnow())
                )
                continue
            row = Memo(
                guid=memo.memo_guid,
                title=memo.title[:300],
                text=memo.text,
                coder_id=coder_ids.get(memo.coder_guid) if memo.coder_guid else None,
                created_at=memo.created_at or utcnow(),
                modified_at=memo.modified_at or utcnow(),
            )
            if memo.target_guid:
                setattr(row, f"{memo.target_kind}_id", ids[memo.target_kind][memo.target_guid.lower()])
            session.add(row)


@dataclass
class UnmergeCoding(Command):
    """Undo a merge: put memos back, then delete the added codings, codes and coders."""

    plan: MergePlan
    label: str = "merge_coding"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"count": len(self.plan.codings), "source": self.plan.other_name}

    def apply(self, session: Session) -> Command:
        plan = self.plan
        added_memos = [m.memo_guid for m in plan.memos if m.action == "add"]
        for chunk in _chunks(added_memos):
            session.execute(delete(Memo).where(Memo.guid.in_(chunk)))
        for memo in plan.memos:
            if memo.action == "append":
                session.execute(update(Memo).where(Memo.guid == memo.memo_guid).values(text=memo.old_text))
        # Each chunk names its documents, so only those are measured again (not every document, per chunk).
        documents = {c.guid: c.document_id for c in plan.codings}
        for chunk in _chunks(sorted(documents, key=documents.__getitem__)):
            touched = sorted({documents[guid] for guid in chunk})
            session.execute(
                delete(Coding).where(Coding.guid.in_(chunk)), execution_options={TOUCHES_DOCUMENTS: touched}
            )
        session.expire_all()
        for code in reversed(plan.codes):
            if code.status == ADDED:
                found = session.scalar(select(Code.id).where(Code.guid == code.guid))
                if found is not None:
                    delete_code(session, found)
        added_coders = [c.guid for c in plan.coders if c.status == ADDED]
        for chunk in _chunks(added_coders):
            session.execute(delete(Coder).where(Coder.guid.in_(chunk)))
        session.flush()
        return MergeCoding(plan, self.label)
