"""Workshop and retrospective toolkits: their metadata, and timed agendas built from it.

A toolkit lives in ``toolkits/workshops/<id>/toolkit.yaml`` or
``toolkits/retrospectives/<id>/toolkit.yaml``. Its steps carry weights (minutes at the
default duration); :func:`scale_minutes` turns them into minutes for any duration, rounded to
5 minutes and summing exactly to the total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from dxkit._resources import toolkits_dir
from dxkit.errors import TemplateError, UsageError
from dxkit.loading import load_file
from dxkit.meta_schemas import load_meta_schema, meta_errors

KIND_FOLDERS = {"workshop": "workshops", "retrospective": "retrospectives"}
#: The toolkits of each kind, in the order people meet them (defined by the meta-schema).
WORKSHOP_TYPES: tuple[str, ...] = tuple(load_meta_schema("toolkit")["$defs"]["workshopType"]["enum"])
RETROSPECTIVE_FORMATS: tuple[str, ...] = tuple(load_meta_schema("toolkit")["$defs"]["retrospectiveFormat"]["enum"])
ROLES: tuple[str, ...] = tuple(load_meta_schema("toolkit")["properties"]["roles"]["required"])
SLOT = 5


@dataclass(frozen=True)
class Step:
    id: str
    weight: int
    title: dict[str, str]
    description: dict[str, str]


@dataclass(frozen=True)
class Toolkit:
    id: str
    kind: str
    type: str
    title: dict[str, str]
    purpose: dict[str, str]
    when: dict[str, str]
    duration: dict[str, int]
    participants: dict[str, int]
    roles: dict[str, dict[str, str]]
    materials: dict[str, list[str]]
    steps: tuple[Step, ...]
    outputs: dict[str, list[str]]
    source: dict[str, str] | None

    def check_minutes(self, minutes: int) -> None:
        low, high = self.duration["min"], self.duration["max"]
        if minutes % SLOT or not low <= minutes <= high:
            raise UsageError("new.bad_minutes", minutes=minutes, low=low, high=high, slot=SLOT)

    def check_headcount(self, headcount: int) -> None:
        low, high = self.participants["min"], self.participants["max"]
        if not low <= headcount <= high:
            raise UsageError("new.bad_headcount", headcount=headcount, low=low, high=high)


def _meta_schema() -> dict[str, Any]:
    return load_meta_schema("toolkit")


def _problem_path(path: Any) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in path]
    return "".join(parts).lstrip(".") or "toolkit.yaml"


def check_metadata(data: Any, folder_id: str, kind: str) -> list[str]:
    """Problems with one toolkit's metadata, as sentences (empty when it is sound).

    The shape is checked by the meta-schema ``meta_schemas/toolkit.schema.json``; what a
    schema cannot say (an id equal to its folder, step weights adding up to the default
    duration, ``min <= default <= max``, as many Japanese as English entries) is checked here.
    """
    problems = [f"{_problem_path(e.absolute_path)}: {e.message}" for e in meta_errors("toolkit", data)]
    if problems:
        return problems
    if data["id"] != folder_id:
        problems.append(f"id {data['id']!r} must equal the folder name {folder_id!r}")
    if data["kind"] != kind:
        problems.append(f"kind must be {kind!r}")
    for key in ("duration", "participants"):
        low, default, high = (data[key][k] for k in ("min", "default", "max"))
        if not low <= default <= high:
            problems.append(f"{key}: needs min <= default <= max")
    for key in ("materials", "outputs"):
        if len(data[key]["ja"]) != len(data[key]["en"]):
            problems.append(f"{key}: ja and en must have the same number of entries")
    steps = data["steps"]
    if len({step["id"] for step in steps}) != len(steps):
        problems.append("step ids must be unique")
    total = sum(step["weight"] for step in steps)
    if total != data["duration"]["default"]:
        problems.append(f"step weights sum to {total}, not duration.default {data['duration']['default']}")
    if data["duration"]["min"] < SLOT * len(steps):
        problems.append(f"duration.min must leave at least 5 minutes per step ({SLOT * len(steps)})")
    return problems


def _build(data: dict[str, Any]) -> Toolkit:
    return Toolkit(
        id=data["id"],
        kind=data["kind"],
        type=data["type"],
        title=data["title"],
        purpose=data["purpose"],
        when=data["when"],
        duration=data["duration"],
        participants=data["participants"],
        roles=data["roles"],
        materials=data["materials"],
        steps=tuple(Step(s["id"], s["weight"], s["title"], s["description"]) for s in data["steps"]),
        outputs=data["outputs"],
        source=data.get("source"),
    )


@cache
def load_toolkits(kind: str) -> dict[str, Toolkit]:
    """Every toolkit of ``kind`` ("workshop" or "retrospective"), by id, in a stable order."""
    folder = toolkits_dir() / KIND_FOLDERS[kind]
    found: dict[str, Toolkit] = {}
    for meta in sorted(folder.glob("*/toolkit.yaml")):
        data = load_file(meta).data
        problems = check_metadata(data, meta.parent.name, kind)
        if problems:
            raise TemplateError("toolkit.bad_metadata", file=str(meta), detail="; ".join(problems))
        found[data["id"]] = _build(data)
    order = WORKSHOP_TYPES if kind == "workshop" else RETROSPECTIVE_FORMATS
    return {key: found[key] for key in sorted(found, key=lambda k: (order.index(found[k].type), k))}


def get_toolkit(kind: str, toolkit_id: str) -> Toolkit:
    toolkits = load_toolkits(kind)
    if toolkit_id not in toolkits:
        raise UsageError("new.unknown_toolkit", kind=kind, toolkit=toolkit_id, known=", ".join(toolkits))
    return toolkits[toolkit_id]


def scale_minutes(weights: list[int] | tuple[int, ...], total: int) -> list[int]:
    """Minutes per step for a ``total`` duration: multiples of 5, each at least 5, summing to total.

    Each step's share follows its weight (at the default duration the weights come back
    unchanged). Rounding is by largest remainder in 5-minute slots; a step never drops
    below one slot, and slots needed for that come from the steps with the most time.
    """
    if not weights or min(weights) <= 0 or total % SLOT or total < SLOT * len(weights):
        raise ValueError("total must be a multiple of 5 with at least 5 minutes per step")
    slots = total // SLOT
    weight_sum = sum(weights)
    ideal = [slots * w / weight_sum for w in weights]
    given = [max(1, math.floor(x)) for x in ideal]
    remainder = [x - g for x, g in zip(ideal, given, strict=True)]
    diff = slots - sum(given)
    by_remainder = sorted(range(len(weights)), key=lambda i: (-remainder[i], i))
    for i in by_remainder[: max(diff, 0)]:
        given[i] += 1
    while diff < 0:
        i = max((j for j in range(len(given)) if given[j] > 1), key=lambda j: (given[j], -remainder[j], -j))
        given[i] -= 1
        diff += 1
    return [g * SLOT for g in given]


def seating(headcount: int, per_table: int) -> tuple[int, int]:
    """``(tables, seats at the largest table)`` for ``headcount`` people, tables as even as can be."""
    tables = max(1, math.ceil(headcount / per_table))
    return tables, math.ceil(headcount / tables)
