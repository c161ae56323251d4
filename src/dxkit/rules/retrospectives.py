"""Rules on retrospectives and on learning from them: DX6xx."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from dxkit.findings import Severity
from dxkit.loading import Document
from dxkit.rules import Consortium, Hit, docs, rule


def iter_tries(c: Consortium) -> Iterator[tuple[Document, tuple[str, str, int], dict[str, Any]]]:
    """Every Try and countermeasure in the retrospectives, with where it came from."""
    for doc in c.retrospectives:
        data = doc.data
        items = [("kpt", "try", i, t) for i, t in enumerate(data.get("kpt", {}).get("try", []))]
        items += [
            ("failure_analysis", "countermeasures", i, t)
            for i, t in enumerate(data.get("failure_analysis", {}).get("countermeasures", []))
        ]
        for section, key, index, item in items:
            yield doc, (section, key, index), item


def last_activity(c: Consortium) -> dt.date | None:
    """The date of the newest retrospective, if any."""
    dates = [dt.date.fromisoformat(doc.data["date"]) for doc in c.retrospectives]
    return max(dates) if dates else None


#: How long a consortium may go without looking back.
RETROSPECTIVE_INTERVAL_DAYS = 90


@rule(
    "DX601",
    "try-without-owner",
    Severity.WARNING,
    title={"ja": "担当か期限のない Try", "en": "Try without an owner or a date"},
    message={
        "ja": "「{text}」に担当（owner）か期限（due）がありません。誰がいつまでに試すかを決めてください。",
        "en": "'{text}' has no owner or no due date; decide who tries it by when.",
    },
    docs=docs(
        what=(
            "振り返りの Try と失敗分析の対策（countermeasures）のうち、完了していないものに "
            "`owner`（担当メンバー）と `due`（期限）があるかを確かめます。",
            "Checks that every unfinished Try and failure-analysis countermeasure has an `owner` "
            "(member id) and a `due` date.",
        ),
        why=(
            "担当と期限のない改善策は実行されず、次の振り返りで同じ問題がまた挙がります。"
            "報告書（案）図5-2 が求める「誰が何をいつまでに」は、振り返りの結果にも当てはまります。",
            "An improvement with no owner and no date does not happen, and the same problem comes "
            "back at the next retrospective. The report draft's 'who does what by when' (fig. 5-2) "
            "applies to what a retrospective decides, too.",
        ),
        fix=("`owner` と `due` を書いてください。", "Add `owner` and `due`."),
    ),
    guide="projects/retrospectives.md",
    example="  try:\n    - text: 夜の回を設ける\n",
    fix="  try:\n    - text: 夜の回を設ける\n      owner: city\n      due: 2026-09-30\n",
)
def check_try_without_owner(c: Consortium) -> Iterator[Hit]:
    for doc, path, item in iter_tries(c):
        if not item.get("done") and ("owner" not in item or "due" not in item):
            text = item["text"] if len(item["text"]) <= 40 else item["text"][:39] + "…"
            yield Hit(doc, path, {"text": text})


@rule(
    "DX602",
    "retrospective-overdue",
    Severity.WARNING,
    title={"ja": "しばらく振り返っていない", "en": "Retrospective overdue"},
    message={
        "ja": "最後の振り返り（{last}）から {days} 日が経っています。{limit} 日以内に振り返りを行ってください。",
        "en": "The last retrospective ({last}) was {days} days ago; hold one at least every {limit} days.",
    },
    docs=docs(
        what=(
            "最新の振り返りが `--today` から 90 日より前のときに警告します。振り返りがまだ一つもなく、"
            "90 日より前に始まったタスクやワークショップがあるときも警告します。",
            "Warns when the newest retrospective is more than 90 days before `--today`, or when "
            "there is none yet although tasks or workshops began more than 90 days ago.",
        ),
        why=(
            "報告書（案）第5章3(1)③は、課題の発見から試作、振り返り、合意形成までを繰り返すことを求めています。"
            "振り返りの間が空くと、うまくいかない進め方が続き、失敗から学ぶ機会を失います。",
            "The report draft (ch. 5, 3(1)③) asks consortia to repeat discovery, prototyping, "
            "reflection and consensus. Long gaps between retrospectives let a failing approach run "
            "on and waste the chance to learn from it.",
        ),
        fix=(
            "`dxkit new retrospective kpt` で振り返りを記録してください。",
            "Record one with `dxkit new retrospective kpt`.",
        ),
    ),
    guide="projects/retrospectives.md",
)
def check_retrospective_overdue(c: Consortium) -> Iterator[Hit]:
    limit = dt.timedelta(days=RETROSPECTIVE_INTERVAL_DAYS)
    last = last_activity(c)
    anchor = c.charter or c.roles
    if anchor is None:
        return
    if last is not None:
        if c.today - last > limit:
            newest = max(c.retrospectives, key=lambda d: d.data["date"])
            yield Hit(
                newest,
                ("date",),
                {"last": last.isoformat(), "days": (c.today - last).days, "limit": RETROSPECTIVE_INTERVAL_DAYS},
            )
        return
    started = [dt.date.fromisoformat(t["start"]) for t in (c.roles.data["tasks"] if c.roles else []) if "start" in t]
    started += [dt.date.fromisoformat(w.data["date"]) for w in c.workshops]
    if started and c.today - min(started) > limit:
        first = min(started).isoformat()
        yield Hit(
            anchor,
            ("kind",),
            {"last": first, "days": (c.today - min(started)).days, "limit": RETROSPECTIVE_INTERVAL_DAYS},
        )
