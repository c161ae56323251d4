"""Where the consortium stands today: deadlines, blocked work, load, gates, retrospectives."""

from __future__ import annotations

from dataclasses import dataclass, field

from dxkit.analyses.gates import GateSummary, summarise_gates
from dxkit.dates import fiscal_year
from dxkit.model import Consortium
from dxkit.model.records import Task
from dxkit.model.vocabulary import OPEN_TASK_STATUSES, delay_explained, is_overdue


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
    #: The 年度 (April to March) of the due date: 2026 for 2026-04-01 to 2027-03-31.
    fiscal_year: int = 0


@dataclass
class MemberLoad:
    member: str
    name: str
    accountable: int
    responsible: int
    #: Open tasks the member is accountable or responsible for (each task once).
    open_tasks: int
    #: Of those, the tasks past their due date.
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


def _line(task: Task, days: int) -> TaskLine:
    delay = task.delay
    return TaskLine(
        id=task.id,
        title=task.title,
        stage=task.stage,
        status=task.status,
        due=task.due.isoformat(),
        accountable=list(task.accountable),
        days=days,
        reason=delay.reason if delay else None,
        recovery_plan=delay.recovery_plan if delay else None,
        new_due=delay.new_due.isoformat() if delay and delay.new_due else None,
        fiscal_year=fiscal_year(task.due),
    )


def build_status(c: Consortium, *, soon_days: int = 14) -> StatusReport:
    """Deadlines, load and gates across every file of the consortium, judged on ``today``."""
    today = c.today
    tasks = c.tasks
    report = StatusReport(today=today.isoformat(), stage=c.charter.stage if c.charter else None, tasks=len(tasks))
    names = c.member_names()
    load: dict[str, MemberLoad] = {}

    def member(mid: str) -> MemberLoad:
        if mid not in load:
            load[mid] = MemberLoad(mid, names.get(mid, mid), 0, 0, 0, 0)
        return load[mid]

    for mid in names:
        member(mid)
    for task in tasks:
        is_open = task.status in OPEN_TASK_STATUSES
        overdue = is_overdue(task, today)
        for mid in task.accountable:
            member(mid).accountable += 1
        for mid in task.responsible:
            member(mid).responsible += 1
        for mid in dict.fromkeys((*task.accountable, *task.responsible)):  # each task once per member
            m = member(mid)
            m.open_tasks += is_open
            m.overdue += overdue
        if overdue:
            line = _line(task, (today - task.due).days)
            explained = delay_explained(task, today)
            (report.overdue_explained if explained else report.overdue_unexplained).append(line)
        elif is_open and (task.due - today).days <= soon_days:
            report.due_soon.append(_line(task, (task.due - today).days))
        if task.status == "blocked":
            report.blocked.append(_line(task, (today - task.due).days))
    report.overdue_explained.sort(key=lambda t: -t.days)
    report.overdue_unexplained.sort(key=lambda t: -t.days)
    report.due_soon.sort(key=lambda t: t.days)
    report.load = sorted(load.values(), key=lambda m: (-m.open_tasks, -m.accountable, m.member))
    report.gates = summarise_gates(c)
    for item in c.iter_tries():
        action = item.action
        if not action.done:
            report.open_tries.append(
                TryLine(
                    action.text,
                    action.owner,
                    action.due.isoformat() if action.due else None,
                    item.retrospective.at.file,
                    item.retrospective.date.isoformat(),
                )
            )
    newest = c.last_retrospective()
    if newest is not None:
        report.last_retrospective = newest.date.isoformat()
        report.days_since_retrospective = (today - newest.date).days
    return report
