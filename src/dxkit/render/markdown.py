"""Markdown building blocks shared by every page dxkit writes (site, exports, guidebook)."""

from __future__ import annotations

from collections.abc import Iterable

from dxkit.escape import markdown_cell


def table(header: Iterable[str], rows: Iterable[Iterable[object]], *, empty: str = "") -> str:
    """A Markdown table; each cell stays one cell (see :func:`~dxkit.escape.markdown_cell`).

    Cells are Markdown: a person's text must already have gone through
    :func:`~dxkit.escape.markdown_text`. An empty cell shows ``empty``.
    """
    head = [markdown_cell(str(h)) for h in header]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [markdown_cell(str(cell)) if str(cell) else empty for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
