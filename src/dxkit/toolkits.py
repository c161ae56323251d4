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

KIND_FOLDERS = {"workshop": "workshops", "retrospective": "retrospectives"}
WORKSHOP_TYPES = ("issue-discovery", "stakeholder-mapping", "ideation", "prototype-review", "consensus")
RETROSPECTIVE_FORMATS = ("kpt", "gate-review", "failure-analysis", "four-l")
ROLES = ("facilitator", "recorder", "timekeeper")
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


def _bilingual(value: Any, where: str, problems: list[str], *, lists: bool = False) -> None:
    if not isinstance(value, dict) or set(value) != {"ja", "en"}:
        problems.append(f"{where}: needs exactly ja and en")
        return
    if lists:
        if not all(isinstance(value[k], list) and value[k] for k in ("ja", "en")):
            problems.append(f"{where}: ja and en must be non-empty lists")
        elif len(value["ja"]) != len(value["en"]):
            problems.append(f"{where}: ja and en must have the same number of entries")
    elif not all(isinstance(value[k], str) and value[k].strip() for k in ("ja", "en")):
        problems.append(f"{where}: ja and en must be non-empty text")


def check_metadata(data: Any, folder_id: str, kind: str) -> list[str]:
    """Problems with one toolkit's metadata, as sentences (empty when it is sound)."""
    problems: list[str] = []
    if not isinstance(data, dict):
        return ["toolkit.yaml must be a mapping"]
    expected = {
        "id",
        "kind",
        "type",
        "title",
        "purpose",
        "when",
        "duration",
        "participants",
        "roles",
        "materials",
        "steps",
        "outputs",
    }
    missing = expected - set(data)
    extra = set(data) - expected - {"source"}
    if missing or extra:
        return [f"keys: missing {sorted(missing)}, unknown {sorted(extra)}"]
    if data["id"] != folder_id:
        problems.append(f"id {data['id']!r} must equal the folder name {folder_id!r}")
    if data["kind"] != kind:
        problems.append(f"kind must be {kind!r}")
    types = WORKSHOP_TYPES if kind == "workshop" else RETROSPECTIVE_FORMATS
    if data["type"] not in types:
        problems.append(f"type must be one of {types}")
    for key in ("title", "purpose", "when"):
        _bilingual(data[key], key, problems)
    if data.get("source") is not None:
        _bilingual(data["source"], "source", problems)
    for key in ("materials", "outputs"):
        _bilingual(data[key], key, problems, lists=True)
    duration = data["duration"]
    if not (
        isinstance(duration, dict)
        and set(duration) == {"default", "min", "max"}
        and all(isinstance(v, int) and v % SLOT == 0 for v in duration.values())
        and duration["min"] <= duration["default"] <= duration["max"]
    ):
        problems.append("duration needs default/min/max in multiples of 5 with min <= default <= max")
    people = data["participants"]
    if not (
        isinstance(people, dict)
        and set(people) == {"default", "min", "max", "per_table"}
        and all(isinstance(v, int) and v > 0 for v in people.values())
        and people["min"] <= people["default"] <= people["max"]
    ):
        problems.append("participants needs positive default/min/max/per_table with min <= default <= max")
    if not isinstance(data["roles"], dict) or set(data["roles"]) != set(ROLES):
        problems.append(f"roles must describe exactly {ROLES}")
    else:
        for role, text in data["roles"].items():
            _bilingual(text, f"roles.{role}", problems)
    steps = data["steps"]
    if not isinstance(steps, list) or not 3 <= len(steps) <= 10:
        problems.append("steps must be a list of 3 to 10 steps")
        return problems
    ids = [s.get("id") for s in steps if isinstance(s, dict)]
    if len(set(ids)) != len(steps):
        problems.append("step ids must be unique")
    for i, step in enumerate(steps):
        if not isinstance(step, dict) or set(step) != {"id", "weight", "title", "description"}:
            problems.append(f"steps[{i}] needs exactly id, weight, title, description")
            continue
        if not isinstance(step["weight"], int) or step["weight"] < SLOT or step["weight"] % SLOT:
            problems.append(f"steps[{i}].weight must be a multiple of 5, at least 5")
        _bilingual(step["title"], f"steps[{i}].title", problems)
        _bilingual(step["description"], f"steps[{i}].description", problems)
    if isinstance(duration, dict) and not problems:
        total = sum(s["weight"] for s in steps)
        if total != duration["default"]:
            problems.append(f"step weights sum to {total}, not duration.default {duration['default']}")
        if duration["min"] < SLOT * len(steps):
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
    remainder = [x - g for x, g in zip(ideal, given)]
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
