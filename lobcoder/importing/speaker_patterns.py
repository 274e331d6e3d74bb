"""Word lists, regular expressions and name checks behind speaker-label detection."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from functools import lru_cache

from lobcoder.errors import LobcoderError
from lobcoder.i18n.said import say

DEFAULT_INTERVIEWER_NAMES: frozenset[str] = frozenset(
    {
        "i",
        "int",
        "interviewer",
        "interviewster",
        "interviewers",
        "iv",
        "onderzoeker",
        "onderzoekster",
        "researcher",
        "vraag",
        "vraagsteller",
        "q",
        "question",
        "moderator",
        "gespreksleider",
        "gespreksleidster",
        "facilitator",
    }
)

# Labels that are speakers without being interviewers (respondent labels and
# role words): together with the interviewer names they are accepted even when
# they occur only once.
DEFAULT_RESPONDENT_NAMES: frozenset[str] = frozenset(
    {
        "r",
        "resp",
        "respondent",
        "respondente",
        "geinterviewde",
        "geïnterviewde",
        "interviewee",
        "antwoord",
        "a",
        "answer",
        "deelnemer",
        "deelneemster",
        "participant",
        "informant",
        "spreker",
        "speaker",
        # Roles in Dutch (mbo) education research, for a transcript in which
        # the respondent answers only once ("Docent: ...").
        "docent",
        "docente",
        "leraar",
        "lerares",
        "mentor",
        "coach",
        "slb'er",
        "slber",
        "loopbaanbegeleider",
        "loopbaancoach",
        "decaan",
        "begeleider",
        "stagebegeleider",
        "praktijkopleider",
        "contactpersoon",
        "teamleider",
        "opleidingsmanager",
        "manager",
        "directeur",
        "student",
        "studente",
        "leerling",
        "cursist",
        "jongere",
        "ouder",
        "moeder",
        "vader",
        "werkgever",
        "teacher",
        "pupil",
        "counsellor",
        "counselor",
        "parent",
        "employer",
    }
)

# Words that end a phrase before a colon at a line start (headings, notes,
# document metadata). Never speakers, however often they occur.
COMMON_WORDS: frozenset[str] = frozenset(
    {
        # Dutch
        "bijvoorbeeld",
        "bijv",
        "bv",
        "b.v",
        "dus",
        "maar",
        "en",
        "of",
        "want",
        "ook",
        "nou",
        "ja",
        "nee",
        "zoals",
        "namelijk",
        "oftewel",
        "kortom",
        "daarom",
        "toen",
        # what an unlabelled answer may open with ("Kijk: zo zit het")
        "kijk",
        "tja",
        "goh",
        "oké",
        "okay",
        "ok",
        "eerlijk",
        "zeker",
        "precies",
        "inderdaad",
        "well",
        "look",
        "yes",
        "yeah",
        "no",
        "let op",
        "let wel",
        "opmerking",
        "opmerkingen",
        "noot",
        "nb",
        "n.b",
        "ps",
        "p.s",
        "conclusie",
        "conclusies",
        "samenvatting",
        "tip",
        "tips",
        "thema",
        "subthema",
        "onderwerp",
        "stelling",
        "definitie",
        "voorbeeld",
        "citaat",
        "toelichting",
        "uitleg",
        "zie",
        "bron",
        "bronnen",
        "link",
        "doel",
        "aanleiding",
        "context",
        "resultaat",
        "resultaten",
        "uitkomst",
        "advies",
        "actie",
        "actiepunt",
        "actiepunten",
        "waarschuwing",
        "belangrijk",
        "let",
        "stap",
        "fase",
        "deel",
        "hoofdstuk",
        "paragraaf",
        "bijlage",
        "titel",
        "datum",
        "tijd",
        "tijdstip",
        "duur",
        "locatie",
        "plaats",
        "adres",
        "tel",
        "telefoon",
        "email",
        "e-mail",
        "website",
        "transcript",
        "transcriptie",
        "interview",
        "opname",
        "bestand",
        "aanwezig",
        "aanwezigen",
        "afwezig",
        "notulist",
        "legenda",
        "code",
        "codes",
        "totaal",
        "aantal",
        "d.w.z",
        "dwz",
        "o.a",
        "m.a.w",
        "enz",
        "etc",
        # English
        "note",
        "notes",
        "example",
        "examples",
        "e.g",
        "i.e",
        "eg",
        "ie",
        "so",
        "but",
        "and",
        "or",
        "summary",
        "conclusion",
        "warning",
        "important",
        "remark",
        "comment",
        "source",
        "date",
        "time",
        "location",
        "subject",
        "topic",
        "theme",
        "see",
        "step",
        "part",
        "section",
        "chapter",
        "title",
        "file",
        "recording",
        "http",
        "https",
        "ftp",
        "mailto",
        "www",
        "url",
    }
)

# Numbered forms of these ("Vraag 3:") are items of an interview guide, not
# speakers; the bare word ("Vraag:") is a known label.
NUMBERED_HEADINGS: frozenset[str] = frozenset({"vraag", "antwoord", "question", "answer"})


# A label whose first word is one of these and whose second word is in lower
# case is a noun phrase opening a sentence ("De teamleider zegt dan:"), not a
# name; "De Vries" and "De heer Jansen" are names.
DETERMINERS: frozenset[str] = frozenset(
    (
        "de het een die deze dit dat mijn onze ons jouw je zijn haar hun elke iedere veel sommige alle the a "
        "an this that my our his her their every some"
    ).split()
)
HONORIFICS: frozenset[str] = frozenset({"heer", "mevrouw", "mevr", "mw", "dhr", "juffrouw", "meneer"})

# An article and a person noun ("De teamleider", "Het teamlid 2") label the
# turns of a meeting or group interview; as a line start in prose ("De decaan:
# die heeft het druk") they are rarer, so such a label needs several turns (or
# to answer the interviewer) and another speaker beside it, never one known role.
# Definite articles only: "Een keer:" and "Een paar:" open sentences, and the
# endings below would take "keer" and "paar" for person nouns.
ARTICLES: frozenset[str] = frozenset({"de", "het", "'t", "the"})
# Person nouns: the role words above, a few more, and words ending like one
# (teamleider, vakdocent, stagiair, coördinator, scholier). Few Dutch person
# nouns are neuter, so after "het" only the listed ones and "-lid" count
# (het teamlid, not het moment or het document).
PERSON_NOUNS: frozenset[str] = frozenset({"collega", "kind", "jongen", "meisje", "vrouw", "man", "persoon", "lid"})
_PERSON_ENDINGS = ("er", "aar", "air", "ent", "ant", "eur", "ist", "ling", "ier", "or", "lid")
_NEUTER = frozenset({"het", "'t"})

# Finite verbs of saying and thinking, and adverbs that follow them: after a
# label's first word they make it a clause ("Mijn collega zei toen:").
SENTENCE_WORDS: frozenset[str] = frozenset(
    (
        "zegt zeg zei zeiden zeggen vertelt vertel vertelde vertelden vraagt vroeg vroegen vragen antwoordt "
        "antwoordde antwoordden roept riep schrijft schreef denkt dacht vindt vond merkt merkte reageert "
        "reageerde legt legde noemt noemde is was zijn waren heeft had hebben dan toen altijd vaak nog ook "
        "says said asks asked answers answered replies replied tells told writes wrote thinks thought then"
    ).split()
)


class RejectReason(StrEnum):
    """Why a label-like line start did not become a turn (the GUI words it)."""

    COMMON_WORD = "common word"
    NUMBERED_HEADING = "numbered heading"
    PUNCTUATION = "sentence punctuation in name"
    LOWER_CASE = "starts with a lower-case letter"
    TOO_RARE = "occurs too rarely"
    METADATA = "is document information above the transcript"
    SENTENCE = "reads as the start of a sentence"


class InvalidSpeakerPattern(LobcoderError, ValueError):
    """A user-supplied speaker regex cannot be used; ``str()`` says why."""


_TS = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_BRACKETED_TS = rf"(?:\[{_TS}\]|\({_TS}\))"
_ANY_TS = rf"(?:{_BRACKETED_TS}|{_TS})"
_FIRST_WORD = r"[^\W\d_](?:[^\W_]|[.'’\-])*"
_WORD = r"[^\W_](?:[^\W_]|[.'’\-])*"
_NAME = rf"{_FIRST_WORD}(?:[ ]+{_WORD}){{0,3}}"
# A short form of the name in brackets after it: "Interviewer (I):", "Respondent (R1):".
_ALIAS = r"[^\W\d_][^\W_]{0,4}\.?"
_DASHES = "-\u2013\u2014"  # hyphen, en dash, em dash
# A list item's number or bullet before a label, as the .docx and .rtf readers write them: "1.", "1.2",
# "a)", "A)", "iv.", "•". Letters only one, or roman numerals, so "Ja. Anna:" is no list item; a capital
# and a dot is an initial ("A. Jansen:"), not a list item.
_LIST_MARKER = r"(?:•|\(?(?:\d{1,3}(?:\.\d{1,3})+[.)]?|(?:\d{1,3}|[a-z]|[ivxlcdm]{2,6}|[IVXLCDM]{2,6})[.)]|[A-Z]\)))"

# A dash within the first words of a line (a list marker, a name of up to four words, a short form or a
# time): the lines a dash label may start; a dash later in a line is prose.
_EARLY_DASH = rf"[ \t]*(?:[^\s:]++[ ]){{1,7}}[{_DASHES}][ ]"
_LABEL_BODY = rf"""
    [ \t]*
    (?:{_LIST_MARKER}[ \t]+)?    # a list item's number or bullet
    (?P<body>
      (?:(?P<pre>{_ANY_TS})[ \t]+)?
      (?:\*\*)?
      (?P<speaker>{_NAME})
      (?:[ ]+\((?P<alias>{_ALIAS})\))?
      (?:
          (?:[ \t]*(?P<post>{_BRACKETED_TS}))?
          (?:[ ]*(?:\*\*)?[ ]*:(?![/\d])(?:\*\*)?[ \t]*  # Name: / Name : / **Name:**
            | (?P<tab>\t)\t*                            # Name<TAB> (Word tables)
            | [ ]+(?P<dash>[{_DASHES}])[ ]+(?![{_DASHES}]))  # Name - words / Name – words
        | [ \t]+(?P<alone>{_ANY_TS})[ \t]*$            # "Spreker 1 [00:00:05]" on its own line
      )
    )
"""

# One pass over the text; every alternative stays on its line ([ \t], not \s).
# A colon directly followed by "/" or a digit is a URL or a time, not a label.
# A dash between spaces after a name ("Anna - Ja.", "Anna – Ja.") is a label
# too; speakers.py keeps it only for names that name a person or are known.
DEFAULT_LABEL = re.compile(
    rf"^(?=[^\n:\t]*+[:\t]|{_EARLY_DASH})  # a colon, a tab or an early dash: skip other lines fast" + _LABEL_BODY,
    re.MULTILINE | re.VERBOSE,
)
# The same, on the lines with an early dash only (speakers.py looks for the names before dashes first).
DASH_LABEL = re.compile(rf"^(?={_EARLY_DASH})" + _LABEL_BODY, re.MULTILINE | re.VERBOSE)

_TIMESTAMP = re.compile(r"(?:(\d{1,3}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?")
_TRAILING_NUMBER = re.compile(r"[\s.\-_#]*\d+$")


def parse_timestamp(text: str | None) -> int | None:
    """Milliseconds of the first ``h:mm:ss`` / ``mm:ss`` (``.mmm``) in ``text``.

    Returns None for text without a timestamp or with impossible seconds or
    minutes, so a malformed time never shifts a turn's position in the media.
    """
    if not text:
        return None
    match = _TIMESTAMP.search(text)
    if match is None:
        return None
    hours_s, minutes_s, seconds_s, fraction = match.groups()
    hours, minutes, seconds = int(hours_s or 0), int(minutes_s), int(seconds_s)
    if seconds >= 60 or (hours_s is not None and minutes >= 60):
        return None
    millis = int(fraction.ljust(3, "0")) if fraction else 0
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def name_key(name: str) -> str:
    """Fold a label for comparison with the word lists.

    Case, accents, extra spaces, trailing dots and a trailing number are
    ignored, so ``Int. 2``, ``INT`` and ``int`` are one label and
    ``Geinterviewde`` matches ``Geïnterviewde``.
    """
    key = " ".join(name.casefold().split())
    key = "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))
    key = _TRAILING_NUMBER.sub("", key) or key
    return key.rstrip(".").strip()


@lru_cache(maxsize=32)
def keyed(names: frozenset[str]) -> frozenset[str]:
    """``names`` folded with :func:`name_key` (cached: the sets are constants)."""
    return frozenset(name_key(n) for n in names)


def has_trailing_number(name: str) -> bool:
    """Numbered labels ("Docent 3", "R1") share the rules of their bare word."""
    return _TRAILING_NUMBER.search(name) is not None


def check_name(name: str) -> RejectReason | None:
    """The rule a default-pattern name breaks whatever its frequency, if any."""
    key = name_key(name)
    words = name.split()
    # "We zeiden bijvoorbeeld:" ends in a common word too: a phrase, not a name.
    last = words[-1]
    if key in COMMON_WORDS or (len(words) > 1 and last[0].islower() and name_key(last) in COMMON_WORDS):
        return RejectReason.COMMON_WORD
    if key in NUMBERED_HEADINGS and has_trailing_number(name):
        return RejectReason.NUMBERED_HEADING
    # A dot inside a name is only an abbreviation ("Mw.", "Dhr.", "J."); after
    # any other word it ends a sentence ("Dat was het. Nou:").
    if ".." in name or any(
        w.endswith(".") and not (w[0].isupper() and len(w.replace(".", "")) <= 4) for w in words[:-1]
    ):
        return RejectReason.PUNCTUATION
    if reads_as_sentence(words) and not is_role_phrase(words):
        return RejectReason.SENTENCE
    return None


NAME_PARTICLES: frozenset[str] = frozenset(
    "van de der den het ter ten te 't d' in op la le du von da di del dos das".split()
)


def is_capitalised_name(words: list[str]) -> bool:
    """Capitalised words, numbers and name particles after a capital: "Bram", "Marieke de Vries", "Speaker 1"."""
    return words[0][0].isupper() and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in NAME_PARTICLES for w in words[1:]
    )


def looks_like_name(words: list[str]) -> bool:
    """ "Bram", "Marieke de Vries", "Docent 3", "De teamleider"; not a phrase such as "Eerlijk gezegd"."""
    return words[0][0].isupper() and (is_role_phrase(words) or is_capitalised_name(words))


def is_person_noun(word: str, neuter: bool = False, listed: bool = False) -> bool:
    """Whether a lower-case word names a person or role ("teamleider", "vakdocent", "teamlid").

    ``listed``: only the words on the lists, not those that merely end like
    a person noun ("manier", "computer", "winter" do too).
    """
    key = name_key(word)
    if key in PERSON_NOUNS or key in keyed(DEFAULT_RESPONDENT_NAMES) or key in keyed(DEFAULT_INTERVIEWER_NAMES):
        return True
    if listed:
        return False
    return key.endswith("lid") if neuter else key.endswith(_PERSON_ENDINGS)


def is_role_phrase(words: list[str], listed: bool = False) -> bool:
    """An article and a lower-case person noun, perhaps numbered: "De teamleider", "Het teamlid 2".

    ``listed``: the noun is on the lists (see :func:`is_person_noun`).
    """
    if len(words) == 3 and words[2].isdigit():
        words = words[:2]
    return (
        len(words) == 2
        and words[0].casefold() in ARTICLES
        and words[1][0].islower()
        and words[1].isalpha()
        and is_person_noun(words[1], neuter=words[0].casefold() in _NEUTER, listed=listed)
    )


def reads_as_sentence(words: list[str]) -> bool:
    """Whether a label's words open a sentence rather than name someone.

    "De teamleider zegt dan" (a case note introducing a quote) does;
    "Marieke de Vries", "De Jong", "De heer Jansen" and "Docent 3" do not.
    """
    if len(words) < 2:
        return False
    first, second = words[0].casefold(), words[1]
    if first in DETERMINERS and second[0].islower() and second.rstrip(".").casefold() not in HONORIFICS:
        return True
    return any(w[0].islower() and w.casefold() in SENTENCE_WORDS for w in words[1:])


def compile_custom(regex: str) -> re.Pattern[str]:
    """Compile a user regex, with messages fit to show to the user."""
    try:
        compiled = re.compile(regex, re.MULTILINE)
    except re.error as error:
        raise InvalidSpeakerPattern(say("problem.pattern.invalid", regex=regex, reason=error)) from None
    if "speaker" not in compiled.groupindex:
        raise InvalidSpeakerPattern(say("problem.pattern.no_group", regex=regex))
    return compiled
