"""``lobcoder pseudonymise detect``, ``save`` and ``apply``.

``detect`` writes every entity found (with count, confidence and a proposed
pseudonym) as a term-list CSV to review; ``save`` stores the reviewed CSV in
the project as its decisions (as File → Pseudonymise… does when it closes), so
that exports with ``--pseudonymise`` use them; ``apply`` reads the reviewed CSV
(or the decisions stored in the project) and writes a pseudonymised copy plus a
separate key file. Only ``save`` changes the project, and only its decisions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lobcoder.cli.output import count
from lobcoder.errors import FileProblem
from lobcoder.i18n.said import say
from lobcoder.storage.project import ProjectStore


def register(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "pseudonymise",
        help="find personal data and write a pseudonymised copy with codings kept",
        description="Pseudonymisation in two steps: detect (review the CSV it writes), then apply. "
        "A person must review the findings: no detector finds everything.",
    )
    steps = cmd.add_subparsers(dest="step", metavar="STEP", required=True)
    detect = steps.add_parser("detect", help="write the entities found, with proposed pseudonyms, as a CSV")
    detect.add_argument("project", type=Path)
    detect.add_argument("--terms", type=Path, metavar="CSV", help="your term list: term, category, pseudonym")
    detect.add_argument("--out", type=Path, required=True, metavar="CSV")
    detect.add_argument("--no-deduce", action="store_true", help="only the project's lists and the term list")
    detect.set_defaults(handler=cmd_detect)
    save = steps.add_parser(
        "save",
        help="store the reviewed CSV in the project, for exports with --pseudonymise",
        description="Stores each term of the reviewed CSV (accepted or rejected, with its pseudonym) in the "
        "project, as File → Pseudonymise… does; a term already stored is updated. The transcripts and "
        "codings are not changed.",
    )
    save.add_argument("project", type=Path)
    save.add_argument("--decisions", type=Path, required=True, metavar="CSV", help="reviewed CSV from detect")
    save.set_defaults(handler=cmd_save)
    apply = steps.add_parser("apply", help="write a pseudonymised copy of the project and a separate key file")
    apply.add_argument("project", type=Path)
    apply.add_argument(
        "--decisions",
        type=Path,
        metavar="CSV",
        help="reviewed CSV from detect (default: decisions stored in the project)",
    )
    apply.add_argument("--out", type=Path, required=True, metavar="PROJECT", help="the new, pseudonymised project")
    apply.add_argument("--key", type=Path, required=True, metavar="JSON", help="where the key (who is who) goes")
    apply.add_argument("--password-file", type=Path, metavar="FILE", help="encrypt the key with the password in FILE")
    apply.add_argument(
        "--language",
        choices=("en", "nl"),
        default="en",
        help="coders become Coder 1, 2... (nl: Codeur 1, 2...); errors are worded in it too",
    )
    apply.set_defaults(handler=cmd_apply)


def cmd_detect(args: argparse.Namespace) -> int:
    from lobcoder.pseudonymise.decisions import load_decisions
    from lobcoder.pseudonymise.detect import detect
    from lobcoder.pseudonymise.termlist import read_term_list, write_term_list

    terms = read_term_list(args.terms) if args.terms else []
    with ProjectStore.open(args.project) as store:
        with store.read() as session:
            stored = load_decisions(session)
        if not args.no_deduce:
            from lobcoder.pseudonymise import deduce_engine

            if not deduce_engine.is_built():
                print("Building deduce's lookup lists (once per user, 1-3 minutes)...", file=sys.stderr)
        entities = detect(store, decisions=[*terms, *stored], use_deduce=not args.no_deduce)
    write_term_list(args.out, entities)
    occurrences = sum(e.count for e in entities)
    print(f"{count(len(entities), 'entity', 'entities')}, {count(occurrences, 'occurrence')} -> {args.out}")
    print(
        "Review the CSV (set decision to 'reject' or change a pseudonym), then run 'pseudonymise apply' "
        "for a pseudonymised copy, or 'pseudonymise save' to export with --pseudonymise."
    )
    return 0


def cmd_save(args: argparse.Namespace) -> int:
    from lobcoder.pseudonymise.decisions import save_decisions
    from lobcoder.pseudonymise.termlist import read_term_list

    decisions = read_term_list(args.decisions)
    if not decisions:
        raise FileProblem(args.decisions, say("problem.terms.no_terms"))
    with ProjectStore.open(args.project) as store, store.transaction() as session:
        save_decisions(session, decisions)
    accepted = sum(d.accepted and bool(d.pseudonym.strip()) for d in decisions)
    print(
        f"Stored {count(len(decisions), 'decision')} ({accepted} accepted) in {args.project}; "
        "exports with --pseudonymise use the accepted ones."
    )
    return 0


def cmd_apply(args: argparse.Namespace) -> int:
    from lobcoder.pseudonymise.apply import apply_pseudonyms
    from lobcoder.pseudonymise.decisions import load_decisions
    from lobcoder.pseudonymise.termlist import read_term_list

    password = _read_password(args.password_file) if args.password_file else None
    with ProjectStore.open(args.project) as store:
        if args.decisions:
            decisions = read_term_list(args.decisions)
        else:
            with store.read() as session:
                decisions = load_decisions(session)
        if not any(d.accepted and d.pseudonym.strip() for d in decisions):
            raise FileProblem(args.decisions or args.project, say("problem.terms.none_accepted"))
        result = apply_pseudonyms(store, decisions, args.out, args.key, password=password, language=args.language)
    print(
        f"Pseudonymised copy: {result.path} ({count(result.documents, 'document')}, "
        f"{count(result.replacements, 'replacement')}, "
        f"{count(result.codings, 'coding')} and {count(result.turns, 'turn')} moved)"
    )
    print(f"Key: {result.key_path}" + (" (encrypted)" if password else " (NOT encrypted: keep it apart from the copy)"))
    from lobcoder.pseudonymise.leak_check import report_lines

    for line in report_lines(result.leaks, args.language):
        print(line, file=sys.stderr)
    return 0


def _read_password(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise FileProblem(path, say("problem.cannot_read", reason=exc.strerror or exc)) from exc
    if not lines or not lines[0]:
        raise FileProblem(path, say("problem.password_file.empty"))
    return lines[0]
