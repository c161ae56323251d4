"""Outcome indicator examples by field: the catalogue ``toolkits/indicators/toolkit.yaml``.

Each field of the charter's ``fields`` vocabulary (``disaster-prevention``, ``mobility`` …, with
its labels from the schema) holds indicator examples a consortium can set from the demonstration
stage on, plus one group, ``common``, of examples for any field. An example says what is measured,
how, and why (citing the report draft); it never carries a target. Where the report gives a value
for a case, the example shows it as a reference (``figure``), never as a target.

The shape is checked by ``meta_schemas/indicators.schema.json``; what a schema cannot say (field
ids from the vocabulary, unique ids) is checked here. ``dxkit new indicator FIELD/ID`` writes an
example into a task of ``roles.yaml`` (:mod:`dxkit.indicator_edit`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from typing import Any

from dxkit._resources import toolkits_dir
from dxkit.errors import TemplateError, UsageError
from dxkit.labels import all_labels
from dxkit.loading import load_file
from dxkit.meta_schemas import meta_errors

#: The group of examples that fit a project in any field (not a value of the charter's ``fields``).
COMMON = "common"


@dataclass(frozen=True)
class IndicatorExample:
    field: str
    id: str
    stage: str
    name: dict[str, str]
    measure: dict[str, str]
    basis: dict[str, str]
    source: dict[str, str]
    figure: dict[str, str] | None

    @property
    def ref(self) -> str:
        """How a person names the example: ``field/id``."""
        return f"{self.field}/{self.id}"


@dataclass(frozen=True)
class Field:
    id: str
    title: dict[str, str]
    priority: bool
    about: dict[str, str]
    source: dict[str, str]
    examples: tuple[IndicatorExample, ...]


@dataclass(frozen=True)
class Catalogue:
    title: dict[str, str]
    purpose: dict[str, str]
    fields: tuple[Field, ...]

    def field(self, field_id: str) -> Field:
        for field in self.fields:
            if field.id == field_id:
                return field
        raise UsageError("indicator.unknown_field", field=field_id, known=", ".join(f.id for f in self.fields))

    def find(self, ref: str) -> IndicatorExample:
        """The example named ``field/id``; a usage error that lists what there is otherwise."""
        field_id, slash, example_id = ref.strip().partition("/")
        if not slash or not example_id:
            raise UsageError("indicator.bad_ref", ref=ref, known=", ".join(f.id for f in self.fields))
        field = self.field(field_id)
        for example in field.examples:
            if example.id == example_id:
                return example
        ids = [e.id for e in field.examples]
        close = difflib.get_close_matches(example_id, ids, n=1, cutoff=0.6)
        if close:
            raise UsageError("indicator.unknown_example_close", ref=ref, suggestion=f"{field.id}/{close[0]}")
        raise UsageError("indicator.unknown_example", ref=ref, field=field.id, known=", ".join(ids))


def _field_titles() -> dict[str, dict[str, str]]:
    return all_labels()["field"]


def _where(path: Any) -> str:
    return ".".join(str(part) for part in path) or "toolkit.yaml"


def check_catalogue(data: Any) -> list[str]:
    """Problems with the catalogue's data, as sentences (empty when it is sound)."""
    problems = [f"{_where(e.absolute_path)}: {e.message}" for e in meta_errors("indicators", data)]
    if problems:
        return problems
    vocabulary = _field_titles()
    seen: set[str] = set()
    for field in data["fields"]:
        fid = field["id"]
        if fid in seen:
            problems.append(f"field {fid!r} appears twice")
        seen.add(fid)
        if fid == COMMON:
            if "title" not in field:
                problems.append(f"field {COMMON!r} needs a title")
        elif fid not in vocabulary:
            problems.append(f"field {fid!r} is not a value of the charter's fields ({', '.join(vocabulary)})")
        elif "title" in field:
            problems.append(f"field {fid!r} takes its title from the schema's labels; remove title")
        ids = [example["id"] for example in field["indicators"]]
        if len(set(ids)) != len(ids):
            problems.append(f"field {fid!r}: indicator ids must be unique")
    return problems


def _build(data: dict[str, Any]) -> Catalogue:
    vocabulary = _field_titles()
    fields = []
    for field in data["fields"]:
        fid = field["id"]
        examples = tuple(
            IndicatorExample(
                field=fid,
                id=e["id"],
                stage=e["stage"],
                name=e["name"],
                measure=e["measure"],
                basis=e["basis"],
                source=e["source"],
                figure=e.get("figure"),
            )
            for e in field["indicators"]
        )
        title = field["title"] if fid == COMMON else vocabulary[fid]
        fields.append(Field(fid, title, field["priority"], field["about"], field["source"], examples))
    return Catalogue(data["title"], data["purpose"], tuple(fields))


@cache
def load_catalogue() -> Catalogue:
    """The indicator examples dxkit ships, checked once."""
    path = toolkits_dir() / "indicators" / "toolkit.yaml"
    data = load_file(path).data
    problems = check_catalogue(data)
    if problems:
        raise TemplateError("toolkit.bad_metadata", file=str(path), detail="; ".join(problems))
    return _build(data)
