"""Where a name that is also a common word (``Wil``, ``Bos``, ``Roos``) is written as the name in running text.

Which names are common words is decided in :mod:`short_forms` (deduce's list
of common Dutch words, or the project's texts writing the word in lower case
more often than with a capital). For those, one rule decides both what the
copy replaces (:class:`~lobcoder.pseudonymise.matcher.TermMatcher` with
``word_terms``, so the review's occurrences are the replaced places too) and
what the leak check lists (:mod:`leak_check`):

- the name needs its capital (``wil`` is the verb);
- with its capital, inside a sentence, it is the name (``gisteren zei Wil``);
- opening a sentence, a line or a turn, where every word has a capital, it is
  the name unless the next word shows a verb: a lower-case subject pronoun
  (``Wil je dat?``, ``Wil ik even…``). So ``Wil Jansen zei``, ``Wil J. zei``,
  ``Wil de Vries``, ``Wil:`` (a turn label), ``Wil,``, ``Roos zei`` and
  ``Roos die naast mij zit`` are names, and are replaced. A verb opening a sentence without such a word after it
  (``Wil graag…``) is replaced too: a word too many is a nuisance, a name left
  in is a leak.

In a label (speaker, file name, attribute value) the first word opens it, so
there the capital is enough.
"""

from __future__ import annotations

import re

from lobcoder.pseudonymise.short_forms import PARTICLES

_OPENERS = " \t\"'‘“(«-–—"
# lower-case subject pronouns that, right after a capitalised word opening a sentence, show that word is a verb
# (``Wil je``). Not ``die``/``dat``/``de``/``een``/``er``/``niet``: a name is followed by them as often
# (``Roos die naast mij zit``, ``Bos dat is mijn mentor``), and a name left in is a leak.
WORD_SIGNALS = frozenset("je jij u ik hij ze zij we wij jullie men het 't".split())
_NEXT = re.compile(r"[ \t]*([^\W\d_]+|'t)(?:[ \t]+([^\W\d_]+))?")


def written_as_name(text: str, start: int, end: int, *, sentence: bool = True) -> bool:
    """Whether ``text[start:end]`` (``Wil``, ``de Bos``) is written as the name (the rule above).

    ``sentence``: running text (a document, a memo, a table cell); False for a label.
    """
    found = text[start:end].split()
    core = [w for w in found if w.casefold() not in PARTICLES]
    if not core or not all(w[:1].isupper() for w in core):
        return False
    if not sentence or found[0] is not core[0] or not opens_sentence(text, start):
        return True
    return not _word_follows(text, end)


def kept_as_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is capitalised and opens a sentence, yet is kept as the word because a subject
    pronoun follows (``Wil je dat?``; also ``Roos ik heb een vraag`` written without the comma): the leak check
    lists such places to be looked at."""
    found = text[start:end].split()
    core = [w for w in found if w.casefold() not in PARTICLES]
    return (
        bool(core) and all(w[:1].isupper() for w in core) and opens_sentence(text, start) and _word_follows(text, end)
    )


def opens_sentence(text: str, at: int) -> bool:
    """Whether ``text[at:]`` starts a sentence, a line, a turn (after ``Roos:``) or the text."""
    while at > 0 and text[at - 1] in _OPENERS:
        at -= 1
    return at == 0 or text[at - 1] in ".!?:;…\n\r"


def _word_follows(text: str, end: int) -> bool:
    """Whether the next word is a lower-case subject pronoun (``je`` in ``Wil je``), and not a particle before a
    surname."""
    if end < len(text) and text[end] == "s":  # ``Wils``: the genitive the matcher allows
        end += 1
    after = _NEXT.match(text, end)
    if after is None or after.start(1) == end:  # nothing after, or no space before the next word
        return False
    word, following = after.group(1), after.group(2) or ""
    if word not in WORD_SIGNALS:
        return False
    return not (word in PARTICLES and following[:1].isupper())
