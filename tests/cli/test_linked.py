"""Linked data from the command line: Popolo and the members table, and JSON-LD on a built site."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from dxkit.escape import yaml_string
from dxkit.labels import label
from dxkit.loading import load_file
from tests.conftest import ROOT
from tests.helpers import invoke
from tests.unit.test_linked import check_popolo

TODAY = "2026-10-01"
#: A member's name that would end the JSON-LD element, open a comment or end a JavaScript line.
HOSTILE = "汐見信用金庫 </script><script>alert(1)</script><!-- \u2028x"
_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _example(tmp_path: Path, lang: str, *, hostile: bool = False) -> Path:
    dest = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    if hostile:
        members = dest / "members.yaml"
        text = members.read_text(encoding="utf-8")
        pattern = r'name: "?(汐見信用金庫|Shiomi Shinkin Bank)"?$'
        planted = re.sub(pattern, lambda m: f"name: {yaml_string(HOSTILE)}", text, count=1, flags=re.M)
        assert planted != text
        members.write_text(planted, encoding="utf-8")
    return dest


def _members(folder: Path) -> list[dict[str, Any]]:
    members: list[dict[str, Any]] = load_file(folder / "members.yaml").data["members"]
    return members


def test_export_members_popolo_prints_popolo_naming_every_member(tmp_path, lang):
    folder = _example(tmp_path, lang, hostile=True)
    result = invoke(["export", "members", str(folder), "-f", "popolo", "--lang", lang, "--today", TODAY])
    data = json.loads(result.stdout)
    check_popolo(data)
    orgs = {o["id"]: o for o in data["organizations"]}
    for member in _members(folder):
        assert orgs[f"member:{member['id']}"]["name"] == member["name"]
    assert HOSTILE in {o["name"] for o in orgs.values()}
    assert "\u2028" not in result.stdout  # written as an escape: the file can be shown and pasted safely
    people = {p["name"] for p in data["persons"]}
    assert "浜野 恵子" in people or "Keiko Hamano" in people  # an export is internal: names are kept


def test_export_members_popolo_to_a_file_says_what_it_wrote(tmp_path, lang):
    folder = _example(tmp_path, lang)
    target = tmp_path / "members.json"
    result = invoke(["export", "members", str(folder), "-f", "popolo", "-o", str(target), "--lang", lang])
    check_popolo(json.loads(target.read_text(encoding="utf-8")))
    assert str(target) in result.stdout
    again = invoke(["export", "members", str(folder), "-f", "popolo", "-o", str(target), "--lang", lang], exit=2)
    assert str(target) in again.stderr


def test_export_members_csv_keeps_identifiers_as_a_column_and_shows_no_member_id(tmp_path, lang):
    folder = _example(tmp_path, lang)
    result = invoke(["export", "members", str(folder), "--lang", lang, "--today", TODAY])
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    expected_head = {
        "ja": ["名称", "種別", "法人番号", "団体コード", "参加日"],
        "en": ["Name", "Type", "Corporate number", "Local government code", "Joined"],
    }[lang]
    assert rows[0] == expected_head
    members = _members(folder)
    assert len(rows) == len(members) + 1
    ids = {m["id"] for m in members}
    for row, member in zip(rows[1:], members, strict=True):
        assert row[0] == member["name"] and row[1] == label("memberType", member["type"], lang)
        assert row[2] == member.get("corporate_number", "") and row[3] == member.get("local_government_code", "")
        assert row[4] == member.get("joined", "")
        assert not set(row) & ids
    assert any(row[2] for row in rows[1:]) and any(row[3] for row in rows[1:])


def test_roles_workbook_members_sheet_carries_the_identifiers_as_text(tmp_path, lang):
    from openpyxl import load_workbook

    folder = _example(tmp_path, lang)
    target = tmp_path / "roles.xlsx"
    invoke(["export", "roles", str(folder), "-o", str(target), "--lang", lang, "--today", TODAY])
    sheet = load_workbook(target).worksheets[1]
    head = [c.value for c in sheet[1]]
    assert head[2:4] == (["法人番号", "団体コード"] if lang == "ja" else ["Corporate number", "Local government code"])
    by_name = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    for member in _members(folder):
        row = by_name[member["name"]]
        for cell, field in ((row[2], "corporate_number"), (row[3], "local_government_code")):
            assert cell.value == member.get(field)
            if cell.value is not None:
                assert cell.data_type == "s"  # text: no leading zero lost, no number format applied


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_built_site_embeds_jsonld_naming_every_member_that_no_name_can_break(tmp_path, lang):
    folder = _example(tmp_path, lang, hostile=True)
    out = tmp_path / "site"
    invoke(["site", "build", str(folder), "--out", str(out), "--today", TODAY, "--lang", lang])
    page = (out / "index.html").read_text(encoding="utf-8")
    blocks = _JSONLD.findall(page)
    assert len(blocks) == 1
    assert "<script>alert(1)" not in page and "<!-- " not in blocks[0] and "\u2028" not in blocks[0]
    doc = json.loads(blocks[0])
    assert doc["@type"] == ["Organization", "org:OrganizationalCollaboration"]
    charter = load_file(folder / "consortium.yaml").data
    assert doc["name"] == charter["name"]
    named = {role["member"]["@id"]: role for role in doc["member"]}
    members = _members(folder)
    assert len(named) == len(members)
    for member in members:
        role = named[f"#member-{member['id']}"]
        node = role["member"]
        assert node["name"] == member["name"] and node["memberOf"] == {"@id": "#consortium"}
        assert role["roleName"] == label("memberType", member["type"], lang)
        assert role.get("startDate") == member.get("joined")
        shown = {i["propertyID"]: i["value"] for i in node.get("identifier", [])}
        expected = {
            scheme: member[field]
            for field, scheme in (
                ("corporate_number", "jp-corporate-number"),
                ("local_government_code", "jp-local-government-code"),
            )
            if field in member
        }
        assert shown == expected
        assert node.get("taxID") == member.get("corporate_number")
    assert HOSTILE in {role["member"]["name"] for role in doc["member"]}
    # The example's charter publishes no names: its key-person seats are there, their holders unnamed.
    seats = doc["org:hasPost"]
    assert len(seats) == sum(1 + ("deputy" in p) for p in charter["key_persons"])
    assert all("name" not in seat["org:heldBy"] for seat in seats)
    for person in charter["key_persons"]:
        assert person["name"] not in blocks[0]
    # Only the overview carries it: the other pages are about their own subject.
    assert "application/ld+json" not in (out / "members.html").read_text(encoding="utf-8")


def test_export_members_says_what_is_missing_or_not_offered(tmp_path, lang):
    folder = tmp_path / "only-charter"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "shiomi" / lang / "consortium.yaml", folder)
    missing = invoke(["export", "members", str(folder), "-f", "popolo", "--lang", lang], exit=2)
    assert str(folder) in missing.stderr and "members" in missing.stderr
    assert ("ファイル" in missing.stderr) == (lang == "ja")
    wrong = invoke(["export", "members", str(_example(tmp_path, lang)), "-f", "xlsx", "--lang", lang], exit=2)
    assert "csv, popolo" in wrong.stderr and ("使える形式" in wrong.stderr) == (lang == "ja")
    assert wrong.stdout == ""
