"""Analysis reporters: neutral blocks in the reader's language, one reporter per format."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dxkit.reading import Reading
from dxkit.reporters.analyses import (
    GATE_REPORTERS,
    KEYPERSON_REPORTERS,
    LESSONS_REPORTERS,
    STATUS_REPORTERS,
    AnalysisFormat,
    render_gate,
    render_keyperson,
    render_status,
)
from dxkit.reporters.blocks import Line, Table, Verbatim
from tests.conftest import ROOT

TODAY = dt.date(2026, 10, 1)


@pytest.fixture
def shiomi(lang):
    from dxkit.validate import open_consortium

    consortium, _ = open_consortium(str(ROOT / "examples" / "shiomi" / lang), lang=lang, today=TODAY)
    return consortium


def _tables(blocks):
    return {b.title: b for b in blocks if isinstance(b, Table)}


def test_every_registry_has_a_reporter_for_every_format():
    for registry in (STATUS_REPORTERS, GATE_REPORTERS, KEYPERSON_REPORTERS, LESSONS_REPORTERS):
        assert set(registry) == set(AnalysisFormat)


def test_status_blocks_are_plain_text_in_the_readers_language(shiomi, lang):
    from dxkit.analyses.status import build_status

    blocks = render_status(build_status(shiomi), lang, Reading.of(shiomi))
    assert all(isinstance(b, Line | Table | Verbatim) for b in blocks)
    assert (
        isinstance(blocks[0], Line) and ("2026年10月1日（木）" if lang == "ja" else "Thu 1 Oct 2026") in blocks[0].text
    )
    title = (
        "期限切れ・理由と挽回策なし（1 件）　2026年度"
        if lang == "ja"
        else "Overdue without reason or recovery plan (1) · FY2026 (April–March)"
    )
    overdue = _tables(blocks)[title]
    assert overdue.columns[0] == ("タスク" if lang == "ja" else "Task") and len(overdue.columns) == 5
    assert overdue.rows[0][0] == "T-021" and overdue.rows[0][-1] == "6"
    # Dates as people write them, members by name (never "name (id)" when the name is unique).
    assert overdue.rows[0][2] == ("2026年9月25日（金）" if lang == "ja" else "Fri 25 Sep 2026")
    names = set(shiomi.member_names().values())
    assert overdue.rows[0][3] in names
    load = _tables(blocks)["メンバーごとの負荷" if lang == "ja" else "Load per member"]
    assert {row[0] for row in load.rows} == names
    explained = next(t for t in blocks if isinstance(t, Table) and len(t.columns) == 8)
    assert [row[0] for row in explained.rows] == ["T-019", "T-023"]
    for table in _tables(blocks).values():
        assert all(isinstance(cell, str) for row in table.rows for cell in row)
    assert blocks[-1] == Line(
        "最後の振り返り: 2026年8月28日（金）、34 日前"
        if lang == "ja"
        else "Last retrospective: Fri 28 Aug 2026 (34 days ago)"
    )


def test_gate_has_one_table_per_lens_and_lists_what_is_missing(shiomi, lang):
    from dxkit.analyses.gates import build_gate_report

    report = build_gate_report(shiomi)
    blocks = render_gate(report, lang)
    lenses = ("魅力", "実現可能性", "事業性") if lang == "ja" else ("Desirability", "Feasibility", "Viability")
    titles = [b.title for b in blocks if isinstance(b, Table)]
    assert [next(t for t in titles if t.startswith(lens)) for lens in lenses]
    missing = [b.text for b in blocks if isinstance(b, Line) and b.text.startswith("  - ")]
    assert len(missing) == len(report.current.missing) > 0


def test_keyperson_ends_with_the_network_as_a_mermaid_block(shiomi, lang):
    from dxkit.analyses.keyperson import analyse

    blocks = render_keyperson(analyse(shiomi), lang, Reading.of(shiomi))
    assert isinstance(blocks[-1], Verbatim) and blocks[-1].text.startswith("```mermaid\ngraph LR\n")
    assert blocks[-1].text.endswith("```\n")
    candidates = _tables(blocks)["キーパーソンの候補" if lang == "ja" else "Key-person candidates"]
    assert candidates.rows[0][0] == "1" and candidates.rows[0][1] == shiomi.member_name("city-dx")


def test_json_reporter_gives_ids_and_messages(shiomi, lang):
    from dxkit.analyses.keyperson import analyse

    (block,) = KEYPERSON_REPORTERS[AnalysisFormat.json](analyse(shiomi), lang)
    assert isinstance(block, Verbatim)
    reason = json.loads(block.text)["candidates"][0]["reasons"][0]
    assert set(reason) == {"code", "message"} and reason["code"].startswith("kp.")


def test_a_table_refuses_a_row_of_the_wrong_width():
    with pytest.raises(TypeError, match="2 cells for 3 columns"):
        Table(title="t", columns=("a", "b", "c"), rows=(("1", "2"),))


def test_write_reports_say_what_happened_to_each_file(tmp_path, lang):
    from pathlib import PurePosixPath

    from dxkit.reporters.writes import render_steps, render_summary, skipped
    from dxkit.scaffold import Action, Step

    steps = [
        Step(PurePosixPath("roles.yaml"), Action.SKIP, b""),
        Step(PurePosixPath("members.yaml"), Action.CREATE, b""),
    ]
    assert [b.text for b in render_steps(tmp_path, steps)] == [
        f"skip      {tmp_path / 'roles.yaml'}\n",
        f"create    {tmp_path / 'members.yaml'}\n",
    ]
    (summary,) = render_summary(steps, lang)
    assert summary.text == (
        "作成 1 件、同一 0 件、既存を維持 1 件、上書き 0 件。\n"
        if lang == "ja"
        else "1 created, 0 identical, 1 kept as they were, 0 overwritten.\n"
    )
    assert skipped(steps) and not skipped(steps[1:])
