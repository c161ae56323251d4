"""The cost plan's workbook: Japanese first, sums as formulas dxkit writes, people's text inert."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from dxkit.dates import format_fiscal_year
from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.model.plan import fiscal_years, plan_totals
from dxkit.render.plan_xlsx import render_plan_xlsx

TODAY = dt.date(2026, 10, 1)
FORMULA = '=HYPERLINK("http://evil.example","click me")'

CHARTER = """kind: consortium
version: 1
name: 汐見市地域DX推進協議会
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

PLAN = f"""kind: plan
version: 1
title: "@SUM(A1) 見守りの収支"
first_fiscal_year: 2027
costs:
  - {{id: C1, item: '{FORMULA}', type: running, amounts: [1200000, 1200000, 1200000], notes: "+1 見積もり"}}
  - {{id: C2, item: 電池の交換, type: renewal, amounts: [0, 0, 500000]}}
revenues:
  - {{id: R1, item: 利用料, point: fees, amounts: [400000, 600000, 800000]}}
shares:
  - {{id: S1, member: city, amounts: [600000, 400000, 600000]}}
  - {{id: S2, member: bank, amounts: [100000, 200000, 300000]}}
"""


def _consortium(*plans: str, charter: str = CHARTER) -> Consortium:
    c = Consortium(root=".", today=TODAY)
    c.add(load_text(charter, "consortium.yaml"))
    c.add(load_text(MEMBERS, "members.yaml"))
    for index, plan in enumerate(plans or (PLAN,)):
        c.add(load_text(plan, f"plan-{index}.yaml" if index else "plan.yaml"))
    return c


def _sheet(c: Consortium, lang: str, index: int = 0) -> Worksheet:
    book = load_workbook(io.BytesIO(render_plan_xlsx(c, lang)))
    return book.worksheets[index]


def _row(sheet: Worksheet, first_cell: str) -> int:
    """The row whose first cell (or third, for ratio and balance rows) reads ``first_cell``."""
    for row in sheet.iter_rows(min_row=1):
        if first_cell in (row[0].value, row[2].value):
            return row[0].row
    raise AssertionError(f"no row {first_cell!r}")


def test_plan_totals_add_up_each_year_and_find_the_short_ones() -> None:
    (plan,) = _consortium().plans
    totals = plan_totals(plan)
    assert totals.costs == (1_200_000, 1_200_000, 1_700_000)
    assert totals.revenues == (400_000, 600_000, 800_000)
    assert totals.shares == (700_000, 600_000, 900_000)
    assert totals.balance == (-100_000, 0, 0)
    assert totals.short_years() == [0]
    assert fiscal_years(plan) == (2027, 2028, 2029)


@pytest.mark.parametrize(
    ("year", "lang", "era", "shown"),
    [
        (2027, "ja", False, "2027年度"),
        (2027, "ja", True, "令和9年度"),
        (2019, "ja", True, "令和元年度"),
        (2018, "ja", True, "平成30年度"),
        (2027, "en", True, "FY2027"),
    ],
)
def test_fiscal_years_read_as_people_name_them(year: int, lang: str, era: bool, shown: str) -> None:
    assert format_fiscal_year(year, lang, japanese_era=era) == shown


@pytest.mark.parametrize(
    ("lang", "title", "heads", "costs", "verdict"),
    [
        (
            "ja",
            "収支計画",
            ["区分", "ID", "項目", "種類", "2027年度", "2028年度", "2029年度", "3か年計", "メモ"],
            "費用の合計",
            "均衡",
        ),
        (
            "en",
            "Cost plan",
            ["Section", "Id", "Item", "Type", "FY2027", "FY2028", "FY2029", "Three years", "Notes"],
            "Total costs",
            "Balanced",
        ),
    ],
)
def test_sheet_reads_in_the_readers_language(lang: str, title: str, heads: list[str], costs: str, verdict: str) -> None:
    sheet = _sheet(_consortium(), lang)
    assert sheet.title == title
    assert sheet["A1"].value == "@SUM(A1) 見守りの収支"
    assert [cell.value for cell in sheet[4]] == heads
    assert _row(sheet, costs) == 7
    assert verdict in str(sheet.cell(row=_row(sheet, "判定" if lang == "ja" else "Verdict"), column=5).value)
    labels = {
        "ja": ("運営費", "更新費", "利用料", "自治体"),
        "en": ("Running cost", "Renewal", "User fees", "Municipality"),
    }
    shown = [sheet.cell(row=r, column=4).value for r in (5, 6, 8, 10)]
    assert shown == list(labels[lang])
    assert sheet.cell(row=10, column=3).value == "=1+1 汐見市"  # the member's name, as text


def test_era_headings_follow_the_charter() -> None:
    sheet = _sheet(_consortium(charter=CHARTER + "calendar: japanese-era\n"), "ja")
    assert [sheet.cell(row=4, column=c).value for c in (5, 6, 7)] == ["令和9年度", "令和10年度", "令和11年度"]


def test_sums_are_formulas_and_amounts_are_yen() -> None:
    sheet = _sheet(_consortium(), "ja")
    assert sheet["E5"].value == 1_200_000 and sheet["E5"].number_format == '#,##0"円";[Red]-#,##0"円"'
    assert sheet["H5"].value == "=SUM(E5:G5)"
    assert sheet["E7"].value == "=SUM(E5:E6)" and sheet["H7"].value == "=SUM(H5:H6)"
    balance = _row(sheet, "収支（収入＋負担−費用）")
    assert sheet.cell(row=balance, column=5).value == "=E9+E12-E7"
    ratio = _row(sheet, "費用のうち収入でまかなう割合")
    assert sheet.cell(row=ratio, column=6).value == "=IF(F7=0,0,F9/F7)"
    assert sheet.cell(row=ratio, column=6).number_format == "0.0%"
    assert _row(sheet, "費用のうち汐見信用金庫が負担する割合") == ratio + 2
    verdict = sheet.cell(row=balance + 1, column=5).value
    assert verdict == f'=IF(E{balance}>=0,"均衡","不足")'


def test_text_typed_by_people_is_never_a_formula() -> None:
    sheet = _sheet(_consortium(), "en")
    assert sheet["C5"].value == FORMULA and sheet["C5"].data_type == "s"
    assert sheet["I5"].value == "+1 見積もり" and sheet["I5"].data_type == "s"
    assert sheet["A1"].data_type == "s"
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                # only dxkit's sums: in the amount columns, built from cell references and its own words
                assert cell.column in (5, 6, 7, 8), cell.coordinate
                assert "HYPERLINK" not in str(cell.value) and "汐見" not in str(cell.value)


def test_each_plan_gets_a_sheet_of_its_own() -> None:
    second = PLAN.replace("@SUM(A1) 見守りの収支", "二つ目の計画")
    book = load_workbook(io.BytesIO(render_plan_xlsx(_consortium(PLAN, second), "ja")))
    assert book.sheetnames == ["収支計画 1", "収支計画 2"]
    assert book.worksheets[1]["A1"].value == "二つ目の計画"
    assert book.calculation.fullCalcOnLoad


def test_a_plan_without_revenues_or_shares_still_balances_by_formula() -> None:
    bare = "kind: plan\nversion: 1\ntitle: 最小\nfirst_fiscal_year: 2030\ncosts:\n"
    bare += "  - {id: C1, item: 通信費, type: running, amounts: [1, 2, 3]}\n"
    sheet = _sheet(_consortium(bare), "ja")
    assert sheet["E4"].value == "2030年度"
    assert sheet.cell(row=_row(sheet, "収入の合計"), column=5).value == 0
    assert sheet.cell(row=_row(sheet, "負担の合計"), column=5).value == 0
