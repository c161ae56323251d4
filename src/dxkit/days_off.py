"""Days on which offices in Japan are closed: weekends, national holidays and 年末年始.

National holidays come from the maintained ``holidays`` package (its Japan calendar, which
follows the 国民の祝日に関する法律, substitute holidays and 国民の休日 included), not from a
list of our own that would go stale. 年末年始 is 29 December to 3 January, the days a
municipal office is closed (行政機関の休日に関する法律 第1条).

Importing that package and building its calendar with translations takes longer than the
rest of checking a small consortium (about 0.1 s of a 0.2 s ``dxkit validate``), so its
answers for :data:`TABLE_YEARS` are kept in ``holidays_jp.json`` beside this module,
written from the package by ``python -m dxkit.days_off --write``; a test and ``--check`` keep
the table equal to the package, and a year outside it asks the package itself.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dxkit.i18n import LANGS, translate

#: The years whose holidays are kept in :data:`TABLE` (first, last).
TABLE_YEARS = (1990, 2060)

#: The table of the package's answers, one mapping of ISO date to name per language.
TABLE = Path(__file__).with_name("holidays_jp.json")

#: The package's language for each of dxkit's languages.
_PACKAGE_LANGUAGE = {"ja": "ja", "en": "en_US"}

#: The closed days at the turn of the year: (month, day) from 29 December to 3 January.
NEW_YEAR_DAYS = frozenset({(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)})

_WEEKDAY = {5: "dayoff.saturday", 6: "dayoff.sunday"}


@dataclass(frozen=True)
class DayOff:
    """Why a date is a day off: ``holiday`` (with its name), ``new-year`` or ``weekend``."""

    kind: str
    #: The reason as a person reads it, in each language.
    why: dict[str, str]


def package_holidays(year: int, lang: str) -> dict[dt.date, str]:
    """The national holidays of ``year`` with their names in ``lang``, as the ``holidays`` package gives them."""
    import holidays

    calendar = holidays.country_holidays("JP", years=year, language=_PACKAGE_LANGUAGE[lang])
    return dict(sorted(calendar.items()))


@cache
def _table() -> dict[str, dict[str, str]]:
    names: dict[str, dict[str, str]] = json.loads(TABLE.read_text(encoding="utf-8"))["holidays"]
    return names


@cache
def _holidays(year: int, lang: str) -> dict[dt.date, str]:
    first, last = TABLE_YEARS
    if not first <= year <= last:
        return package_holidays(year, lang)
    prefix = f"{year:04d}-"
    return {dt.date.fromisoformat(day): name for day, name in _table()[lang].items() if day.startswith(prefix)}


def holiday_name(date: dt.date, lang: str) -> str | None:
    """The name of the national holiday on ``date`` in ``lang`` (``元日``, ``New Year's Day``), or ``None``."""
    return _holidays(date.year, "ja" if lang == "ja" else "en").get(date)


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


def table_text() -> str:
    """The text of ``holidays_jp.json``, from the ``holidays`` package."""
    first, last = TABLE_YEARS
    names = {
        lang: {
            day.isoformat(): name
            for year in range(first, last + 1)
            for day, name in package_holidays(year, lang).items()
        }
        for lang in LANGS
    }
    document = {
        "source": "the holidays package, country JP; written by python -m dxkit.days_off --write",
        "years": [first, last],
        "holidays": names,
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    from dxkit import generated

    def build(root: Path) -> dict[Path, str]:
        return {root / "src" / "dxkit" / TABLE.name: table_text()}

    return generated.main("python -m dxkit.days_off", build, argv)


if __name__ == "__main__":
    raise SystemExit(main())
