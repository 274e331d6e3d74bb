"""Build the demo project: ``resources/demo`` (transcripts, sheet, codings, memos) coded with the research codebook."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from lobcoder.codebook.builtin import add_codebook_to_project, load_builtin_codebook
from lobcoder.errors import ProjectError, ProjectExistsError
from lobcoder.i18n.said import say
from lobcoder.importing.speakers import detect_turns
from lobcoder.participants.apply import apply_plan
from lobcoder.participants.plan import plan_sheet
from lobcoder.services.codebook_data import Codebook
from lobcoder.services.codes import list_codes
from lobcoder.services.codings import add_coding, coder_id
from lobcoder.services.documents import add_document
from lobcoder.services.memos import MemoTarget, set_memo
from lobcoder.storage.leftovers import partial_path
from lobcoder.storage.project import ProjectStore, remove_project_file, remove_sidecars
from lobcoder.text.normalize import normalize_text
from lobcoder.util.shipped import shipped

DEMO_NAME = "LOB in het mbo (demo)"
DEMO_FILENAME = "demo.lobcoder"
# Columns of the sheet that describe the person, not one interview: the wave does.
PARTICIPANT_COLUMNS = ("school", "role")

CodePath = tuple[str, ...]
CodingKey = tuple[str, CodePath, int, int]  # document, code path, start, end


@dataclass(frozen=True)
class DemoData:
    """Everything the demo is built from; tests swap parts to make a build fail."""

    transcripts: tuple[tuple[str, str], ...]  # (document name, text as shipped)
    sheet: Traversable
    codebook: Codebook  # codings.json and memos.json name its codes by path
    codings: tuple[Mapping[str, Any], ...]
    memos: tuple[Mapping[str, Any], ...]


def data_folder() -> Traversable:
    return shipped("demo")


def load_demo_data(folder: Traversable | None = None) -> DemoData:
    """Read the shipped demo data; transcripts in file-name order, named by their stem.

    The codes are the built-in Dutch research codebook, so the demo shows the
    definitions, criteria and keywords (and the keyword suggestions) a real
    project starts with.
    """
    folder = folder or data_folder()
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
    transcripts = tuple((f.name.removesuffix(".txt"), f.read_text(encoding="utf-8")) for f in files)

    def read_json(name: str, key: str) -> tuple[Mapping[str, Any], ...]:
        return tuple(json.loads((folder / name).read_text(encoding="utf-8"))[key])

    return DemoData(
        transcripts=transcripts,
        sheet=folder / "attributes.csv",
        codebook=load_builtin_codebook("nl"),
        codings=read_json("codings.json", "codings"),
        memos=read_json("memos.json", "memos"),
    )


def default_demo_path() -> Path:
    """Where the demo project lives for this user; the folder may not exist yet.

    Follows each platform's convention for application data (what platformdirs
    would give, without the dependency): ``$XDG_DATA_HOME`` or
    ``~/.local/share`` on Linux, ``~/Library/Application Support`` on macOS,
    ``%APPDATA%`` on Windows.
    """
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        base = Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        # The XDG spec says to ignore a relative path.
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "lobcoder" / DEMO_FILENAME


def create_demo_project(path: str | Path, *, overwrite: bool = False) -> Path:
    """Create the demo project at ``path`` and return its path.

    The folder must exist. An existing file is refused unless ``overwrite``;
    it is then replaced only once the new demo is complete, so a failed build
    leaves the old file (and never a partial one) in place.

    Raises:
        ProjectExistsError: ``path`` exists and ``overwrite`` is False.
        ProjectError: the folder does not exist, or ``path`` is a folder.
        ValueError: the shipped demo data is inconsistent (a quote not found).
    """
    return build_demo_project(path, load_demo_data(), overwrite=overwrite)


def build_demo_project(path: str | Path, data: DemoData, *, overwrite: bool = False) -> Path:
    """:func:`create_demo_project` from the given data."""
    path = Path(path)
    if path.is_dir():
        raise ProjectError(path, say("problem.project.folder_not_file"))
    if path.exists() and not overwrite:
        raise ProjectExistsError(path, say("problem.project.exists"))
    if not path.parent.is_dir():
        raise ProjectError(path, say("problem.project.no_folder", folder=path.parent))
    partial = partial_path(path, "building")
    remove_project_file(partial)
    try:
        store = ProjectStore.create(partial, name=DEMO_NAME)
        try:
            _fill(store, data)
        finally:
            store.close()
        remove_project_file(path)
        remove_sidecars(partial)
        os.replace(partial, path)
    except BaseException:
        remove_project_file(partial)
        raise
    return path


def _fill(store: ProjectStore, data: DemoData) -> None:
    with store.transaction() as session:
        documents = _import_transcripts(session, data.transcripts)
    with store.transaction() as session:
        _apply_sheet(session, data.sheet, documents)
    with store.transaction() as session:
        codes = _create_codes(session, data.codebook)
    with store.transaction() as session:
        codings = _add_codings(session, data.codings, documents, codes)
    with store.transaction() as session:
        _add_memos(session, data.memos, documents, codes, codings)


def _import_transcripts(session: Session, transcripts: Sequence[tuple[str, str]]) -> dict[str, tuple[int, str]]:
    """Import like a user would; returns document name -> (id, stored text)."""
    documents: dict[str, tuple[int, str]] = {}
    for name, raw in transcripts:
        text = normalize_text(raw)
        ref = add_document(
            session,
            name,
            text,
            detect_turns(text),
            original_filename=f"{name}.txt",
            original_format="txt",
        )
        documents[ref.name] = (ref.id, text)
    return documents


def _apply_sheet(session: Session, sheet: Traversable, documents: Mapping[str, tuple[int, str]]) -> None:
    with resources.as_file(sheet) as sheet_path:
        plan = plan_sheet(session, sheet_path, participant_attributes=PARTICIPANT_COLUMNS)
    unlinked = set(documents) - {link.document.name for link in plan.links}
    if plan.has_problems or unlinked:
        problems = plan.summary_lines() + [f"no participant for {name!r}" for name in sorted(unlinked)]
        raise ValueError("the demo attribute sheet does not fit the transcripts: " + "; ".join(problems))
    apply_plan(session, plan)


def _create_codes(session: Session, codebook: Codebook) -> dict[CodePath, int]:
    """Add the codebook to the new project; returns each code's path of names -> id."""
    add_codebook_to_project(session, codebook)
    ids: dict[CodePath, int] = {}
    paths: dict[int, CodePath] = {}
    for code in list_codes(session):  # parents come before their children
        path = (*paths[code.parent_id], code.name) if code.parent_id is not None else (code.name,)
        paths[code.id] = path
        ids[path] = code.id
    return ids


def find_quote(text: str, quote: str, *, document: str = "", occurrence: int | None = None) -> tuple[int, int]:
    """The span of ``quote`` in ``text``: its only occurrence, or the ``occurrence``-th (from 1).

    Codings are shipped as quotes rather than offsets so that editing a
    transcript cannot silently shift them onto other words: a quote that no
    longer matches stops the build instead.

    Raises:
        ValueError: naming the quote, if it is missing, occurs more than once
            without an ``occurrence``, or occurs fewer than ``occurrence`` times.
    """
    shown = quote if len(quote) <= 80 else quote[:77] + "..."
    where = f" in {document!r}" if document else ""
    if not quote:
        raise ValueError(f"an empty quote cannot be coded{where}")
    starts: list[int] = []
    found = text.find(quote)
    while found != -1:
        starts.append(found)
        found = text.find(quote, found + 1)
    if not starts:
        raise ValueError(f"quote {shown!r} not found{where}")
    if occurrence is None:
        if len(starts) > 1:
            raise ValueError(f"quote {shown!r} occurs {len(starts)} times{where}; say which occurrence")
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise ValueError(f"quote {shown!r} occurs {len(starts)} time(s){where}, so there is no occurrence {occurrence}")
    start = starts[occurrence - 1]
    return start, start + len(quote)


def _locate(
    entry: Mapping[str, Any], documents: Mapping[str, tuple[int, str]], codes: Mapping[CodePath, int]
) -> tuple[int, int, CodingKey]:
    """Document id, code id and key of the span a codings.json or memos.json entry points at."""
    name, path = entry["document"], tuple(entry["code"])
    if name not in documents:
        raise ValueError(f"no demo document named {name!r}")
    if path not in codes:
        raise ValueError(f"no code {' > '.join(path)!r} in the research codebook")
    document_id, text = documents[name]
    start, end = find_quote(text, normalize_text(entry["quote"]), document=name, occurrence=entry.get("occurrence"))
    return document_id, codes[path], (name, path, start, end)


def _add_codings(
    session: Session,
    specs: Sequence[Mapping[str, Any]],
    documents: Mapping[str, tuple[int, str]],
    codes: Mapping[CodePath, int],
) -> dict[CodingKey, int]:
    made: dict[CodingKey, int] = {}
    for entry in specs:
        document_id, code_id, key = _locate(entry, documents, codes)
        coding = add_coding(session, document_id, code_id, key[2], key[3], coder=entry.get("coder"))
        made[key] = coding.id
    return made


def _add_memos(
    session: Session,
    specs: Sequence[Mapping[str, Any]],
    documents: Mapping[str, tuple[int, str]],
    codes: Mapping[CodePath, int],
    codings: Mapping[CodingKey, int],
) -> None:
    for entry in specs:
        kind = entry["kind"]
        if kind == "project":
            target = MemoTarget("project")
        elif kind == "document":
            if entry["document"] not in documents:
                raise ValueError(f"memo on unknown demo document {entry['document']!r}")
            target = MemoTarget("document", documents[entry["document"]][0])
        elif kind == "code":
            path = tuple(entry["code"])
            if path not in codes:
                raise ValueError(f"memo on unknown demo code {' > '.join(path)!r}")
            target = MemoTarget("code", codes[path])
        elif kind == "coding":
            key = _locate(entry, documents, codes)[2]
            if key not in codings:
                raise ValueError(f"memo on a coding that codings.json does not make: {entry['quote'][:60]!r}")
            target = MemoTarget("coding", codings[key])
        else:
            raise ValueError(f"unknown memo kind {kind!r}")
        set_memo(session, target, entry["text"], coder_id(session, entry.get("coder")))
