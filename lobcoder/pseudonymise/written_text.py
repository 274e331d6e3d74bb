"""The text of files an export wrote, read back for the leak check: what was shared, and nothing else.

An analysis export (frequencies, a matrix, quotes, keywords in context) writes
a table computed from the pseudonymised copy; a name left somewhere in the
copy is shared only if the table holds it. So the leak check reads the files
themselves: every paragraph and table cell of a Word file (headers, footers and
its properties too), every text cell and sheet name of an Excel workbook (and
its properties), every cell of a CSV file, every string (key or value) of a JSON file
(:func:`json_strings`), and any other file as text. Each
paragraph or cell is one text, so a cell opening with ``Wil je`` opens a
sentence as a paragraph would (:mod:`word_names`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from lobcoder.pseudonymise.entities import Location

KIND = "written"  # a Location's kind for a text of a written file; its name is the file's name


def written_texts(paths: Iterable[Path]) -> list[tuple[Location, str]]:
    """Every text of the files ``paths``, each as (``Location("written", 0, file name)``, text)."""
    found: list[tuple[Location, str]] = []
    for path in paths:
        where = Location(KIND, 0, path.name)
        found += [(where, text) for text in _texts(path) if text and text.strip()]
    return found


def json_strings(value: object) -> Iterator[str]:
    """Every string in ``value`` (parsed JSON): each key and string value, at any depth, as the reader sees it.

    JSON writes a line break as the two characters ``\\n``; read as raw text, ``met\\nMarieke`` would hide the
    name (the term scan needs a non-letter before it).
    """
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from json_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from json_strings(item)


def _texts(path: Path) -> Iterator[str]:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        yield from _docx(path)
    elif suffix == ".xlsx":
        yield from _xlsx(path)
    elif suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for row in csv.reader(stream):
                yield from row
    elif suffix == ".json":
        raw = path.read_text(encoding="utf-8-sig", errors="replace")
        try:
            parsed = json.loads(raw)
        except ValueError:  # not JSON after all: read as text
            yield raw
        else:
            yield from json_strings(parsed)
    else:
        yield path.read_text(encoding="utf-8", errors="replace")


def _docx(path: Path) -> Iterator[str]:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    parts = [document.element.body]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if not part.is_linked_to_previous:
                parts.append(part._element)
    text, run = qn("w:t"), qn("w:r")
    # a line break or tab in a run (python-docx writes "a\nb" so) separates words as in Paragraph.text
    breaks = {qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:tab"): "\t"}
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            yield "".join(
                node.text or "" if node.tag == text else breaks[node.tag]
                for node in paragraph.iter(text, *breaks)
                if node.tag == text or node.getparent().tag == run  # not a tab stop of the paragraph's style
            )
    props = document.core_properties
    yield from (props.title, props.subject, props.author, props.last_modified_by, props.keywords, props.comments)


def _xlsx(path: Path) -> Iterator[str]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        props = workbook.properties
        yield from (props.title or "", props.subject or "", props.creator or "", props.keywords or "")
        for sheet in workbook.worksheets:
            yield sheet.title
            for row in sheet.iter_rows(values_only=True):
                yield from (value for value in row if isinstance(value, str))
    finally:
        workbook.close()
