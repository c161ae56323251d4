"""The site's layout pieces fed hostile text: the SVG Gantt charts and member network, and the card tables.

Titles are wrapped into lines joined by dxkit's own ``<br>`` and the charts carry settings
(front matter): neither may let a person's text add a statement, a setting, a tag or an
attribute. The consortium is the hostile one of :mod:`tests.security.hostile` (control
characters included); the charts are also drawn in Chromium by
``tests/browser/test_site_hostile.py`` and ``tests/browser/test_site_layout.py``.
"""

from __future__ import annotations

import datetime as dt
import html.parser

import markdown
import pytest

from dxkit.analyses.keyperson import analyse
from dxkit.escape import markdown_text
from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.render.markdown import table
from dxkit.render.site_gantt import render_stage_gantts
from dxkit.render.site_network import render_network
from dxkit.validate import open_consortium
from tests.security.drawings import SVG, assert_drawing, texts_of
from tests.security.hostile import CONTROLS, IMG, SCRIPT, hostile_consortium
from tests.security.test_output_escaping import _titled

TODAY = dt.date(2026, 10, 1)


#: The only settings a chart has, each a number or a boolean.
@pytest.fixture(scope="module", params=["ja", "en"])
def hostile(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Consortium:
    folder = hostile_consortium(tmp_path_factory.mktemp(f"layout-{request.param}") / "c", request.param, controls=True)
    consortium, problems = open_consortium(str(folder), lang=request.param, today=TODAY)
    assert [f for f in problems if f.severity is Severity.ERROR] == []
    return consortium


def test_the_hostile_consortium_charts_one_row_and_one_bar_per_task(hostile):
    charts = render_stage_gantts(hostile, "ja")
    assert {chart.stage for chart in charts} == {t.stage for t in hostile.tasks}
    roots = [assert_drawing(chart.svg) for chart in charts]
    assert [texts_of(assert_drawing(chart.narrow), "dxkit-row") for chart in charts] == [
        texts_of(root, "dxkit-row") for root in roots
    ]
    rows = [text for root in roots for text in texts_of(root, "dxkit-row")]
    bars = [r for root in roots for r in root.iter(f"{SVG}rect") if r.get("class") == "dxkit-bar"]
    assert len(rows) == len(bars) == len(hostile.tasks)
    shown = "\n".join(rows)
    for task in hostile.tasks:
        assert task.id in shown
    assert IMG in shown and SCRIPT in shown  # the attack is there, as text
    assert "<script" not in "".join(chart.svg for chart in charts)
    assert CONTROLS not in shown


@pytest.mark.parametrize(
    "title",
    [
        "a: b; c # d <br> e\nf\rg",
        "</text><script>alert(1)</script><text>",
        "]]><!-- --><![CDATA[x",
        '" onload="alert(1)',
        "&amp; &#60; &lt;script&gt;",
        "x\nsection Evil\nclick t0 call alert(1)",
        "ﬂ°°60¶ßscript",
    ],
)
def test_titles_stay_text_in_the_drawing(title):
    c = _titled(title)
    flat = " ".join(title.split())
    for lang in ("ja", "en"):
        (chart,) = render_stage_gantts(c, lang)
        for drawing in (chart.svg, chart.narrow):
            rows = texts_of(assert_drawing(drawing), "dxkit-row")
            assert len(rows) == len(c.tasks)
            assert all(row.endswith(flat) for row in rows), rows
            assert "<script" not in drawing


@pytest.mark.parametrize("name", ["</text><script>", '"/><rect onclick="x', "]]>&lt;b&gt;"])
def test_a_member_called_markup_stays_text_in_the_network(name):
    from dxkit.escape import yaml_string
    from dxkit.loading import load_text

    c = Consortium(root=".", today=TODAY)
    members = (
        f"kind: members\nversion: 1\nmembers:\n  - {{id: a, name: {yaml_string(name)}, type: municipality,"
        " relations: [{with: b, kind: partner}]}\n  - {id: b, name: 汐見信用金庫, type: financial-institution}\n"
    )
    c.add(load_text(members, "members.yaml"))
    for lang in ("ja", "en"):
        network = render_network(c, analyse(c), lang)
        root = assert_drawing(network.svg)
        assert name in texts_of(root, "dxkit-node") and "<script" not in network.svg
        titles = [g.findtext(f"{SVG}title") or "" for g in root.iter(f"{SVG}g") if g.get("class") == "dxkit-node"]
        assert any(t.startswith(name) for t in titles)


def test_the_hostile_consortium_network_names_every_member_as_text(hostile):
    network = render_network(hostile, analyse(hostile), "ja")
    root = assert_drawing(network.svg)
    nodes = root.findall(f".//{SVG}g[@class='dxkit-node']")
    assert len(nodes) == len(hostile.members)
    said = "\n".join(g.findtext(f"{SVG}title") or "" for g in nodes)
    assert IMG in said and SCRIPT in said and "<script" not in network.svg


class _Cells(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.labels: list[str] = []
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes |= {name for name, _ in attrs}
        if tag == "td":
            self.labels.append(dict(attrs).get("data-label") or "")


def test_a_column_name_is_copied_as_text_never_as_markup():
    # Column names are dxkit's labels; were one a person's text, it would be escaped like any cell.
    header = f'{IMG} " onmouseover="alert(1) {SCRIPT} &amp; **b**'
    page = markdown.markdown(
        table([markdown_text(header), "b", "c"], [["1", "2", "3"]]),
        extensions=["tables", "dxkit.render.site_tables"],
    )
    cells = _Cells()
    cells.feed(page)
    assert not any(name.startswith("on") for name in cells.attributes)
    assert cells.labels == [header, "b", "c"]
