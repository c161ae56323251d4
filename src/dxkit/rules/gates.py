"""Rules on the stage gates (``gates.yaml``): DX4xx.

DX403 and DX404 look at the gate into implementation and roll-out (実装・展開) together with
the three-year cost and revenue plan (``plan.yaml``): the gate asks whether the work can carry
itself, and the plan is where the answer is written down.
"""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.model.plan import fiscal_years, plan_totals
from dxkit.model.records import CostPlan, Gate
from dxkit.model.vocabulary import STAGES, stage_words
from dxkit.rules.registry import Hit, rule, suggest


@rule("DX401", "stage-beyond-undecided-gate", Severity.ERROR, guide="projects/stage-gates.md")
def check_stage_beyond_undecided_gate(c: Consortium) -> Iterator[Hit]:
    if "gates" in c.incomplete:
        return  # a gate left out for its schema errors may hold the decision
    passed = {(gate.from_, gate.to) for gate in c.gates if gate.decision is not None and gate.decision.outcome == "go"}
    for charter in c.charters:
        for step in range(STAGES.index(charter.stage)):
            from_stage, to_stage = STAGES[step], STAGES[step + 1]
            if (from_stage, to_stage) not in passed:
                yield Hit(
                    charter.at / "stage",
                    {
                        "stage": stage_words(charter.stage),
                        "from_stage": stage_words(from_stage),
                        "to_stage": stage_words(to_stage),
                    },
                )


@rule("DX402", "unknown-review-gate", Severity.ERROR, guide="projects/stage-gates.md")
def check_unknown_review_gate(c: Consortium) -> Iterator[Hit]:
    if not c.gate_files or "gates" in c.incomplete:
        return  # no gates to compare with, or some were left out for their schema errors
    ids = {gate.id for gate in c.gates}
    for retro in c.retrospectives:
        review = retro.gate_review
        if review is not None and review.gate not in ids:
            yield Hit(review.at / "gate", {"gate": review.gate, **suggest(review.gate, ids)})


def _implementation_gates_at_hand(c: Consortium) -> list[Gate]:
    """The gates into implementation and roll-out that are being decided or have been passed.

    A gate into ``implementation`` is at hand when a decision other than stop is recorded for it
    (go, hold, recycle), or, while it is undecided, when the charter says the work is in the
    demonstration stage (this is the next gate) or already beyond it.
    """
    stages = {charter.stage for charter in c.charters}
    undecided_at_hand = bool(stages & {"demonstration", "implementation"})
    return [
        gate
        for gate in c.gates
        if gate.to == "implementation"
        and (undecided_at_hand if gate.decision is None else gate.decision.outcome != "stop")
    ]


def _plans_unknown(c: Consortium) -> bool:
    """Whether a plan may exist that the model does not hold: left out for errors, or unreadable."""
    return "plan" in c.incomplete or bool(c.refused.get("plan"))


@rule("DX403", "implementation-gate-without-cost-plan", Severity.WARNING, guide="projects/viability.md")
def check_implementation_gate_without_cost_plan(c: Consortium) -> Iterator[Hit]:
    if c.plans or _plans_unknown(c) or "gates" in c.incomplete:
        return
    for gate in _implementation_gates_at_hand(c):
        yield Hit(
            gate.at / "to", {"gate": gate.id, "from_stage": stage_words(gate.from_), "to_stage": stage_words(gate.to)}
        )


def _yen(amount: int, lang: str) -> str:
    return f"{amount:,}円" if lang == "ja" else f"¥{amount:,}"


def _shortfalls(plan: CostPlan) -> dict[str, str]:
    """Each year the plan falls short and by how much, in words of every language."""
    totals = plan_totals(plan)
    years = fiscal_years(plan)
    short = [(years[i], -totals.balance[i]) for i in totals.short_years()]
    return {
        "ja": "、".join(f"{year}年度に{_yen(gap, 'ja')}" for year, gap in short),
        "en": ", ".join(f"FY{year} by {_yen(gap, 'en')}" for year, gap in short),
    }


@rule("DX404", "unbalanced-cost-plan", Severity.WARNING, guide="projects/viability.md")
def check_unbalanced_cost_plan(c: Consortium) -> Iterator[Hit]:
    gates = _implementation_gates_at_hand(c)
    if not gates:
        return
    for plan in c.plans:
        if plan_totals(plan).short_years():
            yield Hit(
                plan.at / "costs", {"plan": plan.title, "gate": gates[0].id, "years": _shortfalls(plan)}, key=True
            )
