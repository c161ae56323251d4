"""pre-commit, GitHub Actions and GitLab CI: generated from one catalogue, and really run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from dxkit.integrations import HOOK, published_files
from dxkit.integrations import main as integrations_main
from dxkit.schemas import KINDS
from tests.conftest import ROOT
from tests.helpers import invoke


def test_published_integration_files_are_fresh():
    assert integrations_main(["--root", str(ROOT), "--check"]) == 0, "run: python -m dxkit.integrations --write"


def test_pre_commit_hook_comes_from_the_catalogue():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks == [{k: v for k, v in HOOK.items()}]


@pytest.mark.parametrize(
    "path",
    [
        "roles-2027.yaml",
        "town/members-university.yml",
        "issues-2026.yaml",
        "facilities-north.yaml",
        "assessments/2026-10-01.yaml",
        "workshops/2026-07-12-hearing.yaml",
        "roles.yaml",
        "consortium-2025.yaml",
    ],
)
def test_pre_commit_hook_files_match_split_and_dated_files(path):
    # dxkit reads a kind split across files (roles-2027.yaml declares kind: roles) and every
    # file in a dated folder, so a commit that touches only one of them must run the hook.
    assert re.search(HOOK["files"], path), path


@pytest.mark.parametrize("path", ["mkdocs.yml", "roles.yaml.bak", "notes-2027.yaml", "roles-.yaml", "roles-a/b.yaml"])
def test_pre_commit_hook_files_leave_other_yaml_alone(path):
    assert not re.search(HOOK["files"], path), path


def test_action_runs_validate_with_github_annotations():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert any("--format github" in step.get("run", "") for step in action["runs"]["steps"])


def test_gitlab_template_reports_junit():
    job = yaml.safe_load(published_files(ROOT)[ROOT / "ci" / "gitlab" / "dxkit.gitlab-ci.yml"])["dxkit-validate"]
    assert job["artifacts"]["reports"]["junit"] == "dxkit-junit.xml"
    assert any("--format junit" in line for line in job["after_script"])


@pytest.mark.parametrize(("ci", "expected"), [("github", ".github/workflows/dxkit.yml"), ("gitlab", ".gitlab-ci.yml")])
def test_init_scaffolds_ci_and_pre_commit(tmp_path, ci, expected):
    invoke(["init", str(tmp_path / "c"), "--no-input", "--ci", ci, "--pre-commit"])
    assert yaml.safe_load((tmp_path / "c" / expected).read_text(encoding="utf-8"))
    config = yaml.safe_load((tmp_path / "c" / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["hooks"][0]["id"] == "dxkit-validate"
    rerun = invoke(["init", str(tmp_path / "c"), "--no-input", "--ci", ci, "--pre-commit"])
    assert f"identical {tmp_path / 'c' / expected}" in " ".join(rerun.stdout.split())


def test_junit_and_sarif_formats(sample):
    import json
    import xml.etree.ElementTree as ET

    (sample / "roles.yaml").write_text(
        (sample / "roles.yaml").read_text(encoding="utf-8").replace("status: in-progress", "status: doing"),
        encoding="utf-8",
    )
    junit = invoke(["validate", str(sample), "--format", "junit"], exit=1)
    suite = ET.fromstring(junit.stdout).find("testsuite")
    assert suite.get("tests") == str(len(list(sample.glob("*.yaml")))) and suite.get("failures") == "1"
    failing = [case for case in suite if case.find("failure") is not None]
    assert failing[0].get("name").endswith("roles.yaml")
    sarif = json.loads(invoke(["validate", str(sample), "--format", "sarif"], exit=1).stdout)
    result = sarif["runs"][0]["results"][0]
    assert sarif["version"] == "2.1.0" and result["ruleId"] == "DX010"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] > 1


@pytest.mark.slow
def test_pre_commit_try_repo_fails_on_a_broken_file_and_passes_when_fixed(tmp_path):
    if shutil.which("git") is None:
        pytest.fail("git is needed to run pre-commit")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    work = tmp_path / "repo"
    work.mkdir()

    def run(*cmd: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=600)

    run("git", "init", "-q")
    invoke(["init", str(work / "consortium"), "--no-input"])
    run("git", "add", ".")
    run("git", "commit", "-qm", "consortium")
    hook = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "dxkit-validate", "--all-files"]
    passing = run(*hook)
    assert passing.returncode == 0, passing.stdout[-3000:] + passing.stderr[-2000:]
    roles = work / "consortium" / "roles.yaml"
    good = roles.read_text(encoding="utf-8")
    roles.write_text(good.replace("status: in-progress", "status: doing"), encoding="utf-8")
    failing = run(*hook)
    assert failing.returncode == 1
    assert "DX010" in failing.stdout and "roles.yaml" in failing.stdout
    roles.write_text(good, encoding="utf-8")
    assert run(*hook).returncode == 0


def test_schema_export_writes_versioned_schemas_and_keeps_existing_files(tmp_path, lang):
    invoke(["schema", "export", str(tmp_path / "s"), "--lang", lang])
    written = sorted(p.name for p in (tmp_path / "s" / "v1").iterdir())
    assert "roles.schema.json" in written and written == sorted(f"{kind}.schema.json" for kind in KINDS)
    (tmp_path / "s" / "v1" / "roles.schema.json").write_text("{}", encoding="utf-8")
    again = invoke(["schema", "export", str(tmp_path / "s"), "--lang", lang])
    assert (tmp_path / "s" / "v1" / "roles.schema.json").read_text(encoding="utf-8") == "{}"
    assert ("既存を維持 1 件" if lang == "ja" else "1 kept as they were") in again.stdout
