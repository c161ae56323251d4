"""Rules on the members (``members.yaml``): DX2xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.rules import Consortium, Hit, iter_duplicate_ids, rule

#: The member types the report asks every consortium to consider (ch. 5, 3(1)①).
CORE_STAKEHOLDER_TYPES = ("financial-institution", "local-media", "education-research")


@rule("DX201", "missing-core-stakeholder", Severity.WARNING, guide="consortium/index.md")
def check_missing_core_stakeholder(c: Consortium) -> Iterator[Hit]:
    if c.members is None:
        return
    types = {m["type"] for m in c.members.data["members"]}
    if not types.intersection(CORE_STAKEHOLDER_TYPES):
        yield Hit(c.members, ("members",), key=True)


@rule("DX202", "duplicate-member-id", Severity.ERROR, guide="consortium/index.md")
def check_duplicate_member_id(c: Consortium) -> Iterator[Hit]:
    yield from iter_duplicate_ids(c.members, "members")


@rule("DX203", "unknown-relation-member", Severity.ERROR, guide="key-person/index.md")
def check_unknown_relation_member(c: Consortium) -> Iterator[Hit]:
    ids = c.member_ids()
    if c.members is None or ids is None:
        return
    for i, member in enumerate(c.members.data["members"]):
        for j, relation in enumerate(member.get("relations", ())):
            if relation["with"] not in ids:
                yield Hit(
                    c.members,
                    ("members", i, "relations", j, "with"),
                    {"member": member["id"], "other": relation["with"]},
                )
