"""Where the consortium stands today: deadlines, blocked work, load, gates, retrospectives."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dxkit.analyses import as_date
from dxkit.analyses.gates import GateSummary, summarise_gates
from dxkit.validate import DocumentView as Consortium

OPEN = ("not-started", "in-progress", "blocked")


@dataclass
class TaskLine:
    id: str
    title: str
    stage: str
    status: str
    due: str
    accountable: list[str]
    days: int  # days overdue (positive) or days left (for tasks due soon)
    reason: str | None = None
    recovery_plan: str | None = None
    new_due: str | None = None


@dataclass
class MemberLoad:
    member: str
    name: str
    accountable: int
    responsible: int
    open_tasks: int
    overdue: int


@dataclass
class TryLine:
    text: str
    owner: str | None
    due: str | None
    file: str
    date: str


@dataclass
class StatusReport:
    today: str
    stage: str | None
    tasks: int
    overdue_explained: list[TaskLine] = field(default_factory=list)
    overdue_unexplained: list[TaskLine] = field(default_factory=list)
    due_soon: list[TaskLine] = field(default_factory=list)
    blocked: list[TaskLine] = field(default_factory=list)
    load: list[MemberLoad] = field(default_factory=list)
    gates: list[GateSummary] = field(default_factory=list)
    open_tries: list[TryLine] = field(default_factory=list)
    last_retrospective: str | None = None
    days_since_retrospective: int | None = None


def _members(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _line(task: dict, days: int) -> TaskLine:
    delay = task.get("delay") or {}
    return TaskLine(
        id=task["id"],
        title=task["title"],
        stage=task["stage"],
        status=task["status"],
        due=task["due"],
        accountable=_members(task["accountable"]),
        days=days,
        reason=delay.get("reason"),
        recovery_plan=delay.get("recovery_plan"),
        new_due=delay.get("new_due"),
    )


def iter_tries(c: Consortium):
    """Every Try and countermeasure in the retrospectives, with where it came from."""
    for doc in c.retrospectives:
        data = doc.data
        items = [("kpt", "try", i, t) for i, t in enumerate(data.get("kpt", {}).get("try", []))]
        items += [
            ("failure_analysis", "countermeasures", i, t)
            for i, t in enumerate(data.get("failure_analysis", {}).get("countermeasures", []))
        ]
        for section, key, index, item in items:
            yield doc, (section, key, index), item


def build_status(c: Consortium, *, soon_days: int = 14) -> StatusReport:
    today = c.today
    report = StatusReport(
        today=today.isoformat(),
        stage=c.charter.data["stage"] if c.charter else None,
        tasks=len(c.roles.data["tasks"]) if c.roles else 0,
    )
    names = c.member_names()
    load: dict[str, MemberLoad] = {}

    def member(mid: str) -> MemberLoad:
        if mid not in load:
            load[mid] = MemberLoad(mid, names.get(mid, mid), 0, 0, 0, 0)
        return load[mid]

    for mid in names:
        member(mid)
    for task in c.roles.data["tasks"] if c.roles else []:
        is_open = task["status"] in OPEN
        due = as_date(task["due"])
        overdue = is_open and due < today
        for mid in _members(task["accountable"]):
            m = member(mid)
            m.accountable += 1
            m.open_tasks += is_open
            m.overdue += overdue
        for mid in _members(task.get("responsible")):
            member(mid).responsible += 1
        if overdue:
            line = _line(task, (today - due).days)
            explained = line.reason and line.recovery_plan
            (report.overdue_explained if explained else report.overdue_unexplained).append(line)
        elif is_open and (due - today).days <= soon_days:
            report.due_soon.append(_line(task, (due - today).days))
        if task["status"] == "blocked":
            report.blocked.append(_line(task, (today - due).days))
    report.overdue_explained.sort(key=lambda t: -t.days)
    report.overdue_unexplained.sort(key=lambda t: -t.days)
    report.due_soon.sort(key=lambda t: t.days)
    report.load = sorted(load.values(), key=lambda m: (-m.open_tasks, -m.accountable, m.member))
    report.gates = summarise_gates(c)
    for doc, _path, item in iter_tries(c):
        if not item.get("done"):
            report.open_tries.append(
                TryLine(item["text"], item.get("owner"), item.get("due"), doc.path, doc.data["date"])
            )
    dates = [doc.data["date"] for doc in c.retrospectives]
    if dates:
        report.last_retrospective = max(dates)
        report.days_since_retrospective = (today - as_date(max(dates))).days
    return report


def last_activity(c: Consortium) -> dt.date | None:
    """The date of the newest retrospective, if any."""
    dates = [as_date(doc.data["date"]) for doc in c.retrospectives]
    return max(dates) if dates else None
