"""The labels people read for the codes dxkit writes: ``planning`` is 計画策定 / planning.

A governance file holds the canonical code of an enumerated value; every surface that shows
one to a person shows its label. Labels live once, beside the allowed values, in the schemas::

    "stage": {
      "enum": ["planning", "demonstration", "implementation"],
      "x-labels": {"planning": {"ja": "計画策定", "en": "planning"}, ...}
    }

Editors and validators ignore the ``x-`` keyword (JSON Schema 2020-12 allows unknown
keywords). An enum is named as in :data:`dxkit.model.records.ENUMS`: by its ``$defs`` name
(``stage``, ``memberType``, ``field``) or by the record and field that hold it
(``Task.status``, ``Issue.priority``, ``Decision.outcome``, ``Cause.category``).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from dxkit.i18n import DEFAULT_LANG, LANGS

#: Labels of one enum: value -> language -> text.
EnumLabels = dict[str, dict[str, str]]


def label(enum_name: str, value: str, lang: str = DEFAULT_LANG) -> str:
    """The label of ``value`` of the enum ``enum_name`` in ``lang`` (Japanese by default).

    An enum or value the schemas do not define is a bug in the caller (values are checked
    against the schema before anything shows them): :class:`KeyError`.
    """
    return _labels(enum_name, lang if lang in LANGS else DEFAULT_LANG)[value]


def labels(enum_name: str, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Every value of the enum ``enum_name`` with its label in ``lang``, in the schema's order."""
    return dict(_labels(enum_name, lang if lang in LANGS else DEFAULT_LANG))


@cache
def _labels(enum_name: str, lang: str) -> dict[str, str]:
    """:func:`labels`, made once for each enum and language (a site labels every row of a matrix); never changed."""
    return {value: texts[lang] for value, texts in all_labels()[enum_name].items()}


@cache
def all_labels() -> dict[str, EnumLabels]:
    """The ``x-labels`` of every enum of every schema, by enum name."""
    from dxkit.model.codegen import NAMES
    from dxkit.schemas import KINDS, load_schema

    found: dict[str, EnumLabels] = {}
    for kind in KINDS:
        schema = load_schema(kind)
        _walk(kind, "", schema, schema, NAMES, found)
    return found


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref.removeprefix("#/$defs/")
        return {**root["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}, name
    return node, None


def _walk(
    kind: str,
    path: str,
    node: dict[str, Any],
    root: dict[str, Any],
    names: dict[tuple[str, str], str],
    found: dict[str, EnumLabels],
) -> None:
    """Collect the labels below the object ``node``, naming enums as the model generator does."""
    owner = names[(kind, path)]
    for key, sub in node.get("properties", {}).items():
        sub_path = f"{path}.{key}".lstrip(".")
        target, def_name = _resolve(sub, root)
        if "enum" in target:
            _keep(def_name or f"{owner}.{key}", target, found)
        elif target.get("type") == "array":
            item, item_def = _resolve(target.get("items", {}), root)
            if item.get("type") == "object" and "properties" in item:
                _walk(kind, f"{sub_path}.[]", item, root, names, found)
            elif "enum" in item:
                _keep(item_def or def_name or f"{owner}.{key}", item, found)
        elif target.get("type") == "object" and "properties" in target:
            _walk(kind, sub_path, target, root, names, found)


def _keep(name: str, node: dict[str, Any], found: dict[str, EnumLabels]) -> None:
    given = node.get("x-labels", {})
    texts = {value: dict(given.get(value, {})) for value in node["enum"]}
    if found.setdefault(name, texts) != texts:
        raise ValueError(f"the enum {name} is labelled differently in two places of the schemas")
