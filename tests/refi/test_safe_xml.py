"""Untrusted XML: DTDs and entities are refused, malformed files are named."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lobcoder.errors import FileProblem
from lobcoder.refi import safe_xml
from lobcoder.refi.safe_xml import DTD_REFUSED, attr, child, children, local, norm_guid, parse_xml, text_of

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="1" name="&lol9;" isCodable="true"/></Codes></CodeBook>
"""


def xxe(secret: Path) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE c [ <!ENTITY x SYSTEM "file://{secret}"> ]>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a" name="&x;" isCodable="true"/>'
        "</Codes></CodeBook>"
    ).encode()


def test_billion_laughs_is_refused_quickly() -> None:
    started = time.perf_counter()
    with pytest.raises(FileProblem) as caught:
        parse_xml(BILLION_LAUGHS, "laughs.qdc")
    assert time.perf_counter() - started < 1
    assert caught.value.said == DTD_REFUSED
    assert str(caught.value).startswith("laughs.qdc: contains a DTD")


def test_external_entity_is_refused_and_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    with pytest.raises(FileProblem) as caught:
        parse_xml(xxe(secret), "xxe.qdc")
    assert "DTD" in str(caught.value) and "TOP-SECRET" not in str(caught.value)


@pytest.mark.parametrize(
    "document",
    [
        b'<!DOCTYPE r SYSTEM "http://example.invalid/evil.dtd"><r/>',
        b"<?xml version='1.0'?><!-- hello --><!DOCTYPE r><r/>",
        b"\xef\xbb\xbf<?xml version='1.0'?>\n\n<!DOCTYPE r [<!ENTITY % p SYSTEM 'file:///etc/passwd'> %p;]><r/>",
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>'.encode("utf-16"),
        "<!DOCTYPE r><r/>".encode("utf-16-le"),
    ],
)
def test_any_doctype_is_refused(document: bytes) -> None:
    with pytest.raises(FileProblem, match="DTD"):
        parse_xml(document, "x.xml")


def test_doctype_text_inside_content_is_fine() -> None:
    root = parse_xml(b"<r><![CDATA[<!DOCTYPE html> is HTML]]></r>", "x.xml")
    assert root.text == "<!DOCTYPE html> is HTML"


def test_utf16_document_without_dtd_parses() -> None:
    root = parse_xml('<?xml version="1.0" encoding="UTF-16"?><r a="é😀"/>'.encode("utf-16"), "x.xml")
    assert root.get("a") == "é😀"


@pytest.mark.parametrize(
    ("document", "line"),
    [(b"<r>\n<a>\n</r>", 3), (b"<r>&undefined;</r>", 1), (b"<r>\n\n<a b='1' b='2'/></r>", 3)],
)
def test_malformed_xml_names_file_and_line(document: bytes, line: int) -> None:
    with pytest.raises(FileProblem) as caught:
        parse_xml(document, "/data/broken.qdc")
    message = str(caught.value)
    assert message.startswith("/data/broken.qdc: is not well-formed XML")
    assert f"line {line}" in message


def test_empty_and_oversized_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(FileProblem, match="empty"):
        parse_xml(b"  \n", "e.xml")
    monkeypatch.setattr(safe_xml, "MAX_XML_BYTES", 10)
    with pytest.raises(FileProblem, match="larger than"):
        parse_xml(b"<r>" + b"x" * 20 + b"</r>", "big.xml")


def test_helpers_ignore_namespaces_and_attribute_case() -> None:
    root = parse_xml(
        b'<b:CodeBook xmlns:b="urn:QDA-XML:codebook:0:4"><!-- c --><b:Codes>'
        b'<b:Code GUID="{ABCDEF00-0000-0000-0000-000000000001}" name="A"><b:Description>x<i>y</i></b:Description>'
        b"</b:Code><b:Code guid='2' name='B'/></b:Codes></b:CodeBook>",
        "x.qdc",
    )
    assert local(root.tag) == "CodeBook"
    codes = child(root, "Codes")
    assert codes is not None and len(codes) == 2  # the comment was removed
    first, second = children(codes, "Code")
    assert norm_guid(attr(first, "guid") or "") == "abcdef00-0000-0000-0000-000000000001"
    assert attr(second, "GUID") == "2"
    assert attr(second, "color", "none") == "none"
    assert text_of(child(first, "Description")) == "xy"
    assert child(first, "Missing") is None and text_of(None) == ""


def test_malformed_xml_is_reported_in_one_line() -> None:
    # Found by benchmarks/fuzz.py: lxml's message for a NUL spans two lines.
    with pytest.raises(FileProblem) as info:
        parse_xml(b'<?xml version="1.0"?>\n<Project name="a\x00b"/>', "p.qde")
    assert "\n" not in str(info.value)
    assert "line 2" in str(info.value)


def _streamed(document: bytes, size: int = 7) -> list[tuple[int, str, dict[str, str]]]:
    """Everything stream_xml yields for ``document`` fed in pieces of ``size`` bytes."""
    pieces = [document[i : i + size] for i in range(0, len(document), size)]
    return [(depth, local(e.tag), dict(e.attrib)) for depth, e in safe_xml.stream_xml(pieces, "s.qde", ("Sources",))]


@pytest.mark.parametrize(
    "document",
    [
        BILLION_LAUGHS,
        b'<!DOCTYPE r SYSTEM "http://example.invalid/evil.dtd"><r/>',
        b"<?xml version='1.0'?><!-- hello --><!DOCTYPE r><r/>",
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>'.encode("utf-16"),
        # a DOCTYPE after a megabyte of comment: beyond the head that is checked, so the comment itself is refused
        b"<?xml version='1.0'?><!--" + b"x" * (1 << 20) + b"--><!DOCTYPE r [<!ENTITY a 'b'>]><r>&a;</r>",
    ],
)
def test_streamed_xml_refuses_any_doctype(document: bytes) -> None:
    with pytest.raises(FileProblem, match="DTD"):
        _streamed(document, 4096)


def test_streamed_xml_refuses_external_entities_without_reading_them(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    with pytest.raises(FileProblem) as caught:
        _streamed(xxe(secret))
    assert "DTD" in str(caught.value) and "TOP-SECRET" not in str(caught.value)


def test_streamed_xml_yields_sections_and_sources_one_by_one() -> None:
    document = (
        b'<?xml version="1.0"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Users><User guid="u"/></Users>'
        b'<Sources><TextSource guid="a"><PlainTextSelection/></TextSource><TextSource guid="b"/></Sources>'
        b"<Notes/></Project>"
    )
    assert _streamed(document) == [
        (0, "Project", {"name": "p"}),
        (1, "Users", {}),
        (2, "TextSource", {"guid": "a"}),
        (2, "TextSource", {"guid": "b"}),
        (1, "Sources", {}),
        (1, "Notes", {}),
    ]


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (b"  \n", "empty"),
        (b"<Project><Users></Project>", "not well-formed XML (line 1)"),
        (b"<Project><Sources>", "not well-formed"),
    ],
)
def test_streamed_xml_names_broken_documents_in_one_line(document: bytes, problem: str) -> None:
    with pytest.raises(FileProblem) as caught:
        _streamed(document)
    assert problem in str(caught.value) and "\n" not in str(caught.value)
