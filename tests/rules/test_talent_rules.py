"""The talent-plan and layer rules (DX120–DX125, DX207–DX209) point at the value at fault and
read labels as well as codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dxkit.model.talent import LOCAL_STAGES, PROCESS_STAGES, REPORT_LEAD, covers
from dxkit.validate import check_paths
from tests.conftest import TODAY

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("code", "file", "line", "column"),
    [
        ("DX120", "consortium.yaml", 16, 12),
        ("DX121", "consortium.yaml", 19, 19),
        ("DX122", "consortium.yaml", 18, 15),
        ("DX123", "consortium.yaml", 18, 30),
        ("DX124", "consortium.yaml", 19, 9),
        ("DX125", "consortium.yaml", 15, 1),
        ("DX207", "members.yaml", 7, 5),
        ("DX208", "members.yaml", 10, 9),
        ("DX209", "members.yaml", 7, 9),
    ],
)
def test_talent_rule_points_at_the_value_at_fault(code: str, file: str, line: int, column: int) -> None:
    findings = check_paths([str(FIXTURES / code / "bad")], lang="en", today=TODAY).findings
    assert [(Path(f.file).name, f.line, f.column, f.code) for f in findings] == [(file, line, column, code)]


def test_stage_messages_name_the_stage_by_its_label_in_each_language() -> None:
    ja = check_paths([str(FIXTURES / "DX122" / "bad")], lang="ja", today=TODAY).findings[0].message
    en = check_paths([str(FIXTURES / "DX122" / "bad")], lang="en", today=TODAY).findings[0].message
    assert "「UXオペレーション」" in ja and "ux-operation" not in ja and "share" not in ja
    assert "'UX operation'" in en and "ux-operation" not in en


def test_lead_without_talent_names_the_member_stage_and_talent() -> None:
    ja = check_paths([str(FIXTURES / "DX207" / "bad")], lang="ja", today=TODAY).findings[0].message
    en = check_paths([str(FIXTURES / "DX207" / "bad")], lang="en", today=TODAY).findings[0].message
    assert ja == (
        "メンバー「city」は人材計画の段階「課題特定」（X人材）を主導しますが、担当者に「X人材」の人がいません。"
    )
    assert en == (
        "Member 'city' leads the talent-plan stage 'Identifying the issue' (X talent), "
        "but none of its people is marked 'X talent'."
    )


def test_lead_without_talent_reads_a_label_in_the_plan(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    shutil.copytree(FIXTURES / "DX207" / "bad", folder)
    path = folder / "consortium.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("talent: x\n", "talent: D人材\n"), encoding="utf-8")
    assert check_paths([str(folder)], lang="ja", today=TODAY).findings == []


def test_unknown_layer_member_is_not_reported_when_the_members_file_is_broken(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    shutil.copytree(FIXTURES / "DX123" / "bad", folder)
    (folder / "members.yaml").write_text("kind: members\nversion: 1\nmembers: nope\n", encoding="utf-8")
    codes = {f.code for f in check_paths([str(folder)], lang="en", today=TODAY).findings}
    assert "DX123" not in codes and "DX209" not in codes


@pytest.mark.parametrize(
    ("person", "wanted", "expected"),
    [
        ("x", "x", True),
        ("xd", "d", True),
        ("d", "x", False),
        ("x", "xd", False),
        ("xd", "xd", True),
        (None, "x", False),
    ],
)
def test_covers_reads_both_as_either(person: str | None, wanted: str, expected: bool) -> None:
    assert covers(person, wanted) is expected


def test_report_leads_and_local_stages_are_stages_of_the_process() -> None:
    assert set(REPORT_LEAD) | {"use"} == set(PROCESS_STAGES)
    assert set(REPORT_LEAD) >= LOCAL_STAGES and {REPORT_LEAD[s] for s in LOCAL_STAGES} == {"x"}


def test_missing_stages_are_listed_in_process_order_by_their_labels() -> None:
    ja = check_paths([str(FIXTURES / "DX125" / "bad")], lang="ja", today=TODAY).findings[0].message
    en = check_paths([str(FIXTURES / "DX125" / "bad")], lang="en", today=TODAY).findings[0].message
    assert "機運醸成、ビジネスモデル企画、プロダクト企画、運用・メンテナンス、UXオペレーション。" in ja
    assert "課題特定" not in ja and "利用" not in ja
    assert "Building momentum; Planning the business model; Planning the product;" in en
