"""Rules on the members (``members.yaml``): DX2xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.rules.registry import Hit, iter_duplicate_ids, known_member_ids, rule, suggest

#: The member types the conclusion of the report draft names (ch. 5, 3(1)①).
CORE_STAKEHOLDER_TYPES = frozenset({"financial-institution", "local-media", "education-research"})


@rule("DX201", "missing-core-stakeholder", Severity.WARNING, guide="consortium/index.md")
def check_missing_core_stakeholder(c: Consortium) -> Iterator[Hit]:
    if not c.member_files or "members" in c.incomplete:
        return
    if not any(member.type in CORE_STAKEHOLDER_TYPES for member in c.members):
        yield Hit(c.member_files[0].at / "members", key=True)


@rule("DX202", "duplicate-member-id", Severity.ERROR, guide="consortium/index.md")
def check_duplicate_member_id(c: Consortium) -> Iterator[Hit]:
    yield from iter_duplicate_ids(c.members)


@rule("DX203", "unknown-relation-member", Severity.ERROR, guide="key-person/index.md")
def check_unknown_relation_member(c: Consortium) -> Iterator[Hit]:
    ids = known_member_ids(c)
    if ids is None:
        return
    for member in c.members:
        for relation in member.relations:
            if relation.with_ not in ids:
                yield Hit(
                    relation.at / "with",
                    {"member": member.id, "other": relation.with_, **suggest(relation.with_, ids)},
                )
