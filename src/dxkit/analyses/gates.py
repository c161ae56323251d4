"""Stage gates: readiness of each gate and what is missing before it can be decided."""

from __future__ import annotations

from dataclasses import dataclass, field

from dxkit.model import Consortium
from dxkit.model.records import Criterion, Gate
from dxkit.model.vocabulary import criteria_by_lens


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


def _state(criterion: Criterion) -> str:
    if criterion.met is None:
        return "unknown"
    return "met" if criterion.met else "unmet"


def _view(gate: Gate) -> GateView:
    criteria = [
        CriterionView(lens, c.id, c.text, list(c.evidence), _state(c)) for lens, c in criteria_by_lens(gate.criteria)
    ]
    decision = gate.decision
    return GateView(
        id=gate.id,
        from_stage=gate.from_,
        to_stage=gate.to,
        planned=gate.planned.isoformat() if gate.planned else None,
        criteria=criteria,
        missing=[c for c in criteria if c.state != "met" or not c.evidence],
        decision=Decision(
            gate.id, decision.outcome, decision.date.isoformat(), list(decision.decided_by), decision.notes
        )
        if decision
        else None,
    )


def summarise_gates(consortium: Consortium) -> list[GateSummary]:
    """Criteria counts and the decision of every gate, in every gates file."""
    out = []
    for gate in consortium.gates:
        view = _view(gate)
        states = [cr.state for cr in view.criteria]
        out.append(
            GateSummary(
                gate.id,
                gate.from_,
                gate.to,
                states.count("met"),
                states.count("unmet"),
                states.count("unknown"),
                view.decision.outcome if view.decision else None,
            )
        )
    return out


def build_gate_report(c: Consortium) -> GateReport:
    stage = c.charter.stage if c.charter else None
    views = [_view(g) for g in c.gates]
    current = None
    if stage is not None:
        # The gate that closes the current stage and has not been passed yet.
        candidates = [v for v in views if v.from_stage == stage]
        undecided = [v for v in candidates if v.decision is None or v.decision.outcome != "go"]
        current = next(iter(undecided or candidates), None)
    history = sorted((v.decision for v in views if v.decision), key=lambda d: d.date)
    points = []
    for retro in c.retrospectives:
        review = retro.gate_review
        if review is not None:
            points += [(retro.date.isoformat(), review.gate, p) for p in review.open_points]
    return GateReport(stage, current, views, history, sorted(points))
