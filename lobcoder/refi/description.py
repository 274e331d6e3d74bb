"""The rich codebook fields in one readable REFI-QDA ``<Description>``, and back.

REFI-QDA gives a code only a name, a colour and one description. lobcoder
writes the definition, inclusion and exclusion criteria, examples and keywords
into that description as labelled paragraphs, so a supervisor who opens the
file in ATLAS.ti, MAXQDA, NVivo or QualCoder reads them as plain text::

    Samen leren in het team.

    Definition: Leraren leren van en met elkaar.
      A second line of the definition is indented by two spaces.
    Include when: ...
    Exclude when: ...
    Examples:
    - first example
    - second example
    Keywords: samen leren; intervisie; van elkaar leren

Decoding accepts a text only if it is exactly what :func:`encode` would write
for the fields it finds (in English or Dutch labels). Everything else, such as
a description written by another program or edited by hand, stays the plain
description, untouched. That rule makes the round trip lossless for any
values: ``decode_fields(encode(x)) == x``.
"""

from __future__ import annotations

from collections.abc import Mapping

FIELDS = ("description", "definition", "inclusion", "exclusion", "examples", "keywords")
DETAIL_FIELDS = FIELDS[1:]  # the same as services.codes.RICH_FIELDS
LIST_FIELDS = frozenset({"examples", "keywords"})  # one entry per line

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "definition": "Definition",
        "inclusion": "Include when",
        "exclusion": "Exclude when",
        "examples": "Examples",
        "keywords": "Keywords",
    },
    "nl": {
        "definition": "Definitie",
        "inclusion": "Opnemen als",
        "exclusion": "Niet opnemen als",
        "examples": "Voorbeelden",
        "keywords": "Trefwoorden",
    },
}
INDENT = "  "
KEYWORD_SEPARATOR = "; "


def _inline_keywords(entries: list[str]) -> bool:
    """Whether keywords can be written on one line and split back exactly."""
    return all(e and e == e.strip() and ";" not in e for e in entries)


def _field_lines(field: str, value: str, label: str) -> list[str]:
    lines = value.split("\n")
    if field == "keywords" and _inline_keywords(lines):
        return [f"{label}: {KEYWORD_SEPARATOR.join(lines)}"]
    if field in LIST_FIELDS:
        return [f"{label}:", *(f"- {line}" if line else "-" for line in lines)]
    first, rest = lines[0], lines[1:]
    return [f"{label}: {first}" if first else f"{label}:", *(INDENT + line for line in rest)]


def _block(fields: Mapping[str, str], labels: Mapping[str, str]) -> str:
    lines: list[str] = []
    for field in DETAIL_FIELDS:
        value = fields.get(field) or ""
        if value:
            lines += _field_lines(field, value, labels[field])
    return "\n".join(lines)


def encode(fields: Mapping[str, str], language: str = "en") -> str:
    """One description text holding ``fields`` (missing fields count as empty).

    ``fields`` has ``description`` and any of the rich fields; ``language``
    ("en" or "nl") chooses the labels. A code with only a description gets that
    description unchanged, unless it would itself read as lobcoder's structure:
    then an empty definition label is added so that decoding cannot mistake it.
    """
    labels = LABELS.get(language, LABELS["en"])
    description = fields.get("description") or ""
    block = _block(fields, labels)
    if not block:
        if decode_fields(description)["description"] == description:
            return description
        block = f"{labels['definition']}:"
    return f"{description}\n\n{block}" if description else block


def encode_code(description: str, details: Mapping[str, str], language: str = "en") -> str:
    """:func:`encode` for a description and the rich fields kept apart."""
    return encode({**details, "description": description}, language)


def _parse_block(block: str, labels: Mapping[str, str]) -> dict[str, str] | None:
    """The fields in ``block`` if every line is a label, a continuation or an entry."""
    by_label = {label: field for field, label in labels.items()}
    values: dict[str, list[str]] = {}
    current: str | None = None
    for line in block.split("\n"):
        head, colon, rest = line.partition(":")
        if colon and head in by_label and (rest == "" or rest.startswith(" ")):
            current = by_label[head]
            if current in values:
                return None
            rest = rest[1:]
            if current == "keywords" and rest:
                values[current] = rest.split(KEYWORD_SEPARATOR)
            elif current in LIST_FIELDS:
                values[current] = [] if not rest else [rest]
            else:
                values[current] = [rest]
        elif current is None:
            return None
        elif current in LIST_FIELDS and (line == "-" or line.startswith("- ")):
            values[current].append(line[2:])
        elif current not in LIST_FIELDS and line.startswith(INDENT):
            values[current].append(line[len(INDENT) :])
        else:
            return None
    return {field: "\n".join(lines) for field, lines in values.items()}


def _parse(text: str, labels: Mapping[str, str]) -> dict[str, str] | None:
    split = text.rfind("\n\n")
    description, block = (text[:split], text[split + 2 :]) if split >= 0 else ("", text)
    fields = _parse_block(block, labels)
    if fields is None:
        return None
    return {field: fields.get(field, "") if field != "description" else description for field in FIELDS}


def decode_fields(text: str) -> dict[str, str]:
    """All six fields from a description: lobcoder's structure, or ``text`` as the plain description."""
    if text:
        for language, labels in LABELS.items():
            fields = _parse(text, labels)
            if fields is not None and encode(fields, language) == text:
                return fields
    return {field: (text if field == "description" else "") for field in FIELDS}


def decode(text: str) -> tuple[str, dict[str, str]]:
    """``(description, details)``: the plain description and the rich fields, ready for create_code."""
    fields = decode_fields(text)
    return fields["description"], {field: fields[field] for field in DETAIL_FIELDS}
