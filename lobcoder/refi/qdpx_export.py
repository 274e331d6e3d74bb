"""Export a whole project as a REFI-QDA project exchange file (.qdpx).

The zip holds ``project.qde`` (namespace ``urn:QDA-XML:project:1.0``, valid
against the REFI Project.xsd) and ``sources/<guid>.txt``: each document's
stored text exactly, in UTF-8, so that the code-point positions of its
selections mean what they say. GUIDs of codes, documents, codings, coders,
participants, attributes and memos are the project's own, so an export,
import and export again keeps them. Beside them, ``lobcoder/turns.jsonl``
holds the speaker turns, which REFI-QDA has no place for and only lobcoder
reads (:mod:`lobcoder.refi.turns_member`).

The export streams: ``project.qde`` is written element by element straight
into its zip member (one source's selections built at a time), then each
text goes into its own member, read one document at a time. Memory stays
flat however many transcripts the project holds.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder import __version__
from lobcoder.errors import Cancelled
from lobcoder.i18n.said import Said, say
from lobcoder.importing.safe_zip import writing_zip
from lobcoder.importing.speakers import is_interviewer
from lobcoder.refi.qdc import code_element, export_guid
from lobcoder.refi.turns_member import MEMBER as TURNS_MEMBER
from lobcoder.refi.turns_member import TurnsWriter
from lobcoder.services.codebook_data import CodebookCode, codebook_from_project
from lobcoder.storage.models import (
    Attribute,
    AttributeType,
    AttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Participant,
    ProjectSetting,
    Speaker,
)
from lobcoder.storage.project import ProjectStore

NS = "urn:QDA-XML:project:1.0"
# The user behind everything no coder is named for. Fixed, so an import can
# tell it apart from real coders and leave such codings without a coder.
DEFAULT_USER_GUID = str(uuid.uuid5(uuid.NAMESPACE_URL, "https://lobcoder.invalid/refi/default-user"))
DEFAULT_USER_NAME = "lobcoder"
# Marks a text variable as a category, so a round trip keeps the type.
CATEGORY_DESCRIPTION = "category"
SELECTION_NAME_LENGTH = 100
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class ExportReport:
    """What went into the .qdpx; ``notes`` tell the user what had to be changed."""

    path: str
    documents: int = 0
    codes: int = 0
    codings: int = 0
    participants: int = 0
    attributes: int = 0
    memos: int = 0
    coders: int = 0
    notes: tuple[Said, ...] = ()  # str(note) is English; note.text("nl") Dutch
    dropped: dict[str, int] = field(default_factory=dict)


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


_GUID_ATTRIBUTES = frozenset({"guid", "targetGUID", "creatingUser", "modifyingUser", "creatingUserGUID"})


def _attributes(attrs: dict[str, str | None]) -> dict[str, str]:
    """Attributes without the unset ones; GUIDs pass through ``export_guid`` so every one fits the schema."""
    return {k: export_guid(v) if k in _GUID_ATTRIBUTES else v for k, v in attrs.items() if v is not None}


def _sub(parent: etree._Element, tag: str, **attrs: str | None) -> etree._Element:
    """A child element."""
    return etree.SubElement(parent, _q(tag), _attributes(attrs))


def _element(tag: str, **attrs: str | None) -> etree._Element:
    """A detached element: one section or one source, written to the file as soon as it is complete."""
    return etree.Element(_q(tag), _attributes(attrs), nsmap={None: NS})


def _when(moment: datetime | None) -> str | None:
    """xsd:dateTime in UTC; stored times are naive UTC."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat() + "Z"


def _selection_guid(document_guid: str, start: int, end: int) -> str:
    """A stable GUID for one span: the same project always exports the same selections."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://lobcoder.invalid/refi/selection/{document_guid}/{start}/{end}"))


def _excerpt(text: str) -> str:
    """A selection's ``name``: its text, shortened the way other programs do."""
    text = " ".join(text.split())
    return text if len(text) <= SELECTION_NAME_LENGTH else text[: SELECTION_NAME_LENGTH - 1].rstrip() + "…"


class _Cleaner:
    """Keeps characters XML 1.0 cannot hold out of names and memos, and says where."""

    def __init__(self) -> None:
        self.notes: list[Said] = []

    def __call__(self, text: str, where: Said) -> str:
        cleaned = _NOT_XML.sub("\ufffd", text)
        if cleaned != text:
            self.notes.append(say("note.xml_replaced", label=where))
        return cleaned


def _number_value(value: float, integer: bool) -> tuple[str, str]:
    if integer:
        return "IntegerValue", str(int(value))
    return "FloatValue", format(Decimal(repr(float(value))), "f")


class _Writer:
    """Writes project.qde from one read-only session, a section (or a source) at a time."""

    def __init__(self, session: Session, progress: ProgressCallback | None, cancelled: CancelCheck | None) -> None:
        self.session = session
        self.progress = progress
        self.cancelled = cancelled
        self.clean = _Cleaner()
        self.counts: dict[str, int] = {}
        self.coders = {c.id: c for c in session.scalars(select(Coder).order_by(Coder.id))}
        self.code_guids = {code_id: guid for code_id, guid in session.execute(select(Code.id, Code.guid))}
        self.document_ids = list(session.scalars(select(Document.id).order_by(Document.name)))
        self.memos: dict[tuple[str, int | None], list[Memo]] = {}
        for memo in session.scalars(select(Memo).order_by(Memo.id)):
            if memo.coding_id is not None:
                key: tuple[str, int | None] = ("coding", memo.coding_id)
            elif memo.code_id is not None:
                key = ("code", memo.code_id)
            elif memo.document_id is not None:
                key = ("document", memo.document_id)
            else:
                key = ("project", None)
            self.memos.setdefault(key, []).append(memo)

    def user(self, coder_id: int | None) -> str:
        coder = self.coders.get(coder_id) if coder_id is not None else None
        return coder.guid if coder is not None else DEFAULT_USER_GUID

    def note_refs(self, parent: etree._Element, kind: str, owner: int | None) -> None:
        for memo in self.memos.get((kind, owner), []):
            _sub(parent, "NoteRef", targetGUID=memo.guid)

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("export cancelled")

    # -- sections ----------------------------------------------------------

    def project(self, stream: IO[bytes]) -> None:
        """Write project.qde to ``stream``; only one source's elements are in memory at a time."""
        settings = dict(self.session.execute(select(ProjectSetting.key, ProjectSetting.value)).all())
        created = None
        if settings.get("created_at"):
            try:
                created = datetime.fromisoformat(settings["created_at"])
            except ValueError:
                created = None
        attributes = {
            "name": self.clean(settings.get("name") or "lobcoder project", say("note.label.project_name")),
            "origin": f"lobcoder {__version__}",
            "creatingUserGUID": DEFAULT_USER_GUID,
            **({"creationDateTime": _when(created) or ""} if created else {}),
            "modifiedDateTime": _when(datetime.now(UTC)) or "",
        }
        with etree.xmlfile(stream, encoding="utf-8") as xml:
            xml.write_declaration(standalone=True)
            with xml.element(_q("Project"), attributes, nsmap={None: NS}):
                xml.write("\n")
                _put(xml, self.users())
                _put(xml, self.codebook())
                self.load_attributes()
                _put(xml, self.variables())
                _put(xml, self.cases())
                self.sources(xml)
                _put(xml, self.notes())
                for memo in self.memos.get(("project", None), []):
                    _put(xml, _element("NoteRef", targetGUID=memo.guid))

    def users(self) -> etree._Element:
        users = _element("Users")
        _sub(users, "User", guid=DEFAULT_USER_GUID, name=DEFAULT_USER_NAME)
        for coder in self.coders.values():
            _sub(users, "User", guid=coder.guid, name=self.clean(coder.name, say("note.label.coder", name=coder.name)))
        self.counts["coders"] = len(self.coders)
        return users

    def codebook(self) -> etree._Element | None:
        codebook = codebook_from_project(self.session)
        self.counts["codes"] = codebook.count()
        if not codebook.codes:
            return None
        ids = {guid.lower(): code_id for code_id, guid in self.code_guids.items()}

        def add(parent: etree._Element, code: CodebookCode) -> None:
            element = code_element(parent, code, namespace=NS, with_children=False)
            self.note_refs(element, "code", ids.get(code.guid.lower()))
            for sub in code.children:
                add(element, sub)

        book = _element("CodeBook")
        codes = _sub(book, "Codes")
        for code in codebook.codes:
            add(codes, code)
        return book

    def load_attributes(self) -> None:
        """Attributes in their order, their REFI types, and their values by owner."""
        self.attributes = list(self.session.scalars(select(Attribute).order_by(Attribute.position, Attribute.id)))
        by_attribute: dict[int, list[AttributeValue]] = {a.id: [] for a in self.attributes}
        self.values: dict[tuple[str, int], list[AttributeValue]] = {}
        for value in self.session.scalars(select(AttributeValue).order_by(AttributeValue.id)):
            by_attribute.setdefault(value.attribute_id, []).append(value)
            if value.participant_id is not None:
                self.values.setdefault(("participant", value.participant_id), []).append(value)
            elif value.document_id is not None:
                self.values.setdefault(("document", value.document_id), []).append(value)
        self.types = {a.id: _variable_type(a, by_attribute[a.id]) for a in self.attributes}

    def variables(self) -> etree._Element | None:
        self.counts["attributes"] = len(self.attributes)
        if not self.attributes:
            return None
        container = _element("Variables")
        for attribute in self.attributes:
            variable = _sub(
                container,
                "Variable",
                guid=attribute.guid,
                name=self.clean(attribute.name, say("note.label.attribute", name=attribute.name)),
                typeOfVariable=self.types[attribute.id],
            )
            if attribute.type is AttributeType.CATEGORY:
                _sub(variable, "Description").text = CATEGORY_DESCRIPTION
        return container

    def variable_values(self, parent: etree._Element, owner: tuple[str, int]) -> None:
        by_attribute = {v.attribute_id: v for v in self.values.get(owner, [])}
        for attribute in self.attributes:
            value = by_attribute.get(attribute.id)
            written = _value_element(attribute.type, self.types[attribute.id], value) if value else None
            if written is None:
                continue
            element = _sub(parent, "VariableValue")
            _sub(element, "VariableRef", targetGUID=attribute.guid)
            tag, text = written
            _sub(element, tag).text = self.clean(text, say("note.label.attribute_value", name=attribute.name))

    def cases(self) -> etree._Element | None:
        participants = list(self.session.scalars(select(Participant).order_by(Participant.name)))
        self.counts["participants"] = len(participants)
        if not participants:
            return None
        documents: dict[int, list[str]] = {}
        for guid, participant_id in self.session.execute(
            select(Document.guid, Document.participant_id).order_by(Document.name)
        ):
            if participant_id is not None:
                documents.setdefault(participant_id, []).append(guid)
        container = _element("Cases")
        for participant in participants:
            case = _sub(
                container,
                "Case",
                guid=participant.guid,
                name=self.clean(participant.name, say("note.label.participant", name=participant.name)),
            )
            if participant.description:
                _sub(case, "Description").text = self.clean(
                    participant.description, say("note.label.participant_description", name=participant.name)
                )
            self.variable_values(case, ("participant", participant.id))
            for guid in documents.get(participant.id, []):
                _sub(case, "SourceRef", targetGUID=guid)
        return container

    def sources(self, xml: Any) -> None:
        """``<Sources>``, one ``<TextSource>`` written as soon as it is built."""
        total = len(self.document_ids)
        self.counts["documents"] = total
        self.counts["codings"] = 0
        if not total:
            return
        with xml.element(_q("Sources")):
            xml.write("\n")
            for done, document_id in enumerate(self.document_ids):
                self.check()
                document = self.session.execute(
                    select(Document.id, Document.guid, Document.name, Document.text, Document.imported_at).where(
                        Document.id == document_id
                    )
                ).one()
                if self.progress is not None:
                    self.progress(done, total, document.name)
                guid = export_guid(document.guid)
                source = _element(
                    "TextSource",
                    guid=guid,
                    name=self.clean(document.name, say("note.label.document", name=document.name)),
                    plainTextPath=f"internal://{guid}.txt",
                    creatingUser=DEFAULT_USER_GUID,
                    creationDateTime=_when(document.imported_at),
                    modifiedDateTime=_when(document.imported_at),
                )
                self.selections(source, document)
                self.note_refs(source, "document", document.id)
                self.variable_values(source, ("document", document.id))
                _put(xml, source)
        if self.progress is not None:
            self.progress(total, total, "")

    def selections(self, source: etree._Element, document: Any) -> None:
        """One PlainTextSelection per distinct span, with a Coding for each code applied to it."""
        spans: dict[tuple[int, int], list[Any]] = {}
        for coding in self.session.execute(
            select(Coding.id, Coding.guid, Coding.code_id, Coding.coder_id, Coding.start, Coding.end, Coding.created_at)
            .where(Coding.document_id == document.id)
            .order_by(Coding.start, Coding.end, Coding.id)
        ):
            spans.setdefault((coding.start, coding.end), []).append(coding)
        for (start, end), codings in spans.items():
            first = codings[0]
            selection = _sub(
                source,
                "PlainTextSelection",
                guid=_selection_guid(document.guid, start, end),
                name=self.clean(_excerpt(document.text[start:end]), say("note.label.selection_in", name=document.name)),
                startPosition=str(start),
                endPosition=str(end),
                creatingUser=self.user(first.coder_id),
                creationDateTime=_when(first.created_at),
            )
            for coding in codings:
                element = _sub(
                    selection,
                    "Coding",
                    guid=coding.guid,
                    creatingUser=self.user(coding.coder_id),
                    creationDateTime=_when(coding.created_at),
                )
                _sub(element, "CodeRef", targetGUID=self.code_guids[coding.code_id])
                self.note_refs(element, "coding", coding.id)
            self.counts["codings"] += len(codings)

    def texts(self) -> Iterator[tuple[int, str, bytes, str, int]]:
        """(document id, its GUID, UTF-8 text, its SHA-256, length) of each document, read one at a time.

        The hash and length are the ones the project keeps with the text (``Document.content_hash``, ``.length``).
        """
        for document_id in self.document_ids:
            self.check()
            guid, text, digest, length = self.session.execute(
                select(Document.guid, Document.text, Document.content_hash, Document.length).where(
                    Document.id == document_id
                )
            ).one()
            yield document_id, export_guid(guid), text.encode("utf-8"), digest, length

    def notes(self) -> etree._Element | None:
        memos = [m for group in self.memos.values() for m in group]
        self.counts["memos"] = len(memos)
        if not memos:
            return None
        container = _element("Notes")
        for memo in sorted(memos, key=lambda m: m.id):
            note = _sub(
                container,
                "Note",
                guid=memo.guid,
                name=self.clean(memo.title, say("note.label.memo_title")) if memo.title else None,
                creatingUser=self.user(memo.coder_id),
                creationDateTime=_when(memo.created_at),
                modifiedDateTime=_when(memo.modified_at),
            )
            _sub(note, "PlainTextContent").text = self.clean(
                memo.text, say("note.label.memo", name=memo.title or memo.guid)
            )
        return container


def _put(xml: Any, element: etree._Element | None) -> None:
    """Write a finished element (and a line break, so the file reads like the pretty-printed one)."""
    if element is not None:
        xml.write(element, pretty_print=True)


def _variable_type(attribute: Attribute, values: list[AttributeValue]) -> str:
    if attribute.type is AttributeType.NUMBER:
        numbers = [v.number_value for v in values if v.number_value is not None]
        return "Integer" if numbers and all(float(n).is_integer() for n in numbers) else "Float"
    if attribute.type is AttributeType.DATE:
        return "Date"
    return "Text"


def _value_element(kind: AttributeType, variable_type: str, value: AttributeValue) -> tuple[str, str] | None:
    if kind is AttributeType.NUMBER:
        if value.number_value is None or not math.isfinite(value.number_value):
            return None
        return _number_value(value.number_value, variable_type == "Integer")
    if kind is AttributeType.DATE:
        if not isinstance(value.date_value, date):
            return None
        return "DateValue", value.date_value.isoformat()
    if value.text_value is None:
        return None
    return "TextValue", value.text_value


def export_qdpx(
    store: ProjectStore,
    path: str | Path,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportReport:
    """Write the whole project to ``path`` as a .qdpx.

    Reads in one read-only session (both passes see the same project) and
    writes the zip atomically: the file appears complete or not at all, also
    when cancelled.
    """
    path = Path(path)
    with store.read() as session, writing_zip(path) as archive:
        writer = _Writer(session, progress, cancelled)
        with archive.open("project.qde", "w") as member:
            writer.project(member)
        written = []  # (document id, GUID, hash of the text, its length): what the turns are checked against
        for document_id, guid, data, digest, length in writer.texts():
            archive.writestr(f"sources/{guid}.txt", data)
            written.append((document_id, guid, digest, length))
        # Beside the texts, the speaker turns that only lobcoder reads (refi/turns_member.py).
        with archive.open(TURNS_MEMBER, "w") as member:
            turns = TurnsWriter(session, member)
            turns.begin()
            for document_id, guid, digest, length in written:
                writer.check()
                turns.source(document_id, guid, digest, length)
        writer.check()
        speakers = _speaker_marks_lost(session)
    counts = writer.counts
    return ExportReport(
        path=str(path),
        documents=counts.get("documents", 0),
        codes=counts.get("codes", 0),
        codings=counts.get("codings", 0),
        participants=counts.get("participants", 0),
        attributes=counts.get("attributes", 0),
        memos=counts.get("memos", 0),
        coders=counts.get("coders", 0),
        notes=tuple(dict.fromkeys(writer.clean.notes)) + speakers,
    )


def _speaker_marks_lost(session: Session) -> tuple[Said, ...]:
    """A note naming the speakers marked interviewer (or not) against what detection would say.

    REFI-QDA has no speakers: lobcoder reads them back from
    ``lobcoder/turns.jsonl``, but other programs find no speakers at all.
    """
    rows = session.execute(select(Speaker.name, Speaker.is_interviewer).order_by(Speaker.name))
    differ = [name for name, marked in rows if marked != is_interviewer(name)]
    if not differ:
        return ()
    return (say("note.speaker_marks", names=", ".join(differ)),)
