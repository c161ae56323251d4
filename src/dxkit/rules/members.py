"""Rules on the members (``members.yaml``): DX2xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.identifiers import (
    corporate_number_check_digit,
    corporate_number_is_valid,
    local_government_code_check_digit,
    local_government_code_is_valid,
)
from dxkit.model import Consortium
from dxkit.rules.registry import Hit, iter_duplicate_ids, known_member_ids, rule, suggest

#: The member types the conclusion of the report draft names (ch. 5, 3(1)①).
CORE_STAKEHOLDER_TYPES = frozenset({"financial-institution", "local-media", "education-research"})

#: The member types that are local public bodies and so have a 全国地方公共団体コード.
LOCAL_GOVERNMENT_TYPES = frozenset({"municipality", "prefecture"})


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


@rule("DX204", "wrong-corporate-number-check-digit", Severity.ERROR, guide="consortium/index.md")
def check_corporate_number(c: Consortium) -> Iterator[Hit]:
    for member in c.members:
        number = member.corporate_number
        if number is not None and not corporate_number_is_valid(number):
            yield Hit(
                member.at / "corporate_number",
                {"member": member.id, "number": number, "expected": corporate_number_check_digit(number)},
            )


@rule("DX205", "wrong-local-government-code-check-digit", Severity.ERROR, guide="consortium/index.md")
def check_local_government_code(c: Consortium) -> Iterator[Hit]:
    for member in c.members:
        code = member.local_government_code
        if code is not None and not local_government_code_is_valid(code):
            yield Hit(
                member.at / "local_government_code",
                {"member": member.id, "code": code, "expected": local_government_code_check_digit(code)},
            )


@rule("DX206", "local-government-code-on-other-member", Severity.WARNING, guide="consortium/index.md")
def check_local_government_code_type(c: Consortium) -> Iterator[Hit]:
    for member in c.members:
        if member.local_government_code is not None and member.type not in LOCAL_GOVERNMENT_TYPES:
            yield Hit(member.at / "local_government_code", {"member": member.id}, key=True)
