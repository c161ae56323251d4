"""Rules on the role & deadline matrix (``roles.yaml``): DX3xx.

They encode the report's answer to its pitfalls (報告書（案）図5-2): agree before starting who
does what by when, with an indicator of done, and when a task is late, the organisation in
charge states the reason and how it will recover.
"""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.days_off import day_off
from dxkit.findings import Severity
from dxkit.i18n import LANGS
from dxkit.model import Consortium
from dxkit.model.vocabulary import RACI_FIELDS, is_overdue, raci, recovery_slipped
from dxkit.rules.registry import Hit, iter_duplicate_ids, known_member_ids, rule, shown_date, suggest
from dxkit.schemas import field_title


@rule("DX301", "missing-accountable", Severity.ERROR, guide="projects/role-matrix.md")
def check_missing_accountable(c: Consortium) -> Iterator[Hit]:
    for task in c.tasks:
        if not task.accountable:
            yield Hit(task.at / "accountable", {"task": task.id})


@rule("DX302", "multiple-accountable", Severity.ERROR, guide="projects/role-matrix.md")
def check_multiple_accountable(c: Consortium) -> Iterator[Hit]:
    for task in c.tasks:
        if len(task.accountable) > 1:
            yield Hit(
                task.at / "accountable",
                {"task": task.id, "count": len(task.accountable), "members": ", ".join(task.accountable)},
            )


def _field_name(field: str) -> dict[str, str]:
    """How a message names a field of a task: its schema title in each language (実行責任（R）)."""
    return {lang: field_title("roles", ("tasks", 0, field), lang) or field for lang in LANGS}


@rule("DX303", "unknown-raci-member", Severity.ERROR, guide="projects/role-matrix.md")
def check_unknown_raci_member(c: Consortium) -> Iterator[Hit]:
    ids = known_member_ids(c)
    if ids is None:
        return
    for task in c.tasks:
        for field in RACI_FIELDS:
            for index, member in enumerate(raci(task, field)):
                if member not in ids:
                    params = {"task": task.id, "field": _field_name(field), "member": member, **suggest(member, ids)}
                    yield Hit((task.at / field).member(index), params)


@rule("DX304", "missing-done-criteria", Severity.ERROR, guide="projects/role-matrix.md")
def check_missing_done_criteria(c: Consortium) -> Iterator[Hit]:
    for task in c.tasks:
        if task.status != "cancelled" and task.done_criteria is None:
            yield Hit(task.at, {"task": task.id})


@rule("DX305", "overdue-without-recovery-plan", Severity.ERROR, guide="projects/role-matrix.md")
def check_overdue_without_recovery_plan(c: Consortium) -> Iterator[Hit]:
    for task in c.tasks:
        if not is_overdue(task, c.today):
            continue
        delay = task.delay
        if delay is not None and delay.reason and delay.recovery_plan:
            continue  # explained; DX307 watches the recovery date
        yield Hit(task.at / "due", {"task": task.id, "due": shown_date(task.due, c), "days": (c.today - task.due).days})


@rule("DX306", "duplicate-task-id", Severity.ERROR, guide="projects/role-matrix.md")
def check_duplicate_task_id(c: Consortium) -> Iterator[Hit]:
    yield from iter_duplicate_ids(c.tasks)


@rule("DX307", "recovery-date-passed", Severity.ERROR, guide="projects/role-matrix.md")
def check_recovery_date_passed(c: Consortium) -> Iterator[Hit]:
    for task in c.tasks:
        if not recovery_slipped(task, c.today) or task.delay is None or task.delay.new_due is None:
            continue
        new_due = task.delay.new_due
        yield Hit(
            task.at / "delay" / "new_due",
            {"task": task.id, "new_due": shown_date(new_due, c), "days": (c.today - new_due).days},
        )


@rule("DX308", "due-on-day-off", Severity.WARNING, guide="projects/role-matrix.md")
def check_due_on_day_off(c: Consortium) -> Iterator[Hit]:
    for task in c.tasks:
        if task.status in ("done", "cancelled"):
            continue
        off = day_off(task.due)
        if off is not None:
            yield Hit(task.at / "due", {"task": task.id, "due": shown_date(task.due, c), "why": off.why})


#: The stages whose tasks are measured by their outcome (報告書（案）第3章1(2)).
_OUTCOME_STAGES = ("demonstration", "implementation")


@rule("DX309", "demonstration-without-indicator", Severity.WARNING, guide="projects/outcome-indicators.md")
def check_demonstration_without_indicator(c: Consortium) -> Iterator[Hit]:
    if "roles" in c.incomplete:
        return  # a task left out for its schema errors may be the one with the indicator
    tasks = [task for task in c.tasks if task.stage == "demonstration" and task.status != "cancelled"]
    if tasks and all(task.indicator is None for task in tasks):
        yield Hit(tasks[0].at / "stage", {"task": tasks[0].id, "count": len(tasks)})


@rule("DX310", "indicator-without-target", Severity.WARNING, guide="projects/outcome-indicators.md")
def check_indicator_without_target(c: Consortium) -> Iterator[Hit]:
    for task in c.tasks:
        indicator = task.indicator
        if task.stage in _OUTCOME_STAGES and task.status != "cancelled" and indicator and not indicator.target:
            yield Hit(task.at / "indicator", {"task": task.id, "name": indicator.name}, key=True)
