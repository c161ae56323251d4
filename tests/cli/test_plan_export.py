"""``dxkit export plan``: the cost plan as a workbook whose formulas LibreOffice computes right.

LibreOffice opens the exported workbook headless and saves it as CSV: the totals, ratios and the
balance it computed from dxkit's formulas must equal the sums of the plan itself. Skipped only
where ``soffice`` is missing and ``CI`` is not set.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from dxkit.loading import load_file
from tests.conftest import ROOT
from tests.helpers import convert_with_libreoffice, find_soffice, invoke

#: LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1; cells as shown (formatted).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true"
DAY = ["--today", "2026-10-01"]


def _yen(text: str) -> int:
    return int(text.replace("円", "").replace("¥", "").replace(",", ""))


def _column_sums(plan: dict[str, list[dict[str, list[int]]]], key: str) -> list[int]:
    return [sum(entry["amounts"][i] for entry in plan.get(key, [])) for i in range(3)]


@pytest.fixture(scope="module")
def soffice() -> str:
    return find_soffice("libreoffice-calc-nogui")


def _copy(tmp_path: Path, lang: str) -> Path:
    folder = tmp_path / f"shiomi-{lang}"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
    return folder


def _computed(soffice: str, folder: Path, lang: str, out: Path) -> dict[str, list[str]]:
    """The rows LibreOffice computed, by their first text (the third for ratio and balance rows)."""
    workbook = out / f"plan-{lang}.xlsx"
    invoke(["export", "plan", str(folder), "-o", str(workbook), "--lang", lang, *DAY])
    [converted] = convert_with_libreoffice(soffice, [workbook], CSV_FILTER, out / "lo")
    rows = list(csv.reader(converted.read_text(encoding="utf-8").splitlines()))
    found: dict[str, list[str]] = {}
    for row in rows:
        if row and row[0]:
            found.setdefault(row[2] if row[2] and not row[1] else row[0], row)
    return found


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("ja", ("費用の合計", "収入の合計", "負担の合計", "収支（収入＋負担−費用）", "判定", "均衡", "不足")),
        (
            "en",
            (
                "Total costs",
                "Total revenues",
                "Total shares",
                "Balance (revenues + shares − costs)",
                "Verdict",
                "Balanced",
                "Short",
            ),
        ),
    ],
)
def test_libreoffice_computes_the_plans_totals_and_balance(
    soffice: str, tmp_path: Path, lang: str, words: tuple[str, ...]
) -> None:
    costs, revenues, shares, balance, verdict, balanced, short = words
    folder = _copy(tmp_path, lang)
    plan = load_file(folder / "plan.yaml").data
    rows = _computed(soffice, folder, lang, tmp_path)
    expected = {
        costs: _column_sums(plan, "costs"),
        revenues: _column_sums(plan, "revenues"),
        shares: _column_sums(plan, "shares"),
    }
    for name, sums in expected.items():
        assert [_yen(cell) for cell in rows[name][4:8]] == [*sums, sum(sums)], name
    assert [_yen(cell) for cell in rows[balance][4:8]] == [0, 0, 0, 0]
    assert rows[verdict][4:8] == [balanced] * 4
    # The revenues' share of the costs, as LibreOffice computed it, to one decimal place.
    ratio = next(row for key, row in rows.items() if row[4].endswith("%") and key != "")
    cost_sums, revenue_sums = expected[costs], expected[revenues]
    assert ratio[4] == f"{revenue_sums[0] / cost_sums[0]:.1%}"

    # A person lowers the city's share in the first year: the balance and the verdict follow.
    text = (folder / "plan.yaml").read_text(encoding="utf-8")
    (folder / "plan.yaml").write_text(text.replace("[10488000,", "[10388000,"), encoding="utf-8")
    rows = _computed(soffice, folder, lang, tmp_path / "short")
    assert [_yen(cell) for cell in rows[balance][4:8]] == [-100_000, 0, 0, -100_000]
    assert rows[verdict][4:8] == [short, balanced, balanced, short]


def test_export_plan_writes_plan_xlsx_and_the_gate_rule_sees_the_gap(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(tmp_path, lang)
    monkeypatch.chdir(tmp_path)
    result = invoke(["export", "plan", str(folder), "--lang", lang, *DAY])
    assert (tmp_path / "plan.xlsx").is_file()
    assert "plan.xlsx" in result.stdout + result.stderr
    text = (folder / "plan.yaml").read_text(encoding="utf-8")
    (folder / "plan.yaml").write_text(text.replace("[10488000,", "[10388000,"), encoding="utf-8")
    report = invoke(["validate", str(folder), "--lang", lang, "--select", "DX4", *DAY]).stdout
    assert "DX404" in report
    assert ("2027年度に100,000円足りません" if lang == "ja" else "FY2027 by ¥100,000") in report


def test_export_plan_without_a_plan_says_so(tmp_path: Path, lang: str) -> None:
    folder = _copy(tmp_path, lang)
    (folder / "plan.yaml").unlink()
    result = invoke(["export", "plan", str(folder), "--lang", lang, *DAY], exit=2)
    assert ("plan のファイル" if lang == "ja" else "has no valid plan file") in result.stderr
    report = invoke(["validate", str(folder), "--lang", lang, "--select", "DX403", *DAY]).stdout
    assert "DX403" in report and "G2" in report
    assert (
        "3か年の収支計画（plan.yaml）がありません" if lang == "ja" else "no three-year cost and revenue plan"
    ) in report
