"""Read a .qdpx into plain values, leniently, without touching any project.

Everything a REFI-QDA exporter may vary is accepted here: the namespace
version, the case of zip entries, ``internal://`` or bare paths, inline
``PlainTextContent``, empty containers, braces around GUIDs. What cannot be
used (media sources, missing files, sets, links, graphs) is counted in
``dropped`` and explained in ``notes``; nothing here raises for a merely
incomplete file. Hostile files (DTDs, entity expansion, zip slip, zip bombs)
are refused by ``safe_xml`` and ``safe_zip``.

Reading streams, so that a project of any size is read in bounded memory:
:meth:`QdpxFile.structure` parses project.qde once for everything but the
sources (users, codes, variables, cases, notes, links) and a summary of the
sources; :meth:`QdpxFile.sources` parses it again and yields one source at a
time with its text and selections. Neither holds the document tree.
project.qde is unpacked from the zip once, in the first pass (so the zip-bomb
limits count it once); the second pass reads the bytes kept from the first in
an anonymous temporary file (in memory while small).
"""

from __future__ import annotations

import copy
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from lobcoder.errors import ImportProblem
from lobcoder.i18n.said import Said, say
from lobcoder.importing.safe_zip import CHUNK, SafeZip
from lobcoder.refi.qdc import _Reader as CodeReader
from lobcoder.refi.qdc import _split_atlas as split_atlas_names
from lobcoder.refi.safe_xml import Element, attr, child, children, local, namespace_of, norm_guid, stream_xml, text_of
from lobcoder.services.codebook_data import CodebookCode
from lobcoder.storage.leftovers import spool_file
from lobcoder.text.decode import decode_bytes
from lobcoder.text.normalize import normalize_text

QDE_IN_MEMORY = 16 * 1024 * 1024  # a kept project.qde larger than this goes to disk
MEDIA = {"PDFSource": "PDF", "PictureSource": "picture", "AudioSource": "audio", "VideoSource": "video"}


@dataclass
class QUser:
    guid: str
    name: str


@dataclass
class QVariable:
    guid: str
    name: str
    type: str
    description: str


@dataclass
class QValue:
    variable_guid: str
    kind: str  # TextValue, IntegerValue, ...
    text: str


@dataclass
class QCase:
    guid: str
    name: str
    description: str
    values: list[QValue]
    source_guids: list[str]


@dataclass
class QCoding:
    guid: str | None
    code_guid: str | None
    user: str | None
    created: datetime | None
    note_refs: list[str]


@dataclass
class QSelection:
    guid: str | None
    start: int
    end: int
    name: str | None
    user: str | None
    created: datetime | None
    description: str
    codings: list[QCoding]
    note_refs: list[str]


@dataclass
class QSource:
    """A text source, or the text representation of a PDF or a media transcript."""

    guid: str
    name: str
    kind: str  # "text", "PDF", "transcript"
    raw_text: str | None  # None: the text was not found
    selections: list[QSelection]
    note_refs: list[str]
    values: list[QValue]
    description: str
    created: datetime | None
    whole_codings: list[QCoding] = field(default_factory=list)  # codes applied to the whole source


@dataclass
class QNote:
    guid: str
    name: str
    text: str
    user: str | None
    created: datetime | None
    modified: datetime | None


@dataclass
class QdpxContent:
    name: str
    origin: str
    users: list[QUser] = field(default_factory=list)
    codes: tuple[CodebookCode, ...] = ()
    code_note_refs: dict[str, list[str]] = field(default_factory=dict)  # code GUID -> note GUIDs
    code_guids: dict[str, str] = field(default_factory=dict)  # GUID in the file -> GUID of the code
    variables: list[QVariable] = field(default_factory=list)
    cases: list[QCase] = field(default_factory=list)
    sources: list[QSource] = field(default_factory=list)  # only read_qdpx fills it; imports stream them
    notes: list[QNote] = field(default_factory=list)
    project_note_refs: list[str] = field(default_factory=list)
    description: str = ""  # of the project as a whole
    links: list[tuple[str, str]] = field(default_factory=list)  # (origin GUID, target GUID)
    report: list[Said] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)
    # What storing needs to know about the sources before the first one arrives:
    source_count: int = 0  # text sources and media texts, for progress (an upper bound)
    source_names: dict[str, str] = field(default_factory=dict)  # GUID -> name
    document_variables: set[str] = field(default_factory=set)  # GUIDs of variables with values on sources
    selection_sources: dict[str, str] = field(default_factory=dict)  # GUID of a selection a case names -> source


def _guid(element: Element, name: str = "guid") -> str | None:
    value = attr(element, name)
    return norm_guid(value) if value else None


def _name(value: str | None) -> str:
    """A name as lobcoder stores names: one line, composed (macOS exporters write NFD)."""
    return unicodedata.normalize("NFC", " ".join((value or "").split()))


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _int(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value is not None else None
    except ValueError:
        return None


def _coding(element: Element) -> QCoding:
    ref = child(element, "CodeRef")
    return QCoding(
        _guid(element),
        _guid(ref, "targetGUID") if ref is not None else None,
        _guid(element, "creatingUser"),
        _when(attr(element, "creationDateTime")),
        _refs(element),
    )


def _refs(element: Element, tag: str = "NoteRef") -> list[str]:
    return [g for g in (_guid(r, "targetGUID") for r in children(element, tag)) if g]


class QdpxFile:
    """An open .qdpx, read in two streaming passes: :meth:`structure`, then :meth:`sources`."""

    def __init__(self, archive: SafeZip, path: Path, spool_beside: Path | None = None) -> None:
        self.archive = archive
        self.path = path
        self.content = QdpxContent(name=path.stem, origin="")
        self.used_text_paths: set[str] = set()  # text files of text sources (media texts repeating one are skipped)
        self._wanted: set[str] | None = None
        self._qde_kept: IO[bytes] | None = None  # project.qde's bytes once unpacked in full
        self.spool_beside = spool_beside  # the project being made: a large project.qde is kept in its folder
        member = archive.find("project.qde")
        if member is None:
            member = next((m for m in archive.names() if m.lower().endswith(".qde")), None)
        if member is None:
            raise ImportProblem(path, say("problem.qdpx.no_qde"))
        self.qde = member

    @classmethod
    def open(
        cls, path: str | Path, max_member_bytes: int | None = None, spool_beside: str | Path | None = None
    ) -> QdpxFile:
        """Open ``path`` (a .qdpx); ImportProblem/FileProblem if it is not a usable zip with a project.qde.

        ``spool_beside``: the project the .qdpx is imported into; a project.qde
        too large to keep in memory is kept in that project's folder, not in
        the system's temporary folder (it holds the researcher's memos and codings).
        """
        path = Path(path)
        archive = SafeZip.open(path, max_member_bytes=max_member_bytes, kind=say("problem.kind.qdpx"))
        try:
            qdpx = cls(archive, path, Path(spool_beside) if spool_beside is not None else None)
        except BaseException:
            archive.close()
            raise
        return qdpx

    def close(self) -> None:
        if self._qde_kept is not None:
            self._qde_kept.close()
            self._qde_kept = None
        self.archive.close()

    def __enter__(self) -> QdpxFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _elements(self, streamed: tuple[str, ...] = ()) -> Iterator[tuple[int, Element]]:
        return stream_xml(self._qde_chunks(), f"{self.path}:{self.qde}", streamed)

    def _qde_chunks(self) -> Iterator[bytes]:
        """project.qde's bytes: unpacked from the zip the first time, and kept for the passes after."""
        if self._qde_kept is not None:
            self._qde_kept.seek(0)
            while chunk := self._qde_kept.read(CHUNK):
                yield chunk
            return
        kept: IO[bytes] = spool_file(QDE_IN_MEMORY, self.spool_beside)
        try:
            for chunk in self.archive.chunks(self.qde):
                kept.write(chunk)
                yield chunk
        except BaseException:  # a pass abandoned half-way keeps nothing: the next one unpacks again
            kept.close()
            raise
        self._qde_kept = kept

    def note(self, message: Said) -> None:
        self.content.report.append(message)

    # -- files in the zip ---------------------------------------------------

    def member_for(self, reference: str | None, guid: str | None) -> str | None:
        """The zip member a ``plainTextPath`` or ``path`` points at (without one: ``sources/<guid>.txt``).

        ``internal://`` paths point into ``sources/``; bare names are tried as
        they are and in ``sources/``; for any other path (``relative://``,
        absolute) only a file of that name in ``sources/`` can be used.
        """
        candidates: list[str] = []
        if reference:
            ref = reference.strip().replace("\\", "/")
            if ref.lower().startswith("internal://"):
                candidates.append(f"sources/{ref[len('internal://') :].lstrip('/')}")
            elif "://" not in ref and not ref.startswith("/") and ":" not in ref[:3]:
                candidates.append(ref)
            candidates.append(f"sources/{ref.rsplit('/', 1)[-1]}")
        elif guid:
            candidates.append(f"sources/{guid}.txt")
        for candidate in candidates:
            member = self.archive.find(candidate)
            if member is not None:
                return member
        return None

    def read_text(self, member: str, label: str | Said) -> str | None:
        data = self.archive.read(member)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        try:
            text, encoding = decode_bytes(data, member)
        except ImportProblem as problem:
            self.note(say("note.text_unreadable", label=label, problem=problem.wording))
            return None
        self.note(say("note.not_utf8", label=label, encoding=encoding))
        return text

    def source_text(self, element: Element, label: str | Said) -> str | None:
        """The text of a source or note: inline, or from its file in the zip (None: not found)."""
        inline = child(element, "PlainTextContent")
        if inline is not None:
            return text_of(inline)
        member = self.member_for(attr(element, "plainTextPath"), _guid(element))
        if member is None:
            return None
        return self.read_text(member, label)

    # -- sections --------------------------------------------------------------

    def structure(self) -> QdpxContent:
        """Everything but the sources' texts and selections; the sources only summarised (first pass)."""
        content = self.content
        for depth, element in self._elements(streamed=("Sources",)):
            if depth == 0:
                self.project(element)
            elif depth == 2:
                self.summarise_source(element)
            else:
                self.section(element)
        if content.dropped["sets"]:
            self.note(say("note.sets_dropped", count=content.dropped["sets"]))
        if content.dropped["graphs"]:
            self.note(say("note.graphs_dropped", count=content.dropped["graphs"]))
        return content

    def project(self, root: Element) -> None:
        if local(root.tag) != "Project":
            raise ImportProblem(self.path, say("problem.qdpx.root", root=local(root.tag)))
        namespace = namespace_of(root.tag)
        if not namespace.startswith("urn:QDA-XML:project"):
            self.note(say("note.qde_namespace", namespace=namespace or say("note.none")))
        self.content.name = _name(attr(root, "name")) or self.path.stem
        self.content.origin = attr(root, "origin") or ""

    def section(self, element: Element) -> None:
        """One complete child of ``<Project>`` (``<Sources>`` arrives empty: its sources were summarised)."""
        content = self.content
        tag = local(element.tag)
        if tag == "Users":
            for user in children(element, "User"):
                if guid := _guid(user):
                    content.users.append(QUser(guid, _name(attr(user, "name") or attr(user, "id"))))
        elif tag == "CodeBook":
            self.codes([c for codes in children(element, "Codes") for c in children(codes, "Code")])
        elif tag == "Variables":
            for variable in children(element, "Variable"):
                if guid := _guid(variable):
                    content.variables.append(
                        QVariable(
                            guid,
                            _name(attr(variable, "name")),
                            (attr(variable, "typeOfVariable") or "Text").strip(),
                            text_of(child(variable, "Description")).strip(),
                        )
                    )
        elif tag == "Cases":
            for case in children(element, "Case"):
                self.case(case)
        elif tag == "Notes":
            for note in children(element, "Note"):
                self.note_element(note)
        elif tag == "NoteRef":
            if guid := _guid(element, "targetGUID"):
                content.project_note_refs.append(guid)
        elif tag == "Description" and not content.description:
            content.description = text_of(element).strip()
        elif tag == "Links":
            for link in children(element, "Link"):
                origin, target = _guid(link, "originGUID"), _guid(link, "targetGUID")
                if origin and target:
                    content.links.append((origin, target))
        elif tag in ("Sets", "Graphs"):
            content.dropped[tag.lower()] += sum(1 for e in element if isinstance(e.tag, str))

    def summarise_source(self, element: Element) -> None:
        """What storing must know of a source before the sources arrive: its name, variables, text file."""
        content = self.content
        tag = local(element.tag)
        texts = [element] if tag == "TextSource" else []
        if tag in MEDIA:
            texts = [*children(element, "Representation"), *children(element, "Transcript")]
        for text_element in texts:
            guid = _guid(text_element)
            if not guid:
                continue
            content.source_count += 1
            content.source_names[guid.lower()] = _name(attr(text_element, "name")) or guid
            content.document_variables.update(v.variable_guid.lower() for v in self.values(text_element))
            wanted = self.wanted_selections()
            for selection in children(text_element, "PlainTextSelection"):
                selection_guid = _guid(selection)
                if selection_guid and f"selection:{selection_guid}" in wanted:
                    content.selection_sources[selection_guid] = guid.lower()
        if tag == "TextSource" and child(element, "PlainTextContent") is None:
            member = self.member_for(attr(element, "plainTextPath"), _guid(element))
            if member is not None:
                self.used_text_paths.add(member.lower())

    def wanted_selections(self) -> set[str]:
        if self._wanted is None:
            self._wanted = {s for case in self.content.cases for s in case.source_guids if s.startswith("selection:")}
        return self._wanted

    def sources(self) -> Iterator[QSource]:
        """The sources, one at a time with text and selections (second pass): text sources, then media texts."""
        media = []
        for depth, element in self._elements(streamed=("Sources",)):
            if depth != 2:
                continue
            if local(element.tag) == "TextSource":
                source = self.text_source(element, "text")
                if source is not None:
                    yield source
            else:
                media.append(copy.deepcopy(element))  # rare and small; after the text sources, as before
        for element in media:
            yield from self.media_sources(element)

    def codes(self, elements: list[Element]) -> None:
        """The codebook, read as .qdc files are read (colours, GUIDs, ATLAS.ti ``::`` names)."""
        reader = CodeReader()
        codes = tuple(reader.code(element) for element in elements)

        def remember(element: Element, code: CodebookCode) -> None:
            original = norm_guid(attr(element, "guid") or "")
            if original:
                self.content.code_guids.setdefault(original, code.guid)
            if refs := _refs(element):
                self.content.code_note_refs[code.guid] = refs
            for sub_element, sub in zip(children(element, "Code"), code.children, strict=True):
                remember(sub_element, sub)

        for element, code in zip(elements, codes, strict=True):
            remember(element, code)
        self.content.codes, split = split_atlas_names(codes)
        if split:
            self.note(say("note.atlas_split", count=split))
        self.content.report += reader.notes

    def values(self, element: Element) -> list[QValue]:
        result = []
        for value in children(element, "VariableValue"):
            ref = child(value, "VariableRef")
            target = _guid(ref, "targetGUID") if ref is not None else None
            data = next((e for e in value if isinstance(e.tag, str) and local(e.tag) != "VariableRef"), None)
            if target and data is not None:
                result.append(QValue(target, local(data.tag), text_of(data).strip()))
        return result

    def case(self, element: Element) -> None:
        guid = _guid(element)
        if not guid:
            return
        sources = _refs(element, "SourceRef")
        selection_refs = _refs(element, "SelectionRef")
        if selection_refs:
            self.note(say("note.case_selections", name=attr(element, "name") or guid, count=len(selection_refs)))
        self.content.cases.append(
            QCase(
                guid,
                _name(attr(element, "name")),
                text_of(child(element, "Description")).strip(),
                self.values(element),
                sources + [f"selection:{g}" for g in selection_refs],
            )
        )

    def selections(self, element: Element, label: str) -> list[QSelection]:
        result = []
        for selection in children(element, "PlainTextSelection"):
            start, end = _int(attr(selection, "startPosition")), _int(attr(selection, "endPosition"))
            if start is None or end is None:
                self.content.dropped["selections"] += 1
                self.note(say("note.selection_invalid", name=label))
                continue
            if start > end:
                start, end = end, start
                self.note(say("note.selection_reversed", name=label))
            codings = [_coding(coding) for coding in children(selection, "Coding")]
            result.append(
                QSelection(
                    _guid(selection),
                    start,
                    end,
                    attr(selection, "name"),
                    _guid(selection, "creatingUser"),
                    _when(attr(selection, "creationDateTime")),
                    text_of(child(selection, "Description")).strip(),
                    codings,
                    _refs(selection),
                )
            )
        return result

    def text_source(self, element: Element, kind: str, name: str | None = None) -> QSource | None:
        guid = _guid(element)
        if not guid:
            return None
        label = _name(name or attr(element, "name")) or guid
        return QSource(
            guid=guid,
            name=label,
            kind=kind,
            raw_text=self.source_text(element, say("note.label.source", name=label)),
            selections=self.selections(element, label),
            note_refs=_refs(element),
            values=self.values(element),
            description=text_of(child(element, "Description")).strip(),
            created=_when(attr(element, "creationDateTime")),
            whole_codings=[_coding(coding) for coding in children(element, "Coding")],
        )

    def media_sources(self, element: Element) -> Iterator[QSource]:
        """The texts of a media or unknown source: a PDF's text representation, a transcript, if the file holds them."""
        tag = local(element.tag)
        label = _name(attr(element, "name")) or attr(element, "guid") or tag
        kind = MEDIA.get(tag)
        if kind is None:
            self.content.dropped["sources"] += 1
            self.note(say("note.source_unknown_type", name=label, tag=tag))
            return
        # The media themselves are never imported; their text (a PDF's text
        # representation, a transcript) is, when the file holds it.
        texts = [("PDF text", r) for r in children(element, "Representation")]
        texts += [("transcript", t) for t in children(element, "Transcript")]
        for text_kind, text_element in texts:
            member = self.member_for(attr(text_element, "plainTextPath"), None)
            if member is not None and member.lower() in self.used_text_paths:
                continue  # the same text is already a source of its own
            source = self.text_source(text_element, text_kind, attr(text_element, "name") or f"{label} (text)")
            if source is not None and source.raw_text is not None:
                kind_said = say("note.text_kind.pdf" if text_kind == "PDF text" else "note.text_kind.transcript")
                self.note(say("note.source_text_of_media", name=label, kind=kind_said, document=source.name))
                yield source
        self.content.dropped["sources"] += 1
        present = self.member_for(attr(element, "path"), None) is not None
        media = say(f"note.media.{kind.lower()}")
        self.note(
            say("note.media_unsupported", name=label, kind=media) if present else say("note.media_missing", name=label)
        )
        regions = sum(
            len(list(children(element, t)))
            for t in ("PDFSelection", "PictureSelection", "AudioSelection", "VideoSelection")
        )
        if regions:
            self.content.dropped["selections"] += regions
            self.note(say("note.media_selections", name=label, count=regions, kind=media))

    def note_element(self, element: Element) -> None:
        guid = _guid(element)
        if not guid:
            return
        label = _name(attr(element, "name")) or guid
        content = self.source_text(element, say("note.label.note", name=label))
        description = text_of(child(element, "Description")).strip()
        text = normalize_text("\n\n".join(t.strip("\r\n") for t in (description, content) if t and t.strip()))
        if not text:
            self.content.dropped["notes"] += 1
            self.note(say("note.note_no_file" if content is None else "note.note_empty", name=label))
            return
        self.content.notes.append(
            QNote(
                guid,
                _name(attr(element, "name")),
                text,
                _guid(element, "creatingUser"),
                _when(attr(element, "creationDateTime")),
                _when(attr(element, "modifiedDateTime")),
            )
        )


def read_qdpx(path: str | Path, max_member_bytes: int | None = None) -> QdpxContent:
    """The whole .qdpx at ``path`` as plain values, sources included; ImportProblem if it is unusable.

    Holds every text and selection in memory; imports stream instead (:class:`QdpxFile`).
    """
    with QdpxFile.open(path, max_member_bytes) as qdpx:
        content = qdpx.structure()
        content.sources = list(qdpx.sources())
        return content
