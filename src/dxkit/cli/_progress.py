"""A progress bar for long work, on a terminal only.

The core reports progress through a callback (``done, total``) and knows nothing of Rich. The
bar is drawn on standard error, so standard output stays exact data (a JSON report, a page);
it appears only when standard error is a terminal, ``CI`` is not set and ``TERM`` is not
``dumb``, and only once the work has taken longer than :data:`DELAY` seconds, so a quick run
prints nothing extra. It is transient: when the work ends, it leaves no line behind.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress

#: Seconds of work after which the bar appears.
DELAY = 1.0

#: ``report(done, total)``: how far the work is (``total`` 0 when it is not known).
Report = Callable[[int, int], None]


def wanted() -> bool:
    """Whether a progress bar may be drawn: a terminal on standard error, and not in CI."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    stream = sys.stderr
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


@contextlib.contextmanager
def progress(description: str, *, delay: float = DELAY) -> Iterator[Report]:
    """A ``report(done, total)`` callback that draws a bar once the work is slow enough to need one."""
    if not wanted():
        yield _quiet
        return
    started = time.monotonic()
    bar: Progress | None = None
    task = None

    def report(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if time.monotonic() - started < delay:
                return
            bar = _bar()
            bar.start()
            task = bar.add_task(description, total=total or None)
        if task is not None:
            bar.update(task, completed=done, total=total or None)

    try:
        yield report
    finally:
        if bar is not None:
            bar.stop()


def _quiet(done: int, total: int) -> None:
    """Progress nobody is shown."""


def _bar() -> Progress:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, highlight=False, markup=False, emoji=False)
    return Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
