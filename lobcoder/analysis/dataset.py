"""Everything an analysis reads from a project, loaded in a few queries into plain arrays.

Apart from texts and turns read through a :class:`DocumentSource` (below), an
analysis never touches the database after :func:`load_dataset`, so a worker
thread can load in its own session and compute from plain values, and several
analyses (frequencies, a co-occurrence matrix, its drill-down) share one load.

Codings are kept as columns (numpy arrays), not as one object per coding:
building 20,000 Python objects alone would cost most of the time budget of a
co-occurrence matrix. Texts and speaker turns are the bulk of a load and only
some analyses need them (sentence/paragraph/turn units, quotes, drill-down,
leaving out interviewer turns), so they are loaded only when asked for, or
read one document at a time while an analysis runs: a data set loaded
without them and given a :class:`DocumentSource` (:meth:`Dataset.reading`)
reads each document when an analysis first asks for it, keeps the last few,
and lets the rest go. Analyses walk the documents in order, so memory then
holds about one text, not the project's. The source reads in an open session,
on that session's thread: bind it where the computation runs (a worker opens
its own read session).

Attribute values are compared and shown as *labels*: :func:`value_label` gives
``1`` for the number 1.0, ``2023-03-14`` for a date and text as it is, so a
filter ``{"wave": {"1"}}`` matches a wave stored as the number 1. Documents
and text values are in natural order: "ronde 2" before "ronde 10".
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple, TypeVar

import numpy as np
import numpy.typing as npt
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from lobcoder.errors import LobcoderError, NotFoundError
from lobcoder.i18n.said import say
from lobcoder.participants.links import all_document_attributes
from lobcoder.storage.columns import integer_columns
from lobcoder.storage.models import Attribute, Code, Coder, Document, Participant, Speaker, SpeakerTurn
from lobcoder.util.natural_sort import natural_key

IntArray = npt.NDArray[np.int64]
_T = TypeVar("_T")
NO_VALUE = "(no value)"
"""The label of documents without a value for an attribute, where a column is shown for them."""


class DataNotLoaded(LobcoderError):
    """An analysis needs texts or turns that :func:`load_dataset` was told to skip."""


@dataclass(frozen=True)
class CodeNode:
    """A code as analyses show it: ``index`` is its place in codebook (depth-first) order."""

    id: int
    name: str
    parent_id: int | None
    depth: int
    color: str
    index: int
    definition: str = ""  # the codebook's definition (else its description), for quote reports


@dataclass(frozen=True)
class DocumentInfo:
    """A document with its participant and effective attribute values as labels.

    ``content_hash`` is the SHA-256 of its text (``Document.content_hash``):
    what is worked out from a text can be kept by it without reading the text;
    ``length`` is the text's length in code points (``Document.length``).
    """

    id: int
    name: str
    participant_id: int | None
    participant: str | None
    attributes: Mapping[str, str]
    content_hash: str
    length: int


@dataclass(frozen=True)
class TurnInfo:
    """A speaker turn: ``[label_start, end)`` includes the label, ``start`` is where speech begins."""

    label_start: int
    start: int
    end: int
    speaker: str | None
    is_interviewer: bool
    timestamp_ms: int | None


class CodingRow(NamedTuple):
    """One coding as drill-down lists and quotes show it."""

    id: int
    document_id: int
    code_id: int
    coder: str | None
    start: int
    end: int


@dataclass(frozen=True, eq=False)
class CodingTable:
    """All codings as columns; row ``i`` of every array is one coding.

    ``document`` and ``code`` are indices into :attr:`Dataset.documents` and
    :attr:`Dataset.codes`; ``coder`` is a coder id or -1.
    """

    id: IntArray
    document: IntArray
    code: IntArray
    coder: IntArray
    start: IntArray
    end: IntArray

    def __len__(self) -> int:
        return len(self.id)


def by_document(documents: IntArray) -> list[tuple[int, IntArray]]:
    """Positions in ``documents`` (a document index per coding) grouped by document, in document order.

    Each group keeps the positions in their given order. One sort for all
    documents, not a scan of every coding per document.
    """
    order = np.argsort(documents, kind="stable")
    present, firsts = np.unique(documents[order], return_index=True)
    groups = np.split(order, firsts[1:]) if len(order) else []
    return list(zip(present.tolist(), groups, strict=True))


@dataclass(frozen=True, eq=False)
class Dataset:
    """A project's codes, documents, codings and (optionally) texts and turns.

    ``ancestors[i, j]`` is 1 when code ``j`` is code ``i`` or one of its
    ancestors. Roll-up goes through :meth:`lift` and :meth:`roll_up`, which
    only touch those few non-zero entries: a matrix product would hand
    120 × 120 matrices to a multi-threaded BLAS, whose threads cost more than
    the sums when the other cores are busy.
    """

    codes: tuple[CodeNode, ...]
    documents: tuple[DocumentInfo, ...]
    participants: Mapping[int, str]
    coders: Mapping[int, str]
    attribute_names: tuple[str, ...]
    attribute_values: Mapping[str, tuple[str, ...]]
    codings: CodingTable
    ancestors: npt.NDArray[np.float64]
    texts: Mapping[int, str] | None = None
    turns: Mapping[int, tuple[TurnInfo, ...]] | None = None
    source: DocumentSource | None = None
    """Where texts and turns that were not loaded are read, one document at a time (see :meth:`reading`)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_positions", {node.id: node.index for node in self.codes})
        own, up = np.nonzero(self.ancestors)
        object.__setattr__(self, "_lifts", (own, up))
        # Row i: code i and its ancestors in codebook order, padded with -1 to the deepest code's count.
        counts = np.bincount(own, minlength=len(self.codes))
        width = int(counts.max(initial=0))
        padded = np.full((len(self.codes), max(width, 1)), -1, dtype=np.int64)
        padded[own, np.arange(len(own)) - np.repeat(np.cumsum(counts) - counts, counts)] = up
        object.__setattr__(self, "_padded", padded)

    def lift(self, codes: IntArray, rollup: bool = True) -> tuple[IntArray, IntArray]:
        """Each code index in ``codes`` paired with every code it counts for: itself and, rolled up, its ancestors.

        Returns (position in ``codes``, code index) arrays.
        """
        if not rollup:
            return np.arange(len(codes)), codes
        lifted = self._padded[codes]  # type: ignore[attr-defined]
        if lifted.shape[1] == 1:  # no code has a parent
            return np.arange(len(codes)), lifted[:, 0]
        owner, column = np.nonzero(lifted >= 0)
        return owner, lifted[owner, column]

    def roll_up(self, counts: npt.NDArray[np.float64], axis: int = -1) -> npt.NDArray[np.float64]:
        """Per-code counts along ``axis`` summed over each code's subtree."""
        own, up = self._lifts  # type: ignore[attr-defined]
        moved = np.moveaxis(np.asarray(counts, dtype=np.float64), axis, 0)
        result = np.zeros_like(moved)
        np.add.at(result, up, moved[own])
        return np.moveaxis(result, 0, axis)

    def code(self, code_id: int) -> CodeNode:
        return self.codes[self.code_position(code_id)]

    def code_position(self, code_id: int) -> int:
        """The index of a code in :attr:`codes` (its codebook order)."""
        try:
            return self._positions[code_id]  # type: ignore[attr-defined]
        except KeyError:
            raise NotFoundError(say("problem.not_found.code_id_here", id=code_id)) from None

    def subtree(self, code_id: int) -> tuple[int, ...]:
        """Indices of the code and all its descendants."""
        column = self.ancestors[:, self.code_position(code_id)]
        return tuple(int(i) for i in np.flatnonzero(column))

    def reading(self, source: DocumentSource) -> Dataset:
        """The same data set, reading the texts and turns it did not load from ``source`` when asked."""
        return replace(self, source=source)

    @property
    def has_texts(self) -> bool:
        """Whether :meth:`text` can answer (texts loaded or a source to read them)."""
        return self.texts is not None or self.source is not None

    def text(self, document_id: int) -> str:
        if self.texts is not None:
            return self.texts[document_id]
        if self.source is not None:
            return self.source.text(document_id)
        raise DataNotLoaded("this analysis needs the document texts: load the data set with texts=True")

    def document_turns(self, document_id: int) -> tuple[TurnInfo, ...]:
        if self.turns is not None:
            return self.turns.get(document_id, ())
        if self.source is not None:
            return self.source.turns(document_id)
        raise DataNotLoaded("this analysis needs the speaker turns: load the data set with turns=True")

    def coding(self, row: int) -> CodingRow:
        c = self.codings
        coder = int(c.coder[row])
        return CodingRow(
            int(c.id[row]),
            self.documents[int(c.document[row])].id,
            self.codes[int(c.code[row])].id,
            self.coders.get(coder),
            int(c.start[row]),
            int(c.end[row]),
        )


def value_label(value: object) -> str:
    """How an attribute value is matched and shown: ``1`` for 1.0, ISO dates, text as is."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _sort_key(value: object) -> tuple[int, object]:
    if isinstance(value, int | float):
        return (0, float(value))
    if isinstance(value, date):
        return (1, value)
    return (2, natural_key(str(value)))


def _code_tree(session: Session) -> tuple[tuple[CodeNode, ...], npt.NDArray[np.float64]]:
    rows = session.execute(
        select(Code.id, Code.parent_id, Code.name, Code.color, Code.definition, Code.description).order_by(
            Code.position, Code.id
        )
    )
    children: dict[int | None, list[tuple[int, str, str, str]]] = {}
    for code_id, parent_id, name, color, definition, description in rows:
        children.setdefault(parent_id, []).append((code_id, name, color, (definition or description or "").strip()))
    nodes: list[CodeNode] = []
    paths: list[list[int]] = []

    def walk(parent: int | None, path: list[int]) -> None:
        for code_id, name, color, definition in children.get(parent, []):
            index = len(nodes)
            nodes.append(CodeNode(code_id, name, parent, len(path), color, index, definition))
            paths.append([*path, index])
            walk(code_id, [*path, index])

    walk(None, [])
    ancestors = np.zeros((len(nodes), len(nodes)))
    for index, path in enumerate(paths):
        ancestors[index, path] = 1.0
    return tuple(nodes), ancestors


def _attributes(session: Session) -> tuple[tuple[str, ...], dict[int, dict[str, object]]]:
    names = tuple(dict.fromkeys(session.scalars(select(Attribute.name).order_by(Attribute.position, Attribute.id))))
    return names, all_document_attributes(session)


_TURNS = (
    select(
        SpeakerTurn.document_id,
        SpeakerTurn.label_start,
        SpeakerTurn.start,
        SpeakerTurn.end,
        Speaker.name,
        Speaker.is_interviewer,
        SpeakerTurn.timestamp_ms,
    )
    .outerjoin(Speaker, Speaker.id == SpeakerTurn.speaker_id)
    .order_by(SpeakerTurn.document_id, SpeakerTurn.label_start)
)
# One document's text or turns, built once and run on the session's connection: a
# statement per document through the ORM costs several times the reading.
_DOCUMENT_TEXT = select(Document.text).where(Document.id == bindparam("document"))
_DOCUMENT_TURNS = _TURNS.where(SpeakerTurn.document_id == bindparam("document"))


def _turns(session: Session, document_id: int | None = None) -> dict[int, tuple[TurnInfo, ...]]:
    if document_id is None:
        rows = session.connection().execute(_TURNS)
    else:
        rows = session.connection().execute(_DOCUMENT_TURNS, {"document": document_id})
    turns: dict[int, list[TurnInfo]] = {}
    for owner, label_start, start, end, speaker, interviewer, timestamp in rows:
        turns.setdefault(owner, []).append(TurnInfo(label_start, start, end, speaker, bool(interviewer), timestamp))
    return {owner: tuple(found) for owner, found in turns.items()}


def document_reader(session: Session) -> Callable[[int], tuple[str, tuple[TurnInfo, ...]]]:
    """One document's text and turns at a time, for analyses that need only a few
    documents of a data set loaded without them (a quotes report picks first)."""

    source = DocumentSource(session, keep=0)
    return lambda document_id: (source.text(document_id), source.turns(document_id))


class DocumentSource:
    """Texts and speaker turns read in an open session, one document at a time, the last ``keep`` kept.

    Use it on the session's thread only (see the module docstring).
    """

    def __init__(self, session: Session, keep: int = 2) -> None:
        self._session = session
        self._keep = keep
        self._texts: OrderedDict[int, str] = OrderedDict()
        self._turns: OrderedDict[int, tuple[TurnInfo, ...]] = OrderedDict()
        self.reads = 0
        """How many times a text or a document's turns were read from the project (tests count them)."""

    def text(self, document_id: int) -> str:
        return self._cached(self._texts, document_id, self._read_text)

    def turns(self, document_id: int) -> tuple[TurnInfo, ...]:
        return self._cached(self._turns, document_id, self._read_turns)

    def _read_text(self, document_id: int) -> str:
        text = self._session.connection().execute(_DOCUMENT_TEXT, {"document": document_id}).scalar()
        if text is None:
            raise NotFoundError(say("problem.not_found.document_id_here", id=document_id))
        return text

    def _read_turns(self, document_id: int) -> tuple[TurnInfo, ...]:
        return _turns(self._session, document_id).get(document_id, ())

    def _cached(self, kept: OrderedDict[int, _T], document_id: int, read: Callable[[int], _T]) -> _T:
        if document_id in kept:
            kept.move_to_end(document_id)
            return kept[document_id]
        found = read(document_id)
        self.reads += 1
        kept[document_id] = found
        while len(kept) > self._keep:
            kept.popitem(last=False)
        return found


def load_reading(session: Session) -> Dataset:
    """A data set loaded without texts and turns that reads them in ``session``, one document at a time, as asked.

    What the app and the command line compute from (see the module docstring):
    use it, and compute, while the session is open, on its thread.
    """
    return load_dataset(session, texts=False, turns=False).reading(DocumentSource(session))


# Read as columns straight into numpy (storage/columns.py): SQLAlchemy's row
# objects, or even the driver's tuples, for 200,000 codings cost more than the
# whole co-occurrence matrix computed from them.
_CODING_COLUMNS = ("id", "document_id", "code_id", "coalesce(coder_id, -1)", "start", '"end"')


def _codings(session: Session, documents: Mapping[int, int], codes: Mapping[int, int]) -> CodingTable:
    ids, document_ids, code_ids, coders, starts, ends = integer_columns(session, "codings", _CODING_COLUMNS)
    document_index = np.full(max(documents, default=0) + 1, -1, dtype=np.int64)
    document_index[list(documents)] = list(documents.values())
    code_index = np.full(max(codes, default=0) + 1, -1, dtype=np.int64)
    code_index[list(codes)] = list(codes.values())
    columns = [ids, document_index[document_ids], code_index[code_ids], coders, starts, ends]
    for column in columns:
        column.flags.writeable = False
    return CodingTable(*columns)


def load_dataset(session: Session, *, texts: bool = True, turns: bool = True) -> Dataset:
    """Read what analyses need; ``texts``/``turns`` may be skipped for frequencies and overlap matrices."""
    codes, ancestors = _code_tree(session)
    participants = dict(session.execute(select(Participant.id, Participant.name)).all())
    names, raw_values = _attributes(session)
    values: dict[str, set[object]] = {name: set() for name in names}
    documents = []
    for document_id, name, participant_id, digest, length in session.execute(
        select(Document.id, Document.name, Document.participant_id, Document.content_hash, Document.length)
    ):
        raw = raw_values.get(document_id, {})
        for attribute, value in raw.items():
            values.setdefault(attribute, set()).add(value)
        labels = {attribute: value_label(value) for attribute, value in raw.items()}
        participant = participants.get(participant_id) if participant_id is not None else None
        documents.append(DocumentInfo(document_id, name, participant_id, participant, labels, digest, length))
    documents.sort(key=lambda d: (natural_key(d.name), d.id))
    orders = {
        name: tuple(dict.fromkeys(value_label(v) for v in sorted(found, key=_sort_key)))
        for name, found in values.items()
    }
    codings = _codings(session, {d.id: i for i, d in enumerate(documents)}, {c.id: c.index for c in codes})
    return Dataset(
        codes=codes,
        documents=tuple(documents),
        participants=participants,
        coders=dict(session.execute(select(Coder.id, Coder.name)).all()),
        attribute_names=tuple(values),
        attribute_values=orders,
        codings=codings,
        ancestors=ancestors,
        texts=dict(session.execute(select(Document.id, Document.text)).all()) if texts else None,
        turns=_turns(session) if turns else None,
    )
