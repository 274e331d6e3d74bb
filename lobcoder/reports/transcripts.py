"""Transcripts as files to share: one Word (.docx) or plain-text (.txt) file per document.

The text is the stored text exactly (so a pseudonymised copy's text is what is
written); Word gets the document's name as its heading, a paragraph per line
and the speaker labels (``Docent 1:``) in bold. File names are the document
names with characters no file system accepts replaced by ``-``; every file
appears whole or not at all (:func:`write_atomically`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Literal

import docx
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from sqlalchemy import select

from lobcoder.errors import Cancelled, FileProblem
from lobcoder.i18n import check_language
from lobcoder.i18n.said import say
from lobcoder.reports import docx_style as ox
from lobcoder.storage.atomic_file import write_atomically
from lobcoder.storage.models import Document, SpeakerTurn
from lobcoder.storage.project import ProjectStore

TranscriptFormat = Literal["docx", "txt"]
TRANSCRIPT_FORMATS: tuple[TranscriptFormat, ...] = ("docx", "txt")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class Transcript:
    name: str
    text: str
    labels: tuple[tuple[int, int], ...]  # speaker labels as (start, end) in ``text``


def read_transcripts(store: ProjectStore, documents: Sequence[int] | None = None) -> list[Transcript]:
    """The documents (all, or those ids) in name order, with their speaker labels."""
    with store.read() as session:
        query = select(Document.id, Document.name, Document.text).order_by(Document.name)
        if documents is not None:
            query = query.where(Document.id.in_(list(documents)))
        rows = session.execute(query).all()
        labels: dict[int, list[tuple[int, int]]] = {}
        turns = select(SpeakerTurn.document_id, SpeakerTurn.label_start, SpeakerTurn.start).order_by(
            SpeakerTurn.document_id, SpeakerTurn.label_start
        )
        for doc_id, label_start, start in session.execute(turns):
            if start > label_start:
                labels.setdefault(doc_id, []).append((label_start, start))
    return [Transcript(name, text, tuple(labels.get(doc_id, ()))) for doc_id, name, text in rows]


def export_transcripts(
    store: ProjectStore,
    folder: str | Path,
    format: TranscriptFormat = "docx",
    documents: Sequence[int] | None = None,
    language: str = "en",
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write each document to ``folder`` (created if missing) as ``NAME.docx`` or ``NAME.txt``; the files written.

    Nothing is written when one of the files exists already (the folder may be
    where the source transcripts are).

    Raises:
        FileProblem: the folder or a file cannot be written, or a file exists.
        Cancelled: ``cancelled()`` turned true (files already written stay).
    """
    if format not in TRANSCRIPT_FORMATS:
        raise FileProblem(Path(folder), say("problem.export.unknown_transcript_format", format=format))
    language = check_language(language)
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileProblem(target, say("problem.export.cannot_create", reason=exc.strerror or exc)) from exc
    transcripts = read_transcripts(store, documents)
    taken: set[str] = set()
    paths = [target / _file_name(t.name, format, taken) for t in transcripts]
    existing = next((path for path in paths if path.exists()), None)
    if existing is not None:  # it may be the source transcript itself: never overwrite
        raise FileProblem(existing, say("problem.export.exists"))
    written: list[Path] = []
    for done, (transcript, path) in enumerate(zip(transcripts, paths, strict=True)):
        if cancelled is not None and cancelled():
            raise Cancelled("transcript export cancelled")
        if format == "txt":
            data = transcript.text.encode("utf-8")
            written.append(write_atomically(path, lambda stream, data=data: stream.write(data)))  # type: ignore[misc]
        else:
            written.append(write_atomically(path, lambda stream, t=transcript: render_docx(t, stream, language)))  # type: ignore[misc]
        if progress is not None:
            progress(done + 1, len(transcripts), transcript.name)
    return written


def _file_name(name: str, suffix: str, taken: set[str]) -> str:
    stem = _UNSAFE.sub("-", name).strip(" .") or "document"
    candidate, n = stem, 1
    while candidate.casefold() in taken:  # names unique in the project may clash on a case-blind disk
        n += 1
        candidate = f"{stem} ({n})"
    taken.add(candidate.casefold())
    return f"{candidate}.{suffix}"


def render_docx(transcript: Transcript, stream: IO[bytes], language: str = "en") -> None:
    document = docx.Document()
    ox.setup_document(document, language)
    properties = document.core_properties
    properties.title = transcript.name
    properties.author = properties.last_modified_by = properties.comments = ""
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)
    heading = document.styles["Heading 1"]  # the template's blue Calibri, made to match the text
    heading.font.name, heading.font.size, heading.font.color.rgb = ox.FONT, Pt(16), RGBColor(0, 0, 0)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        heading.element.rPr.rFonts.attrib.pop(qn(theme), None)
    heading.paragraph_format.space_after = Pt(12)
    document.add_paragraph(ox.clean_text(transcript.name), style="Heading 1")
    body = ox.Body(document)  # a paragraph per line: python-docx's add_paragraph would cost the body's length each
    labels = sorted(transcript.labels)
    first = 0  # labels before this one end before the current line
    position = 0
    for line in transcript.text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        paragraph = body.paragraph("")
        at = start
        while first < len(labels) and labels[first][1] <= start:
            first += 1
        for label_start, label_end in labels[first:]:
            if label_start >= end:
                break
            s, e = max(label_start, at), min(label_end, end)
            if e <= s:
                continue
            if s > at:
                paragraph.add_run(ox.clean_text(transcript.text[at:s]))
            paragraph.add_run(ox.clean_text(transcript.text[s:e])).bold = True
            at = e
        if at < end:
            paragraph.add_run(ox.clean_text(transcript.text[at:end]))
    document.save(stream)
