"""Find, load and cache the JSON Schemas, one per artifact kind.

Each schema is compiled once per process. Field titles in both languages come from the
schemas themselves (``title`` in Japanese, ``x-en.title`` in English), so messages and the
generated reference pages name a field the same way an editor does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from dxkit._resources import schemas_dir

#: The artifact kinds, in the order people meet them.
KINDS: tuple[str, ...] = (
    "consortium",
    "members",
    "roles",
    "gates",
    "issues",
    "plan",
    "data",
    "workshop",
    "retrospective",
    "facilities",
    "assessment",
)
#: The kinds kept as dated files in a folder of their own, and that folder.
FOLDER_KINDS: dict[str, str] = {"workshop": "workshops", "retrospective": "retrospectives", "assessment": "assessments"}
#: The kinds kept in one file under the kind's name (``roles.yaml``).
SINGLE_FILE_KINDS: tuple[str, ...] = tuple(kind for kind in KINDS if kind not in FOLDER_KINDS)
#: The single-file kinds a consortium may split across several files (``roles-2027.yaml``); the
#: model reads every one of them as one. The charter is one file.
SPLIT_KINDS: tuple[str, ...] = tuple(kind for kind in SINGLE_FILE_KINDS if kind != "consortium")
SCHEMA_VERSION = 1


def schema_filename(kind: str) -> str:
    return f"{kind}.schema.json"


@cache
def load_schema(kind: str) -> dict[str, Any]:
    """The schema of ``kind`` as written in ``schemas/``: each enum lists its codes only.

    The model, the labels and the workbook read this one. Files are checked against
    :func:`published_schema`, which also accepts the labels.
    """
    if kind not in KINDS:
        raise KeyError(kind)
    path = schemas_dir() / schema_filename(kind)
    with path.open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def label_codes(node: dict[str, Any]) -> dict[str, str]:
    """Every label of the enum ``node`` (from its ``x-labels``, in both languages) with its code.

    A label that is its own code (``planning`` / planning) is left out. A label that would name
    two codes, or a code other than its own, is a mistake in the schemas: :class:`ValueError`.
    """
    codes = [value for value in node.get("enum", ()) if isinstance(value, str)]
    found: dict[str, str] = {}
    for code, texts in node.get("x-labels", {}).items():
        for text in texts.values():
            if text == code:
                continue
            if text in codes or found.setdefault(text, code) != code:
                raise ValueError(f"the label {text!r} names more than one value of the enum {codes}")
    return found


def _with_labels(node: Any) -> Any:
    """A copy of ``node`` in which every labelled enum also allows its labels, after its codes."""
    if isinstance(node, list):
        return [_with_labels(item) for item in node]
    if not isinstance(node, dict):
        return node
    copy = {key: _with_labels(value) for key, value in node.items()}
    if isinstance(node.get("enum"), list) and isinstance(node.get("x-labels"), dict):
        copy["enum"] = [*node["enum"], *label_codes(node)]
    return copy


@cache
def published_schema(kind: str) -> dict[str, Any]:
    """The schema of ``kind`` as dxkit checks files and publishes it: labels are allowed values too.

    ``status: 完了`` means ``status: done``. Every labelled enum lists its codes first and then its
    labels in both languages, so an editor completes both and check-jsonschema agrees with dxkit;
    ``x-labels`` stays, saying which code each label stands for. One enum keeps one list (not an
    ``anyOf`` of codes and labels) because editors complete the values of one ``enum`` best and
    their messages name the allowed values at once.
    """
    published: dict[str, Any] = _with_labels(load_schema(kind))
    return published


def published_text(kind: str) -> str:
    """:func:`published_schema` as the JSON text written for editors (``init``, ``schema export``)."""
    return json.dumps(published_schema(kind), ensure_ascii=False, indent=2) + "\n"


def inline_refs(node: Any, root: dict[str, Any]) -> Any:
    """A copy of ``node`` with every local ``$ref`` replaced by what it points to.

    Our schemas use ``$defs`` only to name shared pieces, never recursively; following a
    reference costs jsonschema more than checking the value, so they are inlined once.
    """
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
            node = resolve(node, root)
        return {key: inline_refs(value, root) for key, value in node.items() if key != "$defs"}
    if isinstance(node, list):
        return [inline_refs(item, root) for item in node]
    return node


@cache
def fast_validator_for(kind: str) -> Any | None:
    """A compiled jsonschema-rs validator for ``kind``, or ``None`` where it is not available.

    It only answers "valid or not". Files it accepts need nothing more; files it rejects go
    through :func:`validator_for`, whose errors become the messages people read, so messages
    are the same with or without it. ``DXKIT_VALIDATOR=python`` turns it off.
    """
    import os

    if os.environ.get("DXKIT_VALIDATOR", "").lower() == "python":
        return None
    try:
        import jsonschema_rs
    except ImportError:
        return None
    schema = published_schema(kind)
    return jsonschema_rs.validator_for(inline_refs(schema, schema), validate_formats=True)


@cache
def fast_entry_validator_for(kind: str, key: str) -> Any | None:
    """jsonschema-rs's "valid or not" for one entry of the list ``key`` of a ``kind`` file, where available."""
    if fast_validator_for(kind) is None:
        return None
    import jsonschema_rs

    schema = published_schema(kind)
    items = inline_refs(schema, schema).get("properties", {}).get(key, {}).get("items")
    if not isinstance(items, dict):
        return None
    return jsonschema_rs.validator_for(items, validate_formats=True)


@cache
def validator_for(kind: str) -> Any:
    """The compiled validator for ``kind`` (imported lazily: jsonschema is heavy)."""
    from jsonschema import Draft202012Validator

    schema = published_schema(kind)
    return Draft202012Validator(inline_refs(schema, schema), format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_id(kind: str) -> str:
    return str(load_schema(kind)["$id"])


def resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` (``#/$defs/...``) so titles can be read from it."""
    seen = 0
    while "$ref" in schema and seen < 8:
        ref = schema["$ref"]
        if not ref.startswith("#/"):
            break
        target: Any = root
        for part in ref[2:].split("/"):
            target = target[part]
        merged = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
        schema = merged
        seen += 1
    return schema


def subschema_at(kind: str, path: Sequence[str | int]) -> dict[str, Any] | None:
    """The schema that describes the value at ``path`` in a document of ``kind``."""
    root = load_schema(kind)
    node: dict[str, Any] = root
    for part in path:
        node = resolve(node, root)
        if isinstance(part, int):
            items = node.get("items")
            if not isinstance(items, dict):
                return None
            node = items
        else:
            props = node.get("properties", {})
            if part not in props:
                return None
            node = props[part]
    return resolve(node, root)


def field_title(kind: str, path: Sequence[str | int], lang: str) -> str | None:
    """The human name of the field at ``path`` (the last non-index part), or ``None``."""
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return None
    # Titles belong to the property, so look the property up without trailing indexes.
    cut = len(path)
    while cut and isinstance(path[cut - 1], int):
        cut -= 1
    sub = subschema_at(kind, path[:cut])
    if sub is None:
        return None
    if lang == "en":
        return sub.get("x-en", {}).get("title") or sub.get("title")
    return sub.get("title")


def iter_fields(
    schema: dict[str, Any], root: dict[str, Any] | None = None, prefix: str = ""
) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """Yield ``(dotted path, subschema, required)`` for every property, depth first."""
    root = root or schema
    schema = resolve(schema, root)
    required = set(schema.get("required", ()))
    for name, sub in schema.get("properties", {}).items():
        sub = resolve(sub, root)
        dotted = f"{prefix}{name}"
        yield dotted, sub, name in required
        if sub.get("type") == "object":
            yield from iter_fields(sub, root, dotted + ".")
        elif sub.get("type") == "array" and isinstance(sub.get("items"), dict):
            items = resolve(sub["items"], root)
            if items.get("type") == "object":
                yield from iter_fields(items, root, dotted + "[].")
