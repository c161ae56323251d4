"""The commands that run a consortium, on the realistic example (examples/shiomi) in both languages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dxkit.loading import load_file
from tests.conftest import ROOT
from tests.helpers import invoke

TODAY = "2026-10-01"


@pytest.fixture
def shiomi(tmp_path: Path, lang: str) -> Path:
    dest = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    return dest


def test_example_validates_with_exactly_its_planted_findings(shiomi, lang):
    result = invoke(["validate", str(shiomi), "--today", TODAY, "--format", "json", "--lang", lang], exit=1)
    codes = sorted((f["code"], Path(f["file"]).name) for f in json.loads(result.stdout)["findings"])
    assert codes == [("DX305", "roles.yaml"), ("DX601", "2026-03-27-kpt.yaml")]


def test_example_is_realistic(shiomi):
    members = load_file(shiomi / "members.yaml").data["members"]
    tasks = load_file(shiomi / "roles.yaml").data["tasks"]
    types = [m["type"] for m in members]
    for kind in ("municipality", "financial-institution", "local-media", "education-research", "ict-business"):
        assert types.count(kind) >= 2, kind
    assert len(tasks) >= 30
    assert len(load_file(shiomi / "gates.yaml").data["gates"]) == 2
    assert len(list((shiomi / "workshops").glob("*.yaml"))) == 3
    assert len(list((shiomi / "retrospectives").glob("*.yaml"))) == 4


def test_status_text_and_json(shiomi, lang):
    text = invoke(["status", str(shiomi), "--today", TODAY, "--lang", lang])
    assert "T-021" in text.stdout
    assert (
        "期限切れ・理由と挽回策なし（1 件）" if lang == "ja" else "Overdue without reason or recovery plan (1)"
    ) in text.stdout
    assert (
        "最後の振り返り: 2026年8月28日（金）、34 日前"
        if lang == "ja"
        else "Last retrospective: Fri 28 Aug 2026 (34 days ago)"
    ) in text.stdout
    data = json.loads(invoke(["status", str(shiomi), "--today", TODAY, "--format", "json", "--lang", lang]).stdout)
    assert [t["id"] for t in data["overdue_unexplained"]] == ["T-021"]
    assert len(data["overdue_explained"]) == 2 and all(t["recovery_plan"] for t in data["overdue_explained"])
    assert len(data["due_soon"]) == 3 and all(0 <= t["days"] <= 14 for t in data["due_soon"])
    assert len(data["blocked"]) == 2
    assert data["days_since_retrospective"] == 34
    assert [g["id"] for g in data["gates"]] == ["G1", "G2"] and data["gates"][0]["outcome"] == "go"
    assert any(t["owner"] is None for t in data["open_tries"])
    assert sum(m["accountable"] for m in data["load"]) == 32


def test_gate_shows_current_gate_by_lens(shiomi, lang):
    result = invoke(["gate", str(shiomi), "--today", TODAY, "--lang", lang])
    assert (
        "ゲート G2: 社会実証 → 実装・展開" if lang == "ja" else "Gate G2: demonstration → implementation"
    ) in result.stdout
    for lens in ("魅力", "実現可能性", "事業性") if lang == "ja" else ("Desirability", "Feasibility", "Viability"):
        assert lens in result.stdout
    data = json.loads(invoke(["gate", str(shiomi), "--today", TODAY, "--format", "json"]).stdout)
    assert data["current"]["id"] == "G2"
    assert data["current"]["missing"] and all(
        c["state"] != "met" or not c["evidence"] for c in data["current"]["missing"]
    )
    assert [d["gate"] for d in data["history"]] == ["G1"]
    assert data["open_points"]


def test_keyperson_ranks_hub_and_flags_the_bridge(shiomi, lang):
    data = json.loads(invoke(["keyperson", str(shiomi), "--today", TODAY, "--format", "json", "--lang", lang]).stdout)
    assert data["candidates"][0]["member"] == "city-dx"
    assert "code-for-shiomi" in data["articulation_points"]
    kinds = {(r["kind"], r["member"]) for r in data["risks"]}
    assert ("articulation-point", "code-for-shiomi") in kinds
    assert any(kind == "rotation" for kind, _ in kinds)
    assert data["mermaid"].startswith("graph LR\n")
    text = invoke(["keyperson", str(shiomi), "--today", TODAY, "--lang", lang]).stdout
    assert "```mermaid\ngraph LR" in text
    assert ("キーパーソンの候補" if lang == "ja" else "Key-person candidates") in text


def test_lessons_page_and_unowned_tries(shiomi, lang, tmp_path):
    out = tmp_path / "lessons.md"
    result = invoke(["lessons", str(shiomi), "--output", str(out), "--lang", lang])
    assert str(out) in result.stdout
    page = out.read_text(encoding="utf-8")
    assert page.startswith("# 教訓" if lang == "ja" else "# Lessons")
    assert ("目標に届かなかったこと" if lang == "ja" else "Targets not reached") in page
    assert "300" in page and "95" in page
    assert ("担当か期限のない Try" if lang == "ja" else "without an owner or date") in page
    again = invoke(["lessons", str(shiomi), "--output", str(out), "--lang", lang], exit=2)
    assert "--overwrite" in again.stderr and again.stdout == ""
    out.write_text("old", encoding="utf-8")
    invoke(["lessons", str(shiomi), "--output", str(out), "--overwrite", "--lang", lang])
    assert out.read_text(encoding="utf-8") == page
    data = json.loads(invoke(["lessons", str(shiomi), "--format", "json"]).stdout)
    assert data["retrospectives"] == 4 and data["failures"][0]["publish"] is True


def test_promote_adds_the_two_new_workshop_issues_and_changes_nothing_else(shiomi: Path, lang: str) -> None:
    register = shiomi / "issues.yaml"
    before = register.read_bytes()
    workshop = shiomi / "workshops" / "2026-01-24-issue-discovery.yaml"
    dry = invoke(["promote", str(workshop), "--dry-run", "--lang", lang])
    assert "I-009" in dry.stdout and register.read_bytes() == before
    result = invoke(["promote", str(workshop), "--lang", lang])
    after = register.read_bytes()
    assert after.startswith(before.rstrip(b"\n"))  # nothing before the new entries changed
    added = load_file(register).data["issues"][8:]
    assert [i["id"] for i in added] == ["I-009", "I-010"]
    assert all(i["found_in"]["ref"] == workshop.name for i in added)
    assert ("既存" if lang == "ja" else "exists") in result.stdout
    invoke(["promote", str(workshop), "--lang", lang])
    assert register.read_bytes() == after
    invoke(["validate", str(shiomi), "--today", TODAY, "--select", "DX0,DX5"])


def test_promote_into_a_flow_style_register_appends_inside_the_brackets(shiomi: Path, lang: str) -> None:
    register = shiomi / "issues.yaml"
    issues = load_file(register).data["issues"]
    head = "kind: issues\nversion: 1\n# 一行ずつの課題\nissues: [\n"
    lines = [f"  {json.dumps(issue, ensure_ascii=False)}" for issue in issues]
    register.write_text(head + ",\n".join(lines) + "   # 最後の課題\n]\n", encoding="utf-8")
    before = register.read_text(encoding="utf-8")
    workshop = shiomi / "workshops" / "2026-01-24-issue-discovery.yaml"
    invoke(["promote", str(workshop), "--lang", lang])
    after = register.read_text(encoding="utf-8")
    kept = before.removesuffix("   # 最後の課題\n]\n")
    assert after.startswith(kept + ",   # 最後の課題\n  {id: I-009, title: ")  # the comment stays on its line
    assert after.endswith("status: open}\n]\n") and after.count("\n  {id: I-01") == 1
    added = load_file(register).data["issues"]
    assert added[:8] == issues and [i["id"] for i in added[8:]] == ["I-009", "I-010"]
    invoke(["validate", str(shiomi), "--today", TODAY, "--select", "DX0,DX5"])


def test_new_workshop_then_agenda(shiomi, lang):
    result = invoke(
        [
            "new",
            "workshop",
            "consensus",
            "--dir",
            str(shiomi),
            "--date",
            "2026-10-20",
            "--minutes",
            "120",
            "--participants",
            "14",
            "--start-time",
            "18:30",
            "--lang",
            lang,
        ]
    )
    created = Path(result.stdout.split()[1])
    assert created.parent == shiomi / "workshops" and created.name.startswith("2026-10-20-")
    data = load_file(created).data
    assert sum(s["minutes"] for s in data["agenda"]) == 120 and data["tables"] == {"count": 3, "size": 5}
    second = invoke(["new", "workshop", "consensus", "--dir", str(shiomi), "--date", "2026-10-20", "--lang", lang])
    assert Path(second.stdout.split()[1]).name == created.name.replace(".yaml", "-2.yaml")
    html = invoke(["agenda", str(created), "--format", "html"])
    assert "@page { size: A4" in html.stdout and "18:30" in html.stdout
    text = invoke(["agenda", str(created)])
    assert ("進行表" if lang == "ja" else "Agenda") in text.stdout
    report = invoke(["validate", str(shiomi), "--today", TODAY, "--format", "json"], exit=1)
    findings = json.loads(report.stdout)["findings"]
    assert {f["code"] for f in findings if "2026-10-20" in f["file"]} == {"DX008"}


def test_new_gate_review_names_the_current_gate(shiomi):
    invoke(["new", "retrospective", "gate-review", "--dir", str(shiomi), "--date", "2027-03-15"])
    data = load_file(shiomi / "retrospectives" / "2027-03-15-gate-review.yaml").data
    assert data["gate_review"]["gate"] == "G2"
    assert data["language"] == load_file(shiomi / "consortium.yaml").data["language"]


@pytest.mark.parametrize(
    "args",
    [
        ["new", "workshop", "nope"],
        ["new", "workshop", "ideation", "--minutes", "61"],
        ["new", "workshop", "ideation", "--date", "2026-13-01"],
        ["new", "retrospective", "kpt", "--participants", "500"],
        ["agenda", "missing.yaml"],
        ["status", "no-such-folder"],
        ["gate", "no-such-folder"],
    ],
)
def test_usage_errors_exit_2_with_a_message(tmp_path, monkeypatch, args, lang):
    monkeypatch.chdir(tmp_path)
    result = invoke([*args, "--lang", lang], exit=2)
    assert result.stdout == ""
    assert result.stderr.startswith("エラー: " if lang == "ja" else "Error: ")


def test_agenda_on_a_broken_file_points_at_the_line(tmp_path):
    bad = tmp_path / "w.yaml"
    bad.write_text("kind: workshop\nversion: 1\n\ttitle: x\n", encoding="utf-8")
    result = invoke(["agenda", str(bad), "--lang", "en"], exit=2)
    assert f"{bad}:3:1" in result.stderr


def test_analyses_warn_when_files_are_left_out(shiomi):
    (shiomi / "gates.yaml").write_text("kind: gates\nversion: 1\ngates: oops\n", encoding="utf-8")
    result = invoke(["status", str(shiomi), "--today", TODAY, "--lang", "en"])
    assert "T-021" in result.stdout
    assert "gates.yaml" in result.stderr and "dxkit validate" in result.stderr


def test_new_speaks_the_charters_language_in_its_errors_too(tmp_path, lang):
    folder = tmp_path / "c"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
    result = invoke(["new", "workshop", "nope", "--dir", str(folder)], exit=2, env={"DXKIT_LANG": None})
    assert result.stderr.startswith("エラー: " if lang == "ja" else "Error: ")
    assert "nope" in result.stderr and result.stdout == ""
