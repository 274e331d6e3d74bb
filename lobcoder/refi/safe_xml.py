"""Parse untrusted REFI-QDA XML without DTDs, entities or network access.

Exchange files come from other people and other programs. A DTD is the door
to entity expansion ("billion laughs") and external entities (XXE reading
local files), and no REFI-QDA exporter needs one, so any document that
declares one is refused before lxml sees it; the parser is configured so that
even a declaration that slipped past the check could not expand or load
anything. Elements are matched by local name because the REFI namespaces
differ between programs and versions.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeAlias, TypedDict

from lxml import etree

from lobcoder.errors import FileProblem
from lobcoder.i18n.said import say

MAX_XML_BYTES = 200 * 1024 * 1024
DTD_REFUSED = say("problem.xml.dtd")

Element: TypeAlias = etree._Element

# What may come before the root element: the XML declaration, processing
# instructions, comments and white space. A "<!" that is not a comment there is
# a DOCTYPE (or garbage); either way it is refused.
_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)


def _head_text(data: bytes, limit: int = 1 << 20) -> str:
    """The start of the document as text, good enough to read its prolog."""
    head = data[:limit]
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return head.decode("utf-32", errors="replace")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="replace")
    if head.startswith(b"<\x00") or head.startswith(b"\x00<"):
        encoding = "utf-16-le" if head.startswith(b"<\x00") else "utf-16-be"
        return head.decode(encoding, errors="replace")
    # Every other encoding an XML file may use is ASCII-compatible for markup.
    return head.decode("latin-1").lstrip("\ufeff").removeprefix("\xef\xbb\xbf")


def has_dtd(data: bytes) -> bool:
    """Whether the prolog declares a DTD (``<!DOCTYPE``) or anything else with ``<!``."""
    text = _head_text(data)
    position = 0
    while True:
        match = _PROLOG_ITEM.match(text, position)
        if match is None or match.end() == position:
            break
        position = match.end()
    return text.startswith("<!", position)


class _ParserOptions(TypedDict):
    resolve_entities: bool
    no_network: bool
    load_dtd: bool
    dtd_validation: bool
    huge_tree: bool
    remove_comments: bool
    remove_pis: bool
    recover: bool


# No entities, no DTD, no network, lxml's size limits on; comments and PIs dropped.
_SAFE: _ParserOptions = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
    "recover": False,
}
_HEAD = 1 << 20  # what has_dtd reads


def _parser() -> etree.XMLParser:
    return etree.XMLParser(**_SAFE)


def _malformed(error: etree.XMLSyntaxError, path: str | Path) -> FileProblem:
    line = say("problem.xml.line", number=error.lineno) if error.lineno else ""
    # lxml's messages run over several lines ("...range\n, line 2, column 140").
    message = " ".join((error.msg or str(error)).split()).replace(" ,", ",")
    return FileProblem(path, say("problem.xml.malformed", line=line, reason=message))


def parse_xml(data: bytes, path: str | Path) -> Element:
    """The root element of ``data``; FileProblem(path, ...) if it is unsafe or malformed."""
    if len(data) > MAX_XML_BYTES:
        raise FileProblem(path, say("problem.xml.too_large", size=MAX_XML_BYTES // (1024 * 1024)))
    if not data.strip():
        raise FileProblem(path, say("problem.xml.empty"))
    if has_dtd(data):
        raise FileProblem(path, DTD_REFUSED)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as error:
        raise _malformed(error, path) from None
    except ValueError as error:  # e.g. an encoding lxml cannot use
        raise FileProblem(path, say("problem.xml.unreadable", reason=error)) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise FileProblem(path, DTD_REFUSED)
    return tree.getroot()


def stream_xml(
    chunks: Iterable[bytes], path: str | Path, streamed: Collection[str] = ()
) -> Iterator[tuple[int, Element]]:
    """Parse untrusted XML arriving in ``chunks`` with the same safeguards as :func:`parse_xml`, in bounded memory.

    Yields ``(0, root)`` when the root element starts (its attributes are
    there, its children are not), ``(1, element)`` for each child of the root
    once it is complete, and ``(2, element)`` for each child of a root child
    whose local name is in ``streamed`` (such a container then arrives empty
    at depth 1). Each yielded element is discarded when the caller asks for
    the next one, so only one is held at a time. No size limit of its own:
    the chunks come from a reader that counts what it unpacks.

    Raises:
        FileProblem(path, ...): a DTD, an empty document or malformed XML.
    """
    iterator = iter(chunks)
    head = b""
    for chunk in iterator:
        head += chunk
        if len(head) >= _HEAD:
            break
    if not head.strip():
        raise FileProblem(path, say("problem.xml.empty"))
    if has_dtd(head):
        raise FileProblem(path, DTD_REFUSED)
    parser = etree.XMLPullParser(events=("start", "end"), **_SAFE)
    names: list[str] = []  # local names of the open elements
    root: Element | None = None

    def events() -> Iterator[tuple[str, Element]]:
        try:
            for chunk in itertools.chain((head,), iterator):
                parser.feed(chunk)
                yield from parser.read_events()
            parser.close()
        except etree.XMLSyntaxError as error:
            raise _malformed(error, path) from None
        except ValueError as error:  # e.g. an encoding lxml cannot use
            raise FileProblem(path, say("problem.xml.unreadable", reason=error)) from None
        yield from parser.read_events()

    for event, element in events():
        if event == "start":
            if not names:
                root = element
                docinfo = element.getroottree().docinfo
                if docinfo.doctype or docinfo.internalDTD is not None:
                    raise FileProblem(path, DTD_REFUSED)
                yield 0, element
            names.append(local(element.tag))
            continue
        names.pop()
        depth = len(names)
        if depth == 1 or (depth == 2 and names[1] in streamed):
            yield depth, element
            parent = element.getparent()
            assert parent is not None  # at depth 1 or 2
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del parent[0]
    if root is None:
        raise FileProblem(path, say("problem.xml.no_root"))


def local(tag: Any) -> str:
    """The local name of an element tag (``{urn:...}Code`` -> ``Code``); "" for comments and PIs."""
    if not isinstance(tag, str):
        return ""
    return _local(tag)


@functools.lru_cache(maxsize=4096)  # a file uses a few dozen tags, looked up millions of times
def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag


def namespace_of(tag: Any) -> str:
    """The namespace of an element tag (``{urn:...}Code`` -> ``urn:...``); "" when it has none."""
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    return tag[1:].split("}")[0]


def children(element: Element, name: str) -> Iterator[Element]:
    """Direct children with local name ``name``, whatever their namespace."""
    for sub in element:
        if local(sub.tag) == name:
            yield sub


def child(element: Element, name: str) -> Element | None:
    """The first direct child with local name ``name``, or None."""
    return next(children(element, name), None)


def attr(element: Element, name: str, default: str | None = None) -> str | None:
    """An attribute by name, compared case-insensitively and without namespace.

    Exporters disagree on ``guid``/``GUID`` and ``targetGUID``/``targetGuid``.
    """
    value = element.get(name)
    if value is not None:
        return str(value)
    wanted = name.casefold()
    for key, value in element.attrib.items():
        if local(key).casefold() == wanted:
            return str(value)
    return default


def text_of(element: Element | None) -> str:
    """All text inside ``element`` (its own and its descendants'), "" for None."""
    return "".join(element.itertext()) if element is not None else ""


def norm_guid(value: str) -> str:
    """A GUID as lobcoder compares and stores it: trimmed, no braces, lower case."""
    return value.strip().strip("{}").strip().lower()
