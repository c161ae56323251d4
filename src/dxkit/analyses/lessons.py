"""Lessons across retrospectives: what to keep, what went wrong, what to try, why targets were missed.

The report asks consortia to treat an analysed failure as a result and to share it with other
regions (報告書（案）第3章3(3)①); this gathers every retrospective into one lessons page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from dxkit.model import Consortium
from dxkit.model.records import Action, Retrospective


@dataclass
class Item:
    text: str
    date: str
    file: str
    owner: str | None = None
    due: str | None = None
    done: bool = False


@dataclass
class Failure:
    title: str
    date: str
    file: str
    target: str
    result: str
    causes: list[tuple[str, str]]  # (category, cause)
    countermeasures: list[Item]
    publish: bool


@dataclass
class Lessons:
    retrospectives: int
    keep: list[Item] = field(default_factory=list)
    problem: list[Item] = field(default_factory=list)
    tries: list[Item] = field(default_factory=list)
    learned: list[Item] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    cause_counts: dict[str, int] = field(default_factory=dict)
    unowned: list[Item] = field(default_factory=list)


def _action(action: Action, retro: Retrospective) -> Item:
    due = action.due.isoformat() if action.due else None
    return Item(action.text, retro.date.isoformat(), retro.at.file, action.owner, due, bool(action.done))


def gather(c: Consortium) -> Lessons:
    retros = sorted(c.retrospectives, key=lambda r: (r.date, r.at.file))
    lessons = Lessons(retrospectives=len(retros))
    for retro in retros:
        date, path = retro.date.isoformat(), retro.at.file
        if retro.kpt is not None:
            lessons.keep += [Item(t, date, path) for t in retro.kpt.keep]
            lessons.problem += [Item(t, date, path) for t in retro.kpt.problem]
        if retro.four_l is not None:
            lessons.keep += [Item(t, date, path) for t in retro.four_l.liked]
            lessons.learned += [Item(t, date, path) for t in retro.four_l.learned]
            lessons.problem += [Item(t, date, path) for t in retro.four_l.lacked]
        analysis = retro.failure_analysis
        if analysis is not None:
            lessons.failures.append(
                Failure(
                    retro.title,
                    date,
                    path,
                    analysis.target,
                    analysis.result,
                    [(cause.category or "other", cause.cause) for cause in analysis.causes],
                    [_action(a, retro) for a in analysis.countermeasures],
                    bool(analysis.publish),
                )
            )
    for item in c.iter_tries():
        entry = _action(item.action, item.retrospective)
        if item.section == "kpt":
            lessons.tries.append(entry)
        if not entry.done and (entry.owner is None or entry.due is None):
            lessons.unowned.append(entry)
    counts = Counter(category for failure in lessons.failures for category, _ in failure.causes)
    lessons.cause_counts = dict(counts.most_common())
    return lessons
