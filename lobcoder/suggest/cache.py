"""Each document's processed form, parsed once per pipeline: kept in the project and in memory.

The processed form is what suggestions need from spaCy: sentence spans and
tokens with their lemmas, as code-point offsets into the stored text. It is
stored in the ``nlp_cache`` table keyed by the text's content hash and the
pipeline's cache key, with a small in-memory LRU on top, so a transcript is
parsed once per project and pipeline, not on every suggestion.
"""

from __future__ import annotations

import bisect
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import store as persistence
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.text.notes import OPENERS
from lobcoder.util.bounded_cache import BoundedCache

FORMAT = 2  # part of the cache key: change it when ProcessedText changes
MEMORY_SIZE = 64


@dataclass(frozen=True)
class ProcessedText:
    """Sentences and tokens of one text; offsets are code points, end-exclusive."""

    sentences: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lemmas: tuple[str, ...]
    lowers: tuple[str, ...] = field(repr=False)

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens lying wholly inside ``start``..``end``."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_right(self.ends, end)
        return range(first, max(first, last))

    def to_bytes(self) -> bytes:
        data = {
            "sentences": self.sentences,
            "starts": self.starts,
            "ends": self.ends,
            "lemmas": self.lemmas,
        }
        return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    @classmethod
    def from_bytes(cls, blob: bytes, text: str) -> ProcessedText:
        data = json.loads(zlib.decompress(blob).decode("utf-8"))
        starts, ends = tuple(data["starts"]), tuple(data["ends"])
        return cls(
            tuple((s, e) for s, e in data["sentences"]),
            starts,
            ends,
            tuple(data["lemmas"]),
            tuple(text[s:e].lower() for s, e in zip(starts, ends, strict=True)),
        )


def _notes_whole(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give an opening bracket left at a sentence's end to the next sentence.

    The sentencizer ends a sentence after the bracket that opens a
    transcriber's note ("belangrijk. [" then "lacht] Ik denk ..."): a
    suggestion for it would code a stray "[".
    """
    fixed = list(spans)
    for k in range(len(fixed) - 1):
        start, end = fixed[k]
        if end - start > 1 and line[end - 1] in OPENERS and line[end - 2].isspace():
            cut = len(line[start : end - 1].rstrip()) + start
            fixed[k] = (start, cut)
            fixed[k + 1] = (end - 1, fixed[k + 1][1])
    return fixed


def process_text(pipeline: DutchPipeline, text: str) -> ProcessedText:
    """Parse a text paragraph by paragraph (``nlp.pipe``); a sentence never crosses a line break."""
    offsets: list[int] = []
    lines: list[str] = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            offsets.append(position)
            lines.append(line)
        position += len(line) + 1
    sentences: list[tuple[int, int]] = []
    starts: list[int] = []
    ends: list[int] = []
    lemmas: list[str] = []
    lowers: list[str] = []
    for offset, doc in zip(offsets, pipeline.process(lines), strict=True):
        found: list[tuple[int, int]] = []
        for sent in doc.sents:
            span = doc.text[sent.start_char : sent.end_char]
            stripped = span.strip()
            if stripped:
                begin = sent.start_char + span.index(stripped)
                found.append((begin, begin + len(stripped)))
        sentences.extend((offset + start, offset + end) for start, end in _notes_whole(doc.text, found))
        for token in doc:
            if token.is_space:
                continue
            lower = token.lower_
            starts.append(offset + token.idx)
            ends.append(offset + token.idx + len(token.text))
            lemmas.append(pipeline.refine_lemma(lower, token.lemma_ or lower))
            lowers.append(lower)
    return ProcessedText(tuple(sentences), tuple(starts), tuple(ends), tuple(lemmas), tuple(lowers))


_memory: BoundedCache[tuple[str, str], ProcessedText] = BoundedCache(MEMORY_SIZE)


def clear_memory() -> None:
    _memory.clear()


def processed_texts(
    store: ProjectStore, pipeline: DutchPipeline, documents: Sequence[tuple[str, str]]
) -> list[ProcessedText]:
    """The processed form of each ``(content_hash, text)``: from memory, the project, or parsed now.

    Newly parsed texts are written to the project in one transaction.
    """
    key = f"{pipeline.cache_key}; cache format {FORMAT}"
    result: dict[str, ProcessedText] = {}
    texts = dict(documents)
    for content_hash in texts:
        found = _memory.get((key, content_hash))
        if found is not None:
            result[content_hash] = found
    missing = [h for h in texts if h not in result]
    if missing:
        with store.read() as session:
            stored = persistence.load_cached(session, key, missing)
        for content_hash, blob in stored.items():
            result[content_hash] = ProcessedText.from_bytes(blob, texts[content_hash])
    new: dict[str, bytes] = {}
    for content_hash in texts:
        if content_hash not in result:
            result[content_hash] = process_text(pipeline, texts[content_hash])
            new[content_hash] = result[content_hash].to_bytes()
    if new:
        with store.transaction() as session:
            persistence.save_cached(session, key, new)
    for content_hash, value in result.items():
        _memory.put((key, content_hash), value)
    return [result[content_hash] for content_hash, _ in documents]
