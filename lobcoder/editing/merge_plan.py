"""Plan a merge of another project's coding into this one; the plan changes nothing.

Matching, in order of trust:

- documents by content hash (same text, so the same offsets), then by GUID or
  name with a text check. A document whose text differs, or that is not
  here, keeps its codings out: offsets over another text would code the
  wrong words.
- codes by GUID, then by name path (case and spacing ignored) under the
  already matched parent. Unmatched codes are added with their GUID.
- coders by GUID, then by name (case and spacing ignored).
- codings by (document, code, start, end, coder): a coding that exists here
  already is matched, not added, so merging the same file twice adds nothing.

Every conflict is recorded with the choice made (:class:`Issue`); nothing is
guessed silently and nothing here is ever changed or deleted, only added to.

The plan is a function of the two projects alone (a GUID taken here is
replaced by one derived from it, not a random one), so planning again against
an unchanged project gives an equal plan: an apply compares the plan it makes
under the write lock with the one the user saw (``teamwork.merge``).
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from lobcoder.editing.merge_content import OtherCode, OtherMemo, OtherProject
from lobcoder.storage.models import Code, Coder, Coding, Document, Memo

MATCHED, ADDED = "matched", "added"
TEXT_DIFFERS, MISSING = "text_differs", "missing"


_RENAMED = uuid.UUID("6f1c2a8e-4b7d-4f0a-9c3e-2d5b8a7e1f40")  # namespace of GUIDs given in place of taken ones


def fresh_guid(guid: str, taken: set[str]) -> str:
    """``guid`` itself if it is not ``taken``, else one derived from it (so planning again gives the same one).

    The result is added to ``taken``.
    """
    candidate, n = guid, 0
    while candidate in taken:
        n += 1
        candidate = str(uuid.uuid5(_RENAMED, f"{guid}/{n}"))
    taken.add(candidate)
    return candidate


def name_key(name: str) -> str:
    """Names that differ only in case or spacing are the same name."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Issue:
    """A conflict (with the choice made) or a note, as a kind and its arguments.

    ``lobcoder.teamwork.report`` words each kind in English and Dutch.
    """

    kind: str
    args: tuple[tuple[str, Any], ...]

    @property
    def values(self) -> dict[str, Any]:
        return dict(self.args)


def _issue(kind: str, **args: Any) -> Issue:
    return Issue(kind, tuple(args.items()))


@dataclass(frozen=True)
class DocumentMatch:
    other_name: str
    status: str  # MATCHED, TEXT_DIFFERS or MISSING
    matched_by: str = ""  # "content", "guid" or "name"
    document_id: int | None = None
    name: str = ""  # the document here
    codings: int = 0  # the other project's codings in it


@dataclass(frozen=True)
class CodeMatch:
    path: tuple[str, ...]  # name path in the other project
    guid: str  # the code here: matched, or added with this GUID
    status: str  # MATCHED or ADDED
    matched_by: str = ""  # "guid" or "name"
    parent_guid: str | None = None  # added: the code it goes under
    name: str = ""
    color: str = ""
    description: str = ""
    details: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CoderMatch:
    other_name: str
    guid: str  # the coder here: matched, or added with this GUID
    name: str  # the name here
    status: str
    matched_by: str = ""


@dataclass(frozen=True)
class NewCoding:
    guid: str
    document_id: int
    code_guid: str
    coder_guid: str | None
    start: int
    end: int
    created_at: datetime


@dataclass(frozen=True)
class MemoChange:
    """Add a memo (``memo_guid`` new) or append the other text to the memo ``memo_guid`` here."""

    action: str  # "add" or "append"
    memo_guid: str
    target_kind: str
    target_guid: str | None
    title: str = ""
    text: str = ""  # add: the memo; append: the memo's whole new text
    old_text: str = ""  # append: the text before
    coder_guid: str | None = None
    created_at: datetime | None = None
    modified_at: datetime | None = None


@dataclass(frozen=True)
class MergePlan:
    source: str
    other_name: str
    documents: tuple[DocumentMatch, ...]
    codes: tuple[CodeMatch, ...]
    coders: tuple[CoderMatch, ...]
    codings: tuple[NewCoding, ...]  # to add
    codings_matched: int
    codings_left_out: int
    memos: tuple[MemoChange, ...]
    conflicts: tuple[Issue, ...]
    notes: tuple[Issue, ...] = ()

    def count(self, items: tuple[Any, ...], status: str) -> int:
        return sum(1 for item in items if item.status == status)

    @property
    def changes_anything(self) -> bool:
        return bool(self.codings or self.memos or any(c.status == ADDED for c in self.codes + self.coders))


@dataclass
class _Here:
    """This project, loaded once: lookups by hash, GUID and name."""

    session: Session

    def __post_init__(self) -> None:
        s = self.session
        self.docs = {
            row.id: row for row in s.execute(select(Document.id, Document.guid, Document.name).order_by(Document.id))
        }
        self.doc_by_guid = {row.guid.lower(): row for row in self.docs.values()}
        self.doc_by_name = {row.name: row for row in self.docs.values()}
        self.doc_by_hash: dict[str, list[int]] = {}
        for doc_id, digest in s.execute(select(Document.id, Document.content_hash).order_by(Document.id)):
            self.doc_by_hash.setdefault(digest, []).append(doc_id)
        codes = list(s.execute(select(Code.id, Code.guid, Code.name, Code.parent_id).order_by(Code.position, Code.id)))
        by_id = {row.id: row for row in codes}
        self.code_by_guid = {row.guid.lower(): row for row in codes}
        self.code_parent = {
            row.guid.lower(): (by_id[row.parent_id].guid.lower() if row.parent_id else None) for row in codes
        }
        self.code_name = {row.guid.lower(): row.name for row in codes}
        # (parent GUID or None, name key) -> GUID; planned codes are added as they are planned.
        self.children: dict[tuple[str | None, str], str] = {}
        self.names: dict[str, list[str]] = {}
        for row in codes:
            self.children.setdefault((self.code_parent[row.guid.lower()], name_key(row.name)), row.guid.lower())
            self.names.setdefault(name_key(row.name), []).append(row.guid.lower())
        coders = list(s.execute(select(Coder.guid, Coder.name).order_by(Coder.id)))
        self.coder_by_guid = {guid.lower(): name for guid, name in coders}
        self.coder_by_name: dict[str, tuple[str, str]] = {}
        for guid, name in coders:  # "Anna" and "anna" both here: the older one wins
            self.coder_by_name.setdefault(name_key(name), (guid.lower(), name))
        code_alias, coder_alias = aliased(Code), aliased(Coder)
        self.codings: dict[tuple[int, str, int, int, str | None], str] = {}
        self.coding_guids: set[str] = set()
        coding_guid: dict[int, str] = {}  # coding id -> GUID, for the memos on codings
        # One read of the codings (code_id is NOT NULL, so the inner join drops none of them).
        for coding_id, doc_id, code_guid, start, end, coder_guid, guid in s.execute(
            select(
                Coding.id, Coding.document_id, code_alias.guid, Coding.start, Coding.end, coder_alias.guid, Coding.guid
            )
            .join(code_alias, Coding.code_id == code_alias.id)
            .outerjoin(coder_alias, Coding.coder_id == coder_alias.id)
            .order_by(Coding.id)
        ):
            key = (doc_id, code_guid.lower(), start, end, coder_guid.lower() if coder_guid else None)
            self.codings.setdefault(key, guid.lower())
            self.coding_guids.add(guid.lower())
            coding_guid[coding_id] = guid.lower()
        self.memo_guids = {g.lower() for g in s.scalars(select(Memo.guid))}
        self.memos: dict[tuple[str, str | None], tuple[str, str]] = {}  # (kind, target GUID) -> (memo GUID, text)
        doc_guid = {row.id: row.guid.lower() for row in self.docs.values()}
        code_guids = {row.id: row.guid.lower() for row in codes}
        for memo in s.execute(
            select(Memo.guid, Memo.text, Memo.document_id, Memo.code_id, Memo.coding_id).order_by(Memo.id)
        ):
            if memo.coding_id is not None:
                key2: tuple[str, str | None] = ("coding", coding_guid[memo.coding_id])
            elif memo.code_id is not None:
                key2 = ("code", code_guids[memo.code_id])
            elif memo.document_id is not None:
                key2 = ("document", doc_guid[memo.document_id])
            else:
                key2 = ("project", None)
            self.memos.setdefault(key2, (memo.guid, memo.text))  # the GUID as stored: updates find it

    def path(self, guid: str | None) -> str:
        names = []
        while guid is not None:
            names.append(self.code_name.get(guid, "?"))
            guid = self.code_parent.get(guid)
        return " > ".join(reversed(names)) if names else ""


class _Planner:
    def __init__(self, session: Session, other: OtherProject) -> None:
        self.here = _Here(session)
        self.other = other
        self.conflicts: list[Issue] = []
        self.notes: list[Issue] = []
        self.code_map: dict[str, str] = {}  # other code GUID -> GUID here
        self.code_paths: dict[str, tuple[str, ...]] = {}
        self.doc_map: dict[str, int] = {}  # other document GUID -> id here
        self.coder_map: dict[str, str] = {}  # other coder GUID -> GUID here

    # -- documents -----------------------------------------------------------

    def documents(self) -> tuple[DocumentMatch, ...]:
        here = self.here
        per_document = Counter(coding.document_guid for coding in self.other.codings)
        taken: set[int] = set()
        result = []
        for doc in self.other.documents:
            count = per_document[doc.guid]
            same = [i for i in here.doc_by_hash.get(doc.content_hash, []) if i not in taken]
            if same:
                best = next((i for i in same if here.docs[i].guid.lower() == doc.guid), None)
                best = best or next((i for i in same if here.docs[i].name == doc.name), None) or same[0]
                taken.add(best)
                self.doc_map[doc.guid] = best
                result.append(DocumentMatch(doc.name, MATCHED, "content", best, here.docs[best].name, count))
                continue
            row = here.doc_by_guid.get(doc.guid) or here.doc_by_name.get(doc.name)
            if row is not None:
                text = self.here.session.scalar(select(Document.text).where(Document.id == row.id))
                if text == doc.text:  # same text, hashed differently (an older hash)
                    taken.add(row.id)
                    self.doc_map[doc.guid] = row.id
                    by = "guid" if row.guid.lower() == doc.guid else "name"
                    result.append(DocumentMatch(doc.name, MATCHED, by, row.id, row.name, count))
                    continue
                result.append(DocumentMatch(doc.name, TEXT_DIFFERS, "", row.id, row.name, count))
                self.conflicts.append(_issue("document_text", other=doc.name, here=row.name, codings=count))
                continue
            result.append(DocumentMatch(doc.name, MISSING, "", None, "", count))
            self.conflicts.append(_issue("document_missing", other=doc.name, codings=count))
        return tuple(result)

    # -- codes -----------------------------------------------------------------

    def codes(self) -> tuple[CodeMatch, ...]:
        return tuple(self.code(code) for code in self.other.codes)

    def code(self, code: OtherCode) -> CodeMatch:
        here = self.here
        parent_path = self.code_paths.get(code.parent_guid or "", ())
        path = (*parent_path, code.name)
        self.code_paths[code.guid] = path
        parent_here = self.code_map.get(code.parent_guid) if code.parent_guid else None
        label = " > ".join(path)
        if code.guid in here.code_by_guid:
            self.code_map[code.guid] = code.guid
            here_name = here.code_name[code.guid]
            if name_key(here_name) != name_key(code.name):
                self.notes.append(_issue("code_renamed", here=here.path(code.guid), other=code.name))
            if here.code_parent[code.guid] != parent_here:
                self.conflicts.append(
                    _issue(
                        "code_parent",
                        code=here.path(code.guid),
                        other_parent=" > ".join(parent_path),  # "": the top level
                    )
                )
            return CodeMatch(path, code.guid, MATCHED, "guid", name=here_name)
        by_name = here.children.get((parent_here, name_key(code.name)))
        if by_name is not None:
            self.code_map[code.guid] = by_name
            return CodeMatch(path, by_name, MATCHED, "name", name=here.code_name.get(by_name, code.name))
        elsewhere = [g for g in here.names.get(name_key(code.name), []) if g in here.code_by_guid]
        if elsewhere:
            self.conflicts.append(_issue("code_elsewhere", code=label, here=here.path(elsewhere[0])))
        guid = code.guid
        self.code_map[code.guid] = guid
        name = " ".join(code.name.split())
        here.children[(parent_here, name_key(name))] = guid
        here.code_name[guid] = name
        here.code_parent[guid] = parent_here
        return CodeMatch(path, guid, ADDED, "", parent_here, name, code.color, code.description, code.details)

    # -- coders -----------------------------------------------------------------

    def coders(self) -> tuple[CoderMatch, ...]:
        used = {c.coder_guid for c in self.other.codings if c.document_guid in self.doc_map}
        used |= {m.coder_guid for m in self.other.memos}
        here = self.here
        result = []
        for coder in self.other.coders:
            if coder.guid not in used:
                continue
            if coder.guid in here.coder_by_guid:
                name = here.coder_by_guid[coder.guid]
                self.coder_map[coder.guid] = coder.guid
                if name != coder.name:
                    self.notes.append(_issue("coder_renamed", here=name, other=coder.name))
                result.append(CoderMatch(coder.name, coder.guid, name, MATCHED, "guid"))
                continue
            found = here.coder_by_name.get(name_key(coder.name))
            if found is not None:
                guid, name = found
                self.coder_map[coder.guid] = guid
                if guid in here.coder_by_guid:  # not one added by this merge
                    self.conflicts.append(_issue("coder_name", other=coder.name, here=name))
                result.append(CoderMatch(coder.name, guid, name, MATCHED, "name"))
                continue
            name = " ".join(coder.name.split()) or f"coder {coder.guid[:8]}"
            self.coder_map[coder.guid] = coder.guid
            here.coder_by_name[name_key(name)] = (coder.guid, name)
            result.append(CoderMatch(coder.name, coder.guid, name, ADDED))
        return tuple(result)

    # -- codings and memos ---------------------------------------------------------

    def codings(self) -> tuple[tuple[NewCoding, ...], int, int, dict[str, str]]:
        """(codings to add, codings matched, codings left out, other coding GUID -> GUID here)."""
        here = self.here
        added: list[NewCoding] = []
        planned: dict[tuple[int, str, int, int, str | None], str] = {}
        matched = left_out = renamed = twice = 0
        guids: dict[str, str] = {}
        for coding in self.other.codings:
            doc_id = self.doc_map.get(coding.document_guid)
            if doc_id is None:
                left_out += 1
                continue
            coder = self.coder_map.get(coding.coder_guid) if coding.coder_guid else None
            key = (doc_id, self.code_map[coding.code_guid], coding.start, coding.end, coder)
            if key in here.codings:
                matched += 1
                guids[coding.guid] = here.codings[key]
                continue
            if key in planned:
                twice += 1
                guids[coding.guid] = planned[key]
                continue
            guid = fresh_guid(coding.guid, here.coding_guids)
            renamed += guid != coding.guid
            planned[key] = guid
            guids[coding.guid] = guid
            added.append(NewCoding(guid, doc_id, key[1], coder, coding.start, coding.end, coding.created_at))
        if renamed:
            self.notes.append(_issue("coding_guids", count=renamed))
        if twice:
            self.notes.append(_issue("coding_twice", count=twice))
        return tuple(added), matched, left_out, guids

    def memos(self, coding_guids: dict[str, str]) -> tuple[MemoChange, ...]:
        here = self.here
        maps: dict[str, dict[str, Any]] = {
            "document": {g: here.docs[i].guid.lower() for g, i in self.doc_map.items()},
            "code": self.code_map,
            "coding": coding_guids,
        }
        changes: list[MemoChange] = []
        for memo in self.other.memos:
            if not memo.text.strip():
                continue
            target = None if memo.kind == "project" else maps[memo.kind].get(memo.target_guid or "")
            if memo.kind != "project" and target is None:
                continue  # on a document (or its codings) that is not merged
            change = self.memo(memo, target)
            if change is not None:
                changes.append(change)
        return tuple(changes)

    def memo(self, memo: OtherMemo, target: str | None) -> MemoChange | None:
        here = self.here
        coder = self.coder_map.get(memo.coder_guid) if memo.coder_guid else None
        existing = here.memos.get((memo.kind, target))
        if existing is None:
            guid = fresh_guid(memo.guid, here.memo_guids)
            here.memos[(memo.kind, target)] = (guid, memo.text)
            return MemoChange(
                "add", guid, memo.kind, target, memo.title, memo.text, "", coder, memo.created_at, memo.modified_at
            )
        guid, text = existing
        if memo.text.strip() in text:
            return None
        self.conflicts.append(_issue("memo_text", of=memo.kind, target=self.target_label(memo.kind, target)))
        new_text = f"{text.rstrip()}\n\n{memo.text.strip()}"
        here.memos[(memo.kind, target)] = (guid, new_text)
        return MemoChange("append", guid, memo.kind, target, text=new_text, old_text=text)

    def target_label(self, kind: str, target: str | None) -> str:
        if kind == "code":
            return self.here.path(target)
        if kind == "document":
            row = self.here.doc_by_guid.get(target or "")
            return row.name if row else ""
        return ""


def plan_merge(session: Session, other: OtherProject, source: str = "") -> MergePlan:
    """What merging ``other`` into the project behind ``session`` would do; changes nothing."""
    planner = _Planner(session, other)
    documents = planner.documents()
    codes = planner.codes()
    coders = planner.coders()
    codings, matched, left_out, coding_guids = planner.codings()
    memos = planner.memos(coding_guids)
    return MergePlan(
        source=source,
        other_name=other.name,
        documents=documents,
        codes=codes,
        coders=coders,
        codings=codings,
        codings_matched=matched,
        codings_left_out=left_out,
        memos=memos,
        conflicts=tuple(planner.conflicts),
        notes=tuple(planner.notes),
    )
