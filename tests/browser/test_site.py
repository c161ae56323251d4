"""A consortium's own site, built from the realistic example with a script planted in it."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.browser.conftest import SCREENSHOTS, _QuietHandler
from tests.browser.test_guidebook import OPEN_SHADOW_ROOTS
from tests.cli.test_site import XSS, hostile_copy
from tests.helpers import invoke

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("consortium-site")
    folder = hostile_copy(base, "ja")
    out = base / "site"
    invoke(["site", "build", str(folder), "--out", str(out), "--today", "2026-10-01"])
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", out
    httpd.shutdown()
    httpd.server_close()


def test_every_page_renders_without_errors_or_outside_requests(visit, site_url):
    url, out = site_url
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html") if p.name != "404.html")
    assert len(pages) >= 15
    v = visit()
    dialogs: list[str] = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in pages:
        v.page.goto(url + path, wait_until="load")
        assert v.page.locator("h1").count() >= 1, path
    assert v.errors == [] and v.external_requests() == [] and dialogs == []


@pytest.mark.parametrize(
    ("path", "drawing", "part", "name", "said"),
    [
        ("members.html", "svg.dxkit-network", "g.dxkit-node", "メンバーのつながりの図", "汐見信用金庫"),
        ("roles.html", "svg.dxkit-gantt", "rect.dxkit-bar", "ガントチャート: 計画策定", "T-001 "),
    ],
)
def test_network_and_gantt_diagrams_are_svg_in_the_page_without_a_script(
    visit, site_url, path, drawing, part, name, said
):
    url, _ = site_url
    v = visit()
    v.page.goto(url + path, wait_until="load")
    svg = v.page.locator(drawing).first
    assert (svg.bounding_box() or {}).get("height", 0) > 100
    # Named for screen readers, its members or bars drawn, each with a readable title.
    assert v.page.evaluate(f"() => document.querySelector('{drawing} > title').textContent") == name
    assert svg.locator(part).count() >= 5
    titles = svg.locator(f"{part} > title").all_text_contents()
    assert titles and all(t.strip() for t in titles)
    assert any(t.startswith(said) for t in titles)
    # Nothing draws it: no diagram script on the page, nor any script inside the drawing.
    scripts = v.page.evaluate("() => [...document.scripts].map(s => s.src)")
    assert not any("mermaid" in src for src in scripts)
    assert v.page.evaluate("() => typeof window.mermaid") == "undefined"
    assert v.page.locator("figure.dxkit-diagram script").count() == 0
    assert v.errors == [] and v.external_requests() == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    v.page.screenshot(path=str(SCREENSHOTS / f"site-{path.replace('.html', '')}.png"), full_page=True)


def test_planted_script_shows_as_text_and_never_runs(visit, site_url):
    url, _ = site_url
    v = visit()
    dialogs: list[str] = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    v.page.add_init_script(OPEN_SHADOW_ROOTS)
    v.page.goto(url + "members.html", wait_until="networkidle")
    v.page.wait_for_selector("svg.dxkit-network")
    assert v.page.get_by_text(XSS).first.is_visible()
    assert v.page.evaluate("() => [...document.scripts].some(s => s.textContent.includes('alert(1)'))") is False
    v.page.goto(url + "roles.html", wait_until="networkidle")
    assert v.page.locator("a[href^='javascript']").count() == 0
    assert v.page.get_by_text("**bold**").count() >= 1
    assert dialogs == []


def test_facilities_page_shows_its_table_and_the_planted_script_as_text(visit, site_url):
    url, _ = site_url
    v = visit()
    dialogs: list[str] = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    v.page.goto(url + "facilities.html", wait_until="networkidle")
    assert v.page.locator("h1").first.inner_text().startswith("施設と通信")
    assert v.page.locator("table tbody tr").count() == 4
    assert v.page.get_by_text(XSS).first.is_visible()
    assert v.page.get_by_text("指定避難所、防災拠点").first.is_visible()
    assert v.errors == [] and v.external_requests() == [] and dialogs == []


@pytest.mark.parametrize("path", ["index.html", "members.html", "roles.html", "gates.html", "facilities.html"])
def test_site_pages_have_no_serious_accessibility_violations(visit, site_url, path):
    from axe_playwright_python.sync_playwright import Axe

    url, _ = site_url
    v = visit()
    v.page.add_init_script(OPEN_SHADOW_ROOTS)
    v.page.goto(url + path, wait_until="networkidle")
    violations = [
        (item["id"], [n["html"][:100] for n in item["nodes"][:2]])
        for item in Axe().run(v.page).response["violations"]
        if item["impact"] in ("serious", "critical")
    ]
    assert violations == []


def test_charter_and_matrix_print_on_a4(visit, site_url, tmp_path):
    url, _ = site_url
    v = visit()
    for path in ("index.html", "roles.html"):
        v.page.goto(url + path, wait_until="networkidle")
        v.page.emulate_media(media="print")
        assert v.page.locator(".md-sidebar").first.is_hidden()
        pdf = v.page.pdf(format="A4", print_background=True)
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
        (tmp_path / f"{path}.pdf").write_bytes(pdf)


def test_lessons_page_announces_and_links_its_feeds(visit, site_url):
    import json

    import feedparser

    url, _out = site_url
    v = visit()
    v.page.goto(url + "lessons.html", wait_until="load")
    alternates = v.page.locator('head link[rel="alternate"][type="application/atom+xml"]')
    assert alternates.count() == 1 and alternates.get_attribute("href") == "lessons.xml"
    link = v.page.locator('article a[href="lessons.json"]')
    assert link.is_visible() and link.inner_text() == "JSON フィード"
    atom = v.page.locator('article a[href="lessons.xml"]')
    assert atom.is_visible() and atom.inner_text() == "Atom フィード"
    parsed = feedparser.parse(v.page.request.get(url + "lessons.xml").body())
    assert [e.title for e in parsed.entries] == ["オンデマンドバス第 1 期実証の失敗分析"]
    feed = json.loads(v.page.request.get(url + "lessons.json").body())
    assert [item["title"] for item in feed["items"]] == ["オンデマンドバス第 1 期実証の失敗分析"]
    assert v.errors == [] and v.external_requests() == []
