"""Rules on the stage gates (``gates.yaml``): DX4xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.rules import Consortium, Hit, docs, rule

#: The stages in order: 計画策定 → 社会実証 → 実装・展開 (報告書（案）第3章3(3)①).
STAGES = ("planning", "demonstration", "implementation")


@rule(
    "DX401",
    "stage-beyond-undecided-gate",
    Severity.ERROR,
    title={"ja": "ゲートを通らずに次の段階にいる", "en": "Stage beyond an undecided gate"},
    message={
        "ja": "規約の現在のステージは {stage} ですが、{from_stage} → {to_stage} のゲートで go の判断が記録されていません。",
        "en": "The charter's stage is {stage}, but no go decision is recorded for the {from_stage} → {to_stage} gate.",
    },
    docs=docs(
        what=(
            "規約の `stage` が社会実証（demonstration）以降のとき、そこに至るまでの各ゲートに "
            "`decision.outcome: go` が gates.yaml に記録されているかを確かめます。",
            "When the charter's `stage` is demonstration or later, checks that each gate on the "
            "way there has `decision.outcome: go` recorded in gates.yaml.",
        ),
        why=(
            "報告書（案）第3章3(3)①は、計画策定・社会実証・実装・展開の各段階の終わりに審査を置き、"
            "判断を記録することを求めています。審査のないまま進むと、実証が目的化し、実装に結びつきません。",
            "The report draft (ch. 3, 3(3)①) asks for a review at the end of planning, "
            "demonstration and implementation, with the decision recorded. Moving on without "
            "review lets the demonstration become the goal, and it never reaches implementation.",
        ),
        fix=(
            "ゲートの判断を gates.yaml に記録するか、規約の `stage` を実際の段階に戻してください。",
            "Record the gate decision in gates.yaml, or set the charter's `stage` back to where the work really is.",
        ),
    ),
    guide="projects/stage-gates.md",
    example="# consortium.yaml\nstage: demonstration\n# gates.yaml: G1 has no decision\n",
    fix="# gates.yaml\n    decision:\n      outcome: go\n      date: 2026-09-30\n      decided_by: [city, shinkin]\n",
)
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
