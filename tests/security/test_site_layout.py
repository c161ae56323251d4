"""The site's layout pieces fed hostile text: the per-stage Gantt charts and the card tables.

Titles are wrapped into lines joined by dxkit's own ``<br>`` and the charts carry settings
(front matter): neither may let a person's text add a statement, a setting, a tag or an
attribute. The consortium is the hostile one of :mod:`tests.security.hostile` (control
characters included); the charts are also drawn in Chromium by
``tests/browser/test_site_hostile.py`` and ``tests/browser/test_site_layout.py``.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import re

import markdown
import pytest

from dxkit.escape import markdown_text
from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.render.markdown import table
from dxkit.render.site_gantt import NO_TEXT, render_stage_gantts
from dxkit.validate import open_consortium
from tests.security.hostile import CONTROLS, IMG, SCRIPT, hostile_consortium
from tests.security.test_output_escaping import _titled

TODAY = dt.date(2026, 10, 1)
#: The only settings a chart has, each a number or a boolean.
SETTING = re.compile(r"    (useMaxWidth: true|[a-zA-Z]+: \d+)")
#: What a chart's own lines are, after the settings; every other line is a row or a bar.
HEAD = re.compile(
    r"    (title [^\n]*|dateFormat YYYY-MM-DD|axisFormat %[Ym]-%[md]|tickInterval \d+(week|month)|todayMarker off)"
)
ROW = re.compile(r"    section (?P<label>.+)")
BAR = re.compile(rf"    {NO_TEXT} :((done|crit|active), )*t\d+, \d{{4}}-\d\d-\d\d, \d{{4}}-\d\d-\d\d")


@pytest.fixture(scope="module", params=["ja", "en"])
def hostile(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Consortium:
    folder = hostile_consortium(tmp_path_factory.mktemp(f"layout-{request.param}") / "c", request.param, controls=True)
    consortium, problems = open_consortium(str(folder), lang=request.param, today=TODAY)
    assert [f for f in problems if f.severity is Severity.ERROR] == []
    return consortium


def _assert_chart(source: str) -> list[str]:
    """The rows' labels of a chart whose every line is one of its own kinds; the attack only as text."""
    front, settings, body = source.split("---\n", 2)
    assert front == "" and settings.startswith("config:\n  gantt:\n")
    for line in settings.splitlines()[2:]:
        assert SETTING.fullmatch(line), line
    lines = body.splitlines()
    assert lines[0] == "gantt"
    labels = []
    for line in lines[1:]:
        row = ROW.fullmatch(line)
        if row is not None:
            label = row.group("label")
            # One line, nothing mermaid reads as syntax (entity codes stand for it), no tag but <br>.
            assert not re.search(r'[:;%<>"`#]', re.sub(r"#\d+;|<br>", "", label)), line
            assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202e]", label), line
            labels.append(label)
        else:
            assert HEAD.fullmatch(line) or BAR.fullmatch(line), line
    return labels


def _shown(label: str) -> str:
    """A row's label as a reader sees it: the lines put together, the entity codes decoded."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label.replace("<br>", ""))


def test_the_hostile_consortium_charts_one_row_and_one_bar_per_task(hostile):
    charts = render_stage_gantts(hostile, "ja")
    assert {chart.stage for chart in charts} == {t.stage for t in hostile.tasks}
    labels = [label for chart in charts for label in _assert_chart(chart.source)]
    assert sum(chart.source.count(f"\n    {NO_TEXT} :") for chart in charts) == len(hostile.tasks) == len(labels)
    shown = "\n".join(_shown(label) for label in labels)
    for task in hostile.tasks:
        assert task.id in shown
    assert IMG in shown and SCRIPT in shown  # the attack is there, as text
    assert CONTROLS not in shown


@pytest.mark.parametrize(
    "title",
    [
        "a: b; c # d <br> e\nf\rg",
        "<br/><BR >%%{init: {'theme': 'dark'}}%%",
        "x\nsection Evil\nclick t0 call alert(1)",
        "---\nconfig:\n  gantt:\n    leftPadding: 0\n---",
        "ok :crit, t9, 2020-01-01, 2030-01-01",
        "#8203; :t1, 2020-01-01, 2030-01-01",
        "ﬂ°°60¶ßscript",
    ],
)
def test_titles_never_become_statements_settings_or_tags(title):
    c = _titled(title)
    for lang in ("ja", "en"):
        (chart,) = render_stage_gantts(c, lang)
        labels = _assert_chart(chart.source)
        assert len(labels) == len(c.tasks)
        assert chart.source.count("<br") == sum(label.count("<br>") for label in labels)


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
