from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dxkit.errors import UsageError
from dxkit.toolkits import (
    RETROSPECTIVE_FORMATS,
    WORKSHOP_TYPES,
    check_metadata,
    get_toolkit,
    load_toolkits,
    scale_minutes,
    seating,
)


def test_every_workshop_type_and_retrospective_format_has_a_toolkit():
    assert [t.type for t in load_toolkits("workshop").values()] == list(WORKSHOP_TYPES)
    assert [t.type for t in load_toolkits("retrospective").values()] == list(RETROSPECTIVE_FORMATS)


@pytest.mark.parametrize("kind", ["workshop", "retrospective"])
def test_toolkits_weights_reproduce_default_duration(kind):
    for toolkit in load_toolkits(kind).values():
        weights = [s.weight for s in toolkit.steps]
        assert scale_minutes(weights, toolkit.duration["default"]) == weights


@settings(max_examples=300, deadline=None)
@given(
    weights=st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=10),
    extra=st.integers(min_value=0, max_value=120),
)
def test_scale_minutes_sums_exactly_in_5_minute_slots(weights, extra):
    total = 5 * (len(weights) + extra)
    minutes = scale_minutes(weights, total)
    assert sum(minutes) == total
    assert all(m >= 5 and m % 5 == 0 for m in minutes)
    assert len(minutes) == len(weights)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_every_toolkit_scales_to_every_allowed_duration(data):
    kind = data.draw(st.sampled_from(["workshop", "retrospective"]))
    toolkit = data.draw(st.sampled_from(list(load_toolkits(kind).values())))
    total = data.draw(st.integers(toolkit.duration["min"] // 5, toolkit.duration["max"] // 5)) * 5
    minutes = scale_minutes([s.weight for s in toolkit.steps], total)
    assert sum(minutes) == total and min(minutes) >= 5


def test_scale_minutes_keeps_proportions():
    assert scale_minutes([10, 40, 50, 20], 60) == [5, 20, 25, 10]
    assert scale_minutes([10, 40, 50, 20], 240) == [20, 80, 100, 40]


@pytest.mark.parametrize("total", [0, 7, 15])
def test_scale_minutes_refuses_impossible_totals(total):
    with pytest.raises(ValueError):
        scale_minutes([10, 20, 30, 40], total)


@pytest.mark.parametrize(
    ("headcount", "per_table", "expected"),
    [(1, 6, (1, 1)), (6, 6, (1, 6)), (7, 6, (2, 4)), (26, 6, (5, 6)), (60, 6, (10, 6))],
)
def test_seating_balances_tables(headcount, per_table, expected):
    assert seating(headcount, per_table) == expected


def test_toolkit_checks_minutes_and_headcount():
    toolkit = get_toolkit("workshop", "issue-discovery")
    with pytest.raises(UsageError):
        toolkit.check_minutes(toolkit.duration["max"] + 5)
    with pytest.raises(UsageError):
        toolkit.check_minutes(toolkit.duration["default"] + 1)
    with pytest.raises(UsageError):
        toolkit.check_headcount(toolkit.participants["max"] + 1)
    with pytest.raises(UsageError) as info:
        get_toolkit("workshop", "nope")
    assert "issue-discovery" in info.value.message("en")


def test_check_metadata_reports_problems():
    good = {
        "id": "x",
        "kind": "workshop",
        "type": "ideation",
        "title": {"ja": "a", "en": "a"},
        "purpose": {"ja": "a", "en": "a"},
        "when": {"ja": "a", "en": "a"},
        "duration": {"default": 30, "min": 15, "max": 60},
        "participants": {"default": 5, "min": 2, "max": 9, "per_table": 5},
        "roles": {r: {"ja": "a", "en": "a"} for r in ("facilitator", "recorder", "timekeeper")},
        "materials": {"ja": ["a"], "en": ["a"]},
        "steps": [
            {"id": f"s{i}", "weight": 10, "title": {"ja": "a", "en": "a"}, "description": {"ja": "a", "en": "a"}}
            for i in range(3)
        ],
        "outputs": {"ja": ["a"], "en": ["a"]},
    }
    assert check_metadata(good, "x", "workshop") == []
    bad = {**good, "steps": [*good["steps"][:2], {**good["steps"][2], "weight": 7}]}
    assert any("multiple of 5" in p for p in check_metadata(bad, "x", "workshop"))
    assert any("folder name" in p for p in check_metadata(good, "y", "workshop"))
    assert any(
        p.startswith("title") and "en" in p for p in check_metadata({**good, "title": {"ja": "a"}}, "x", "workshop")
    )
