"""Every guidebook page, as a reader meets it: its own title, real table headers, light citations.

MkDocs names a page (in the navigation, the browser tab and the previous/next links) after its
first element when that is its ``# `` heading, and after its file name otherwise (``Kpt``,
``Four l``); so every page opens with its title. A table's header row says what its columns
hold. A paragraph cites the report once, at its end, listing every part it draws on.

The checks read the sources with Python-Markdown and the block extensions the guidebook uses,
so a paragraph, a list item and a table cell are what the built page shows.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as etree

import markdown
import pytest
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils.meta import get_data

from tests.conftest import ROOT

DOCS = ROOT / "docs"
LANGS = ("ja", "en")

#: How a citation of the report opens in each language; it closes with the matching bracket.
CITATION_OPEN = {"ja": "（出典：", "en": "(Source: "}
#: What a citation names first: the report (draft) the guidebook draws on.
REPORT = {"ja": "報告書（案）", "en": "report draft, "}
#: The blocks a reader sees as one paragraph: a paragraph, a list item, a table cell, a term.
PARAGRAPHS = {"p", "li", "td", "th", "dt", "dd"}
#: Blocks inside a paragraph-like block that are paragraphs of their own (a list in a list item).
NESTED = {"p", "ul", "ol", "dl", "table", "div", "details", "pre", "blockquote"}
#: The block extensions of mkdocs.yml: admonitions, tables, details and fenced code.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "pymdownx.details", "pymdownx.superfences"]


def _pages() -> list[Path]:
    return sorted(path for lang in LANGS for path in (DOCS / lang).rglob("*.md"))


def _rel(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


# -- reading a page ------------------------------------------------------------------------


class _Keep(Treeprocessor):
    """Keeps the element tree Python-Markdown built, before it becomes HTML text."""

    root: etree.Element | None = None

    def run(self, root: etree.Element) -> None:
        self.root = root


@functools.cache
def blocks(text: str) -> etree.Element:
    """The element tree of a page's Markdown (front matter left out, as MkDocs does); read-only."""
    body, _ = get_data(text)
    md = markdown.Markdown(extensions=EXTENSIONS)
    keep = _Keep(md)
    md.treeprocessors.register(keep, "keep", 0)
    md.convert(body)
    assert keep.root is not None
    return keep.root


def own_text(element: etree.Element) -> str:
    """A block's text without the blocks nested in it (a list item's own words, not its sublist)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in NESTED:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def paragraphs(text: str) -> Iterator[str]:
    """The own text of every paragraph, list item and table cell of a page."""
    for element in blocks(text).iter():
        if element.tag in PARAGRAPHS:
            yield own_text(element)


# -- titles --------------------------------------------------------------------------------


def title_problem(text: str) -> str | None:
    """Why MkDocs would not find this page's title, or None when its title comes first.

    A page opens with its ``# `` heading, or with front matter that names a ``title`` or is
    followed at once by the ``# `` heading.
    """
    body, meta = get_data(text)
    if meta.get("title"):
        return None
    first = next((line for line in body.splitlines() if line.strip()), "")
    if not first.startswith("# "):
        return f"the page opens with {first[:60]!r}, not with its '# ' title"
    return None


def test_every_page_opens_with_its_title():
    problems = {_rel(p): why for p in _pages() if (why := title_problem(p.read_text(encoding="utf-8")))}
    assert problems == {}
    assert len(_pages()) > 100


def test_every_page_has_exactly_one_top_heading():
    for path in _pages():
        assert len(blocks(path.read_text(encoding="utf-8")).findall("h1")) == 1, _rel(path)


@pytest.mark.parametrize(
    "text",
    [
        "<!-- Generated; do not edit by hand. -->\n\n# KPT\n",
        "---\ntags:\n  - a\n---\n\n<!-- Generated -->\n\n# Toyooka\n",
        "Intro first.\n\n# Title\n",
        "## A section, no title\n",
        "",
    ],
)
def test_title_check_finds_a_page_named_after_its_file(text):
    assert title_problem(text)


@pytest.mark.parametrize(
    "text",
    ["# KPT\n\n<!-- Generated -->\n", "\n# Title\n", "---\ntags:\n  - a\n---\n\n# T\n", "---\ntitle: T\n---\n\nx\n"],
)
def test_title_check_accepts_a_page_that_opens_with_its_title(text):
    assert title_problem(text) is None


# -- table headers -------------------------------------------------------------------------


def empty_header_cells(text: str) -> list[int]:
    """For each table whose header has an empty cell, the table's number on the page."""
    tables = blocks(text).iter("table")
    return [
        n for n, table in enumerate(tables, 1) if any(not "".join(th.itertext()).strip() for th in table.iter("th"))
    ]


def test_no_table_has_an_empty_header():
    found = {_rel(p): n for p in _pages() if (n := empty_header_cells(p.read_text(encoding="utf-8")))}
    assert found == {}


def test_header_check_finds_an_empty_header_row():
    assert empty_header_cells("| | |\n|---|---|\n| When | Monthly |\n") == [1]
    assert empty_header_cells("| Item | |\n|---|---|\n| When | Monthly |\n") == [1]
    assert empty_header_cells("| Item | Detail |\n|---|---|\n| When | Monthly |\n") == []


# -- citations -----------------------------------------------------------------------------


def citations(text: str, lang: str) -> list[str]:
    """Every citation marker in ``text``, brackets included (they nest: ``（出典：報告書（案）…）``)."""
    found = []
    start = 0
    while (begin := text.find(CITATION_OPEN[lang], start)) != -1:
        depth = 0
        for end in range(begin, len(text)):
            if text[end] in "（(":
                depth += 1
            elif text[end] in "）)":
                depth -= 1
                if depth == 0:
                    break
        else:
            raise AssertionError(f"unclosed citation: {text[begin : begin + 60]}")
        found.append(text[begin : end + 1])
        start = end + 1
    return found


_JA_PART = re.compile(r"(?:第(?P<chapter>\d+)章)?(?P<section>\d[\d()①-⑳]*)|図(?P<figure>\d+-\d+)|(?P<intro>はじめに)")
_EN_PART = re.compile(
    r"ch\. (?P<chapter>\d+)|(?P<section>\d[\d()①-⑳]*)|fig\. (?P<figure>\d+-\d+)|(?P<intro>introduction)"
)


def cited_parts(marker: str, lang: str) -> list[tuple[str, ...]]:
    """The parts of the report a citation names, the same in both languages.

    ``（出典：報告書（案）第3章3(1)④、3(5)①、図3-3）`` and
    ``(Source: report draft, ch. 3, 3(1)④, 3(5)①; fig. 3-3)`` both name
    ``[("section", "3", "3(1)④"), ("section", "3", "3(5)①"), ("figure", "3-3")]``.
    """
    inner = marker[len(CITATION_OPEN[lang]) : -1]
    assert inner.startswith(REPORT[lang]), marker
    words = inner[len(REPORT[lang]) :].split("、") if lang == "ja" else re.split(r"[;,] ", inner[len(REPORT[lang]) :])
    pattern = _JA_PART if lang == "ja" else _EN_PART
    parts: list[tuple[str, ...]] = []
    chapter: str | None = None
    for word in words:
        match = pattern.fullmatch(word)
        assert match, (marker, word)
        if match["figure"]:
            parts.append(("figure", match["figure"]))
        elif match["intro"]:
            parts.append(("intro",))
        else:
            chapter = match["chapter"] or chapter
            if match["section"]:
                assert chapter, (marker, word)
                parts.append(("section", chapter, match["section"]))
    return parts


def crowded_paragraphs(text: str, lang: str) -> list[str]:
    """The paragraphs (list items, table cells) that carry more than one citation marker."""
    return [p[:80] for p in paragraphs(text) if len(citations(p, lang)) > 1]


@pytest.mark.parametrize("lang", LANGS)
def test_a_paragraph_carries_at_most_one_citation(lang):
    crowded = {
        _rel(p): found
        for p in sorted((DOCS / lang).rglob("*.md"))
        if (found := crowded_paragraphs(p.read_text(encoding="utf-8"), lang))
    }
    assert crowded == {}


@pytest.mark.parametrize("lang", LANGS)
def test_the_guidebook_still_cites_the_report(lang):
    cited = [p for p in (DOCS / lang).rglob("*.md") if citations(p.read_text(encoding="utf-8"), lang)]
    assert len(cited) >= 25


def _cited_on(path: Path, lang: str) -> set[tuple[str, ...]]:
    text = path.read_text(encoding="utf-8")
    return {part for marker in citations(text, lang) for part in cited_parts(marker, lang)}


def test_both_languages_cite_the_same_parts_of_the_report_on_each_page():
    for ja in sorted((DOCS / "ja").rglob("*.md")):
        en = DOCS / "en" / ja.relative_to(DOCS / "ja")
        assert _cited_on(ja, "ja") == _cited_on(en, "en"), _rel(ja)


@pytest.mark.parametrize(
    ("lang", "text", "count"),
    [
        ("ja", "地域の課題です（出典：報告書（案）第3章3(2)）。次の課題です（出典：報告書（案）図3-3）。", 2),
        ("ja", "地域の課題です。次の課題です。（出典：報告書（案）第3章3(2)、図3-3）", 1),
        ("en", "A need (Source: report draft, ch. 3, 3(2)). Another (Source: report draft, fig. 3-3).", 2),
        ("en", "- One item (Source: report draft, fig. 3-3).\n- Another (Source: report draft, fig. 3-3).", 1),
        ("en", "| A (Source: report draft, fig. 3-3) | B (Source: report draft, fig. 3-3) |\n|---|---|\n", 1),
    ],
)
def test_citation_check_counts_markers_per_paragraph(lang, text, count):
    assert max(len(citations(p, lang)) for p in paragraphs(text)) == count
    assert bool(crowded_paragraphs(text, lang)) == (count > 1)


def test_cited_parts_read_the_same_in_both_languages():
    ja = cited_parts("（出典：報告書（案）第3章3(1)④、3(5)①、図3-3、はじめに）", "ja")
    en = cited_parts("(Source: report draft, ch. 3, 3(1)④, 3(5)①; fig. 3-3; introduction)", "en")
    assert ja == en == [("section", "3", "3(1)④"), ("section", "3", "3(5)①"), ("figure", "3-3"), ("intro",)]
