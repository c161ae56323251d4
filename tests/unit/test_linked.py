"""Linked data: JSON-LD for the site and Popolo JSON, read against the files they come from.

The Popolo check is written from the specification (popoloproject.com, the ``popolo-spec``
schemas of Organization, Person, Post, Membership and Identifier): what each of them must
hold, the form of its dates, and that every id a record points at exists.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import jsonschema
import pytest

from dxkit.labels import label
from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.render.linked import IDENTIFIERS, render_jsonld, render_popolo
from dxkit.render.people import name_policy, public_view
from dxkit.validate import open_consortium
from tests.conftest import ROOT

TODAY = dt.date(2026, 10, 1)
_DATE = {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}){0,2}$"}
_TEXT = {"type": "string", "minLength": 1}
#: Popolo's records as its specification describes them, with what dxkit always writes required.
POPOLO = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["areas", "organizations", "persons", "posts", "memberships"],
    "additionalProperties": False,
    "properties": {
        "areas": {"type": "array", "items": {"$ref": "#/$defs/area"}},
        "organizations": {"type": "array", "items": {"$ref": "#/$defs/organization"}},
        "persons": {"type": "array", "items": {"$ref": "#/$defs/person"}},
        "posts": {"type": "array", "items": {"$ref": "#/$defs/post"}},
        "memberships": {"type": "array", "items": {"$ref": "#/$defs/membership"}},
    },
    "$defs": {
        "identifier": {
            "type": "object",
            "required": ["identifier", "scheme"],
            "additionalProperties": False,
            "properties": {"identifier": _TEXT, "scheme": _TEXT},
        },
        "area": {
            "type": "object",
            "required": ["id", "name"],
            "additionalProperties": False,
            "properties": {"id": _TEXT, "name": _TEXT},
        },
        "organization": {
            "type": "object",
            "required": ["id", "name"],
            "additionalProperties": False,
            "properties": {
                "id": _TEXT,
                "name": _TEXT,
                "classification": _TEXT,
                "identifiers": {"type": "array", "items": {"$ref": "#/$defs/identifier"}},
                "area_id": _TEXT,
                "founding_date": _DATE,
                "dissolution_date": _DATE,
            },
        },
        "person": {
            "type": "object",
            "required": ["id", "name"],
            "additionalProperties": False,
            "properties": {"id": _TEXT, "name": _TEXT},
        },
        "post": {
            "type": "object",
            "required": ["id", "label", "role", "organization_id"],
            "additionalProperties": False,
            "properties": {"id": _TEXT, "label": _TEXT, "role": _TEXT, "organization_id": _TEXT},
        },
        "membership": {
            "type": "object",
            "required": ["id", "organization_id"],
            "additionalProperties": False,
            "properties": {
                "id": _TEXT,
                "organization_id": _TEXT,
                "person_id": _TEXT,
                "post_id": _TEXT,
                "on_behalf_of_id": _TEXT,
                "role": _TEXT,
                "start_date": _DATE,
                "end_date": _DATE,
                "member": {
                    "type": "object",
                    "required": ["@type", "id"],
                    "additionalProperties": False,
                    "properties": {"@type": {"enum": ["Person", "Organization"]}, "id": _TEXT},
                },
            },
            # A membership is of a person or of an organisation, never of neither.
            "oneOf": [{"required": ["person_id"]}, {"required": ["member"]}],
        },
    },
}


def check_popolo(data: dict[str, Any]) -> None:
    """``data`` is Popolo JSON: each record well-formed, every id unique and every reference resolved."""
    jsonschema.Draft202012Validator.check_schema(POPOLO)
    jsonschema.Draft202012Validator(POPOLO).validate(data)
    kinds = ("areas", "organizations", "persons", "posts", "memberships")
    ids = {kind: [r["id"] for r in data[kind]] for kind in kinds}
    for kind, found in ids.items():
        assert len(found) == len(set(found)), kind
    orgs, persons, posts = set(ids["organizations"]), set(ids["persons"]), set(ids["posts"])
    for org in data["organizations"]:
        assert "area_id" not in org or org["area_id"] in ids["areas"]
    for post in data["posts"]:
        assert post["organization_id"] in orgs
    for m in data["memberships"]:
        assert m["organization_id"] in orgs
        assert "person_id" not in m or m["person_id"] in persons
        assert "post_id" not in m or m["post_id"] in posts
        assert "on_behalf_of_id" not in m or m["on_behalf_of_id"] in orgs
        if "member" in m:
            assert m["member"]["id"] in (orgs if m["member"]["@type"] == "Organization" else persons)


def _example(lang: str) -> Consortium:
    consortium, _ = open_consortium(str(ROOT / "examples" / "shiomi" / lang), lang=lang, today=TODAY)
    return consortium


def _members_file(lang: str) -> list[dict[str, Any]]:
    doc = load_text((ROOT / "examples" / "shiomi" / lang / "members.yaml").read_text(encoding="utf-8"), "m.yaml")
    members: list[dict[str, Any]] = doc.data["members"]
    return members


CHARTER = """kind: consortium
version: 1
name: 岬町DX協議会
municipality: 岬町
purpose: 移動を確かめる
scope: [mobility]
key_persons:
  - name: {holder}
    member: town
    role: 事務局長
    deputy: {{name: 森 健, member: bank}}
stage: planning
{site}"""
MEMBERS = """kind: members
version: 1
members:
  - {id: town, name: 岬町 企画課, type: municipality, local_government_code: "011002", joined: 2026-04-01,
     people: [{name: 森 健, post: 主査}]}
  - {id: bank, name: "岬信用金庫 </script><!--", type: financial-institution, corporate_number: "7000012050002"}
"""


def _small(holder: str = "山田 花子", site: str = "") -> Consortium:
    c = Consortium(root="misaki", today=TODAY)
    c.add(load_text(CHARTER.format(holder=holder, site=site), "consortium.yaml"))
    c.add(load_text(MEMBERS, "members.yaml"))
    return c


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_popolo_of_the_example_is_popolo_and_names_every_member_with_its_identifiers(lang):
    data = render_popolo(_example(lang), lang)
    check_popolo(data)
    orgs = {o["id"]: o for o in data["organizations"]}
    members = _members_file(lang)
    assert len(orgs) == len(members) + 1
    for member in members:
        org = orgs[f"member:{member['id']}"]
        assert org["name"] == member["name"]
        assert org["classification"] == label("memberType", member["type"], lang)
        expected = [{"scheme": i.scheme, "identifier": member[i.field]} for i in IDENTIFIERS if i.field in member]
        assert org.get("identifiers", []) == expected
        joined = next(m for m in data["memberships"] if m.get("member", {}).get("id") == org["id"])
        assert joined["organization_id"] == "consortium" and joined.get("start_date") == member.get("joined")
    assert any("identifiers" in o for o in orgs.values())
    # Every key person and every deputy holds a post of the consortium on behalf of their member.
    charter = _example(lang).charter
    assert charter is not None
    assert len(data["posts"]) == sum(1 + (p.deputy is not None) for p in charter.key_persons)
    held = [m for m in data["memberships"] if "post_id" in m]
    assert len(held) == len(data["posts"])
    names = {p["id"]: p["name"] for p in data["persons"]}
    assert {names[m["person_id"]] for m in held} >= {p.name for p in charter.key_persons}


def test_popolo_labels_read_in_the_language_asked_for():
    for lang, seat, consortium in (
        ("ja", "キーパーソン（事務局長）", "地域社会DX推進体制"),
        ("en", "Key person (事務局長)", "Regional DX consortium"),
    ):
        data = render_popolo(_small(), lang)
        check_popolo(data)
        assert data["posts"][0]["label"] == seat
        assert data["organizations"][0]["classification"] == consortium
        assert data["areas"] == [{"id": "area:municipality", "name": "岬町"}]
        assert data["organizations"][0]["area_id"] == "area:municipality"


def test_a_key_person_seat_keeps_its_post_when_its_holder_changes():
    before, after = render_popolo(_small("山田 花子"), "ja"), render_popolo(_small("佐藤 次郎"), "ja")
    check_popolo(before)
    check_popolo(after)
    assert [p["id"] for p in before["posts"]] == [p["id"] for p in after["posts"]]
    holder = {m["post_id"]: m["person_id"] for m in before["memberships"] if "post_id" in m}
    new_holder = {m["post_id"]: m["person_id"] for m in after["memberships"] if "post_id" in m}
    seat = before["posts"][0]["id"]
    assert holder[seat] != new_holder[seat]
    deputy = before["posts"][1]["id"]
    assert holder[deputy] == new_holder[deputy]
    # A contact of the town and the deputy sent by the bank share a name, not a person.
    assert len([p for p in before["persons"] if p["name"] == "森 健"]) == 2
    assert {m["on_behalf_of_id"] for m in before["memberships"] if "post_id" in m} == {"member:town", "member:bank"}


def _jsonld(c: Consortium, lang: str = "ja") -> dict[str, Any]:
    people = name_policy(c, lang)
    return render_jsonld(public_view(c, people), lang, people)


def test_jsonld_describes_the_consortium_its_members_and_their_identifiers():
    doc = _jsonld(_small())
    assert doc["@context"] == {"@vocab": "https://schema.org/", "org": "http://www.w3.org/ns/org#"}
    assert doc["@type"] == ["Organization", "org:OrganizationalCollaboration"]
    assert doc["name"] == "岬町DX協議会" and doc["areaServed"] == {"@type": "AdministrativeArea", "name": "岬町"}
    town, bank = (role["member"] for role in doc["member"])
    assert [role["roleName"] for role in doc["member"]] == ["自治体", "地域金融機関"]
    assert doc["member"][0]["startDate"] == "2026-04-01" and "startDate" not in doc["member"][1]
    assert town["identifier"] == [
        {"@type": "PropertyValue", "propertyID": "jp-local-government-code", "name": "団体コード", "value": "011002"}
    ]
    assert bank["name"] == "岬信用金庫 </script><!--" and bank["taxID"] == "7000012050002"
    assert bank["identifier"][0]["propertyID"] == "jp-corporate-number"
    assert town["memberOf"] == {"@id": "#consortium"} and "taxID" not in town
    assert doc["org:hasMember"] == [{"@id": "#member-town"}, {"@id": "#member-bank"}]
    english = _jsonld(_small(), "en")
    assert english["member"][0]["roleName"] == "Municipality"
    assert english["member"][0]["member"]["identifier"][0]["name"] == "Local government code"


def test_jsonld_names_a_key_person_only_where_the_charter_publishes_them():
    hidden = _jsonld(_small())
    posts = hidden["org:hasPost"]
    assert [p["org:role"]["name"] for p in posts] == ["事務局長", "事務局長"]
    assert all("name" not in p["org:heldBy"] for p in posts)
    assert [p["org:heldBy"]["worksFor"] for p in posts] == [{"@id": "#member-town"}, {"@id": "#member-bank"}]
    assert "山田" not in str(hidden) and "森" not in str(hidden)
    shown = _jsonld(_small(site="site: {people: {key_persons: true}}\n"))
    assert [p["org:heldBy"]["name"] for p in shown["org:hasPost"]] == ["山田 花子", "森 健"]
    assert [p["@id"] for p in shown["org:hasPost"]] == [p["@id"] for p in posts]


def test_seats_sharing_a_member_and_role_get_their_own_posts_and_unknown_members_no_reference():
    c = Consortium(root="misaki", today=TODAY)
    charter = CHARTER.format(holder="山田 花子", site="").replace(
        "    deputy: {name: 森 健, member: bank}\n",
        "    deputy: {name: 森 健, member: nowhere}\n  - {name: 川口 宏, member: town, role: 事務局長}\n",
    )
    assert "nowhere" in charter and "川口" in charter
    c.add(load_text(charter, "consortium.yaml"))
    c.add(load_text(MEMBERS, "members.yaml"))
    data = render_popolo(c, "en")
    check_popolo(data)
    ids = [p["id"] for p in data["posts"]]
    assert len(ids) == 3 and ids[2] == ids[0] + "-2"
    deputy = next(m for m in data["memberships"] if m.get("post_id") == ids[1])
    assert "on_behalf_of_id" not in deputy
    doc = _jsonld(c, "en")
    assert [p["@id"] for p in doc["org:hasPost"]] == [f"#post-{i.removeprefix('post:')}" for i in ids]
    assert "worksFor" not in doc["org:hasPost"][1]["org:heldBy"]


def test_jsonld_gives_the_site_address_only_when_the_charter_has_one():
    assert "url" not in _jsonld(_small())
    doc = _jsonld(_small(site='site: {url: "https://dx.example.jp/misaki"}\n'))
    assert doc["url"] == "https://dx.example.jp/misaki/"
