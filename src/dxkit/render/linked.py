"""Linked data about a consortium: JSON-LD on its site, Popolo JSON for other civic tools.

Both describe the same things, read from the model: the consortium as an organisation, its
members as organisations that belong to it (from the day they joined), the official
identifiers a member carries (法人番号, 全国地方公共団体コード), and the key-person seats of
the charter.

* :func:`render_jsonld` is embedded in the site's overview page. It speaks schema.org
  (``Organization``, ``OrganizationRole`` with ``roleName`` and ``startDate``, ``memberOf``,
  ``identifier`` as ``PropertyValue``, ``taxID``) and, where schema.org has no term, the W3C
  Organization Ontology: the consortium is also an ``org:OrganizationalCollaboration`` (an
  organisation made of organisations that keep their own standing), with ``org:hasMember``
  and an ``org:Post`` for each key-person seat. The site is public: it is made from the
  public view of the consortium and names a key person only where the charter publishes
  them (:class:`~dxkit.render.people.NamePolicy`).
* :func:`render_popolo` is an export (``dxkit export members -f popolo``): organisations,
  persons, posts and memberships as the Popolo specification lays them out. Like every other
  export it is internal and keeps every name.

A key-person seat is a post whose id comes from the member that fills it and the role
written in the charter, not from the person: when the holder changes, the post keeps its
id and only its membership changes. Ids of members are the ids of ``members.yaml``; a person's
id comes from the member and the name, so the same person keeps one id across exports.

The identifier schemes are named by :data:`IDENTIFIERS`. No registry of scheme codes lists
these two Japanese identifiers under a code we could confirm, so the names are dxkit's own,
written to say what they are.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dxkit.i18n import translate
from dxkit.labels import label
from dxkit.model import Consortium
from dxkit.model.records import Charter, Member
from dxkit.render.addresses import site_base
from dxkit.render.people import NamePolicy


@dataclass(frozen=True)
class Identifier:
    """An official identifier a member may carry: its field, its scheme's name and its label."""

    field: str
    scheme: str
    label: str


#: The official identifiers of members, in the order tables show them.
IDENTIFIERS: tuple[Identifier, ...] = (
    Identifier("corporate_number", "jp-corporate-number", "ident.corporate_number"),
    Identifier("local_government_code", "jp-local-government-code", "ident.local_government_code"),
)

SCHEMA_ORG = "https://schema.org/"
W3C_ORG = "http://www.w3.org/ns/org#"
#: The node id of the consortium inside the page, and the prefixes of its members and posts.
CONSORTIUM_NODE = "#consortium"


def member_identifiers(member: Member) -> Iterator[tuple[Identifier, str]]:
    """Each official identifier ``member`` carries, with its value."""
    for ident in IDENTIFIERS:
        value = getattr(member, ident.field)
        if value:
            yield ident, value


def unique_members(c: Consortium) -> list[Member]:
    """The members, each id once (the first file that names it), as the files list them."""
    seen: set[str] = set()
    out = []
    for member in c.members:
        if member.id not in seen:
            seen.add(member.id)
            out.append(member)
    return out


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:10]


def post_key(kind: str, member: str, role: str) -> str:
    """A seat's stable key: what it is (``key-person``, ``deputy``), the member filling it, the role."""
    return f"{kind}-{member}-{_digest(' '.join(role.split()))}"


def person_key(member: str, name: str) -> str:
    """A person's key: the same for the same name of the same member, whatever the spaces."""
    return _digest(member, "".join(name.split()))


@dataclass(frozen=True)
class Seat:
    """A key-person seat of the charter and who holds it."""

    #: The seat's stable key (:func:`post_key`; a second seat with the same key gets ``-2``).
    key: str
    #: ``key-person`` or ``deputy``.
    kind: str
    #: The role written in the charter.
    role: str
    #: The holder's name, and the member the holder comes from (a deputy may come from another).
    holder: str
    holder_member: str


def seats(charter: Charter | None) -> list[Seat]:
    """Each key-person seat, the key person's first and then their deputy's.

    A deputy's seat belongs to the key person's member and role.
    """
    found: list[Seat] = []
    taken: dict[str, int] = {}

    def add(kind: str, member: str, role: str, holder: str, holder_member: str) -> None:
        key = post_key(kind, member, role)
        taken[key] = taken.get(key, 0) + 1
        if taken[key] > 1:
            key = f"{key}-{taken[key]}"
        found.append(Seat(key, kind, role, holder, holder_member))

    for person in charter.key_persons if charter is not None else ():
        add("key-person", person.member, person.role, person.name, person.member)
        if person.deputy is not None:
            add("deputy", person.member, person.role, person.deputy.name, person.deputy.member)
    return found


def _seat_label(kind: str, role: str, lang: str) -> str:
    return translate("linked.post.key_person" if kind == "key-person" else "linked.post.deputy", lang, role=role)


# -- JSON-LD ------------------------------------------------------------------------------------


def _member_node(member: Member, lang: str) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Organization",
        "@id": f"#member-{member.id}",
        "name": member.name,
        "memberOf": {"@id": CONSORTIUM_NODE},
    }
    idents = list(member_identifiers(member))
    if idents:
        node["identifier"] = [
            {"@type": "PropertyValue", "propertyID": ident.scheme, "name": translate(ident.label, lang), "value": value}
            for ident, value in idents
        ]
    if member.corporate_number:
        # 法人番号 is issued by the National Tax Agency and is what tax filings name a body by.
        node["taxID"] = member.corporate_number
    return node


def render_jsonld(c: Consortium, lang: str, people: NamePolicy) -> dict[str, Any]:
    """The JSON-LD of the consortium's site (give it the public view of ``c``).

    Write it into the page with :func:`dxkit.escape.json_script` only.
    """
    charter = c.charter
    members = unique_members(c)
    roles = []
    for member in members:
        role: dict[str, Any] = {
            "@type": "OrganizationRole",
            "roleName": label("memberType", member.type, lang),
            "member": _member_node(member, lang),
        }
        if member.joined is not None:
            role["startDate"] = member.joined.isoformat()
        roles.append(role)
    doc: dict[str, Any] = {
        "@context": {"@vocab": SCHEMA_ORG, "org": W3C_ORG},
        "@type": ["Organization", "org:OrganizationalCollaboration"],
        "@id": CONSORTIUM_NODE,
    }
    if charter is not None:
        doc["name"] = charter.name
        doc["description"] = charter.purpose
        doc["areaServed"] = {"@type": "AdministrativeArea", "name": charter.municipality}
    url = site_base(c)
    if url is not None:
        doc["url"] = url
    doc["member"] = roles
    doc["org:hasMember"] = [{"@id": f"#member-{m.id}"} for m in members]
    named = people.shows("key_persons")
    known = {m.id for m in members}
    posts = []
    for seat in seats(charter):
        holder_node: dict[str, Any] = {"@type": "Person"}
        if named:
            holder_node["name"] = seat.holder
        if seat.holder_member in known:
            holder_node["worksFor"] = {"@id": f"#member-{seat.holder_member}"}
        posts.append(
            {
                "@type": "org:Post",
                "@id": f"#post-{seat.key}",
                "name": _seat_label(seat.kind, seat.role, lang),
                "org:role": {"@type": "org:Role", "name": seat.role},
                "org:postIn": {"@id": CONSORTIUM_NODE},
                "org:heldBy": holder_node,
            }
        )
    if posts:
        doc["org:hasPost"] = posts
    return doc


# -- Popolo -------------------------------------------------------------------------------------

#: The Popolo id of the consortium; members are ``member:<id>`` and cannot take it.
CONSORTIUM_ID = "consortium"
#: The Popolo id of the area the consortium works in (the charter's municipality).
AREA_ID = "area:municipality"


def render_popolo(c: Consortium, lang: str) -> dict[str, Any]:
    """The consortium in Popolo JSON: ``areas``, ``organizations``, ``persons``, ``posts``, ``memberships``.

    Every member is an organisation with a membership in the consortium (``member`` names it,
    ``start_date`` is the day it joined); each contact of a member is a person with a membership
    in that member; each key-person seat is a post of the consortium, and its holder's
    membership names the post and the member the person acts for (``on_behalf_of_id``).
    """
    charter = c.charter
    members = unique_members(c)
    consortium: dict[str, Any] = {
        "id": CONSORTIUM_ID,
        "name": charter.name if charter is not None else translate("linked.consortium", lang),
        "classification": translate("linked.consortium", lang),
    }
    areas = []
    if charter is not None:
        areas.append({"id": AREA_ID, "name": charter.municipality})
        consortium["area_id"] = AREA_ID
    organizations: list[dict[str, Any]] = [consortium]
    persons: dict[str, dict[str, Any]] = {}
    posts: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []

    def person(member: str, name: str) -> str:
        pid = f"person:{person_key(member, name)}"
        persons.setdefault(pid, {"id": pid, "name": name})
        return pid

    for member in members:
        org: dict[str, Any] = {
            "id": f"member:{member.id}",
            "name": member.name,
            "classification": label("memberType", member.type, lang),
        }
        idents = [{"scheme": ident.scheme, "identifier": value} for ident, value in member_identifiers(member)]
        if idents:
            org["identifiers"] = idents
        organizations.append(org)
        membership: dict[str, Any] = {
            "id": f"membership:member:{member.id}",
            "organization_id": CONSORTIUM_ID,
            "member": {"@type": "Organization", "id": f"member:{member.id}"},
            "role": label("memberType", member.type, lang),
        }
        if member.joined is not None:
            membership["start_date"] = member.joined.isoformat()
        memberships.append(membership)
        for contact in member.people:
            pid = person(member.id, contact.name)
            entry: dict[str, Any] = {
                "id": f"membership:{pid}:member:{member.id}",
                "person_id": pid,
                "organization_id": f"member:{member.id}",
            }
            if contact.post:
                entry["role"] = contact.post
            memberships.append(entry)
    known = {m.id for m in members}
    for seat in seats(charter):
        post_id = f"post:{seat.key}"
        posts.append(
            {
                "id": post_id,
                "label": _seat_label(seat.kind, seat.role, lang),
                "role": seat.role,
                "organization_id": CONSORTIUM_ID,
            }
        )
        pid = person(seat.holder_member, seat.holder)
        held: dict[str, Any] = {
            "id": f"membership:{pid}:{post_id}",
            "person_id": pid,
            "organization_id": CONSORTIUM_ID,
            "post_id": post_id,
            "role": seat.role,
        }
        if seat.holder_member in known:  # a reference to an unknown member is a finding of validate
            held["on_behalf_of_id"] = f"member:{seat.holder_member}"
        memberships.append(held)
    return {
        "areas": areas,
        "organizations": organizations,
        "persons": list(persons.values()),
        "posts": posts,
        "memberships": memberships,
    }
