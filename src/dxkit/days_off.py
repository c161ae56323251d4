"""Days on which offices in Japan are closed: weekends, national holidays and 年末年始.

National holidays come from the maintained ``holidays`` package (its Japan calendar, which
follows the 国民の祝日に関する法律, substitute holidays and 国民の休日 included), not from a
list of our own that would go stale. 年末年始 is 29 December to 3 January, the days a
municipal office is closed (行政機関の休日に関する法律 第1条).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from dxkit.i18n import LANGS, translate

#: The closed days at the turn of the year: (month, day) from 29 December to 3 January.
NEW_YEAR_DAYS = frozenset({(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)})

_WEEKDAY = {5: "dayoff.saturday", 6: "dayoff.sunday"}


@dataclass(frozen=True)
class DayOff:
    """Why a date is a day off: ``holiday`` (with its name), ``new-year`` or ``weekend``."""

    kind: str
    #: The reason as a person reads it, in each language.
    why: dict[str, str]


@cache
def _holidays(year: int, language: str) -> dict[dt.date, str]:
    import holidays

    return dict(holidays.country_holidays("JP", years=year, language=language).items())


def holiday_name(date: dt.date, lang: str) -> str | None:
    """The name of the national holiday on ``date`` in ``lang`` (``元日``, ``New Year's Day``), or ``None``."""
    return _holidays(date.year, "ja" if lang == "ja" else "en_US").get(date)


def day_off(date: dt.date) -> DayOff | None:
    """Why ``date`` is a day off, or ``None`` for a working day.

    A holiday is named first, then 年末年始, then the weekend: 1 January 2027 is 元日, though
    it is also in 年末年始; 2 January 2027, a Saturday, is 年末年始.
    """
    if holiday_name(date, "ja") is not None:
        names = {lang: holiday_name(date, lang) or "" for lang in LANGS}
        return DayOff("holiday", {lang: translate("dayoff.holiday", lang, name=names[lang]) for lang in LANGS})
    if (date.month, date.day) in NEW_YEAR_DAYS:
        return DayOff("new-year", {lang: translate("dayoff.new_year", lang) for lang in LANGS})
    if date.weekday() in _WEEKDAY:
        return DayOff("weekend", {lang: translate(_WEEKDAY[date.weekday()], lang) for lang in LANGS})
    return None
