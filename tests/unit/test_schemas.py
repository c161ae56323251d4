from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from dxkit._resources import schemas_dir
from dxkit.schemas import KINDS, SCHEMA_VERSION, iter_fields, load_schema


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_2020_12_with_versioned_id(kind: str) -> None:
    schema = load_schema(kind)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:dxkit:schema:{kind}:{SCHEMA_VERSION}"
    assert schema["properties"]["kind"]["const"] == kind
    assert schema["properties"]["version"]["const"] == SCHEMA_VERSION
    assert {"kind", "version"} <= set(schema["required"])


@pytest.mark.parametrize("kind", KINDS)
def test_schema_examples_are_valid(kind: str) -> None:
    schema = load_schema(kind)
    assert schema["examples"]
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for example in schema["examples"]:
        validator.validate(example)


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_has_titles_and_descriptions_in_both_languages(kind: str) -> None:
    schema = load_schema(kind)
    fields = list(iter_fields(schema))
    assert len(fields) > 2
    for dotted, sub, _required in fields:
        assert sub.get("title") and sub.get("description"), dotted
        english = sub.get("x-en", {})
        assert english.get("title") and english.get("description"), dotted


def test_shared_definitions_are_identical_across_schemas() -> None:
    seen: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        for name, definition in load_schema(kind).get("$defs", {}).items():
            assert seen.setdefault(name, definition) == definition, (kind, name)


def test_schema_files_are_formatted_json() -> None:
    for path in sorted(schemas_dir().glob("*.schema.json")):
        text = path.read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n", path.name


def test_schema_index_editor_settings_cover_every_kind_where_dxkit_finds_it(lang: str) -> None:
    import json
    import re

    from dxkit.render.reference import render_schema_index
    from dxkit.schemas import FOLDER_KINDS, KINDS

    page = render_schema_index(lang)
    block = re.search(r"```json\n(.*?)```", page, re.S)
    assert block is not None
    settings = json.loads(block.group(1))["yaml.schemas"]
    assert sorted(settings) == sorted(f"./schemas/v1/{kind}.schema.json" for kind in KINDS)
    # A single file is matched by its name (and a split one such as roles-2027.yaml), a dated file by its folder.
    assert settings["./schemas/v1/plan.schema.json"] == ["**/plan.yaml", "**/plan-*.yaml"]
    assert settings["./schemas/v1/consortium.schema.json"] == ["**/consortium.yaml"]
    for kind, folder in FOLDER_KINDS.items():
        assert settings[f"./schemas/v1/{kind}.schema.json"] == [f"**/{folder}/*.yaml"]
