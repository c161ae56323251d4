"""Lessons across retrospectives: what to keep, what went wrong, what to try, why targets were missed.

The report asks consortia to treat an analysed failure as a result and to share it with other
regions (報告書（案）第3章3(3)①); this gathers every retrospective into one lessons page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from dxkit.analyses.status import iter_tries
from dxkit.validate import DocumentView as Consortium


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


def gather(c: Consortium) -> Lessons:
    docs = sorted(c.retrospectives, key=lambda d: (d.data["date"], d.path))
    lessons = Lessons(retrospectives=len(docs))
    for doc in docs:
        data, date, path = doc.data, doc.data["date"], doc.path
        kpt = data.get("kpt", {})
        lessons.keep += [Item(t, date, path) for t in kpt.get("keep", [])]
        lessons.problem += [Item(t, date, path) for t in kpt.get("problem", [])]
        four = data.get("four_l", {})
        lessons.keep += [Item(t, date, path) for t in four.get("liked", [])]
        lessons.learned += [Item(t, date, path) for t in four.get("learned", [])]
        lessons.problem += [Item(t, date, path) for t in four.get("lacked", [])]
        analysis = data.get("failure_analysis")
        if analysis:
            lessons.failures.append(
                Failure(
                    data["title"],
                    date,
                    path,
                    analysis["target"],
                    analysis["result"],
                    [(cause.get("category", "other"), cause["cause"]) for cause in analysis["causes"]],
                    [
                        Item(t["text"], date, path, t.get("owner"), t.get("due"), t.get("done", False))
                        for t in analysis.get("countermeasures", [])
                    ],
                    bool(analysis.get("publish")),
                )
            )
    for doc, where, item in iter_tries(c):
        entry = Item(
            item["text"], doc.data["date"], doc.path, item.get("owner"), item.get("due"), item.get("done", False)
        )
        if where[0] == "kpt":
            lessons.tries.append(entry)
        if not entry.done and (entry.owner is None or entry.due is None):
            lessons.unowned.append(entry)
    counts = Counter(category for failure in lessons.failures for category, _ in failure.causes)
    lessons.cause_counts = dict(counts.most_common())
    return lessons
