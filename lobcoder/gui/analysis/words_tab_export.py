"""Export… of the Words tab's keywords in context: the occurrence list as Word, Excel or CSV.

The file is the one ``lobcoder report words --context WORD --out FILE`` writes:
:meth:`KeywordsInContext.to_table` in the chosen language, written by
:func:`~lobcoder.reports.export.export_table` (progress per row, cancel
leaves no file). With "Pseudonymise" ticked the occurrences are looked up
again on the hidden pseudonymised copy, as the tab's table is (where a name
became a role pseudonym, *Docent 1*, that adds an occurrence of *docent*).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.keywords_in_context import KeywordsInContext, keywords_in_context
from lobcoder.gui.workers import CancelCheck, ProgressCallback, Task
from lobcoder.reports import export
from lobcoder.reports.formatting import Language

if TYPE_CHECKING:
    from lobcoder.gui.analysis.tab import AnalysisTab, Computation
    from lobcoder.pseudonymise.leak_check import Leak
    from lobcoder.storage.project import ProjectStore


def context_task(found: KeywordsInContext, path: Path, language: Language) -> Task:
    """Write the occurrences ``found`` (already listed in the tab) to ``path``."""
    tables = [found.to_table(language)]
    return lambda progress, cancelled: export.export_table(
        tables, path, language=language, progress=progress, cancelled=cancelled
    )


def pseudonymised_context_task(
    tab: AnalysisTab,
    store: ProjectStore,
    path: Path,
    found: KeywordsInContext,
    pipeline: Any,
    language: Language,
    on_leaks: Callable[[tuple[Leak, ...]], object] | None = None,
) -> Task:
    """Look the word up again on the pseudonymised copy (same options, the filter as the copy names it), write it."""
    from lobcoder.gui.analysis.pseudonymised_export import pseudonymised_task

    word, options = found.word, found.options

    def computation(flt: AnalysisFilter, _coders: dict[str, str]) -> Computation:
        def compute(dataset: Dataset) -> KeywordsInContext:
            return keywords_in_context(dataset, pipeline(), word, flt, options, context=found.context)

        return compute

    def write(result: Any, progress: ProgressCallback, cancelled: CancelCheck) -> object:
        tables = export.pseudonymised_tables([result.to_table(language)], language)
        return export.export_table(tables, path, language=language, progress=progress, cancelled=cancelled)

    return pseudonymised_task(tab, store, path, computation=computation, writer=write, on_leaks=on_leaks)
