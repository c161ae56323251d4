"""The fixed words of the model, each defined once (the schemas are their source).

Readers import these instead of spelling a stage order or a set of statuses again.
"""

from __future__ import annotations

import datetime as dt

from dxkit.model.records import ENUMS, Criteria, Criterion, Task

#: The project stages, in the order a consortium passes them (報告書（案）第3章3(3)①).
STAGES: tuple[str, ...] = ENUMS["stage"]
#: The three lenses of a gate review, in the schema's order: desirability, feasibility,
#: viability (魅力・実現可能性・事業性, 第3章3(3)②).
LENSES: tuple[str, ...] = Criteria.FIELDS
#: Task statuses in which work is still expected.
OPEN_TASK_STATUSES: frozenset[str] = frozenset({"not-started", "in-progress", "blocked"})
#: Task statuses that end a task.
CLOSED_TASK_STATUSES: frozenset[str] = frozenset(ENUMS["Task.status"]) - OPEN_TASK_STATUSES
#: The fields of a task that name members, in RACI order.
RACI_FIELDS: tuple[str, ...] = ("responsible", "accountable", "consulted", "informed")
#: Member types that bring local knowledge (the key person usually comes from one of them).
LOCAL_MEMBER_TYPES: frozenset[str] = frozenset({"municipality", "resident-group", "local-business", "civic-tech"})


def criteria_by_lens(criteria: Criteria) -> list[tuple[str, Criterion]]:
    """Every criterion of a gate with its lens, lens by lens."""
    return [(lens, c) for lens in LENSES for c in getattr(criteria, lens)]


def raci(task: Task, field: str) -> tuple[str, ...]:
    """The member ids a task names in one RACI field."""
    if field not in RACI_FIELDS:
        raise KeyError(field)
    value: tuple[str, ...] = getattr(task, field)
    return value


def is_overdue(task: Task, today: dt.date) -> bool:
    """Whether a task that is still open is past its due date."""
    return task.status in OPEN_TASK_STATUSES and task.due < today


def recovery_slipped(task: Task, today: dt.date) -> bool:
    """Whether an overdue task's recovery plan has a new date that has passed too."""
    delay = task.delay
    return is_overdue(task, today) and delay is not None and delay.new_due is not None and delay.new_due < today


def delay_explained(task: Task, today: dt.date) -> bool:
    """Whether an overdue task says why and how it recovers, and its recovery date (if any) is still ahead."""
    delay = task.delay
    if delay is None or not delay.reason or not delay.recovery_plan:
        return False
    return not recovery_slipped(task, today)


def stage_words(stage: str) -> dict[str, str]:
    """A stage's label in every language (計画策定 / planning), from the schemas' ``x-labels``.

    For texts below the labels layer (rule messages) that name a stage to a person.
    """
    from dxkit.schemas import load_schema

    return dict(load_schema("consortium")["$defs"]["stage"]["x-labels"][stage])
