"""The guidebook's generated pages: reference, method cards and the case library.

``python -m dxkit.docs --write`` writes them and ``--check`` lists the stale ones; the command
reference comes from the command tree that :mod:`dxkit.docs` hands over as plain data, so this
module (like all of ``dxkit.render``) never imports the command line.

Run from a checkout: the case library lives in ``cases/cases.yaml`` beside ``docs/``.
"""

from __future__ import annotations

from pathlib import Path

from dxkit.i18n import LANGS
from dxkit.indicators import load_catalogue
from dxkit.loading import load_file
from dxkit.render import cases as case_pages
from dxkit.render import funding, reference
from dxkit.render.indicators import render_indicators_page
from dxkit.render.reference import CommandDoc
from dxkit.schemas import KINDS
from dxkit.toolkits import load_toolkits


class CaseLibraryError(Exception):
    """``cases/cases.yaml`` breaks the case library's own rules (a problem in the checkout)."""


def generated_pages(root: Path, commands: CommandDoc) -> dict[Path, str]:
    """Every generated page, keyed by its path under ``root``; ``commands`` is the command tree."""
    data = load_file(root / "cases" / "cases.yaml").data
    problems = case_pages.check_cases(data)
    if problems:
        raise CaseLibraryError("cases/cases.yaml: " + "; ".join(problems))
    pages: dict[Path, str] = {}
    for lang in LANGS:
        base = root / "docs" / lang
        pages[base / "reference" / "rules.md"] = reference.render_rules_page(lang)
        pages[base / "reference" / "schemas.md"] = reference.render_schema_index(lang)
        for kind in KINDS:
            pages[base / "reference" / "schemas" / f"{kind}.md"] = reference.render_schema_page(kind, lang)
        pages[base / "reference" / "toolkits.md"] = reference.render_toolkits_page(lang)
        pages[base / "reference" / "funding.md"] = funding.render_funding_page(lang)
        pages[base / "reference" / "indicators.md"] = render_indicators_page(load_catalogue(), lang)
        pages[base / "discovery" / "methods" / "index.md"] = reference.render_methods_index(lang)
        for kind in ("workshop", "retrospective"):
            for toolkit in load_toolkits(kind).values():
                pages[base / "discovery" / "methods" / f"{toolkit.id}.md"] = reference.render_method_card(toolkit, lang)
        pages[base / "reference" / "cli.md"] = reference.render_cli_page(commands, lang)
        pages[base / "cases" / "index.md"] = case_pages.render_case_index(data["cases"], lang)
        for case in data["cases"]:
            pages[base / "cases" / f"{case['id']}.md"] = case_pages.render_case_page(case, lang)
    return pages
