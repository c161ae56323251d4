"""Shared fixtures: a scaffolded consortium in either language, and a fixed 'today'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dxkit.scaffold import apply, init_files, plan

#: A date the sample's deadlines are judged against; the scaffold's dates are relative to it.
TODAY = dt.date(2026, 6, 1)


def scaffold(dest: Path, lang: str, **names: str) -> Path:
    files = init_files(
        name=names.get("name", "テスト協議会" if lang == "ja" else "Test Consortium"),
        municipality=names.get("municipality", "テスト市" if lang == "ja" else "Test City"),
        lang=lang,
        today=TODAY,
    )
    apply(dest, plan(dest, files))
    return dest


@pytest.fixture(params=["ja", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def sample(tmp_path: Path, lang: str) -> Path:
    return scaffold(tmp_path / "consortium", lang)


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guidebook built once per test run with ``mkdocs build --strict``."""
    import os
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("guidebook") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr, result.stderr[-4000:]
    return site
