"""deduce, the Dutch de-identification package, with its lookup structures cached per user.

deduce builds its name and place lookup structures (1-3 minutes) the first
time and, by default, caches them inside its own installed package, which a
normal user cannot write to. We give it a cache folder in the user's cache
directory (``platformdirs``; ``LOBCODER_CACHE_DIR`` overrides it), keyed by the
deduce version, so the build happens once per user and version. Importing
deduce also configures the root logger to print DEBUG to stdout; we undo that.

The loaded structures are some 4.5 million objects that live as long as the
program. They are frozen (``gc.freeze``) once, when loaded: the garbage
collector then never walks them again (a full collection over them takes
seconds, a pause wherever it happens, also in the window's thread), and
forked detection workers do not copy the pages that hold them.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

_LOCK = threading.Lock()
_ENGINE: Any = None
_CACHE_FILE = Path("cache") / "lookup_structs.pickle"


@dataclass(frozen=True)
class DeduceAnnotation:
    start: int
    end: int
    text: str
    tag: str


def deduce_version() -> str:
    return metadata.version("deduce")


def cache_dir() -> Path:
    """Where this user's deduce lookup structures live (one folder per deduce version)."""
    base = os.environ.get("LOBCODER_CACHE_DIR")
    if base:
        root = Path(base)
    else:
        from platformdirs import user_cache_dir

        root = Path(user_cache_dir("lobcoder", appauthor=False))
    return root / f"deduce-{deduce_version()}"


def is_built() -> bool:
    """True when loading deduce is quick (its lookup structures are cached for this user)."""
    return _ENGINE is not None or (cache_dir() / _CACHE_FILE).is_file()


def _import_deduce() -> Any:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import deduce  # type: ignore[import-untyped]
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)
    logging.getLogger("deduce").setLevel(logging.WARNING)
    return deduce


def load(progress: Callable[[str], None] | None = None) -> Any:
    """The shared ``Deduce`` instance; builds (slow, once per user) or loads its lookup structures.

    Thread-safe: a second caller waits for the first build instead of starting its own.
    """
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            if progress is not None:
                progress("loading" if is_built() else "building")
            _ENGINE = _frozen(_build)
        return _ENGINE


def _build() -> Any:
    deduce = _import_deduce()
    folder = cache_dir()
    _seed_from_package(deduce, folder)
    engine = deduce.Deduce(cache_path=folder)
    _streets_before_numbers_only(engine)
    return engine


def _frozen(make: Callable[[], Any]) -> Any:
    """``make()``, with every object alive afterwards frozen (see the module docstring).

    Garbage from before is collected first, so none is frozen with the rest.
    Loading cached structures runs without the collector (it halves the load:
    unpickled objects are all alive, collections there only walk them); a first
    build keeps it, as that one makes garbage. A failed ``make()`` freezes
    nothing: what it leaves alive may be garbage the collector must still see.
    """
    gc.collect()
    collecting = gc.isenabled()
    if is_built():
        gc.disable()
    try:
        made = make()
        gc.freeze()
        return made
    finally:
        if collecting:
            gc.enable()


def _streets_before_numbers_only(engine: Any) -> None:
    """Try deduce's street-name pattern only on words followed by a house number (same result, ~15 % faster).

    deduce tags every word shaped like a street name (``Kunst`` as ``-st``),
    extends it with a following house number, then drops every street tag that
    got no number; so the pattern matters only before a number.
    """
    from lobcoder.pseudonymise.deduce_streets import StreetBeforeNumberAnnotator

    locations = engine.processors["locations"]
    original = locations["street_pattern"]
    locations.add_processor(  # same name: keeps its place in the pipeline
        "street_pattern",
        StreetBeforeNumberAnnotator(
            pattern=original.pattern,
            ds=original.ds,
            skip=list(original.skip),
            tag=original.tag,
            priority=original.priority,
        ),
    )


def _seed_from_package(deduce: Any, folder: Path) -> None:
    """Start from the structures cached inside deduce's own folder, when an installer built them there."""
    folder.mkdir(parents=True, exist_ok=True)
    ours = folder / _CACHE_FILE
    theirs = Path(deduce.__file__).parent / "data" / "lookup" / _CACHE_FILE
    if not ours.is_file() and theirs.is_file():
        ours.parent.mkdir(parents=True, exist_ok=True)
        partial = ours.with_suffix(".partial")
        shutil.copyfile(theirs, partial)
        partial.replace(ours)


def annotate(text: str) -> list[DeduceAnnotation]:
    """deduce's annotations of one text, in text order."""
    result = load().deidentify(text, disabled={"redactor"})  # we need the annotations, not deduce's text
    found = [DeduceAnnotation(a.start_char, a.end_char, a.text, a.tag) for a in result.annotations]
    found.sort(key=lambda a: (a.start, a.end))
    return found
