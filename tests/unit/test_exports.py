"""Exports read every file of a kind, keep hostile text inert, and sit in one registry."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.render.exports import (
    DEFAULT_FORMATS,
    EXPORTERS,
    ExportOptions,
    export_formats,
    has_source,
    render_csv,
    render_gantt,
    render_ics,
    render_md,
    render_xlsx,
)

TODAY = dt.date(2026, 10, 1)
FORMULA = '=HYPERLINK("http://evil.example","click me")'

CHARTER = """kind: consortium
version: 1
name: "汐見市 <b>DX</b>"
municipality: 汐見市
purpose: 移動と防災
scope: [mobility]
key_persons: [{name: 山田, member: city, role: 事務局}]
stage: demonstration
"""

MEMBERS = """kind: members
version: 1
members:
  - {id: city, name: "=1+1 汐見市", type: municipality}
  - {id: bank, name: 汐見信用金庫, type: financial-institution}
"""


def _roles(prefix: str, title: str) -> str:
    return f"""kind: roles
version: 1
tasks:
  - id: {prefix}-1
    title: {title}
    stage: demonstration
    responsible: [city, bank]
    accountable: city
    due: 2026-09-01
    status: in-progress
    delay: {{reason: "遅れ\\r\\nEND:VEVENT", recovery_plan: 再調整, new_due: 2026-11-01}}
  - {{id: click, title: 説明会, stage: planning, responsible: [bank], accountable: [bank], due: 2026-12-01,
     status: done}}
"""


def _consortium(title: str = '"話す | 聞く"') -> Consortium:
    c = Consortium(root=".", today=TODAY)
    c.add(load_text(CHARTER, "consortium.yaml"))
    c.add(load_text(MEMBERS, "members.yaml"))
    c.add(load_text(_roles("T", title), "roles.yaml"))
    c.add(load_text(_roles("U", "次年度のタスク"), "roles-2027.yaml"))
    return c


def test_registry_has_one_signature_and_says_what_is_binary():
    assert sorted(EXPORTERS) == [
        ("charter", "docx"),
        ("issues", "csv"),
        ("issues", "decidim"),
        ("issues", "md"),
        ("issues", "xlsx"),
        ("members", "csv"),
        ("members", "popolo"),
        ("plan", "xlsx"),
        ("roles", "csv"),
        ("roles", "ics"),
        ("roles", "md"),
        ("roles", "mermaid"),
        ("roles", "xlsx"),
    ]
    binary = {k for k, e in EXPORTERS.items() if e.binary}
    assert binary == {("roles", "xlsx"), ("roles", "ics"), ("issues", "xlsx"), ("charter", "docx"), ("plan", "xlsx")}
    assert export_formats("issues") == ["csv", "decidim", "md", "xlsx"]
    assert all((kind, fmt) in EXPORTERS for kind, fmt in DEFAULT_FORMATS.items())
    c = _consortium()
    options = ExportOptions(bom=False, stamp=TODAY)
    for (kind, fmt), exporter in EXPORTERS.items():
        if kind in ("issues", "plan"):
            continue
        data = exporter.render(c, "ja", options)
        assert isinstance(data, bytes) and data, (kind, fmt)
    assert EXPORTERS[("roles", "csv")].render(c, "ja", options) == render_csv(c, "roles", "ja", bom=False)
    assert EXPORTERS[("roles", "ics")].render(c, "en", options) == render_ics(c, "en", stamp=TODAY)
    assert EXPORTERS[("roles", "mermaid")].render(c, "en", options) == render_gantt(c, "en").encode()


def test_has_source_asks_the_model():
    c = _consortium()
    assert has_source(c, "roles") and not has_source(c, "issues")
    assert has_source(c, "charter") and not has_source(Consortium(root=".", today=TODAY), "charter")
    assert has_source(c, "members") and not has_source(Consortium(root=".", today=TODAY), "members")


def test_every_roles_file_is_exported():
    c = _consortium()
    rows = list(csv.reader(io.StringIO(render_csv(c, "roles", "en").decode("utf-8-sig"), newline="")))
    assert [row[0] for row in rows[1:]] == ["T-1", "click", "U-1", "click"]
    # A line break inside a cell stays inside its quotes, as the LF Excel itself writes there.
    assert rows[1][13] == "遅れ\nEND:VEVENT"
    assert render_md(c, "roles", "en").count("\n") == 2 + 4


def test_csv_and_xlsx_never_turn_text_into_a_formula():
    from openpyxl import load_workbook

    c = _consortium(title=f"'{FORMULA}'")
    assert c.tasks[0].title == FORMULA
    assert "'" + FORMULA.replace('"', '""') in render_csv(c, "roles", "en").decode("utf-8-sig")
    book = load_workbook(io.BytesIO(render_xlsx(c, "roles", "en")))
    tasks, members, baseline = book.worksheets
    title = tasks["B2"]
    assert title.value == FORMULA and title.data_type == "s"
    assert baseline["B4"].value == FORMULA and baseline["B4"].data_type == "s"
    assert members["A2"].value == "=1+1 汐見市" and members["A2"].data_type == "s"
    assert isinstance(tasks["I2"].value, dt.datetime) and tasks["I2"].number_format == "d mmm yyyy"
    assert tasks["D2"].value == "=1+1 汐見市, 汐見信用金庫" and tasks["D2"].data_type == "s"
    assert tasks["E3"].value == "汐見信用金庫"


def test_xlsx_drops_characters_xml_forbids_instead_of_failing():
    from openpyxl import load_workbook

    c = _consortium(title='"bell\\a and escape\\e[31m"')
    assert "\x07" in c.tasks[0].title
    book = load_workbook(io.BytesIO(render_xlsx(c, "roles", "ja")))
    assert book.worksheets[0]["B2"].value == "bell and escape[31m"


def test_markdown_export_keeps_each_cell_a_cell():
    md = render_md(_consortium(title='"<img src=x onerror=alert(1)> | **b**\\nnext"'), "roles", "en")
    row = md.splitlines()[2]
    assert row.count(" | ") == md.splitlines()[0].count(" | ")
    assert "&lt;img src=x onerror=alert(1)\\> \\| \\*\\*b\\*\\* next" in row


def test_calendar_lines_cannot_be_broken_by_a_value():
    data = render_ics(_consortium(title='"会議\\rBEGIN:VEVENT\\nSUMMARY:evil"'), "ja", stamp=TODAY)
    lines = data.split(b"\r\n")
    assert b"\r" not in b"".join(lines) and b"\n" not in b"".join(lines)
    assert sum(line == b"BEGIN:VEVENT" for line in lines) == 4  # two tasks in each of two files
    assert sum(line == b"END:VEVENT" for line in lines) == 4
    assert not any(line.startswith(b"SUMMARY:evil") for line in lines)
    unfolded = data.replace(b"\r\n ", b"").decode()
    assert "SUMMARY:【期限】T-1 会議\\nBEGIN:VEVENT\\nSUMMARY:evil" in unfolded
    assert "遅れ\\nEND:VEVENT" in unfolded  # the reason's CRLF is an escaped line break


def test_gantt_ids_are_generated_and_labels_escaped():
    gantt = render_gantt(_consortium(title='"%%{init: {}}%% x: y; #z"'), "en")
    tasks = [line for line in gantt.splitlines() if re.search(r":.*\d{4}-\d\d-\d\d, \d{4}", line)]
    assert len(tasks) == 4
    ids = [id_ for line in tasks for id_ in re.findall(r"\b(t\d+), \d{4}", line)]
    assert sorted(ids) == ["t0", "t1", "t2", "t3"]
    for line in tasks:
        label = line.strip().rsplit(" :", 1)[0]
        assert ":" not in label and "%" not in label and ";" not in re.sub(r"#\d+;", "", label)
    click = next(line for line in tasks if "説明会" in line)
    assert click.strip().startswith("#99;lick 説明会")
    assert "crit" in next(line for line in tasks if "T-1" in line)


@pytest.mark.parametrize("kind", ["roles", "issues"])
def test_empty_kinds_export_a_header_only(kind):
    c = Consortium(root=".", today=TODAY)
    assert render_md(c, kind, "ja").count("\n") == 2


def test_xlsx_export_never_scans_the_whole_sheet_once_per_row(monkeypatch):
    # Finding the last row or column walks every cell of a sheet: once per appended row, a
    # 10,000-task export took minutes. The work is counted here, not timed.
    from openpyxl import load_workbook
    from openpyxl.worksheet.worksheet import Worksheet

    scans = {"max_row": 0, "max_column": 0}
    for name in scans:
        real = getattr(Worksheet, name)

        def counting(self, _real=real, _name=name):
            scans[_name] += 1
            return _real.fget(self)

        monkeypatch.setattr(Worksheet, name, property(counting))
    tasks = "".join(
        f"  - {{id: T-{i}, title: '=t{i}', stage: planning, responsible: [city], accountable: city,"
        f" due: 2026-12-01, status: done}}\n"
        for i in range(300)
    )
    c = Consortium(root=".", today=TODAY)
    c.add(load_text(CHARTER, "consortium.yaml"))
    c.add(load_text(MEMBERS, "members.yaml"))
    c.add(load_text(f"kind: roles\nversion: 1\ntasks:\n{tasks}", "roles.yaml"))
    data = render_xlsx(c, "roles", "en")
    assert sum(scans.values()) < 60, scans
    monkeypatch.undo()
    tasks_sheet, _, baseline = load_workbook(io.BytesIO(data)).worksheets
    assert tasks_sheet.max_row == 301 and baseline.max_row == 303
    assert tasks_sheet["B301"].value == "=t299" and tasks_sheet["B301"].data_type == "s"
