"""Draw the guidebook's mermaid diagrams as SVG files, once, so no reader's browser runs mermaid.

    python scripts/diagrams.py --check   # list diagrams with no drawing and drawings no page uses; exit 1 if any
    python scripts/diagrams.py --write   # draw the missing ones, remove the unused ones

Each ```mermaid fence under docs/ is drawn with the pinned mermaid (dxkit.render.assets.MERMAID)
in Debian's Chromium driven by Playwright, and kept as hooks/diagrams/<key>.svg (see
dxkit.render.diagrams for the key). The files are committed: building the guidebook reads them
and needs neither a browser nor the network. Only --write needs Playwright, Chromium and
(on first use) npm.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dxkit.render import diagrams  # noqa: E402
from dxkit.render.assets import MERMAID, ensure  # noqa: E402

DOCS = ROOT / "docs"
CACHE = ROOT / "hooks" / "diagrams"
CHROMIUM = "/usr/bin/chromium"

#: Draws one diagram in the page; returns the SVG text.
_RENDER = """async ([id, source, config]) => {
    mermaid.initialize({...config, deterministicIDSeed: id});
    const {svg} = await mermaid.render(id, source);
    return svg;
}"""


def wanted() -> dict[str, tuple[str, list[str]]]:
    """``key → (source, pages using it)`` for every diagram in the guidebook."""
    found: dict[str, tuple[str, list[str]]] = {}
    for page, source in diagrams.sources_in(DOCS):
        entry = found.setdefault(diagrams.key(source), (source, []))
        entry[1].append(page.relative_to(ROOT).as_posix())
    return found


def draw(sources: dict[str, str], *, screenshot: Path | None = None) -> dict[str, str]:
    """``key → SVG`` for each ``key → source``, drawn in one browser page."""
    from playwright.sync_api import sync_playwright

    script = ensure(MERMAID)
    drawn: dict[str, str] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        page.set_content('<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body></body></html>')
        page.add_script_tag(path=str(script))
        for digest, source in sources.items():
            drawn[digest] = page.evaluate(_RENDER, [diagrams.svg_id(digest), source, diagrams.CONFIG])
        if screenshot is not None:
            page.set_content(
                '<!doctype html><html lang="ja"><body style="background:#fff">'
                + "".join(f'<div style="margin:16px;max-width:900px">{svg}</div>' for svg in drawn.values())
                + "</body></html>"
            )
            page.screenshot(path=str(screenshot), full_page=True)
        browser.close()
    return drawn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="list what --write would change; exit 1 if anything")
    mode.add_argument("--write", action="store_true", help="draw missing diagrams, remove unused drawings")
    parser.add_argument("--all", action="store_true", help="with --write: draw every diagram again")
    parser.add_argument("--screenshot", type=Path, help="with --write: a PNG of the drawn diagrams, to look at")
    args = parser.parse_args()

    found = wanted()
    present = {path.stem for path in CACHE.glob("*.svg")}
    missing = {digest: entry for digest, entry in found.items() if args.all or digest not in present}
    unused = sorted(present - set(found))
    if args.check:
        for digest, (_, pages) in sorted(missing.items()):
            print(f"missing: {digest}.svg for {', '.join(pages)}")
        for digest in unused:
            print(f"unused: {digest}.svg")
        if missing or unused:
            print("run: python scripts/diagrams.py --write", file=sys.stderr)
            return 1
        print(f"{len(found)} diagrams, all drawn")
        return 0

    CACHE.mkdir(parents=True, exist_ok=True)
    if missing:
        started = time.perf_counter()
        drawn = draw({digest: source for digest, (source, _) in missing.items()}, screenshot=args.screenshot)
        for digest, svg in drawn.items():
            (CACHE / f"{digest}.svg").write_text(svg + "\n", encoding="utf-8", newline="\n")
        print(f"drew {len(drawn)} diagrams in {time.perf_counter() - started:.1f} s")
    for digest in unused:
        (CACHE / f"{digest}.svg").unlink()
        print(f"removed unused {digest}.svg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
