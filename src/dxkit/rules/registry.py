"""The rule registry: what a rule is, how it is registered, and how rules are chosen and run.

The rule modules (``dxkit.rules.core``, ``.roles`` …) import this module to register their
checks; ``dxkit.rules`` imports every rule module, so importing the package gives the whole
registry (and no module imports its own package back).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from dxkit.dates import format_date
from dxkit.findings import Severity
from dxkit.i18n import LANGS, translate
from dxkit.model import Consortium, Loc
from dxkit.model.records import CheckConfig
from dxkit.rules.texts import CORE_FILE, RuleTexts, rule_texts


@dataclass(frozen=True)
class Hit:
    """Where a rule fired (a value, or its key when ``key`` is true) and what its message needs."""

    at: Loc
    params: dict[str, Any] = field(default_factory=dict)
    key: bool = False


Check = Callable[[Consortium], Iterable[Hit]]


def suggest(value: str, known: Iterable[str]) -> dict[str, str]:
    """``{"suggestion": id}`` for the known id closest to a misspelt ``value``, or ``{}`` when none is close."""
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return {"suggestion": close[0]} if close else {}


def shown_date(day: dt.date, c: Consortium) -> dict[str, str]:
    """``day`` as each language reads it in a message (2026年3月31日（火）), in the charter's calendar."""
    era = c.charter is not None and c.charter.calendar == "japanese-era"
    return {lang: format_date(day, lang, japanese_era=era) for lang in LANGS}


def known_member_ids(c: Consortium) -> set[str] | None:
    """The member ids a reference may name, or ``None`` when they are not all known.

    A members file with schema errors is read only in part (or not at all), so a name missing
    from it may be one of the entries left out: no rule calls such a name unknown.
    """
    return None if "members" in c.incomplete else c.member_ids()


def place(at: Loc) -> str:
    """``file:line`` of a value, the way a message names another place."""
    return f"{at.file}:{at.position().line}"


class _Identified(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def at(self) -> Loc: ...


def iter_duplicate_ids(entries: Iterable[_Identified]) -> Iterator[Hit]:
    """Hits for every entry whose ``id`` an earlier entry used, in this file or another one.

    ``first`` in the hit names where the id was first used, as ``file:line``.
    """
    first: dict[str, _Identified] = {}
    for entry in entries:
        earlier = first.setdefault(entry.id, entry)
        if earlier is not entry:
            yield Hit(entry.at / "id", {"id": entry.id, "first": place(earlier.at / "id")})


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
    def texts_file(self) -> str:
        """The file of ``texts/`` that holds this rule's texts: the one named after its module."""
        return self.check.__module__.rpartition(".")[2] if self.check is not None else CORE_FILE

    @property
    def texts(self) -> RuleTexts:
        return rule_texts(self.code, self.texts_file)

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

    @property
    def note(self) -> dict[str, str]:
        """Language → a softer hint beside the rule that it does not check (may be empty)."""
        return self.texts.note

    def render_message(self, lang: str, params: Mapping[str, Any]) -> str:
        """The finding's message; a hit's ``suggestion`` (see :func:`suggest`) adds "did you mean".

        A parameter may be a mapping from language to text (a reason in words): the message
        takes the text in ``lang``.
        """
        shown = {k: v[lang] if isinstance(v, Mapping) and lang in v else v for k, v in params.items()}
        text = self.message[lang].format(**shown)
        suggestion = params.get("suggestion")
        if suggestion:
            text += translate("schema.did_you_mean", lang, suggestion=suggestion)
        return text


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
    return code.startswith(tuple(patterns))


@dataclass(frozen=True)
class Selection:
    """Which codes are reported: ``select`` and ``ignore`` hold codes or prefixes."""

    select: tuple[str, ...] = ("DX",)
    ignore: tuple[str, ...] = ()

    def allows(self, code: str) -> bool:
        if code in CORE_UNIGNORABLE:
            return True
        return matches(code, self.select) and not matches(code, self.ignore)

    def merged_with_config(self, config: CheckConfig | Mapping[str, Sequence[str]] | None) -> Selection:
        """Combine with a charter's ``config``: the command line's select wins, ignores add up."""
        if config is None:
            return self
        if isinstance(config, CheckConfig):
            wanted, ignored = config.select, config.ignore
        else:
            wanted, ignored = tuple(config.get("select", ())), tuple(config.get("ignore", ()))
        select = self.select
        if select == ("DX",) and wanted:
            select = tuple(wanted)
        return Selection(select, tuple(dict.fromkeys((*self.ignore, *ignored))))


#: Core checks that stop a file from being read at all; they cannot be ignored.
CORE_UNIGNORABLE = frozenset({"DX001", "DX002", "DX003", "DX004", "DX005", "DX006"})


def known_prefix(pattern: str) -> bool:
    """Whether ``pattern`` names at least one registered code."""
    return any(code.startswith(pattern) for code in RULES)


def iter_rules() -> Iterator[Rule]:
    yield from sorted(RULES.values(), key=lambda r: r.code)


@functools.cache
def _selected(selection: Selection, registered: int) -> tuple[tuple[Rule, Check], ...]:
    """The rules with a check that ``selection`` lets run, in code order, with their checks.

    Worked out once per selection (and number of rules registered), not for every consortium.
    """
    return tuple((item, item.check) for item in iter_rules() if item.check is not None and selection.allows(item.code))


def get_rule(code: str) -> Rule:
    return RULES[code]


def run_rules(consortium: Consortium, selection: Selection) -> Iterator[tuple[Rule, Hit]]:
    for item, check in _selected(selection, len(RULES)):
        for hit in check(consortium):
            yield item, hit
