"""The jsonschema-rs fast path must accept exactly what the Python validator accepts."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dxkit.loading import Document, LoadError, load_file
from dxkit.model import Consortium
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


def _mutated(data: st.DataObject) -> tuple[str, Any]:
    """A document of the fixtures or schema examples with one to three values changed."""
    kind, original = data.draw(st.sampled_from(DOCS))
    document = copy.deepcopy(original)
    for _ in range(data.draw(st.integers(1, 3))):
        node: Any = document
        while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
            key = data.draw(st.sampled_from(list(node) if isinstance(node, dict) else list(range(len(node)))))
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
    return kind, document


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_and_python_validators_agree_on_mutated_documents(data: st.DataObject) -> None:
    kind, document = _mutated(data)
    _agree(kind, document)


def _build(kind: str, data: Any) -> None:
    # The validator adds every schema-valid document to the model: building it must not fail.
    Consortium(".", dt.date(2026, 6, 1)).add(Document(f"{kind}.yaml", data, root=cast(Any, None)))


def test_every_valid_fixture_and_example_builds_into_the_model() -> None:
    valid = [(kind, data) for kind, data in DOCS if validator_for(kind).is_valid(data)]
    assert len(valid) > 40
    for kind, data in valid:
        _build(kind, data)


_texts = st.sampled_from(
    ["x", "city", "shinkin", "2026-02-28", "2026-13-01", "T-001", "planning", "done", "go", "日本語", "〔記入〕", ""]
)


def _edited(data: st.DataObject) -> tuple[str, Any]:
    """A document with values dropped, texts replaced or list items repeated: often still valid."""
    kind, original = data.draw(st.sampled_from(DOCS))
    document = copy.deepcopy(original)
    for _ in range(data.draw(st.integers(1, 4))):
        node: Any = document
        while True:
            items = node.items() if isinstance(node, dict) else enumerate(node)
            inner = [key for key, value in items if isinstance(value, (dict, list)) and value]
            if not inner or not data.draw(st.booleans()):
                break
            node = node[data.draw(st.sampled_from(inner))]
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            continue
        key = data.draw(st.sampled_from(keys))
        edit = data.draw(st.sampled_from(["drop", "text", "repeat"]))
        if edit == "drop":
            del node[key]
        elif edit == "text" and isinstance(node[key], str):
            node[key] = data.draw(_texts)
        elif edit == "repeat" and isinstance(node, list):
            node.append(copy.deepcopy(node[key]))
    return kind, document


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_edited_document_the_schema_accepts_builds_into_the_model(data: st.DataObject) -> None:
    kind, document = _edited(data)
    if validator_for(kind).is_valid(document):
        _build(kind, document)
