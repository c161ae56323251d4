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

from dxkit.escape import html_attr
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
    marks = column_marks([[_text(cell, texts) for cell in cells] for cells in rows])
    for index, mark in enumerate(marks):
        if mark is None:
            continue
        for cells in rows:
            if index < len(cells):
                cells[index].set(mark, "")


def column_marks(rows: Sequence[Sequence[str]]) -> list[str | None]:
    """The mark of each column (``data-short``, ``data-main`` or none) from its cells' visible text."""
    lengths: list[list[float]] = []
    words: list[bool] = []  # whether every value of the column is one word
    widths: dict[str, float] = {}  # a stage, a name, a date is in many rows: measure each once
    for cells in rows:
        for index, text in enumerate(cells):
            if index == len(lengths):
                lengths.append([])
                words.append(True)
            width = widths.get(text)
            if width is None:
                width = widths[text] = text_width(text)
            lengths[index].append(width)
            words[index] = words[index] and " " not in text
    if not lengths:
        return []
    main = max(range(len(lengths)), key=lambda index: sum(lengths[index]))
    marks: list[str | None] = []
    for index, column in enumerate(lengths):
        short = words[index] and 0 < max(column) <= SHORT
        marks.append("data-short" if short else "data-main" if index == main else None)
    return marks


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
    room = word_room(
        [[_text(cell, texts) for cell in cells] for cells in rows],
        [[cell.get("data-short") is not None or cell.get("data-main") is not None for cell in cells] for cells in rows],
    )
    for cells in rows:
        for index, cell in enumerate(cells):
            if index in room:
                cell.set("data-words", str(room[index]))


def word_room(rows: Sequence[Sequence[str]], marked: Sequence[Sequence[bool]]) -> dict[int, int]:
    """The room (in ems, ``data-words``) of each column of names, from its cells' visible text.

    ``marked`` tells the cells of short values and of the main text, which get none.
    """
    room: dict[int, int] = {}
    widths: dict[str, float] = {}  # a name is in many rows: measure each word once
    needs: dict[str, int] = {}  # and each cell's text
    for cells, marks in zip(rows, marked, strict=True):
        for index, (text, mark) in enumerate(zip(cells, marks, strict=True)):
            if not mark:
                need = needs.get(text)
                if need is None:
                    # Only words of wide characters: a browser never breaks inside a word of
                    # letters (other than one wider than the column) anyway.
                    widest = 0.0
                    for word in _WORD_BREAKS.split(text):
                        if _WIDE.search(word):
                            width = widths.get(word)
                            if width is None:
                                width = widths[word] = text_width(word)
                            widest = max(widest, width)
                    need = needs[text] = min(WORD_ROOM, math.ceil(widest))
                room[index] = max(room.get(index, 0), need)
    return room


def html_table(head: Sequence[str], rows: Sequence[Sequence[str]], texts: Sequence[Sequence[str]]) -> str:
    """A table as HTML, marked as this extension marks a Markdown table (cards, columns, words).

    A table of thousands of rows is written this way rather than as Markdown, which
    Python-Markdown would parse cell by cell. ``head`` and ``rows`` are HTML (a person's text
    already through :func:`~dxkit.escape.html_page_text`); ``texts`` is the text a reader sees in
    each cell of ``rows``, which the marks are made from. An empty cell shows ``—``.
    """
    names = [_SPACES.sub(" ", html.unescape(_TAG.sub(" ", h))).strip() for h in head]
    cards = len(names) >= CARD_COLUMNS
    shown = [[text if text else "—" for text in row] for row in texts]
    marks = column_marks(shown)
    is_marked = [marks[index] is not None if index < len(marks) else False for index in range(len(names))]
    room = word_room(shown, [[is_marked[index] for index in range(len(row))] for row in shown])
    attrs: list[str] = []
    for index, name in enumerate(names):
        attr = f' data-label="{html_attr(name)}"' if cards else ""
        if index < len(marks) and marks[index] is not None:
            attr += f' {marks[index]}=""'
        if index in room:
            attr += f' data-words="{room[index]}"'
        attrs.append((' role="cell"' if cards else "") + attr)

    def role(name: str) -> str:
        return f' role="{name}"' if cards else ""

    flag = ' data-cards=""' if cards else ""
    out = [f"<table{flag}{role('table')}>\n<thead{role('rowgroup')}>\n<tr{role('row')}>\n"]
    out += [f"<th{role('columnheader')}>{h}</th>\n" for h in head]
    out.append(f"</tr>\n</thead>\n<tbody{role('rowgroup')}>\n")
    row_open = f"<tr{role('row')}>\n"
    for row in rows:
        out.append(row_open)
        out += [f"<td{attrs[index]}>{cell or '—'}</td>\n" for index, cell in enumerate(row)]
        out.append("</tr>\n")
    out.append("</tbody>\n</table>\n")
    return "".join(out)


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


#: A block of finished HTML in a page's Markdown goes between these two comments
#: (:func:`raw_block`); the site's hooks (:mod:`dxkit.render.site_hooks`) take it out before
#: Markdown reads the page and put it back in the finished page, so neither Markdown nor the
#: search index reads it. A person's text in it is escaped, so it can hold neither comment.
RAW_OPEN = "<!--dxkit:raw-->"
RAW_CLOSE = "<!--/dxkit:raw-->"


def raw_block(html_block: str) -> str:
    """``html_block`` (escaped HTML: a big table, a diagram) as a block the site passes through as it is."""
    return f"\n\n{RAW_OPEN}\n{html_block}\n{RAW_CLOSE}\n\n"
