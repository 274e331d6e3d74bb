"""Find speaker turns ("Anna: ...", "[00:01:02] I: ...") in transcript text."""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice

from lobcoder.i18n.said import Said, say
from lobcoder.importing.extracted import Turn, TurnTable
from lobcoder.importing.first_names import is_first_name
from lobcoder.importing.header_block import LabelLine, column_heading, header_block, line_end
from lobcoder.importing.label_short_forms import ShortForms, short_forms
from lobcoder.importing.speaker_patterns import (
    DASH_LABEL,
    DEFAULT_INTERVIEWER_NAMES,
    DEFAULT_LABEL,
    DEFAULT_RESPONDENT_NAMES,
    HONORIFICS,
    InvalidSpeakerPattern,
    RejectReason,
    check_name,
    compile_custom,
    is_person_noun,
    is_role_phrase,
    keyed,
    looks_like_name,
    name_key,
    parse_timestamp,
)
from lobcoder.importing.speech_case import lower_case_labels, starts_lower

__all__ = [
    "DEFAULT_INTERVIEWER_NAMES",
    "InvalidSpeakerPattern",
    "PreviewLine",
    "RejectReason",
    "RejectedLabel",
    "SpeakerPattern",
    "SpeakerPreview",
    "SpeakerSummary",
    "detect_turn_table",
    "detect_turns",
    "is_interviewer",
    "preview",
]


def is_interviewer(name: str, interviewer_names: frozenset[str] = DEFAULT_INTERVIEWER_NAMES) -> bool:
    """Whether a label names the interviewer side (``I``, ``Int.``, ``Interviewer 2``).

    Case, accents, trailing dots and a trailing number are ignored, so numbered
    interviewers in group interviews are still recognised.
    """
    return name_key(name) in keyed(interviewer_names)


@dataclass(frozen=True)
class SpeakerPattern:
    """How speaker labels look; invalid settings fail here, before any text is read.

    ``regex`` (optional) replaces the built-in label syntax. It is matched at
    each line start with ``re.match`` and must have a group ``speaker``; a group
    ``time`` is read as the turn's timestamp. The speech starts where the match
    ends. Only the frequency rule applies to it: the user has already said what
    a label looks like, and ``min_occurrences=1`` accepts every match.

    A label that is not a known interviewer or respondent label, nor one of
    ``known_names`` (the speakers already in the project), must occur at
    least ``min_occurrences`` times at a line start, which keeps one-off phrases
    such as ``Het probleem was:`` out. A label followed by a tab (a Word table
    cell) is counted apart from its name's other labels, and a known one must
    occur that often too, unless another tab-followed label is a speaker (a
    transcript laid out as a table): a table of facts above a transcript
    ("Respondent | Anna", "Interviewer | Jan") holds no turn, even when
    ``Interviewer:`` opens turns below it.

    Raises:
        InvalidSpeakerPattern: (a ``ValueError``) for a regex that does not
            compile or lacks the ``speaker`` group, or ``min_occurrences < 1``.
    """

    regex: str | None = None
    min_occurrences: int = 2
    interviewer_names: frozenset[str] = DEFAULT_INTERVIEWER_NAMES
    known_names: frozenset[str] = frozenset()  # speakers the project already has: trusted once too
    compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.min_occurrences < 1:
            raise InvalidSpeakerPattern(f"min_occurrences must be at least 1, not {self.min_occurrences}")
        compiled = DEFAULT_LABEL if self.regex is None else compile_custom(self.regex)
        object.__setattr__(self, "compiled", compiled)

    def is_known(self, name: str) -> bool:
        """Known labels are trusted even when they occur once."""
        key = name_key(name)
        return (
            key in keyed(self.interviewer_names)
            or key in keyed(DEFAULT_RESPONDENT_NAMES)
            or key in keyed(self.known_names)
        )


@dataclass(frozen=True)
class RejectedLabel:
    """A line start that looks like a label but is not one, and why."""

    label: str
    speaker: str
    reason: RejectReason
    occurrences: int
    tabbed: bool = False  # a table cell's label (followed by a tab): counted apart from the name's other labels

    def __str__(self) -> str:
        if self.reason is RejectReason.TOO_RARE:
            times = "once" if self.occurrences == 1 else f"{self.occurrences} times"
            where = " as a table cell label" if self.tabbed else ""
            return f"{self.label} occurs only {times}{where}"
        return f"{self.label} {self.reason.value}"


@dataclass(frozen=True)
class SpeakerSummary:
    name: str
    turn_count: int
    word_count: int
    is_interviewer: bool


@dataclass(frozen=True)
class PreviewLine:
    """One line as the import dialog shows it: a turn start, a refused label, or neither."""

    line_number: int
    text: str
    speaker: str | None
    rejected_label: RejectedLabel | None
    timestamp_ms: int | None = None  # the time of the turn that starts on this line


@dataclass(frozen=True)
class SpeakerPreview:
    turns: tuple[Turn, ...]
    speakers: tuple[SpeakerSummary, ...]
    lines: tuple[PreviewLine, ...]


@dataclass(slots=True)
class _Candidate:
    line_start: int
    label_start: int
    start: int
    speaker: str
    timestamp_ms: int | None
    tabbed: bool = False
    reason: RejectReason | None = None
    occurrences: int = 0


_Label = tuple[int, int, int, str, "int | None", bool]  # line start, label start, turn start, speaker, time, tab
_Form = tuple[str, bool]  # a speaker, and whether the label was followed by a tab
Verdict = tuple["RejectReason | None", int]  # why a form is no speaker (None: it is one), and the count judged
_At = tuple[_Form, int, int, int]  # a label's form, line start, label start and turn start


def _default_labels(text: str, pattern: SpeakerPattern, forms: ShortForms) -> Iterator[_Label]:
    """The built-in labels, each as (line start, label start, turn start, speaker, time, tab).

    A name with a dash after it ("Anna - Ja.") is a label only when two
    names are so labelled in the text, each known, naming a person or a
    numbered role, and its words do not go on in lower case
    (:func:`_dash_names`): "Amsterdam - Rotterdam", "Ik denk - nou ja - dat"
    and "Frans - Engels" in an answer are prose. A short form
    in brackets that starts as the name does ("Interviewer (I):") names the
    speaker everywhere (``forms``, :func:`~lobcoder.importing.label_short_forms.short_forms`): "I:" before and after it
    is Interviewer's turn. With another one ("Stage (BPV):") the line is no label.
    """
    names: dict[str, str] = {}  # one string per name, not one per label
    dashed = _dash_names(text, pattern)
    for m in DEFAULT_LABEL.finditer(text):
        speaker, pre, post, alone, tab, alias, dash = m.group("speaker", "pre", "post", "alone", "tab", "alias", "dash")
        if "  " in speaker:
            speaker = " ".join(speaker.split())
        if dash is not None and (speaker not in dashed or starts_lower(text, m.end()) is True):
            continue
        if alias is not None:
            if alias[0].casefold() != speaker[0].casefold():
                continue
        elif forms.names:
            speaker = forms.speaker(speaker)
        speaker = names.setdefault(speaker, speaker)
        stamp = pre or post or alone
        start = m.end()
        if text.startswith("\n", start):
            start = _speech_below(text, start, dashed)
        yield m.start(), m.start("body"), start, speaker, parse_timestamp(stamp) if stamp else None, tab is not None


def _dash_names(text: str, pattern: SpeakerPattern) -> frozenset[str]:
    """The names that label turns with a dash, when there are two or more.

    Such a name may (:func:`_dash_name`) and at least once has words after
    the dash that do not go on in lower case ("Docent - student gesprekken"
    is prose; a filler such as "eh" may open a turn, see
    :func:`starts_lower`). A transcript labelled so labels every speaker so;
    one name before a dash is a line of prose more often than a monologue.
    """
    if not any(f" {dash} " in text for dash in _DASHES):
        return frozenset()
    judged: dict[str, bool] = {}
    found = set()
    for m in DASH_LABEL.finditer(text):
        if m.group("dash") is None:
            continue
        speaker = " ".join(m.group("speaker").split())
        if speaker not in found and judged.setdefault(speaker, _dash_name(speaker, pattern)):
            if starts_lower(text, m.end()) is not True:
                found.add(speaker)
    return frozenset(found) if len(found) >= 2 else frozenset()


_BLANK = re.compile(r"\s*")


def _speech_below(text: str, end: int, dashed: frozenset[str]) -> int:
    """Where the speech of a label alone on its line starts: the next line with words, unless that is a label
    (a dash one, "Anna - Ja.", too when its name labels turns with a dash: ``dashed``)."""
    start = _BLANK.match(text, end).end()  # type: ignore[union-attr]
    line_start = text.rfind("\n", end, start) + 1
    below = DEFAULT_LABEL.match(text, line_start)
    if start == len(text) or (below is not None and _is_label(text, below, dashed)):
        return end
    return start


def _is_label(text: str, m: re.Match[str], dashed: frozenset[str]) -> bool:
    """Whether a match of the label pattern is a label by its form: one with a dash only as :func:`_default_labels`
    keeps it."""
    if m.group("dash") is None:
        return True
    return " ".join(m.group("speaker").split()) in dashed and starts_lower(text, m.end()) is not True


_NUMBERED = re.compile(r"([^\W\d_]+)[ ]?\d+")
_DASHES = "-\u2013\u2014"


def _dash_name(name: str, pattern: SpeakerPattern) -> bool:
    """Whether ``name`` may label a turn with a dash after it.

    A capitalised name that is known, names a person (:func:`_names_a_person`)
    or is a numbered person noun ("Stagecoördinator17", "Coach 2").
    """
    words = name.split()
    if not looks_like_name(words):  # cheap, and what every name below is: "Ik denk", "De stage" are not
        return False
    numbered = _NUMBERED.fullmatch(name)
    return (
        pattern.is_known(name) or _names_a_person(name) or (numbered is not None and is_person_noun(numbered.group(1)))
    )


_INDENT = re.compile(r"[ \t]*")


def _custom_labels(text: str, regex: re.Pattern[str]) -> Iterator[_Label]:
    has_time = "time" in regex.groupindex
    names: dict[str, str] = {}
    pos = 0
    while pos <= len(text):  # line by line, without splitting a long text into strings
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        m = regex.match(text, pos, end)
        speaker = " ".join((m.group("speaker") or "").split()) if m else ""
        if m and speaker:
            indent = _INDENT.match(text, pos, end).end() - pos  # type: ignore[union-attr]
            yield (
                pos,
                min(pos + indent, m.end()),
                m.end(),
                names.setdefault(speaker, speaker),
                parse_timestamp(m.group("time")) if has_time else None,
                False,
            )
        pos = end + 1


def _labels(text: str, pattern: SpeakerPattern, forms: ShortForms) -> Iterator[_Label]:
    """Every label-like line start, in order."""
    if pattern.regex is None:
        return _default_labels(text, pattern, forms)
    return _custom_labels(text, pattern.compiled)


def _short_forms_of(text: str, pattern: SpeakerPattern) -> ShortForms:
    return short_forms(text) if pattern.regex is None else ShortForms()


def _trusting(pattern: SpeakerPattern, forms: ShortForms) -> SpeakerPattern:
    """``pattern`` trusting the names whose short form labelled a turn (read once, "Ahmed (A):", they are still
    a speaker)."""
    declared = forms.declared()
    if declared <= pattern.known_names:
        return pattern
    return replace(pattern, known_names=pattern.known_names | declared)


def _candidates(text: str, pattern: SpeakerPattern) -> list[_Candidate]:
    """Every label-like line start, each marked with a reject reason or accepted."""
    forms = _short_forms_of(text, pattern)
    found = [_Candidate(*label) for label in _labels(text, pattern, forms)]
    pattern = _trusting(pattern, forms)
    first = [LabelLine(c.line_start, c.start, c.speaker, c.tabbed) for c in islice(found, _HEADER_LOOKAHEAD)]

    def label_at(i: int) -> _At:
        c = found[i]
        return (c.speaker, c.tabbed), c.line_start, c.label_start, c.start

    counts = Counter((c.speaker, c.tabbed) for c in found)
    facts, verdicts = _judge_all(text, first, counts, pattern, [c.speaker for c in found], label_at)
    for index, c in enumerate(found):
        c.reason, c.occurrences = (RejectReason.METADATA, 1) if index in facts else verdicts[c.speaker, c.tabbed]
    return found


_HEADER_LOOKAHEAD = 64  # label lines looked at for a block of document facts and the turns below it


def _judge_all(
    text: str,
    first: list[LabelLine],
    counts: Counter[_Form],
    pattern: SpeakerPattern,
    speakers: Sequence[str],
    label_at: Callable[[int], _At],
) -> tuple[range, dict[_Form, Verdict]]:
    """Which of the first labels are document facts, and every form's verdict on the other labels.

    The facts (see :mod:`lobcoder.importing.header_block`), lone role
    phrases and names answering the interviewer (:func:`_answers`, which
    takes ``speakers`` and ``label_at``) are judged with the built-in labels
    only, and so are a table's row of column headings (:func:`_column_heading`)
    and labels whose speech goes on in lower case where the other speakers'
    turns start with a capital (:func:`_prose`). The facts do not count
    towards any label's frequency.
    """
    verdicts = _verdicts(counts, pattern)
    if pattern.regex is not None:
        return range(0), verdicts
    verdicts = _lone_role_phrases(verdicts)
    facts = header_block(text, first, lambda name, tab: verdicts[name, tab][0] is None)
    if facts:
        counts = counts.copy()
        counts.subtract((label.speaker, label.tabbed) for label in first[facts.start : facts.stop])
        verdicts = _lone_role_phrases(_verdicts(+counts, pattern))
    verdicts = _column_heading(text, first, counts, facts, verdicts)
    verdicts = _answers(text, speakers, label_at, facts, verdicts, pattern)
    return facts, _lone_role_phrases(_prose(text, len(speakers), label_at, facts, verdicts, pattern))


def _column_heading(
    text: str, first: list[LabelLine], counts: Counter[_Form], facts: range, verdicts: dict[_Form, Verdict]
) -> dict[_Form, Verdict]:
    """``verdicts`` with a table's row of column headings ("Spreker | Tekst") refused as a rare table cell label.

    See :func:`lobcoder.importing.header_block.column_heading`; only a
    label of that form seen once is refused, so no turn of the speaker goes.
    """
    below = first[facts.stop :] if facts else first  # a table of facts above may come first
    index = column_heading(text, below, lambda name, tab: verdicts[name, tab][0] is None)
    if index is None:
        return verdicts
    form = (below[index].speaker, True)
    if counts[form] != 1 or verdicts[form][0] is not None:
        return verdicts
    return verdicts | {form: (RejectReason.TOO_RARE, 1)}


def _prose(
    text: str,
    count: int,
    label_at: Callable[[int], _At],
    facts: range,
    verdicts: dict[_Form, Verdict],
    pattern: SpeakerPattern,
) -> dict[_Form, Verdict]:
    """``verdicts`` with the accepted labels that read as prose refused ("reads as the start of a sentence").

    "De manier: die was anders." and "Frans: dat vind ik lastig." inside an
    answer: a label on no list of known speakers whose speech never starts
    with a capital, in a transcript whose other turns do (see
    :mod:`lobcoder.importing.speech_case`). A user who set the minimum of
    turns to one asked for every label-like line start, and gets it.
    """
    suspects = {form for form, (reason, _) in verdicts.items() if reason is None and not pattern.is_known(form[0])}
    if not suspects or pattern.min_occurrences == 1:
        return verdicts
    accepted = (label_at(i) for i in range(count) if i not in facts)
    labels = ((form, start) for form, _, _, start in accepted if verdicts[form][0] is None)
    prose = lower_case_labels(text, labels, suspects)
    return verdicts | {form: (RejectReason.SENTENCE, verdicts[form][1]) for form in prose}


def _verdicts(counts: Counter[_Form], pattern: SpeakerPattern) -> dict[_Form, Verdict]:
    """Each form's verdict and the count it was judged on.

    A label not followed by a tab counts with every label of its name. A
    label followed by a tab (a Word table cell) counts only with those of its
    name followed by a tab, and a known label there is trusted only when a
    tab-followed label is a speaker anyway, by its count (a transcript laid
    out as a table, see :class:`SpeakerPattern`): ``Interviewer<tab>Jan`` in a
    table of facts is no turn even when ``Interviewer:`` opens turns below it.
    """
    names: Counter[str] = Counter()
    for (name, _), count in counts.items():
        names[name] += count
    judged = {(name, tab): (count if tab else names[name]) for (name, tab), count in counts.items()}

    def judge(trust_tabbed: bool) -> dict[_Form, Verdict]:
        return {
            (name, tab): (_judge(name, count, pattern, tab and not trust_tabbed), count)
            for (name, tab), count in judged.items()
        }

    verdicts = judge(trust_tabbed=False)
    if any(reason is None for (_, tab), (reason, _) in verdicts.items() if tab):
        verdicts = judge(trust_tabbed=True)
    return verdicts


def _answers(
    text: str,
    speakers: Iterable[str],
    label_at: Callable[[int], _At],
    facts: range,
    verdicts: dict[_Form, Verdict],
    pattern: SpeakerPattern,
) -> dict[_Form, Verdict]:
    """``verdicts`` with the labels too rare on their own that answer the interviewer accepted.

    A short interview ("Interviewer: one question?", "Bram: one long answer")
    has a name once. Such a name is a speaker when its label starts its line
    right after the interviewer's label (the label line before it, accepted)
    whose turn ends in a question mark, names a person (see
    :func:`_names_a_person`) and goes on with a capital, not in lower case
    as prose after a colon does ("Frans: dat vind ik lastig"). So
    "Nederlands: drie uur" below the
    interviewer's question in a transcript that labels only the interviewer,
    and "Toestemming: ja" in a checklist the interviewer reads out, stay in
    the interviewer's turn. A name seen more often than once but less than
    ``min_occurrences`` stays refused: the user asked for more.

    ``speakers`` are the labels' names in text order; ``label_at(i)`` gives
    label ``i``'s form, line start, label start and turn start.
    """
    rare = {
        form
        for form, (reason, count) in verdicts.items()
        if reason is RejectReason.TOO_RARE and count == 1 and not form[1] and _names_a_person(form[0])
    }
    if not rare:
        return verdicts
    names = {name for name, _ in rare}
    answering = []
    for index in [i for i, name in enumerate(speakers) if name in names]:
        form, line_start, label_start, start = label_at(index)
        if form not in rare or label_start != line_start or index == 0 or index in facts or index - 1 in facts:
            continue
        previous, _, _, asked_from = label_at(index - 1)
        if (
            verdicts[previous][0] is None
            and is_interviewer(previous[0], pattern.interviewer_names)
            and _ends_in_question(text, asked_from, line_start)
            and starts_lower(text, start) is not True
        ):
            answering.append(form)
    return verdicts | {form: (None, verdicts[form][1]) for form in answering}


def _names_a_person(name: str) -> bool:
    """ "Bram", "Marieke de Vries", "Mevrouw Jansen", "De teamleider"; not "Nederlands", "Winter", "De winter".

    A first name on the list (:mod:`lobcoder.importing.first_names`, common
    words left out), an honorific before a name, or an article and a role
    on the list of roles: a noun that only ends like one ("De manier",
    "De computer") needs more turns than one.
    """
    words = name.split()
    if not looks_like_name(words):
        return False
    return (
        is_role_phrase(words, listed=True)
        or is_first_name(words[0])
        or (len(words) > 1 and name_key(words[0]) in HONORIFICS)
    )


_CLOSERS = "\"'”’»)]"
_QUESTION_TAIL = 200  # characters of a turn looked at for its last mark (a turn may be long)


def _ends_in_question(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in a question mark (closing quotes and brackets after it allowed)."""
    return text[max(start, end - _QUESTION_TAIL) : end].rstrip().rstrip(_CLOSERS).endswith("?")


def _lone_role_phrases(verdicts: dict[_Form, Verdict]) -> dict[_Form, Verdict]:
    """Role phrases ("De teamleider") refused again when no other label is a speaker.

    A meeting's transcript has several speakers; a case note in which
    "De decaan: …" opens two paragraphs has none besides.
    """
    speakers = {name for (name, _), (reason, _) in verdicts.items() if reason is None}
    roles = {name for name in speakers if is_role_phrase(name.split())}
    if not roles or len(speakers) > 1:
        return verdicts
    return {
        form: (RejectReason.SENTENCE, n) if form[0] in roles else (reason, n) for form, (reason, n) in verdicts.items()
    }


def _judge(name: str, count: int, pattern: SpeakerPattern, tabbed: bool = False) -> RejectReason | None:
    """Why ``name`` is no speaker, or None; ``tabbed``: a known label is not trusted (a table cell's)."""
    if pattern.regex is None:
        reason = check_name(name)
        if reason is not None:
            return reason
    if pattern.is_known(name) and not tabbed:
        return None
    if pattern.regex is None and name[0].islower():
        return RejectReason.LOWER_CASE
    return RejectReason.TOO_RARE if count < pattern.min_occurrences else None


def _turn_ends(text: str, line_starts: Sequence[int], starts: Sequence[int], stop: int = -1) -> Iterator[int]:
    """The end of each accepted turn, given the turns' line starts and speech starts.

    A turn runs to the next turn's line (the last one to the end of the
    text), trailing blank lines left out; a turn before the block of facts
    (a greeting above it) ends where the block starts (``stop``).
    """
    boundaries = chain(islice(line_starts, 1, None), (len(text),))  # one too many when there are no turns
    for start, boundary in zip(starts, boundaries, strict=False):
        if start < stop < boundary:
            boundary = stop
        yield start + len(text[start:boundary].rstrip())


def _turns(text: str, found: list[_Candidate]) -> list[Turn]:
    """The accepted candidates' turns; one above the block of facts ends where the block starts."""
    stop = next((c.line_start for c in found if c.reason is RejectReason.METADATA), -1)
    accepted = [c for c in found if c.reason is None]
    ends = _turn_ends(text, [c.line_start for c in accepted], [c.start for c in accepted], stop)
    return [Turn(c.speaker, c.label_start, c.start, end, c.timestamp_ms) for c, end in zip(accepted, ends, strict=True)]


def detect_turn_table(text: str, pattern: SpeakerPattern | None = None) -> TurnTable:
    """:func:`detect_turns` as a compact :class:`TurnTable` (what an import stores).

    The labels are kept column by column too (a transcript may have hundreds
    of thousands), then judged per speaker exactly as :func:`_candidates` does.
    The table's ``facts`` are the ``(key, value)`` pairs of the block of
    document facts above the transcript ("Datum", "12-03-2025"), which the
    turns leave out.
    """
    pattern = pattern or SpeakerPattern()
    line_starts, label_starts, starts = array("q"), array("q"), array("q")
    speakers: list[str] = []  # one shared string per name
    tabbed: list[bool] = []  # whether the label was followed by a tab
    times: list[int | None] = []
    forms = _short_forms_of(text, pattern)
    for line_start, label_start, start, speaker, timestamp_ms, tab in _labels(text, pattern, forms):
        line_starts.append(line_start)
        label_starts.append(label_start)
        starts.append(start)
        speakers.append(speaker)
        tabbed.append(tab)
        times.append(timestamp_ms)
    pattern = _trusting(pattern, forms)
    first = [
        LabelLine(*label)
        for label in islice(zip(line_starts, starts, speakers, tabbed, strict=True), _HEADER_LOOKAHEAD)
    ]

    def label_at(i: int) -> _At:
        return (speakers[i], tabbed[i]), line_starts[i], label_starts[i], starts[i]

    counts = Counter(zip(speakers, tabbed, strict=True))
    facts, verdicts = _judge_all(text, first, counts, pattern, speakers, label_at)
    accepted = array(
        "q",
        (
            i
            for i, form in enumerate(zip(speakers, tabbed, strict=True))
            if not facts.start <= i < facts.stop and verdicts[form][0] is None
        ),
    )
    ends = _turn_ends(
        text,
        array("q", (line_starts[i] for i in accepted)),
        array("q", (starts[i] for i in accepted)),
        first[facts.start].line_start if facts else -1,
    )
    table = TurnTable()
    for i, end in zip(accepted, ends, strict=True):
        table.append(speakers[i], label_starts[i], starts[i], end, times[i])
    table.facts = tuple(_fact_pairs(text, first[facts.start : facts.stop]))
    table.notes = tuple(_shared_forms(forms, {speakers[i] for i in accepted}))
    return table


def _shared_forms(forms: ShortForms, speakers: set[str]) -> Iterator[Said]:
    """A note for each short form given to two names whose bare label is a speaker of its own ("A")."""
    for form, names in forms.shared():
        if form in speakers:
            yield say("warning.speakers.shared_short_form", form=form, names=", ".join(names[:-1]), last=names[-1])


def _fact_pairs(text: str, labels: Sequence[LabelLine]) -> Iterator[tuple[str, str]]:
    """The ``(key, value)`` pairs on the lines of a block of facts, empty keys and values left out.

    A Word table row of four cells ("Respondent | Anna | Datum | 12-03-2025")
    holds two facts. The label pattern steps over every tab after a label
    cell, so the empty cells it passed are put back: a row whose value cell is
    empty ("Respondent | | Datum | 12-03-2025") pairs no key with "Datum".
    """
    for label in labels:
        head = text[label.line_start : label.start]
        between = head[len(head.rstrip(" \t")) :]  # the white space between the label and its value
        empty = [""] * max(between.count("\t") - 1, 0)
        cells = [*empty, *(cell.strip() for cell in text[label.start : line_end(text, label.start)].split("\t"))]
        pairs = zip([label.speaker, *cells[1::2]], cells[::2], strict=False)
        yield from ((key, value) for key, value in pairs if key and value)


def detect_turns(text: str, pattern: SpeakerPattern | None = None) -> list[Turn]:
    """Turns from each accepted label to the last non-blank line before the next one.

    Text before the first label belongs to no turn; consecutive turns of one
    speaker stay separate so each label keeps its own timestamp and position.
    """
    found = _candidates(text, pattern or SpeakerPattern())
    return _turns(text, found)


def preview(text: str, pattern: SpeakerPattern | None = None, max_lines: int = 200) -> SpeakerPreview:
    """Turns, per-speaker totals and a line-by-line view for the import dialog.

    The lines show refused labels with their reason, so a user can see why a
    speaker was missed and adjust the pattern or ``min_occurrences``.
    """
    pattern = pattern or SpeakerPattern()
    found = _candidates(text, pattern)
    turns = _turns(text, found)

    totals: dict[str, list[int]] = {}
    for t in turns:
        entry = totals.setdefault(t.speaker or "", [0, 0])
        entry[0] += 1
        entry[1] += len(text[t.start : t.end].split())
    speakers = tuple(
        SpeakerSummary(name, n, words, is_interviewer(name, pattern.interviewer_names))
        for name, (n, words) in totals.items()
    )

    by_line = {c.line_start: c for c in found}
    lines = []
    pos = 0
    pieces = text.split("\n", max_lines)
    if len(pieces) > 1 and pieces[-1] == "":
        pieces.pop()  # the line break that ends the text starts no line of its own
    for number, line in enumerate(pieces[:max_lines], start=1):
        c = by_line.get(pos)
        rejected = None
        if c is not None and c.reason is not None:
            label = text[c.label_start : c.start].strip()
            rejected = RejectedLabel(label, c.speaker, c.reason, c.occurrences, c.tabbed)
        accepted = c if c is not None and c.reason is None else None
        speaker = accepted.speaker if accepted is not None else None
        stamp = accepted.timestamp_ms if accepted is not None else None
        lines.append(PreviewLine(number, line, speaker, rejected, stamp))
        pos += len(line) + 1
    return SpeakerPreview(tuple(turns), speakers, tuple(lines))
