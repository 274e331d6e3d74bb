"""``lobcoder import``: files and folders, speaker pattern, attribute sheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from lobcoder.cli.output import count, print_json, to_plain
from lobcoder.importing.file_preview import describe_source
from lobcoder.importing.speakers import DEFAULT_INTERVIEWER_NAMES, RejectReason, SpeakerPattern
from lobcoder.participants.apply import apply_plan
from lobcoder.participants.facts import store_facts
from lobcoder.participants.plan import plan_sheet
from lobcoder.services.batch_import import (
    FileResult,
    ImportOptions,
    ImportReport,
    collect_files,
    import_files,
    preview_file,
)
from lobcoder.services.speakers import speaker_names
from lobcoder.storage.project import ProjectStore


def register(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "import",
        help="import transcripts (files or folders) and/or an attribute sheet",
        description="Import .docx, .txt, .odt, .rtf, .pdf, .md, .html, .vtt, .srt and Whisper .json files; "
        "folders are searched recursively. Transcripts exported by Microsoft Teams, Zoom, Otter, Amberscript, "
        "Happy Scribe, Word Transcribe and Whisper are recognised by their content and keep their speakers "
        "and times. Each file is imported whole or not at all; failures are listed. "
        "Exit code 1 means some files were rejected.",
    )
    cmd.add_argument("project", type=Path)
    cmd.add_argument("paths", nargs="*", type=Path, help="files and folders to import")
    cmd.add_argument(
        "--speaker-pattern",
        metavar="REGEX",
        help="regular expression with a (?P<speaker>...) group, matched at line starts",
    )
    cmd.add_argument(
        "--min-speaker-turns",
        type=int,
        default=2,
        metavar="N",
        help="a label must start at least N lines to count as a speaker (default 2; I:, R:, Interviewer: always count)",
    )
    cmd.add_argument(
        "--interviewer",
        action="append",
        default=[],
        metavar="NAME",
        help="speaker label that belongs to the interviewer (repeatable)",
    )
    cmd.add_argument("--no-speakers", action="store_true", help="do not detect speaker turns")
    cmd.add_argument(
        "--allow-duplicates", action="store_true", help="import a file even if a document with the same text exists"
    )
    cmd.add_argument(
        "--preview", action="store_true", help="show the speakers and turns that would be found; import nothing"
    )
    cmd.add_argument(
        "--facts-as-attributes",
        action="store_true",
        help="store the document information above each transcript (Datum: ..., School: ...) as document attributes",
    )
    sheet = cmd.add_argument_group("attribute sheet")
    sheet.add_argument(
        "--attributes", type=Path, metavar="SHEET", help="CSV or XLSX with a row per document or participant"
    )
    sheet.add_argument(
        "--key-column", metavar="COLUMN", help="column naming the document or participant (default: detected)"
    )
    sheet.add_argument("--participant-column", metavar="COLUMN", help="column naming each document's participant")
    sheet.add_argument(
        "--participant-attributes",
        metavar="COL,COL",
        default="",
        help="columns that describe the participant rather than the document (e.g. school,role)",
    )
    sheet.add_argument(
        "--create-participants", action="store_true", help="create participants for rows that match none"
    )
    cmd.add_argument("--json", action="store_true", help="print the report as JSON")
    cmd.set_defaults(handler=cmd_import)


def _known_speakers(project: str) -> frozenset[str]:
    """The speakers already in the project (none while it does not exist yet)."""
    if not Path(project).exists():
        return frozenset()
    with ProjectStore.open(project) as store, store.read() as session:
        return speaker_names(session)


def _options(args: argparse.Namespace) -> ImportOptions:
    names = DEFAULT_INTERVIEWER_NAMES | {n.strip().lower() for n in args.interviewer}
    try:
        pattern = SpeakerPattern(
            regex=args.speaker_pattern,
            min_occurrences=args.min_speaker_turns,
            interviewer_names=names,
            known_names=_known_speakers(args.project),
        )
    except ValueError as exc:
        raise SystemExit(_usage_error(f"--speaker-pattern: {exc}")) from exc
    return ImportOptions(
        detect_speakers=not args.no_speakers,
        speaker_pattern=pattern,
        interviewer_names=names,
        allow_duplicates=args.allow_duplicates,
        document_facts=args.facts_as_attributes,
    )


def _usage_error(message: str) -> int:
    print(f"lobcoder: error: {message}", file=sys.stderr)
    return 2


def cmd_import(args: argparse.Namespace) -> int:
    if not args.paths and not args.attributes:
        return _usage_error("nothing to import: give files/folders and/or --attributes SHEET")
    options = _options(args)
    if args.preview:
        return _preview(args, options)
    with ProjectStore.open(args.project) as store:
        report = ImportReport()
        if args.paths:
            progress = None if args.json or not sys.stderr.isatty() else _progress
            report = import_files(store, args.paths, options, progress=progress)
        stored_facts = store_facts(store, report.facts) if args.facts_as_attributes else None
        facts_plan = stored_facts[0] if stored_facts is not None else None
        sheet_lines: list[str] = []
        sheet_plan = None
        if args.attributes:
            with store.transaction() as session:
                sheet_plan = plan_sheet(
                    session,
                    args.attributes,
                    key_column=args.key_column,
                    participant_column=args.participant_column,
                    participant_attributes=[c.strip() for c in args.participant_attributes.split(",") if c.strip()],
                    create_participants=args.create_participants,
                )
                apply_plan(session, sheet_plan)
            sheet_lines = sheet_plan.summary_lines()
    if args.json:
        files = [_file_json(result, args.facts_as_attributes) for result in report.results]
        print_json(
            {"files": files, "cancelled": report.cancelled, "attribute_sheet": sheet_plan}
            | ({"document_facts": facts_plan} if args.facts_as_attributes else {})
        )
    else:
        _print_report(report)
        if facts_plan is not None:
            print("document information stored as attributes:")
            for line in facts_plan.summary_lines():
                print(f"  {line}")
        for line in sheet_lines:
            print(line)
    rejected = bool(report.failed) or bool(sheet_plan and sheet_plan.has_problems)
    return 1 if rejected else 0


def _file_json(result: FileResult, with_facts: bool) -> dict[str, Any]:
    """One file's JSON entry; ``facts`` only when they were looked for (``[]`` would say "none found")."""
    entry: dict[str, Any] = to_plain(result)
    if not with_facts:
        del entry["facts"]
    return entry


def _progress(done: int, total: int, current: str) -> None:
    end = "\n" if done == total else ""
    print(f"\rImporting {done}/{total} {Path(current).name[:50]:<50}", end=end, file=sys.stderr, flush=True)


def _print_report(report: ImportReport) -> None:
    for result in report.results:
        if result.status == "imported":
            detail = f"{count(result.characters, 'character')}, {count(result.turns, 'turn')}"
            if result.source:
                detail = f"{result.source}; {detail}"
            if result.speakers:
                detail += f", speakers: {', '.join(result.speakers[:6])}"
            print(f"imported   {result.path} -> '{result.document}' ({detail})")
        elif result.status == "duplicate":
            print(f"duplicate  {result.path}: {result.message}")
        else:
            print(f"FAILED     {result.path}: {result.message}")
    if report.results:
        print(
            f"{len(report.imported)} imported, {count(len(report.duplicates), 'duplicate')} skipped, "
            f"{len(report.failed)} failed"
        )


def _preview(args: argparse.Namespace, options: ImportOptions) -> int:
    previews: list[dict[str, Any]] = []
    failed = False
    for path in collect_files(args.paths):
        result = preview_file(path, options)
        if result.error is not None or result.preview is None or result.extracted is None:
            failed = True
            previews.append({"path": str(path), "error": f"{path}: {result.error}"})
            continue
        extracted = result.extracted
        previews.append(
            {
                "path": str(path),
                "format": extracted.format,
                "source": extracted.source,
                "origin": describe_source(extracted),
                "preview": result.preview,
            }
        )
    if args.json:
        print_json(previews)
        return 1 if failed else 0
    for item in previews:
        if "error" in item:
            print(f"FAILED {item['error']}")
            continue
        shown = item["preview"]
        print(f"{item['path']} ({item['origin']}): {count(len(shown.turns), 'turn')}")
        for speaker in shown.speakers:
            role = " (interviewer)" if speaker.is_interviewer else ""
            print(
                f"  {speaker.name or '(no speaker)'}{role}: {count(speaker.turn_count, 'turn')}, {count(speaker.word_count, 'word')}"
            )
        rejected = [line for line in shown.lines if line.rejected_label]
        for line in rejected[:10]:
            if line.rejected_label is not None and line.rejected_label.reason is RejectReason.METADATA:
                print(f"  line {line.line_number}: document information, not a turn: {line.text}")
            else:
                print(f"  line {line.line_number}: not a speaker: {line.rejected_label}")
    return 1 if failed else 0
