"""Rules on the stage gates (``gates.yaml``): DX4xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.rules import Consortium, Hit, rule

#: The stages in order: 計画策定 → 社会実証 → 実装・展開 (報告書（案）第3章3(3)①).
STAGES = ("planning", "demonstration", "implementation")


@rule("DX401", "stage-beyond-undecided-gate", Severity.ERROR, guide="projects/stage-gates.md")
def check_stage_beyond_undecided_gate(c: Consortium) -> Iterator[Hit]:
    if c.charter is None:
        return
    stage = c.charter.data["stage"]
    reached = STAGES.index(stage)
    gates = c.gates.data["gates"] if c.gates is not None else []
    for step in range(reached):
        from_stage, to_stage = STAGES[step], STAGES[step + 1]
        passed = any(
            g["from"] == from_stage and g["to"] == to_stage and g.get("decision", {}).get("outcome") == "go"
            for g in gates
        )
        if not passed:
            yield Hit(
                c.charter,
                ("stage",),
                {"stage": stage, "from_stage": from_stage, "to_stage": to_stage},
            )
