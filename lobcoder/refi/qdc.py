"""REFI-QDA codebook files (.qdc): write valid ones, read anyone's leniently.

Writing follows ``Codebook.xsd`` exactly (no empty containers, GUIDs and
colours in the schema's patterns), because strict importers reject anything
else. Reading accepts what real exporters write (other namespace versions,
empty ``<Sets/>``, braces and upper case in GUIDs, colours without ``#``,
ATLAS.ti's ``Parent::Child`` names) and says in its notes what it repaired or
dropped. The rich codebook fields travel inside ``<Description>``
(:mod:`lobcoder.refi.description`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from lxml import etree

from lobcoder import __version__
from lobcoder.errors import FileProblem, LobcoderError
from lobcoder.i18n.said import Said, say
from lobcoder.refi.description import decode_fields, encode
from lobcoder.refi.safe_xml import (
    MAX_XML_BYTES,
    Element,
    attr,
    child,
    children,
    local,
    namespace_of,
    norm_guid,
    parse_xml,
    text_of,
)
from lobcoder.services.codebook_data import Codebook, CodebookCode, CodebookSet, walk
from lobcoder.storage.atomic_file import write_atomically

NS = "urn:QDA-XML:codebook:1.0"

GUID = re.compile(r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$")
_HEX6 = re.compile(r"^#?([0-9a-fA-F]{6})$")
_HEX3 = re.compile(r"^#?([0-9a-fA-F]{3})$")
# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ATLAS_SEPARATOR = "::"


# -- values in the schema's patterns ------------------------------------------


def export_guid(guid: str) -> str:
    """``guid`` as the schema's GUIDType wants it; a stable stand-in for a non-UUID value."""
    if GUID.match(guid.strip()):
        return norm_guid(guid)
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"lobcoder:guid:{guid}"))


def clean_color(value: str | None) -> tuple[str | None, bool]:
    """``(#rrggbb or None, repaired)``: a REFI colour from what an exporter wrote."""
    if not value:
        return None, False
    text = value.strip()
    if match := _HEX6.match(text):
        return f"#{match.group(1)}", not text.startswith("#")
    if match := _HEX3.match(text):
        return "#" + "".join(c * 2 for c in match.group(1)), True
    return None, True


def xml_text(value: str) -> str:
    """``value`` without the few characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", value)


# -- writing -------------------------------------------------------------------


def code_element(
    parent: Element,
    code: CodebookCode,
    namespace: str = NS,
    with_children: bool = True,
    language: str = "en",
) -> Element:
    """Append ``<Code>`` for ``code`` (its rich fields in ``<Description>``) to ``parent``.

    The same element type serves .qdc and .qde files; ``namespace`` says which.
    """
    element = etree.SubElement(
        parent,
        f"{{{namespace}}}Code",
        guid=export_guid(code.guid),
        name=xml_text(code.name),
        isCodable="true" if code.is_codable else "false",
    )
    color, _ = clean_color(code.color)
    if color:
        element.set("color", color)
    description = xml_text(encode({"description": code.description, **code.details()}, language))
    if description:
        etree.SubElement(element, f"{{{namespace}}}Description").text = description
    if with_children:
        for sub in code.children:
            code_element(element, sub, namespace, True, language)
    return element


def qdc_bytes(codebook: Codebook, language: str = "en") -> bytes:
    """The .qdc document for ``codebook``; it must have at least one code (the schema says so)."""
    if not codebook.codes:
        raise LobcoderError(say("problem.qdc.no_codes"))
    root = etree.Element(f"{{{NS}}}CodeBook", nsmap={None: NS})
    root.set("origin", f"lobcoder {__version__}")
    codes = etree.SubElement(root, f"{{{NS}}}Codes")
    for code in codebook.codes:
        code_element(codes, code, NS, True, language)
    if codebook.sets:
        sets = etree.SubElement(root, f"{{{NS}}}Sets")
        for group in codebook.sets:
            element = etree.SubElement(sets, f"{{{NS}}}Set", guid=export_guid(group.guid), name=xml_text(group.name))
            if group.description:
                etree.SubElement(element, f"{{{NS}}}Description").text = xml_text(group.description)
            for member in group.member_guids:
                etree.SubElement(element, f"{{{NS}}}MemberCode", guid=export_guid(member))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def write_qdc(codebook: Codebook, path: str | Path, language: str = "en") -> None:
    """Write ``codebook`` to ``path`` as a REFI-QDA codebook, valid against Codebook.xsd."""
    data = qdc_bytes(codebook, language)
    write_atomically(path, lambda stream: stream.write(data))


# -- reading -------------------------------------------------------------------


class _Reader:
    def __init__(self) -> None:
        self.notes: list[Said] = []
        self.seen: set[str] = set()
        self.repaired_colors = 0
        self.invalid_colors = 0
        self.new_guids = 0

    def guid(self, element: Element, label: Said) -> str:
        value = attr(element, "guid") or ""
        guid = norm_guid(value)
        if not GUID.match(guid) or guid in self.seen:
            why = "note.guid.duplicate" if guid in self.seen else "note.guid.invalid"
            self.notes.append(say(why, label=label, value=value))
            guid = str(uuid.uuid4())
        self.seen.add(guid)
        return guid

    def code(self, element: Element) -> CodebookCode:
        name = " ".join((attr(element, "name") or "").split())
        if not name:
            name = "(unnamed code)"
            self.notes.append(say("note.unnamed_code", name=name))
        guid = self.guid(element, say("note.label.code", name=name))
        color, repaired = clean_color(attr(element, "color"))
        if repaired and color:
            self.repaired_colors += 1
        elif repaired:
            self.invalid_colors += 1
            self.notes.append(say("note.bad_colour", name=name, colour=attr(element, "color")))
        codable = (attr(element, "isCodable") or "true").strip().lower() not in ("false", "0")
        fields = decode_fields(text_of(child(element, "Description")))
        return CodebookCode(
            guid=guid,
            name=name,
            color=color or "",
            is_codable=codable,
            children=tuple(self.code(sub) for sub in children(element, "Code")),
            **fields,
        )

    def group(self, element: Element, known: set[str]) -> CodebookSet:
        name = " ".join((attr(element, "name") or "").split()) or "(unnamed set)"
        members: list[str] = []
        for member in children(element, "MemberCode"):
            guid = norm_guid(attr(member, "guid") or attr(member, "targetGUID") or "")
            if guid in known:
                members.append(guid)
            else:
                self.notes.append(say("note.set_member", name=name, guid=guid or say("note.none")))
        return CodebookSet(
            self.guid(element, say("note.label.set", name=name)),
            name,
            text_of(child(element, "Description")),
            tuple(members),
        )


def _group_id(path: Iterable[str]) -> str:
    """A fixed GUID for a parent code made from an ATLAS.ti name path, so re-imports match it."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "lobcoder:atlas-parent:" + "\n".join(p.casefold() for p in path)))


def _split_atlas(codes: tuple[CodebookCode, ...], path: tuple[str, ...] = ()) -> tuple[tuple[CodebookCode, ...], int]:
    """Turn ``A::B`` names into B under A (found or made), at every level; how many were split."""
    result: list[CodebookCode] = []
    split = 0

    def insert(level: list[CodebookCode], parts: list[str], code: CodebookCode, where: tuple[str, ...]) -> None:
        head = parts[0]
        if len(parts) == 1:
            made = next((i for i, c in enumerate(level) if c.guid == _group_id((*where, head))), None)
            if made is None:
                level.append(replace(code, name=head))
            else:  # "A" comes after "A::B": the real A takes the place of the one made for it
                level[made] = replace(code, name=head, children=code.children + level[made].children)
            return
        index = next((i for i, c in enumerate(level) if c.name.casefold() == head.casefold()), None)
        if index is None:
            level.append(CodebookCode(guid=_group_id((*where, head)), name=head, color="", is_codable=False))
            index = len(level) - 1
        parent = level[index]
        below = list(parent.children)
        insert(below, parts[1:], code, (*where, parent.name))
        level[index] = replace(parent, children=tuple(below))

    for code in codes:
        subs, count = _split_atlas(code.children, (*path, code.name))
        split += count
        code = replace(code, children=subs)
        parts = [part.strip() for part in code.name.split(ATLAS_SEPARATOR)]
        if len(parts) > 1 and all(parts):
            split += 1
            insert(result, parts, code, path)
        else:
            insert(result, [code.name], code, path)
    return tuple(result), split


_ZIPPED = {
    ".docx": say("problem.qdc.what.docx"),
    ".qdpx": say("problem.qdc.what.qdpx"),
    ".xlsx": say("problem.qdc.what.xlsx"),
}


def _refuse_other_kinds(path: Path, data: bytes) -> None:
    """A one-line reason for a file that is plainly no codebook, instead of an XML parser's complaint."""
    if not data.strip():
        return  # the XML reader says "the XML document is empty", which is clearer than "not an XML file"
    if data.startswith(b"PK\x03\x04"):
        what = _ZIPPED.get(path.suffix.lower(), say("problem.qdc.what.zip"))
        raise FileProblem(path, say("problem.qdc.is_other", what=what))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 XML: the parser decides
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        kind = say("problem.qdc.what.pdf") if data.startswith(b"%PDF") else say("problem.qdc.what.not_xml")
        raise FileProblem(path, say("problem.qdc.is_other", what=kind))


def read_qdc(path: str | Path) -> tuple[Codebook, list[Said]]:
    """The codebook in ``path`` and notes on what was repaired or dropped (``str(note)`` is English).

    Raises FileProblem if the file cannot be read, is unsafe (DTD, entities),
    is not XML or is not a REFI-QDA codebook.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_XML_BYTES:
            raise FileProblem(path, say("problem.qdc.too_large", size=MAX_XML_BYTES // (1024 * 1024)))
        data = path.read_bytes()
    except OSError as error:
        raise FileProblem(path, say("problem.cannot_read", reason=error.strerror or error)) from None
    _refuse_other_kinds(path, data)
    root = parse_xml(data, path)
    if local(root.tag) != "CodeBook":
        raise FileProblem(path, say("problem.qdc.root", root=local(root.tag)))
    reader = _Reader()
    notes = reader.notes
    namespace = namespace_of(root.tag)
    if namespace != NS:
        notes.append(say("note.qdc_namespace", namespace=namespace or say("note.none"), expected=NS))
    containers = list(children(root, "Codes"))
    codes = tuple(reader.code(element) for container in containers for element in children(container, "Code"))
    if not codes:
        notes.append(say("note.no_codes_empty" if containers else "note.no_codes"))
    codes, split = _split_atlas(codes)
    if split:
        notes.append(say("note.atlas_split", count=split))
    known = {code.guid for _, code in walk(codes)}
    sets: list[CodebookSet] = []
    for container in children(root, "Sets"):
        found = [reader.group(element, known) for element in children(container, "Set")]
        if not found:
            notes.append(say("note.empty_sets"))
        sets += found
    if reader.repaired_colors:
        notes.append(say("note.colours_repaired", count=reader.repaired_colors))
    origin = (attr(root, "origin") or "").strip()
    return Codebook(codes=codes, sets=tuple(sets), origin=origin), notes
