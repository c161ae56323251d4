"""Reporters for commands that write a planned set of files (``init``, ``schema export``).

One line per file with the action taken (copier's vocabulary: ``create``, ``identical``,
``skip``, ``overwrite``), then a count per action in the reader's language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from dxkit.escape import terminal_text
from dxkit.i18n import translate
from dxkit.reporters.blocks import Document, Verbatim
from dxkit.scaffold import Action, Step


def render_steps(directory: Path, steps: Sequence[Step]) -> Document:
    """``create    folder/file`` for every planned file, in plan order; a path's controls shown as escapes."""
    return tuple(Verbatim(terminal_text(f"{step.action.value:<9} {directory / step.rel}") + "\n") for step in steps)


def render_summary(steps: Sequence[Step], lang: str) -> Document:
    """How many files each action touched."""
    counts = Counter(step.action for step in steps)
    text = translate(
        "init.summary",
        lang,
        create=counts[Action.CREATE],
        identical=counts[Action.IDENTICAL],
        skip=counts[Action.SKIP],
        overwrite=counts[Action.OVERWRITE],
    )
    return (Verbatim(text + "\n"),)


def skipped(steps: Sequence[Step]) -> bool:
    """Whether a file was kept as the person left it (the hint about ``--overwrite`` is then due)."""
    return any(step.action is Action.SKIP for step in steps)
