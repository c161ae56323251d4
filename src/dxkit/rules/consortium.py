"""Rules on the charter (``consortium.yaml``): DX1xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.rules import Consortium, Hit, rule


@rule("DX101", "key-person-without-deputy", Severity.ERROR, guide="key-person/index.md")
def check_key_person_without_deputy(c: Consortium) -> Iterator[Hit]:
    if c.charter is None:
        return
    for i, person in enumerate(c.charter.data["key_persons"]):
        if "deputy" not in person:
            yield Hit(c.charter, ("key_persons", i), {"name": person["name"]})


@rule("DX102", "unknown-key-person-member", Severity.ERROR, guide="key-person/index.md")
def check_unknown_key_person_member(c: Consortium) -> Iterator[Hit]:
    ids = c.member_ids()
    if c.charter is None or ids is None:
        return
    for i, person in enumerate(c.charter.data["key_persons"]):
        if person["member"] not in ids:
            yield Hit(c.charter, ("key_persons", i, "member"), {"name": person["name"], "member": person["member"]})
        deputy = person.get("deputy")
        if deputy and deputy["member"] not in ids:
            yield Hit(
                c.charter,
                ("key_persons", i, "deputy", "member"),
                {"name": deputy["name"], "member": deputy["member"]},
            )
