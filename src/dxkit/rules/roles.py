"""Rules on the role & deadline matrix (``roles.yaml``): DX3xx.

They encode the report's answer to its pitfalls (報告書（案）図5-2): agree before starting who
does what by when, with an indicator of done, and when a task is late, the organisation in
charge states the reason and how it will recover.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.rules import Consortium, Hit, iter_duplicate_ids, rule

_CLOSED = ("done", "cancelled")
_RACI = ("responsible", "accountable", "consulted", "informed")


def _accountable(task: dict) -> list[str]:
    value = task["accountable"]
    return [value] if isinstance(value, str) else list(value)


@rule("DX301", "missing-accountable", Severity.ERROR, guide="projects/role-matrix.md")
def check_missing_accountable(c: Consortium) -> Iterator[Hit]:
    if c.roles is None:
        return
    for i, task in enumerate(c.roles.data["tasks"]):
        if not _accountable(task):
            yield Hit(c.roles, ("tasks", i, "accountable"), {"task": task["id"]})


@rule("DX302", "multiple-accountable", Severity.ERROR, guide="projects/role-matrix.md")
def check_multiple_accountable(c: Consortium) -> Iterator[Hit]:
    if c.roles is None:
        return
    for i, task in enumerate(c.roles.data["tasks"]):
        members = _accountable(task)
        if len(members) > 1:
            yield Hit(
                c.roles,
                ("tasks", i, "accountable"),
                {"task": task["id"], "count": len(members), "members": ", ".join(members)},
            )


@rule("DX303", "unknown-raci-member", Severity.ERROR, guide="projects/role-matrix.md")
def check_unknown_raci_member(c: Consortium) -> Iterator[Hit]:
    ids = c.member_ids()
    if c.roles is None or ids is None:
        return
    for i, task in enumerate(c.roles.data["tasks"]):
        for field in _RACI:
            value = task.get(field)
            if value is None:
                continue
            members = [value] if isinstance(value, str) else value
            for j, member in enumerate(members):
                if member not in ids:
                    path: tuple[str | int, ...] = ("tasks", i, field)
                    if not isinstance(value, str):
                        path = (*path, j)
                    yield Hit(c.roles, path, {"task": task["id"], "field": field, "member": member})


@rule("DX304", "missing-done-criteria", Severity.ERROR, guide="projects/role-matrix.md")
def check_missing_done_criteria(c: Consortium) -> Iterator[Hit]:
    if c.roles is None:
        return
    for i, task in enumerate(c.roles.data["tasks"]):
        if task["status"] != "cancelled" and "done_criteria" not in task:
            yield Hit(c.roles, ("tasks", i), {"task": task["id"]})


@rule("DX305", "overdue-without-recovery-plan", Severity.ERROR, guide="projects/role-matrix.md")
def check_overdue_without_recovery_plan(c: Consortium) -> Iterator[Hit]:
    if c.roles is None:
        return
    for i, task in enumerate(c.roles.data["tasks"]):
        if task["status"] in _CLOSED:
            continue
        due = dt.date.fromisoformat(task["due"])
        if due >= c.today:
            continue
        delay = task.get("delay") or {}
        if delay.get("reason") and delay.get("recovery_plan"):
            continue
        yield Hit(
            c.roles,
            ("tasks", i, "due"),
            {"task": task["id"], "due": task["due"], "days": (c.today - due).days},
        )


@rule("DX306", "duplicate-task-id", Severity.ERROR, guide="projects/role-matrix.md")
def check_duplicate_task_id(c: Consortium) -> Iterator[Hit]:
    yield from iter_duplicate_ids(c.roles, "tasks")
