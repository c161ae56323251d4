"""The funding and programme catalogue: every support scheme the report draft names.

``schemes.yaml`` beside this module is the one source: the guidebook's reference page is
generated from it (:mod:`dxkit.render.funding`) and the charter's ``funding[].scheme`` ids are
checked against it (``DX110``). Its shape is the meta-schema's (``meta_schemas/funding.schema.json``);
unique ids are checked here. Each text is held in both languages.

The figures are the report draft's, stated for the years in ``as_of``: rates, caps and
deadlines change every fiscal year, so every scheme also says where to confirm this year's terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from dxkit.loading import load_file
from dxkit.meta_schemas import load_meta_schema, meta_errors

#: The id a charter uses for a scheme the catalogue does not hold (a prefecture's own, say).
OTHER = "other"
_FILE = Path(__file__).with_name("schemes.yaml")


class CatalogueError(Exception):
    """``schemes.yaml`` breaks the catalogue's own rules: a fault of the package, not of a consortium."""


@dataclass(frozen=True, slots=True)
class Scheme:
    """One scheme of the catalogue; every text maps a language to its words."""

    id: str
    name: dict[str, str]
    provider: dict[str, str]
    kind: str
    stages: tuple[str, ...]
    funds: dict[str, str]
    applicants: dict[str, str]
    confirm: dict[str, str]
    source: dict[str, str]
    #: The rates, caps or amounts the report draft gives ({} when it gives none).
    figures: dict[str, str]
    #: The years those figures are stated for ({} when there are none).
    as_of: dict[str, str]


def check_catalogue(data: Any) -> list[str]:
    """Problems with the catalogue's data, as plain sentences (empty when it is sound)."""
    problems = [
        f"{'.'.join(map(str, e.absolute_path)) or 'schemes.yaml'}: {e.message}" for e in meta_errors("funding", data)
    ]
    if problems:
        return problems
    seen: set[str] = set()
    for entry in data["schemes"]:
        if entry["id"] in seen:
            problems.append(f"{entry['id']}: duplicate id")
        seen.add(entry["id"])
    return problems


def _scheme(entry: dict[str, Any]) -> Scheme:
    return Scheme(
        id=entry["id"],
        name=dict(entry["name"]),
        provider=dict(entry["provider"]),
        kind=entry["kind"],
        stages=tuple(entry["stages"]),
        funds=dict(entry["funds"]),
        applicants=dict(entry["applicants"]),
        confirm=dict(entry["confirm"]),
        source=dict(entry["source"]),
        figures=dict(entry.get("figures", {})),
        as_of=dict(entry.get("as_of", {})),
    )


def parse_catalogue(data: Any) -> dict[str, Scheme]:
    """The schemes of catalogue ``data`` by id, in the catalogue's order; :class:`CatalogueError` if unsound."""
    problems = check_catalogue(data)
    if problems:
        raise CatalogueError("funding/schemes.yaml: " + "; ".join(problems))
    return {entry["id"]: _scheme(entry) for entry in data["schemes"]}


@cache
def load_schemes() -> dict[str, Scheme]:
    """The catalogue shipped with dxkit, read once."""
    return parse_catalogue(load_file(_FILE, "funding/schemes.yaml").data)


#: The kinds of scheme, in the meta-schema's order.
KINDS: tuple[str, ...] = tuple(load_meta_schema("funding")["$defs"]["kind"]["enum"])


def kind_label(kind: str, lang: str) -> str:
    """The label of a kind of scheme (``local-finance`` reads 地方財政措置), from the meta-schema's ``x-labels``."""
    labels: dict[str, dict[str, str]] = load_meta_schema("funding")["$defs"]["kind"]["x-labels"]
    return labels[kind][lang]


def display_name(scheme: str, own_name: str | None, lang: str) -> str:
    """How people read a charter's scheme: the catalogue's name, else the charter's own ``name``, else the id."""
    found = load_schemes().get(scheme)
    if found is not None:
        return found.name[lang]
    return own_name or scheme
