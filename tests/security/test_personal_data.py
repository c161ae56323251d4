"""Personal data on the site: names appear only where the charter publishes them.

The consortium below names people in every field that names a natural person (key persons
and deputies, members' contacts, a workshop's facilitation) and mentions them again in free
text, in titles, in an organisation's name and in file names. Built with no ``site.people``,
no file of the site holds any of those names, in any encoding; with one kind switched on,
exactly that kind appears. Internal outputs (exports, ``status``, ``keyperson``, a printed
agenda) keep every name.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import urllib.parse
from pathlib import Path

import pytest

from dxkit.errors import UsageError
from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.render.people import (
    KINDS,
    find_unpublished,
    name_forms,
    name_policy,
    names_by_kind,
    public_view,
    written_names,
)
from dxkit.render.site_pages import site_pages
from tests.helpers import invoke
from tests.security.drawings import DRAWING, assert_drawing, texts_of

TODAY = "2026-10-01"

KEY_PERSON = "鍵野 個人名太郎"
DEPUTY = "鍵野 個人名次郎"
KEY_PERSON_LATIN = "Quentin Xylander"
CONTACT = "担田 個人名花子"
CONTACT_LATIN = "Ottilie Brambleworth"
FACILITATOR = "進藤 個人名三郎"
RECORDER = "記野 個人名四郎"
TIMEKEEPER = "Thaddeus Wimbleton"

#: The full names of each kind of person, as the files write them.
NAMES = {
    "key_persons": (KEY_PERSON, DEPUTY, KEY_PERSON_LATIN),
    "member_contacts": (CONTACT, CONTACT_LATIN),
    "workshop_facilitation": (FACILITATOR, RECORDER, TIMEKEEPER),
}

CHARTER = f"""kind: consortium
version: 1
name: 個人情報テスト協議会
municipality: テスト市
language: {{lang}}
purpose: 防災の課題を一緒に解く。
scope: [disaster-prevention]
key_persons:
  - name: {KEY_PERSON}
    member: city
    role: 事務局長
    deputy: {{{{name: {DEPUTY}, member: city, post: 主任}}}}
  - name: {KEY_PERSON_LATIN}
    member: bank
    role: Adviser
stage: planning
{{site}}"""

MEMBERS = f"""kind: members
version: 1
members:
  - id: city
    name: テスト市 デジタル推進課
    type: municipality
    people: [{{name: {CONTACT}, post: 係長}}]
    relations: [{{with: bank, kind: 協定}}, {{with: residents, kind: 意見交換}}]
  - id: bank
    name: テスト信用金庫
    type: financial-institution
    people: [{{name: {CONTACT_LATIN}}}]
  - id: residents
    name: {CONTACT}の会
    type: resident-group
"""

ROLES = f"""kind: roles
version: 1
tasks:
  - id: T-001
    title: {KEY_PERSON}と予算を調整する
    stage: planning
    responsible: [city]
    accountable: city
    due: 2026-12-01
    status: in-progress
    done_criteria: Brambleworth signs the plan
"""

WORKSHOP = f"""kind: workshop
version: 1
type: issue-discovery
title: {FACILITATOR}と歩く防災マップづくり
date: 2026-05-16
duration_minutes: 60
headcount: 12
participants: [{{type: municipality, count: 4}}, {{type: resident-group, count: 8}}]
facilitation:
  facilitator: {FACILITATOR}（テスト市）
  recorder: {RECORDER}
  timekeeper: {TIMEKEEPER} (Test Bank)
agenda: [{{title: 歩く, minutes: 60, description: 記野さんが地図に書く}}]
outputs:
  notes: [記録は記野さんがまとめる, Wimbleton keeps time]
"""

RETRO = f"""kind: retrospective
version: 1
format: kpt
title: 第 1 回の振り返り
date: 2026-06-01
participants: [city, residents]
headcount: 7
kpt:
  keep: [{CONTACT}さんの司会が良かった]
  problem: [Xylander was away, 事務局長（鍵野）の負担が大きい]
  try: [{{text: 鍵野さんから{DEPUTY}に引き継ぐ, owner: city, due: 2026-12-01}}]
"""


def write_consortium(dest: Path, lang: str, people: dict[str, bool] | None = None) -> Path:
    site = f"site: {{people: {json.dumps(people)}}}\n" if people else ""
    files = {
        "consortium.yaml": CHARTER.format(lang=lang, site=site),
        "members.yaml": MEMBERS,
        "roles.yaml": ROLES,
        # File names are a path too: page names, the sitemap and the search index use them.
        "workshops/2026-05-16-Wimbleton.yaml": WORKSHOP,
        "retrospectives/2026-06-01-担田.yaml": RETRO,
    }
    for rel, text in files.items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return dest


def forms(kind: str) -> set[str]:
    """Every way the site could write a name of this kind: the names and their parts."""
    return {form for name in NAMES[kind] for form in name_forms(name)}


def encodings(text: str) -> set[bytes]:
    """The bytes a file would hold for ``text``: UTF-8, JSON escapes, HTML and URL escapes."""
    return {
        text.encode("utf-8"),
        json.dumps(text)[1:-1].encode("ascii"),
        "".join(f"&#{ord(ch)};" for ch in text).encode("ascii"),
        "".join(f"&#x{ord(ch):x};" for ch in text).encode("ascii"),
        urllib.parse.quote(text).encode("ascii"),
    }


def site_bytes(out: Path) -> dict[str, bytes]:
    """Every file of a built site (compressed ones unpacked), by path; the path itself too."""
    found = {}
    for path in sorted(out.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            rel = path.relative_to(out).as_posix()
            found[rel] = data + b"\n" + rel.encode("utf-8")
    return found


def holding(files: dict[str, bytes], text: str) -> list[str]:
    return [rel for rel, data in files.items() if any(e in data for e in encodings(text))]


def build(tmp_path: Path, lang: str, people: dict[str, bool] | None, name: str = "site") -> dict[str, bytes]:
    folder = write_consortium(tmp_path / f"consortium-{name}", lang, people)
    out = tmp_path / name
    invoke(["site", "build", str(folder), "--out", str(out), "--lang", lang, "--today", TODAY])
    return site_bytes(out)


# -- the built site -------------------------------------------------------------------------


def test_site_shows_no_name_by_default(tmp_path, lang):
    files = build(tmp_path, lang, None)
    assert "index.html" in files and "members.html" in files and "sitemap.xml" in files
    assert any(rel.startswith("search/search_index") for rel in files)
    for kind in KINDS:
        for form in forms(kind):
            assert holding(files, form) == [], (kind, form)
    # What the site shows instead: organisations, roles and counts.
    index = files["index.html"].decode("utf-8")
    assert "事務局長" in index and "テスト市 デジタル推進課" in index and "Adviser" in index
    members = files["members.html"].decode("utf-8")
    assert "テスト信用金庫" in members
    placeholder = "（非公開）" if lang == "ja" else "(not published)"
    workshop = next(data for rel, data in files.items() if rel.startswith("workshops/workshop-")).decode("utf-8")
    assert placeholder in workshop and ("12 人" in workshop if lang == "ja" else "12 people" in workshop)
    retro = next(data for rel, data in files.items() if rel.startswith("retrospectives/retrospective-"))
    assert "テスト市 デジタル推進課" in retro.decode("utf-8")


@pytest.mark.parametrize("kind", KINDS)
def test_site_shows_exactly_the_kind_the_charter_publishes(tmp_path, lang, kind):
    files = build(tmp_path, lang, {kind: True}, name=kind)
    pages = {rel: data for rel, data in files.items() if rel.endswith(".html")}
    for name in NAMES[kind]:
        assert holding(pages, name), (kind, name)
    for other in KINDS:
        if other == kind:
            continue
        for form in forms(other) - forms(kind):
            assert holding(files, form) == [], (kind, other, form)


def test_site_publishes_every_kind_when_asked(tmp_path, lang):
    files = build(tmp_path, lang, dict.fromkeys(KINDS, True))
    for kind in KINDS:
        for name in NAMES[kind]:
            assert holding(files, name), name
    assert "workshops/2026-05-16-Wimbleton.html" in files


def test_a_name_that_reaches_the_built_site_stops_the_build(tmp_path, lang, monkeypatch):
    """The last check reads the built files: a page that shows a name writes nothing."""
    import dxkit.publish

    folder = write_consortium(tmp_path / "consortium", lang)
    real = dxkit.publish.site_pages

    def leaky(c, language, **kwargs):
        pages = real(c, language, **kwargs)
        return {**pages, next(iter(pages)): f"# {CONTACT_LATIN}\n"}

    monkeypatch.setattr(dxkit.publish, "site_pages", leaky)
    out = tmp_path / "site"
    result = invoke(["site", "build", str(folder), "--out", str(out), "--lang", lang], exit=2)
    assert "index.html" in result.stderr and str(out) in result.stderr
    assert ("公開しない" if lang == "ja" else "does not publish") in result.stderr
    assert CONTACT_LATIN not in result.stderr
    assert not out.exists()


# -- internal outputs keep the names ----------------------------------------------------------


def test_exports_and_reports_keep_every_name(tmp_path, lang):
    import openpyxl

    folder = write_consortium(tmp_path / "consortium", lang)
    workbook = tmp_path / "roles.xlsx"
    invoke(["export", "roles", str(folder), "--format", "xlsx", "-o", str(workbook), "--lang", lang])
    sheet = openpyxl.load_workbook(workbook).worksheets[0]
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert f"{KEY_PERSON}と予算を調整する" in cells
    # Wide enough that the table of open tries keeps the text on one line.
    status = invoke(["status", str(folder), "--today", TODAY, "--lang", lang], env={"COLUMNS": "200"}).stdout
    assert f"鍵野さんから{DEPUTY}に引き継ぐ" in status
    keyperson = invoke(["keyperson", str(folder), "--today", TODAY, "--lang", lang]).stdout
    assert KEY_PERSON in keyperson
    agenda = invoke(["agenda", str(folder / "workshops" / "2026-05-16-Wimbleton.yaml"), "--lang", lang]).stdout
    assert FACILITATOR in agenda and TIMEKEEPER in agenda


# -- the rendering functions -----------------------------------------------------------------


def consortium(lang: str, people: dict[str, bool] | None = None) -> Consortium:
    site = f"site: {{people: {json.dumps(people)}}}\n" if people else ""
    c = Consortium(root="test", today=dt.date(2026, 10, 1))
    c.add(load_text(CHARTER.format(lang=lang, site=site), "consortium.yaml"))
    c.add(load_text(MEMBERS, "members.yaml"))
    c.add(load_text(ROLES, "roles.yaml"))
    c.add(load_text(WORKSHOP, "workshops/2026-05-16-Wimbleton.yaml"))
    c.add(load_text(RETRO, "retrospectives/2026-06-01-担田.yaml"))
    return c


def pages_of(c: Consortium, lang: str) -> dict[str, str]:
    return {str(path): text for path, text in site_pages(c, lang).items()}


def test_names_of_every_kind_are_found_without_their_organisations(lang):
    found = names_by_kind(consortium(lang))
    assert found == {kind: set(names) for kind, names in NAMES.items()}
    assert written_names("田中 愛子（Code for Shiomi）") == {"田中 愛子"}
    assert written_names("Aoi Nishimura (Shiomi City, Crisis Management Division)") == {"Aoi Nishimura"}
    assert written_names("森 拓海、西村 葵") == {"森 拓海", "西村 葵"}
    assert name_forms("森 拓海") == {"森 拓海", "拓海"}


def test_key_persons_table_shows_role_member_and_deputy_without_names(lang):
    index = pages_of(consortium(lang), lang)["index.md"]
    assert KEY_PERSON not in index and DEPUTY not in index and KEY_PERSON_LATIN not in index
    head = "| 役割 | 所属 | 代理 |" if lang == "ja" else "| Role | Member | Deputy |"
    assert head in index
    deputy = "あり（テスト市 デジタル推進課）" if lang == "ja" else "Yes (テスト市 デジタル推進課)"
    assert f"| 事務局長 | テスト市 デジタル推進課 | {deputy} |" in index
    assert "| Adviser | テスト信用金庫 | " + ("（なし）" if lang == "ja" else "(none)") + " |" in index
    named = pages_of(consortium(lang, {"key_persons": True}), lang)["index.md"]
    assert f"| {KEY_PERSON} | テスト市 デジタル推進課 | 事務局長 | {DEPUTY} |" in named


def test_members_page_counts_contacts_and_hides_them_in_the_network(lang):
    members = pages_of(consortium(lang), lang)["members.md"]
    assert CONTACT not in members and CONTACT_LATIN not in members and "担田" not in members
    assert "| テスト信用金庫 | — | 1 |" in members and "| 0 |" in members
    (network,) = DRAWING.findall(members)
    names = texts_of(assert_drawing(network), "dxkit-node")
    assert ("（非公開）の会" if lang == "ja" else "(not published)の会") in names and CONTACT not in network
    named = pages_of(consortium(lang, {"member_contacts": True}), lang)["members.md"]
    assert f"| テスト信用金庫 | — | {CONTACT_LATIN} |" in named and f"{CONTACT}の会" in named


def test_workshop_and_retrospective_pages_count_people(lang):
    pages = pages_of(consortium(lang), lang)
    workshop = pages["workshops/workshop-1.md"]
    assert "Wimbleton" not in workshop and "記野" not in workshop and "進藤" not in workshop
    if lang == "ja":
        assert "**参加者**: 12 人（自治体 4 人、住民・住民団体 8 人）" in workshop
        assert "- 進行役: （非公開）\n- 記録係: （非公開）\n- タイムキーパー: （非公開）" in workshop
        assert "記録は（非公開）さんがまとめる" in workshop
    else:
        assert "**Participants**: 12 people (Municipality: 4, Residents: 8)" in workshop
        assert "- Facilitator: (not published)\n" in workshop
    retro = pages["retrospectives/retrospective-1.md"]
    assert "鍵野" not in retro and "Xylander" not in retro and "担田" not in retro
    assert "事務局長（非公開）の負担" in retro or "事務局長（not published）の負担" in retro
    assert "テスト市 デジタル推進課" in retro
    named = pages_of(consortium(lang, {"workshop_facilitation": True}), lang)
    shown = named["workshops/2026-05-16-Wimbleton.md"]
    assert f"{FACILITATOR}（テスト市）" in shown and RECORDER in shown and "記録は記野さんがまとめる" in shown


def test_hiding_keeps_ids_published_names_and_word_boundaries(lang):
    c = consortium(lang, {"key_persons": True})
    policy = name_policy(c, lang)
    assert policy.hide("city") == "city"  # identifiers stay, so references resolve
    assert policy.hide(f"{KEY_PERSON}と{CONTACT}") == f"{KEY_PERSON}と{policy.placeholder}"
    assert policy.hide("担田個人名花子") == policy.placeholder  # with or without the space
    assert policy.hide("担田　個人名花子") == policy.placeholder
    assert policy.hide("Brambleworthy and OttilieX") == "Brambleworthy and OttilieX"
    assert policy.hide("Ottilie said") == f"{policy.placeholder} said"
    view = public_view(c, policy)
    assert [m.id for m in view.members] == ["city", "bank", "residents"]
    assert view.members[0].people[0].name == policy.placeholder
    assert view.charter is not None and view.charter.key_persons[0].name == KEY_PERSON
    assert c.members[0].people[0].name == CONTACT  # the model itself is untouched


def test_a_view_of_some_records_hides_names_in_them_and_copies_no_other(lang):
    c = consortium(lang, {"key_persons": True})
    policy = name_policy(c, lang)
    view = public_view(c, policy, only={"member_files"})
    assert view.members[0].people[0].name == policy.placeholder
    assert not view.charters and not view.workshops and not view.retrospectives and c.workshops


def test_a_charter_without_names_to_hide_builds_from_the_model_itself(lang):
    c = consortium(lang, dict.fromkeys(KINDS, True))
    policy = name_policy(c, lang)
    assert not policy.hides_any and public_view(c, policy) is c


def test_find_unpublished_reads_pages_indexes_and_compressed_files(tmp_path, lang):
    policy = name_policy(consortium(lang), lang)
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<p>ok</p>", encoding="utf-8")
    (site / "assets" / "theme.js").write_text("var Wimbleton;", encoding="utf-8")  # dxkit's own files
    assert find_unpublished(site, policy) is None
    for rel, data in (
        ("search/search_index.json", json.dumps({"text": CONTACT}).encode("ascii")),
        ("page.html", "<td>担田&#20491;人名花子</td>".encode()),
        ("sitemap.xml.gz", gzip.compress(b"<loc>Xylander</loc>")),
    ):
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        assert find_unpublished(site, policy) == rel
        path.unlink()


def test_site_pages_needs_a_charter_even_with_a_policy(lang):
    with pytest.raises(UsageError):
        site_pages(Consortium(root="empty", today=dt.date(2026, 10, 1)), lang)
