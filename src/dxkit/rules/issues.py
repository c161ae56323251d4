"""Rules on the regional issue register (``issues.yaml``): DX5xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.rules.registry import Hit, iter_duplicate_ids, rule, suggest


@rule("DX501", "duplicate-issue-id", Severity.ERROR, guide="discovery/index.md")
def check_duplicate_issue_id(c: Consortium) -> Iterator[Hit]:
    yield from iter_duplicate_ids(c.issues)


@rule("DX510", "unknown-issue-task", Severity.ERROR, guide="discovery/decidim.md")
def check_unknown_issue_task(c: Consortium) -> Iterator[Hit]:
    if not c.role_files or "roles" in c.incomplete:
        return  # no tasks to compare with, or some were left out for their schema errors
    ids = {task.id for task in c.tasks}
    for issue in c.issues:
        for index, task_id in enumerate(issue.tasks):
            if task_id not in ids:
                yield Hit(issue.at / "tasks" / index, {"issue": issue.id, "task": task_id, **suggest(task_id, ids)})
