"""Rules on the stage gates (``gates.yaml``): DX4xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.model.vocabulary import STAGES
from dxkit.rules.registry import Hit, rule


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
                    {"stage": charter.stage, "from_stage": from_stage, "to_stage": to_stage},
                )
