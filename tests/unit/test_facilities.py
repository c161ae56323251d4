"""The facility and network inventory: the model reads it, the site shows it as text, fiscal years read right."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

import pytest

from dxkit.dates import fiscal_year, format_fiscal_year
from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.render.site_pages import site_pages
from dxkit.validate import check_paths

TODAY = dt.date(2026, 10, 1)
CHARTER = """kind: consortium
version: 1
name: 汐見 DX
municipality: 汐見市
purpose: 移動と防災
scope: [mobility]
key_persons: [{name: 山田, member: city, role: 事務局}]
stage: demonstration
"""
MEMBERS = """kind: members
version: 1
members:
  - {id: city, name: 汐見市, type: municipality}
  - {id: catv, name: "<b>汐見CATV</b>", type: local-media}
"""
ROLES = """kind: roles
version: 1
tasks:
  - id: T-001
    title: "避難所の **Wi-Fi** を更新する"
    stage: planning
    responsible: [city]
    accountable: city
    due: "2027-03-26"
    done_criteria: 新しい機器でつながる
    status: not-started
"""
FACILITIES = """kind: facilities
version: 1
facilities:
  - id: F-001
    name: "<script>alert(1)</script>公民館"
    type: 公民館
    owner: city
    address: 汐見市東浜 1-2-3 山田方
    area: "東部 | 地区"
    disaster_roles: [指定避難所, disaster-base]
    connections:
      - {type: fibre, ownership: 公設, owner: city, built: 2019, renewal_due: 2027, renewal_task: T-001}
      - {type: catv, ownership: private, owner: catv}
    used_by: [T-001]
    note: 鍵は山田さん宅で預かる
  - {id: F-002, name: 東小学校, type: school}
"""


def _consortium(*, era: bool = False) -> Consortium:
    c = Consortium(root="shiomi", today=TODAY)
    c.add(load_text(CHARTER + ("calendar: japanese-era\n" if era else ""), "consortium.yaml"))
    c.add(load_text(MEMBERS, "members.yaml"))
    c.add(load_text(ROLES, "roles.yaml"))
    c.add(load_text(FACILITIES, "facilities.yaml"))
    return c


def test_model_reads_every_facility_with_labels_turned_into_codes():
    c = _consortium()
    assert c.has_facilities and [f.id for f in c.facilities] == ["F-001", "F-002"]
    first = c.facilities[0]
    assert first.type == "community-centre"
    assert first.disaster_roles == ("designated-shelter", "disaster-base")
    assert [x.ownership for x in first.connections] == ["public", "private"]
    assert first.connections[0].renewal_due == 2027 and first.used_by == ("T-001",)
    assert c.facilities[1].connections == () and c.facilities[1].disaster_roles == ()
    assert c.facilities[0].at.doc in list(c.documents())


def test_second_facilities_file_is_kept():
    c = _consortium()
    c.add(load_text("kind: facilities\nversion: 1\nfacilities: [{id: F-003, name: 診療所, type: clinic}]\n", "f2.yaml"))
    assert [f.id for f in c.facilities] == ["F-001", "F-002", "F-003"] and len(c.facility_files) == 2


@pytest.mark.parametrize(
    ("day", "year"), [(dt.date(2027, 3, 31), 2026), (dt.date(2027, 4, 1), 2027), (dt.date(2026, 1, 5), 2025)]
)
def test_fiscal_year_begins_on_the_first_of_april(day: dt.date, year: int):
    assert fiscal_year(day) == year


def test_fiscal_years_read_as_people_write_them():
    assert format_fiscal_year(2027, "ja") == "2027年度"
    assert format_fiscal_year(2027, "ja", japanese_era=True) == "令和9年度"
    assert format_fiscal_year(2019, "ja", japanese_era=True) == "令和元年度"
    assert format_fiscal_year(1988, "ja", japanese_era=True) == "昭和63年度"
    assert format_fiscal_year(1989, "ja", japanese_era=True) == "平成元年度"
    assert format_fiscal_year(2027, "en", japanese_era=True) == "FY2027"


def _page(lang: str, *, era: bool = False, bilingual: bool = False) -> str:
    return site_pages(_consortium(era=era), lang, bilingual=bilingual)[PurePosixPath("facilities.md")]


def test_site_page_shows_labels_names_and_task_titles_in_japanese():
    page = _page("ja")
    assert page.startswith("# 施設と通信\n")
    assert "| 公民館 |" in page and "| 学校 |" in page and "指定避難所、防災拠点" in page
    assert "光回線（公設、汐見市、2019年度整備、2027年度に更新予定）" in page
    assert "CATV網（民設、&lt;b\\>汐見CATV&lt;/b\\>）" in page
    assert "T-001 避難所の \\*\\*Wi-Fi\\*\\* を更新する" in page
    assert "記録なし" in page  # F-002 has no connection
    for code in ("community-centre", "designated-shelter", "fibre", "public"):
        assert code not in page


def test_site_page_in_english_and_with_the_japanese_era():
    page = _page("en")
    assert page.startswith("# Facilities and networks\n")
    assert "Fibre (Public, 汐見市, built FY2019, renewal due FY2027)" in page
    assert "| Community centre |" in page and "Designated shelter, Disaster response base" in page
    assert "none recorded" in page
    assert "令和元年度整備、令和9年度に更新予定" in _page("ja", era=True)
    assert "施設と通信 / Facilities and networks" in _page("ja", bilingual=True)


def test_site_page_keeps_text_as_text_and_leaves_out_addresses_and_notes():
    page = _page("en")
    assert "<script>" not in page and "&lt;script\\>alert(1)&lt;/script\\>公民館" in page
    assert "東部 \\| 地区" in page and "<b>" not in page
    assert "東浜" not in page and "山田" not in page  # the address and the note are not published


def test_site_has_no_facilities_page_without_a_facilities_file():
    c = Consortium(root="shiomi", today=TODAY)
    c.add(load_text(CHARTER, "consortium.yaml"))
    assert PurePosixPath("facilities.md") not in site_pages(c, "ja")


def test_example_inventory_is_clean_in_both_languages():
    for lang in ("ja", "en"):
        report = check_paths([f"examples/shiomi/{lang}/facilities.yaml"], lang=lang, today=TODAY)
        assert report.findings == []


def test_a_valid_facility_beside_one_with_a_schema_error_still_gets_its_rules(tmp_path, lang):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    (folder / "facilities.yaml").write_text(
        "kind: facilities\nversion: 1\nfacilities:\n"
        "  - {id: F-001, name: 城, type: castle}\n"
        "  - {id: F-002, name: 東小学校, type: school, owner: ciyt, disaster_roles: [welfare-shelter]}\n",
        encoding="utf-8",
    )
    report = check_paths([str(folder)], lang=lang, today=TODAY)
    assert sorted(f.code for f in report.findings) == ["DX010", "DX852", "DX855"]
    shelter = next(f for f in report.findings if f.code == "DX855")
    assert ("福祉避難所" if lang == "ja" else "Welfare shelter") in shelter.message


def test_tasks_are_not_judged_unknown_when_the_role_matrix_is_only_partly_read(tmp_path, lang):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    (folder / "roles.yaml").write_text(ROLES.replace('due: "2027-03-26"', "due: someday"), encoding="utf-8")
    (folder / "facilities.yaml").write_text(
        "kind: facilities\nversion: 1\nfacilities:\n"
        "  - {id: F-001, name: 公民館, type: community-centre, used_by: [T-001]}\n",
        encoding="utf-8",
    )
    report = check_paths([str(folder)], lang=lang, today=TODAY)
    assert "DX853" not in {f.code for f in report.findings} and report.findings


@pytest.mark.parametrize(
    ("lang", "member", "text"),
    [("ja", "リスト （メンバー id）", "リスト （文字列）"), ("en", "list of member id", "list of text")],
)
def test_schema_pages_name_what_a_list_of_references_holds(lang: str, member: str, text: str):
    from dxkit.render.reference import render_schema_page

    def row(kind: str, field: str) -> str:
        return next(line for line in render_schema_page(kind, lang).splitlines() if line.startswith(f"| `{field}`"))

    assert f"| {text} |" in row("facilities", "facilities[].used_by")
    assert f"| {member} |" in row("roles", "tasks[].responsible")
