"""Bytes transferred to show each page of a built site, compressed as a web server sends them.

    python benchmarks/pages.py SITE [SITE ...] [--limit-kb 300] [--top 10] [--verify N]

A page costs its HTML plus every same-site resource it loads: the stylesheets, scripts and images its HTML
names (the favicon too: Chromium asks for it), and what its scripts fetch as soon as it opens. For a
Material page that is the search worker, the search index and the lunr language files; the worker asks
for them, so no HTML names them.

How it counts, exactly and quickly: for every kind of page (the same scripts, the same search worker)
one page is opened in Chromium (Playwright, served by ``benchmarks/serve.py``), and what it fetched beyond
what its HTML names is recorded; every page is then counted from its HTML plus what its kind fetches, with
the server's own compression (``serve.served_size``), so the bytes are the ones served. ``--verify N``
opens the N heaviest pages in Chromium as well and fails when the browser fetched other files or other
byte counts than were computed (``--verify all`` opens every page).

Prints the heaviest pages and each site's maximum; exits 1 when a page exceeds ``--limit-kb`` (in KB of
1,000 bytes) or a verification differs, 2 when a site cannot be read.
"""

from __future__ import annotations

import argparse
import dataclasses
import html.parser
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser as PlaywrightBrowser
    from playwright.sync_api import Playwright, Request

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serve import serve, served_size

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
#: Where the page is opened from; only the path after it matters.
BASE = "http://site.invalid/"
#: How long nothing new may happen before a page counts as opened.
QUIET_MS = 500
#: Only a page that never finishes opening waits this long (not a timing: a guard against a hang).
HANG_GUARD_MS = 60_000


def lunr_files(languages: Sequence[str]) -> list[str]:
    """The lunr files Material's search worker imports for an index of ``languages`` (its
    ``setupSearchLanguages``), as paths under ``assets/javascripts/lunr/``."""
    files: list[str] = []
    for lang in languages:
        if lang == "ja":
            files.append("tinyseg.js")
        elif lang in ("hi", "th"):
            files.append("wordcut.js")
        if lang != "en":
            files.append(f"min/lunr.{lang}.min.js")
    if len(languages) > 1:
        files.append("min/lunr.multi.min.js")
    return ["min/lunr.stemmer.support.min.js", *files] if files else []


class _References(html.parser.HTMLParser):
    """What a page's HTML makes the browser fetch by itself, and Material's configuration."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.scripts: list[str] = []
        self.alternates: list[str] = []
        self.base: str | None = None
        self._in_config = False
        self.config = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "base" and a.get("href") and self.base is None:
            self.base = a["href"]
        elif tag == "link":
            rels = set(a.get("rel", "").lower().split())
            if rels & {"stylesheet", "icon", "preload", "modulepreload"} and a.get("href"):
                self.urls.append(a["href"])
            elif "alternate" in rels and a.get("href"):
                # Material's bundle reads the sitemap beside every alternate (a feed, a translation).
                self.alternates.append(a["href"])
        elif tag == "script":
            if a.get("src"):
                self.urls.append(a["src"])
                self.scripts.append(a["src"])
            self._in_config = a.get("id") == "__config"
        elif tag in ("img", "source", "input", "iframe", "embed", "video", "audio") and a.get("src"):
            if tag != "input" or a.get("type", "").lower() == "image":
                self.urls.append(a["src"])
        elif tag == "object" and a.get("data"):
            self.urls.append(a["data"])

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_config = False


@dataclasses.dataclass(frozen=True)
class Page:
    path: str  # relative to the site, POSIX
    files: tuple[str, ...]  # every file fetched, the page first, relative to the site
    bytes: int
    missing: tuple[str, ...]  # same-site files the page asks for that the site lacks


def _site_path(url: str) -> str | None:
    """The site-relative path of a same-site URL, or None for another site, data: and the like."""
    parts = urlsplit(url)
    base = urlsplit(BASE)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    path = unquote(parts.path)
    if path.endswith("/"):
        path += "index.html"
    return str(PurePosixPath(path)).lstrip("/")


def _static(site: Path, page: str) -> tuple[list[str], list[str], tuple[str, ...]]:
    """What a page's HTML makes the browser fetch (resolved, same-site) and the page's kind.

    First the files the HTML names (the browser fetches each once), then what Material's bundle fetches
    once per alternate link (the sitemap beside it, so the same sitemap may come twice); the kind is what
    decides what the page's scripts fetch on top: the scripts, the search worker and the root the search
    index is fetched from (``base``: each language of the guidebook has its own index).
    """
    parser = _References()
    parser.feed((site / page).read_text(encoding="utf-8", errors="replace"))
    here = urljoin(BASE, page)
    if parser.base:
        here = urljoin(here, parser.base)
    files = [f for f in (_site_path(urljoin(here, u)) for u in parser.urls) if f is not None]
    alternates = dict.fromkeys(urljoin(here, u) for u in parser.alternates) if parser.scripts else {}
    sitemaps = [f for f in (_site_path(urljoin(u, "sitemap.xml")) for u in alternates) if f is not None]
    scripts = sorted(f for f in (_site_path(urljoin(here, u)) for u in parser.scripts) if f is not None)
    worker = root = ""
    if parser.config.strip():
        try:
            config = json.loads(parser.config)
        except ValueError:
            config = {}
        if isinstance(config, dict) and isinstance(config.get("search"), str):
            root = urljoin(here, str(config.get("base", ".")) + "/")
            worker = _site_path(urljoin(root, config["search"])) or ""
    return files, sitemaps, (*scripts, "search:" + worker, "base:" + root)


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.is_file())


#: Whether the page's Material configuration names a search worker.
_HAS_SEARCH = """() => {
  const element = document.getElementById("__config");
  try { return Boolean(element && JSON.parse(element.textContent).search); } catch (error) { return false; }
}"""


def _search_ready(finished: Sequence[Request]) -> bool:
    """Whether a page with a search has its index and every lunr file the index's languages need."""
    done = {request.url.split("?")[0]: request for request in finished if request.failure is None}
    index = next((r for u, r in done.items() if u.endswith("/search/search_index.json")), None)
    if index is None:
        return False
    response = index.response()
    try:
        languages = json.loads(response.body())["config"]["lang"] if response is not None else []
    except (ValueError, KeyError, TypeError):
        return True
    names = {u.rsplit("/assets/javascripts/lunr/", 1)[-1] for u in done if "/assets/javascripts/lunr/" in u}
    return set(lunr_files(languages)) <= names


class Browser:
    """Chromium through Playwright, opening pages of one served site and recording what they fetch."""

    def __init__(self, running: PlaywrightBrowser | None = None) -> None:
        """Start Chromium, or use ``running`` (a Playwright browser already open in this process, which
        stays open: a process can drive only one Playwright at a time)."""
        from playwright.sync_api import sync_playwright

        self._playwright: Playwright | None = None
        if running is not None:
            self._browser = running
            return
        if not Path(CHROMIUM).exists():
            raise SystemExit(f"{CHROMIUM} is missing (Debian: apt-get install chromium)")
        self._playwright = sync_playwright().start()
        playwright = self._playwright
        self._browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)

    def fetched(self, url: str, page: str) -> dict[str, int]:
        """Every same-site file the page fetched while opening, with its body bytes as transferred."""
        context = self._browser.new_context(locale="ja-JP", service_workers="block")
        # Nothing leaves the machine: a request to another host is refused (and not counted).
        context.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith(url) else route.abort(),
        )
        started: list[object] = []
        finished: list[Request] = []
        context.on("request", lambda request: started.append(request))
        context.on("requestfinished", lambda request: finished.append(request))
        context.on("requestfailed", lambda request: finished.append(request))
        tab = context.new_page()
        tab.goto(url + page, wait_until="load")
        # The search index is fetched after the load event and the worker then imports the lunr files
        # of the index's languages: wait for those by name, however slow the machine, and then until
        # nothing is in flight and nothing new has started for QUIET_MS.
        has_search = tab.evaluate(_HAS_SEARCH)
        waited = 0
        while has_search and waited < HANG_GUARD_MS and not _search_ready(finished):
            tab.wait_for_timeout(50)
            waited += 50
        quiet = 0
        while quiet < QUIET_MS:
            count = len(started)
            tab.wait_for_timeout(50)
            quiet = quiet + 50 if count == len(started) and len(finished) >= len(started) else 0
        requests = [r for r in finished if r.failure is None]
        got: dict[str, int] = {}
        for request in requests:
            if request.url.startswith(url):
                response = request.response()
                if response is not None and response.ok:
                    name = _site_path(BASE + request.url[len(url) :])
                    if name is not None:
                        # What the server announced: the browser reports no size for a worker's script.
                        length = response.header_value("content-length")
                        size = int(length) if length else request.sizes()["responseBodySize"]
                        got[name] = got.get(name, 0) + size
        context.close()
        return got

    def close(self) -> None:
        if self._playwright is None:  # not ours to close
            return
        self._browser.close()
        self._playwright.stop()


def measure(site: Path, *, verify: int | None = 0, browser: Browser | None = None) -> tuple[list[Page], list[str]]:
    """Every page's weight (heaviest first), and what a verification found different (empty when exact).

    ``verify`` is how many of the heaviest pages are also opened in the browser (None: all).
    """
    pages = html_pages(site)
    static = {page: _static(site, page) for page in pages}
    own = browser is None
    browser = browser or Browser()
    problems: list[str] = []
    try:
        with serve(site) as url:
            extra: dict[tuple[str, ...], list[str]] = {}
            for page in pages:  # one page of each kind, the home page first
                kind = static[page][2]
                if kind not in extra:
                    home = static.get("index.html")
                    sample = "index.html" if home is not None and home[2] == kind else page
                    known = {sample, *static[sample][0], *static[sample][1]}
                    extra[kind] = sorted(set(browser.fetched(url, sample)) - known)
            result = []
            for page in pages:
                named, sitemaps, kind = static[page]
                files = [*dict.fromkeys([page, *named, *extra[kind]]), *sitemaps]
                present = [f for f in files if (site / f).is_file()]
                missing = tuple(f for f in files if not (site / f).is_file())
                result.append(Page(page, tuple(present), sum(served_size(site / f) for f in present), missing))
            result.sort(key=lambda p: (-p.bytes, p.path))
            for weighed in result if verify is None else result[:verify]:
                seen = browser.fetched(url, weighed.path)
                computed: dict[str, int] = {}
                for f in weighed.files:
                    computed[f] = computed.get(f, 0) + served_size(site / f)
                if seen != computed:
                    only_seen = sorted(set(seen) - set(computed))
                    only_computed = sorted(set(computed) - set(seen))
                    sizes = sorted(f for f in set(seen) & set(computed) if seen[f] != computed[f])
                    problems.append(
                        f"{site.name}/{weighed.path}: the browser fetched {sum(seen.values()):,} bytes, computed "
                        f"{weighed.bytes:,}; only fetched {only_seen}, only computed {only_computed}, "
                        f"sizes differ {sizes}"
                    )
    finally:
        if own:
            browser.close()
    return result, problems


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f}"


def report(site: Path, pages: Sequence[Page], top: int, limit: int) -> list[str]:
    lines = [f"### {site}", "", "| page | files | KB transferred | of which the page's HTML |", "|---|---|---|---|"]
    for page in pages[:top]:
        mark = " **over**" if page.bytes > limit else ""
        lines.append(
            f"| `{page.path}` | {len(page.files)} | {_kb(page.bytes)}{mark} | {_kb(served_size(site / page.path))} |"
        )
    heaviest = pages[0] if pages else None
    over = sum(p.bytes > limit for p in pages)
    if heaviest is not None:
        lines += [
            "",
            f"{len(pages)} pages; maximum {_kb(heaviest.bytes)} KB (`{heaviest.path}`); {over} over {_kb(limit)} KB.",
        ]
    for page in pages:
        if page.missing:
            lines.append(f"`{page.path}` asks for files the site lacks: {', '.join(page.missing)}")
    return lines


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Bytes transferred (gzip as served) to show every HTML page of a built site."
    )
    parser.add_argument("sites", nargs="+", type=Path, help="built site folders")
    parser.add_argument("--limit-kb", type=float, default=300.0, help="largest page allowed, KB of 1,000 bytes")
    parser.add_argument("--top", type=int, default=10, help="how many of the heaviest pages to list per site")
    parser.add_argument(
        "--verify",
        default="0",
        help="open the N heaviest pages in Chromium too and compare (a number, or 'all'; default 0)",
    )
    args = parser.parse_args(None if argv is None else list(argv))
    if args.verify != "all" and not args.verify.isdigit():
        parser.error("--verify takes a number or 'all'")
    verify = None if args.verify == "all" else int(args.verify)
    for site in args.sites:
        if not (site / "index.html").is_file():
            print(f"not a built site (no index.html): {site}", file=sys.stderr)
            return 2
    limit = round(args.limit_kb * 1000)
    failed = False
    browser = Browser()
    try:
        for site in args.sites:
            pages, problems = measure(site, verify=verify, browser=browser)
            print("\n".join(report(site, pages, args.top, limit)) + "\n")
            for problem in problems:
                print(f"verification differs: {problem}")
            failed |= bool(problems) or any(p.bytes > limit for p in pages)
    finally:
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
