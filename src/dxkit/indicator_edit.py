"""Write an indicator example into a task of the role & deadline matrix (``dxkit new indicator``).

The task's ``indicator`` is added, or replaced when asked, through the edit layer
(:mod:`dxkit.editing`), so every other byte of the file stays as its people wrote it. The
indicator takes the example's name and way of measuring in the file's language and records which
example it follows; the target is written only when the person gives one (the catalogue has no
targets: :mod:`dxkit.indicators`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from dxkit.editing import editor_for
from dxkit.errors import UsageError
from dxkit.indicators import IndicatorExample
from dxkit.loading import Document

#: What the edit does to the task, in the vocabulary of dxkit's writes.
Action = Literal["create", "overwrite", "identical"]


@dataclass(frozen=True)
class IndicatorEdit:
    action: Action
    task: dict[str, Any]
    indicator: dict[str, Any]
    text: str
    #: The new text as the edit layer proved it (``None`` when nothing changes).
    document: Document | None


def indicator_entry(example: IndicatorExample, lang: str, target: str | None) -> dict[str, Any]:
    """The task's new ``indicator``, in the order a person reads it."""
    entry: dict[str, Any] = {"name": example.name[lang]}
    if target is not None and target.strip():
        entry["target"] = target.strip()
    entry["measure"] = example.measure[lang]
    entry["example"] = example.ref
    return entry


def plan_indicator(
    register: Document,
    text: str,
    task_id: str,
    example: IndicatorExample,
    *,
    lang: str,
    target: str | None = None,
    overwrite: bool = False,
) -> IndicatorEdit:
    """The file's new text with the example as task ``task_id``'s indicator."""
    tasks = register.data.get("tasks") if isinstance(register.data, dict) else None
    if not isinstance(tasks, list):
        raise UsageError("indicator.no_tasks", file=register.path)
    index = next((i for i, task in enumerate(tasks) if task.get("id") == task_id), None)
    if index is None:
        known = ", ".join(str(task.get("id")) for task in tasks[:20])
        raise UsageError("indicator.unknown_task", file=register.path, task=task_id, known=known or "-")
    task = tasks[index]
    existing = task.get("indicator")
    if target is None and existing and existing.get("target"):
        target = existing["target"]  # a target the people set stays, whatever example replaces the words
    entry = indicator_entry(example, lang, target)
    editor = editor_for(register, text)
    if existing is None:
        action: Action = "create"
        editor.add_key(("tasks", index), "indicator", entry)
    elif existing == entry:
        return IndicatorEdit("identical", task, entry, text, None)
    elif not overwrite:
        raise UsageError("indicator.exists", file=register.path, task=task_id, name=existing.get("name", ""))
    else:
        action = "overwrite"
        editor.set(("tasks", index, "indicator"), entry)
    edited = editor.apply()
    return IndicatorEdit(action, task, entry, edited.text, edited.document)
