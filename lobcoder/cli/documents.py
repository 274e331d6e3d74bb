"""``lobcoder search``, ``lobcoder show`` and ``lobcoder speakers``."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.orm import Session

from lobcoder.cli.output import count, one_line, print_json, to_plain
from lobcoder.editing.speaker_commands import (
    MergeSpeakers,
    ReassignInDocument,
    RenameSpeaker,
    SetInterviewers,
    code_speaker_turns,
)
from lobcoder.errors import NotFoundError
from lobcoder.i18n.said import say
from lobcoder.participants.links import document_attributes, list_participants
from lobcoder.search.fulltext import search
from lobcoder.search.query import QueryError
from lobcoder.services.codes import list_codes
from lobcoder.services.codings import default_coder_name
from lobcoder.services.documents import get_document, list_documents, list_speakers
from lobcoder.services.speakers import document_speakers
from lobcoder.storage.project import ProjectStore


def register(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "search",
        help="full-text search with keyword-in-context results",
        description='Words must all occur; "a phrase", prefix*, OR, -excluded. Case and accents are ignored.',
    )
    cmd.add_argument("project", type=Path)
    cmd.add_argument("query")
    cmd.add_argument("--limit", type=int, default=200, help="at most this many hits (default 200)")
    cmd.add_argument("--context", type=int, default=40, help="characters of context on each side")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=cmd_search)

    cmd = commands.add_parser("show", help="a document's text with its speaker turns")
    cmd.add_argument("project", type=Path)
    cmd.add_argument("document", nargs="?", help="document name (omit to list the documents)")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=cmd_show)

    cmd = commands.add_parser("participants", help="participants with their documents and attributes")
    cmd.add_argument("project", type=Path)
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=cmd_participants)

    cmd = commands.add_parser(
        "speakers",
        help="list speakers; rename, merge, mark interviewers, code their turns",
        description="Speakers are project-wide. All changes given run as one action; the texts keep their "
        "original labels, turns and analyses use the new names.",
    )
    cmd.add_argument("project", type=Path)
    cmd.add_argument("--interviewer", action="append", default=[], metavar="NAME", help="mark as interviewer")
    cmd.add_argument("--not-interviewer", action="append", default=[], metavar="NAME", help="mark as not interviewer")
    cmd.add_argument(
        "--rename", action="append", default=[], nargs=2, metavar=("OLD", "NEW"), help="rename a speaker (repeatable)"
    )
    cmd.add_argument("--merge", action="append", default=[], metavar="NAME", help="merge this speaker --into another")
    cmd.add_argument("--into", metavar="NAME", help="the speaker the --merge speakers become (created if new)")
    cmd.add_argument("--code-turns", metavar="CODE", help="code the speech of every turn of --of speakers with CODE")
    cmd.add_argument(
        "--of",
        action="append",
        default=None,
        metavar="NAME",
        help="speaker whose turns --code-turns codes "
        "(repeatable; default: every respondent, i.e. every speaker not marked as interviewer)",
    )
    cmd.add_argument("--coder", metavar="NAME", help="the coder of --code-turns codings (default: your user name)")
    cmd.add_argument(
        "--document",
        metavar="NAME",
        help="--rename, --merge and --code-turns act in this document only (its turns go to the new speaker)",
    )
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=cmd_speakers)


def cmd_search(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store, store.read() as session:
        try:
            result = search(session, args.query, limit=args.limit, context=args.context)
        except QueryError as exc:
            print(f"lobcoder: error: {exc}")
            return 2
    if args.json:
        print_json(result)
        return 0
    width = args.context
    for hit in result.hits:
        left = one_line(hit.left)[-width:]
        right = one_line(hit.right)[:width]
        print(f"{hit.document_name}:{hit.start}  {left:>{width}} [{hit.hit}] {right}")
    more = " (more not shown; raise --limit)" if result.truncated else ""
    print(f"{count(len(result.hits), 'hit')} in {count(result.documents_matched, 'document')}{more}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store, store.read() as session:
        if args.document is None:
            documents = list_documents(session)
            if args.json:
                print_json(documents)
            for doc in [] if args.json else documents:
                who = f" [{doc.participant}]" if doc.participant else ""
                counts = ", ".join(
                    (count(doc.characters, "character"), count(doc.turns, "turn"), count(doc.codings, "coding"))
                )
                print(f"{doc.name}{who}: {counts}")
            return 0
        view = get_document(session, args.document)
        attributes = document_attributes(session, view.id)
    if args.json:
        print_json({**to_plain(view), "attributes": attributes})
        return 0
    print(f"# {view.name} ({view.original_filename}, {view.original_format})")
    if view.participant or attributes:
        described = ", ".join(f"{k}: {_value(v)}" for k, v in attributes.items())
        print(f"# participant: {view.participant or '-'}" + (f"; {described}" if described else ""))
    if not view.turns:
        print(view.text)
        return 0
    position = 0
    for turn in view.turns:
        between = view.text[position : turn.label_start].strip("\n")
        if between.strip():
            print(between)
        stamp = f"[{_clock(turn.timestamp_ms)}] " if turn.timestamp_ms is not None else ""
        role = " (interviewer)" if turn.is_interviewer else ""
        print(f"{stamp}{turn.speaker or '?'}{role} @{turn.start}-{turn.end}: {view.text[turn.start : turn.end]}")
        position = turn.end
    if position < len(view.text) and view.text[position:].strip():
        print(view.text[position:].strip("\n"))
    return 0


def _value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def cmd_participants(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store, store.read() as session:
        participants = list_participants(session)
    if args.json:
        print_json(participants)
        return 0
    for participant in participants:
        described = ", ".join(f"{k}: {_value(v)}" for k, v in participant.attributes.items())
        print(f"{participant.name}: {', '.join(participant.documents) or 'no documents'}")
        if described:
            print(f"  {described}")
    return 0


def _clock(ms: int) -> str:
    seconds = ms // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def cmd_speakers(args: argparse.Namespace) -> int:
    if bool(args.merge) != bool(args.into):
        print("lobcoder: error: --merge NAME and --into NAME go together")
        return 2
    with ProjectStore.open(args.project) as store:
        if args.interviewer or args.not_interviewer or args.rename or args.merge or args.code_turns:
            try:
                with store.transaction() as session:
                    coded = _change_speakers(session, args)
            except ValueError as exc:
                print(f"lobcoder: error: {exc}")
                return 1
            if coded:
                print(f"coded {count(coded, 'turn')} with {args.code_turns!r}")
        with store.read() as session:
            if args.document:
                speakers = document_speakers(session, get_document(session, args.document).id)
            else:
                speakers = list_speakers(session)
    if args.json:
        print_json(speakers)
        return 0
    for s in speakers:
        role = " (interviewer)" if s.is_interviewer else ""
        print(f"{s.name}{role}: {count(s.turns, 'turn')} in {count(s.documents, 'document')}")
    return 0


def _change_speakers(session: Session, args: argparse.Namespace) -> int:
    """Apply the requested changes in order; returns how many turns were coded."""
    document = get_document(session, args.document).id if args.document else None
    for old, new in args.rename:
        if document is None:
            RenameSpeaker(old, new).apply(session)
        else:
            ReassignInDocument(document, [old], new).apply(session)
    if args.merge:
        if document is None:
            MergeSpeakers(args.merge, args.into).apply(session)
        else:
            ReassignInDocument(document, args.merge, args.into).apply(session)
    flags = {name: True for name in args.interviewer} | {name: False for name in args.not_interviewer}
    if flags:
        SetInterviewers(flags).apply(session)
    if not args.code_turns:
        return 0
    matches = [c for c in list_codes(session) if args.code_turns.casefold() in (c.name.casefold(), c.guid.lower())]
    if not matches:
        raise NotFoundError(say("problem.not_found.code_named", name=args.code_turns))
    command = code_speaker_turns(session, matches[0].guid, args.of, args.coder or default_coder_name(), document)
    command.apply(session)
    return len(command.codings)
