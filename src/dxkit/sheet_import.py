"""Bring edits made in the exported spreadsheet back into ``roles.yaml`` (``dxkit import``).

Rows are matched to tasks by id. A changed cell updates its field, a new row adds a task, a
missing row is reported and kept (removed only with ``prune``). Fields the sheet does not
show, comments and formatting stay as they were: the file is changed through the edit layer
(:mod:`dxkit.editing`), whatever mix of block and flow style it is written in, and the result
is proven to read back as exactly the old tasks with the sheet's changes. Any invalid cell is
reported with its sheet, row and column, and then nothing is written at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dxkit import workbook
from dxkit.editing import Editor, editor_for
from dxkit.errors import UsageError
from dxkit.loading import Document
from dxkit.sheet import ROLE_COLUMNS, choices, get, header_key, parse_cell
from dxkit.workbook import BadCell, shown

COLUMNS = {column.key: column for column in ROLE_COLUMNS}

TaskPath = tuple[str | int, ...]


@dataclass(frozen=True)
class SheetProblem:
    sheet: str
    row: int
    column: str  # spreadsheet letter
    msg_id: str
    params: dict[str, Any]


@dataclass
class ImportPlan:
    changed: list[tuple[str, str, Any, Any]] = field(default_factory=list)  # (task, key, old, new)
    added: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    pruned: bool = False
    problems: list[SheetProblem] = field(default_factory=list)
    text: str = ""
    #: The new text as the edit layer proved it (``None`` when nothing changed).
    document: Document | None = None

    @property
    def changes(self) -> int:
        return len(self.changed) + len(self.added) + (len(self.missing) if self.pruned else 0)


def read_sheet(path: Path) -> tuple[str, list[tuple[Any, ...]]]:
    """The first sheet's title and its rows of values, read within the limits of :mod:`dxkit.workbook`.

    A cell the workbook cannot give as a value is a :class:`~dxkit.workbook.BadCell`;
    :func:`plan_import` reports it by sheet, row and column where it reads that column.
    """
    return workbook.read_sheet(path)


def _same(a: Any, b: Any) -> bool:
    def norm(v: Any) -> Any:
        if isinstance(v, str):
            return v.strip()
        if isinstance(v, list) and len(v) == 1:
            return norm(v[0])
        return v

    same: bool = norm(a) == norm(b)
    return same


def _letter(index: int) -> str:
    return workbook.column_letter(index + 1)


def plan_import(
    sheet_title: str,
    table: list[tuple[Any, ...]],
    roles: Document,
    text: str,
    members: set[str] | None,
    *,
    prune: bool = False,
) -> ImportPlan:
    plan = ImportPlan(pruned=prune)
    sheet_title = shown(sheet_title)  # the title is only ever shown in messages
    if not table:
        raise UsageError("import.empty", sheet=sheet_title)
    keys = [None if isinstance(cell, BadCell) else header_key(cell) for cell in table[0]]
    if "id" not in keys:
        raise UsageError("import.no_id", sheet=sheet_title)
    present = {key: i for i, key in enumerate(keys) if key in COLUMNS}
    sheet_rows: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for number, raw in enumerate(table[1:], start=2):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw):
            continue
        values: dict[str, Any] = {}
        for key, index in present.items():
            column = COLUMNS[key]
            cell = raw[index] if index < len(raw) else None
            error: str | None
            if isinstance(cell, BadCell):
                value, error, params = None, cell.msg_id, dict(cell.params)
            else:
                value, error, params = parse_cell(cell, column, choices("roles", column), members)
            if error:
                shown_params = {name: shown(v) if isinstance(v, str) else v for name, v in params.items()}
                plan.problems.append(SheetProblem(sheet_title, number, _letter(index), error, shown_params))
            values[key] = value
        task_id = values.get("id")
        if task_id in sheet_rows:
            plan.problems.append(
                SheetProblem(sheet_title, number, _letter(present["id"]), "sheet.duplicate_id", {"value": task_id})
            )
        if task_id:
            sheet_rows[task_id] = values
            order.append(task_id)
    if plan.problems:
        return plan

    editor = editor_for(roles, text)
    tasks = roles.data["tasks"]
    index_of = {task["id"]: i for i, task in enumerate(tasks)}
    for task_id in order:
        values = sheet_rows[task_id]
        if task_id not in index_of:
            plan.added.append(task_id)
            editor.append(("tasks",), _task_dict(values))
            continue
        i = index_of[task_id]
        _update_task(editor, ("tasks", i), tasks[i], values, plan)
    for i, task in enumerate(tasks):
        if task["id"] not in sheet_rows:
            plan.missing.append(task["id"])
            if prune:
                editor.delete_item(("tasks",), i)
    edited = editor.apply()
    plan.text, plan.document = edited.text, edited.document
    return plan


def _update_task(
    editor: Editor, path: TaskPath, task: dict[str, Any], values: dict[str, Any], plan: ImportPlan
) -> None:
    """Edit one task where the sheet differs from it; nested fields (``delay.reason``) as a group."""
    nested: dict[str, dict[str, Any]] = {}  # parent -> {child: new value, None to remove}
    for key, new in values.items():
        column = COLUMNS[key]
        old = get(task, column)
        if _same(old, new):
            continue
        plan.changed.append((task["id"], key, old, new))
        if len(column.path) == 2:
            parent, child = column.path
            nested.setdefault(parent, {})[child] = new
            continue
        name = column.path[0]
        if new is None:
            if name in task:
                editor.delete_key(path, name)
        elif name in task:
            editor.set((*path, name), new)
        else:
            editor.add_key(path, name, new)
    for parent, changes in nested.items():
        old_group = task.get(parent)
        if not isinstance(old_group, dict):
            group = {child: value for child, value in changes.items() if value is not None}
            if not group:
                continue
            if parent in task:
                editor.set((*path, parent), group)
            else:
                editor.add_key(path, parent, group)
            continue
        final = {**old_group, **changes}
        if all(value is None for value in final.values()):
            editor.delete_key(path, parent)
            continue
        for child, value in changes.items():
            if value is None:
                if child in old_group:
                    editor.delete_key((*path, parent), child)
            elif child in old_group:
                editor.set((*path, parent, child), value)
            else:
                editor.add_key((*path, parent), child, value)


def _task_dict(values: dict[str, Any]) -> dict[str, Any]:
    """A new task in the sheet's column order, without its empty cells."""
    task: dict[str, Any] = {}
    for column in ROLE_COLUMNS:
        value = values.get(column.key)
        if value is None:
            continue
        if len(column.path) == 2:
            parent, child = column.path
            task.setdefault(parent, {})[child] = value
        else:
            task[column.key] = value
    return task
