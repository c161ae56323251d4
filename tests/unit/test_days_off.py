"""Weekends, national holidays and 年末年始, with fixed dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dxkit.days_off import day_off, holiday_name
from dxkit.scaffold import sample_day
from dxkit.validate import check_paths

D = dt.date


@pytest.mark.parametrize(
    ("date", "kind"),
    [
        (D(2027, 1, 1), "holiday"),  # 元日, a Friday, also in 年末年始: the holiday is named
        (D(2027, 1, 2), "new-year"),  # a Saturday in 年末年始
        (D(2026, 12, 29), "new-year"),  # a Tuesday
        (D(2027, 1, 3), "new-year"),
        (D(2026, 9, 19), "weekend"),  # a Saturday
        (D(2026, 9, 20), "weekend"),  # a Sunday
        (D(2026, 5, 6), "holiday"),  # 振替休日: 憲法記念日 fell on a Sunday
        (D(2026, 9, 24), None),  # a Thursday
        (D(2026, 12, 28), None),  # the last working day of the year
        (D(2027, 1, 4), None),  # the first working day of the year
    ],
)
def test_day_off(date: dt.date, kind: str | None) -> None:
    found = day_off(date)
    assert (found.kind if found else None) == kind


def test_the_reason_is_said_in_both_languages() -> None:
    found = day_off(D(2027, 1, 1))
    assert found is not None
    assert found.why["ja"] == "祝日（元日）"
    assert found.why["en"] == "a national holiday (New Year's Day)"
    saturday = day_off(D(2026, 9, 19))
    assert saturday is not None and saturday.why == {"ja": "土曜日", "en": "a Saturday"}
    assert holiday_name(D(2026, 9, 21), "ja") == "敬老の日"


def test_sample_dates_ahead_fall_on_working_days() -> None:
    friday = D(2026, 12, 25)
    assert sample_day(friday, 1) == D(2026, 12, 28)  # past the weekend
    assert sample_day(friday, 4) == D(2027, 1, 4)  # past 年末年始 and 元日
    assert sample_day(friday, -6) == D(2026, 12, 19)  # a past Saturday is kept
    assert all(day_off(sample_day(friday, n)) is None for n in range(1, 400))


def test_a_task_and_a_workshop_on_new_year_s_day_are_warned_of(tmp_path: Path, lang: str) -> None:
    (tmp_path / "roles.yaml").write_text(
        "kind: roles\nversion: 1\ntasks:\n"
        "  - id: T-001\n    title: 計画\n    stage: planning\n    responsible: [city]\n    accountable: city\n"
        '    due: "2027-01-01"\n    done_criteria: 記録がある\n    status: not-started\n',
        encoding="utf-8",
    )
    (tmp_path / "workshops").mkdir()
    (tmp_path / "workshops" / "w.yaml").write_text(
        'kind: workshop\nversion: 1\ntype: issue-discovery\ntitle: 会\ndate: "2027-01-02"\n'
        "duration_minutes: 60\nagenda:\n  - title: 話す\n    minutes: 60\n",
        encoding="utf-8",
    )
    report = check_paths([str(tmp_path)], lang=lang, today=D(2026, 6, 1))
    by_code = {f.code: f.message for f in report.findings}
    assert set(by_code) == {"DX308", "DX701"}
    if lang == "ja":
        assert "2027年1月1日（金）" in by_code["DX308"] and "祝日（元日）" in by_code["DX308"]
        assert "年末年始" in by_code["DX701"]
    else:
        assert "Fri 1 Jan 2027" in by_code["DX308"] and "New Year's Day" in by_code["DX308"]
        assert "New Year holidays" in by_code["DX701"]


def test_the_kept_table_is_what_the_holidays_package_says() -> None:
    """``holidays_jp.json`` answers for the package; a new release that changes a holiday fails here
    until ``python -m dxkit.days_off --write`` is run."""
    from dxkit import days_off

    assert days_off.TABLE.read_text(encoding="utf-8") == days_off.table_text()
    first, last = days_off.TABLE_YEARS
    for year in (first, 2026, 2027, last):
        for lang in ("ja", "en"):
            assert days_off._holidays(year, lang) == days_off.package_holidays(year, lang)


def test_a_year_outside_the_table_asks_the_package() -> None:
    from dxkit import days_off

    last = days_off.TABLE_YEARS[1]
    assert holiday_name(D(last + 1, 1, 1), "ja") == "元日"
    assert holiday_name(D(last + 1, 1, 1), "en") == "New Year's Day"
    assert holiday_name(D(1980, 5, 3), "ja") == "憲法記念日"
