"""The benchmark scripts run end to end at a tiny size, so they cannot rot (no timing asserted)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_generator_makes_valid_consortia_with_planted_errors(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.pop(0)
    import datetime as dt

    from dxkit.validate import check_paths

    generate(tmp_path, consortia=4, invalid=2, seed=7)
    report = check_paths([str(tmp_path)], lang="en", today=dt.date(2026, 10, 1))
    assert report.files == 24
    assert sorted(f.code for f in report.findings) == ["DX010", "DX010"]


def test_runner_prints_ratios_and_cold_start(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--consortia",
            "3",
            "--invalid",
            "1",
            "--rounds",
            "1",
            "--peer-in-env",
            "--data",
            str(tmp_path / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    for needle in (
        "dxkit validate",
        "check-jsonschema",
        "parse floor",
        "÷ peer",
        "÷ floor",
        "dxkit --version ÷ check-jsonschema --version",
        "12-file consortium",
    ):
        assert needle in out, needle


def test_overview_benchmark_runs_every_form(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "overview.py"),
            "--consortia",
            "3",
            "--invalid",
            "1",
            "--rounds",
            "1",
            "--data",
            str(tmp_path / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for needle in ("3 consortia (18 files)", "dxkit overview (html)", "dxkit overview (json) ÷ dxkit validate"):
        assert needle in result.stdout, needle
    assert len(list((tmp_path / "data").glob("c*/consortium.yaml"))) == 3
