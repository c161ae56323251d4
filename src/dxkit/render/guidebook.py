"""Write or check the guidebook's generated pages.

    python -m dxkit.render.guidebook --write    # regenerate docs/<lang>/reference and cases
    python -m dxkit.render.guidebook --check    # exit 1 if any generated page is stale

Run from a checkout: the case library lives in ``cases/cases.yaml`` beside ``docs/``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
    stale = []
    for path, text in generated_pages(root).items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dxkit.render.guidebook")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_pages(args.root)
        for path in stale:
            print(f"stale: {path.relative_to(args.root)}", file=sys.stderr)
        return 1 if stale else 0
    for path, text in generated_pages(args.root).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(args.root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
