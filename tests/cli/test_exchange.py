"""Export to the tools people use, and bring spreadsheet edits back without losing a byte."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dxkit.loading import load_file, load_text
from tests.conftest import ROOT
from tests.helpers import invoke

TODAY = "2026-10-01"


@pytest.fixture
def shiomi(tmp_path: Path, lang: str, monkeypatch) -> Path:
    dest = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    monkeypatch.chdir(dest)
    return dest


def _export_xlsx(folder: Path, lang: str, name: str = "roles.xlsx") -> Path:
    result = invoke(["export", "roles", str(folder), "-o", str(folder / name), "--lang", lang, "--today", TODAY])
    assert name in result.stdout
    return folder / name


def test_xlsx_has_headers_dates_dropdowns_and_members(shiomi, lang):
    book = load_workbook(_export_xlsx(shiomi, lang))
    sheet, members, baseline = book.worksheets
    assert (baseline.title, baseline.sheet_state) == ("dxkit-baseline", "veryHidden")
    assert [sheet.sheet_state, members.sheet_state] == ["visible", "visible"]
    assert sheet.title == ("役割・期限表" if lang == "ja" else "Role matrix")
    assert sheet["I1"].value == ("期限" if lang == "ja" else "Due date")
    assert sheet.freeze_panes == "B2"
    assert isinstance(sheet["I2"].value, dt.datetime)
    assert sheet["I2"].number_format == ('yyyy"年"m"月"d"日"' if lang == "ja" else "d mmm yyyy")
    assert sheet.max_row == 33 and sheet.column_dimensions["B"].width == 40
    formulas = [v.formula1 for v in sheet.data_validations.dataValidation]
    if lang == "ja":
        assert '"未着手,進行中,停滞,完了,中止"' in formulas and '"計画策定,社会実証,実装・展開"' in formulas
    else:
        assert '"not started,in progress,blocked,done,cancelled"' in formulas
    assert any(f and f.endswith("!$A$2:$A$18") for f in formulas)
    assert members.max_row == 18 and members["A1"].value == ("名称" if lang == "ja" else "Name")
    assert members["A2"].value == (
        "汐見市 企画部 デジタル推進課"
        if lang == "ja"
        else "Shiomi City, Digital Promotion Division (Planning Department)"
    )


def test_unchanged_export_import_leaves_the_file_byte_identical(shiomi: Path, lang: str) -> None:
    before = (shiomi / "roles.yaml").read_bytes()
    result = invoke(["import", str(_export_xlsx(shiomi, lang)), "--lang", lang])
    assert ("変更はありません" if lang == "ja" else "No changes") in result.stdout
    assert (shiomi / "roles.yaml").read_bytes() == before


def test_round_trip_applies_exactly_the_spreadsheet_edits(shiomi: Path, lang: str) -> None:
    path = _export_xlsx(shiomi, lang)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(rows["T-013"], 13).value = "done"  # status
    sheet.cell(rows["T-014"], 9).value = dt.datetime(2026, 12, 24)  # due
    sheet.cell(rows["T-015"], 2).value = "新しいタイトル / new title"  # title
    sheet.append(
        [
            "T-033",
            "説明会を開く",
            "implementation",
            "city-dx, shiomi-univ",
            "city-dx",
            None,
            None,
            None,
            dt.datetime(2027, 5, 31),
            "参加者 50 人",
            None,
            None,
            "not-started",
            None,
            None,
            None,
        ]
    )
    sheet.delete_rows(rows["T-032"])
    book.save(path)
    before = (shiomi / "roles.yaml").read_text(encoding="utf-8")
    result = invoke(["import", str(path), "--lang", lang])
    assert "T-032" in result.stdout  # reported as missing, kept
    after_text = (shiomi / "roles.yaml").read_text(encoding="utf-8")
    old = {t["id"]: t for t in load_file(ROOT / "examples" / "shiomi" / lang / "roles.yaml").data["tasks"]}
    new = {t["id"]: t for t in load_file(shiomi / "roles.yaml").data["tasks"]}
    assert set(new) == set(old) | {"T-033"}
    assert new["T-013"] == {**old["T-013"], "status": "done"}
    assert new["T-014"] == {**old["T-014"], "due": "2026-12-24"}
    assert new["T-015"] == {**old["T-015"], "title": "新しいタイトル / new title"}
    assert new["T-033"] == {
        "id": "T-033",
        "title": "説明会を開く",
        "stage": "implementation",
        "responsible": ["city-dx", "shiomi-univ"],
        "accountable": "city-dx",
        "due": "2027-05-31",
        "done_criteria": "参加者 50 人",
        "status": "not-started",
    }
    for task_id in set(old) - {"T-013", "T-014", "T-015"}:
        assert new[task_id] == old[task_id], task_id
    # Every line that was not edited is still there, in order, comments included.
    untouched = [line for line in before.splitlines() if "T-01" not in line]
    kept = [line for line in after_text.splitlines()]
    position = 0
    for line in untouched:
        if line.strip().startswith(("status:", "due:", "title:")):
            continue
        position = kept.index(line, position)
    pruned = invoke(["import", str(path), "--prune", "--lang", lang])
    assert "T-032" in pruned.stdout
    assert "T-032" not in {t["id"] for t in load_file(shiomi / "roles.yaml").data["tasks"]}


def _as_flow_task(text: str, task_id: str) -> tuple[str, int]:
    """``text`` with one task rewritten as a one-line flow mapping, and that line's index."""
    lines = text.splitlines(keepends=True)
    start = lines.index(f"  - id: {task_id}\n")
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    task = next(t for t in load_text(text, "roles.yaml").data["tasks"] if t["id"] == task_id)
    items = ", ".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in task.items())
    return "".join([*lines[:start], f"  - {{{items}}}   # 一行で書いたタスク\n", *lines[end:]]), start


def test_import_into_a_flow_style_task_lands_the_cell_and_keeps_every_other_byte(shiomi: Path, lang: str) -> None:
    roles = shiomi / "roles.yaml"
    text, flow_index = _as_flow_task(roles.read_text(encoding="utf-8"), "T-002")
    roles.write_text(text, encoding="utf-8")
    old = {t["id"]: t for t in load_file(roles).data["tasks"]}
    path = _export_xlsx(shiomi, lang)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(rows["T-002"], 13).value = "in-progress"  # status, inside the flow mapping
    sheet.cell(rows["T-002"], 14).value = "説明会の日程調整 / rescheduling"  # delay.reason: a new nested key
    sheet.cell(rows["T-005"], 9).value = dt.datetime(2026, 3, 31)  # due, in a block task
    book.save(path)
    invoke(["import", str(path), "--lang", lang])
    after = roles.read_text(encoding="utf-8")
    before_lines, after_lines = text.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(after_lines) == len(before_lines)
    changed = [i for i, (a, b) in enumerate(zip(before_lines, after_lines, strict=True)) if a != b]
    due_index = next(
        i for i in range(before_lines.index("  - id: T-005\n"), len(before_lines)) if "due:" in before_lines[i]
    )
    assert changed == [flow_index, due_index]
    assert after_lines[flow_index] == before_lines[flow_index].replace(
        'status: "done"}', 'status: "in-progress", delay: {reason: 説明会の日程調整 / rescheduling}}'
    )
    assert after_lines[due_index] == '    due: "2026-03-31"\n'
    new = {t["id"]: t for t in load_file(roles).data["tasks"]}
    assert new["T-002"] == {
        **old["T-002"],
        "status": "in-progress",
        "delay": {"reason": "説明会の日程調整 / rescheduling"},
    }
    assert new["T-005"] == {**old["T-005"], "due": "2026-03-31"}
    assert {k: v for k, v in new.items() if k not in ("T-002", "T-005")} == {
        k: v for k, v in old.items() if k not in ("T-002", "T-005")
    }


def test_import_into_a_flow_style_task_list(shiomi: Path, lang: str) -> None:
    roles = shiomi / "roles.yaml"
    tasks = load_file(roles).data["tasks"]
    head = "# 一行ずつのタスク\nkind: roles\nversion: 1\ntasks: [\n"
    body = ",\n".join("  " + json.dumps(task, ensure_ascii=False) for task in tasks[:3])
    roles.write_text(head + body + "\n]\n", encoding="utf-8")
    path = _export_xlsx(shiomi, lang)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    sheet.cell(3, 2).value = "題を変えた"
    sheet.append(["T-099", "追加", "planning", "city-dx", "city-dx", None, None, None, dt.datetime(2027, 1, 8)])
    sheet.cell(sheet.max_row, 13).value = "not-started"
    sheet.delete_rows(4)  # T-003: pruned
    book.save(path)
    before = roles.read_text(encoding="utf-8")
    invoke(["import", str(path), "--prune", "--lang", lang])
    after = roles.read_text(encoding="utf-8")
    assert after.startswith(head + "  " + json.dumps(tasks[0], ensure_ascii=False) + ",\n")
    new_task = "{id: T-099, title: 追加, stage: planning, responsible: [city-dx], accountable: city-dx"
    assert after.endswith(f'  {new_task}, due: "2027-01-08", status: not-started}}\n]\n')
    new = load_file(roles).data["tasks"]
    assert [t["id"] for t in new] == ["T-001", "T-002", "T-099"]
    assert new[1] == {**tasks[1], "title": "題を変えた"}
    assert before != after


@pytest.mark.parametrize(
    ("column", "value", "needles"),
    [
        (9, "来週", {"ja": "2026/4/1", "en": "2026/4/1"}),
        (5, "nobody", {"ja": "members.yaml", "en": "members.yaml"}),
        (13, "finished", {"ja": "未着手、進行中、停滞、完了、中止", "en": "not started, in progress, blocked"}),
    ],
)
def test_invalid_cells_are_reported_by_sheet_row_and_column_and_nothing_is_written(
    shiomi: Path, lang: str, column: int, value: str, needles: dict[str, str]
) -> None:
    needle = needles[lang]
    path = _export_xlsx(shiomi, lang)
    book = load_workbook(path)
    book.worksheets[0].cell(5, column).value = value
    book.save(path)
    before = (shiomi / "roles.yaml").read_bytes()
    result = invoke(["import", str(path), "--lang", lang], exit=2)
    letter = "ABCDEFGHIJKLMNOP"[column - 1]
    assert (f"5 行 {letter} 列" if lang == "ja" else f"row 5, column {letter}") in result.stderr
    assert needle in result.stderr
    assert (shiomi / "roles.yaml").read_bytes() == before


def test_import_refuses_a_file_that_is_not_a_workbook(shiomi: Path) -> None:
    (shiomi / "fake.xlsx").write_text("not a zip", encoding="utf-8")
    result = invoke(["import", "fake.xlsx", "--lang", "en"], exit=2)
    assert result.stderr.startswith("Error: ") and "Excel" in result.stderr


def test_csv_has_a_bom_and_japanese_intact(shiomi, lang):
    invoke(["export", "roles", "-f", "csv", "-o", "roles.csv", "--lang", lang])
    raw = (shiomi / "roles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 33 and rows[1][0] == "T-001"
    assert ("協議会" in rows[1][1]) == (lang == "ja")
    invoke(["export", "roles", "-f", "csv", "-o", "plain.csv", "--no-bom"])
    assert not (shiomi / "plain.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_ics_parses_and_uids_are_stable(shiomi, lang):
    from icalendar import Calendar

    for name in ("a.ics", "b.ics"):
        invoke(["export", "roles", "-f", "ics", "-o", name, "--today", TODAY, "--lang", lang])
    calendars = [Calendar.from_ical((shiomi / n).read_bytes()) for n in ("a.ics", "b.ics")]
    uids = [[str(e["uid"]) for e in c.walk("VEVENT")] for c in calendars]
    # 32 task deadlines and the example charter's 4 funding deadlines
    assert uids[0] == uids[1] and len(uids[0]) == 36 and len(set(uids[0])) == 36
    event = next(e for e in calendars[0].walk("VEVENT") if str(e["uid"]).startswith("T-019."))
    assert event["dtstart"].dt == dt.date(2026, 11, 20)  # the recovery plan's new date
    assert calendars[0]["x-wr-timezone"] == "Asia/Tokyo"
    assert ("説明責任" if lang == "ja" else "Accountable") in str(event["description"])


def test_markdown_and_gantt(shiomi, lang):
    md = invoke(["export", "roles", "-f", "md", "--lang", lang]).stdout
    assert md.count("\n| T-0") == 32
    gantt = invoke(["export", "roles", "-f", "mermaid", "--today", TODAY, "--lang", lang]).stdout
    assert gantt.startswith("gantt\n") and gantt.count("    section ") == 3
    assert ":crit" in gantt and ":done" in gantt


def test_issue_register_exports_and_refuses_calendar(shiomi, lang):
    assert invoke(["export", "issues", "-f", "csv", "--lang", lang]).stdout.count("I-00") == 8
    invoke(["export", "issues", "-o", "issues.xlsx"])
    assert load_workbook(shiomi / "issues.xlsx").worksheets[0].max_row == 9
    refused = invoke(["export", "issues", "-f", "ics", "--lang", lang], exit=2)
    assert "ics" in refused.stderr and "csv, decidim, md, xlsx" in refused.stderr
    assert not (shiomi / "issues.ics").exists()


def test_export_never_overwrites_without_asking(shiomi):
    (shiomi / "roles.xlsx").write_bytes(b"mine")
    result = invoke(["export", "roles", "--lang", "en"], exit=2)
    assert "--overwrite" in result.stderr and (shiomi / "roles.xlsx").read_bytes() == b"mine"
    invoke(["export", "roles", "--overwrite"])
    assert load_workbook(shiomi / "roles.xlsx").worksheets[0].max_row == 33


# -- three-way import: the workbook's baseline -----------------------------------------------------

STATUS, TITLE, DUE = 13, 2, 9  # columns of the role sheet


def _edited(source: Path, dest: Path, cells: dict[tuple[str, int], object]) -> Path:
    """A copy of an exported workbook with some cells changed, by task id and column number."""
    book = load_workbook(source)
    sheet = book.worksheets[0]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    for (task_id, column), value in cells.items():
        sheet.cell(rows[task_id], column).value = value
    book.save(dest)
    return dest


def _tasks(folder: Path) -> dict[str, dict]:
    return {t["id"]: t for t in load_file(folder / "roles.yaml").data["tasks"]}


def _label(key: str, lang: str) -> str:
    from dxkit.sheet import header
    from dxkit.sheet_import import COLUMNS

    return header("roles", COLUMNS[key], lang)


def test_stale_workbook_keeps_a_colleagues_newer_import_and_applies_its_own_change(shiomi: Path, lang: str) -> None:
    stale = _edited(_export_xlsx(shiomi, lang), shiomi / "mine.xlsx", {("T-015", TITLE): "my new title"})
    second = _export_xlsx(shiomi, lang, "export2.xlsx")
    colleague = _edited(second, shiomi / "theirs.xlsx", {("T-013", STATUS): "blocked"})
    invoke(["import", str(colleague), "--lang", lang])
    assert _tasks(shiomi)["T-013"]["status"] == "blocked"
    before = _tasks(shiomi)
    result = invoke(["import", str(stale), "--lang", lang])
    assert ("書き出した後に変更されています" if lang == "ja" else "has changed since this workbook was exported") in (
        result.stdout
    )
    after = _tasks(shiomi)
    assert after["T-013"]["status"] == "blocked"  # the colleague's change stands
    assert after["T-015"] == {**before["T-015"], "title": "my new title"}
    assert {k: v for k, v in after.items() if k != "T-015"} == {k: v for k, v in before.items() if k != "T-015"}


def test_stale_workbook_changing_the_same_cell_is_a_conflict_and_that_cell_is_not_written(
    shiomi: Path, lang: str
) -> None:
    exported = _export_xlsx(shiomi, lang)
    stale = _edited(exported, shiomi / "mine.xlsx", {("T-013", STATUS): "cancelled", ("T-015", TITLE): "mine"})
    colleague = _edited(exported, shiomi / "theirs.xlsx", {("T-013", STATUS): "blocked"})
    invoke(["import", str(colleague), "--lang", lang])
    result = invoke(["import", str(stale), "--lang", lang], exit=1)
    line = next(line for line in result.stdout.splitlines() if "T-013" in line)
    assert line.startswith("競合" if lang == "ja" else "conflict")
    from dxkit.labels import labels

    done, cancelled, blocked = (labels("Task.status", lang)[code] for code in ("done", "cancelled", "blocked"))
    for part in (_label("status", lang), done, cancelled, blocked, "roles.yaml"):
        assert part in line, (part, line)
    # baseline, yours, theirs: each as people read it, quoted
    assert line.index(f"{done}") < line.index(f"{cancelled}") < line.index(f"{blocked}")
    assert ("1 か所" if lang == "ja" else "1 conflicts") in result.stderr
    after = _tasks(shiomi)
    assert after["T-013"]["status"] == "blocked"  # nothing written for the conflicting cell
    assert after["T-015"]["title"] == "mine"  # the rest is written


def test_the_same_change_on_both_sides_is_no_conflict(shiomi: Path, lang: str) -> None:
    exported = _export_xlsx(shiomi, lang)
    mine = _edited(exported, shiomi / "mine.xlsx", {("T-013", STATUS): "blocked"})
    invoke(["import", str(mine), "--lang", lang])
    after_first = (shiomi / "roles.yaml").read_bytes()
    result = invoke(["import", str(mine), "--lang", lang])
    assert ("変更はありません" if lang == "ja" else "No changes") in result.stdout
    assert (shiomi / "roles.yaml").read_bytes() == after_first


def test_untouched_export_reimports_as_no_change_after_the_yaml_changed(shiomi: Path, lang: str) -> None:
    untouched = _export_xlsx(shiomi, lang)
    roles = shiomi / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    edited = text.replace('due: "2026-05-15"', 'due: "2026-06-30"', 1)
    assert edited != text
    roles.write_text(edited, encoding="utf-8")
    result = invoke(["import", str(untouched), "--lang", lang])
    assert ("変更はありません" if lang == "ja" else "No changes") in result.stdout
    assert roles.read_text(encoding="utf-8") == edited


def test_untouched_export_matches_every_cell_of_the_file_it_came_from(shiomi: Path, lang: str) -> None:
    # Every value the baseline holds reads back equal to the YAML, or a changed cell would be a false conflict.
    from dxkit.sheet import get
    from dxkit.sheet_import import COLUMNS, _Base, _same, read_workbook

    _, _, baseline = read_workbook(_export_xlsx(shiomi, lang))
    assert baseline is not None and baseline.kind == "roles"
    base = _Base(baseline)
    tasks = _tasks(shiomi)
    assert list(baseline.rows) == list(tasks)
    for task_id, task in tasks.items():
        for key in baseline.keys:
            assert _same(get(task, COLUMNS[key]), base.value(task_id, key)), (task_id, key)


def test_task_added_to_the_yaml_since_the_export_is_never_missing(shiomi: Path, lang: str) -> None:
    exported = _export_xlsx(shiomi, lang)
    other = _export_xlsx(shiomi, lang, "other.xlsx")
    book = load_workbook(other)
    sheet = book.worksheets[0]
    sheet.append(["T-900", "added by a colleague", "planning", "city-dx", "city-dx"])
    sheet.cell(sheet.max_row, DUE).value = dt.datetime(2027, 1, 8)
    sheet.cell(sheet.max_row, STATUS).value = "not-started"
    book.save(other)
    invoke(["import", str(other), "--lang", lang])
    assert "T-900" in _tasks(shiomi)
    result = invoke(["import", str(exported), "--prune", "--lang", lang])
    assert "T-900" not in result.stdout
    assert "T-900" in _tasks(shiomi)


def test_task_removed_from_the_yaml_since_the_export_is_not_added_back(shiomi: Path, lang: str) -> None:
    exported = _export_xlsx(shiomi, lang)
    changed = _edited(exported, shiomi / "changed.xlsx", {("T-032", TITLE): "changed in the workbook"})
    pruning = shiomi / "pruning.xlsx"
    book = load_workbook(_export_xlsx(shiomi, lang, "export2.xlsx"))
    book.worksheets[0].delete_rows(33)  # T-032, the last row
    book.save(pruning)
    invoke(["import", str(pruning), "--prune", "--lang", lang])
    assert "T-032" not in _tasks(shiomi)
    untouched = invoke(["import", str(exported), "--lang", lang])
    assert ("T-032" in untouched.stdout) and ("戻しません" if lang == "ja" else "not added back") in untouched.stdout
    assert "T-032" not in _tasks(shiomi)
    conflict = invoke(["import", str(changed), "--lang", lang], exit=1)
    assert ("競合  T-032" if lang == "ja" else "conflict T-032") in conflict.stdout
    assert "T-032" not in _tasks(shiomi)


def test_prune_keeps_a_task_the_yaml_changed_since_the_export(shiomi: Path, lang: str) -> None:
    exported = _export_xlsx(shiomi, lang)
    deleted = shiomi / "deleted.xlsx"
    book = load_workbook(exported)
    book.worksheets[0].delete_rows(33)  # T-032
    book.save(deleted)
    second = _export_xlsx(shiomi, lang, "export2.xlsx")
    colleague = _edited(second, shiomi / "theirs.xlsx", {("T-032", STATUS): "blocked"})
    invoke(["import", str(colleague), "--lang", lang])
    result = invoke(["import", str(deleted), "--prune", "--lang", lang], exit=1)
    assert ("競合  T-032" if lang == "ja" else "conflict T-032") in result.stdout
    assert _tasks(shiomi)["T-032"]["status"] == "blocked"


def test_workbook_without_a_baseline_is_compared_with_the_yaml_as_it_is_now(shiomi: Path, lang: str) -> None:
    hand_made = _edited(_export_xlsx(shiomi, lang), shiomi / "hand.xlsx", {("T-015", TITLE): "hand-made"})
    book = load_workbook(hand_made)
    del book["dxkit-baseline"]
    book.save(hand_made)
    roles = shiomi / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("status: done", "status: blocked", 1), encoding="utf-8")
    result = invoke(["import", str(hand_made), "--lang", lang])
    notice = [line for line in result.stdout.splitlines() if "dxkit-baseline" in line]
    assert len(notice) == 1
    assert ("現在の roles.yaml と違うセルをすべて反映" if lang == "ja" else "as it is now is applied") in notice[0]
    after = _tasks(shiomi)
    assert after["T-015"]["title"] == "hand-made"
    assert after["T-001"]["status"] == "done"  # two-way: the sheet's value replaces the file's


@pytest.mark.parametrize(
    ("row", "cells", "needle"),
    [
        (1, ["dxkit-baseline", 1, "roles"], None),
        (1, ["dxkit-baseline", 9, "roles"], "9"),
        (1, ["something else", 1, "roles"], "1"),
        (3, ["id", "title", "no_such_column"], "3"),
    ],
)
def test_damaged_or_newer_baseline_is_refused_and_nothing_is_written(
    shiomi: Path, lang: str, row: int, cells: list[object], needle: str | None
) -> None:
    path = _edited(_export_xlsx(shiomi, lang), shiomi / "damaged.xlsx", {("T-015", TITLE): "x"})
    book = load_workbook(path)
    baseline = book["dxkit-baseline"]
    for column in range(1, baseline.max_column + 1):
        baseline.cell(row, column).value = None
    for column, value in enumerate(cells, 1):
        baseline.cell(row, column).value = value
    book.save(path)
    before = (shiomi / "roles.yaml").read_bytes()
    if needle is None:  # the header as dxkit writes it: the import goes through
        invoke(["import", str(path), "--lang", lang])
        return
    result = invoke(["import", str(path), "--lang", lang], exit=2)
    if needle == "9":
        assert ("新しい dxkit" if lang == "ja" else "newer dxkit") in result.stderr
    else:
        assert (f"{needle} 行目" if lang == "ja" else f"row {needle}") in result.stderr
        assert "dxkit-baseline" in result.stderr
    assert (shiomi / "roles.yaml").read_bytes() == before


def test_issue_register_workbook_is_not_imported_into_the_role_matrix(shiomi: Path, lang: str) -> None:
    invoke(["export", "issues", "-o", "issues.xlsx", "--lang", lang])
    before = (shiomi / "roles.yaml").read_bytes()
    result = invoke(["import", "issues.xlsx", "--lang", lang], exit=2)
    assert "issues" in result.stderr and "roles" in result.stderr
    assert (shiomi / "roles.yaml").read_bytes() == before
