"""Rules on the stage gates (``gates.yaml``): DX4xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.model import Consortium
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
