"""Dates as people in Japan type and read them.

Files keep ISO dates (``2026-04-01``). Where a person types a date — a command option, a cell
of an exported workbook — dxkit also understands what an input method or an office form
produces: ``2026/4/1``, ``2026.4.1``, ``2026年4月1日`` (with or without a weekday such as
``（水）``), full-width digits, and the Japanese era forms ``令和8年4月1日``, ``令和元年5月1日``
and ``R8.4.1`` (also 平成 H and 昭和 S). An era date outside its era (``平成31年5月1日``: 平成 ended
on 30 April 2019) is not a date.

The standard library has no reader for these forms and the packages that have one read many
more (English month names, relative dates) and guess between day-first and month-first; this
module reads exactly the forms above and nothing else, so a typing mistake is never taken for
another date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    start: dt.date
    end: dt.date | None  # the last day, None for the current era


ERAS: tuple[Era, ...] = (
    Era("令和", "R", dt.date(2019, 5, 1), None),
    Era("平成", "H", dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    Era("昭和", "S", dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
)
_BY_NAME = {era.name: era for era in ERAS} | {era.letter: era for era in ERAS}

_WEEKDAY = r"(?:\s*[(（]\s*[月火水木金土日]\s*(?:曜日?)?\s*[)）])?"
_MONTH_DAY = r"(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)"
_WESTERN = re.compile(r"(\d{4})\s*" + _MONTH_DAY + _WEEKDAY)
_ERA = re.compile(
    r"(令和|平成|昭和|[RHS])\s*(\d{1,2}|元)\s*" + _MONTH_DAY + _WEEKDAY,
    re.IGNORECASE,
)

_WEEKDAYS_JA = "月火水木金土日"
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` names in one of the forms of this module, or ``None``."""
    value = unicodedata.normalize("NFKC", text).strip()
    found = _WESTERN.fullmatch(value)
    if found:
        year, month, day = found.group(1), found.group(2) or found.group(4), found.group(3) or found.group(5)
        return _date(int(year), int(month), int(day))
    found = _ERA.fullmatch(value)
    if found:
        era = _BY_NAME[found.group(1).upper() if len(found.group(1)) == 1 else found.group(1)]
        number = 1 if found.group(2) == "元" else int(found.group(2))
        month, day = found.group(3) or found.group(5), found.group(4) or found.group(6)
        date = _date(era.start.year + number - 1, int(month), int(day))
        if date is None or number < 1 or date < era.start or (era.end is not None and date > era.end):
            return None
        return date
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def era_of(date: dt.date) -> tuple[Era, int] | None:
    """The era of ``date`` and its year in that era, or ``None`` before 昭和."""
    for era in ERAS:
        if date >= era.start:
            return era, date.year - era.start.year + 1
    return None


def format_date(date: dt.date, lang: str, *, japanese_era: bool = False) -> str:
    """``2026年12月13日（日）`` (``令和8年12月13日（日）`` with ``japanese_era``) or ``Sun 13 Dec 2026``."""
    if lang != "ja":  # named here, not by strftime, which follows the machine's locale
        return f"{_WEEKDAYS_EN[date.weekday()]} {date.day} {_MONTHS_EN[date.month - 1]} {date.year}"
    weekday = _WEEKDAYS_JA[date.weekday()]
    found = era_of(date) if japanese_era else None
    if found is None:
        return f"{date.year}年{date.month}月{date.day}日（{weekday}）"
    era, number = found
    year = "元" if number == 1 else str(number)
    return f"{era.name}{year}年{date.month}月{date.day}日（{weekday}）"


def format_month(year: int, month: int, lang: str, *, japanese_era: bool = False) -> str:
    """A month as :func:`format_date` writes it: ``2027年12月`` (``令和9年12月``) or ``Dec 2027``.

    The era is the one of the month's first day.
    """
    first = dt.date(year, month, 1)
    if lang != "ja":
        return f"{_MONTHS_EN[month - 1]} {year}"
    found = era_of(first) if japanese_era else None
    if found is None:
        return f"{year}年{month}月"
    era, number = found
    return f"{era.name}{'元' if number == 1 else number}年{month}月"


def format_fiscal_year(year: int, lang: str, *, japanese_era: bool = False) -> str:
    """A fiscal year (年度, April to March) as people name it: ``2027年度`` (``令和9年度``) or ``FY2027``.

    The era is the one in force at the end of the fiscal year, so 2019 reads 令和元年度.
    """
    if lang != "ja":
        return f"FY{year}"
    found = era_of(dt.date(year + 1, 3, 31)) if japanese_era else None
    if found is None:
        return f"{year}年度"
    era = found[0]
    number = year - era.start.year + 1
    return f"{era.name}{'元' if number == 1 else number}年度"
