"""Store what :mod:`qdpx_read` finds in a new project, one source at a time.

Every repair (renamed duplicates, converted positions, merged notes) and every
drop is written to ``notes`` for the import report. GUIDs from the file are
kept wherever they are unique, so exporting the project again writes the
same GUIDs.

The project being built is a hidden file that becomes the user's only when
complete (:mod:`qdpx_import`), so it is written in several transactions (the
codebook and cases, then the sources in batches, then the memos): a source's
codings go in with one bulk INSERT, and nothing of a stored source stays in
memory.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from lobcoder.errors import Cancelled
from lobcoder.i18n.said import Said, say
from lobcoder.importing.extracted import Turn
from lobcoder.importing.speakers import detect_turn_table
from lobcoder.refi.positions import Counting, RawSelection, SourceText, detect_counting, prior_for_origin
from lobcoder.refi.qdpx_export import CATEGORY_DESCRIPTION, DEFAULT_USER_GUID
from lobcoder.refi.qdpx_read import QCoding, QdpxContent, QdpxFile, QNote, QSource, QValue
from lobcoder.refi.turns_member import TurnsMember
from lobcoder.services.codebook_data import CodebookCode
from lobcoder.services.codes import create_code
from lobcoder.services.documents import add_document
from lobcoder.storage.coverage import measure
from lobcoder.storage.lengths import limit, numbered, shorten
from lobcoder.storage.models import (
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Participant,
    Speaker,
    SpeakerTurn,
    new_guid,
    utcnow,
)
from lobcoder.storage.project import ProjectStore

_TYPES = {
    "text": AttributeType.TEXT,
    "boolean": AttributeType.CATEGORY,
    "integer": AttributeType.NUMBER,
    "float": AttributeType.NUMBER,
    "date": AttributeType.DATE,
    "datetime": AttributeType.DATE,
}
ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
# A stored coding, kept until after the INSERT: its GUID, the notes on it,
# the file's GUID that links may name it by, and a description to keep as a memo.
Named = tuple[str, list[str], str | None, str]
SOURCES_PER_TRANSACTION = 50


@dataclass
class StoreResult:
    counts: Counter[str] = field(default_factory=Counter)
    notes: list[Said] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)


def _unique(wanted: str, taken: set[str], most: int) -> str:
    """``wanted`` or ``wanted (2)``... compared case-insensitively, at most ``most`` long; adds it to ``taken``."""
    name, n = wanted, 1
    while name.casefold() in taken:
        n += 1
        name = numbered(wanted, n, most)
    taken.add(name.casefold())
    return name


class _Store:
    def __init__(
        self,
        content: QdpxContent,
        progress: ProgressCallback | None,
        cancelled: CancelCheck | None,
        turns: TurnsMember | None = None,
    ) -> None:
        self.session: Session  # the current transaction's; replaced between batches
        self.content = content
        self.turns = turns  # lobcoder's own speaker turns from the file, if it has usable ones
        self.progress = progress
        self.cancelled = cancelled
        self.result = StoreResult()
        self.guids: set[str] = set()  # every GUID given to a row so far (lower case)
        self.coders: dict[str, str | None] = {}  # user GUID -> coder name
        self.coder_ids: dict[str, int] = {}
        self.code_ids: dict[str, int] = {}  # code GUID -> id
        self.attributes: dict[tuple[str, AttributeScope], Attribute] = {}
        self.participants: dict[str, Participant] = {}
        # Where links from notes go: target GUID -> (kind, row id); kind is document, code or coding.
        # Only GUIDs that a link names are kept.
        self.linked = {guid.lower() for link in content.links for guid in link}
        self.targets: dict[str, tuple[str, int]] = {}
        self.owners: dict[str, Participant] = {}
        self.prior: Counting | None = None
        self.done = 0
        self.note_targets: dict[str, list[tuple[str, int | None]]] = {}
        self.extra_memos: list[tuple[tuple[str, int | None], str, str]] = []  # (target, title, text)

    def note(self, message: Said) -> None:
        self.result.notes.append(message)

    def fit(self, value: str, model: type[Any], key: str, label: str) -> str:
        """``value`` cut to what the column holds; a cut is reported (names from other programs are not refused)."""
        kept, note = shorten(value, model, key, label)
        if note is not None:
            self.note(note)
        return kept

    def fresh(self, guid: str | None, what: Said) -> str:
        """``guid`` if no row has it yet, else a new one (reported)."""
        if guid and guid.lower() not in self.guids:
            self.guids.add(guid.lower())
            return guid
        if guid:
            self.note(say("note.guid.twice", label=what, value=guid))
        new = new_guid()
        self.guids.add(new)
        return new

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("import cancelled")

    # -- users, codes, variables, cases ---------------------------------------

    def users(self) -> None:
        taken: set[str] = set()
        for user in self.content.users:
            if user.guid.lower() == DEFAULT_USER_GUID:
                self.coders[user.guid.lower()] = None  # lobcoder's own "no coder"
                continue
            wanted = self.fit(user.name or f"user {user.guid[:8]}", Coder, "name", "note.label.user")
            name = _unique(wanted, taken, limit(Coder, "name"))
            coder = Coder(name=name, guid=self.fresh(user.guid, say("note.label.user", name=name)))
            self.session.add(coder)
            self.session.flush()
            self.coders[user.guid.lower()] = name
            self.coder_ids[user.guid.lower()] = coder.id
        self.result.counts["coders"] = len(self.coder_ids)

    def coder_id(self, *guids: str | None) -> int | None:
        """The coder of the first of ``guids`` that names a user (None: lobcoder's own "no coder")."""
        for guid in guids:
            if guid and guid.lower() in self.coders:
                return self.coder_ids.get(guid.lower())
        return None

    def target(self, guid: str | None, kind: str, row_id: int, replace: bool = False) -> None:
        if guid and guid.lower() in self.linked and (replace or guid.lower() not in self.targets):
            self.targets[guid.lower()] = (kind, row_id)

    def codes(self) -> None:
        not_codable = 0

        def add(code: CodebookCode, parent_id: int | None, taken: set[str]) -> None:
            nonlocal not_codable
            self.check()
            wanted = self.fit(unicodedata.normalize("NFC", code.name), Code, "name", "note.label.code")
            name = _unique(wanted, taken, limit(Code, "name"))
            if name != wanted:
                self.note(say("note.code_renamed", wanted=wanted, name=name))
            details: dict[str, Any] = code.details()
            created = create_code(
                self.session,
                name,
                parent_id,
                color=code.color or None,
                description=code.description,
                guid=self.fresh(code.guid, say("note.label.code", name=name)),
                **details,
            )
            self.code_ids[code.guid.lower()] = created.id
            self.target(code.guid, "code", created.id, replace=True)
            self.result.counts["codes"] += 1
            not_codable += not code.is_codable
            self.refer(self.content.code_note_refs.get(code.guid, []), ("code", created.id))
            below: set[str] = set()
            for sub in code.children:
                add(sub, created.id, below)

        top: set[str] = set()
        for code in self.content.codes:
            add(code, None, top)
        # References in the file use the GUIDs it gave; a few may have been replaced.
        for original, guid in self.content.code_guids.items():
            if guid in self.code_ids:
                self.code_ids.setdefault(original, self.code_ids[guid])
        if not_codable:
            self.note(say("note.not_codable", count=not_codable))

    def variables(self) -> None:
        scopes: dict[str, set[AttributeScope]] = {}
        for case in self.content.cases:
            for value in case.values:
                scopes.setdefault(value.variable_guid.lower(), set()).add(AttributeScope.PARTICIPANT)
        for variable_guid in self.content.document_variables:
            scopes.setdefault(variable_guid.lower(), set()).add(AttributeScope.DOCUMENT)
        taken: dict[AttributeScope, set[str]] = {s: set() for s in AttributeScope}
        position = 0
        for variable in self.content.variables:
            kind = _TYPES.get(variable.type.lower(), AttributeType.TEXT)
            if kind is AttributeType.TEXT and variable.description.strip().casefold() == CATEGORY_DESCRIPTION:
                kind = AttributeType.CATEGORY
            if variable.type.lower() == "datetime":
                self.note(say("note.variable_datetime", name=variable.name))
            elif variable.type.lower() == "boolean":
                self.note(say("note.variable_boolean", name=variable.name))
            elif variable.type.lower() not in _TYPES:
                self.note(say("note.variable_unknown", name=variable.name, type=variable.type))
            for n, scope in enumerate(sorted(scopes.get(variable.guid.lower(), {AttributeScope.PARTICIPANT}))):
                wanted = variable.name or "variable"
                if n == 0:  # one note for the variable, though it may become two attributes
                    wanted = self.fit(wanted, Attribute, "name", "note.label.variable")
                name = _unique(wanted[: limit(Attribute, "name")], taken[scope], limit(Attribute, "name"))
                attribute = Attribute(
                    name=name,
                    type=kind,
                    scope=scope,
                    guid=self.fresh(variable.guid if n == 0 else None, say("note.label.variable", name=name)),
                    position=position,
                )
                position += 1
                self.session.add(attribute)
                self.attributes[(variable.guid.lower(), scope)] = attribute
                self.result.counts["attributes"] += 1
        self.session.flush()

    def values(self, values: list[QValue], scope: AttributeScope, owner: dict[str, int], label: Said) -> None:
        for value in values:
            attribute = self.attributes.get((value.variable_guid.lower(), scope))
            if attribute is None:
                self.result.dropped["values"] += 1
                self.note(say("note.value_undeclared", label=label))
                continue
            parsed = _parse(value, attribute.type)
            if parsed is None:
                if value.text:
                    self.result.dropped["values"] += 1
                    kind = say(f"note.type.{attribute.type.value}")
                    self.note(
                        say("note.value_wrong_type", label=label, value=value.text, name=attribute.name, type=kind)
                    )
                continue
            row = AttributeValue(attribute_id=attribute.id, **owner)
            row.number_value = parsed if isinstance(parsed, float) else None
            row.date_value = parsed if isinstance(parsed, date) else None
            row.text_value = parsed if isinstance(parsed, str) else None
            self.session.add(row)

    def cases(self) -> None:
        taken: set[str] = set()
        for number, case in enumerate(self.content.cases, 1):
            wanted = self.fit(case.name or f"case {number}", Participant, "name", "note.label.case")
            name = _unique(wanted, taken, limit(Participant, "name"))
            label = say("note.label.case", name=name)  # one label for every note about this case
            participant = Participant(
                name=name,
                guid=self.fresh(case.guid, label),
                description=case.description,
            )
            self.session.add(participant)
            self.session.flush()
            self.participants[case.guid.lower()] = participant
            self.values(
                case.values,
                AttributeScope.PARTICIPANT,
                {"participant_id": participant.id},
                label,
            )
            self.result.counts["participants"] += 1

    # -- sources and codings -------------------------------------------------------

    def prepare_sources(self) -> None:
        """Which case each source belongs to, and how the exporting program probably counted positions."""
        names = self.content.source_names
        selection_sources = self.content.selection_sources
        for case in self.content.cases:
            for ref in case.source_guids:
                ref = ref.lower()
                guid = (
                    selection_sources.get(ref.removeprefix("selection:"), "") if ref.startswith("selection:") else ref
                )
                participant = self.participants[case.guid.lower()]
                owner = self.owners.get(guid)
                if owner is not None and owner is not participant:
                    self.note(
                        say("note.two_cases", name=names.get(guid, guid), first=owner.name, second=participant.name)
                    )
                    continue
                self.owners.setdefault(guid, participant)
        self.prior = prior_for_origin(self.content.origin)

    def next_source(self, source: QSource) -> None:
        self.check()
        if self.progress is not None:
            self.progress(self.done, max(self.content.source_count, self.done + 1), source.name)
        self.done += 1
        self.source(source, self.owners.get(source.guid.lower()), self.prior)

    def source(self, source: QSource, participant: Participant | None, prior: Counting | None) -> None:
        label = source.name
        if source.raw_text is None:
            self.result.dropped["sources"] += 1
            self.result.dropped["selections"] += len(source.selections)
            if source.selections:
                self.note(say("note.source_text_missing_lost", name=label, count=len(source.selections)))
            else:
                self.note(say("note.source_text_missing", name=label))
            return
        text = SourceText(source.raw_text)
        raw = [RawSelection(s.start, s.end, s.name) for s in source.selections]
        detection = detect_counting(text, raw, prior)
        if detection.counting is not Counting.CODE_POINTS:
            self.note(say("note.positions_converted", name=label, counting=detection.counting.describe()))
        elif detection.ambiguous:
            self.note(say("note.positions_ambiguous", name=label))
        ref = add_document(
            self.session,
            self.fit(label or "document", Document, "name", "note.label.source"),
            text.stored,
            self.turns_of(source, text.stored),
            original_filename=label[: limit(Document, "original_filename")],
            original_format="qdpx",
        )
        document = self.session.get_one(Document, ref.id)
        document.guid = self.fresh(source.guid, say("note.label.source", name=label))
        if source.created is not None:
            document.imported_at = source.created
        if participant is not None:
            document.participant_id = participant.id
        self.session.flush()
        self.target(source.guid, "document", document.id, replace=True)
        self.result.counts["documents"] += 1
        self.values(
            source.values, AttributeScope.DOCUMENT, {"document_id": document.id}, say("note.label.source", name=label)
        )
        self.refer(source.note_refs, ("document", document.id))
        if source.description:
            self.extra_memos.append((("document", document.id), "", source.description))
        self.codings(source, document.id, text, detection.counting)

    def speakers(self) -> None:
        """The speakers of lobcoder's turns in the file, with their interviewer marks, before any turn needs them."""
        if self.turns is not None:
            self.session.add_all(Speaker(name=name, is_interviewer=flag) for name, flag in self.turns.speakers)
            self.session.flush()

    def turns_of(self, source: QSource, stored: str) -> Sequence[Turn]:
        """The source's turns as lobcoder exported them, if the file has them for this very text; else detected.

        Detected turns take the speaker names (renamed, merged) and so the
        interviewer marks the file gives their labels, and the times of the
        file's turns whose words are unchanged.
        """
        if self.turns is None:
            return detect_turn_table(stored)
        turns, why = self.turns.turns_for(source.guid, stored)
        if turns is not None:
            return turns
        self.note(say(f"note.turns_member.{why}", name=source.name))
        found, named = self.turns.named(source.guid, detect_turn_table(stored))
        if named:
            listed = ", ".join(name if label == name else f"{label} → {name}" for label, name in named)
            self.note(say("note.turns_member.named", name=source.name, speakers=listed))
        found, kept = self.turns.timed(source.guid, stored, found)
        timed = self.turns.timed_count(source.guid)
        if timed:
            self.note(say("note.turns_member.timed", name=source.name, kept=kept, timed=timed))
        return found

    def unused_speakers(self) -> None:
        """Speakers of the file's turns that no stored turn has (their sources' turns were detected again).

        The project is new and detection makes a speaker only with a turn, so
        the speakers without turns are exactly those the file listed but no stored turn names.
        """
        if self.turns is not None:
            has_turns = select(SpeakerTurn.id).where(SpeakerTurn.speaker_id == Speaker.id).exists()
            self.session.execute(delete(Speaker).where(~has_turns))

    def codings(self, source: QSource, document_id: int, text: SourceText, counting: Counting) -> None:
        """All codings of one source in one bulk INSERT; then the notes and links that name them."""
        outside = uncoded = unknown = 0
        rows: list[dict[str, Any]] = []
        named: list[Named] = []
        for selection in source.selections:
            span = text.convert(selection.start, selection.end, counting)
            if span is None:
                outside += 1
                continue
            if not selection.codings:
                uncoded += 1
                continue
            first, missing = self.apply(
                rows, named, source, document_id, span, selection.codings, selection.user, selection.created
            )
            unknown += missing
            if first is not None:
                named.append((first, selection.note_refs, selection.guid, selection.description))
        if source.whole_codings and text.stored:
            span = (0, len(text.stored))
            first, missing = self.apply(rows, named, source, document_id, span, source.whole_codings, None, None)
            unknown += missing
            if first is not None:
                self.note(say("note.whole_source", name=source.name))
        if rows:
            # Core, not the ORM's bulk path: a fifth of the time; the coded share is measured once after.
            self.session.connection().execute(insert(cast(Table, Coding.__table__)), rows)
            measure(self.session, [document_id])
            self.result.counts["codings"] += len(rows)
        if any(refs or description or self.linked_guid(file_guid) for _, refs, file_guid, description in named):
            query = select(Coding.guid, Coding.id).where(Coding.document_id == document_id)
            ids = dict(self.session.execute(query).all())
            for guid, refs, file_guid, description in named:
                self.target(file_guid, "coding", ids[guid])
                self.refer(refs, ("coding", ids[guid]))
                if description:
                    self.extra_memos.append((("coding", ids[guid]), "", description))
        for count, why in ((outside, "outside"), (uncoded, "uncoded"), (unknown, "unknown")):
            if count:
                what = "codings" if why == "unknown" else "selections"
                self.result.dropped[what] += count
                self.note(say(f"note.dropped.{why}", name=source.name, count=count))

    def linked_guid(self, guid: str | None) -> bool:
        return guid.lower() in self.linked if guid else False

    def apply(
        self,
        rows: list[dict[str, Any]],
        named: list[Named],
        source: QSource,
        document_id: int,
        span: tuple[int, int],
        codings: list[QCoding],
        user: str | None,
        created: datetime | None,
    ) -> tuple[str | None, int]:
        """Rows for the codings of one span; (GUID of the first, how many name unknown codes)."""
        first: str | None = None
        unknown = 0
        for coding in codings:
            code_id = self.code_ids.get((coding.code_guid or "").lower())
            if code_id is None:
                unknown += 1
                continue
            guid = self.fresh(coding.guid, say("note.label.coding_in", name=source.name))
            rows.append(
                {
                    "document_id": document_id,
                    "code_id": code_id,
                    "coder_id": self.coder_id(coding.user, user),
                    "start": span[0],
                    "end": span[1],
                    "created_at": coding.created or created or utcnow(),
                    "guid": guid,
                }
            )
            first = guid if first is None else first
            named.append((guid, coding.note_refs, coding.guid, ""))
        return first, unknown

    # -- notes -------------------------------------------------------------------

    def refer(self, note_guids: list[str], target: tuple[str, int | None]) -> None:
        for guid in note_guids:
            self.note_targets.setdefault(guid.lower(), []).append(target)

    def memos(self) -> None:
        self.refer(self.content.project_note_refs, ("project", None))
        notes = {n.guid.lower(): n for n in self.content.notes}
        for origin, linked in self.content.links:
            note_guid, other = (origin, linked) if origin.lower() in notes else (linked, origin)
            if note_guid.lower() in notes and other.lower() in self.targets:
                self.refer([note_guid], self.targets[other.lower()])
            else:
                self.result.dropped["links"] += 1
        if self.result.dropped["links"]:
            self.note(say("note.links_dropped", count=self.result.dropped["links"]))
        grouped: dict[tuple[str, int | None], list[tuple[QNote | None, str, str]]] = {}
        for note in self.content.notes:
            targets = list(dict.fromkeys(self.note_targets.get(note.guid.lower(), [("project", None)])))
            if len(targets) > 1:
                self.note(say("note.note_copied", name=note.name or note.guid, count=len(targets)))
            for n, target in enumerate(targets):
                grouped.setdefault(target, []).append((note if n == 0 else None, note.name, note.text))
        if self.content.description:
            self.extra_memos.append((("project", None), "", self.content.description))
        for target, title, text in self.extra_memos:
            grouped.setdefault(target, []).append((None, title, text))
        for target, entries in grouped.items():
            self.memo(target, entries)

    def memo(self, target: tuple[str, int | None], entries: list[tuple[QNote | None, str, str]]) -> None:
        kind, owner = target
        first = next((note for note, _, _ in entries if note is not None), None)
        if len(entries) == 1:
            title, text = entries[0][1], entries[0][2]
        else:
            title = ""
            text = "\n\n".join(f"{t}\n{body}" if t else body for _, t, body in entries)
            self.note(say(f"note.merged.{kind}", count=len(entries)))
        memo = Memo(
            title=self.fit(title, Memo, "title", "note.label.note"),
            text=text,
            guid=self.fresh(first.guid if first else None, say("note.label.note", name=title)),
            coder_id=self.coder_ids.get((first.user or "").lower()) if first else None,
            created_at=(first.created if first else None) or utcnow(),
            modified_at=(first.modified if first else None) or utcnow(),
        )
        if kind != "project":
            setattr(memo, f"{kind}_id", owner)
        self.session.add(memo)
        self.result.counts["memos"] += 1


def _parse(value: QValue, kind: AttributeType) -> str | float | date | None:
    text = value.text.strip()
    if not text:
        return None
    try:
        if kind is AttributeType.NUMBER:
            return float(text.replace(",", "."))
        if kind is AttributeType.DATE:
            return (
                datetime.fromisoformat(text.replace("Z", "+00:00")).date() if "T" in text else date.fromisoformat(text)
            )
    except ValueError:
        return None
    if value.kind == "BooleanValue":
        return text.lower()
    return value.text


def store_qdpx(
    store: ProjectStore,
    qdpx: QdpxFile,
    content: QdpxContent,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    turns: TurnsMember | None = None,
) -> StoreResult:
    """Write the .qdpx whose structure is ``content`` into the (new, empty) project ``store``.

    The sources are read from ``qdpx`` one at a time as they are stored;
    ``turns`` (lobcoder's own, from the file) replace detection where they fit.
    """
    work = _Store(content, progress, cancelled, turns)
    with store.transaction() as session:
        work.session = session
        work.users()
        work.speakers()
        work.codes()
        work.variables()
        work.cases()
        work.prepare_sources()
    sources = qdpx.sources()
    while True:
        with store.transaction() as session:
            work.session = session
            stored = 0
            for source in itertools.islice(sources, SOURCES_PER_TRANSACTION):
                work.next_source(source)
                stored += 1
        if stored < SOURCES_PER_TRANSACTION:
            break
    with store.transaction() as session:
        work.session = session
        work.memos()
        work.unused_speakers()
    return work.result
