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


@dataclass
class Published:
    """One retrospective marked for publication, as other regions read it (横展開).

    ``target`` and ``result`` are a failure analysis's missed target and what came of it;
    ``happened`` is what else happened (KPT's keep and problem,
    4L's liked and lacked, a gate review's summary), ``why`` the analysed causes as
    ``(category, cause)``, ``changed`` what the consortium changes or tries next. Codes
    (``format``, ``stage``, ``field``, cause categories) stay codes; a renderer shows labels.
    """

    file: str
    title: str
    date: str
    format: str
    stage: str | None
    field: str | None
    target: str | None
    result: str | None
    happened: list[str]
    why: list[tuple[str, str]]
    changed: list[Item]
    learned: list[str]
    participants: tuple[str, ...]


def is_published(retro: Retrospective) -> bool:
    """Whether a retrospective is marked for publication (``publish``, or its failure analysis's)."""
    analysis = retro.failure_analysis
    return bool(retro.publish) or (analysis is not None and bool(analysis.publish))


def shares_lessons(c: Consortium) -> bool:
    """Whether the charter shares lessons with other regions (``sharing.publish_lessons``, yes by default)."""
    sharing = c.charter.sharing if c.charter is not None else None
    return sharing is None or sharing.publish_lessons is not False


def _published(retro: Retrospective, share_failures: bool) -> Published | None:
    happened: list[str] = []
    why: list[tuple[str, str]] = []
    changed: list[Item] = []
    learned: list[str] = []
    target = result = None
    analysis = retro.failure_analysis
    if analysis is not None and share_failures:
        target, result = analysis.target, analysis.result
        why += [(cause.category or "other", cause.cause) for cause in analysis.causes]
        changed += [_action(a, retro) for a in analysis.countermeasures]
    if retro.kpt is not None:
        happened += [*retro.kpt.keep, *retro.kpt.problem]
        changed += [_action(a, retro) for a in retro.kpt.try_]
    if retro.four_l is not None:
        happened += [*retro.four_l.liked, *retro.four_l.lacked]
        learned += list(retro.four_l.learned)
        changed += [Item(t, retro.date.isoformat(), retro.at.file) for t in retro.four_l.longed_for]
    if retro.gate_review is not None:
        happened.append(retro.gate_review.summary)
        changed += [Item(t, retro.date.isoformat(), retro.at.file) for t in retro.gate_review.open_points]
    if not (target or happened or why or changed or learned):
        return None
    return Published(
        retro.at.file,
        retro.title,
        retro.date.isoformat(),
        retro.format,
        retro.stage,
        retro.field,
        target,
        result,
        happened,
        why,
        changed,
        learned,
        retro.participants,
    )


def published(c: Consortium) -> list[Published]:
    """The retrospectives of ``c`` that other regions may read, newest first.

    Only those marked for publication (:func:`is_published`), and none when the charter does not
    share lessons (:func:`shares_lessons`). A failure analysis is left out when the charter says
    failures are not published (``sharing.publish_failures: false``).
    """
    if not shares_lessons(c):
        return []
    sharing = c.charter.sharing if c.charter is not None else None
    share_failures = sharing is None or sharing.publish_failures is not False
    retros = sorted(c.retrospectives, key=lambda r: (r.date, r.at.file), reverse=True)
    found = (_published(retro, share_failures) for retro in retros if is_published(retro))
    return [entry for entry in found if entry is not None]
