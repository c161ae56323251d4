"""What a reader relies on, tested in Chromium on the built guidebook."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.utils.meta import get_data

from tests.browser.conftest import SCREENSHOTS
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

#: Pages a reader meets: home, a stakeholder page, the method material, a rule page.
AXE_PAGES = [
    "index.html",
    "consortium/financial-institution.html",
    "discovery/workshops.html",
    "reference/toolkits.html",
    "discovery/methods/issue-discovery.html",
    "reference/rules.html",
    "en/index.html",
    "en/consortium/financial-institution.html",
]


def _open(visit, url: str):
    v = visit()
    v.page.goto(url, wait_until="networkidle")
    return v


@pytest.mark.parametrize(
    ("path", "lang", "heading"), [("index.html", "ja", "ガイドブック"), ("en/index.html", "en", "guide")]
)
def test_home_renders_in_its_language_and_is_screenshotted(visit, server, path, lang, heading):
    v = _open(visit, server + path)
    assert v.page.locator("html").get_attribute("lang") == lang
    assert heading.lower() in v.page.locator("h1").first.inner_text().lower()
    nav = v.page.locator(".md-tabs").inner_text()
    assert ("推進体制をつくる" in nav) == (lang == "ja")
    assert ("Building the consortium" in nav) == (lang == "en")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    v.page.screenshot(path=str(SCREENSHOTS / f"guidebook-home-{lang}.png"), full_page=False)
    assert v.errors == []
    assert v.external_requests() == []


def test_japanese_text_uses_a_cjk_font(visit, server):
    v = _open(visit, server + "index.html")
    # Measure a run of kanji: with no CJK font they fall back to empty boxes of one width.
    widths = v.page.evaluate(
        """() => ['地域金融機関', '鬱鬱鬱鬱鬱鬱'].map(t => {
            const c = document.createElement('canvas').getContext('2d');
            c.font = '16px sans-serif';
            return c.measureText(t).width; })"""
    )
    assert widths[0] > 50 and widths[1] > 50
    fonts = v.page.evaluate("() => document.fonts.check('16px \"Noto Sans CJK JP\"')")
    assert fonts


def test_language_switcher_moves_between_the_same_page(visit, server):
    v = _open(visit, server + "consortium/financial-institution.html")
    v.page.hover(".md-header__option .md-select")
    v.page.click('a.md-select__link[hreflang="en"]')
    v.page.wait_for_load_state("networkidle")
    assert v.page.url.endswith("/en/consortium/financial-institution.html")
    assert v.page.locator("html").get_attribute("lang") == "en"
    v.page.hover(".md-header__option .md-select")
    v.page.click('a.md-select__link[hreflang="ja"]')
    v.page.wait_for_load_state("networkidle")
    assert v.page.url.endswith("/consortium/financial-institution.html")
    assert "/en/" not in v.page.url
    assert v.errors == []


def _search(v, query: str) -> list[tuple[str, str]]:
    v.page.click("label.md-search__icon, .md-search__input", timeout=5000)
    box = v.page.locator("input.md-search__input")
    box.fill(query)
    # Material searches on keyboard events; a real key after filling starts the query.
    box.press("End")
    v.page.wait_for_selector(".md-search-result__item", timeout=20000)
    items = v.page.locator("a.md-search-result__link")
    return [(items.nth(i).get_attribute("href") or "", items.nth(i).inner_text()) for i in range(items.count())]


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [
        ("index.html", "地域金融機関", "consortium/financial-institution.html"),
        ("index.html", "キーパーソン", "key-person/index.html"),
        ("index.html", "ワークショップ", "discovery/workshops.html"),
        ("index.html", "振り返り", "projects/retrospectives.html"),
        ("en/index.html", "key person", "en/key-person/index.html"),
        ("en/index.html", "financial institution", "en/consortium/financial-institution.html"),
    ],
)
def test_search_finds_the_right_page_in_the_readers_language(visit, server, start, query, expected):
    v = _open(visit, server + start)
    results = _search(v, query)
    hrefs = [href.split("#")[0].split("?")[0] for href, _ in results]
    absolute = [v.page.evaluate("h => new URL(h, location.href).href", h) for h in hrefs]
    assert any(url.endswith("/" + expected) for url in absolute), (query, absolute[:8])
    english_results = [u for u in absolute if "/en/" in u]
    if start.startswith("en/"):
        assert len(english_results) == len(absolute)
    else:
        assert english_results == []
    assert v.errors == []


#: Material would draw a mermaid diagram into a closed shadow root; opening them lets a test look inside
#: (the consortium site's tests use it to show there is none).
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: "open"}); };
"""


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("projects/stage-gates.html", "計画から実装までのステージゲート"),
        ("en/projects/stage-gates.html", "Stage gates from plan to implementation"),
        ("key-person/index.html", "キーパーソンと地域の主体のつながり"),
    ],
)
def test_diagrams_are_inline_svg_named_for_screen_readers_without_mermaid(visit, server, path, name):
    v = _open(visit, server + path)
    figure = v.page.get_by_role("img", name=name)
    assert figure.count() == 1
    svg = figure.locator("svg")
    box = svg.bounding_box()
    # As wide as the text column allows (Material would shrink a figure to its content).
    assert box and box["width"] > 500 and box["height"] > 100
    assert svg.locator("text").count() > 2 and svg.locator("foreignObject").count() == 0
    assert v.page.locator("script[src*=mermaid]").count() == 0
    assert v.page.evaluate("() => typeof window.mermaid") == "undefined"
    assert not any("mermaid" in url for url in v.requests)
    assert v.external_requests() == []
    assert v.errors == []
    # Printed, the diagram is still there (no script draws it) and stays within the page.
    v.page.emulate_media(media="print")
    assert svg.is_visible()
    printed = svg.bounding_box()
    assert printed and printed["width"] > 100


def test_diagram_panel_stays_light_in_the_dark_scheme(visit, server):
    v = _open(visit, server + "projects/stage-gates.html")
    v.page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    background = v.page.evaluate(
        "() => getComputedStyle(document.querySelector('figure.dxkit-diagram')).backgroundColor"
    )
    assert background == "rgb(255, 255, 255)"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    v.page.locator("figure.dxkit-diagram").screenshot(path=str(SCREENSHOTS / "guidebook-diagram-slate.png"))


@pytest.mark.parametrize(
    ("path", "heading", "point", "rule"),
    [
        ("projects/viability.html", "SaaS 型のサービスモデル", "地域資産の活用", "DX404"),
        ("en/projects/viability.html", "The SaaS service model", "Local assets", "DX404"),
    ],
)
def test_viability_page_shows_revenue_points_and_the_plan_file(visit, server, path, heading, point, rule):
    v = _open(visit, server + path)
    assert v.page.get_by_role("heading", name=heading).is_visible()
    assert v.page.locator("table td", has_text=point).first.is_visible()
    assert "first_fiscal_year" in v.page.locator("pre code").last.inner_text()
    link = v.page.get_by_role("link", name=rule)
    assert link.get_attribute("href", timeout=5000).endswith("reference/rules.html#dx404")
    assert v.external_requests() == []
    assert v.errors == []


@pytest.mark.parametrize("path", AXE_PAGES)
def test_no_serious_accessibility_violations(visit, server, path):
    from axe_playwright_python.sync_playwright import Axe

    v = _open(visit, server + path)
    results = Axe().run(v.page)
    serious = [
        (item["id"], item["impact"], [node["html"][:120] for node in item["nodes"][:3]])
        for item in results.response["violations"]
        if item["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_every_page_loads_offline_without_errors(visit, server, built_site: Path):
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 90
    v = visit()
    for path in pages:
        v.page.goto(server + path, wait_until="load")
        assert v.page.locator("script[src*=mermaid]").count() == 0, path
    assert v.external_requests() == []
    assert not any("mermaid" in url for url in v.requests)
    assert v.errors == []


def test_site_works_from_file_urls(visit, built_site: Path):
    v = _open(visit, (built_site / "index.html").as_uri())
    assert "ガイドブック" in v.page.locator("h1").first.inner_text()
    v.page.click("a.md-tabs__link >> nth=1")
    v.page.wait_for_load_state("load")
    assert v.page.url.startswith("file://") and v.page.url.endswith(".html")
    results = _search(v, "キーパーソン")
    assert results
    assert v.external_requests() == []


@pytest.mark.parametrize("path", ["index.html", "en/projects/stage-gates.html"])
def test_the_search_index_is_requested_after_the_page_has_painted(visit, server, path):
    v = _open(visit, server + path)
    v.page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(e => e.name.endsWith('/search/search_index.json'))"
    )
    painted, requested = v.page.evaluate(
        """() => [
          performance.getEntriesByName("first-contentful-paint")[0].startTime,
          performance.getEntriesByType("resource").find(e => e.name.endsWith("/search/search_index.json")).startTime,
        ]"""
    )
    assert requested > painted
    assert _search(v, "stage gate" if path.startswith("en/") else "ステージゲート")
    assert v.errors == []


def _page_weight(visit, url: str) -> tuple[int, int, int]:
    """Raw bytes, bytes as a compressing server (GitHub Pages) sends them, and requests."""
    import gzip

    v = visit()
    responses: list = []
    v.page.on("response", lambda response: responses.append(response))
    v.page.goto(url, wait_until="networkidle")
    bodies = [r.body() for r in responses if r.ok]
    return sum(map(len, bodies)), sum(len(gzip.compress(b, 6)) for b in bodies), len(bodies)


def test_pages_stay_light(visit, server):
    # Home pages, a page without a diagram and pages with one: a diagram costs its SVG, not a script.
    for path in (
        "index.html",
        "en/index.html",
        "consortium/local-media.html",
        "projects/stage-gates.html",
        "en/projects/network.html",
    ):
        raw, compressed, requests = _page_weight(visit, server + path)
        # What travels is compressed; the raw bound keeps room for the search index, which grows with the pages.
        assert compressed < 400_000 and raw < 1_500_000, (path, raw, compressed, requests)


def test_offline_bundle_opens_from_file_urls(visit, built_site: Path, tmp_path: Path):
    import zipfile

    from dxkit.render.bundle import zip_site

    bundle = zip_site(built_site, tmp_path / "guidebook.zip")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path / "unzipped")
    index = tmp_path / "unzipped" / "dxkit-guidebook" / "index.html"
    v = _open(visit, index.as_uri())
    assert "ガイドブック" in v.page.locator("h1").first.inner_text()
    assert _search(v, "ステージゲート")
    v.page.goto((index.parent / "en" / "index.html").as_uri(), wait_until="load")
    results = _search(v, "stage gate")
    assert results and all("/en/" in v.page.evaluate("h => new URL(h, location.href).href", h) for h, _ in results)
    assert v.external_requests() == []


# -- page titles ---------------------------------------------------------------------------

#: The guidebook's name in each language, which Material puts after a page's title in the tab.
SITE_NAME = {"ja": "dxkit ガイドブック", "en": "dxkit guidebook"}


def _mkdocs_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _nav_labels(lang: str) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """What mkdocs.yml names itself: pages given a title, section index pages, top-level items.

    Returns ``(titled, sections, top)``: a page named in the nav (``ホーム: index.md``) by its
    path, a section's index page (listed first in it, shown under the section's name) by its
    path, and the labels of the top-level items in order, each in ``lang``.
    """
    config = _mkdocs_config()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    english = next(lang for lang in i18n["languages"] if lang["locale"] == "en")["nav_translations"]

    def say(label: str) -> str:
        return english[label] if lang == "en" else label

    titled: dict[str, str] = {}
    sections: dict[str, str] = {}

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, dict):
                label, value = next(iter(item.items()))
                if isinstance(value, list):
                    if isinstance(value[0], str) and value[0].endswith("index.md"):
                        sections[value[0]] = say(label)
                    walk(value)
                else:
                    titled[value] = say(label)

    walk(config["nav"])
    return titled, sections, [say(next(iter(item))) for item in config["nav"]]


def _heading(lang: str, page: str) -> str:
    """The text of a source page's ``# `` heading, as a reader sees it (no Markdown marks)."""
    body, _ = get_data((ROOT / "docs" / lang / page).read_text(encoding="utf-8"))
    line = next(line for line in body.splitlines() if line.startswith("# "))
    rendered = markdown.markdown(line[2:])
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


def _source_page(server: str, lang: str, url: str) -> str:
    """The source page (``discovery/methods/kpt.md``) of a built page's address."""
    path = url.split("#")[0].removeprefix(server)
    if lang == "en":
        assert path.startswith("en/"), url
        path = path.removeprefix("en/")
    assert path.endswith(".html"), url
    return path.removesuffix(".html") + ".md"


#: Every link of the primary navigation (not the page's table of contents, not the logo).
NAV_LINKS = """() => [...document.querySelectorAll('.md-nav--primary a.md-nav__link[href]')]
    .filter(a => !a.closest('.md-nav--secondary'))
    .map(a => ({href: a.href, label: a.textContent.trim().replace(/\\s+/g, ' '),
                section: !!a.closest('.md-nav__container')}))"""
#: The browser tab's title, the tab labels and the footer's previous/next links of pages: of the
#: page on screen, and of each page at ``urls`` as the browser parses it (that is all the markup
#: holds them in, and it spares loading every page's scripts and fonts).
PAGE_LABELS = """async (urls) => {
    const read = (doc, base) => ({
        title: doc.title,
        tabs: [...doc.querySelectorAll('a.md-tabs__link')].map(a => a.textContent.trim()),
        footer: [...doc.querySelectorAll('a.md-footer__link')].map(a => ({
            href: new URL(a.getAttribute('href'), base).href, aria: a.getAttribute('aria-label'),
            direction: a.querySelector('.md-footer__direction').textContent.trim(),
            label: a.querySelector('.md-ellipsis').textContent.trim().replace(/\\s+/g, ' ')}))});
    const pages = {[location.href]: read(document, location.href)};
    for (const url of urls) {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${response.status} ${url}`);
        pages[url] = read(new DOMParser().parseFromString(await response.text(), 'text/html'), url);
    }
    return pages;
}"""


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_navigation_tab_title_and_footer_name_every_page_by_its_heading(visit, server, lang):
    """No page is shown under its file name (``Kpt``, ``Four l``, ``前 Index``) anywhere."""
    titled, sections, top = _nav_labels(lang)
    pages = sorted(p.relative_to(ROOT / "docs" / lang).as_posix() for p in (ROOT / "docs" / lang).rglob("*.md"))
    root = server + ("en/" if lang == "en" else "")

    def page_title(page: str) -> str:
        return titled.get(page) or _heading(lang, page)

    v = visit()
    v.page.goto(root + "discovery/methods/kpt.html", wait_until="domcontentloaded")
    v.page.wait_for_selector(".md-nav--primary a.md-nav__link", state="attached")
    seen = set()
    for link in v.page.evaluate(NAV_LINKS):
        page = _source_page(server, lang, link["href"])
        expected = sections[page] if link["section"] else page_title(page)
        assert link["label"] == expected, (page, link)
        seen.add(page)
    assert seen == set(pages)  # the navigation lists every page, so every page's label is checked

    shown = v.page.evaluate(PAGE_LABELS, [root + page.removesuffix(".md") + ".html" for page in pages])
    assert len(shown) == len(pages)  # the page on screen is one of them
    for url, labels in shown.items():
        page = _source_page(server, lang, url)
        if page == "index.md" and labels["title"] == SITE_NAME[lang]:
            pass  # the home page's tab shows the guidebook's name alone
        else:
            assert labels["title"] == f"{page_title(page)} - {SITE_NAME[lang]}", page
        assert labels["tabs"] == top, page
        assert labels["footer"], page
        for link in labels["footer"]:
            target = page_title(_source_page(server, lang, link["href"]))
            assert link["label"] == target, (page, link)
            assert link["aria"] == f"{link['direction']}: {target}", (page, link)
    assert v.errors == []
    assert v.external_requests() == []
