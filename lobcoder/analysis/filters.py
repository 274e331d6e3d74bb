"""Which documents, codings and codes an analysis looks at.

An :class:`AnalysisFilter` is applied in this order:

* **documents**: the listed document ids (None: all), then the **attribute
  conditions**: for each attribute name, the document's effective value (its
  own, else its participant's) must be one of the allowed labels, e.g.
  ``{"wave": {"1"}}``. A document without a value for a named attribute is
  left out. The documents that remain are the *filtered set*: every
  percentage "of documents" or "of participants" is taken over it, and its
  participants are those linked to at least one of its documents.
* **coders**: only codings made by one of the named coders (codings without a
  coder are then left out).
* **exclude_interviewer**: a coding is left out when it lies entirely inside
  interviewer speech. The interviewer's stretch of text runs from the label of
  an interviewer turn to the label of the next turn (so the blank line after a
  question belongs to it), or to the end of the document. A coding that also
  covers respondent speech is **kept whole, not clipped**: it was coded as one
  passage, and its offsets stay those the coder chose.
* **codes**: which codes are *reported* (rows and columns). It does not remove
  codings: a rolled-up figure for a selected parent still includes all its
  sub-codes, selected or not.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from lobcoder.analysis.dataset import NO_VALUE, CodeNode, Dataset, IntArray, by_document, value_label
from lobcoder.analysis.table import named_value
from lobcoder.errors import NotFoundError
from lobcoder.i18n import message
from lobcoder.i18n.said import say


def _frozen(values: Iterable[object] | None) -> frozenset[object] | None:
    return None if values is None else frozenset(values)


@dataclass(frozen=True)
class AnalysisFilter:
    """What to look at; ``None`` means no restriction. See the module docstring for the rules.

    Any collections may be passed; they are kept as frozen sets, and attribute
    values as labels (:func:`~lobcoder.analysis.dataset.value_label`), so
    ``{"wave": {1}}`` equals ``{"wave": {"1"}}``.
    """

    documents: Collection[int] | None = None
    coders: Collection[str] | None = None
    codes: Collection[int] | None = None
    attributes: Mapping[str, Collection[object]] = field(default_factory=dict, hash=False)
    exclude_interviewer: bool = False

    def __post_init__(self) -> None:
        # Accept any iterables (lists, sets, numbers as attribute values) and keep frozen sets of labels.
        object.__setattr__(self, "documents", _frozen(self.documents))
        object.__setattr__(self, "coders", _frozen(self.coders))
        object.__setattr__(self, "codes", _frozen(self.codes))
        conditions = {name: frozenset(value_label(v) for v in allowed) for name, allowed in self.attributes.items()}
        object.__setattr__(self, "attributes", conditions)

    def describe(self, dataset: Dataset) -> FilterDescription:
        """The restrictions with the names they refer to, for table notes in any language."""
        documents = None
        if self.documents is not None:
            documents = tuple(d.name for d in dataset.documents if d.id in self.documents)
        codes = None
        if self.codes is not None:
            codes = tuple(node.name for node in dataset.codes if node.id in self.codes)
        return FilterDescription(
            documents=documents,
            attributes=tuple((name, tuple(sorted(map(str, allowed)))) for name, allowed in self.attributes.items()),
            coders=tuple(sorted(self.coders)) if self.coders is not None else None,
            codes=codes,
            exclude_interviewer=self.exclude_interviewer,
        )


MAX_NAMED = 8
"""A note names at most this many documents or codes; past that it counts them."""


def join_names(names: Sequence[str], language: str, *, key: str = "filter.and") -> str:
    """ "A, B and C" in ``language``; "A, B or C" with ``key="filter.or"``."""
    if len(names) < 2:
        return "".join(names)
    return message(key, language, first=", ".join(names[:-1]), last=names[-1])


def _values(name: str, values: Sequence[str], language: str) -> str:
    """ "ronde 1 or 2", "ronde1 or ronde2" (values that name their attribute), "school (no value)"."""
    labels = [message("table.no_value", language) if v == NO_VALUE else v for v in values]
    joined = join_names(labels, language, key="filter.or")
    if all(named_value(name, label) == label for label in labels):
        return joined
    return f"{name} {joined}"


@dataclass(frozen=True)
class FilterDescription:
    """What a filter kept, by name (code names, attribute values as labels), ready to be put into words."""

    documents: tuple[str, ...] | None = None
    attributes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    coders: tuple[str, ...] | None = None
    codes: tuple[str, ...] | None = None
    exclude_interviewer: bool = False

    def lines(self, language: str = "en") -> tuple[str, ...]:
        """One line per restriction, e.g. "Codes: Werkdruk and Twijfel", "ronde: 1, 2"."""
        found = []
        if self.documents is not None:
            if len(self.documents) <= MAX_NAMED:
                found.append(message("filter.documents", language, names=join_names(self.documents, language)))
            else:
                found.append(message("filter.documents_many", language, count=len(self.documents)))
        for name, values in self.attributes:
            found.append(message("filter.attribute", language, values=_values(name, values, language)))
        if self.coders is not None:
            found.append(message("filter.coders", language, names=join_names(self.coders, language)))
        if self.codes is not None:
            found.append(self._codes(language))
        if self.exclude_interviewer:
            found.append(message("filter.interviewer", language))
        return tuple(found)

    def _codes(self, language: str) -> str:
        codes = self.codes or ()
        if len(codes) > MAX_NAMED:
            shown = ", ".join(codes[: MAX_NAMED - 1])
            return message("filter.codes_many", language, names=shown, more=len(codes) - MAX_NAMED + 1)
        key = "filter.code" if len(codes) == 1 else "filter.codes"
        return message(key, language, names=join_names(codes, language))


@dataclass(frozen=True, eq=False)
class Selection:
    """The result of applying a filter: indices into the data set's arrays.

    ``documents``: indices into ``dataset.documents`` (the filtered set);
    ``participants``: ids of their participants, sorted by name; ``rows``:
    indices into ``dataset.codings``; ``codes``: the codes reported.
    """

    documents: IntArray
    participants: tuple[int, ...]
    rows: IntArray
    codes: tuple[CodeNode, ...]


def select(dataset: Dataset, flt: AnalysisFilter) -> Selection:
    """Apply ``flt`` to ``dataset``."""
    for name in flt.attributes:
        if name not in dataset.attribute_values:
            raise NotFoundError(say("problem.not_found.attribute", name=name))
    kept = [
        index
        for index, document in enumerate(dataset.documents)
        if (flt.documents is None or document.id in flt.documents)
        and all(document.attributes.get(name) in allowed for name, allowed in flt.attributes.items())
    ]
    documents = np.array(kept, dtype=np.int64)
    codings = dataset.codings
    mask = np.isin(codings.document, documents)
    if flt.coders is not None:
        coder_ids = [coder_id for coder_id, name in dataset.coders.items() if name in flt.coders]
        mask &= np.isin(codings.coder, np.array(coder_ids, dtype=np.int64))
    if flt.exclude_interviewer:
        mask &= ~interviewer_only(dataset, np.flatnonzero(mask))  # only the kept codings: their turns are read
    if flt.codes is None:
        codes = dataset.codes
    else:
        wanted = {dataset.code_position(code_id) for code_id in flt.codes}
        codes = tuple(node for node in dataset.codes if node.index in wanted)
    participant_ids = {dataset.documents[i].participant_id for i in kept} - {None}
    participants = tuple(sorted(participant_ids, key=lambda p: (dataset.participants[p].casefold(), p)))  # type: ignore[index]
    return Selection(documents, participants, np.flatnonzero(mask), codes)  # type: ignore[arg-type]


def interviewer_regions(dataset: Dataset, document_id: int) -> list[tuple[int, int]]:
    """The merged stretches of interviewer text in a document (see the module docstring)."""
    turns = dataset.document_turns(document_id)
    regions: list[tuple[int, int]] = []
    for i, turn in enumerate(turns):
        if not turn.is_interviewer:
            continue
        end = turns[i + 1].label_start if i + 1 < len(turns) else np.iinfo(np.int64).max
        if regions and regions[-1][1] >= turn.label_start:
            regions[-1] = (regions[-1][0], int(end))
        else:
            regions.append((turn.label_start, int(end)))
    return regions


def interviewer_only(dataset: Dataset, rows: IntArray | None = None) -> npt.NDArray[np.bool_]:
    """For every coding, whether it lies entirely inside interviewer text.

    Only the codings ``rows`` (default: all) are looked at, the others are
    False: only their documents have their turns read, one document at a time.
    """
    codings = dataset.codings
    result = np.zeros(len(codings), dtype=bool)
    looked = np.arange(len(codings)) if rows is None else rows
    for index, at in by_document(codings.document[looked]):
        here = looked[at]
        regions = interviewer_regions(dataset, dataset.documents[index].id) if index >= 0 else []
        if regions:
            result[here] = within(regions, codings.start[here], codings.end[here])
    return result


def within(intervals: list[tuple[int, int]], starts: IntArray, ends: IntArray) -> npt.NDArray[np.bool_]:
    """Whether each ``[start, end)`` lies wholly inside one of the sorted, disjoint ``intervals``."""
    if not intervals:
        return np.zeros(len(starts), dtype=bool)
    low = np.array([a for a, _ in intervals], dtype=np.int64)
    high = np.array([b for _, b in intervals], dtype=np.int64)
    at = np.searchsorted(low, starts, side="right") - 1
    return (at >= 0) & (ends <= high[np.maximum(at, 0)])


def document_code_counts(dataset: Dataset, selection: Selection) -> npt.NDArray[np.float64]:
    """Codings per (document index, code index) for the selected codings, not rolled up."""
    codings = dataset.codings
    n_codes = len(dataset.codes)
    flat = codings.document[selection.rows] * n_codes + codings.code[selection.rows]
    counts = np.bincount(flat, minlength=len(dataset.documents) * n_codes)
    return counts.reshape(len(dataset.documents), n_codes).astype(np.float64)


def rolled(dataset: Dataset, per_code: npt.NDArray[np.float64], rollup: bool) -> npt.NDArray[np.float64]:
    """Per-code counts (last axis) summed up the code tree when ``rollup``."""
    return dataset.roll_up(per_code) if rollup else per_code


def value_groups(dataset: Dataset, documents: Iterable[int], attribute: str) -> dict[str, list[int]]:
    """Document indices per value label of ``attribute``, in value order; "(no value)" last."""
    if attribute not in dataset.attribute_values:
        raise NotFoundError(say("problem.not_found.attribute", name=attribute))
    groups: dict[str, list[int]] = {}
    for i in documents:
        groups.setdefault(dataset.documents[i].attributes.get(attribute, NO_VALUE), []).append(i)
    order = [v for v in dataset.attribute_values[attribute] if v in groups]
    return {value: groups[value] for value in order + ([NO_VALUE] if NO_VALUE in groups else [])}


def by_participant(dataset: Dataset, present: npt.NDArray[np.bool_], documents: Sequence[int]) -> npt.NDArray[np.bool_]:
    """Participants × codes: whether any of the participant's ``documents`` has the code.

    ``present`` holds one row per entry of ``documents``; documents without a
    participant are skipped.
    """
    people: dict[int, npt.NDArray[np.bool_]] = {}
    for row, document in zip(present, documents, strict=True):
        person = dataset.documents[document].participant_id
        if person is not None:
            people[person] = people[person] | row if person in people else row
    return np.array(list(people.values()), dtype=bool).reshape(len(people), present.shape[1])
