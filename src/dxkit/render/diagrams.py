"""The guidebook's mermaid diagrams, drawn once ahead of time and kept as SVG files.

A reader's browser never runs mermaid: ``scripts/diagrams.py --write`` draws each diagram's
source with the pinned mermaid (:data:`dxkit.render.assets.MERMAID`) in Chromium and keeps the
SVG under ``hooks/diagrams/<key>.svg``; the key is the SHA-256 of the mermaid version, the
fixed drawing settings (:data:`CONFIG`) and the source, so a changed source, setting or
version asks for a new drawing and an old file is never reused by mistake. The guidebook's
build only reads those files (no browser, no network) and puts each SVG into its page.

This module holds what both sides share: finding the sources, the key, the settings, and the
figure a page shows. Drawing lives in ``scripts/diagrams.py`` alone.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dxkit.escape import html_attr
from dxkit.render.assets import MERMAID

#: mermaid's settings for every diagram. ``htmlLabels: false`` makes labels SVG text (prints,
#: needs no foreignObject); ``securityLevel: strict`` lets mermaid's sanitiser clean labels.
CONFIG: dict[str, Any] = {
    "startOnLoad": False,
    "theme": "default",
    "securityLevel": "strict",
    "deterministicIds": True,
    "htmlLabels": False,
    "flowchart": {"htmlLabels": False, "useMaxWidth": True, "wrappingWidth": 280},
    "fontFamily": '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif',
}

#: A ```mermaid fence in a Markdown page (the guidebook writes them unindented).
_FENCE = re.compile(r"^```mermaid[ \t]*\n(.*?)\n```[ \t]*$", re.DOTALL | re.MULTILINE)
_ACC_TITLE = re.compile(r"^\s*accTitle\s*:\s*(.+?)\s*$", re.MULTILINE)
_ACC_DESCR = re.compile(r"^\s*accDescr\s*:\s*(.+?)\s*$", re.MULTILINE)
#: What ``pymdownx.superfences`` writes for a mermaid fence (``fence_code_format``).
RENDERED_FENCE = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.DOTALL)


def normalise(source: str) -> str:
    """The source as the key sees it: no trailing blanks, Unix newlines."""
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def key(source: str) -> str:
    """SHA-256 of the mermaid version, the settings and the source: the name of its SVG file."""
    material = json.dumps(
        {"mermaid": MERMAID.version, "config": CONFIG, "source": normalise(source)},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def svg_id(digest: str) -> str:
    """The SVG's element id (mermaid derives every inner id from it), the same on every run."""
    return f"dxd-{digest[:16]}"


def sources(text: str) -> list[str]:
    """The mermaid sources of a Markdown page, in order."""
    return [normalise(match.group(1)) for match in _FENCE.finditer(text)]


def sources_in(docs: Path) -> Iterator[tuple[Path, str]]:
    """Every ``(page, source)`` under ``docs``."""
    for page in sorted(docs.rglob("*.md")):
        for source in sources(page.read_text(encoding="utf-8")):
            yield page, source


def accessible_name(source: str) -> str | None:
    match = _ACC_TITLE.search(source)
    return match.group(1) if match else None


def accessible_description(source: str) -> str | None:
    match = _ACC_DESCR.search(source)
    return match.group(1) if match else None


def figure(svg: str, name: str) -> str:
    """The HTML a page shows: the SVG as one image named ``name``.

    The SVG is one drawn by ``scripts/diagrams.py`` from the guidebook's own source and checked
    by ``tests/docs/test_diagrams.py`` (no script, no event attribute, no outside reference);
    ``name`` is text and is escaped here.
    """
    return f'<figure class="dxkit-diagram" role="img" aria-label="{html_attr(name)}">\n{svg}\n</figure>'
