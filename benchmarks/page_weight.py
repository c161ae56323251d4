"""What each page of a built site costs a reader: every response it loads, raw and gzip-compressed.

    python benchmarks/page_weight.py SITE_DIR [--top 5] [--pages index.html en/index.html]

Serves ``SITE_DIR`` on 127.0.0.1, opens every page (or the ones given) in Debian's Chromium
until the network is idle, and sums the bodies of the page and of everything it loaded (CSS,
JS, images, the search index), each compressed with gzip level 6 as a web server sends it.
Prints the heaviest pages first. Needs Playwright and ``/usr/bin/chromium``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def weigh(site: Path, pages: list[str]) -> list[tuple[str, int, int, int]]:
    """``(page, raw bytes, gzip bytes, responses)`` for each page."""
    from playwright.sync_api import sync_playwright

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            for page_path in pages:
                context = browser.new_context()  # a fresh cache: a first visit
                page = context.new_page()
                responses: list = []
                page.on("response", lambda response, seen=responses: seen.append(response))
                page.goto(base + page_path, wait_until="networkidle")
                bodies = [r.body() for r in responses if r.ok]
                raw = sum(map(len, bodies))
                packed = sum(len(gzip.compress(body, 6)) for body in bodies)
                rows.append((page_path, raw, packed, len(bodies)))
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return sorted(rows, key=lambda row: -row[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--pages", nargs="*", help="pages relative to SITE (default: every .html but 404)")
    args = parser.parse_args()
    pages = args.pages or sorted(
        p.relative_to(args.site).as_posix() for p in args.site.rglob("*.html") if p.name != "404.html"
    )
    rows = weigh(args.site, pages)
    print(f"{'page':<48} {'raw KB':>9} {'gzip KB':>9} {'requests':>9}")
    for page_path, raw, packed, count in rows[: args.top]:
        print(f"{page_path:<48} {raw / 1000:>9.1f} {packed / 1000:>9.1f} {count:>9}")
    print(f"{len(rows)} pages; largest compressed: {rows[0][0]} {rows[0][2] / 1000:.1f} KB")


if __name__ == "__main__":
    main()
