"""Transcriber's notes in running text ("[lacht]", "(stilte)", "{onverstaanbaar}") and where sentences leave them.

Both sentence splitters keep a note with the sentence after it: the co-occurrence
and agreement splitter (:mod:`lobcoder.analysis.sentence_split`) reads past
the notes after a full stop for the capital that starts a sentence, and the
suggestions' (:mod:`lobcoder.suggest.cache`) gives a bracket the sentencizer
left at a sentence's end to the next one.
"""

from __future__ import annotations

import re

OPENERS = "([{"  # what opens a note
CLOSERS = ")]}"  # and what closes it
_O, _C = re.escape(OPENERS), re.escape(CLOSERS)
# White space, then one or more notes each followed by white space (a note ends on its line).
NOTES_AHEAD = re.compile(rf"\s*(?:[{_O}][^{_O}{_C}\n]*[{_C}]\s+)+")
