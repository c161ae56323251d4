"""Write or check the guidebook's generated pages.

    python -m dxkit.render.guidebook --write    # regenerate docs/<lang>/reference and cases
    python -m dxkit.render.guidebook --check    # exit 1 if any generated page is stale

Run from a checkout: the case library lives in ``cases/cases.yaml`` beside ``docs/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dxkit import generated
from dxkit.i18n import LANGS
from dxkit.loading import load_file
from dxkit.render import cases as case_pages
from dxkit.render import reference
from dxkit.schemas import KINDS
from dxkit.toolkits import load_toolkits


def generated_pages(root: Path) -> dict[Path, str]:
    """Every generated page, keyed by its path under ``root``."""
    data = load_file(root / "cases" / "cases.yaml").data
    problems = case_pages.check_cases(data)
    if problems:
        raise ValueError("cases/cases.yaml: " + "; ".join(problems))
    pages: dict[Path, str] = {}
    for lang in LANGS:
        base = root / "docs" / lang
        pages[base / "reference" / "rules.md"] = reference.render_rules_page(lang)
        pages[base / "reference" / "schemas.md"] = reference.render_schema_index(lang)
        for kind in KINDS:
            pages[base / "reference" / "schemas" / f"{kind}.md"] = reference.render_schema_page(kind, lang)
        pages[base / "reference" / "toolkits.md"] = reference.render_toolkits_page(lang)
        pages[base / "discovery" / "methods" / "index.md"] = reference.render_methods_index(lang)
        for kind in ("workshop", "retrospective"):
            for toolkit in load_toolkits(kind).values():
                pages[base / "discovery" / "methods" / f"{toolkit.id}.md"] = reference.render_method_card(toolkit, lang)
        pages[base / "reference" / "cli.md"] = reference.render_cli_page(lang)
        pages[base / "cases" / "index.md"] = case_pages.render_case_index(data["cases"], lang)
        for case in data["cases"]:
            pages[base / "cases" / f"{case['id']}.md"] = case_pages.render_case_page(case, lang)
    return pages


def stale_pages(root: Path) -> list[Path]:
    return generated.stale(generated_pages(root))


def main(argv: list[str] | None = None) -> int:
    return generated.main("python -m dxkit.render.guidebook", generated_pages, argv)


if __name__ == "__main__":
    sys.exit(main())
