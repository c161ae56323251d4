"""The issues that came from Decidim, as results for Decidim's accountability admin import.

``dxkit export issues -f decidim`` writes one row per issue imported from a Decidim proposal
(``source.system: decidim``), in the columns ``Decidim::Accountability::ResultsCsvImporter``
reads (:data:`dxkit.decidim.RESULT_COLUMNS`), so that residents see, under their own proposal,
what became of it:

* ``title/{lang}`` is the issue's title; ``description/{lang}`` says, as paragraphs, the
  issue's status, how many of its tasks (``tasks:`` in issues.yaml, from roles.yaml) are done
  and each task's state and deadline, and the latest gate decision for the stages those tasks
  are in;
* ``start_date`` and ``end_date`` span the tasks (their first start and their last deadline);
  ``progress`` is the share of the tasks that are done, in percent;
* ``proposal_urls`` is the proposal's address, which is how Decidim links the result to it.

``id``, ``status/id``, ``parent/id`` and ``category/id`` are ids inside the receiving Decidim,
which dxkit cannot know; they stay empty, so Decidim creates the results on import.

Every cell is a person's text in a spreadsheet's reach: it goes through
:func:`dxkit.escape.csv_text` (no formula) and the description's text through
:func:`dxkit.escape.html_text`, because Decidim shows it as rich text. The file is UTF-8
without a byte-order mark (Decidim would read a mark as part of the first column's name),
separated by ``;`` as Decidim's importer expects by default.
"""

from __future__ import annotations

import csv
import io

from dxkit.dates import format_date
from dxkit.decidim import RESULT_SEPARATOR, URL_SEPARATOR, result_columns
from dxkit.escape import csv_text, html_text
from dxkit.i18n import translate
from dxkit.labels import label
from dxkit.model import Consortium
from dxkit.model.records import Gate, Issue, Task


def decidim_issues(c: Consortium) -> list[Issue]:
    """The issues that came from a Decidim proposal with an address to link back to."""
    return [i for i in c.issues if i.source is not None and i.source.system == "decidim" and i.source.url]


def issue_tasks(c: Consortium, issue: Issue) -> list[Task]:
    """The tasks an issue names, in the order it names them (ids not in roles.yaml are left out)."""
    by_id = {task.id: task for task in c.tasks}
    return [by_id[task_id] for task_id in issue.tasks if task_id in by_id]


def latest_gate(c: Consortium, tasks: list[Task]) -> Gate | None:
    """The last decided gate out of a stage the tasks are in (``None`` without tasks or decisions)."""
    stages = {task.stage for task in tasks}
    decided = [(g.decision.date, g) for g in c.gates if g.decision is not None and g.from_ in stages]
    return max(decided, key=lambda pair: pair[0])[1] if decided else None


def progress(tasks: list[Task]) -> int | None:
    """The share of the tasks done, in whole percent (cancelled tasks do not count)."""
    counted = [task for task in tasks if task.status != "cancelled"]
    if not counted:
        return None
    return round(100 * sum(task.status == "done" for task in counted) / len(counted))


def description(c: Consortium, issue: Issue, tasks: list[Task], lang: str) -> str:
    """The description of a result as HTML paragraphs, every text from a file escaped."""
    lines = [translate("decidim.result.status", lang, status=label("Issue.status", issue.status or "open", lang))]
    if tasks:
        start = min(task.start or task.due for task in tasks)
        end = max(task.due for task in tasks)
        done = sum(task.status == "done" for task in tasks)
        lines.append(
            translate(
                "decidim.result.tasks",
                lang,
                total=len(tasks),
                done=done,
                start=format_date(start, lang),
                end=format_date(end, lang),
            )
        )
        for task in tasks:
            lines.append(
                translate(
                    "decidim.result.task",
                    lang,
                    title=task.title,
                    status=label("Task.status", task.status, lang),
                    due=format_date(task.due, lang),
                )
            )
    gate = latest_gate(c, tasks)
    if gate is not None and gate.decision is not None:
        lines.append(
            translate(
                "decidim.result.gate",
                lang,
                **{"from": label("stage", gate.from_, lang)},
                to=label("stage", gate.to, lang),
                date=format_date(gate.decision.date, lang),
                outcome=label("Decision.outcome", gate.decision.outcome, lang),
            )
        )
    else:
        lines.append(translate("decidim.result.no_gate", lang))
    return "".join(f"<p>{html_text(line)}</p>" for line in lines)


def render_decidim_results(c: Consortium, lang: str) -> bytes:
    """The accountability results CSV for the issues that came from Decidim."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=RESULT_SEPARATOR, lineterminator="\r\n")
    writer.writerow(result_columns(lang))
    for issue in decidim_issues(c):
        assert issue.source is not None and issue.source.url is not None  # decidim_issues keeps only these
        tasks = issue_tasks(c, issue)
        share = progress(tasks)
        cells = [
            "",
            issue.title,
            description(c, issue, tasks, lang),
            min(t.start or t.due for t in tasks).isoformat() if tasks else "",
            max(t.due for t in tasks).isoformat() if tasks else "",
            "",
            "" if share is None else str(share),
            "",
            "",
            URL_SEPARATOR.join([issue.source.url]),
        ]
        writer.writerow([csv_text(cell) for cell in cells])
    return out.getvalue().encode("utf-8")
