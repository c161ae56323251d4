"""Reporters for ``status``, ``gate``, ``keyperson`` and ``lessons``: an analysis result to blocks.

Each registry maps an :class:`AnalysisFormat` to a reporter; the command line builds its
``--format`` choices from :class:`AnalysisFormat` and picks the reporter from the registry.
Reporters translate, arrange and return blocks: they never print and never decide an exit code.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from dxkit.escape import json_document
from dxkit.i18n import translate
from dxkit.i18n.terms import CRITERION_STATE, LENS
from dxkit.labels import label
from dxkit.model.record import Record
from dxkit.reading import Reading
from dxkit.reporters.blocks import Document, Line, Table, Verbatim

if TYPE_CHECKING:
    from dxkit.analyses import Reason
    from dxkit.analyses.gates import GateReport
    from dxkit.analyses.keyperson import KeyPersonReport
    from dxkit.analyses.lessons import Lessons
    from dxkit.analyses.status import StatusReport

R = TypeVar("R")
Reporter = Callable[[R, str, Reading | None], Document]

#: The continuity risks the key-person analysis finds (:class:`dxkit.analyses.keyperson.Risk`).
_RISK_KIND = {
    "no-deputy": "kp.kind.no-deputy",
    "shared-deputy": "kp.kind.shared-deputy",
    "articulation-point": "kp.kind.articulation-point",
    "rotation": "kp.kind.rotation",
    "isolated": "kp.kind.isolated",
}


class AnalysisFormat(StrEnum):
    """The forms every analysis can be reported in."""

    text = "text"
    json = "json"


class _Say:
    """Catalogue texts in one language, and the consortium's values as its people read them."""

    def __init__(self, lang: str, reading: Reading | None = None) -> None:
        self.lang = lang
        self.reading = reading if reading is not None else Reading()

    def __call__(self, msg_id: str, **params: Any) -> str:
        return translate(msg_id, self.lang, **params)

    def listing(self, items: Iterable[str]) -> str:
        """Items in a cell, separated as the language does (、 in Japanese, never an ASCII ;)."""
        return self("listing.sep").join(items)

    def label(self, enum_name: str, value: str) -> str:
        """The schema's label of an enum value (:func:`dxkit.labels.label`)."""
        return label(enum_name, value, self.lang)

    def date(self, value: str | None) -> str:
        """An ISO date of a report as people read it (``2026年12月13日（日）``)."""
        return self.reading.date(value, self.lang)

    def member(self, member_id: str) -> str:
        """A member id as people read it: the organisation's name."""
        return self.reading.member(member_id, self.lang)

    def members(self, member_ids: list[str] | tuple[str, ...]) -> str:
        return self.reading.members(member_ids, self.lang)

    def reason(self, reason: Reason) -> str:
        """A reason's text, its codes and dates shown as people read them."""
        return translate(reason.msg_id, self.lang, **reason_params(reason, self.lang, self.reading))


def reason_params(reason: Reason, lang: str, reading: Reading) -> dict[str, object]:
    """The parameters of a reason with a member type as its label and a month as people write it."""
    params = dict(reason.params)
    if isinstance(params.get("type"), str):
        params["type"] = label("memberType", str(params["type"]), lang)
    if isinstance(params.get("month"), str):
        params["month"] = reading.month(str(params["month"]), lang)
    return params


def _table(title: str, columns: list[str], rows: list[list[str]], kinds: str = "") -> Table:
    """A table; ``kinds`` has one letter per column: ``t`` text, ``n`` name, ``c`` code (see :class:`Table`)."""
    names = {"t": "text", "n": "name", "c": "code"}
    return Table(
        title=title,
        columns=tuple(columns),
        rows=tuple(tuple(row) for row in rows),
        kinds=tuple(names[k] for k in kinds),
    )


# -- JSON ----------------------------------------------------------------------------------


def jsonable(value: object, lang: str) -> object:
    """Dataclass trees to JSON-ready data; a Reason becomes its id and its message."""
    from dxkit.analyses import Reason

    if isinstance(value, Reason):
        message = translate(value.msg_id, lang, **reason_params(value, lang, Reading()))
        return {"code": value.msg_id, "message": message}
    if isinstance(value, Record):
        return {name: jsonable(v, lang) for name, v in zip(value.FIELDS, value.values(), strict=True)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name), lang) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v, lang) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v, lang) for v in value]
    return value


def render_json(value: object, lang: str, reading: Reading | None = None) -> Document:
    """Any analysis result as indented JSON, texts in ``lang``; no control character raw.

    JSON is for programs: codes, member ids and ISO dates stay as the files have them
    (``reading`` is not used).
    """
    return (Verbatim(json_document(jsonable(value, lang)) + "\n"),)


# -- status --------------------------------------------------------------------------------


def render_status(report: StatusReport, lang: str, reading: Reading | None = None) -> Document:
    """Overdue, due-soon and blocked tasks, the load per member, gates, open tries, the last retrospective.

    ``reading`` (:meth:`Reading.of <dxkit.reading.Reading.of>` the consortium) shows members by
    name and dates as people write them; without it, ids are shown as written.
    """
    say = _Say(lang, reading)
    blocks: list[Line | Table | Verbatim] = [
        Line(
            say(
                "status.head",
                today=say.date(report.today),
                stage=say.label("stage", report.stage) if report.stage else "—",
                tasks=report.tasks,
            )
        )
    ]
    task_cols = [say("col.task"), say("col.title"), say("col.due"), say("col.accountable")]
    for key, lines, extra in (
        ("status.overdue_unexplained", report.overdue_unexplained, False),
        ("status.overdue_explained", report.overdue_explained, True),
        ("status.due_soon", report.due_soon, False),
        ("status.blocked", report.blocked, False),
    ):
        if not lines:
            blocks.append(Line(say(f"{key}.none")))
            continue
        counted = "overdue" in key or key == "status.due_soon"
        cols = task_cols + ([say("col.days_late")] if "overdue" in key else [say("col.days_left")] if counted else [])
        if extra:
            cols += [say("col.reason"), say("col.recovery"), say("col.new_due")]
        kinds = "ctcn" + ("c" if counted else "") + ("ttc" if extra else "")
        # One table per 年度 (April to March), the earliest first.
        for year in sorted({line.fiscal_year for line in lines}):
            in_year = [line for line in lines if line.fiscal_year == year]
            rows = []
            for line in in_year:
                row = [line.id, line.title, say.date(line.due), say.members(line.accountable)]
                if counted:
                    row.append(str(line.days))
                if extra:
                    row += [line.reason or "", line.recovery_plan or "", say.date(line.new_due)]
                rows.append(row)
            title = say("fiscal.in_year", title=say(key, count=len(in_year)), year=year)
            blocks.append(_table(title, cols, rows, kinds))
    blocks.append(
        _table(
            say("status.load"),
            [say("col.member"), say("col.open"), say("col.accountable"), say("col.responsible"), say("col.overdue")],
            [
                [say.member(m.member), str(m.open_tasks), str(m.accountable), str(m.responsible), str(m.overdue)]
                for m in report.load
            ],
            "ncccc",
        )
    )
    if report.gates:
        blocks.append(
            _table(
                say("status.gates"),
                [
                    say("col.gate"),
                    say("col.transition"),
                    say("col.met"),
                    say("col.unmet"),
                    say("col.unknown"),
                    say("col.decision"),
                ],
                [
                    [
                        g.id,
                        f"{say.label('stage', g.from_stage)} → {say.label('stage', g.to_stage)}",
                        str(g.met),
                        str(g.unmet),
                        str(g.unknown),
                        say.label("Decision.outcome", g.outcome) if g.outcome else say("gate.undecided"),
                    ]
                    for g in report.gates
                ],
                "ctcccc",
            )
        )
    if report.open_tries:
        blocks.append(
            _table(
                say("status.tries", count=len(report.open_tries)),
                [say("col.try"), say("col.owner"), say("col.due"), say("col.from")],
                [
                    [
                        x.text,
                        say.member(x.owner) if x.owner else say("status.missing"),
                        say.date(x.due) if x.due else say("status.missing"),
                        say.date(x.date),
                    ]
                    for x in report.open_tries
                ],
                "tncc",
            )
        )
    if report.last_retrospective:
        blocks.append(
            Line(
                say(
                    "status.retrospective",
                    date=say.date(report.last_retrospective),
                    days=report.days_since_retrospective,
                )
            )
        )
    else:
        blocks.append(Line(say("status.no_retrospective")))
    return tuple(blocks)


# -- gate ----------------------------------------------------------------------------------


def render_gate(report: GateReport, lang: str, reading: Reading | None = None) -> Document:
    """The current gate's criteria by lens with their evidence, what is missing, past decisions, open points."""
    from dxkit.model.vocabulary import LENSES

    say = _Say(lang, reading)
    blocks: list[Line | Table | Verbatim] = [
        Line(say("gate.stage", stage=say.label("stage", report.stage) if report.stage else "—"))
    ]
    current = report.current
    if current is None:
        blocks.append(Line(say("gate.none")))
    else:
        blocks.append(
            Line(
                say(
                    "gate.current",
                    id=current.id,
                    from_stage=say.label("stage", current.from_stage),
                    to_stage=say.label("stage", current.to_stage),
                    planned=say.date(current.planned) or "—",
                )
            )
        )
        for lens in LENSES:
            rows = [
                [c.id, c.text, say(CRITERION_STATE[c.state]), say.listing(c.evidence) or say("gate.no_evidence")]
                for c in current.criteria
                if c.lens == lens
            ]
            blocks.append(
                _table(
                    say(LENS[lens]),
                    [say("col.id"), say("col.criterion"), say("col.state"), say("col.evidence")],
                    rows,
                    "ctct",
                )
            )
        if current.missing:
            blocks.append(Line(say("gate.missing", count=len(current.missing))))
            for c in current.missing:
                why = (
                    say("gate.why_unmet")
                    if c.state == "unmet"
                    else say("gate.why_unknown")
                    if c.state == "unknown"
                    else say("gate.why_evidence")
                )
                blocks.append(Line(f"  - {c.id} ({say(LENS[c.lens])}): {c.text} — {why}"))
        else:
            blocks.append(Line(say("gate.ready")))
    if report.history:
        blocks.append(
            _table(
                say("gate.history"),
                [say("col.gate"), say("col.date"), say("col.decision"), say("col.decided_by"), say("col.notes")],
                [
                    [
                        d.gate,
                        say.date(d.date),
                        say.label("Decision.outcome", d.outcome),
                        say.members(d.decided_by),
                        d.notes or "",
                    ]
                    for d in report.history
                ],
                "cccnt",
            )
        )
    if report.open_points:
        blocks.append(
            _table(
                say("gate.open_points"),
                [say("col.date"), say("col.gate"), say("col.point")],
                [[say.date(date), gate, point] for date, gate, point in report.open_points],
                "cct",
            )
        )
    return tuple(blocks)


# -- key person ----------------------------------------------------------------------------


def render_keyperson(report: KeyPersonReport, lang: str, reading: Reading | None = None) -> Document:
    """Ranked key-person candidates with their reasons, continuity risks, and the network as mermaid."""
    say = _Say(lang, reading)
    blocks: list[Line | Table | Verbatim] = [
        Line(say("kp.head", members=report.members, relations=report.relations, components=report.components)),
        _table(
            say("kp.candidates"),
            [say("col.rank"), say("col.member"), say("col.score"), say("col.reasons")],
            [
                [
                    str(i),
                    say.member(c.member),
                    f"{c.score:.2f}",
                    say.listing(say.reason(r) for r in c.reasons),
                ]
                for i, c in enumerate(report.candidates, 1)
            ],
            "cnct",
        ),
    ]
    if report.risks:
        blocks.append(
            _table(
                say("kp.risks"),
                [say("col.risk"), say("col.member"), say("col.detail")],
                [[say(_RISK_KIND[r.kind]), say.member(r.member), say.reason(r.reason)] for r in report.risks],
                "cnt",
            )
        )
    else:
        blocks.append(Line(say("kp.no_risks")))
    blocks += _structure(report, say)
    blocks.append(Line(say("kp.mermaid")))
    blocks.append(Verbatim("```mermaid\n" + report.mermaid + "```\n"))
    return tuple(blocks)


def _structure(report: KeyPersonReport, say: _Say) -> list[Line | Table | Verbatim]:
    """The charter's layers and talent plan, when it has them."""
    blocks: list[Line | Table | Verbatim] = []
    if report.layers:
        blocks.append(
            _table(
                say("talent.layers"),
                [say("talent.col.layer"), say("talent.col.layer_type"), say("col.member")],
                [
                    [layer.name, say.label("Layer.type", layer.type) if layer.type else "", say.members(layer.members)]
                    for layer in report.layers
                ],
                "ttn",
            )
        )
    if report.talent_plan:
        blocks.append(
            _table(
                say("talent.plan"),
                [
                    say("talent.col.stage"),
                    say("talent.col.talent"),
                    say("talent.col.sourcing"),
                    say("talent.col.leads"),
                    say("talent.col.people"),
                ],
                [
                    [
                        say.label("processStage", entry.stage),
                        say.label("talentType", entry.talent),
                        say.label("TalentStage.sourcing", entry.sourcing),
                        say.members(entry.leads) if entry.leads else say("talent.no_lead"),
                        say.listing(entry.people) if entry.people else say("talent.no_people"),
                    ]
                    for entry in report.talent_plan
                ],
                "tttnn",
            )
        )
    return blocks


# -- lessons -------------------------------------------------------------------------------


def render_lessons_page(lessons: Lessons, lang: str, reading: Reading | None = None) -> Document:
    """The lessons page (Markdown) as it is written to a file."""
    from dxkit.render.lessons import render_lessons

    return (Verbatim(render_lessons(lessons, lang, reading=reading)),)


# -- registries ----------------------------------------------------------------------------

STATUS_REPORTERS: Mapping[AnalysisFormat, Reporter[StatusReport]] = {
    AnalysisFormat.text: render_status,
    AnalysisFormat.json: render_json,
}
GATE_REPORTERS: Mapping[AnalysisFormat, Reporter[GateReport]] = {
    AnalysisFormat.text: render_gate,
    AnalysisFormat.json: render_json,
}
KEYPERSON_REPORTERS: Mapping[AnalysisFormat, Reporter[KeyPersonReport]] = {
    AnalysisFormat.text: render_keyperson,
    AnalysisFormat.json: render_json,
}
LESSONS_REPORTERS: Mapping[AnalysisFormat, Reporter[Lessons]] = {
    AnalysisFormat.text: render_lessons_page,
    AnalysisFormat.json: render_json,
}
