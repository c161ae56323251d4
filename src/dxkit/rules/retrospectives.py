"""Rules on retrospectives and on learning from them: DX6xx."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dxkit.analyses.status import iter_tries, last_activity
from dxkit.findings import Severity
from dxkit.rules import Consortium, Hit, rule

#: How long a consortium may go without looking back.
RETROSPECTIVE_INTERVAL_DAYS = 90


@rule("DX601", "try-without-owner", Severity.WARNING, guide="projects/retrospectives.md")
def check_try_without_owner(c: Consortium) -> Iterator[Hit]:
    for doc, path, item in iter_tries(c):
        if not item.get("done") and ("owner" not in item or "due" not in item):
            text = item["text"] if len(item["text"]) <= 40 else item["text"][:39] + "…"
            yield Hit(doc, path, {"text": text})


@rule("DX602", "retrospective-overdue", Severity.WARNING, guide="projects/retrospectives.md")
def check_retrospective_overdue(c: Consortium) -> Iterator[Hit]:
    limit = dt.timedelta(days=RETROSPECTIVE_INTERVAL_DAYS)
    last = last_activity(c)
    anchor = c.charter or c.roles
    if anchor is None:
        return
    if last is not None:
        if c.today - last > limit:
            newest = max(c.retrospectives, key=lambda d: d.data["date"])
            yield Hit(
                newest,
                ("date",),
                {"last": last.isoformat(), "days": (c.today - last).days, "limit": RETROSPECTIVE_INTERVAL_DAYS},
            )
        return
    started = [dt.date.fromisoformat(t["start"]) for t in (c.roles.data["tasks"] if c.roles else []) if "start" in t]
    started += [dt.date.fromisoformat(w.data["date"]) for w in c.workshops]
    if started and c.today - min(started) > limit:
        first = min(started).isoformat()
        yield Hit(
            anchor,
            ("kind",),
            {"last": first, "days": (c.today - min(started)).days, "limit": RETROSPECTIVE_INTERVAL_DAYS},
        )
