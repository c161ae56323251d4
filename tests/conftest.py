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
