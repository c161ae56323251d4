"""Write or check the guidebook's generated pages.

    python -m dxkit.docs --write    # regenerate docs/<lang>/reference, the method cards and the cases
    python -m dxkit.docs --check    # exit 1 if any generated page is stale

This is the one place that joins the command line and the renderers: it loads the Typer app,
describes its command tree as data and hands that to :mod:`dxkit.render.guidebook`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dxkit import generated


def generated_pages(root: Path) -> dict[Path, str]:
    """Every generated page of the checkout at ``root``, keyed by its path."""
    from dxkit.cli.tree import describe
    from dxkit.render.guidebook import generated_pages as pages

    return pages(root, describe())


def stale_pages(root: Path) -> list[Path]:
    return generated.stale(generated_pages(root))


def main(argv: list[str] | None = None) -> int:
    return generated.main("python -m dxkit.docs", generated_pages, argv)


if __name__ == "__main__":
    sys.exit(main())
