"""The governance rule registry.

A rule is a function over one consortium (its loaded, schema-valid documents) that yields
:class:`Hit` objects. The registry gives each rule a code (``DX`` + three digits, grouped by
hundreds per artifact), a kebab-case name for the problem it finds, a severity, Japanese and
English titles, messages and documentation, and the guidebook page that explains the practice.
The CLI's choices, the generated rule pages and the validator all read this one registry.

``DX0xx`` codes are the core checks (reading and schema); they have documentation here but no
rule function, since the loader and the schema validator produce them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dxkit.findings import Severity
from dxkit.loading import Document
from dxkit.rules.texts import RuleTexts, rule_texts


@dataclass
class Consortium:
    """The documents of one consortium folder, as rules see them (schema-valid only)."""

    root: str
    today: dt.date
    charter: Document | None = None
    members: Document | None = None
    roles: Document | None = None
    gates: Document | None = None
    issues: Document | None = None
    workshops: list[Document] = field(default_factory=list)
    retrospectives: list[Document] = field(default_factory=list)

    def add(self, doc: Document) -> None:
        kind = doc.kind
        if kind == "consortium":
            self.charter = doc
        elif kind == "workshop":
            self.workshops.append(doc)
        elif kind == "retrospective":
            self.retrospectives.append(doc)
        elif kind in ("members", "roles", "gates", "issues"):
            setattr(self, kind, doc)

    def documents(self) -> Iterator[Document]:
        for doc in (self.charter, self.members, self.roles, self.gates, self.issues):
            if doc is not None:
                yield doc
        yield from self.workshops
        yield from self.retrospectives

    def member_names(self) -> dict[str, str]:
        if self.members is None:
            return {}
        return {m["id"]: m["name"] for m in self.members.data["members"]}

    def member_ids(self) -> set[str] | None:
        """The member ids, or ``None`` when no valid members file is known."""
        if self.members is None:
            return None
        return {m["id"] for m in self.members.data["members"]}


@dataclass(frozen=True)
class Hit:
    """Where a rule fired and the values its message needs."""

    doc: Document
    path: tuple[str | int, ...]
    params: dict[str, Any] = field(default_factory=dict)
    key: bool = False


Check = Callable[[Consortium], Iterable[Hit]]


def iter_duplicate_ids(doc: Document | None, list_key: str) -> Iterator[Hit]:
    """Hits for every entry of ``doc.data[list_key]`` whose ``id`` an earlier entry used."""
    if doc is None:
        return
    first: dict[str, int] = {}
    for i, entry in enumerate(doc.data[list_key]):
        entry_id = entry["id"]
        if entry_id in first:
            where = doc.locate((list_key, first[entry_id], "id"))
            yield Hit(doc, (list_key, i, "id"), {"id": entry_id, "first": where.line})
        else:
            first[entry_id] = i


@dataclass(frozen=True)
class Rule:
    """A rule: its code, name, severity and guidebook page; its texts come from ``texts/``."""

    code: str
    name: str
    severity: Severity
    guide: str
    check: Check | None = None

    @property
    def group(self) -> str:
        return self.code[:3]

    @property
    def texts(self) -> RuleTexts:
        return rule_texts(self.code)

    @property
    def title(self) -> dict[str, str]:
        return self.texts.title

    @property
    def message(self) -> dict[str, str]:
        return self.texts.message

    @property
    def docs(self) -> dict[str, dict[str, str]]:
        return self.texts.docs

    @property
    def example(self) -> str:
        return self.texts.example

    @property
    def fix(self) -> str:
        return self.texts.fix

    def render_message(self, lang: str, params: dict[str, Any]) -> str:
        return self.message[lang].format(**params)


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.code in RULES:
        raise ValueError(f"duplicate rule code {rule.code}")
    RULES[rule.code] = rule
    return rule


def rule(code: str, name: str, severity: Severity, *, guide: str) -> Callable[[Check], Check]:
    """Register the decorated function as the check of a rule (its texts are in ``texts/``)."""

    def decorate(check: Check) -> Check:
        register(Rule(code, name, severity, guide, check))
        return check

    return decorate


def matches(code: str, patterns: Sequence[str]) -> bool:
    return any(code.startswith(p) for p in patterns)


@dataclass(frozen=True)
class Selection:
    """Which codes are reported: ``select`` and ``ignore`` hold codes or prefixes."""

    select: tuple[str, ...] = ("DX",)
    ignore: tuple[str, ...] = ()

    def allows(self, code: str) -> bool:
        if code in CORE_UNIGNORABLE:
            return True
        return matches(code, self.select) and not matches(code, self.ignore)

    def merged_with_config(self, config: dict[str, Any] | None) -> Selection:
        """Combine with a charter's ``config``: the command line's select wins, ignores add up."""
        if not config:
            return self
        select = self.select
        if select == ("DX",) and config.get("select"):
            select = tuple(config["select"])
        return Selection(select, tuple(dict.fromkeys((*self.ignore, *config.get("ignore", ())))))


#: Core checks that stop a file from being read at all; they cannot be ignored.
CORE_UNIGNORABLE = frozenset({"DX001", "DX002", "DX003", "DX004", "DX005", "DX006"})


def known_prefix(pattern: str) -> bool:
    """Whether ``pattern`` names at least one registered code."""
    _load_all()
    return any(code.startswith(pattern) for code in RULES)


def iter_rules() -> Iterator[Rule]:
    _load_all()
    yield from sorted(RULES.values(), key=lambda r: r.code)


def get_rule(code: str) -> Rule:
    _load_all()
    return RULES[code]


def _load_all() -> None:
    # Importing the modules registers their rules; done once, on first use.
    from dxkit.rules import consortium as _consortium  # noqa: F401
    from dxkit.rules import core, gates, issues, members, retrospectives, roles  # noqa: F401


def run_rules(consortium: Consortium, selection: Selection) -> Iterator[tuple[Rule, Hit]]:
    for item in iter_rules():
        if item.check is None or not selection.allows(item.code):
            continue
        for hit in item.check(consortium):
            yield item, hit
