"""A Markdown extension for the consortium's site: tables that a phone shows as cards.

Below about 600 px, the site's style sheet (:data:`dxkit.publish.SITE_CSS`) shows each row
of a table of :data:`CARD_COLUMNS` columns or more as a card: one field a line, each with
its column's name. The name comes from the cell's ``data-label``, which this extension
copies from the header when the page is built, so the cards need no script and work in
every language the site is built in. Two-column tables (a date and a title) stay tables.

``display: block`` makes some browsers forget that a table is a table; the rows and cells
therefore get their roles (``table``, ``row``, ``columnheader``, ``cell``) written out, and
a screen reader still reads a card's fields as the cells of their columns.

For wide screens it marks the columns of short values and of the main text (:func:`mark_columns`).
The other columns (organisation names, labels) break at spaces and after 、 only
(:func:`mark_words`).
"""

from __future__ import annotations

import html
import math
import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from dxkit.render.site_gantt import text_width

#: Tables with at least this many columns become cards on a phone.
CARD_COLUMNS = 3
#: A column whose values are all single words at most this wide (in ems: an id, a date such as
#: 令和10年12月31日（金）, a stage) is never wrapped. Values of several words may still wrap,
#: between their words.
SHORT = 12.5

_ROLES = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tr": "row", "th": "columnheader", "td": "cell"}


_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\n\r\f]+")


def _text(element: etree.Element, stash: list[str]) -> str:
    """The text a reader sees in ``element``; raw HTML held back by Markdown is put back as text."""
    raw = "".join(element.itertext())
    shown = HTML_PLACEHOLDER_RE.sub(
        lambda m: html.unescape(_TAG.sub(" ", str(stash[int(m.group(1))]))) if int(m.group(1)) < len(stash) else "",
        raw,
    )
    # White space as HTML collapses it: a no-break space (a date's, "Fri 13 Dec 2026") stays.
    return _SPACES.sub(" ", shown).strip()


def label_cells(table: etree.Element, stash: Sequence[object] = ()) -> bool:
    """Give every body cell of ``table`` its column's name (``data-label``); ``False`` if too narrow."""
    head = table.find("thead/tr")
    if head is None:
        return False
    names = [_text(th, [str(x) for x in stash]) for th in head.findall("th")]
    if len(names) < CARD_COLUMNS:
        return False
    table.set("data-cards", "")
    for element in table.iter():
        role = _ROLES.get(element.tag)
        if role is not None:
            element.set("role", role)
    for row in table.findall("tbody/tr"):
        for name, cell in zip(names, row.findall("td"), strict=False):
            # Python-Markdown leaves what looks like an entity (``&amp;``) as it is in an
            # attribute: escape every ``&`` here, so the text stays the text.
            cell.set("data-label", name.replace("&", "&amp;"))
    return True


def mark_columns(table: etree.Element, stash: Sequence[object] = ()) -> None:
    """Mark the cells of columns of short values (``data-short``) and of the main text (``data-main``).

    On a wide screen, a short value of one word (an id, a date, a stage) is never broken
    across lines (browsers break ``2026-10-31`` after a hyphen, Japanese between any two
    characters), and the column with the most text (a task's title, a criterion) is never
    squeezed to a few characters a line. Whole columns are marked, so a column looks the same
    in every row.
    """
    rows = [row.findall("td") for row in table.findall("tbody/tr")]
    texts = [str(x) for x in stash]
    lengths: list[list[float]] = []
    words: list[bool] = []  # whether every value of the column is one word
    for cells in rows:
        for index, cell in enumerate(cells):
            if index == len(lengths):
                lengths.append([])
                words.append(True)
            text = _text(cell, texts)
            lengths[index].append(text_width(text))
            words[index] = words[index] and " " not in text
    if not lengths:
        return
    main = max(range(len(lengths)), key=lambda index: sum(lengths[index]))
    for index, column in enumerate(lengths):
        short = words[index] and 0 < max(column) <= SHORT
        mark = "data-short" if short else "data-main" if index == main else None
        if mark is None:
            continue
        for cells in rows:
            if index < len(cells):
                cells[index].set(mark, "")


#: The widest word (in ems) a column of names keeps room for; a longer one may still break.
WORD_ROOM = 9

_WIDE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f]")
_WORD_BREAKS = re.compile("(?<=[、，,・])|[ \u3000]+")


def mark_words(table: etree.Element, stash: Sequence[object] = ()) -> None:
    """Mark the cells that are neither short values nor the main text (``data-words="N"``).

    They hold names (organisations, people) and labels: the style sheet breaks their lines at
    spaces and after 、 and ・ only (``word-break: keep-all``), not between any two Japanese
    characters, so 汐見市 企画部 デジタル推進課 never reads デジ / タル, and keeps the column
    at least as wide as its widest word, up to :data:`WORD_ROOM` ems (``N``). A phrase-splitter
    is no help here: it splits proper names (汐 / 見市). A name wider than that still breaks
    (``overflow-wrap: anywhere``) rather than push the table past the page's edge.
    """
    rows = [row.findall("td") for row in table.findall("tbody/tr")]
    texts = [str(x) for x in stash]
    room: dict[int, int] = {}
    for cells in rows:
        for index, cell in enumerate(cells):
            if cell.get("data-short") is None and cell.get("data-main") is None:
                # Only words of wide characters: a browser never breaks inside a word of
                # letters (other than one wider than the column) anyway.
                words = [word for word in _WORD_BREAKS.split(_text(cell, texts)) if _WIDE.search(word)]
                widest = max((text_width(word) for word in words), default=0.0)
                room[index] = max(room.get(index, 0), min(WORD_ROOM, math.ceil(widest)))
    for cells in rows:
        for index, cell in enumerate(cells):
            if index in room:
                cell.set("data-words", str(room[index]))


class _CardTables(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        for table in root.iter("table"):
            label_cells(table, stash)
            mark_columns(table, stash)
            mark_words(table, stash)


class CardTables(Extension):
    """Registered in the site's ``mkdocs.yml`` as ``dxkit.render.site_tables``."""

    def extendMarkdown(self, md: Markdown) -> None:
        # Last, after inline markup and backslash escapes are resolved ("unescape" is 0), so a
        # header's text is what a reader sees.
        md.treeprocessors.register(_CardTables(md), "dxkit_card_tables", -10)


def makeExtension(**kwargs: Any) -> CardTables:
    return CardTables(**kwargs)
