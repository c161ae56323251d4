"""Which consortium a one-consortium command works on: found like git finds a repository, never guessed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import TODAY, scaffold
from tests.helpers import invoke, run_dxkit_measured

DAY = TODAY.isoformat()


def _two_consortia(tmp_path: Path, lang: str) -> Path:
    scaffold(tmp_path / "alpha", lang, name="アルファ協議会" if lang == "ja" else "Alpha")
    scaffold(tmp_path / "beta", lang, name="ベータ協議会" if lang == "ja" else "Beta")
    return tmp_path


@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["keyperson"],
        ["gate"],
        ["lessons"],
        ["export", "roles", "--format", "csv"],
    ],
)
def test_a_folder_of_two_consortia_asks_which_one(tmp_path: Path, lang: str, command: list[str]) -> None:
    folder = _two_consortia(tmp_path, lang)
    result = invoke([*command, str(folder), "--lang", lang, "--today", DAY], exit=2)
    alpha, beta = f"{folder / 'alpha'}{os.sep}", f"{folder / 'beta'}{os.sep}"
    assert alpha in result.stderr and beta in result.stderr, result.stderr
    assert ("どの推進体制か指定してください" if lang == "ja" else "name the one you mean") in result.stderr
    assert result.stdout == ""


def test_site_build_asks_which_one_too(tmp_path: Path, lang: str) -> None:
    folder = _two_consortia(tmp_path, lang)
    result = invoke(["site", "build", str(folder), "--out", str(tmp_path / "out"), "--lang", lang], exit=2)
    assert "alpha" in result.stderr and "beta" in result.stderr
    assert not (tmp_path / "out").exists()


def test_from_a_subfolder_the_consortium_above_is_found(sample: Path, lang: str) -> None:
    from_root = invoke(["status", str(sample), "--lang", lang, "--today", DAY, "--format", "json"])
    from_workshops = invoke(["status", str(sample / "workshops"), "--lang", lang, "--today", DAY, "--format", "json"])
    assert json.loads(from_workshops.stdout) == json.loads(from_root.stdout)
    assert json.loads(from_root.stdout)["tasks"], "the sample has tasks"


def test_the_search_starts_in_the_current_folder(sample: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(sample / "workshops")
    result = invoke(["export", "roles", "--format", "csv", "--lang", lang, "--today", DAY])
    assert "T-001" in result.stdout


def test_a_consortium_nested_below_is_not_read(sample: Path, lang: str) -> None:
    before = json.loads(invoke(["status", str(sample), "--today", DAY, "--format", "json"]).stdout)
    inner = scaffold(sample / "archive" / "old", lang, name="旧協議会" if lang == "ja" else "Old")
    roles = inner / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("T-001", "OLD-001"), encoding="utf-8")
    after = json.loads(invoke(["status", str(sample), "--today", DAY, "--format", "json"]).stdout)
    assert after == before
    export = invoke(["export", "roles", str(sample), "--format", "csv", "--today", DAY]).stdout
    assert "OLD-001" not in export and "T-001" in export
    inside = invoke(["export", "roles", str(inner), "--format", "csv", "--today", DAY]).stdout
    assert "OLD-001" in inside


def test_an_empty_folder_says_so_once(tmp_path: Path, lang: str) -> None:
    (tmp_path / "empty").mkdir()
    result = invoke(["status", str(tmp_path / "empty"), "--lang", lang], exit=2)
    assert ("見つかりません" if lang == "ja" else "No consortium") in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr


def test_a_large_unrelated_tree_is_not_scanned(tmp_path: Path, lang: str) -> None:
    """5,000 unrelated YAML files (as in a shared temporary folder): exit 2 quickly, in little memory."""
    tree = tmp_path / "shared"
    for i in range(50):
        folder = tree / f"job-{i:02d}" / "cache"
        folder.mkdir(parents=True)
        for j in range(100):
            (folder / f"item-{j:03d}.yaml").write_text(f"kind: tasks\nid: {j}\nitems: [a, b, c]\n", encoding="utf-8")
    for command in (["status"], ["keyperson"], ["export", "roles", "--format", "csv"]):
        run = run_dxkit_measured([*command, tree, "--lang", lang])
        assert run.code == 2, run.stderr
        assert "Traceback" not in run.stderr and run.stdout == ""
        assert ("見つかりません" if lang == "ja" else "No consortium") in run.stderr
        assert 0 < run.peak_kib < 200 * 1024, f"{command}: peak {run.peak_kib} KiB"


def test_a_folder_of_many_consortia_names_ten_and_counts_the_rest(tmp_path: Path, lang: str) -> None:
    for i in range(12):
        folder = tmp_path / f"c{i:02d}"
        folder.mkdir()
        (folder / "roles.yaml").write_text("tasks: []\n", encoding="utf-8")
    result = invoke(["status", str(tmp_path), "--lang", lang], exit=2)
    assert ("少なくとも 12" if lang == "ja" else "at least 12") in result.stderr
    assert f"c09{os.sep}" in result.stderr and f"c10{os.sep}" not in result.stderr
