"""Stage gates: readiness of each gate and what is missing before it can be decided."""

from __future__ import annotations

from dataclasses import dataclass, field

from dxkit.validate import DocumentView as Consortium

LENSES = ("desirability", "feasibility", "viability")
STAGES = ("planning", "demonstration", "implementation")


@dataclass
class CriterionView:
    lens: str
    id: str
    text: str
    evidence: list[str]
    state: str  # met, unmet, unknown


@dataclass
class Decision:
    gate: str
    outcome: str
    date: str
    decided_by: list[str]
    notes: str | None = None


@dataclass
class GateSummary:
    id: str
    from_stage: str
    to_stage: str
    met: int
    unmet: int
    unknown: int
    outcome: str | None


@dataclass
class GateView:
    id: str
    from_stage: str
    to_stage: str
    planned: str | None
    criteria: list[CriterionView]
    missing: list[CriterionView]
    decision: Decision | None


@dataclass
class GateReport:
    stage: str | None
    current: GateView | None
    gates: list[GateView] = field(default_factory=list)
    history: list[Decision] = field(default_factory=list)
    open_points: list[tuple[str, str, str]] = field(default_factory=list)  # (date, gate, point)


def _state(criterion: dict) -> str:
    if "met" not in criterion:
        return "unknown"
    return "met" if criterion["met"] else "unmet"


def _view(gate: dict) -> GateView:
    criteria = [
        CriterionView(lens, c["id"], c["text"], list(c.get("evidence", [])), _state(c))
        for lens in LENSES
        for c in gate["criteria"][lens]
    ]
    decision = gate.get("decision")
    return GateView(
        id=gate["id"],
        from_stage=gate["from"],
        to_stage=gate["to"],
        planned=gate.get("planned"),
        criteria=criteria,
        missing=[c for c in criteria if c.state != "met" or not c.evidence],
        decision=Decision(
            gate["id"], decision["outcome"], decision["date"], list(decision["decided_by"]), decision.get("notes")
        )
        if decision
        else None,
    )


def summarise_gates(c: Consortium) -> list[GateSummary]:
    out = []
    for gate in c.gates.data["gates"] if c.gates else []:
        view = _view(gate)
        states = [cr.state for cr in view.criteria]
        out.append(
            GateSummary(
                gate["id"],
                gate["from"],
                gate["to"],
                states.count("met"),
                states.count("unmet"),
                states.count("unknown"),
                view.decision.outcome if view.decision else None,
            )
        )
    return out


def build_gate_report(c: Consortium) -> GateReport:
    stage = c.charter.data["stage"] if c.charter else None
    views = [_view(g) for g in (c.gates.data["gates"] if c.gates else [])]
    current = None
    if stage is not None:
        # The gate that closes the current stage and has not been passed yet.
        candidates = [v for v in views if v.from_stage == stage]
        undecided = [v for v in candidates if v.decision is None or v.decision.outcome != "go"]
        current = (undecided or candidates or [None])[0]
    history = sorted((v.decision for v in views if v.decision), key=lambda d: d.date)
    points = []
    for doc in c.retrospectives:
        review = doc.data.get("gate_review")
        if review:
            points += [(doc.data["date"], review["gate"], p) for p in review.get("open_points", [])]
    return GateReport(stage, current, views, history, sorted(points))
