"""The guidebook's diagrams: every ```mermaid fence has a fresh drawing, and every drawing is inert."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from dxkit.render import diagrams
from tests.conftest import ROOT

DOCS = ROOT / "docs"
DRAWINGS = ROOT / "hooks" / "diagrams"
FENCES = list(diagrams.sources_in(DOCS))


def _hook():
    spec = importlib.util.spec_from_file_location("guidebook_hook_under_test", ROOT / "hooks" / "guidebook.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_fence_has_a_drawing_and_every_drawing_a_fence():
    assert len(FENCES) == 30
    wanted = {diagrams.key(source) for _, source in FENCES}
    present = {path.stem for path in DRAWINGS.glob("*.svg")}
    missing = sorted(
        page.relative_to(ROOT).as_posix() for page, source in FENCES if diagrams.key(source) not in present
    )
    assert missing == [], "run: python scripts/diagrams.py --write"
    assert present - wanted == set(), "unused drawings: run python scripts/diagrams.py --write"


def test_a_changed_source_or_setting_asks_for_a_new_drawing(monkeypatch: pytest.MonkeyPatch):
    _, source = FENCES[0]
    before = diagrams.key(source)
    assert (DRAWINGS / f"{before}.svg").is_file()
    assert diagrams.key(source + "\n    Z[extra]") != before
    assert diagrams.key(source.replace("\n", "\r\n") + "  \n") == before  # line ends and trailing blanks do not count
    monkeypatch.setitem(diagrams.CONFIG, "theme", "dark")
    assert diagrams.key(source) != before


@pytest.mark.parametrize(("page", "source"), FENCES, ids=[p.relative_to(DOCS).as_posix() for p, _ in FENCES])
def test_every_diagram_names_itself(page: Path, source: str):
    name = diagrams.accessible_name(source)
    assert name and len(name) > 5, page
    assert ("ja" in page.relative_to(DOCS).parts[0]) == bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", name)), name


@pytest.mark.parametrize("drawing", sorted(DRAWINGS.glob("*.svg")), ids=lambda p: p.stem[:12])
def test_drawings_hold_no_script_handler_or_outside_reference(drawing: Path):
    svg = drawing.read_text(encoding="utf-8")
    assert svg.startswith(f'<svg id="{diagrams.svg_id(drawing.stem)}"')
    lowered = svg.lower()
    assert "<script" not in lowered
    assert "javascript:" not in lowered and "@import" not in lowered
    assert not re.search(r"\son[a-z]+\s*=", lowered)
    assert not re.search(r"""(?:href\s*=\s*["']?|url\(\s*["']?)(?:https?:)?//""", lowered)
    assert "<foreignobject" not in lowered  # labels are SVG text: they print, and need no HTML inside
    assert "<text" in lowered and "<title" in lowered


def test_the_build_puts_in_the_drawing_with_its_name():
    hook = _hook()
    source = next(s for p, s in FENCES if "stage-gates" in p.name and "ja" in p.parts)
    fence = f'<h2>x</h2>\n<pre class="mermaid"><code>{source.replace("&", "&amp;").replace(">", "&gt;")}</code></pre>'
    page = SimpleNamespace(file=SimpleNamespace(src_uri="ja/projects/stage-gates.md"), title="t")
    html = hook._diagrams(fence, page)
    assert 'class="mermaid"' not in html
    assert '<figure class="dxkit-diagram" role="img" aria-label="計画から実装までのステージゲート">' in html
    assert (DRAWINGS / f"{diagrams.key(source)}.svg").read_text(encoding="utf-8").strip() in html


def test_a_diagram_without_a_drawing_stops_the_build_naming_page_and_command():
    hook = _hook()
    page = SimpleNamespace(file=SimpleNamespace(src_uri="ja/projects/new.md"), title="t")
    with pytest.raises(PluginError) as raised:
        hook._diagrams('<pre class="mermaid"><code>flowchart LR\n    A --&gt; B</code></pre>', page)
    assert "ja/projects/new.md" in str(raised.value) and "python scripts/diagrams.py --write" in str(raised.value)


def test_a_diagram_without_a_title_is_named_by_the_heading_above_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    hook = _hook()
    source = "flowchart LR\n    A --> B"
    (tmp_path / f"{diagrams.key(source)}.svg").write_text("<svg></svg>", encoding="utf-8")
    monkeypatch.setattr(hook, "DRAWINGS", tmp_path)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/x.md"), title="Page")
    html = '<h2 id="a">Steps &amp; <em>gates</em><a class="headerlink" href="#a">¶</a></h2>'
    out = hook._diagrams(html + '<pre class="mermaid"><code>flowchart LR\n    A --&gt; B</code></pre>', page)
    assert 'aria-label="Steps &amp; gates"' in out


def test_the_figure_escapes_its_name():
    assert 'aria-label="&lt;b&gt; &quot;x&quot;"' in diagrams.figure("<svg></svg>", '<b> "x"')


def test_a_page_asking_for_toc_depth_2_lists_only_its_level_2_headings() -> None:
    """The rules reference asks for it: its 300 "what / why / fix" headings stay out of the contents."""
    from mkdocs.structure.toc import get_toc

    hook = _hook()
    tokens = [
        {"level": 1, "id": "t", "name": "Rules", "children": [
            {"level": 2, "id": "dx001", "name": "DX001", "children": [
                {"level": 3, "id": "what", "name": "What", "children": []},
                {"level": 3, "id": "why", "name": "Why", "children": []},
            ]},
            {"level": 2, "id": "dx002", "name": "DX002", "children": [
                {"level": 3, "id": "fix", "name": "Fix", "children": []},
            ]},
        ]},
    ]  # fmt: skip
    for meta, expected in (({"toc_depth": 2}, 0), ({}, 3)):
        toc = get_toc(tokens)
        page = SimpleNamespace(meta=meta, toc=toc, title="Rules", file=SimpleNamespace(src_uri="reference/rules.md"))
        hook.on_page_content("<p>x</p>", page)
        (top,) = list(toc)
        assert [link.id for link in top.children] == ["dx001", "dx002"]
        assert sum(len(link.children) for link in top.children) == expected
    generated = (ROOT / "docs" / "ja" / "reference" / "rules.md").read_text(encoding="utf-8")
    assert generated.startswith("---\ntoc_depth: 2\n---\n")


def test_headings_below_the_toc_depth_lose_their_numbered_anchors() -> None:
    hook = _hook()
    html = (
        '<h2 id="dx001">DX001 x<a class="headerlink" href="#dx001" title="Permanent link">&para;</a></h2>'
        '<h3 id="_2">What<a class="headerlink" href="#_2" title="Permanent link">&para;</a></h3><p>a</p>'
        '<h4 id="_3">More<a class="headerlink" href="#_3" title="Permanent link">&para;</a></h4>'
    )
    page = SimpleNamespace(meta={"toc_depth": 2}, toc=None, title="Rules", file=SimpleNamespace(src_uri="r.md"))
    out = hook.on_page_content(html, page)
    assert out == (
        '<h2 id="dx001">DX001 x<a class="headerlink" href="#dx001" title="Permanent link">&para;</a></h2>'
        "<h3>What</h3><p>a</p><h4>More</h4>"
    )
    page.meta = {}
    assert hook.on_page_content(html, page) == html


def test_a_page_without_the_theme_script_where_expected_stops_the_build() -> None:
    hook = _hook()
    page = SimpleNamespace(url="index.html", meta={}, file=SimpleNamespace(src_uri="index.md"))
    config = SimpleNamespace(theme={"language": "ja"})
    bundle = '<script src="assets/javascripts/bundle.0123abcd.min.js"></script>'
    out = hook.on_post_page(f"<html><body><p>x</p>{bundle}</body></html>", page, config)
    assert out == f"<html><body><p>x</p>{hook.SEARCH_AFTER_PAINT}{bundle}</body></html>"
    with pytest.raises(PluginError, match=r"index\.md"):
        hook.on_post_page("<html><body><p>x</p></body></html>", page, config)
