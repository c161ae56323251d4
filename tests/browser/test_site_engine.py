"""Both sites built by ProperDocs, read in Chromium: nothing leaves the machine, diagrams draw, languages switch."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import _QuietHandler
from tests.browser.test_guidebook import OPEN_SHADOW_ROOTS
from tests.cli.test_site import XSS, hostile_copy
from tests.docs.test_engines import guidebook, needs_properdocs
from tests.helpers import invoke

pytestmark = pytest.mark.slow
__all__ = ["guidebook"]  # the fixture, built once with ProperDocs


def _serve(folder: Path) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    needs_properdocs()
    base = tmp_path_factory.mktemp("properdocs-site")
    folder = hostile_copy(base, "ja")
    out = base / "site"
    invoke(["site", "build", folder, "--out", out, "--engine", "properdocs", "--today", "2026-10-01"])
    for url in _serve(out):
        yield url, out


@pytest.fixture(scope="module")
def guidebook_url(guidebook: Path) -> Iterator[str]:
    yield from _serve(guidebook)


def test_properdocs_site_pages_render_offline_with_drawings_and_text(visit, site_url):
    url, out = site_url
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html") if p.name != "404.html")
    assert len(pages) >= 15
    v = visit()
    dialogs: list[str] = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in pages:
        v.page.goto(url + path, wait_until="load")
        assert v.page.locator("h1").count() >= 1, path
    v.page.add_init_script(OPEN_SHADOW_ROOTS)
    v.page.goto(url + "members.html", wait_until="networkidle")
    # The network is dxkit's own drawing, in the page itself: boxes with titles, and no diagram script.
    drawing = v.page.locator("figure.dxkit-diagram svg").first
    assert (drawing.bounding_box() or {}).get("height", 0) > 100
    assert drawing.locator("title").count() >= 5
    assert v.page.evaluate("() => typeof window.mermaid") == "undefined"
    assert v.page.get_by_text(XSS).first.is_visible()
    assert v.errors == [] and v.external_requests() == [] and dialogs == []


def test_properdocs_guidebook_switches_language_and_back(visit, guidebook_url):
    v = visit()
    v.page.goto(guidebook_url + "key-person/index.html", wait_until="load")
    assert v.page.locator("html").get_attribute("lang") == "ja"
    for target, lang in (("en/key-person/index.html", "en"), ("key-person/index.html", "ja")):
        switcher = v.page.locator(".md-header .md-select").filter(has=v.page.locator(f'a[hreflang="{lang}"]'))
        switcher.hover()
        with v.page.expect_navigation():
            switcher.locator(f'a[hreflang="{lang}"]').click()
        assert v.page.url == guidebook_url + target
        assert v.page.locator("html").get_attribute("lang") == lang
        if lang == "en":
            assert "Key person" in v.page.locator("h1").first.inner_text()
    assert "キーパーソン" in v.page.locator("h1").first.inner_text()
    assert v.errors == [] and v.external_requests() == []
