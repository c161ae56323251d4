"""The data inventory (data.yaml): read strictly, kept whole in the model, shown on the site without personal data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePosixPath

import pytest

from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.render.site_pages import site_pages
from dxkit.validate import check_paths
from tests.conftest import TODAY

MEMBERS = """kind: members
version: 1
members:
  - {id: city, name: テスト市, type: municipality}
  - {id: univ, name: "<b>テスト大学</b>", type: education-research}
"""
CHARTER = """kind: consortium
version: 1
name: テスト協議会
municipality: テスト市
language: {lang}
purpose: 移動の課題を解く。
scope: [mobility]
key_persons: [{{name: 山田 花子, member: city, role: 事務局長, deputy: {{name: 佐藤 次郎, member: city}}}}]
data_policy:
  personal_data: true
  handling: 統計に加工して共有する。
  advisory_check: 大学の有識者が確かめる。
stage: planning
"""
DATA = """kind: data
version: 1
datasets:
  - id: D-001
    title: "=HYPERLINK(\\"http://x\\")<script>alert(1)</script>"
    description: 氏名 山田太郎 と住所を含む
    holder: city
    personal_data: true
    legal_basis: 本人の同意
    users: [univ]
    access: 限られた団体のみ
    retention: 3年
  - id: D-002
    title: 乗降者数
    holder: univ
    personal_data: false
    access: Open data
    licence: "CC BY 4.0 | [x](javascript:alert(1))"
sharing:
  - dataset: D-001
    provider: city
    recipients: [univ]
    purpose: 分析
    agreement: 共同研究契約
    until: "2027-03-31"
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _consortium(lang: str, *data_files: tuple[str, str]) -> Consortium:
    c = Consortium(root="c", today=dt.date(2026, 10, 1))
    c.add(load_text(CHARTER.format(lang=lang), "consortium.yaml"))
    c.add(load_text(MEMBERS, "members.yaml"))
    for path, text in data_files or (("data.yaml", DATA),):
        c.add(load_text(text, path))
    return c


def test_data_inventory_example_is_clean_in_both_languages(tmp_path: Path, lang: str) -> None:
    folder = _write(
        tmp_path / "c", {"consortium.yaml": CHARTER.format(lang=lang), "members.yaml": MEMBERS, "data.yaml": DATA}
    )
    report = check_paths([str(folder)], lang=lang, today=TODAY)
    assert report.findings == []
    assert report.files == 3


@pytest.mark.parametrize("written", ["no", "yes", "'false'", "いいえ"])
def test_personal_data_accepts_only_true_or_false(tmp_path: Path, lang: str, written: str) -> None:
    text = DATA.replace("    personal_data: false\n", f"    personal_data: {written}\n")
    folder = _write(tmp_path / "c", {"members.yaml": MEMBERS, "data.yaml": text})
    (finding,) = check_paths([str(folder)], lang=lang, today=TODAY).findings
    assert (finding.code, Path(finding.file).name, finding.line) == ("DX010", "data.yaml", 16)
    assert ("個人データの有無" if lang == "ja" else "Personal data") in finding.message


def test_an_unknown_field_or_a_duplicate_key_is_refused_with_its_place(tmp_path: Path) -> None:
    text = DATA.replace("    retention: 3年\n", "    retention: 3年\n    retention: 5年\n    owner: city\n")
    folder = _write(tmp_path / "c", {"data.yaml": text})
    findings = check_paths([str(folder)], lang="en", today=TODAY).findings
    assert [(f.code, f.line) for f in findings] == [("DX003", 13)]


def test_labels_read_as_codes_in_the_model(lang: str) -> None:
    c = _consortium(lang)
    assert [d.access for d in c.datasets] == ["restricted", "open"]
    assert c.datasets[0].users == ("univ",)
    assert c.data_sharing[0].until == dt.date(2027, 3, 31)


def test_every_data_file_is_kept(lang: str) -> None:
    second = DATA.replace("D-001", "D-101").replace("D-002", "D-102")
    c = _consortium(lang, ("data.yaml", DATA), ("data-2027.yaml", second))
    assert [d.id for d in c.datasets] == ["D-001", "D-002", "D-101", "D-102"]
    assert len(c.data_sharing) == 2
    assert [f.at.file for f in c.data_files] == ["data.yaml", "data-2027.yaml"]
    assert [d.kind for d in c.documents()].count("data") == 2


def test_a_task_may_name_the_datasets_it_uses(tmp_path: Path) -> None:
    roles = """kind: roles
version: 1
tasks:
  - {id: T-001, title: 分析, stage: planning, responsible: [univ], accountable: city, due: "2026-12-28",
     done_criteria: 報告がある, status: not-started, datasets: [D-001, D-002]}
"""
    folder = _write(tmp_path / "c", {"consortium.yaml": CHARTER.format(lang="ja"), "members.yaml": MEMBERS})
    _write(folder, {"data.yaml": DATA, "roles.yaml": roles})
    assert check_paths([str(folder)], lang="ja", today=TODAY).findings == []
    c = Consortium(root="c", today=TODAY)
    c.add(load_text(roles, "roles.yaml"))
    assert c.tasks[0].datasets == ("D-001", "D-002")


def test_a_task_dataset_is_not_called_unknown_when_the_inventory_has_schema_errors(tmp_path: Path) -> None:
    roles = """kind: roles
version: 1
tasks:
  - {id: T-001, title: 分析, stage: planning, responsible: [city], accountable: city, due: "2026-12-28",
     done_criteria: 報告がある, status: not-started, datasets: [D-003]}
"""
    broken = DATA.replace("    access: Open data\n", "    access: everyone\n")
    folder = _write(tmp_path / "c", {"members.yaml": MEMBERS, "data.yaml": broken, "roles.yaml": roles})
    codes = [f.code for f in check_paths([str(folder)], lang="en", today=TODAY).findings]
    assert "DX010" in codes and "DX806" not in codes


def test_the_charter_rule_and_the_inventory_rule_do_not_report_the_same_gap(tmp_path: Path, lang: str) -> None:
    charter = CHARTER.format(lang=lang).replace("  advisory_check: 大学の有識者が確かめる。\n", "")
    folder = _write(tmp_path / "c", {"consortium.yaml": charter, "members.yaml": MEMBERS, "data.yaml": DATA})
    assert [f.code for f in check_paths([str(folder)], lang=lang, today=TODAY).findings] == ["DX103"]


# -- the site ------------------------------------------------------------------------------


def test_site_data_page_lists_datasets_and_arrangements_escaped(lang: str) -> None:
    page = site_pages(_consortium(lang), lang)[PurePosixPath("data.md")].replace("\u00a0", " ")
    words = {
        "ja": (
            "# データの一覧",
            "含む",
            "含まない",
            "限られた団体のみ",
            "オープンデータ",
            "2027年3月31日",
            "提供の取決め",
        ),
        "en": (
            "# Data inventory",
            "| Yes |",
            "| No |",
            "Restricted",
            "Open data",
            "31 Mar 2027",
            "Sharing arrangements",
        ),
    }[lang]
    for word in words:
        assert word in page, word
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script" in page and "&lt;b" in page and "テスト大学" in page
    assert "\\[x\\](javascript:" in page and " [x](" not in page  # the link stays text
    # Only whether a dataset holds personal data is shown: never what it says about anyone.
    assert "山田太郎" not in page and "住所" not in page
    assert "restricted" not in page and "| open |" not in page


def test_site_has_no_data_page_without_an_inventory() -> None:
    c = Consortium(root="c", today=dt.date(2026, 10, 1))
    c.add(load_text(CHARTER.format(lang="ja"), "consortium.yaml"))
    assert PurePosixPath("data.md") not in site_pages(c, "ja")


def test_the_pre_commit_hook_runs_when_only_the_inventory_changes() -> None:
    import re

    from dxkit.integrations import FILES

    for path in ("data.yaml", "consortium/data.yml", "roles.yaml", "workshops/2026-07-12-hearing.yaml"):
        assert re.search(FILES, path), path
    assert not re.search(FILES, "mkdocs.yml") and not re.search(FILES, "data.yaml.bak")
