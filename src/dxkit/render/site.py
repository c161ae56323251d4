"""Markdown pages of a consortium's own site, generated from its governance files.

Every string that comes from a person's file goes through :func:`_md` (Markdown and HTML
characters escaped) or, inside diagrams, through the diagram's own escaping; nothing a member
types can become markup or script on the site.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath
from typing import Any

from dxkit.analyses.gates import build_gate_report
from dxkit.analyses.keyperson import analyse
from dxkit.analyses.lessons import gather
from dxkit.i18n import translate
from dxkit.model.vocabulary import LENSES
from dxkit.render.agenda import slots
from dxkit.render.exports import render_gantt
from dxkit.render.lessons import _md, render_lessons
from dxkit.rules import Consortium


class _Labels:
    """Labels in the site's language, followed by the other language when both are asked for."""

    def __init__(self, lang: str, bilingual: bool) -> None:
        self.lang = lang
        self.other = ("en" if lang == "ja" else "ja") if bilingual else None

    def __call__(self, key: str, **params: Any) -> str:
        text = translate(key, self.lang, **params)
        if self.other and not params:
            second = translate(key, self.other)
            if second != text:
                return f"{text} / {second}"
        return text

    def only(self, key: str, **params: Any) -> str:
        return translate(key, self.lang, **params)


def _table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cell if cell else "—" for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _members(value: Any) -> str:
    if value is None:
        return ""
    return ", ".join(_md(v) for v in ([value] if isinstance(value, str) else value))


def _page_overview(c: Consortium, L: _Labels) -> str:
    data = c.charter.data
    parts = [
        f"# {_md(data['name'])}\n\n",
        f"**{L('site.municipality')}**: {_md(data['municipality'])}  \n",
        f"**{L('site.stage')}**: {L('stage.' + data['stage'])}\n\n",
    ]
    vision = data.get("vision")
    if vision:
        parts.append(f"## {L('site.vision')}\n\n{_md(vision['statement'])}\n\n")
        plan = vision.get("comprehensive_plan")
        if plan:
            where = f"{_md(plan['title'])}" + (f" — {_md(plan['section'])}" if plan.get("section") else "")
            parts.append(f"{L('site.plan')}: {where}\n\n")
    parts.append(f"## {L('site.purpose')}\n\n{_md(data['purpose'])}\n\n")
    parts.append(f"{L('site.scope')}: " + "、".join(L.only(f"field.{f}") for f in data["scope"]) + "\n\n")
    parts.append(f"## {L('site.key_persons')}\n\n")
    names = c.member_names()
    rows = [
        [
            _md(p["name"]),
            _md(names.get(p["member"], p["member"])),
            _md(p["role"]),
            _md(p["deputy"]["name"]) if p.get("deputy") else L.only("site.none"),
        ]
        for p in data["key_persons"]
    ]
    parts.append(_table([L("site.col.name"), L("site.col.member"), L("site.col.role"), L("site.col.deputy")], rows))
    sections = [
        ("decision_making", "site.decision", ("method", "quorum", "escalation")),
        ("meetings", "site.meetings", ("cadence", "format")),
        ("data_policy", "site.data_policy", ("personal_data", "handling", "advisory_check", "individual_control")),
        ("continuity", "site.continuity", ("member_withdrawal", "staff_rotation")),
        ("sharing", "site.sharing", ("inter_regional", "publish_failures")),
    ]
    for key, label, fields in sections:
        section = data.get(key)
        if not section:
            continue
        parts.append(f"\n## {L(label)}\n\n")
        for name in fields:
            if name in section:
                value = section[name]
                shown = L.only("lessons.yes" if value else "lessons.no") if isinstance(value, bool) else _md(str(value))
                parts.append(f"- **{L(f'site.field.{name}')}**: {shown}\n")
    return "".join(parts)


def _page_members(c: Consortium, L: _Labels) -> str:
    members = c.members.data["members"]
    parts = [f"# {L('site.members')}\n\n"]
    by_type: dict[str, list[dict]] = {}
    for m in members:
        by_type.setdefault(m["type"], []).append(m)
    for kind, group in by_type.items():
        parts.append(f"## {L('member_type.' + kind)}\n\n")
        parts.append(
            _table(
                [L("site.col.name"), L("site.col.contributes"), L("site.col.people")],
                [
                    [
                        _md(m["name"]),
                        "、".join(_md(x) for x in m.get("contributes", [])),
                        "、".join(_md(p["name"]) for p in m.get("people", [])),
                    ]
                    for m in group
                ],
            )
            + "\n"
        )
    report = analyse(c)
    parts.append(f"## {L('site.network')}\n\n{L.only('site.network_intro')}\n\n```mermaid\n{report.mermaid}```\n")
    return "".join(parts)


def _page_roles(c: Consortium, L: _Labels) -> str:
    tasks = c.roles.data["tasks"]
    rows = []
    for task in tasks:
        due = dt.date.fromisoformat(task["due"])
        late = task["status"] in ("not-started", "in-progress", "blocked") and due < c.today
        status = L.only(f"site.status.{task['status']}") + (f" **{L.only('site.overdue')}**" if late else "")
        done = task.get("done_criteria")
        title = _md(task["title"]) + (f"<br><small>{L.only('site.col.done')}: {_md(done)}</small>" if done else "")
        rows.append(
            [
                _md(task["id"]),
                title,
                L.only(f"stage.{task['stage']}"),
                _members(task["responsible"]),
                _members(task["accountable"]),
                task["due"],
                status,
            ]
        )
    parts = [
        f"# {L('site.roles')}\n\n",
        L.only("site.roles_intro", today=c.today.isoformat()) + "\n\n",
        _table(
            [
                L("site.col.id"),
                L("col.title"),
                L("site.stage"),
                L("col.responsible"),
                L("col.accountable"),
                L("col.due"),
                L("site.col.status"),
            ],
            rows,
        ),
    ]
    late_rows = [
        [
            _md(t["id"]),
            _md(t["delay"].get("reason", "")),
            _md(t["delay"].get("recovery_plan", "")),
            t["delay"].get("new_due", ""),
        ]
        for t in tasks
        if t.get("delay")
    ]
    if late_rows:
        parts.append(
            f"\n## {L('site.delays')}\n\n"
            + _table([L("site.col.id"), L("col.reason"), L("col.recovery"), L("col.new_due")], late_rows)
        )
    parts.append(f"\n## {L('site.gantt')}\n\n```mermaid\n{render_gantt(c, L.lang)}```\n")
    return "".join(parts)


def _page_gates(c: Consortium, L: _Labels) -> str:
    report = build_gate_report(c)
    parts = [f"# {L('site.gates')}\n\n"]
    for gate in report.gates:
        parts.append(
            f"## {_md(gate.id)}: {L.only('stage.' + gate.from_stage)} → {L.only('stage.' + gate.to_stage)}\n\n"
        )
        if gate.planned:
            parts.append(f"{L('site.planned')}: {gate.planned}\n\n")
        for lens in LENSES:
            rows = [
                [_md(cr.id), _md(cr.text), L.only(f"state.{cr.state}"), "<br>".join(_md(e) for e in cr.evidence)]
                for cr in gate.criteria
                if cr.lens == lens
            ]
            parts.append(
                f"### {L('lens.' + lens)}\n\n"
                + _table([L("site.col.id"), L("col.criterion"), L("col.state"), L("col.evidence")], rows)
                + "\n"
            )
        if gate.decision:
            d = gate.decision
            parts.append(
                f"**{L('col.decision')}**: {L.only('outcome.' + d.outcome)} ({d.date}, {_members(d.decided_by)})"
                + (f" — {_md(d.notes)}" if d.notes else "")
                + "\n\n"
            )
        else:
            parts.append(f"**{L('col.decision')}**: {L.only('gate.undecided')}\n\n")
    return "".join(parts)


def _page_issues(c: Consortium, L: _Labels) -> str:
    rows = [
        [
            _md(i["id"]),
            _md(i["title"]),
            L.only(f"field.{i['category']}"),
            L.only(f"site.priority.{i['priority']}"),
            _md(i.get("status", "")),
            "<br>".join(_md(e) for e in i.get("evidence", [])),
        ]
        for i in c.issues.data["issues"]
    ]
    return f"# {L('site.issues')}\n\n" + _table(
        [
            L("site.col.id"),
            L("col.title"),
            L("site.col.category"),
            L("site.col.priority"),
            L("site.col.status"),
            L("col.evidence"),
        ],
        rows,
    )


def _agenda_table(data: dict[str, Any], L: _Labels) -> str:
    rows = [
        [
            (f"{s.start}–{s.end}" if s.start else str(s.offset)),
            L.only("agenda.minutes", minutes=s.minutes),
            _md(s.title),
            _md(s.description),
        ]
        for s in slots(data)
    ]
    return _table([L("agenda.time"), L("agenda.length"), L("agenda.step"), L("agenda.how")], rows)


def _page_workshop(doc_data: dict[str, Any], L: _Labels) -> str:
    parts = [
        f"# {_md(doc_data['title'])}\n\n",
        f"{doc_data['date']} ・ {L.only('agenda.minutes', minutes=doc_data['duration_minutes'])}\n\n",
        f"## {L('agenda.steps')}\n\n",
        _agenda_table(doc_data, L),
    ]
    outputs = doc_data.get("outputs", {})
    if outputs.get("issues"):
        rows = [
            [_md(i["title"]), str(i.get("votes", "")), L.only(f"field.{i['category']}") if i.get("category") else ""]
            for i in outputs["issues"]
        ]
        parts.append(
            f"\n## {L('site.found_issues')}\n\n"
            + _table([L("col.title"), L("site.col.votes"), L("site.col.category")], rows)
        )
    for key in ("ideas", "decisions", "notes"):
        if outputs.get(key):
            parts.append(f"\n## {L('site.outputs.' + key)}\n\n" + "".join(f"- {_md(x)}\n" for x in outputs[key]))
    return "".join(parts)


def _page_retrospective(data: dict[str, Any], L: _Labels) -> str:
    parts = [f"# {_md(data['title'])}\n\n", f"{data['date']}\n\n"]
    sections = {
        "kpt": [("keep", "lessons.keep"), ("problem", "lessons.problem"), ("try", "lessons.try")],
        "four_l": [
            ("liked", "site.4l.liked"),
            ("learned", "site.4l.learned"),
            ("lacked", "site.4l.lacked"),
            ("longed_for", "site.4l.longed_for"),
        ],
    }
    for section, keys in sections.items():
        block = data.get(section)
        if not block:
            continue
        for key, label in keys:
            items = block.get(key, [])
            if items:
                lines = [f"- {_md(x['text'] if isinstance(x, dict) else x)}\n" for x in items]
                parts.append(f"## {L(label)}\n\n" + "".join(lines) + "\n")
    review = data.get("gate_review")
    if review:
        parts.append(f"## {L('site.gate_review', gate=review['gate'])}\n\n{_md(review['summary'])}\n\n")
        parts += [f"- {_md(p)}\n" for p in review.get("open_points", [])]
    analysis = data.get("failure_analysis")
    if analysis:
        parts.append(
            f"## {L('lessons.failures')}\n\n- {L('lessons.target')}: {_md(analysis['target'])}\n"
            f"- {L('lessons.result')}: {_md(analysis['result'])}\n\n"
        )
        parts.append(
            _table(
                [L("lessons.category"), L("lessons.cause")],
                [[L.only(f"cause.{c.get('category', 'other')}"), _md(c["cause"])] for c in analysis["causes"]],
            )
        )
    return "".join(parts)


def site_pages(c: Consortium, lang: str, *, bilingual: bool = False) -> dict[PurePosixPath, str]:
    """Every page of the site, by path under ``docs/``."""
    L = _Labels(lang, bilingual)
    pages: dict[PurePosixPath, str] = {PurePosixPath("index.md"): _page_overview(c, L)}
    if c.members:
        pages[PurePosixPath("members.md")] = _page_members(c, L)
    if c.roles:
        pages[PurePosixPath("roles.md")] = _page_roles(c, L)
    if c.gates:
        pages[PurePosixPath("gates.md")] = _page_gates(c, L)
    if c.issues:
        pages[PurePosixPath("issues.md")] = _page_issues(c, L)
    for folder, docs, render in (
        ("workshops", c.workshops, _page_workshop),
        ("retrospectives", c.retrospectives, _page_retrospective),
    ):
        ordered = sorted(docs, key=lambda d: (d.data["date"], d.path))
        if not ordered:
            continue
        rows = []
        for doc in ordered:
            name = PurePosixPath(doc.path).stem + ".md"
            pages[PurePosixPath(folder, name)] = render(doc.data, L)
            rows.append([doc.data["date"], f"[{_md(doc.data['title'])}]({name})"])
        pages[PurePosixPath(folder, "index.md")] = f"# {L('site.' + folder)}\n\n" + _table(
            [L("col.date"), L("col.title")], rows
        )
    if c.retrospectives:
        pages[PurePosixPath("lessons.md")] = render_lessons(gather(c), lang)
    return pages
