"""Generate the typed records of the model from the JSON Schemas.

    python -m dxkit.model.codegen --write    # rewrite src/dxkit/model/records.py
    python -m dxkit.model.codegen --check    # exit 1 if it is stale

The schemas are the one source of what a governance file holds; the records are their typed
mirror, so a field added to a schema appears in the model (and a test fails until the file
is regenerated). The generator normalises shapes once, here, for every reader:

* a date (``$defs/date``) becomes a :class:`datetime.date`;
* a field that takes one id or a list of ids (``accountable``) becomes a tuple of ids;
* an optional list that is absent becomes an empty tuple, an optional value ``None``;
* an enum value written as one of its labels (``完了``, ``not started``) becomes its code
  (``done``, ``not-started``), so rules, analyses and renderers see codes only;
* every record keeps ``at``, the :class:`~dxkit.model.loc.Loc` it was read from.

Each record is written out as a plain class with slots, ``Final`` fields and its own
``__init__`` on the base :class:`~dxkit.model.record.Record`, so importing the model runs no
class decorator (see that module for why).
"""

from __future__ import annotations

import json
import keyword
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dxkit import generated
from dxkit.schemas import KINDS, label_codes, load_schema

OUTPUT = Path("src/dxkit/model/records.py")

#: Class names, by kind and the path of the object schema inside it ("[]" for list items).
#: Objects that several paths share (the three lenses of a gate) name one class.
NAMES: dict[tuple[str, str], str] = {
    ("consortium", ""): "Charter",
    ("consortium", "vision"): "Vision",
    ("consortium", "vision.comprehensive_plan"): "ComprehensivePlan",
    ("consortium", "key_persons.[]"): "KeyPerson",
    ("consortium", "key_persons.[].deputy"): "Deputy",
    ("consortium", "decision_making"): "DecisionMaking",
    ("consortium", "layers.[]"): "Layer",
    ("consortium", "meetings"): "Meetings",
    ("consortium", "data_policy"): "DataPolicy",
    ("consortium", "continuity"): "Continuity",
    ("consortium", "talent_plan.[]"): "TalentStage",
    ("consortium", "sharing"): "Sharing",
    ("consortium", "funding.[]"): "FundingUse",
    ("consortium", "site"): "SiteSettings",
    ("consortium", "site.people"): "PublishedNames",
    ("consortium", "config"): "CheckConfig",
    ("members", ""): "MembersFile",
    ("members", "members.[]"): "Member",
    ("members", "members.[].people.[]"): "Person",
    ("members", "members.[].people.[].skills"): "SkillLevels",
    ("members", "members.[].relations.[]"): "Relation",
    ("roles", ""): "RolesFile",
    ("roles", "tasks.[]"): "Task",
    ("roles", "tasks.[].indicator"): "Indicator",
    ("roles", "tasks.[].delay"): "Delay",
    ("gates", ""): "GatesFile",
    ("gates", "gates.[]"): "Gate",
    ("gates", "gates.[].criteria"): "Criteria",
    ("gates", "gates.[].criteria.desirability.[]"): "Criterion",
    ("gates", "gates.[].criteria.feasibility.[]"): "Criterion",
    ("gates", "gates.[].criteria.viability.[]"): "Criterion",
    ("gates", "gates.[].decision"): "Decision",
    ("issues", ""): "IssuesFile",
    ("issues", "issues.[]"): "Issue",
    ("issues", "issues.[].source"): "IssueSource",
    ("issues", "issues.[].found_in"): "FoundIn",
    ("plan", ""): "CostPlan",
    ("plan", "costs.[]"): "PlanCost",
    ("plan", "revenues.[]"): "PlanRevenue",
    ("plan", "shares.[]"): "PlanShare",
    ("data", ""): "DataFile",
    ("data", "datasets.[]"): "Dataset",
    ("data", "sharing.[]"): "DataSharing",
    ("workshop", ""): "Workshop",
    ("workshop", "tables"): "Tables",
    ("workshop", "participants.[]"): "Participants",
    ("workshop", "facilitation"): "Facilitation",
    ("workshop", "agenda.[]"): "AgendaStep",
    ("workshop", "outputs"): "WorkshopOutputs",
    ("workshop", "outputs.issues.[]"): "RaisedIssue",
    ("retrospective", ""): "Retrospective",
    ("retrospective", "agenda.[]"): "AgendaStep",
    ("retrospective", "kpt"): "Kpt",
    ("retrospective", "kpt.try.[]"): "Action",
    ("retrospective", "gate_review"): "GateReview",
    ("retrospective", "failure_analysis"): "FailureAnalysis",
    ("retrospective", "failure_analysis.causes.[]"): "Cause",
    ("retrospective", "failure_analysis.countermeasures.[]"): "Action",
    ("retrospective", "four_l"): "FourL",
    ("facilities", ""): "FacilitiesFile",
    ("facilities", "facilities.[]"): "Facility",
    ("facilities", "facilities.[].connections.[]"): "Connection",
    ("assessment", ""): "Assessment",
    ("assessment", "question_set"): "QuestionSetRef",
    ("assessment", "answers.[]"): "Answer",
}

#: Fields every file carries and the model does not repeat.
_FILE_FIELDS = frozenset({"kind", "version"})


@dataclass
class _Field:
    key: str
    type: str
    build: str  # a Python expression over ``data`` and ``at``
    required: bool
    default: str = ""

    @property
    def name(self) -> str:
        return self.key + "_" if keyword.iskeyword(self.key) else self.key


@dataclass
class _Class:
    name: str
    doc: str
    fields: list[_Field] = field(default_factory=list)
    signature: str = ""


@dataclass
class _Generator:
    classes: dict[str, _Class] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    enums: dict[str, tuple[str, ...]] = field(default_factory=dict)
    label_codes: dict[str, dict[str, str]] = field(default_factory=dict)

    # -- schema walking -----------------------------------------------------------------

    def resolve(self, node: dict[str, Any], root: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
        """The schema ``node`` stands for, and the ``$defs`` name it came from."""
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            merged = {**root["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
            return merged, name
        return node, None

    def record(self, kind: str, path: str, node: dict[str, Any], root: dict[str, Any]) -> str:
        name = NAMES.get((kind, path))
        if name is None:
            raise SystemExit(f"no class name for {kind}:{path or '<root>'}; add it to NAMES")
        required = set(node.get("required", ()))
        fields = []
        for key, sub in node.get("properties", {}).items():
            if path == "" and key in _FILE_FIELDS:
                continue
            fields.append(self.field(kind, name, f"{path}.{key}".lstrip("."), key, sub, root, key in required))
        english = node.get("x-en", {})
        doc = " / ".join(part for part in (node.get("title"), english.get("title")) if part) or name
        cls = _Class(name, doc, fields, json.dumps([(f.key, f.type, f.required) for f in fields]))
        known = self.classes.get(name)
        if known is None:
            self.classes[name] = cls
            self.order.append(name)
        elif known.signature != cls.signature:
            raise SystemExit(f"{name} names objects of different shapes ({kind}:{path})")
        return name

    def field(
        self, kind: str, owner: str, path: str, key: str, sub: dict[str, Any], root: dict[str, Any], required: bool
    ) -> _Field:
        node, def_name = self.resolve(sub, root)
        quoted = json.dumps(key)
        value = f"data[{quoted}]"
        loc = f"at / {quoted}"
        enum_name = def_name or f"{owner}.{key}"
        type_, build = self.value_type(kind, path, node, def_name, enum_name, value, loc, root)
        if required:
            return _Field(key, type_, build, True)
        if type_.startswith("tuple["):
            return _Field(key, type_, f"{build} if {quoted} in data else ()", False, "()")
        if build == value:
            return _Field(key, f"{type_} | None", f"data.get({quoted})", False, "None")
        return _Field(key, f"{type_} | None", f"{build} if {quoted} in data else None", False, "None")

    def value_type(
        self,
        kind: str,
        path: str,
        node: dict[str, Any],
        def_name: str | None,
        enum_name: str,
        value: str,
        loc: str,
        root: dict[str, Any],
    ) -> tuple[str, str]:
        if "enum" in node:
            self.enum(enum_name, node)
            if self.label_codes[enum_name]:
                return _scalar(node), f"_code({json.dumps(enum_name)}, {value})"
        if def_name == "date":
            return "dt.date", f"dt.date.fromisoformat({value})"
        variants = node.get("anyOf") or node.get("oneOf")
        if variants:
            shapes = [self.resolve(v, root)[0] for v in variants]
            lists = [s for s in shapes if s.get("type") == "array"]
            if len(shapes) == 2 and len(lists) == 1:
                return "tuple[str, ...]", f"_one_or_many({value})"
            raise SystemExit(f"{kind}:{path}: a union the model cannot normalise")
        kind_of = node.get("type")
        if kind_of == "array":
            item, item_def = self.resolve(node.get("items", {}), root)
            if item.get("type") == "object" and "properties" in item:
                cls = self.record(kind, f"{path}.[]", item, root)
                return (f"tuple[{cls}, ...]", f"_records({cls}.from_data, {value}, {loc})")
            if "enum" in item:
                name = item_def or enum_name
                self.enum(name, item)
                if self.label_codes[name]:
                    return f"tuple[{_scalar(item)}, ...]", f"tuple(_code({json.dumps(name)}, x) for x in {value})"
            if item_def == "date":
                return "tuple[dt.date, ...]", f"tuple(dt.date.fromisoformat(x) for x in {value})"
            return f"tuple[{_scalar(item)}, ...]", f"tuple({value})"
        if kind_of == "object" and "properties" in node:
            cls = self.record(kind, path, node, root)
            return cls, f"{cls}.from_data({value}, {loc})"
        if kind_of == "object":
            return "Mapping[str, Any]", f"dict({value})"
        return _scalar(node), value

    def enum(self, name: str, node: dict[str, Any]) -> None:
        values = node["enum"]
        known = self.enums.get(name)
        codes = label_codes(node)
        if known is not None and (list(known) != values or self.label_codes[name] != codes):
            raise SystemExit(f"enum {name} differs between schemas")
        self.enums[name] = tuple(values)
        self.label_codes[name] = codes

    # -- output -------------------------------------------------------------------------

    def source(self) -> str:
        out = [
            '"""Typed records of every governance file, generated from ``schemas/``: do not edit.',
            "",
            "Regenerate with ``python -m dxkit.model.codegen --write``; a test fails when this file",
            "is stale.",
            '"""',
            "",
            "from __future__ import annotations",
            "",
            "import datetime as dt",
            "from collections.abc import Callable, Mapping",
            "from typing import Any, Final, TypeVar",
            "",
            "from dxkit.model.loc import Loc",
            "from dxkit.model.record import Record",
            "",
            "",
            "def _one_or_many(value: str | list[str]) -> tuple[str, ...]:",
            '    """A field that takes one id or a list of ids, as a tuple of ids."""',
            "    return (value,) if isinstance(value, str) else tuple(value)",
            "",
            "",
            '_Record = TypeVar("_Record")',
            "",
            "",
            "def _records(build: Callable[[Mapping[str, Any], Loc], _Record], values: list[Any], at: Loc)"
            " -> tuple[_Record, ...]:",
            '    """The record of every entry of a list, each at its index below ``at`` (the list\'s place)."""',
            "    return tuple(build(x, at / i) for i, x in enumerate(values))",
            "",
            "",
            "def _code(enum: str, value: str) -> str:",
            '    """The code of an enum value written as its code or as one of its labels (完了 is ``done``)."""',
            "    return LABEL_CODES[enum].get(value, value)",
            "",
            "",
            "#: The allowed values of every enumerated field, by ``$defs`` name or ``kind.path``.",
            "ENUMS: dict[str, tuple[str, ...]] = {",
        ]
        for name in sorted(self.enums):
            values = ", ".join(json.dumps(v, ensure_ascii=False) for v in self.enums[name])
            comma = "," if len(self.enums[name]) == 1 else ""  # a one-value tuple, not a string
            out.append(f"    {json.dumps(name)}: ({values}{comma}),")
        out.append("}")
        out += [
            "",
            "#: The labels (``x-labels``, both languages) a file may hold instead of an enum's code, with",
            "#: the code each stands for; the model keeps codes only.",
            "LABEL_CODES: dict[str, dict[str, str]] = {",
        ]
        for name in sorted(self.label_codes):
            pairs = ", ".join(
                f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in self.label_codes[name].items()
            )
            out.append(f"    {json.dumps(name)}: {{{pairs}}},")
        out.append("}")
        for name in self.order:
            out += ["", "", *self.emit(self.classes[name])]
        out.append("")
        return "\n".join(out)

    @staticmethod
    def emit(cls: _Class) -> list[str]:
        ordered = [f for f in cls.fields if f.required] + [f for f in cls.fields if not f.required]
        names = ", ".join(json.dumps(f.name) for f in ordered)
        lines = [
            f"class {cls.name}(Record):",
            f'    """{cls.doc}."""',
            "",
            f"    __slots__ = ({', '.join(json.dumps(n) for n in sorted(['at', *(f.name for f in ordered)]))})",
            f"    FIELDS = ({names}{',' if len(ordered) == 1 else ''})",
            "",
            "    at: Final[Loc]",
        ]
        lines += [f"    {f.name}: Final[{f.type}]" for f in ordered]
        lines += ["", "    def __init__(", "        self,", "        *,", "        at: Loc,"]
        for f in ordered:
            default = f" = {f.default}" if f.default else ""
            lines.append(f"        {f.name}: {f.type}{default},")
        lines += ["    ) -> None:", "        self.at = at"]
        lines += [f"        self.{f.name} = {f.name}" for f in ordered]
        lines += [
            "",
            "    @classmethod",
            f"    def from_data(cls, data: Mapping[str, Any], at: Loc) -> {cls.name}:",
            "        return cls(",
            "            at=at,",
        ]
        lines += [f"            {f.name}={f.build}," for f in ordered]
        lines.append("        )")
        return lines


def _scalar(node: dict[str, Any]) -> str:
    return {"integer": "int", "number": "float", "boolean": "bool"}.get(node.get("type", "string"), "str")


def render_records() -> str:
    gen = _Generator()
    for kind in KINDS:
        schema = load_schema(kind)
        gen.record(kind, "", schema, schema)
    return gen.source()


def build(root: Path) -> dict[Path, str]:
    return {root / OUTPUT: render_records()}


if __name__ == "__main__":
    sys.exit(generated.main("python -m dxkit.model.codegen", build))
