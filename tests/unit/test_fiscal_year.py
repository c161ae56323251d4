"""status lists deadlines under their 年度 (April to March)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dxkit import dates
from dxkit.analyses import status
from dxkit.dates import fiscal_year
from tests.helpers import invoke


@pytest.mark.parametrize(
    ("date", "year"),
    [
        (dt.date(2026, 4, 1), 2026),
        (dt.date(2027, 3, 31), 2026),
        (dt.date(2027, 1, 1), 2026),
        (dt.date(2026, 3, 31), 2025),
        (dt.date(2026, 12, 31), 2026),
    ],
)
def test_fiscal_year_begins_in_april(date: dt.date, year: int) -> None:
    assert fiscal_year(date) == year


def test_status_uses_the_one_fiscal_year_in_dates() -> None:
    # One definition of 年度: status reads it from dxkit.dates rather than keeping a copy.
    assert status.fiscal_year is dates.fiscal_year


def _task(task_id: str, due: str) -> str:
    return (
        f"  - id: {task_id}\n    title: {task_id} の作業\n    stage: planning\n    responsible: [city]\n"
        f'    accountable: city\n    due: "{due}"\n    done_criteria: 記録がある\n    status: in-progress\n'
    )


def test_status_groups_deadlines_by_fiscal_year(tmp_path: Path, lang: str) -> None:
    (tmp_path / "roles.yaml").write_text(
        "kind: roles\nversion: 1\ntasks:\n" + _task("T-001", "2026-03-10") + _task("T-002", "2026-05-12"),
        encoding="utf-8",
    )
    args = ["status", str(tmp_path), "--lang", lang, "--today", "2026-06-01"]
    out = invoke(args, env={"COLUMNS": "100"}).stdout
    first, second = ("2025年度", "2026年度") if lang == "ja" else ("FY2025", "FY2026")
    assert first in out and second in out
    assert out.index(first) < out.index("T-001") < out.index(second) < out.index("T-002")
    data = json.loads(invoke([*args, "--format", "json"]).stdout)
    assert [line["fiscal_year"] for line in data["overdue_unexplained"]] == [2025, 2026]
