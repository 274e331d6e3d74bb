"""A tab's export computed again on the hidden pseudonymised copy, with the same choices and filter.

The copy keeps every id (documents, codes, participants), so the tab's
computation applies unchanged; only attribute values and coders in the filter
are renamed as the copy names them (``ROC Veenstroom`` -> ``School A``,
``Fenna`` -> ``Coder 1``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lobcoder.analysis.dataset import load_reading
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.errors import Cancelled
from lobcoder.gui.workers import CancelCheck, ProgressCallback, Task
from lobcoder.pseudonymise.apply import Replacer
from lobcoder.pseudonymise.export_copy import accepted_decisions, pseudonymised_copy
from lobcoder.pseudonymise.leak_check import Leak
from lobcoder.pseudonymise.names import coder_pseudonyms
from lobcoder.storage.project import ProjectStore

if TYPE_CHECKING:
    from lobcoder.gui.analysis.tab import AnalysisTab, Computation, ExportWriter


def relabel_filter(flt: AnalysisFilter, label: Any, coders: dict[str, str] | None = None) -> AnalysisFilter:
    """``flt`` with each attribute value and coder as the pseudonymised copy has it."""
    attributes = {name: {label(value) for value in allowed} for name, allowed in flt.attributes.items()}
    chosen = None if flt.coders is None else {(coders or {}).get(name, name) for name in flt.coders}
    return AnalysisFilter(flt.documents, chosen, flt.codes, attributes, flt.exclude_interviewer)


def pseudonymised_task(
    tab: AnalysisTab,
    store: ProjectStore,
    path: Path,
    *,
    computation: Callable[[AnalysisFilter, dict[str, str]], Computation] | None = None,
    writer: ExportWriter | None = None,
    on_leaks: Callable[[tuple[Leak, ...]], object] | None = None,
) -> Task:
    """Read the tab's choices now (GUI thread); the task builds the copy, computes and writes (worker).

    The filter is the shown result's (:attr:`AnalysisTab.result_filter`), as the plain export writes that result.

    By default the tab's table (:meth:`AnalysisTab.computation_on_copy`,
    :meth:`AnalysisTab.export_writer`); ``computation`` and ``writer`` export
    another result of the tab (the Words tab's keywords in context). ``on_leaks`` gets the leak check of
    the files written, read back, and of their names (on the worker, before the copy is deleted): only what the
    table holds was shared.

    Raises:
        ValueError: a choice the computation cannot take (as for the shown result).
    """
    decisions = accepted_decisions(store)
    language = tab.host.language()
    with store.read() as session:
        coders = coder_pseudonyms(session, language)
    # The shown result's filter, not the filter box's: after a change the old result stays shown until the new one.
    flt = relabel_filter(tab.result_filter, Replacer(decisions).label, coders)
    compute = (computation or tab.computation_on_copy)(flt, coders)
    write = writer or tab.export_writer(path, language)

    def task(progress: ProgressCallback, cancelled: CancelCheck) -> object:
        with pseudonymised_copy(
            store, decisions, beside=path.parent, language=language, progress=progress, cancelled=cancelled
        ) as copy:
            with copy.store.read() as session:
                if cancelled():
                    raise Cancelled("export cancelled")
                # Texts and turns read from the copy as the computation asks, so it runs while the copy exists.
                computed = compute(load_reading(session))
            written = write(computed, progress, cancelled)
            if on_leaks is not None:
                # What the files hold, read back: a name left in a document the table does not quote is not shared.
                on_leaks(copy.leaks_in_files(_paths(written, path)))
        return written

    return task


def _paths(written: object, path: Path) -> list[Path]:
    """The files a writer says it wrote (``export_table`` and ``export_quotes`` return them), else ``path``."""
    if isinstance(written, list) and written and all(isinstance(p, Path) for p in written):
        return written
    return [path]
