"""Rules on the three-year cost and revenue plan (``plan.yaml``): DX9xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.rules.registry import Hit, iter_duplicate_ids, known_member_ids, rule, suggest


@rule("DX901", "duplicate-plan-item-id", Severity.ERROR, guide="projects/viability.md")
def check_duplicate_plan_item_id(c: Consortium) -> Iterator[Hit]:
    for plan in c.plans:
        yield from iter_duplicate_ids([*plan.costs, *plan.revenues, *plan.shares])


@rule("DX902", "unknown-share-member", Severity.ERROR, guide="projects/viability.md")
def check_unknown_share_member(c: Consortium) -> Iterator[Hit]:
    ids = known_member_ids(c)
    if ids is None:
        return
    for plan in c.plans:
        for share in plan.shares:
            if share.member not in ids:
                yield Hit(share.at / "member", {"id": share.id, "member": share.member, **suggest(share.member, ids)})


@rule("DX903", "running-cost-without-renewal", Severity.WARNING, guide="projects/viability.md")
def check_running_cost_without_renewal(c: Consortium) -> Iterator[Hit]:
    for plan in c.plans:
        types = {cost.type for cost in plan.costs}
        if "running" in types and "renewal" not in types:
            yield Hit(plan.at / "costs", {"plan": plan.title}, key=True)
