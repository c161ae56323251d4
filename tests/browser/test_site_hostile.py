"""A consortium's site in which every string a person typed is an attack, opened in Chromium.

Every free string of every file carries ``<img onerror>``, ``<script>``, a ``javascript:``
link and Jinja (``{{ 7*7 }}``, ``{% … %}``); task ids are mermaid's statement words, and a
workshop and a retrospective have file names that are markup (:mod:`tests.security.hostile`).
Each page is opened and its DOM, shadow roots included, is checked once it has loaded (its
diagrams are SVG in the page, drawn by dxkit): nothing ran, nothing was injected, nothing
left the machine, and the attack is there as text for a reader to see.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dxkit.loading import load_file
from tests.browser.conftest import _QuietHandler
from tests.browser.test_guidebook import OPEN_SHADOW_ROOTS
from tests.helpers import invoke
from tests.security.hostile import (
    EVALUATED,
    FILE_MARKUP,
    IMG,
    JINJA,
    JINJA_BLOCK,
    LINK,
    SCRIPT,
    clean_consortium,
    hostile_consortium,
)

pytestmark = pytest.mark.slow

TODAY = "2026-10-01"

#: Everything a test needs to know about the DOM of a page, read in the page, shadow roots included.
INSPECT = """() => {
  const all = [];
  const texts = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      all.push(el);
      if (el.shadowRoot) { texts.push(el.shadowRoot.textContent); walk(el.shadowRoot); }
    }
  };
  walk(document);
  const attr = (el, name) => el.getAttribute(name) || "";
  const handlers = all.flatMap(el => [...el.attributes].filter(a => /^on/i.test(a.name))
    .map(a => `${el.tagName} ${a.name}=${a.value}`));
  const hrefs = all.flatMap(el => ["href", "xlink:href", "src", "action", "formaction", "data"]
    .map(name => attr(el, name)).filter(v => /^\\s*(javascript|vbscript|data:text\\/html)/i.test(v)));
  const images = all.filter(el => /^(img|image)$/i.test(el.tagName))
    .map(el => attr(el, "src") || attr(el, "href") || attr(el, "xlink:href"))
    .filter(src => src === "x" || src.endsWith("/x"));
  const scripts = all.filter(el => el.tagName === "SCRIPT")
    .map(el => el.src ? {src: el.src} : {inline: el.textContent, type: el.type});
  const embedded = all.filter(el => /^(iframe|object|embed|frame|base)$/i.test(el.tagName)
    || (el.tagName === "META" && el.httpEquiv) || (el.tagName === "FORM" && el.hasAttribute("action")))
    .map(el => el.outerHTML.slice(0, 120));
  return {
    handlers, hrefs, images, scripts, embedded,
    text: document.documentElement.textContent + "\\n" + texts.join("\\n"),
    title: document.title,
  };
}"""


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def _build(folder: Path, out: Path, lang: str) -> Path:
    invoke(["site", "build", str(folder), "--out", str(out), "--today", TODAY, "--lang", lang])
    return out


@pytest.fixture(scope="module", params=["ja", "en"])
def sites(request, tmp_path_factory) -> Iterator[dict[str, Any]]:
    """The hostile site in one language, served, and the untouched example's site beside it."""
    lang = request.param
    base = tmp_path_factory.mktemp(f"hostile-site-{lang}")
    folder = hostile_consortium(base / "consortium", lang)
    hostile = _build(folder, base / "site", lang)
    clean = _build(clean_consortium(base / "clean-consortium", lang), base / "clean", lang)
    httpd, url = _serve(hostile)
    try:
        yield {"lang": lang, "folder": folder, "out": hostile, "clean": clean, "url": url}
    finally:
        httpd.shutdown()
        httpd.server_close()


def _pages(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))


def _inline_scripts(out: Path) -> set[str]:
    """The inline scripts of every page of a site, as the browser reads them."""
    import html.parser

    found: set[str] = set()

    class Scripts(html.parser.HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.inside = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.inside = tag == "script" and not dict(attrs).get("src")
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            if self.inside:
                self.parts.append(data)

        def handle_endtag(self, tag: str) -> None:
            if tag == "script" and self.inside:
                found.add("".join(self.parts))
            self.inside = False

    for page in out.rglob("*.html"):
        Scripts().feed(page.read_text(encoding="utf-8"))
    return found


def _open(v, url: str) -> dict[str, Any]:
    """Open a page as a reader sees it: loaded (its diagrams are in the page, no script draws them)."""
    v.page.goto(url, wait_until="load")
    return v.page.evaluate(INSPECT)


def _assert_inert(found: dict[str, Any], page: str, site: dict[str, Any], shipped: set[str]) -> None:
    assert found["handlers"] == [], page
    assert found["hrefs"] == [], page
    assert found["images"] == [], page
    assert found["embedded"] == [], page
    for script in found["scripts"]:
        if "src" in script:
            path = script["src"].removeprefix(site["url"]).split("?")[0]
            assert path.startswith("assets/") and (site["out"] / path).is_file(), (page, script)
            assert (site["clean"] / path).is_file(), (page, script)  # the untouched site ships it too
        elif script["type"] == "application/ld+json":
            # A data block, which no browser runs: it must hold one JSON document, whole.
            assert page == "index.html", page
            assert isinstance(json.loads(script["inline"]), dict), page
        else:
            assert script["inline"] in shipped, (page, script["inline"][:200])


def test_every_page_shows_the_attack_as_text_and_runs_nothing(visit, sites):
    pages = _pages(sites["out"])
    assert len(pages) >= 15
    # Both hostile file names became generated page names; neither reached the site's paths.
    assert not any(any(bad in p for bad in ("<", ">", ")", "(", "{", "[")) for p in pages), pages
    shipped = _inline_scripts(sites["clean"])
    v = visit()
    v.page.add_init_script(OPEN_SHADOW_ROOTS)
    dialogs: list[str] = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for page in pages:
        found = _open(v, sites["url"] + page)
        _assert_inert(found, page, sites, shipped)
        text = found["text"]
        # The charter's name heads every page, so every page shows the whole attack as text.
        for piece in (IMG, SCRIPT, LINK, JINJA, JINJA_BLOCK):
            assert piece in text, (page, piece)
        assert IMG in found["title"], page
        for evaluated in EVALUATED:
            assert evaluated not in text, (page, evaluated)
        for markup in FILE_MARKUP:
            assert markup not in text, (page, markup)  # file names are never shown, only titles
    assert dialogs == []
    assert v.errors == []
    assert v.external_requests() == []


def test_diagrams_draw_every_task_and_member_whatever_their_ids_and_names(visit, sites):
    folder: Path = sites["folder"]
    tasks = load_file(folder / "roles.yaml").data["tasks"]
    members = load_file(folder / "members.yaml").data["members"]
    assert {t["id"] for t in tasks} >= {"click", "section", "excludes"}
    v = visit()
    v.page.add_init_script(OPEN_SHADOW_ROOTS)
    _open(v, sites["url"] + "roles.html")
    # One chart per stage (render/site_gantt.py), and one bar per task across them: no id or
    # title became a directive, a comment or a new statement.
    # The charts this screen shows (each stage is drawn wide and narrow; one of them is shown).
    gantts = v.page.locator("svg.dxkit-gantt >> visible=true")
    assert gantts.count() == len({t["stage"] for t in tasks})
    assert sum(gantts.nth(i).locator("rect.dxkit-bar").count() for i in range(gantts.count())) == len(tasks)
    assert IMG in "".join(gantts.nth(i).text_content() or "" for i in range(gantts.count()))
    assert v.page.locator("figure.dxkit-diagram script, figure.dxkit-diagram img").count() == 0
    _open(v, sites["url"] + "members.html")
    network = v.page.locator("svg.dxkit-network")
    assert network.locator("g.dxkit-node").count() == len(members)
    # Each member's box is named by its whole name, the attack as text.
    titles = network.locator("g.dxkit-node > title").all_text_contents()
    assert any(SCRIPT in t for t in titles) and any(IMG in t for t in titles)
    assert network.locator("script").count() == 0
    assert v.errors == []
    assert v.external_requests() == []


def test_search_results_show_the_attack_as_text(visit, sites):
    shipped = _inline_scripts(sites["clean"])
    v = visit()
    dialogs: list[str] = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    v.page.goto(sites["url"] + "index.html", wait_until="load")
    v.page.click("label.md-search__icon, .md-search__input", timeout=5000)
    box = v.page.locator("input.md-search__input")
    box.fill("onerror")
    box.press("End")  # Material searches on keyboard events
    v.page.wait_for_selector(".md-search-result__item", timeout=20000)
    found = v.page.evaluate(INSPECT)
    _assert_inert(found, "index.html", sites, shipped)  # the search box of the home page
    results = v.page.locator(".md-search-result").inner_text()
    assert "onerror" in results
    assert dialogs == []
    assert v.external_requests() == []
