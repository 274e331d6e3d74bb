"""Write a pseudonymised copy of a project, with every coding, turn and index moved along.

The original is only read (SQLite online backup into ``<out>.creating``); all
changes happen in the copy in one transaction, and the copy appears under its
name only when it and the key file are complete. In the copy: document texts,
names and file names, memos, participant names and descriptions, speaker names,
attribute values and the code descriptions are replaced, and coders become
``Coder <n>`` (:mod:`names`); codings, speaker turns and rejected
suggestions move to the new offsets (:mod:`remap`); the search index is
rebuilt; what could still hold the originals (the NLP cache, trained
suggestion models, the stored decisions) is dropped.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from lobcoder.errors import Cancelled, ProjectError, ProjectExistsError
from lobcoder.i18n.said import say
from lobcoder.importing.readers import SUPPORTED_EXTENSIONS
from lobcoder.pseudonymise.keyfile import KeyFileError, write_key
from lobcoder.pseudonymise.leak_check import Leak, leaks_in_project
from lobcoder.pseudonymise.matcher import TermMatcher, entity_key
from lobcoder.pseudonymise.names import (
    coder_pseudonyms,
    hidden_forms,
    neutral_document_name,
    still_holds,
    styled_name,
)
from lobcoder.pseudonymise.remap import Remapper, Replacement
from lobcoder.pseudonymise.short_forms import is_ordinary_word, lower_case_words
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.search.index import index_document, rebuild_index
from lobcoder.services.left_out_words import left_out_words, set_left_out_words
from lobcoder.storage.leftovers import partial_path
from lobcoder.storage.models import (
    AttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    NlpCache,
    Participant,
    ProjectSetting,
    PseudonymDecision,
    Speaker,
    SpeakerTurn,
    SuggestionModel,
    SuggestionRejection,
)
from lobcoder.storage.project import ProjectStore, remove_project_file, remove_sidecars
from lobcoder.text.normalize import content_hash

Progress = Callable[[int, int, str], None]
_CODE_FIELDS = ("description", "definition", "inclusion", "exclusion", "examples")


@dataclass(frozen=True)
class ApplyResult:
    path: Path
    key_path: Path
    documents: int
    replacements: int
    codings: int
    turns: int
    leaks: tuple[Leak, ...] = ()  # accepted names and their short forms still in the copy (leak_check)


class Replacer:
    """Both matchers and the pseudonym of every accepted term; ``label`` and ``prose`` replace in short texts.

    A term that is also a common word (``Wil``; :func:`short_forms.is_ordinary_word` with ``lower_words``, the
    project's own lower-case words of :func:`short_forms.lower_case_words`) is replaced in running text only
    where it is written as the name (:mod:`word_names`): ``Wil je dat?`` stays, ``Gisteren zei Wil`` does not.
    """

    def __init__(
        self,
        decisions: Sequence[Decision],
        names: dict[str, str] | None = None,
        lower_words: frozenset[str] = frozenset(),
    ) -> None:
        self.pseudonyms: dict[str, str] = {}
        for d in decisions:
            pseudonym = " ".join(unicodedata.normalize("NFC", d.pseudonym).split())
            if d.accepted and pseudonym:
                self.pseudonyms.setdefault(" ".join(d.term.split()), pseudonym)
        self.decisions = list(decisions)
        self.names = dict(names or {})
        for name, pseudonym in self.names.items():  # e.g. coders in memos; an accepted term goes first
            self.pseudonyms.setdefault(" ".join(name.split()), pseudonym)
        self.lower_words = lower_words
        words = [entity_key(t) for t in self.pseudonyms if is_ordinary_word(t, lower_words)]
        self.in_text = TermMatcher(self.pseudonyms, initial_case=True, word_terms=words)
        self.in_labels = TermMatcher(self.pseudonyms, initial_case=False)
        self._hidden: frozenset[str] | None = None

    def replacements(self, text: str, *, label: bool = False) -> list[Replacement]:
        matcher = self.in_labels if label else self.in_text
        return [Replacement(m.start, m.end, self.pseudonyms[m.term]) for m in matcher.find(text)]

    def label(self, text: str) -> str:
        return Remapper(text, self.replacements(text, label=True)).text if text else text

    def prose(self, text: str) -> str:
        return Remapper(text, self.replacements(text)).text if text else text

    def with_names(self, names: dict[str, str]) -> Replacer:
        """This replacer's decisions, and ``names`` (whole words) where no accepted term applies.

        Only names written with a capital (``Fenna``): a login name such as ``coder``
        or ``docent`` is also an ordinary word. ``prose`` (a memo) replaces them only
        where the text has the capital too; ``label`` (the project name) in any case.
        """
        capitalised = {name: new for name, new in names.items() if name[:1].isupper()}
        return Replacer(self.decisions, capitalised, self.lower_words)

    def for_texts(self, texts: Iterable[str]) -> Replacer:
        """This replacer, judging which terms are common words by ``texts`` too (the project's documents and
        memos: ``roos`` written mostly in lower case there makes the name ``Roos`` one)."""
        return Replacer(self.decisions, self.names, self.lower_words | lower_case_words(texts))

    def in_name(self, name: str) -> str:
        """``name`` (built like a file name: ``marieke_de_vries_r1``) in its own style, without the terms it holds."""
        return styled_name(name, self.replacements(name.replace("_", " "), label=True)) if name else name

    def clean_name(self, name: str) -> str | None:
        """:meth:`in_name`, or None when a term remains in it (hidden inside a word: ``MariekeLOB``)."""
        new = self.in_name(name)
        if self._hidden is None:
            self._hidden = hidden_forms(self.pseudonyms)
        return None if still_holds(new, self._hidden) else new

    def document_name(self, name: str, number: int, language: str = "en") -> str:
        """A document or file name that reads naturally and holds no accepted term, else ``Document <number>``."""
        new = self.clean_name(name)
        return neutral_document_name(number, language) if new is None else new


def shared_left_out(words: Iterable[str], replacer: Replacer) -> frozenset[str]:
    """The researcher's left-out words (Words tab) a copy or export may hold: not a name an accepted decision
    replaces (``marieke``), which the Words report's notes would print; a name that is also a word (``wil``)
    stays, as the word it is there."""
    return frozenset(
        word for word in words if replacer.label(word) == word or is_ordinary_word(word, replacer.lower_words)
    )


def apply_pseudonyms(
    store: ProjectStore,
    decisions: Sequence[Decision],
    out_path: str | Path,
    key_path: str | Path,
    *,
    password: str | None = None,
    language: str = "en",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ApplyResult:
    """Write the pseudonymised copy to ``out_path`` and the key to ``key_path``; the original is not changed."""
    out, key_file = Path(out_path), Path(key_path)
    if out.exists():
        raise ProjectExistsError(out, say("problem.copy.exists"))
    if key_file.exists():
        raise KeyFileError(key_file, say("problem.key.exists"))
    if not out.parent.is_dir():
        raise ProjectError(out, say("problem.project.no_folder", folder=out.parent))
    replacer = Replacer(decisions)
    partial = partial_path(out, "creating")
    key = build_copy(store, replacer, partial, language=language, progress=progress, cancelled=cancelled)
    key.update(
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        source_project=store.path.name,
        pseudonymised_project=out.name,
        terms=[{"term": t, "pseudonym": p} for t, p in replacer.pseudonyms.items()],
    )
    try:
        with ProjectStore.open(partial) as written:
            leaks = tuple(leaks_in_project(written, decisions, [out.name]))  # the copy's file name is shared too
        write_key(key_file, key, password)
    except BaseException:
        remove_project_file(partial)
        raise
    remove_sidecars(partial)
    partial.rename(out)
    counts = (key["documents"], len(key["positions"]), key["codings"], key["turns"])
    return ApplyResult(out, key_file, *counts, leaks=leaks)


def build_copy(
    store: ProjectStore,
    replacer: Replacer,
    target: Path,
    *,
    compact: bool = True,
    language: str = "en",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Copy the project to ``target`` (closed when this returns) and pseudonymise the copy; what the key needs.

    Exports build their hidden copy with this too (``compact=False``: that copy
    is deleted after the export, so free pages do not matter). ``language``
    words the names given where no term applies (``Coder 1``/``Codeur 1``).
    On any failure ``target`` is removed.
    """
    remove_project_file(target)
    store.backup_to(target)
    copy = ProjectStore.open(target)
    try:
        with copy.transaction() as session:
            key = _pseudonymise(session, replacer, language, progress, cancelled)
        if compact:
            copy.compact()  # the original texts must not stay readable in the copy's free pages
        copy.close()
    except BaseException:
        copy.close()
        remove_project_file(target)
        raise
    return key


def _pseudonymise(
    session: Session,
    replacer: Replacer,
    language: str,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> dict[str, Any]:
    positions: list[dict[str, Any]] = []
    fields: list[dict[str, Any]] = []
    coders = coder_pseudonyms(session, language)
    codings = _by_document(session, select(Coding.document_id, Coding.id, Coding.start, Coding.end))
    turns = _by_document(
        session,
        select(SpeakerTurn.document_id, SpeakerTurn.id, SpeakerTurn.label_start, SpeakerTurn.start, SpeakerTurn.end),
    )
    rejections = _by_document(
        session,
        select(
            SuggestionRejection.content_hash, SuggestionRejection.id, SuggestionRejection.start, SuggestionRejection.end
        ),
    )
    documents = session.execute(
        select(Document.id, Document.guid, Document.name, Document.text, Document.content_hash).order_by(Document.id)
    ).all()
    memo_texts = session.scalars(select(Memo.text)).all()
    replacer = replacer.for_texts([*(row.text for row in documents), *(t for t in memo_texts if t)])
    names = _unique_names(
        {
            doc_id: (name, replacer.document_name(name, number, language))
            for number, (doc_id, _guid, name, _text, _hash) in enumerate(documents, 1)
        }
    )
    coding_rows: list[dict[str, Any]] = []
    turn_rows: list[dict[str, Any]] = []
    rejection_rows: list[dict[str, Any]] = []
    for done, (doc_id, guid, name, text, old_hash) in enumerate(documents):
        if cancelled is not None and cancelled():
            raise Cancelled("pseudonymisation cancelled")
        found = replacer.replacements(text)
        remap = Remapper(text, found)
        new_name = names[doc_id]
        for r in found:
            start, end = remap.map_start(r.start), remap.map_end(r.end)
            positions.append(_position("document", guid, new_name, text[r.start : r.end], r, start, end))
        new_hash = content_hash(remap.text)
        session.execute(
            update(Document)
            .where(Document.id == doc_id)
            .values(text=remap.text, content_hash=new_hash, length=len(remap.text))
        )
        index_document(session, doc_id, remap.text)
        coding_rows += [{"id": i, "start": remap.map_start(s), "end": remap.map_end(e)} for i, s, e in codings[doc_id]]
        turn_rows += [
            {"id": i, "label_start": remap.map_start(ls), "start": remap.map_start(s), "end": remap.map_end(e)}
            for i, ls, s, e in turns[doc_id]
        ]
        rejection_rows += [
            {"id": i, "content_hash": new_hash, "start": remap.map_start(s), "end": remap.map_end(e)}
            for i, s, e in rejections.get(old_hash, [])
        ]
        if progress is not None:
            progress(done + 1, len(documents), name)
    if coding_rows:  # the project's coverage tracking measures every document again after this statement
        session.execute(update(Coding), coding_rows)
    if turn_rows:
        session.execute(update(SpeakerTurn), turn_rows)
    if rejection_rows:
        session.execute(update(SuggestionRejection), rejection_rows)
    in_memos = replacer.with_names(coders)  # a memo or the project name may sign with, or name, a coder
    for memo in session.scalars(select(Memo)):
        found = in_memos.replacements(memo.text)
        remap = Remapper(memo.text, found)
        for r in found:
            start, end = remap.map_start(r.start), remap.map_end(r.end)
            positions.append(_position("memo", memo.guid, memo.title, memo.text[r.start : r.end], r, start, end))
        memo.text, memo.title = remap.text, in_memos.prose(memo.title)
    _rename_labels(session, replacer, in_memos, names, coders, fields)
    for code in session.scalars(select(Code)):
        for field in _CODE_FIELDS:
            setattr(code, field, replacer.prose(getattr(code, field)))
    # Anything that could still hold the original words does not travel with the copy.
    session.execute(delete(NlpCache))
    session.execute(delete(SuggestionModel))
    session.execute(delete(PseudonymDecision))
    rebuild_index(session)
    session.flush()
    return {
        "documents": len(documents),
        "codings": len(coding_rows),
        "turns": len(turn_rows),
        "positions": positions,
        "fields": fields,
    }


def _unique_names(names: dict[int, tuple[str, str]]) -> dict[int, str]:
    """Row id -> its new name, from (old name, wanted name) per row in order; no two rows share a name.

    A row whose name does not change keeps it; a renamed row that would take a
    name already given reads ``name (2)``, ``name (3)``.
    """
    taken: set[str] = set()
    unique: dict[int, str] = {}
    stays_first = sorted(names.items(), key=lambda item: item[1][0] != item[1][1])  # stable: else in order
    for row_id, (_old, wanted) in stays_first:
        name, n = wanted, 1
        while name in taken:
            n += 1
            name = f"{wanted} ({n})"
        taken.add(name)
        unique[row_id] = name
    return {row_id: unique[row_id] for row_id in names}


def _file_name(name: str, original: str) -> str:
    """``name`` with the extension of ``original`` if it is one lobcoder imports (``.docx``), else ``name``.

    A name without an extension ends in what may be real: ``interview M.Jansen`` (a REFI-QDA source label).
    """
    if not original:
        return ""
    suffix = Path(original).suffix
    return f"{name}{suffix}" if suffix.lower() in SUPPORTED_EXTENSIONS else name


def _by_document(session: Session, query: Any) -> dict[Any, list[tuple[Any, ...]]]:
    grouped: dict[Any, list[tuple[Any, ...]]] = defaultdict(list)
    for owner, *rest in session.execute(query):
        grouped[owner].append(tuple(rest))
    return grouped


def _position(kind: str, guid: str, name: str, original: str, r: Replacement, start: int, end: int) -> dict[str, Any]:
    return {
        "location": kind,
        "guid": guid,
        "name": name,
        "original": original,
        "pseudonym": r.new,
        "start": r.start,
        "end": r.end,
        "new_start": start,
        "new_end": end,
    }


def _rename_labels(
    session: Session,
    replacer: Replacer,
    with_coders: Replacer,
    document_names: dict[int, str],
    coders: dict[str, str],
    fields: list[dict[str, Any]],
) -> None:
    """Names, file names, attribute values, coders and the project name; unique names stay unique."""

    def record(field: str, guid: str, old: str, new: str) -> str:
        if old != new:
            fields.append({"field": field, "guid": guid, "original": old, "pseudonym": new})
        return new

    documents: list[Document] = list(session.scalars(select(Document)))
    participants: list[Participant] = list(session.scalars(select(Participant).order_by(Participant.id)))
    participant_names = _unique_names({row.id: (row.name, replacer.label(row.name)) for row in participants})
    for table, rows, new_names in (
        ("documents", documents, document_names),
        ("participants", participants, participant_names),
    ):
        old_names = {row.id: row.name for row in rows}
        for row in rows:  # two rows may swap names: clear them first
            row.name = row.guid
        session.flush()
        for row in rows:
            row.name = record(f"{table}.name", row.guid, old_names[row.id], new_names[row.id])
        session.flush()
    for document in documents:  # a file name is the document's own name now: it may have held the real one
        document.original_filename = _file_name(document.name, document.original_filename)
    for participant in participants:
        participant.description = replacer.prose(participant.description)
    new_coders = {
        coder: record("coders.name", coder.guid, coder.name, coders[coder.name])
        for coder in session.scalars(select(Coder).order_by(Coder.id))
    }
    for coder in new_coders:  # a coder may be called what another becomes: clear them first
        coder.name = f"\x00{coder.id}"
    session.flush()
    for coder, name in new_coders.items():
        coder.name = name
    speakers = list(session.scalars(select(Speaker).order_by(Speaker.id)))
    keep: dict[str, Speaker] = {}
    for speaker in speakers:
        new = record("speakers.name", str(speaker.id), speaker.name, replacer.label(speaker.name))
        if new in keep:  # two spellings of one person become one speaker
            session.execute(
                update(SpeakerTurn).where(SpeakerTurn.speaker_id == speaker.id).values(speaker_id=keep[new].id)
            )
            session.delete(speaker)
        else:
            keep[new] = speaker
        speaker.name = f"\x00{speaker.id}"
    session.flush()
    for name, speaker in keep.items():
        speaker.name = name
    for value in session.scalars(select(AttributeValue).where(AttributeValue.text_value.is_not(None))):
        value.text_value = replacer.label(value.text_value or "")
    for setting in session.scalars(select(ProjectSetting).where(ProjectSetting.key == "name")):
        setting.value = with_coders.label(setting.value)  # "LOB Fenna" names a coder
    set_left_out_words(session, shared_left_out(left_out_words(session), replacer))
