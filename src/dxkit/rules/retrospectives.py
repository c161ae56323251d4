"""Rules on retrospectives and on learning from them: DX6xx."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.i18n import LANGS, translate
from dxkit.model import Consortium, Loc
from dxkit.model.records import Retrospective
from dxkit.rules.core import iter_texts
from dxkit.rules.registry import Hit, rule, shown_date

#: How long a consortium may go without looking back.
RETROSPECTIVE_INTERVAL_DAYS = 90
#: How much of a Try a message quotes.
_QUOTED = 40


@rule("DX601", "try-without-owner", Severity.WARNING, guide="projects/retrospectives.md")
def check_try_without_owner(c: Consortium) -> Iterator[Hit]:
    for item in c.iter_tries():
        action = item.action
        if not action.done and (action.owner is None or action.due is None):
            text = action.text if len(action.text) <= _QUOTED else action.text[: _QUOTED - 1] + "…"
            yield Hit(action.at, {"text": text})


def _held(retrospective: Retrospective, today: dt.date, markers: list[str]) -> bool:
    """Whether a record shows a retrospective that took place: dated by today, with something written.

    A record made ahead of time (dated later) or one whose every text is still a placeholder
    (``dxkit new retrospective`` writes empty lists and 〔記入〕) does not count.
    """
    if retrospective.date > today:
        return False
    sections = (retrospective.kpt, retrospective.gate_review, retrospective.failure_analysis, retrospective.four_l)
    for section in sections:
        if section is None:
            continue
        for _at, text in iter_texts(section):
            if text.strip() and not any(marker in text for marker in markers):
                return True
    return False


def held_retrospectives(c: Consortium) -> list[Retrospective]:
    """The retrospectives that took place, newest first (by date, then by file name)."""
    markers = [translate("placeholder", lang) for lang in LANGS]
    held = [r for r in c.retrospectives if _held(r, c.today, markers)]
    return sorted(held, key=lambda r: (r.date, r.at.file), reverse=True)


@rule("DX602", "retrospective-overdue", Severity.WARNING, guide="projects/retrospectives.md")
def check_retrospective_overdue(c: Consortium) -> Iterator[Hit]:
    if "retrospective" in c.incomplete:
        return  # a retrospective left out for its schema errors may be the newest
    held = held_retrospectives(c)
    if not held:
        return  # DX603's case
    newest = held[0]
    if c.today - newest.date > dt.timedelta(days=RETROSPECTIVE_INTERVAL_DAYS):
        yield Hit(
            newest.at / "date",
            {
                "since": shown_date(newest.date, c),
                "days": (c.today - newest.date).days,
                "limit": RETROSPECTIVE_INTERVAL_DAYS,
            },
        )


@rule("DX603", "first-retrospective-overdue", Severity.WARNING, guide="projects/retrospectives.md")
def check_no_retrospective_yet(c: Consortium) -> Iterator[Hit]:
    """No retrospective has taken place, though work began more than the interval ago."""
    if "retrospective" in c.incomplete or held_retrospectives(c):
        return
    begun: list[tuple[dt.date, str, Loc]] = [(t.start, t.id, t.at / "start") for t in c.tasks if t.start is not None]
    begun += [(w.date, w.title, w.at / "date") for w in c.workshops]
    if not begun:
        return
    first, what, at = min(begun, key=lambda item: item[0])
    if c.today - first > dt.timedelta(days=RETROSPECTIVE_INTERVAL_DAYS):
        yield Hit(at, {"what": what, "since": shown_date(first, c), "days": (c.today - first).days})
