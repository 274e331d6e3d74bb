"""Batch import of files and folders: one transaction per file, a report per file.

Reading and speaker detection happen before any database work. Each file is
then stored in its own transaction, so a file is either imported completely or
not at all, one bad file never stops the others, and cancelling keeps the files
finished so far (the report says which).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import DBAPIError

from lobcoder.errors import Cancelled, LobcoderError
from lobcoder.i18n.said import Said
from lobcoder.importing.extracted import ExtractedText, Turn, TurnTable
from lobcoder.importing.file_preview import FilePreview, load_preview, turns_of
from lobcoder.importing.readers import SUPPORTED_EXTENSIONS, read_file
from lobcoder.importing.speakers import DEFAULT_INTERVIEWER_NAMES, SpeakerPattern
from lobcoder.search.staged import StagedIndex
from lobcoder.services.documents import add_document, check_turns, find_duplicate
from lobcoder.services.prepared_text import SpooledText, spool_text
from lobcoder.storage.project import ProjectStore
from lobcoder.storage.staging import StagedText, StagedTurns, stage_all

Status = Literal["imported", "duplicate", "failed"]
ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class ImportOptions:
    detect_speakers: bool = True
    speaker_pattern: SpeakerPattern | None = None
    interviewer_names: frozenset[str] = DEFAULT_INTERVIEWER_NAMES
    allow_duplicates: bool = False
    document_facts: bool = False  # report the facts above each transcript ("Datum: ...") in FileResult.facts

    def pattern(self) -> SpeakerPattern | None:
        """The pattern speakers are detected with; None when detection is off."""
        if not self.detect_speakers:
            return None
        return self.speaker_pattern or SpeakerPattern(interviewer_names=self.interviewer_names)


@dataclass(frozen=True)
class FileResult:
    path: str
    status: Status
    message: str = ""
    document: str | None = None
    characters: int = 0
    turns: int = 0
    speakers: tuple[str, ...] = ()
    encoding: str | None = None
    warnings: tuple[Said, ...] = ()
    source: str | None = None  # the transcription service that made the file, when recognised
    facts: tuple[tuple[str, str], ...] = ()  # ("Datum", "12-03-2025") above the transcript, if asked for
    cause: LobcoderError | None = field(
        default=None, compare=False, repr=False, metadata={"plain": False}
    )  # words ``message`` in another language


@dataclass(frozen=True)
class ImportReport:
    results: tuple[FileResult, ...] = field(default_factory=tuple)
    cancelled: bool = False
    not_started: tuple[str, ...] = ()

    def with_status(self, status: Status) -> list[FileResult]:
        return [r for r in self.results if r.status == status]

    @property
    def imported(self) -> list[FileResult]:
        return self.with_status("imported")

    @property
    def failed(self) -> list[FileResult]:
        return self.with_status("failed")

    @property
    def duplicates(self) -> list[FileResult]:
        return self.with_status("duplicate")

    @property
    def facts(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """The facts above each imported transcript, by its document's name (those without facts left out)."""
        return {r.document: r.facts for r in self.imported if r.document is not None and r.facts}


def _is_candidate(path: Path) -> bool:
    name = path.name
    # Hidden files and the lock files Word leaves beside open documents.
    return not name.startswith((".", "~$")) and path.suffix.lower() in SUPPORTED_EXTENSIONS


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders (recursively) to the supported files in them, sorted by path.

    Files named explicitly are kept whatever their extension, so that an
    unsupported one is reported rather than silently skipped.
    """
    files: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        found: list[Path]
        if path.is_dir():
            found = sorted(
                (Path(root) / name for root, dirs, names in os.walk(path) for name in names),
                key=lambda p: str(p).lower(),
            )
            found = [p for p in found if _is_candidate(p)]
            # Don't descend into hidden folders' files.
            found = [p for p in found if not any(part.startswith(".") for part in p.relative_to(path).parts)]
        else:
            found = [path]
        for file in found:
            key = file.resolve() if file.exists() else file
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files


def extract(path: Path, options: ImportOptions) -> tuple[ExtractedText, Sequence[Turn]]:
    """Read one file and find its turns (no database access; safe in a worker).

    The turns are those :func:`speakers_of`, the function every preview uses, finds.
    """
    extracted = read_file(path)
    return extracted, turns_of(extracted, options.pattern())


def preview_file(path: Path, options: ImportOptions, cached: ExtractedText | None = None) -> FilePreview:
    """What importing ``path`` with ``options`` would store (the CLI's and the dialog's preview)."""
    return load_preview(path, options.pattern(), cached)


def import_one(
    store: ProjectStore, path: Path, options: ImportOptions = ImportOptions(), cancelled: CancelCheck | None = None
) -> FileResult:
    """Import a single file in its own transaction.

    Raises:
        Cancelled: ``cancelled()`` said so while a long text's search index
            was being staged; nothing of the file is stored.
    """
    spooled: SpooledText | None = None
    try:
        extracted, turns = extract(path, options)
        # The UTF-8 is set aside and read back only once the text is let go
        # (below): a long text with typographic quotes is two bytes a
        # character as a str, and both at once were the import's peak.
        spooled = spool_text(extracted.text, path.stem, beside=store.path)  # not in the system's temp folder
        check_turns(turns, spooled.length, path.stem)
        imported_format = extracted.format
        # Detection found the facts above the transcript with its turns; a reader's turns have none.
        facts = turns.facts if options.document_facts and isinstance(turns, TurnTable) else ()
    except (LobcoderError, ValueError) as exc:
        if spooled is not None:
            spooled.close()  # a long text's spool is a temporary file
        cause = exc if isinstance(exc, LobcoderError) else None
        return FileResult(str(path), "failed", getattr(exc, "problem", str(exc)), cause=cause)
    # The turns go into a TEMP table before the write lock and are copied
    # under it in one statement: another window waits as briefly as possible.
    # Their speakers are the ones stored, so the report names exactly those.
    staged = StagedTurns(turns)
    imported = FileResult(
        str(path),
        "imported",
        characters=spooled.length,
        turns=len(turns),
        speakers=staged.speakers,
        encoding=extracted.encoding,
        warnings=extracted.warnings + (turns.notes if isinstance(turns, TurnTable) else ()),
        source=extracted.source,
        facts=facts,
    )
    # Only the prepared bytes are needed from here on: letting the text go
    # leaves room for the copies SQLite makes of a long transcript.
    del extracted
    del turns
    prepared = spooled.prepared()
    # A long text's search index is written first, in short transactions of
    # its own that no search sees, and claimed by the document's transaction;
    # the text itself waits in a TEMP table, so only SQLite holds it then.
    long_text = StagedIndex.worth_it(prepared.utf8)
    index = StagedIndex(prepared.utf8) if long_text else None
    text = StagedText(prepared.utf8) if long_text else None
    before_lock = stage_all(staged.stage, text.stage) if text is not None else staged.stage
    claimed = False
    try:
        if index is not None:
            with store.read() as session:
                duplicate = None if options.allow_duplicates else find_duplicate(session, prepared.digest)
            if duplicate is not None:
                return FileResult(str(path), "duplicate", f"same text as document '{duplicate}'", document=duplicate)
            index.stage(store, cancelled)
        with store.transaction(before_lock=before_lock) as session:
            duplicate = None if options.allow_duplicates else find_duplicate(session, prepared.digest)
            if duplicate is not None:
                return FileResult(str(path), "duplicate", f"same text as document '{duplicate}'", document=duplicate)
            stored = add_document(
                session,
                path.stem,
                prepared,
                staged,
                original_filename=path.name,
                original_format=imported_format,
                interviewer_names=options.interviewer_names,
                index=index,
                staged_text=text,
            )
        claimed = True
    except Cancelled:
        raise
    except (LobcoderError, ValueError) as exc:
        return FileResult(str(path), "failed", str(exc))
    except DBAPIError as exc:
        # The transaction was rolled back: nothing of this file was stored. The driver's first line:
        # PostgreSQL adds CONTEXT and DETAIL lines, SQLite has one.
        reason = (str(exc.orig).splitlines() or [type(exc.orig).__name__])[0]
        return FileResult(str(path), "failed", f"could not be stored in the project ({reason})")
    finally:
        if index is not None and not claimed:
            index.discard(store)
    return dataclasses.replace(imported, document=stored.name)


def import_files(
    store: ProjectStore,
    paths: Sequence[str | Path],
    options: ImportOptions = ImportOptions(),
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportReport:
    """Import files and folders; ``progress(done, total, current_file)`` after each."""
    files = collect_files(paths)
    results: list[FileResult] = []
    for index, path in enumerate(files):
        if cancelled is not None and cancelled():
            return ImportReport(tuple(results), cancelled=True, not_started=tuple(str(p) for p in files[index:]))
        if progress is not None:
            progress(index, len(files), str(path))
        try:
            results.append(import_one(store, path, options, cancelled))
        except Cancelled:  # during a long file: it is not imported
            return ImportReport(tuple(results), cancelled=True, not_started=tuple(str(p) for p in files[index:]))
    if progress is not None:
        progress(len(files), len(files), "")
    return ImportReport(tuple(results))
