"""Exports show labels, names and readable dates; import maps them back to codes, ids and ISO dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dxkit.labels import all_labels, label
from dxkit.loading import load_file
from dxkit.sheet import SHEETS, header, header_key
from tests.conftest import ROOT
from tests.helpers import invoke

TODAY = "2026-10-01"
# Columns of the role sheet (1-based, as openpyxl counts them).
TITLE, STAGE, RESPONSIBLE, ACCOUNTABLE, CONSULTED, START, DUE, STATUS, NEW_DUE = 2, 3, 4, 5, 6, 8, 9, 13, 16


@pytest.fixture
def shiomi(tmp_path: Path, lang: str, monkeypatch) -> Path:
    dest = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    monkeypatch.chdir(dest)
    return dest


def _export(folder: Path, lang: str, kind: str = "roles", fmt: str = "xlsx") -> Path:
    target = folder / f"{kind}.{fmt}"
    invoke(["export", kind, str(folder), "-f", fmt, "-o", str(target), "--lang", lang, "--today", TODAY])
    return target


def _members(folder: Path) -> dict[str, str]:
    return {m["id"]: m["name"] for m in load_file(folder / "members.yaml").data["members"]}


def _tasks(folder: Path) -> dict[str, dict]:
    return {t["id"]: t for t in load_file(folder / "roles.yaml").data["tasks"]}


def _rows(sheet) -> dict[str, int]:
    return {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}


def _codes_that_differ_from_their_japanese_label() -> set[str]:
    return {code for labels in all_labels().values() for code, texts in labels.items() if texts.get("ja") != code}


# -- what an export shows ----------------------------------------------------------------------


def test_cells_show_labels_names_and_dates_as_people_read_them(shiomi: Path, lang: str) -> None:
    book = load_workbook(_export(shiomi, lang))
    sheet, members, baseline = book.worksheets
    names = _members(shiomi)
    tasks = _tasks(shiomi)
    row = _rows(sheet)["T-001"]
    task = tasks["T-001"]
    separator = "、" if lang == "ja" else ", "
    assert sheet.cell(row, STAGE).value == label("stage", task["stage"], lang)
    assert sheet.cell(row, STATUS).value == label("Task.status", task["status"], lang)
    assert sheet.cell(row, RESPONSIBLE).value == separator.join(names[m] for m in task["responsible"])
    assert sheet.cell(row, ACCOUNTABLE).value == names[task["accountable"]]
    assert [c.value for c in sheet[1]][:3] == [header("roles", column, lang) for column in SHEETS["roles"][1][:3]]
    assert not any("(" in str(c.value) and ")" in str(c.value) and "_" in str(c.value) for c in sheet[1])
    # The member sheet reads as the drop-down of A lists it: names and their kind, no ids.
    assert members.cell(1, 1).value == ("名称" if lang == "ja" else "Name")
    assert [members.cell(r, 1).value for r in range(2, members.max_row + 1)] == list(names.values())
    assert members.cell(2, 2).value == label("memberType", "municipality", lang)
    # The hidden baseline keeps what the file holds: codes, ids, ISO dates.
    keys = [c.value for c in baseline[3]]
    base = next(r for r in baseline.iter_rows(min_row=4, values_only=True) if r[0] == "T-001")
    assert base[keys.index("status")] == task["status"]
    assert base[keys.index("responsible")] == ", ".join(task["responsible"])
    assert base[keys.index("due")] == task["due"]


def test_markdown_prints_dates_with_the_weekday_and_csv_keeps_iso(shiomi: Path, lang: str) -> None:
    from dxkit.dates import format_date

    due = dt.date.fromisoformat(_tasks(shiomi)["T-001"]["due"])
    md = invoke(["export", "roles", "-f", "md", "--lang", lang]).stdout
    line = next(line for line in md.splitlines() if line.startswith("| T-001 "))
    assert f" {format_date(due, lang)} " in line and due.isoformat() not in line
    text = invoke(["export", "roles", "-f", "csv", "--lang", lang]).stdout
    row = next(r for r in csv.reader(io.StringIO(text)) if r and r[0] == "T-001")
    assert row[DUE - 1] == due.isoformat()


def test_drop_downs_list_labels_and_member_names(shiomi: Path, lang: str) -> None:
    book = load_workbook(_export(shiomi, lang, "issues"))
    sheet = book.worksheets[0]
    formulas = [v.formula1 for v in sheet.data_validations.dataValidation]
    priorities = ",".join(label("Issue.priority", code, lang) for code in ("high", "medium", "low"))
    assert f'"{priorities}"' in formulas
    # A label holding a comma ("Health, medical and care") cannot sit in a formula list: the
    # choices are cells of a hidden sheet, and the formula points at them.
    categories = [label("field", code, lang) for code in all_labels()["field"]]
    if any("," in text for text in categories):
        choices = book[book.sheetnames[2]]
        assert choices.sheet_state == "hidden"
        ref = next(f for f in formulas if f.startswith(f"'{choices.title}'!"))
        cells = choices[ref.split("!")[1].replace("$", "")]
        assert [c.value for c in cells[0]] == categories
    else:
        assert '"' + ",".join(categories) + '"' in formulas
    roles = load_workbook(_export(shiomi, lang))
    dates = [v for v in roles.worksheets[0].data_validations.dataValidation if v.type == "date"]
    assert dates and all(v.errorStyle == "warning" for v in dates)  # 令和8年4月1日 typed as text may stay
    members = roles.worksheets[1]
    ref = next(v.formula1 for v in roles.worksheets[0].data_validations.dataValidation if "$A$2" in (v.formula1 or ""))
    assert ref.startswith(f"'{members.title}'!")
    assert [c.value for c in members["A"][1:]] == list(_members(shiomi).values())


@pytest.mark.parametrize("lang", ["ja"])
@pytest.mark.parametrize("source", ["example", "scaffold"])
@pytest.mark.parametrize("kind", ["roles", "issues"])
def test_japanese_export_holds_no_code_and_no_member_id(
    shiomi: Path, tmp_path: Path, lang: str, source: str, kind: str
) -> None:
    if source == "scaffold":
        from tests.conftest import scaffold

        shiomi = scaffold(tmp_path / "scaffolded", lang)
    codes = _codes_that_differ_from_their_japanese_label()
    ids = set(_members(shiomi))
    assert {"in-progress", "planning", "high", "municipality", "not-started"} <= codes

    def check(where: str, value: object) -> None:
        if value is None or isinstance(value, dt.datetime | int | float):
            return
        text = str(value)
        parts = {text, *(part.strip() for part in re.split(r"[、,/]", text))}
        assert not parts & codes, (where, text)
        assert not parts & ids, (where, text)

    book = load_workbook(_export(shiomi, lang, kind))
    assert book.worksheets[-1].title == "dxkit-baseline"
    cells = 0
    for sheet in book.worksheets[:-1]:  # every sheet but the hidden baseline, which keeps the codes
        for row in sheet.iter_rows():
            for cell in row:
                check(f"{sheet.title}!{cell.coordinate}", cell.value)
                cells += 1
        for rule in sheet.data_validations.dataValidation:
            for choice in (rule.formula1 or "").strip('"').split(","):
                check(f"{sheet.title} drop-down", choice)
    assert cells > 50
    text = _export(shiomi, lang, kind, "csv").read_text(encoding="utf-8-sig")
    for number, row in enumerate(csv.reader(io.StringIO(text))):
        for value in row:
            check(f"csv row {number}", value)


def test_calendar_and_gantt_show_labels_and_names(shiomi: Path, lang: str) -> None:
    from icalendar import Calendar

    calendar = Calendar.from_ical(_export(shiomi, lang, "roles", "ics").read_bytes())
    task = _tasks(shiomi)["T-001"]
    event = next(e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("T-001."))
    description = str(event["description"])
    assert _members(shiomi)[task["accountable"]] in description
    assert label("Task.status", task["status"], lang) in description
    assert task["accountable"] not in description.replace(_members(shiomi)[task["accountable"]], "")
    assert [str(c) for c in event["categories"].cats] == [label("stage", task["stage"], lang)]
    gantt = invoke(["export", "roles", "-f", "mermaid", "--lang", lang, "--today", TODAY]).stdout
    assert f"section {label('stage', 'planning', lang)}" in gantt


# -- what an import reads back -----------------------------------------------------------------


def test_round_trip_maps_labels_names_and_japanese_dates_back(shiomi: Path, lang: str) -> None:
    path = _export(shiomi, lang)
    names = _members(shiomi)
    ids = list(names)
    other = "en" if lang == "ja" else "ja"
    book = load_workbook(path)
    sheet = book.worksheets[0]
    rows = _rows(sheet)
    separator = "、" if lang == "ja" else ", "
    sheet.cell(rows["T-002"], STATUS).value = label("Task.status", "done", lang)
    sheet.cell(rows["T-003"], STATUS).value = label("Task.status", "blocked", other)  # the other language
    sheet.cell(rows["T-004"], STATUS).value = "cancelled"  # the code itself
    sheet.cell(rows["T-005"], STAGE).value = label("stage", "implementation", other)
    sheet.cell(rows["T-006"], RESPONSIBLE).value = separator.join([names[ids[1]], names[ids[2]]])
    sheet.cell(rows["T-006"], ACCOUNTABLE).value = names[ids[2]]
    sheet.cell(rows["T-007"], CONSULTED).value = f"{names[ids[0]]}；{ids[3]}"  # a name and an id
    sheet.cell(rows["T-008"], DUE).value = "令和8年12月24日"
    sheet.cell(rows["T-009"], DUE).value = "2026/4/1"
    sheet.cell(rows["T-010"], START).value = "R8.4.1"
    sheet.cell(rows["T-011"], DUE).value = "２０２７年１月８日（金）"
    new = [None] * 16
    new[:5] = ["T-040", "新しいタスク", label("stage", "demonstration", lang), names[ids[1]], names[ids[1]]]
    new[DUE - 1], new[STATUS - 1] = "2027年5月31日", label("Task.status", "not-started", lang)
    sheet.append(new)
    book.save(path)
    before = _tasks(shiomi)
    invoke(["import", str(path), "--lang", lang])
    after = _tasks(shiomi)
    assert after["T-002"] == {**before["T-002"], "status": "done"}
    assert after["T-003"] == {**before["T-003"], "status": "blocked"}
    assert after["T-004"] == {**before["T-004"], "status": "cancelled"}
    assert after["T-005"] == {**before["T-005"], "stage": "implementation"}
    assert after["T-006"] == {**before["T-006"], "responsible": [ids[1], ids[2]], "accountable": ids[2]}
    assert after["T-007"] == {**before["T-007"], "consulted": [ids[0], ids[3]]}
    assert after["T-008"] == {**before["T-008"], "due": "2026-12-24"}
    assert after["T-009"] == {**before["T-009"], "due": "2026-04-01"}
    assert after["T-010"] == {**before["T-010"], "start": "2026-04-01"}
    assert after["T-011"] == {**before["T-011"], "due": "2027-01-08"}
    assert after["T-040"] == {
        "id": "T-040",
        "title": "新しいタスク",
        "stage": "demonstration",
        "responsible": [ids[1]],
        "accountable": ids[1],
        "due": "2027-05-31",
        "status": "not-started",
    }
    changed = {"T-002", "T-003", "T-004", "T-005", "T-006", "T-007", "T-008", "T-009", "T-010", "T-011", "T-040"}
    assert {k: v for k, v in after.items() if k not in changed} == {k: v for k, v in before.items() if k not in changed}
    text = (shiomi / "roles.yaml").read_text(encoding="utf-8")
    assert "令和" not in text and "2026/4/1" not in text and "R8.4.1" not in text


def test_untouched_export_with_names_holding_a_separator_imports_as_no_change(shiomi: Path, lang: str) -> None:
    members = shiomi / "members.yaml"
    first = next(iter(_members(shiomi).values()))
    members.write_text(members.read_text(encoding="utf-8").replace(first, "株式会社A、B支店, Ltd.", 1), "utf-8")
    before = (shiomi / "roles.yaml").read_bytes()
    path = _export(shiomi, lang)
    sheet = load_workbook(path).worksheets[0]
    assert any("株式会社A、B支店, Ltd." in str(c.value) for c in sheet["D"])
    result = invoke(["import", str(path), "--lang", lang])
    assert ("変更はありません" if lang == "ja" else "No changes") in result.stdout
    assert (shiomi / "roles.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("column", "typed", "expected"),
    [
        (STATUS, "完成", {"ja": ["「完成」", "「完了」のことですか", "未着手、進行中"], "en": ["'完成'", "'done'"]}),
        (STATUS, "finishd", {"ja": ["「finishd」", "選べる値: 未着手、進行中"], "en": ["'finishd'", "not started"]}),
        (STAGE, "実証", {"ja": ["「社会実証」のことですか"], "en": ["Did you mean 'demonstration'?"]}),
        (ACCOUNTABLE, "汐見信用金", {"ja": ["members.yaml", "「汐見信用金庫」のことですか"], "en": ["members.yaml"]}),
        (ACCOUNTABLE, "Shiomi Shinkin Bnk", {"ja": ["members.yaml"], "en": ["Did you mean 'Shiomi Shinkin Bank'?"]}),
        (DUE, "来週", {"ja": ["「来週」は日付として読めません", "令和8年4月1日"], "en": ["'来週' is not a date"]}),
    ],
)
def test_a_label_or_name_that_fits_nothing_is_a_bad_cell_with_the_choices(
    shiomi: Path, lang: str, column: int, typed: str, expected: dict[str, list[str]]
) -> None:
    path = _export(shiomi, lang)
    book = load_workbook(path)
    book.worksheets[0].cell(5, column).value = typed
    book.save(path)
    before = (shiomi / "roles.yaml").read_bytes()
    result = invoke(["import", str(path), "--lang", lang], exit=2)
    letter = "ABCDEFGHIJKLMNOP"[column - 1]
    line = next(line for line in result.stderr.splitlines() if typed in line)
    assert (f"5 行 {letter} 列" if lang == "ja" else f"row 5, column {letter}") in line
    for needle in expected[lang]:
        assert needle in line, (needle, line)
    assert (shiomi / "roles.yaml").read_bytes() == before


def test_a_name_two_members_share_is_named_with_its_id(shiomi: Path, lang: str) -> None:
    members = shiomi / "members.yaml"
    names = _members(shiomi)
    ids = list(names)
    text = members.read_text(encoding="utf-8")
    members.write_text(text.replace(names[ids[1]], names[ids[0]], 1), encoding="utf-8")
    assert list(_members(shiomi).values()).count(names[ids[0]]) == 2
    path = _export(shiomi, lang)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    with_id = f"{names[ids[0]]}（{ids[1]}）" if lang == "ja" else f"{names[ids[0]]} ({ids[1]})"
    assert with_id in [c.value for c in book.worksheets[1]["A"]]
    # Written back with its id, the name is understood; on its own it is ambiguous.
    row = _rows(sheet)["T-003"]
    sheet.cell(row, ACCOUNTABLE).value = with_id
    book.save(path)
    invoke(["import", str(path), "--lang", lang])
    assert _tasks(shiomi)["T-003"]["accountable"] == ids[1]
    sheet.cell(row, ACCOUNTABLE).value = names[ids[0]]
    book.save(path)
    result = invoke(["import", str(path), "--lang", lang], exit=2)
    assert ("複数います" if lang == "ja" else "More than one member") in result.stderr
    assert with_id in result.stderr


def test_headers_map_back_from_either_language_the_path_and_older_exports() -> None:
    for kind, (_, columns) in SHEETS.items():
        for column in columns:
            for text in (header(kind, column, "ja"), header(kind, column, "en"), column.key):
                assert header_key(kind, text) == column.key, (kind, text)
                assert header_key(kind, f"  {text.upper()} ") == column.key
            assert header_key(kind, f"{header(kind, column, 'ja')} ({column.key})") == column.key
    assert header_key("roles", "期限") == "due" and header_key("roles", "Due date") == "due"
    assert header_key("roles", "something else") is None
    assert not any("(" in header("roles", column, "ja") for column in SHEETS["roles"][1])


def test_headers_in_the_other_language_import(shiomi: Path, lang: str) -> None:
    path = _export(shiomi, lang)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    other = "en" if lang == "ja" else "ja"
    for index, column in enumerate(SHEETS["roles"][1], 1):
        sheet.cell(1, index).value = header("roles", column, other)
    sheet.cell(_rows(sheet)["T-013"], STATUS).value = label("Task.status", "blocked", lang)
    book.save(path)
    invoke(["import", str(path), "--lang", lang])
    assert _tasks(shiomi)["T-013"]["status"] == "blocked"


def test_import_report_names_columns_values_and_dates_as_people_read_them(shiomi: Path, lang: str) -> None:
    from dxkit.dates import format_date

    path = _export(shiomi, lang)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    rows = _rows(sheet)
    before = _tasks(shiomi)
    names = _members(shiomi)
    sheet.cell(rows["T-013"], STATUS).value = label("Task.status", "blocked", lang)
    sheet.cell(rows["T-014"], DUE).value = "2026/12/24"
    sheet.cell(rows["T-015"], ACCOUNTABLE).value = names[list(names)[2]]
    book.save(path)
    out = invoke(["import", str(path), "--dry-run", "--lang", lang]).stdout
    status = next(line for line in out.splitlines() if "T-013" in line)
    old_status = label("Task.status", before["T-013"]["status"], lang)
    assert (
        f"{header('roles', SHEETS['roles'][1][12], lang)}: {old_status} → {label('Task.status', 'blocked', lang)}"
        in (status)
    )
    due = next(line for line in out.splitlines() if "T-014" in line)
    assert format_date(dt.date(2026, 12, 24), lang) in due and "2026-12-24" not in due
    accountable = next(line for line in out.splitlines() if "T-015" in line)
    assert names[list(names)[2]] in accountable and list(names)[2] not in accountable.split("→")[1]


def test_a_workbook_of_an_older_export_with_codes_ids_and_keyed_headers_still_imports(shiomi: Path, lang: str) -> None:
    # Older exports wrote "期限 (due)" headers and codes, ids and ISO dates in the cells: the
    # baseline's rows are exactly such cells.
    path = _export(shiomi, lang)
    book = load_workbook(path)
    sheet, baseline = book.worksheets[0], book["dxkit-baseline"]
    keys = [c.value for c in baseline[3]]
    for index, key in enumerate(keys, 1):
        column = next(c for c in SHEETS["roles"][1] if c.key == key)
        sheet.cell(1, index).value = f"{header('roles', column, lang)} ({key})"
    for row_number, row in enumerate(baseline.iter_rows(min_row=4, values_only=True), 2):
        for index, value in enumerate(row, 1):
            sheet.cell(row_number, index).value = value
    book.save(path)
    before = (shiomi / "roles.yaml").read_bytes()
    result = invoke(["import", str(path), "--lang", lang])
    assert ("変更はありません" if lang == "ja" else "No changes") in result.stdout
    assert (shiomi / "roles.yaml").read_bytes() == before
