from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dxkit.artifacts import free_path, plan_artifact, render_artifact, slugify
from dxkit.errors import UsageError
from dxkit.loading import load_text
from dxkit.schema_check import check_schema
from dxkit.toolkits import load_toolkits
from dxkit.writing import create_new

DAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Kick-off with residents", "kick-off-with-residents"),
        ("第1回 住民ワークショップ", "issue-discovery"),
        ("../../etc/passwd", "etc-passwd"),
        ("../etc", "issue-discovery"),
        ("Ｆｕｌｌ　Ｗｉｄｔｈ title", "full-width-title"),
        ("a" * 80 + " b", "a" * 48),
        ("2026 05", "issue-discovery"),
    ],
)
def test_slugify_is_safe_for_any_title(title, slug):
    result = slugify(title, "issue-discovery")
    assert result == slug
    assert "/" not in result and ".." not in result


def test_free_path_never_reuses_a_name(tmp_path: Path):
    first = free_path(tmp_path, "2026-12-05", "kpt")
    first.write_text("x", encoding="utf-8")
    second = free_path(tmp_path, "2026-12-05", "kpt")
    assert second.name == "2026-12-05-kpt-2.yaml"


def test_create_new_refuses_to_replace(tmp_path: Path):
    target = tmp_path / "a.yaml"
    create_new(target, b"one\n")
    with pytest.raises(UsageError):
        create_new(target, b"two\n")
    assert target.read_bytes() == b"one\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


@pytest.mark.parametrize("kind", ["workshop", "retrospective"])
def test_every_toolkit_renders_a_schema_valid_file_in_both_languages(kind, lang):
    for toolkit in load_toolkits(kind).values():
        text, title = render_artifact(toolkit, lang=lang, date=DAY, title=None, minutes=None, headcount=None)
        doc = load_text(text, f"{kind}s/x.yaml")
        assert check_schema(doc, lang) == [], toolkit.id
        assert doc.data["toolkit"] == toolkit.id and doc.data["language"] == lang
        assert title == toolkit.title[lang]
        assert sum(step["minutes"] for step in doc.data["agenda"]) == doc.data["duration_minutes"]


def test_render_workshop_scales_time_and_tables():
    toolkit = load_toolkits("workshop")["issue-discovery"]
    text, _ = render_artifact(
        toolkit, lang="en", date=DAY, title="Night session", minutes=150, headcount=26, start_time="18:30"
    )
    data = load_text(text, "w.yaml").data
    assert data["duration_minutes"] == 150 and sum(s["minutes"] for s in data["agenda"]) == 150
    assert data["tables"] == {"count": 5, "size": 6}
    assert data["start_time"] == "18:30" and data["title"] == "Night session"


def test_render_quotes_hostile_titles():
    toolkit = load_toolkits("retrospective")["kpt"]
    hostile = 'x: "y" # z\n- [a]'.replace("\n", " ")
    text, _ = render_artifact(toolkit, lang="ja", date=DAY, title=hostile, minutes=None, headcount=None)
    assert load_text(text, "r.yaml").data["title"] == hostile


@pytest.mark.parametrize("bad", [{"minutes": 62}, {"headcount": 0}, {"start_time": "25:00"}])
def test_render_refuses_bad_options(bad):
    toolkit = load_toolkits("workshop")["ideation"]
    options = {"minutes": None, "headcount": None, **bad}
    with pytest.raises(UsageError):
        render_artifact(toolkit, lang="ja", date=DAY, title=None, **options)


def test_plan_artifact_refuses_a_file_where_the_folder_goes(tmp_path: Path):
    (tmp_path / "workshops").write_text("not a folder", encoding="utf-8")
    toolkit = load_toolkits("workshop")["ideation"]
    with pytest.raises(UsageError):
        plan_artifact(tmp_path, toolkit, "x", date=DAY, title="t")
