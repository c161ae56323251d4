"""Rules on the facility and network inventory (``facilities.yaml``): DX851–DX869.

The report draft finds that the networks of schools, community centres used as shelters and
hospitals are ageing, that the public fibre built to close the digital divide is ageing too,
and that the money to renew them is short (ch. 2, 2(4)②, figs. 2-5 and 2-7). These rules keep
the inventory honest enough to plan from: every facility and connection belongs to a known
member, every renewal that has come due is planned as a task, and every shelter records how it
is connected.
"""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.dates import fiscal_year
from dxkit.findings import Severity
from dxkit.i18n import LANGS, translate
from dxkit.model import Consortium
from dxkit.rules.registry import Hit, iter_duplicate_ids, known_member_ids, rule, suggest
from dxkit.schemas import load_schema

GUIDE = "projects/network.md"

#: The disaster roles in which people stay at the facility, and so need to reach others from it.
SHELTER_ROLES = ("designated-shelter", "welfare-shelter")


def _in_words(msg_id: str, **params: str) -> dict[str, str]:
    """A message in every language, for a rule message that gives its reason in words."""
    return {lang: translate(msg_id, lang, **params) for lang in LANGS}


def _labels(enum_path: tuple[str, ...], code: str) -> dict[str, str]:
    """A code's label in every language, from the schema's ``x-labels`` (for a rule message)."""
    node = load_schema("facilities")["properties"]["facilities"]["items"]
    for key in enum_path:
        node = node[key]
    return dict(node["x-labels"][code])


def _known_task_ids(c: Consortium) -> set[str] | None:
    """The task ids a facility may name, or ``None`` when the role matrix is not fully known."""
    if not c.role_files or "roles" in c.incomplete:
        return None
    return {task.id for task in c.tasks}


@rule("DX851", "duplicate-facility-id", Severity.ERROR, guide=GUIDE)
def check_duplicate_facility_id(c: Consortium) -> Iterator[Hit]:
    yield from iter_duplicate_ids(c.facilities)


@rule("DX852", "unknown-facility-owner", Severity.ERROR, guide=GUIDE)
def check_unknown_facility_owner(c: Consortium) -> Iterator[Hit]:
    ids = known_member_ids(c)
    if ids is None:
        return
    for facility in c.facilities:
        if facility.owner is not None and facility.owner not in ids:
            params = {"facility": facility.id, "member": facility.owner, **suggest(facility.owner, ids)}
            yield Hit(facility.at / "owner", params)
        for connection in facility.connections:
            if connection.owner is not None and connection.owner not in ids:
                params = {"facility": facility.id, "member": connection.owner, **suggest(connection.owner, ids)}
                yield Hit(connection.at / "owner", params)


@rule("DX853", "unknown-facility-task", Severity.ERROR, guide=GUIDE)
def check_unknown_facility_task(c: Consortium) -> Iterator[Hit]:
    ids = _known_task_ids(c)
    if ids is None:
        return
    for facility in c.facilities:
        for index, task in enumerate(facility.used_by):
            if task not in ids:
                yield Hit((facility.at / "used_by").member(index), {"facility": facility.id, "task": task})
        for connection in facility.connections:
            renewal = connection.renewal_task
            if renewal is not None and renewal not in ids:
                yield Hit(connection.at / "renewal_task", {"facility": facility.id, "task": renewal})


@rule("DX854", "unplanned-network-renewal", Severity.WARNING, guide=GUIDE)
def check_unplanned_network_renewal(c: Consortium) -> Iterator[Hit]:
    if "roles" in c.incomplete:
        return
    this_year = fiscal_year(c.today)
    tasks = {task.id: task for task in c.tasks}
    for facility in c.facilities:
        for connection in facility.connections:
            due = connection.renewal_due
            if connection.ownership != "public" or due is None or due > this_year:
                continue
            planned = tasks.get(connection.renewal_task) if connection.renewal_task else None
            if connection.renewal_task is not None and planned is None:
                continue  # an unknown task: DX853 says so
            if planned is None:
                problem = _in_words("facilities.no_renewal_task")
            elif planned.status == "cancelled":
                problem = _in_words("facilities.renewal_task_cancelled", task=planned.id)
            else:
                continue
            params = {
                "facility": facility.id,
                "name": facility.name,
                "type": _labels(("properties", "connections", "items", "properties", "type"), connection.type),
                "year": due,
                "problem": problem,
            }
            yield Hit(connection.at / "renewal_due", params)


@rule("DX855", "shelter-without-connection", Severity.WARNING, guide=GUIDE)
def check_shelter_without_connection(c: Consortium) -> Iterator[Hit]:
    for facility in c.facilities:
        roles = [role for role in facility.disaster_roles if role in SHELTER_ROLES]
        if roles and not facility.connections:
            params = {
                "facility": facility.id,
                "name": facility.name,
                "role": _labels(("properties", "disaster_roles", "items"), roles[0]),
            }
            yield Hit(facility.at / "disaster_roles", params, key=True)


@rule("DX856", "renewal-before-built", Severity.ERROR, guide=GUIDE)
def check_renewal_before_built(c: Consortium) -> Iterator[Hit]:
    for facility in c.facilities:
        for connection in facility.connections:
            built, due = connection.built, connection.renewal_due
            if built is not None and due is not None and due < built:
                yield Hit(connection.at / "renewal_due", {"facility": facility.id, "built": built, "due": due})
