"""``lobcoder documents remove`` and ``rename``: take wrongly imported documents out (after a backup), rename one."""

from __future__ import annotations

import argparse
from pathlib import Path

from lobcoder.i18n import message
from lobcoder.services.document_removal import DocumentToRemove, plan_removal, remove_documents
from lobcoder.services.documents import find_document, rename_document
from lobcoder.storage.project import ProjectStore


def register(commands: argparse._SubParsersAction) -> None:
    documents = commands.add_parser("documents", help="rename a document, or remove documents (after a backup)")
    actions = documents.add_subparsers(dest="action", metavar="ACTION", required=True)
    remove = actions.add_parser(
        "remove",
        help="remove documents with their codings, memos and turns",
        description="Without --yes, lists what would go and changes nothing. With --yes the project is backed "
        "up first (reason 'before-remove'; see `lobcoder backup list`) and the documents are removed in one "
        "action; if the backup cannot be made nothing is removed.",
    )
    remove.add_argument("project", type=Path)
    remove.add_argument("names", nargs="+", metavar="NAME", help="document name (as `lobcoder show` lists them)")
    remove.add_argument("--yes", action="store_true", help="really remove them")
    remove.add_argument("--language", choices=["en", "nl"], default="en", help="language of the messages")
    remove.set_defaults(handler=cmd_remove)
    rename = actions.add_parser(
        "rename",
        help="give a document another name",
        description="The name must not be another document's (compared ignoring case); codings, memos, turns "
        "and the search index stay with the document.",
    )
    rename.add_argument("project", type=Path)
    rename.add_argument("old", metavar="OLD", help="the document's name now (as `lobcoder show` lists it)")
    rename.add_argument("new", metavar="NEW", help="its new name")
    rename.add_argument("--language", choices=["en", "nl"], default="en", help="language of the messages")
    rename.set_defaults(handler=cmd_rename)


def _describe(document: DocumentToRemove, language: str) -> str:
    return message(
        "remove.document",
        language,
        name=document.name,
        codings=document.codings,
        memos=document.memos,
        turns=document.turns,
    )


def cmd_remove(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store:
        if not args.yes:
            with store.read() as session:
                plan = plan_removal(session, args.names)
            for document in plan:
                print(_describe(document, args.language))
            print(message(f"remove.dry_run.{_number(len(plan))}", args.language, count=len(plan)))
            return 0
        removal = remove_documents(store, args.names)
    for document in removal.documents:
        print(_describe(document, args.language))
    count = len(removal.documents)
    print(message(f"remove.done.{_number(count)}", args.language, count=count, backup=removal.backup))
    return 0


def _number(count: int) -> str:
    """The message key's ending: "one" for 1 (also in Dutch: "1 document"), else "many" ("0 documenten")."""
    return "one" if count == 1 else "many"


def cmd_rename(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store:
        with store.transaction() as session:
            old = find_document(session, args.old).name
            new = rename_document(session, old, args.new).name
    print(message("rename.done", args.language, old=old, new=new))
    return 0
