"""Dates as people type them (2026/4/1, 2026年4月1日, 令和8年4月1日, R8.4.1) and as they read them."""

from __future__ import annotations

import datetime as dt

import pytest

from dxkit.dates import format_date, parse_date

APRIL_1 = dt.date(2026, 4, 1)


@pytest.mark.parametrize(
    "text",
    [
        "2026-04-01",
        "2026-4-1",
        "2026/4/1",
        "2026/04/01",
        "2026.4.1",
        "２０２６／４／１",
        "2026年4月1日",
        "2026年04月01日",
        "2026年4月1日（水）",
        "2026年4月1日(水曜日)",
        "令和8年4月1日",
        "令和８年４月１日",
        "令和 8 年 4 月 1 日（水）",
        "R8.4.1",
        "r8.4.1",
        "R08/04/01",
        "Ｒ８．４．１",
        " 2026/4/1 ",
    ],
)
def test_every_form_a_person_types_is_understood(text: str) -> None:
    assert parse_date(text) == APRIL_1


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("令和元年5月1日", dt.date(2019, 5, 1)),
        ("平成31年4月30日", dt.date(2019, 4, 30)),
        ("H31.4.30", dt.date(2019, 4, 30)),
        ("平成元年1月8日", dt.date(1989, 1, 8)),
        ("昭和64年1月7日", dt.date(1989, 1, 7)),
        ("S50.10.10", dt.date(1975, 10, 10)),
    ],
)
def test_era_dates_follow_the_era_calendar(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "",
        "tomorrow",
        "2026-02-30",
        "2026/13/1",
        "2026/4",
        "4/1",
        "1/4/2026",
        "2026年4月",
        "平成31年5月1日",  # 平成 ended on 30 April 2019
        "令和元年4月30日",  # 令和 began on 1 May 2019
        "令和0年5月1日",
        "昭和64年1月8日",
        "X8.4.1",
        "2026-04-01T10:00",
        "2026/4/1/2",
    ],
)
def test_anything_else_is_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_dates_read_as_people_read_them() -> None:
    day = dt.date(2026, 12, 13)
    assert format_date(day, "ja") == "2026年12月13日（日）"
    assert format_date(day, "ja", japanese_era=True) == "令和8年12月13日（日）"
    assert format_date(dt.date(2019, 5, 1), "ja", japanese_era=True) == "令和元年5月1日（水）"
    assert format_date(dt.date(2019, 4, 30), "ja", japanese_era=True) == "平成31年4月30日（火）"
    assert format_date(day, "en") == "Sun 13 Dec 2026"
    assert format_date(dt.date(2026, 4, 1), "en") == "Wed 1 Apr 2026"


def test_every_day_of_two_centuries_reads_back() -> None:
    day = dt.date(1927, 1, 1)
    while day < dt.date(2100, 1, 1):
        assert parse_date(day.isoformat()) == day
        assert parse_date(format_date(day, "ja")) == day
        assert parse_date(format_date(day, "ja", japanese_era=True)) == day
        day += dt.timedelta(days=1)
