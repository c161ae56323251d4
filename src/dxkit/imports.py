"""Bring edits made in the exported spreadsheet back into ``roles.yaml`` (``dxkit import``).

Rows are matched to tasks by id. A changed cell updates its field, a new row adds a task, a
missing row is reported and kept (removed only with ``prune``). Fields the sheet does not
show, comments and formatting stay as they were: the file is edited as text (see
:mod:`dxkit.yamledit`). Any invalid cell is reported with its sheet, row and column, and then
nothing is written at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dxkit.errors import UsageError
from dxkit.loading import Document
from dxkit.sheet import ROLE_COLUMNS, Column, choices, get, header_key, parse_cell
from dxkit.yamledit import TextEditor, flow

COLUMNS = {column.key: column for column in ROLE_COLUMNS}


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

    @property
    def changes(self) -> int:
        return len(self.changed) + len(self.added) + (len(self.missing) if self.pruned else 0)


def read_sheet(path: Path) -> tuple[str, list[tuple[Any, ...]]]:
    """The first sheet's title and its rows of values."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True, read_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UsageError("import.not_xlsx", file=str(path), detail=type(exc).__name__) from None
    try:
        sheet = book.worksheets[0]
        return sheet.title, [tuple(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _same(a: Any, b: Any) -> bool:
    def norm(v: Any) -> Any:
        if isinstance(v, str):
            return v.strip()
        if isinstance(v, list) and len(v) == 1:
            return norm(v[0])
        return v

    return norm(a) == norm(b)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


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
    if not table:
        raise UsageError("import.empty", sheet=sheet_title)
    keys = [header_key(cell) for cell in table[0]]
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
            value, error, params = parse_cell(cell, column, choices("roles", column), members)
            if error:
                plan.problems.append(SheetProblem(sheet_title, number, _letter(index), error, params))
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

    editor = TextEditor(roles, text)
    tasks = roles.data["tasks"]
    index_of = {task["id"]: i for i, task in enumerate(tasks)}
    block_list = bool(tasks) and not editor.node(("tasks",))[0].flow_style
    fresh: list[dict[str, Any]] = []
    for task_id in order:
        values = sheet_rows[task_id]
        if task_id not in index_of:
            plan.added.append(task_id)
            if block_list:
                editor.append_item(("tasks",), _task_lines(values))
            else:
                fresh.append(_task_dict(values))
            continue
        i = index_of[task_id]
        _update_task(editor, ("tasks", i), tasks[i], values, plan)
    for task in tasks:
        if task["id"] not in sheet_rows:
            plan.missing.append(task["id"])
            if prune:
                editor.delete_item(("tasks",), index_of[task["id"]])
    if fresh:
        # "tasks: []" or a flow list: write the whole list anew (there was nothing to keep).
        editor.set_value(("tasks",), [*tasks, *fresh])
    plan.text = editor.apply()
    return plan


def _update_task(
    editor: TextEditor, path: tuple, task: dict[str, Any], values: dict[str, Any], plan: ImportPlan
) -> None:
    new_parents: dict[str, dict[str, Any]] = {}
    emptied: dict[str, list[str]] = {}
    for key, new in values.items():
        column: Column = COLUMNS[key]
        old = get(task, column)
        if _same(old, new):
            continue
        plan.changed.append((task["id"], key, old, new))
        parts = column.path
        if len(parts) == 1:
            if new is None:
                editor.delete_key(path, parts[0])
            elif parts[0] in task:
                editor.set_value((*path, parts[0]), new)
            else:
                editor.add_key(path, parts[0], new)
            continue
        parent, child = parts
        if parent not in task:
            if new is not None:
                new_parents.setdefault(parent, {})[child] = new
            continue
        container = task[parent]
        node, _ = editor.node((*path, parent))
        if getattr(node, "flow_style", False):
            updated = {k: v for k, v in {**container, child: new}.items() if v is not None}
            if updated:
                editor.set_value((*path, parent), updated)
            else:
                editor.delete_key(path, parent)
            continue
        if new is None:
            emptied.setdefault(parent, []).append(child)
        elif child in container:
            editor.set_value((*path, parent, child), new)
        else:
            editor.add_key((*path, parent), child, new)
    for parent, children in emptied.items():
        remaining = [k for k in task[parent] if k not in children]
        if remaining:
            for child in children:
                editor.delete_key((*path, parent), child)
        else:
            editor.delete_key(path, parent)
    for parent, mapping in new_parents.items():
        editor.add_key(path, parent, mapping)


def _task_dict(values: dict[str, Any]) -> dict[str, Any]:
    task: dict[str, Any] = {}
    for column in ROLE_COLUMNS:
        value = values.get(column.key)
        if value is None:
            continue
        if "." in column.key:
            parent, child = column.key.split(".")
            task.setdefault(parent, {})[child] = value
        else:
            task[column.key] = value
    return task


def _task_lines(values: dict[str, Any]) -> list[str]:
    """A new task as block lines (the first without "- "), in the sheet's column order."""
    lines: list[str] = []
    for key, value in _task_dict(values).items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {child}: {flow(inner)}" for child, inner in value.items()]
        else:
            lines.append(f"{key}: {flow(value)}")
    return lines
