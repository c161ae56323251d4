"""Rules on workshop plans (``workshops/*.yaml``): DX7xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.days_off import day_off
from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.rules.registry import Hit, rule, shown_date


@rule("DX701", "workshop-on-day-off", Severity.WARNING, guide="discovery/workshops.md")
def check_workshop_on_day_off(c: Consortium) -> Iterator[Hit]:
    for workshop in c.workshops:
        if workshop.date < c.today:
            continue  # held already: nothing left to plan
        off = day_off(workshop.date)
        if off is not None:
            yield Hit(
                workshop.at / "date",
                {"title": workshop.title, "date": shown_date(workshop.date, c), "why": off.why},
            )
