"""An export's progress and cancel check, counted in rows (tables) or quotes (Word blocks).

The caller (the GUI's worker, or nobody) passes the core's usual callbacks,
``progress(done, total, label)`` and ``cancelled() -> bool``; the renderers
call :meth:`Steps.step` once per row written. A cancel raises
:class:`~lobcoder.errors.Cancelled` inside the atomic write, so the file
being written is dropped and any earlier file stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from lobcoder.errors import Cancelled

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
REPORTS = 100  # progress is reported about this many times per export, not per row


class Steps:
    """Counts an export's rows; reports progress now and then and stops on a cancel."""

    def __init__(
        self, total: int, progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None
    ) -> None:
        self.total = max(total, 0)
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled
        self._every = max(self.total // REPORTS, 1)

    def step(self) -> None:
        """One more row written.

        Raises:
            Cancelled: the export was cancelled.
        """
        self.done += 1
        self.check()
        if self._progress is not None and (self.done % self._every == 0 or self.done == self.total):
            self._progress(min(self.done, self.total), self.total, "")

    def check(self) -> None:
        """Raise :class:`Cancelled` if the export was cancelled."""
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("export cancelled")
