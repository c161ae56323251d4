"""The jsonschema-rs fast path must accept exactly what the Python validator accepts."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dxkit.loading import LoadError, load_file
from dxkit.schemas import KINDS, fast_validator_for, load_schema, validator_for
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(fast_validator_for("roles") is None, reason="jsonschema-rs is not installed")


def _documents() -> list[tuple[str, dict[str, Any]]]:
    docs = []
    for path in sorted((ROOT / "tests").rglob("*.yaml")) + sorted((ROOT / "examples").rglob("*.yaml")):
        try:
            data = load_file(path).data
        except LoadError:
            continue
        if isinstance(data, dict) and data.get("kind") in KINDS:
            docs.append((data["kind"], data))
    for kind in KINDS:
        docs += [(kind, example) for example in load_schema(kind)["examples"]]
    return docs


DOCS = _documents()


def _agree(kind: str, data: object) -> None:
    fast = fast_validator_for(kind)
    assert fast is not None
    assert fast.is_valid(data) == validator_for(kind).is_valid(data), (kind, data)


def test_fast_and_python_validators_agree_on_every_fixture_and_example() -> None:
    assert len(DOCS) > 40
    for kind, data in DOCS:
        _agree(kind, data)


_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "",
            "x",
            "2026-02-30",
            "2026-02-28",
            "2026/01/01",
            "city",
            "City",
            "T-001",
            "DX3",
            "yes",
            "13:30",
            "25:00",
            "2027-04",
            "go",
            "planning",
            "done",
            "日本語",
        ]
    ),
    st.lists(st.sampled_from(["city", "shinkin", "City", ""]), max_size=3),
    st.dictionaries(st.sampled_from(["id", "name", "text", "extra"]), st.sampled_from(["x", "city"]), max_size=2),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_and_python_validators_agree_on_mutated_documents(data: st.DataObject) -> None:
    kind, original = data.draw(st.sampled_from(DOCS))
    document = copy.deepcopy(original)
    for _ in range(data.draw(st.integers(1, 3))):
        node, path = document, []
        while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
            key = data.draw(st.sampled_from(list(node) if isinstance(node, dict) else list(range(len(node)))))
            path.append(key)
            if not isinstance(node[key], (dict, list)):
                break
            node = node[key]
        if isinstance(node, dict):
            key = data.draw(st.sampled_from([*node, "unexpected"])) if node else "unexpected"
            if data.draw(st.booleans()) and key in node:
                del node[key]
            else:
                node[key] = data.draw(_values)
        elif isinstance(node, list) and node:
            node[data.draw(st.integers(0, len(node) - 1))] = data.draw(_values)
    _agree(kind, document)
