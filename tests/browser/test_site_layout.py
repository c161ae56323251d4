"""The consortium's site on a phone (390 × 844) and on a desktop (1366 × 768), in Japanese and English.

Each test takes screenshots (under pytest's temporary folder; their paths are printed) and
checks the DOM: no page scrolls sideways, every column of the role matrix can be read, no
text of a Gantt chart is cut off or shrunk, and on a desktop the tables use the page's width while
prose keeps short lines. The diagrams are SVG in the page (no script draws them).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dxkit.i18n import translate
from dxkit.loading import load_file
from tests.browser.conftest import _QuietHandler
from tests.browser.test_guidebook import OPEN_SHADOW_ROOTS
from tests.cli.test_site import hostile_copy
from tests.helpers import invoke

pytestmark = pytest.mark.slow

TODAY = "2026-10-01"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
#: The role matrix's columns, by message id, in the order of the page.
MATRIX_COLUMNS = (
    "site.col.id",
    "col.title",
    "site.stage",
    "col.responsible",
    "col.accountable",
    "col.due",
    "site.col.status",
)

#: Elements wider than the page, for the message of a failing test.
OVERFLOWING = """() => [...document.querySelectorAll("body *")]
  .filter(el => el.getBoundingClientRect().right > innerWidth + 0.5)
  .filter(el => !el.closest(
    ".md-typeset__scrollwrap, figure.dxkit-diagram, .md-sidebar, .md-nav, .md-search, .md-tabs"))
  .slice(0, 5).map(el => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)"""

#: Every Gantt chart the page shows (wide or narrow, as the screen has it): its box, how much it
#: is scaled, its texts and its bars.
GANTTS = """() => [...document.querySelectorAll("figure.dxkit-diagram svg.dxkit-gantt")]
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => {
    const box = svg.getBoundingClientRect();
    const rect = b => ({left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width});
    const texts = [...svg.querySelectorAll("text")]
      .map(t => ({text: t.textContent.trim(), row: !!t.closest("g.dxkit-row"),
                  box: rect(t.getBoundingClientRect()),
                  size: parseFloat(getComputedStyle(t).fontSize)}))
      .filter(t => t.text);
    const bars = [...svg.querySelectorAll("rect.dxkit-bar")].map(r => rect(r.getBoundingClientRect()));
    const rows = [...svg.querySelectorAll("g.dxkit-row")].map(g => g.textContent.trim());
    return {box: rect(box), scale: box.width / svg.viewBox.baseVal.width, texts, bars, rows,
            scrolls: svg.parentElement.scrollWidth > svg.parentElement.clientWidth + 1};
  })"""

#: The role matrix (the page's first table): its headers and the cells of its first rows.
MATRIX = """() => {
  const table = document.querySelector(".md-content table");
  const box = el => { const b = el.getBoundingClientRect(); return {left: b.left, right: b.right, top: b.top,
                                                                   width: b.width, height: b.height}; };
  const scroller = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      if (p.scrollWidth > p.clientWidth + 1 && getComputedStyle(p).overflowX !== "visible") return p; }
    return null; };
  const reach = el => { const s = scroller(el); if (!s) return null;
    const b = s.getBoundingClientRect();
    return {left: b.left, right: b.right, scrollWidth: s.scrollWidth, clientWidth: s.clientWidth}; };
  return {
    table: box(table),
    display: getComputedStyle(table.querySelector("tbody tr")).display,
    headers: [...table.querySelectorAll("thead th")].map(th => ({text: th.textContent.trim(), box: box(th),
                                                                  scroller: reach(th)})),
    rows: [...table.querySelectorAll("tbody tr")].slice(0, 3).map(tr => [...tr.children].map(td => ({
      label: td.dataset.label, shown: getComputedStyle(td, "::before").content, box: box(td),
      visible: td.checkVisibility(), empty: td.textContent.trim() === "", scroller: reach(td)}))),
  };
}"""


#: For each cell of a column of the first table, on how many lines its text is laid out.
LINES = """(column) => [...document.querySelectorAll(`.md-content table tbody td:nth-child(${column})`)]
  .map(td => { const range = document.createRange(); range.selectNodeContents(td);
    return new Set([...range.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.bottom))).size; })"""


#: The words of a column's cells (split at spaces and after 、) of at most 9 wide characters (WORD_ROOM),
#: and those of them a browser drew on more than one line.
SPLIT_WORDS = """(column) => {
  const out = {words: 0, split: []};
  for (const td of document.querySelectorAll(`table tbody tr td:nth-child(${column})`)) {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^ \u3000、,]+/g;
      for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
        if (m[0].length > 9 || !/[\u3040-\u30ff\u4e00-\u9fff]/.test(m[0])) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rows = new Set([...range.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.bottom)));
        out.words += 1;
        if (rows.size > 1) out.split.push(m[0]);
      }
    }
  }
  return out;
}"""


@pytest.fixture(scope="module", params=["ja", "en"])
def site(request, tmp_path_factory) -> Iterator[dict[str, Any]]:
    """The realistic example (with markup planted in it), built and served in one language."""
    lang = request.param
    base = tmp_path_factory.mktemp(f"site-layout-{lang}")
    folder = hostile_copy(base, lang)
    out = base / "site"
    invoke(["site", "build", str(folder), "--out", str(out), "--today", TODAY, "--lang", lang])
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    shots = base / "screenshots"
    shots.mkdir()
    try:
        yield {
            "lang": lang,
            "url": f"http://127.0.0.1:{httpd.server_address[1]}/",
            "out": out,
            "folder": folder,
            "shots": shots,
        }
    finally:
        httpd.shutdown()
        httpd.server_close()


def _open(visit, site: dict[str, Any], path: str, viewport: dict[str, int]):
    """A page at ``viewport``, once it is loaded (its diagrams are SVG in the page)."""
    v = visit()
    v.page.set_viewport_size(viewport)
    v.page.add_init_script(OPEN_SHADOW_ROOTS)
    v.page.goto(site["url"] + path, wait_until="load")
    return v


def _screenshot(v, site: dict[str, Any], name: str, **options: Any) -> Path:
    path = site["shots"] / f"{site['lang']}-{name}.png"
    v.page.screenshot(path=str(path), **options)
    print(f"screenshot: {path}")
    return path


PAGES = [
    "index.html",
    "members.html",
    "roles.html",
    "gates.html",
    "issues.html",
    "data.html",
    "lessons.html",
    "workshops/index.html",
    "retrospectives/index.html",
]


#: Each table of the page: its width and the width of the page's column.
TABLES = """() => [...document.querySelectorAll(".md-content__inner table")].map(table => [
  table.getBoundingClientRect().width, document.querySelector(".md-content__inner").clientWidth])"""


@pytest.mark.parametrize("size", VIEWPORTS)
def test_no_page_scrolls_sideways(visit, site, size):
    viewport = VIEWPORTS[size]
    dated = sorted(p.relative_to(site["out"]).as_posix() for p in (site["out"] / "workshops").glob("2*.html"))
    for path in [*PAGES, dated[0]]:
        v = _open(visit, site, path, viewport)
        width = v.page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        assert width[0] <= width[1], (path, size, width, v.page.evaluate(OVERFLOWING))
        # Every table fills the column (Material sized them to their text: a short one left the
        # rest of a desktop's page empty).
        for table, column in v.page.evaluate(TABLES):
            assert table >= 0.95 * column, (path, size, table, column)
        if path in ("index.html", "members.html", "issues.html", "gates.html"):
            _screenshot(v, site, f"{size}-{path.replace('/', '-')[:-5]}", full_page=True)
        assert v.errors == [] and v.external_requests() == []
        v.page.close()


def test_role_matrix_is_one_card_per_task_on_a_phone(visit, site):
    lang = site["lang"]
    v = _open(visit, site, "roles.html", PHONE)
    _screenshot(v, site, "phone-roles")
    _screenshot(v, site, "phone-roles-full", full_page=True)
    matrix = v.page.evaluate("() => (" + MATRIX + ")()")
    names = [h["text"] for h in matrix["headers"]]
    # Every column, the deadline and the state among them, by the name the page gives it.
    for key in MATRIX_COLUMNS:
        assert translate(key, lang) in names, (key, names)
    assert matrix["display"] == "block"  # a card, not a table row
    assert matrix["table"]["right"] <= PHONE["width"]
    for row in matrix["rows"]:
        assert [cell["label"] for cell in row] == names
        tops = []
        for cell in row:
            if cell["empty"]:
                continue
            assert cell["visible"] and cell["box"]["width"] > 0, cell
            assert cell["box"]["left"] >= 0 and cell["box"]["right"] <= PHONE["width"], cell
            assert cell["scroller"] is None, cell  # nothing to swipe to
            assert cell["shown"] == f'"{cell["label"]}"', cell  # the field's name is shown beside it
            tops.append(cell["box"]["top"])
        assert tops == sorted(tops) and len(set(tops)) == len(tops), row  # one field a line
    assert v.errors == [] and v.external_requests() == []


def test_role_matrix_fills_a_desktop_and_shows_every_column(visit, site):
    lang = site["lang"]
    v = _open(visit, site, "roles.html", DESKTOP)
    _screenshot(v, site, "desktop-roles")
    matrix = v.page.evaluate("() => (" + MATRIX + ")()")
    names = [h["text"] for h in matrix["headers"]]
    for key in MATRIX_COLUMNS:
        assert translate(key, lang) in names, (key, names)
    assert matrix["display"] == "table-row"
    # Wider than the matrix was (1076 px, 79 % of this screen, with its columns squeezed), and
    # every column is in view without scrolling.
    assert matrix["table"]["width"] > 0.6 * DESKTOP["width"], matrix["table"]
    for header in matrix["headers"]:
        assert header["box"]["left"] >= 0 and header["box"]["right"] <= DESKTOP["width"], header
        assert header["scroller"] is None, header
    # Deadlines are never broken across lines (a browser breaks 2026-10-31 after a hyphen).
    lines = v.page.evaluate(LINES, names.index(translate("col.due", lang)) + 1)
    assert lines and set(lines) == {1}, lines
    # An organisation's name breaks between its words (at a space, after 、), never inside one
    # that fits the column's room (デジ / タル推進課): each such word is drawn on one line.
    split = v.page.evaluate(SPLIT_WORDS, names.index(translate("col.accountable", lang)) + 1)
    assert split["split"] == [] and (split["words"] > 0 or lang == "en"), split
    assert v.errors == [] and v.external_requests() == []


@pytest.mark.parametrize("size", VIEWPORTS)
def test_gantt_is_split_by_stage_and_no_text_is_cut(visit, site, size):
    viewport = VIEWPORTS[size]
    tasks = load_file(site["folder"] / "roles.yaml").data["tasks"]
    stages = {t["stage"] for t in tasks}
    v = _open(visit, site, "roles.html", viewport)
    charts = v.page.evaluate("() => (" + GANTTS + ")()")
    assert len(charts) == len(stages) >= 2  # one chart per stage
    assert sum(len(chart["bars"]) for chart in charts) == len(tasks)
    for number, chart in enumerate(charts):
        # The chart as it lies on the page (a full-page shot: the header does not cover it).
        top = v.page.evaluate(
            "n => [...document.querySelectorAll('svg.dxkit-gantt')].filter(s => s.getBoundingClientRect().width > 0)[n]"
            ".getBoundingClientRect().top + scrollY",
            number,
        )
        clip = {"x": 0, "y": top, "width": viewport["width"], "height": chart["box"]["bottom"] - chart["box"]["top"]}
        _screenshot(v, site, f"{size}-gantt-{number + 1}", full_page=True, clip=clip)
        box = chart["box"]
        # The chart drawn for the screen fits it: nothing to swipe to, nothing cut.
        assert box["left"] >= 0 and box["right"] <= viewport["width"] and not chart["scrolls"], box
        # Drawn at its own size: the text is as large as the site sets it (13 px), not shrunk.
        assert chart["scale"] == pytest.approx(1, abs=0.02), chart["scale"]
        start = min(bar["left"] for bar in chart["bars"])
        rows = [t for t in chart["texts"] if t["row"]]
        assert len(chart["rows"]) == len(chart["bars"])  # each task's id and title names its row
        for text in chart["texts"]:
            inner = text["box"]
            assert inner["left"] >= box["left"] - 0.5 and inner["right"] <= box["right"] + 0.5, text
            assert inner["top"] >= box["top"] - 0.5 and inner["bottom"] <= box["bottom"] + 0.5, text
            assert text["size"] * chart["scale"] >= 10, text
        for row in rows:
            assert row["box"]["right"] < start, row  # a title ends before the bars begin
            assert row["size"] * chart["scale"] >= 12.5, row
    ids = " ".join(t["text"] for chart in charts for t in chart["texts"])
    for task in tasks:
        assert task["id"] in ids
    assert v.errors == [] and v.external_requests() == []


def test_prose_keeps_short_lines_on_a_desktop(visit, site):
    v = _open(visit, site, "index.html", DESKTOP)
    _screenshot(v, site, "desktop-index")
    widths = v.page.evaluate(
        "() => [...document.querySelectorAll('.md-content__inner > p, .md-content__inner > ul')]"
        ".map(el => el.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize))"
    )
    assert widths and max(widths) <= 40.5, widths
    table = v.page.locator(".md-content table").first.bounding_box()
    assert table is not None and table["width"] > 0.6 * DESKTOP["width"], table


@pytest.mark.parametrize("path", ["roles.html", "issues.html"])
def test_cards_have_no_serious_accessibility_violations(visit, site, path):
    from axe_playwright_python.sync_playwright import Axe

    v = _open(visit, site, path, PHONE)
    violations = [
        (item["id"], [n["html"][:100] for n in item["nodes"][:2]])
        for item in Axe().run(v.page).response["violations"]
        if item["impact"] in ("serious", "critical")
    ]
    assert violations == []
