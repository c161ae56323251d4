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


def test_scale_series_prints_every_command_at_every_size_and_keeps_the_data(tmp_path):
    data = tmp_path / "data"
    argv = [
        sys.executable,
        str(ROOT / "benchmarks" / "scale.py"),
        "--rounds",
        "1",
        "--tasks",
        "20",
        "200",
        "--members",
        "12",
        "120",
        "--series-members",
        "12",
        "--series-tasks",
        "20",
        "--data",
        str(data),
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(argv, capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "### Tasks (12 members)" in out and "### Members (20 tasks)" in out
    assert "| 20 tasks: median s / user s / peak MiB | 200 tasks: median s / user s / peak MiB |" in out
    rows = [line for line in out.splitlines() if line.startswith("| `")]
    names = [row.split("`")[1] for row in rows]
    assert names == [
        "validate",
        "status",
        "keyperson",
        "export roles (xlsx)",
        "export roles -f ics",
        "site build",
        "import (no change)",
        "keyperson",
    ]
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        # Per size: median wall s / median user s / peak MiB; then the growth per 10× (time / memory).
        for cell in cells[1:-1]:
            wall, user, peak = cell.split(" / ")
            assert float(wall) > 0 and float(user) >= 0 and int(peak) >= 0, row
        time_growth, memory_growth = cells[-1].split(" / ")
        assert all(g == "—" or float(g) > 0 for g in (time_growth, memory_growth)), row
    made = sorted(p.name for p in data.iterdir())
    assert made == ["t20-m12-s7", "t20-m120-s7", "t200-m12-s7"]
    # The import ran on a copy: no lock file, no workbook in the generated consortia.
    assert sorted(p.name for p in (data / "t200-m12-s7").iterdir()) == sorted(
        p.name for p in (data / "t20-m12-s7").iterdir()
    )
    assert not list(data.glob("*/.*.lock")) and not list(data.glob("*/*.xlsx"))
    assert (data / "t200-m12-s7" / "roles.yaml").read_text(encoding="utf-8").count("  - id: T-") == 200
    # A second run finds the consortia already made and leaves them as they are.
    stamp = (data / "t200-m12-s7" / "roles.yaml").stat().st_mtime_ns
    again = subprocess.run(
        [*argv[:2], "--rounds", "1", "--tasks", "200", "--members", "12", *argv[-6:]],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert again.returncode == 0, again.stderr[-3000:]
    assert (data / "t200-m12-s7" / "roles.yaml").stat().st_mtime_ns == stamp
