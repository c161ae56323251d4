"""The site's Gantt charts: one per stage, titles wrapped to the title column, nothing left to cut."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxkit.escape import yaml_string
from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.render import site_gantt
from dxkit.render.site_gantt import COLUMN_EM, LEFT_PADDING, render_stage_gantts, row_label, text_width, wrap

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


def _config(source: str) -> dict[str, str]:
    front = source.split("---\n")[1]
    return dict(re.findall(r"^    (\w+): (\S+)$", front, flags=re.M))


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


def test_text_width_counts_full_width_characters_as_one_em():
    assert text_width("漢字かなカナ") == 6
    assert text_width("ｱ") < 1 and text_width("iii") < text_width("WWW")


def test_each_stage_gets_a_chart_of_its_own_tasks():
    c = _consortium(
        [
            ("T-1", "計画を立てる", "planning", "2026-11-01"),
            ("T-2", "試す", "demonstration", "2027-09-01"),
            ("T-3", "もう一度計画する", "planning", "2026-12-01"),
        ]
    )
    charts = render_stage_gantts(c, "ja")
    assert [chart.stage for chart in charts] == ["planning", "demonstration"]
    planning = charts[0].source
    assert planning.startswith("---\nconfig:\n  gantt:\n")
    body = planning.split("---\n", 2)[2]
    assert body.startswith("gantt\n    title 計画策定\n")
    assert "todayMarker off" in body
    rows = re.findall(r"^    section (.*)$", body, flags=re.M)
    assert rows == ["T-1 計画を立てる", "T-3 もう一度計画する"]
    bars = re.findall(r"^    #8203; :(.*)$", body, flags=re.M)
    assert bars == ["t0, 2026-10-04, 2026-11-01", "t2, 2026-11-03, 2026-12-01"]
    assert "T-2" in charts[1].source and "T-1" not in charts[1].source


def test_rows_are_as_tall_as_the_longest_title_and_the_column_fits_it():
    long_title = "失敗分析を踏まえてオンデマンドバスの第 2 期の運行計画を作り直す"
    c = _consortium([("T-1", "短い", "planning", "2026-05-01"), ("T-2", long_title, "planning", "2026-06-01")])
    config = _config(render_stage_gantts(c, "ja")[0].source)
    lines = len(wrap(f"T-2 {long_title}", COLUMN_EM))
    assert lines == 4
    assert int(config["barHeight"]) >= lines * int(config["sectionFontSize"])
    assert int(config["leftPadding"]) == LEFT_PADDING >= site_gantt.LABEL_X + COLUMN_EM * int(config["fontSize"])
    assert config["useMaxWidth"] == "true" and config["numberSectionStyles"] == "2"


@pytest.mark.parametrize(
    ("due", "interval", "axis"),
    [("2026-11-12", "2week", "%m-%d"), ("2027-10-01", "4month", "%Y-%m"), ("2028-09-01", "8month", "%Y-%m")],
)
def test_the_axis_has_at_most_three_dates(due, interval, axis):
    c = _consortium(
        [("T-1", "始める", "planning", "2026-10-08"), ("T-2", "終える", "planning", due)], start="2026-10-01"
    )
    source = render_stage_gantts(c, "ja")[0].source
    assert f"    tickInterval {interval}\n" in source and f"    axisFormat {axis}\n" in source


def test_a_line_broken_at_a_space_keeps_it_for_screen_readers():
    c = _consortium([("T-1", "Agree rules for sharing the register", "planning", "2026-05-01")])
    text, lines = row_label(c.tasks[0])
    assert text == "T-1 Agree rules for#32;<br>sharing the register" and lines == 2


def test_no_tasks_no_charts():
    assert render_stage_gantts(Consortium(root=".", today=TODAY), "en") == []
