"""Rules on retrospectives and on learning from them: DX6xx."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.rules.registry import Hit, rule

#: How long a consortium may go without looking back.
RETROSPECTIVE_INTERVAL_DAYS = 90
#: How much of a Try a message quotes.
_QUOTED = 40


@rule("DX601", "try-without-owner", Severity.WARNING, guide="projects/retrospectives.md")
def check_try_without_owner(c: Consortium) -> Iterator[Hit]:
    for item in c.iter_tries():
        action = item.action
        if not action.done and (action.owner is None or action.due is None):
            text = action.text if len(action.text) <= _QUOTED else action.text[: _QUOTED - 1] + "…"
            yield Hit(action.at, {"text": text})


@rule("DX602", "retrospective-overdue", Severity.WARNING, guide="projects/retrospectives.md")
def check_retrospective_overdue(c: Consortium) -> Iterator[Hit]:
    limit = dt.timedelta(days=RETROSPECTIVE_INTERVAL_DAYS)
    anchor = c.charter or (c.role_files[0] if c.role_files else None)
    if anchor is None:
        return
    newest = c.last_retrospective()
    if newest is not None:
        if c.today - newest.date > limit:
            yield Hit(
                newest.at / "date",
                {
                    "since": newest.date.isoformat(),
                    "days": (c.today - newest.date).days,
                    "limit": RETROSPECTIVE_INTERVAL_DAYS,
                },
            )
        return
    started = [task.start for task in c.tasks if task.start is not None]
    started += [workshop.date for workshop in c.workshops]
    if started and c.today - min(started) > limit:
        first = min(started)
        yield Hit(
            anchor.at / "kind",
            {"since": first.isoformat(), "days": (c.today - first).days, "limit": RETROSPECTIVE_INTERVAL_DAYS},
        )
