from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.helpers import invoke

FIXTURES = Path(__file__).parents[1] / "rules" / "fixtures"


def _validate(*args: str, exit: int = 0):
    return invoke(["validate", *args, "--today", TODAY.isoformat()], exit=exit)


@pytest.fixture
def broken(sample: Path) -> Path:
    """The sample with one malformed due date on a known line."""
    roles = sample / "roles.yaml"
    lines = roles.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.lstrip().startswith("due:"))
    lines[index] = "    due: 2026/07/31\n"
    roles.write_text("".join(lines), encoding="utf-8")
    return sample


def _due_line(sample: Path) -> int:
    lines = (sample / "roles.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if "2026/07/31" in line)


def test_validate_text_points_at_the_line(broken, lang):
    result = _validate(str(broken), "--lang", lang, exit=1)
    line = _due_line(broken)
    assert re.search(rf"roles\.yaml:{line}:10: DX010 \[(エラー|error)\]", result.stdout)
    assert ("YYYY-MM-DD 形式の日付" if lang == "ja" else "must be a date written YYYY-MM-DD") in result.stdout
    assert ("エラー 1 件" if lang == "ja" else "Errors: 1") in result.stdout
    assert result.stderr == ""


def test_validate_json_has_findings_with_positions(broken, lang):
    result = _validate(str(broken), "--format", "json", "--lang", lang, exit=1)
    data = json.loads(result.stdout)
    assert data["summary"]["errors"] == 1
    finding = data["findings"][0]
    assert {"file", "line", "column", "severity", "code", "message"} <= set(finding)
    assert finding["file"].endswith("roles.yaml")
    assert (finding["line"], finding["column"], finding["code"]) == (_due_line(broken), 10, "DX010")
    assert finding["schema_path"].endswith("due/pattern")
    assert ("日付" in finding["message"]) == (lang == "ja")


def test_validate_github_annotations(broken, lang):
    result = _validate(str(broken), "--format", "github", "--lang", lang, exit=1)
    line = _due_line(broken)
    assert re.search(
        rf"^::error file=[^,]*roles\.yaml,line={line},col=10,title=DX010 schema-violation::", result.stdout, re.M
    )


def test_validate_default_path_is_current_folder(sample, monkeypatch):
    monkeypatch.chdir(sample)
    result = invoke(["validate", "--today", TODAY.isoformat()])
    assert "roles.yaml" not in result.stdout and result.stdout.strip()


def test_validate_exit_zero(broken):
    result = _validate(str(broken), "--exit-zero")
    assert "DX010" in result.stdout


def test_validate_warnings_alone_exit_zero():
    result = _validate(str(FIXTURES / "DX201" / "bad"))
    assert "DX201" in result.stdout


def test_validate_select_and_ignore(broken):
    assert "DX010" not in _validate(str(broken), "--ignore", "DX010").stdout
    assert "DX010" not in _validate(str(broken), "--select", "DX3,DX4").stdout
    assert "DX010" in _validate(str(broken), "--select", "DX0", exit=1).stdout


def test_validate_unknown_rule_code_is_a_usage_error(sample, lang):
    result = _validate(str(sample), "--select", "DX999", "--lang", lang, exit=2)
    assert "DX999" in result.stderr
    assert result.stdout == ""


def test_validate_bad_today_is_a_usage_error(sample):
    result = invoke(["validate", str(sample), "--today", "tomorrow", "--lang", "en"], exit=2)
    assert result.stderr.startswith("Error: ") and "tomorrow" in result.stderr
    assert result.stdout == ""


def test_validate_bad_format_is_a_usage_error(sample):
    result = _validate(str(sample), "--format", "xml", exit=2)
    assert "xml" in result.stderr and "sarif" in result.stderr
    assert result.stdout == ""


def test_validate_missing_path_exits_2_but_checks_the_rest(sample, lang):
    result = _validate(str(sample), str(sample / "nope.yaml"), "--lang", lang, exit=2)
    assert "nope.yaml:1:1: DX001" in result.stdout


def test_validate_empty_folder_exits_2(tmp_path, lang):
    result = _validate(str(tmp_path), "--lang", lang, exit=2)
    assert ("見つかりませんでした" if lang == "ja" else "No governance files") in result.stderr


def test_validate_skips_foreign_yaml_in_folders(sample):
    (sample / "mkdocs.yml").write_text("site_name: x\nnav: !!python/name:os.system\n", encoding="utf-8")
    (sample / ".github").mkdir()
    (sample / ".github" / "ci.yaml").write_text("on: push\n", encoding="utf-8")
    assert "mkdocs.yml" not in _validate(str(sample)).stdout
    # Named explicitly, it is checked.
    assert "mkdocs.yml:" in _validate(str(sample / "mkdocs.yml"), exit=1).stdout


def test_validate_many_consortia_in_one_run(tmp_path):
    for code in ("DX101", "DX302"):
        shutil.copytree(FIXTURES / code / "bad", tmp_path / code)
    result = _validate(str(tmp_path), "--format", "json", exit=1)
    codes = sorted(f["code"] for f in json.loads(result.stdout)["findings"])
    assert codes == ["DX101", "DX302"]


def test_help_lists_commands_in_each_language(monkeypatch):
    import subprocess
    import sys

    for lang, needle in (("ja", "運営ファイル"), ("en", "governance files")):
        out = subprocess.run(
            [sys.executable, "-m", "dxkit", "--help"],
            capture_output=True,
            text=True,
            env={**__import__("os").environ, "DXKIT_LANG": lang},
            check=True,
        ).stdout
        assert needle in out and "validate" in out and "init" in out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_option_date_may_be_typed_as_people_type_it(sample: Path, lang: str) -> None:
    iso = invoke(["status", str(sample), "--today", "2026-06-01", "--format", "json"]).stdout
    for typed in ("2026/6/1", "2026年6月1日", "令和8年6月1日", "R8.6.1"):
        assert invoke(["status", str(sample), "--today", typed, "--format", "json", "--lang", lang]).stdout == iso


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_bad_date_names_the_option_it_was_given_to(sample: Path, lang: str) -> None:
    result = invoke(
        ["new", "workshop", "issue-discovery", "--dir", str(sample), "--date", "2026/13/13", "--lang", lang], exit=2
    )
    assert "--date" in result.stderr and "--today" not in result.stderr
    assert ("令和8年4月1日" if lang == "ja" else "R8.4.1") in result.stderr and "2026/13/13" in result.stderr
    assert not list((sample / "workshops").glob("*13*"))


def test_new_workshop_takes_the_date_as_typed(sample: Path) -> None:
    invoke(["new", "workshop", "issue-discovery", "--dir", str(sample), "--date", "令和8年12月13日", "--lang", "ja"])
    made = list((sample / "workshops").glob("2026-12-13-*.yaml"))
    assert len(made) == 1 and "2026-12-13" in made[0].read_text(encoding="utf-8")


def test_validate_with_several_processes_prints_what_one_prints(broken: Path, tmp_path: Path, lang: str) -> None:
    for name in ("a", "b", "c"):
        shutil.copytree(broken, tmp_path / name)
    common = [str(tmp_path), "--lang", lang, "--format", "json"]
    one = _validate(*common, "--jobs", "1", exit=1)
    two = _validate(*common, "-j", "2", exit=1)
    assert two.stdout == one.stdout
    assert {Path(f["file"]).parent.name for f in json.loads(one.stdout)["findings"]} >= {"a", "b", "c"}


def test_validate_jobs_below_zero_is_a_usage_error(sample: Path) -> None:
    result = _validate(str(sample), "--jobs", "-1", exit=2)
    assert "--jobs" in result.stderr and result.stdout == ""
