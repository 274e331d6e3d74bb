"""``lobcoder search``, ``lobcoder show`` and ``lobcoder speakers``."""

from __future__ import annotations

import argparse
from pathlib import Path

from lobcoder.cli.output import one_line, print_json, to_plain
from lobcoder.participants.links import document_attributes, list_participants
from lobcoder.search.fulltext import search
from lobcoder.search.query import QueryError
from lobcoder.services.documents import get_document, list_documents, list_speakers, set_interviewer
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

    cmd = commands.add_parser("speakers", help="list speakers; mark or unmark interviewers")
    cmd.add_argument("project", type=Path)
    cmd.add_argument("--interviewer", action="append", default=[], metavar="NAME", help="mark as interviewer")
    cmd.add_argument("--not-interviewer", action="append", default=[], metavar="NAME", help="mark as not interviewer")
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
    print(f"{len(result.hits)} hits in {result.documents_matched} documents{more}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store, store.read() as session:
        if args.document is None:
            documents = list_documents(session)
            if args.json:
                print_json(documents)
            for doc in [] if args.json else documents:
                who = f" [{doc.participant}]" if doc.participant else ""
                print(f"{doc.name}{who}: {doc.characters} characters, {doc.turns} turns, {doc.codings} codings")
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
    with ProjectStore.open(args.project) as store:
        if args.interviewer or args.not_interviewer:
            with store.transaction() as session:
                for name in args.interviewer:
                    set_interviewer(session, name, True)
                for name in args.not_interviewer:
                    set_interviewer(session, name, False)
        with store.read() as session:
            speakers = list_speakers(session)
    if args.json:
        print_json(speakers)
        return 0
    for s in speakers:
        role = " (interviewer)" if s.is_interviewer else ""
        print(f"{s.name}{role}: {s.turns} turns in {s.documents} documents")
    return 0
