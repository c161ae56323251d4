"""The built guidebook: strict build, offline assets, per-language search indexes."""

from __future__ import annotations

import json
import re
from pathlib import Path


def test_build_has_both_languages(built_site: Path):
    assert 'lang="ja"' in (built_site / "index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in (built_site / "en" / "index.html").read_text(encoding="utf-8")


def test_build_references_no_external_scripts_styles_or_fonts(built_site: Path):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', html):
            raise AssertionError(f"{page.relative_to(built_site)} loads {url}")


def test_diagrams_are_inline_svg_and_no_page_loads_mermaid(built_site: Path):
    with_diagram = 0
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in html and "mermaid.min.js" not in html, page
        figures = re.findall(r'<figure class="dxkit-diagram" role="img" aria-label="([^"]+)">\s*<svg ', html)
        with_diagram += bool(figures)
    assert with_diagram == 30  # one per page with a ```mermaid fence, in both languages
    assert not list(built_site.rglob("mermaid*"))
    assert not (built_site / "diagrams").exists()  # the drawings are read by the hook, not copied


def test_search_indexes_are_per_language(built_site: Path):
    ja = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert ja["docs"] and en["docs"]
    assert not any(d["location"].startswith("en/") for d in ja["docs"])
    assert any("キーパーソン" in d["title"] for d in ja["docs"])
    assert any("Key person" in d["title"] for d in en["docs"])
    assert (built_site / "en" / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")


def test_schemas_are_published(built_site: Path):
    published = json.loads((built_site / "schemas" / "v1" / "roles.schema.json").read_text(encoding="utf-8"))
    assert published["$id"] == "urn:dxkit:schema:roles:1"


def test_published_schemas_accept_labels_as_dxkit_does(built_site: Path):
    from dxkit.schemas import KINDS, published_text

    for kind in KINDS:
        assert (built_site / "schemas" / "v1" / f"{kind}.schema.json").read_text(encoding="utf-8") == published_text(
            kind
        )


def test_the_rules_reference_is_searched_rule_by_rule(built_site: Path):
    """One entry per rule, named by its code; the overview table and the numbered subheadings add none."""
    from dxkit.rules import iter_rules

    codes = [r.code.lower() for r in iter_rules()]
    for index, heading in ((built_site / "search", "ルール"), (built_site / "en" / "search", "Rules")):
        docs = json.loads((index / "search_index.json").read_text(encoding="utf-8"))["docs"]
        entries = [d for d in docs if d["location"].split("#")[0] == "reference/rules.html"]
        assert [d["location"].partition("#")[2] for d in entries] == ["", *codes]
        assert entries[0]["title"] == heading
        assert "invalid-yaml" not in entries[0]["text"]  # the overview table is left out
        first = entries[1]
        assert first["title"] == "DX001 invalid-yaml" and "<pre><code>" in first["text"]
    page = (built_site / "reference" / "rules.html").read_text(encoding="utf-8")
    assert re.search(r'<h[3-6] id="', page) is None and 'href="#_2"' not in page
    assert '<h2 id="dx001">' in page and '<a href="#dx001">DX001</a>' in page


def test_every_page_holds_the_search_index_back_until_its_first_paint(built_site: Path):
    from tests.docs.test_diagrams import _hook

    guard = _hook().SEARCH_AFTER_PAINT
    for page in built_site.rglob("*.html"):
        if page.name == "404.html":
            continue  # written from the theme's template alone, without the page hooks
        html = page.read_text(encoding="utf-8")
        assert re.search(re.escape(guard) + r'<script src="[^"]*bundle\.[0-9a-f]+\.min\.js">', html), page
