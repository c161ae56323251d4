"""Rule findings come in the same run as schema errors: of other files, and of a file's valid entries."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dxkit.validate import check_paths
from tests.helpers import invoke

TODAY = dt.date(2026, 6, 1)

MEMBERS = """kind: members
version: 1
members:
  - id: city
    name: テスト市
    type: municipality
  - id: bank
    name: テスト信用金庫
    type: financial-institution
"""


def _task(task_id: str, accountable: str, due: str = "2026-09-30") -> str:
    return f"""  - id: {task_id}
    title: {task_id} の作業
    stage: planning
    responsible: [city]
    accountable: {accountable}
    due: "{due}"
    done_criteria: 記録がある
    status: not-started
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _roles(*tasks: str) -> str:
    return "kind: roles\nversion: 1\ntasks:\n" + "".join(tasks)


def test_a_valid_entry_of_a_file_with_a_schema_error_gets_its_rules(tmp_path: Path, lang: str) -> None:
    roles = _roles(_task("T-001", "bnak"), _task("T-002", "city", due="2026/9/30"))
    folder = _write(tmp_path / "c", {"members.yaml": MEMBERS, "roles.yaml": roles})
    report = check_paths([str(folder)], lang=lang, today=TODAY)
    codes = sorted(f.code for f in report.findings)
    assert codes == ["DX010", "DX303"]
    (unknown,) = [f for f in report.findings if f.code == "DX303"]
    assert "bank" in unknown.message  # did you mean
    (skipped,) = report.skipped
    assert skipped.partly and skipped.entries == ("T-002",)


def test_the_rules_of_valid_files_run_beside_a_broken_file(tmp_path: Path, lang: str) -> None:
    roles = _roles(_task("T-001", "bnak"))
    broken = "kind: workshop\nversion: 1\ntitle: 会\n"
    folder = _write(tmp_path / "c", {"members.yaml": MEMBERS, "roles.yaml": roles, "w.yaml": broken})
    report = check_paths([str(folder)], lang=lang, today=TODAY)
    assert {f.code for f in report.findings} == {"DX010", "DX303"}
    (skipped,) = report.skipped
    assert skipped.file.endswith("w.yaml") and not skipped.partly


def test_a_member_left_out_is_not_called_unknown(tmp_path: Path, lang: str) -> None:
    members = MEMBERS.replace("type: financial-institution", "type: bank")
    roles = _roles(_task("T-001", "bank"))
    folder = _write(tmp_path / "c", {"members.yaml": members, "roles.yaml": roles})
    report = check_paths([str(folder)], lang=lang, today=TODAY)
    # The bank's entry has an error: a task naming it is not reported as naming no member,
    # and its type is not counted as missing (DX201).
    assert [f.code for f in report.findings] == ["DX010"]
    assert report.skipped[0].entries == ("bank",)


def test_the_report_says_which_files_the_rules_skipped(tmp_path: Path, lang: str) -> None:
    roles = _roles(_task("T-001", "city"), _task("T-002", "city", due="2026/9/30"))
    charter_error = "kind: consortium\nversion: 1\nname: 1\n"
    folder = _write(tmp_path / "c", {"members.yaml": MEMBERS, "roles.yaml": roles, "consortium.yaml": charter_error})
    text = invoke(["validate", str(folder), "--lang", lang], exit=1).stdout
    if lang == "ja":
        assert "このファイルは形式の誤りがあるため、ルールの確認を省きました" in text
        assert "形式の誤りがある T-002 は、ルールの確認から除きました" in text
    else:
        assert "This file has schema errors, so its rules were not checked" in text
        assert "Left out of the rule checks for their schema errors: T-002" in text
    data = json.loads(invoke(["validate", str(folder), "--lang", lang, "--format", "json"], exit=1).stdout)
    skipped = {Path(s["file"]).name: s for s in data["rules_skipped"]}
    assert skipped["consortium.yaml"]["partly"] is False
    assert skipped["roles.yaml"]["entries"] == ["T-002"]
    for fmt in ("github", "junit", "sarif"):
        out = invoke(["validate", str(folder), "--lang", lang, "--format", fmt], exit=1).stdout
        assert ("T-002" in out) and (("ルールの確認" in out) if lang == "ja" else ("rule checks" in out))
