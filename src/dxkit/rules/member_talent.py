"""Rules on the people of the members and where they sit (``members.yaml``): DX207–DX209.

They read the charter's talent plan and layers beside the members, so they run only when
both files are read in full.
"""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.model.talent import covers, layers_of, process_stage_words, records_talent, talent_words
from dxkit.rules.registry import Hit, rule


@rule("DX207", "talent-lead-without-talent-person", Severity.WARNING, guide="people/dx-process.md")
def check_talent_lead_without_talent_person(c: Consortium) -> Iterator[Hit]:
    charter = c.charter
    if charter is None or "members" in c.incomplete or not records_talent(c.members):
        return
    members = {member.id: member for member in c.members}
    for entry in charter.talent_plan:
        for lead in entry.leads:
            member = members.get(lead)
            if member is None or not member.people:
                continue
            if not any(covers(person.talent, entry.talent) for person in member.people):
                yield Hit(
                    member.at / "people",
                    {
                        "member": member.id,
                        "stage": process_stage_words(entry.stage),
                        "talent": talent_words(entry.talent),
                    },
                    key=True,
                )


@rule("DX208", "talent-without-security-skill", Severity.WARNING, guide="people/talent.md")
def check_talent_without_security_skill(c: Consortium) -> Iterator[Hit]:
    for member in c.members:
        for person in member.people:
            if person.skills is not None and person.skills.security is None:
                yield Hit(person.at / "skills", {"member": member.id, "name": person.name}, key=True)


@rule("DX209", "member-in-no-layer", Severity.WARNING, guide="consortium/index.md")
def check_member_in_no_layer(c: Consortium) -> Iterator[Hit]:
    charter = c.charter
    if charter is None or not charter.layers or "members" in c.incomplete:
        return
    for member in c.members:
        if not layers_of(charter, member.id):
            yield Hit(member.at / "id", {"member": member.id})
