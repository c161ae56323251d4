"""The site's Gantt charts: one per stage, titles wrapped to the title column, nothing left to cut."""

from __future__ import annotations

import datetime as dt
import itertools
import xml.etree.ElementTree as ET

import budoux
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dxkit.escape import yaml_string
from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.render import site_gantt
from dxkit.render.site_gantt import COLUMN_EM, FONT_PX, LEFT_PADDING, render_stage_gantts, text_width, wrap

TODAY = dt.date(2026, 10, 1)


def _consortium(tasks: list[tuple[str, str, str, str]], start: str = "") -> Consortium:
    """Tasks as (id, title, stage, due), not yet started; each starts on ``start`` or 4 weeks before its due date."""
    lines = "".join(
        f"  - {{id: {tid}, title: {yaml_string(title)}, stage: {stage}, responsible: [city], accountable: city,"
        f" start: {start or dt.date.fromisoformat(due) - dt.timedelta(days=28)}, due: {due}, status: not-started}}\n"
        for tid, title, stage, due in tasks
    )
    c = Consortium(root=".", today=TODAY)
    c.add(load_text(f"kind: roles\nversion: 1\ntasks:\n{lines}", "roles.yaml"))
    return c


SVG = "{http://www.w3.org/2000/svg}"


def _svg(source: str) -> ET.Element:
    """The chart's drawing, parsed (it must be well-formed XML)."""
    root = ET.fromstring(source)
    assert root.tag == f"{SVG}svg"
    return root


def _rows(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == "dxkit-row"]


def _row_text(row: ET.Element) -> str:
    return "".join(t.text or "" for t in row.iter(f"{SVG}text"))


def _bar_titles(root: ET.Element) -> list[str]:
    return [r.findtext(f"{SVG}title") or "" for r in root.iter(f"{SVG}rect") if r.get("class") == "dxkit-bar"]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # Between Japanese phrases (BudouX), not inside them.
        ("T-001 協議会の規約をまとめ、設立総会で合意する", ["T-001 協議会の規約を", "まとめ、設立総会で", "合意する"]),
        # A space stays at the end of its line, so the lines together are the text again.
        (
            "T-024 Agree rules for sharing the register",
            ["T-024 Agree rules for ", "sharing the register"],
        ),
        # A word longer than a line breaks after its hyphen, or where the line is full.
        ("evacuation-information-and-more-words", ["evacuation-", "information-and-more-", "words"]),
        ("x" * 45, ["x" * 20, "x" * 20, "x" * 5]),
        # A phrase longer than a line fills the line, but 、 never starts one.
        ("地域メディア・教育機関などに参加", ["地域メディア・教育機関な", "どに参加"]),
        ("あいうえおかきくけこさし、すせそ", ["あいうえおかきくけこさ", "し、すせそ"]),
        (" a \n\t b ", ["a b"]),
        ("", []),
    ],
)
def test_wrap_breaks_where_a_reader_would(text, lines):
    assert wrap(text, COLUMN_EM) == lines


@given(st.text(alphabet=st.sampled_from("ab -/、。（）「」漢字かなカナ１２x\u3000\t\n"), max_size=80))
def test_wrap_keeps_every_character_and_the_width(text):
    lines = wrap(text, COLUMN_EM)
    assert "".join(lines) == " ".join(text.split())
    for line in lines:
        assert line.strip()
        # Only a single piece that cannot be broken (one wide character and what may not leave it) is wider.
        assert text_width(line.rstrip()) <= COLUMN_EM or len(line.strip()) <= 3, line


_TITLES = st.text(
    alphabet=st.sampled_from("協議会の規約をまとめ、設立総会で合意する月次報告 abT-0123/（）「」。"), max_size=40
)


@given(st.text(alphabet=st.sampled_from("T-0123456789 ab漢"), max_size=10), _TITLES)
# Titles whose first phrase ends within their first five characters.
@example("T-3396", "実証実証合意を協議会")
@example("T-0417", "評価住民合意設立のは")
def test_phrases_are_budouxs_own_though_each_title_is_parsed_once(ident, title):
    # A row is an id, a space and a title: the title is parsed once for all the rows it is in.
    parser = budoux.load_default_japanese_parser()
    for text in (f"{ident} {title}", f"{ident}{title}", title):
        assert site_gantt.phrases(text) == parser.parse(text)


def test_text_width_counts_full_width_characters_as_one_em():
    assert text_width("漢字かなカナ") == 6
    assert text_width("ｱ") < 1 and text_width("iii") < text_width("WWW")


@pytest.mark.parametrize(
    ("lang", "name", "bar"),
    [
        ("ja", "ガントチャート: 計画策定", "T-1 計画を立てる: 2026年10月4日（日）から2026年11月1日（日）まで、未着手"),
        ("en", "Gantt chart: planning", "T-1 計画を立てる: Sun 4 Oct 2026 to Sun 1 Nov 2026, not started"),
    ],
)
def test_each_stage_gets_a_chart_of_its_own_tasks(lang, name, bar):
    c = _consortium(
        [
            ("T-1", "計画を立てる", "planning", "2026-11-01"),
            ("T-2", "試す", "demonstration", "2027-09-01"),
            ("T-3", "もう一度計画する", "planning", "2026-12-01"),
        ]
    )
    charts = render_stage_gantts(c, lang)
    assert [chart.stage for chart in charts] == ["planning", "demonstration"]
    planning = _svg(charts[0].svg)
    # Named for screen readers: the title and the description the drawing points at.
    assert planning.findtext(f"{SVG}title") == name
    assert planning.get("aria-labelledby") == "gantt-planning-title gantt-planning-desc"
    assert "2" in (planning.findtext(f"{SVG}desc") or "")
    assert [_row_text(row) for row in _rows(planning)] == ["T-1 計画を立てる", "T-3 もう一度計画する"]
    titles = _bar_titles(planning)
    assert len(titles) == charts[0].bars == 2 and titles[0] == bar
    assert "T-2" in charts[1].svg and "T-1" not in charts[1].svg
    # Nothing but the drawing: no script, no link, no outside reference.
    assert "<script" not in charts[0].svg and "href" not in charts[0].svg


def test_rows_are_as_tall_as_the_longest_title_and_the_column_fits_it():
    long_title = "失敗分析を踏まえてオンデマンドバスの第 2 期の運行計画を作り直す"
    c = _consortium([("T-1", "短い", "planning", "2026-05-01"), ("T-2", long_title, "planning", "2026-06-01")])
    root = _svg(render_stage_gantts(c, "ja")[0].svg)
    short, long = _rows(root)
    lines = [t.text or "" for t in long.iter(f"{SVG}text")]
    assert lines == wrap(f"T-2 {long_title}", COLUMN_EM) and len(lines) == 4
    assert len(list(short.iter(f"{SVG}text"))) == 1
    # Every line of a title fits left of the bars, and every bar starts right of the titles.
    for line in long.iter(f"{SVG}text"):
        assert float(line.get("x", "0")) + text_width(line.text or "") * FONT_PX <= LEFT_PADDING
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "dxkit-bar"]
    assert all(float(bar.get("x", "0")) >= LEFT_PADDING for bar in bars)
    # Each line has a line's height of its own: the lines of the long row do not overlap.
    ys = [float(t.get("y", "0")) for t in long.iter(f"{SVG}text")]
    assert all(b - a >= site_gantt.LINE_PX for a, b in itertools.pairwise(ys))
    assert float(root.get("width", "0")) == LEFT_PADDING + site_gantt.BARS_PX + site_gantt.RIGHT_PADDING


@pytest.mark.parametrize(
    ("due", "ticks"),
    [
        ("2026-11-12", ["2026年10月1日（木）", "2026年11月12日（木）"]),
        ("2027-10-01", ["2026年10月", "2027年2月", "2027年6月"]),
        ("2028-09-01", ["2026年10月", "2027年6月", "2028年2月"]),
    ],
)
def test_the_axis_has_at_most_three_dates(due, ticks):
    c = _consortium(
        [("T-1", "始める", "planning", "2026-10-08"), ("T-2", "終える", "planning", due)], start="2026-10-01"
    )
    root = _svg(render_stage_gantts(c, "ja")[0].svg)
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "dxkit-tick"] == ticks


def test_an_overdue_task_says_so_in_its_bar_title_not_only_in_its_colour():
    c = _consortium([("T-1", "遅れている", "planning", "2026-09-01")])
    root = _svg(render_stage_gantts(c, "ja")[0].svg)
    (bar,) = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "dxkit-bar"]
    assert bar.get("data-state") == "overdue" and (bar.findtext(f"{SVG}title") or "").endswith("（期限切れ）")
    (en,) = _bar_titles(_svg(render_stage_gantts(c, "en")[0].svg))
    assert en.endswith(" (overdue)")


def test_no_tasks_no_charts():
    assert render_stage_gantts(Consortium(root=".", today=TODAY), "en") == []


def test_the_phone_chart_has_the_same_rows_and_fits_a_phone_column():
    c = _consortium(
        [("T-1", "始める", "planning", "2026-10-08"), ("T-2", "終える", "planning", "2027-10-01")], start="2026-10-01"
    )
    (chart,) = render_stage_gantts(c, "ja")
    wide, narrow = _svg(chart.svg), _svg(chart.narrow)
    assert [_row_text(r) for r in _rows(narrow)] == [_row_text(r) for r in _rows(wide)]
    assert _bar_titles(narrow) == _bar_titles(wide)
    assert float(narrow.get("width", "0")) <= 358 < float(wide.get("width", "0"))
    assert narrow.get("aria-labelledby") == "gantt-planning-narrow-title gantt-planning-narrow-desc"
    assert [t.text for t in narrow.iter(f"{SVG}text") if t.get("class") == "dxkit-tick"] == ["2026年10月", "2027年4月"]
