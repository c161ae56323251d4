"""Rules on the charter (``consortium.yaml``): DX1xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.rules.registry import Hit, known_member_ids, rule, suggest


@rule("DX101", "key-person-without-deputy", Severity.ERROR, guide="key-person/index.md")
def check_key_person_without_deputy(c: Consortium) -> Iterator[Hit]:
    for charter in c.charters:
        for person in charter.key_persons:
            if person.deputy is None:
                yield Hit(person.at, {"name": person.name})


@rule("DX102", "unknown-key-person-member", Severity.ERROR, guide="key-person/index.md")
def check_unknown_key_person_member(c: Consortium) -> Iterator[Hit]:
    ids = known_member_ids(c)
    if ids is None:
        return
    for charter in c.charters:
        for person in charter.key_persons:
            if person.member not in ids:
                yield Hit(
                    person.at / "member",
                    {"name": person.name, "member": person.member, **suggest(person.member, ids)},
                )
            deputy = person.deputy
            if deputy is not None and deputy.member not in ids:
                yield Hit(
                    deputy.at / "member",
                    {"name": deputy.name, "member": deputy.member, **suggest(deputy.member, ids)},
                )


@rule("DX103", "personal-data-without-advisory-check", Severity.WARNING, guide="projects/data.md")
def check_personal_data_without_advisory_check(c: Consortium) -> Iterator[Hit]:
    for charter in c.charters:
        policy = charter.data_policy
        if policy is not None and policy.personal_data and policy.advisory_check is None:
            yield Hit(policy.at / "personal_data")
