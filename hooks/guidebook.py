"""MkDocs hooks for the guidebook: the offline machinery ``dxkit site`` uses, page titles, diagrams, tables of contents.

MkDocs takes a page's title from its ``# `` heading as HTML text (``Role &amp; deadline
matrix``). Material prints that text as it is in the navigation and the footer, but escapes it
again for the footer links' ``aria-label``, so a screen reader would read ``&amp;`` aloud. The
title is HTML already; marking it as markup lets every template print it once, as it is.

Each ```mermaid fence becomes the SVG drawn ahead of time by ``scripts/diagrams.py`` and kept in
``hooks/diagrams/`` (:mod:`dxkit.render.diagrams`), so no page loads mermaid and a printed page
has its diagram. The build never draws: a diagram with no drawing stops it, naming the page.

The search index, some 180 KB that the theme's script fetches on every page, is requested once
the page has first painted its text: on a slow connection its download, and the parsing of it,
no longer compete with showing the page. It still arrives on every page, right after that paint.
"""

import html
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from dxkit.render import diagrams, site_hooks
from dxkit.render.site_hooks import on_post_build  # noqa: F401

DRAWINGS = Path(__file__).resolve().parent / "diagrams"
_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.DOTALL)
#: Material's bundle, as its template writes it at the end of every page.
_BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
#: Holds back the theme's request for ``search/search_index.json`` (an XMLHttpRequest) until the
#: frame after the first contentful paint; where the paint cannot be observed, until ``load``.
#: Opened from ``file://`` the theme reads ``search_index.js`` through a script instead, untouched.
SEARCH_AFTER_PAINT = (
    "<script>(function(){"
    "var painted=new Promise(function(done){"
    "var next=function(){requestAnimationFrame(function(){setTimeout(done)})};"
    "var types=window.PerformanceObserver&&PerformanceObserver.supportedEntryTypes||[];"
    'if(types.indexOf("paint")<0)return addEventListener("load",next);'
    "new PerformanceObserver(function(list,observer){"
    'if(list.getEntriesByName("first-contentful-paint").length){observer.disconnect();next()}'
    '}).observe({type:"paint",buffered:true})});'
    "var request=XMLHttpRequest.prototype,open=request.open,send=request.send;"
    "request.open=function(method,url){"
    "this.__dxkitIndex=/(^|\\/)search\\/search_index\\.json$/.test(String(url));"
    "return open.apply(this,arguments)};"
    "request.send=function(){var xhr=this,args=arguments;"
    "if(!xhr.__dxkitIndex)return send.apply(xhr,args);"
    "painted.then(function(){send.apply(xhr,args)})}"
    "})()</script>"
)


def _nearest_heading(before: str, page: Page) -> str:
    headings = _HEADING.findall(before)
    if headings:
        return " ".join(Markup(headings[-1]).striptags().replace("¶", "").split())
    return str(Markup(str(page.title)).striptags())


def _diagrams(html_text: str, page: Page) -> str:
    parts = []
    end = 0
    for match in diagrams.RENDERED_FENCE.finditer(html_text):
        source = diagrams.normalise(html.unescape(match.group(1)))
        drawing = DRAWINGS / f"{diagrams.key(source)}.svg"
        if not drawing.is_file():
            raise PluginError(
                f"{page.file.src_uri}: a mermaid diagram has no drawing in hooks/diagrams/. "
                "Run: python scripts/diagrams.py --write (then commit hooks/diagrams/)"
            )
        name = diagrams.accessible_name(source) or _nearest_heading(html_text[: match.start()], page)
        svg = drawing.read_text(encoding="utf-8").strip()
        parts += [html_text[end : match.start()], diagrams.figure(svg, name)]
        end = match.end()
    return "".join(parts) + html_text[end:]


def _unanchor(html_text: str, depth: int) -> str:
    """Headings below ``depth`` without their generated ``id`` and permalink.

    They are out of the table of contents, so nothing links to them, and their numbered ids
    (``#_12``) change whenever a heading is added above. Without an id the search index folds
    such a heading into the section above it: one entry per rule ("DX001 invalid-yaml"), not
    four entries named "What it checks", "Why", "Example" and "Fix".
    """
    levels = "".join(str(level) for level in range(depth + 1, 7))
    if not levels:
        return html_text
    heading = re.compile(
        rf'<h([{levels}]) id="([^"]*)">(.*?)<a class="headerlink" href="#\2" title="[^"]*">&para;</a></h\1>', re.DOTALL
    )
    return heading.sub(r"<h\1>\3</h\1>", html_text)


def _prune(links: Any, depth: int) -> None:
    for link in links:
        if link.level >= depth:
            link.children = []
        else:
            _prune(link.children, depth)


def on_page_content(html: str, page: Page, **kwargs: Any) -> str:
    # Only a title read from the heading is HTML; one given in the nav or front matter is text.
    heading = getattr(page, "_title_from_render", None)
    if heading and "title" not in page.meta and page.title == heading:
        page.title = Markup(heading)
    # ``toc_depth: N`` in a page's front matter: its table of contents lists headings down to level N
    # (the theme prints the table twice on every page, in the sidebar and in the navigation), and
    # the headings below that level are neither anchors nor sections of the search index.
    depth = page.meta.get("toc_depth")
    if isinstance(depth, int):
        if page.toc is not None:
            _prune(page.toc, depth)
        html = _unanchor(html, depth)
    return _diagrams(html, page)


def on_post_page(output: str, page: Page, config: Any, **kwargs: Any) -> str:
    output = site_hooks.on_post_page(output, page, config, **kwargs)
    if _BUNDLE.search(output) is None:
        raise PluginError(f"{page.file.src_uri}: the theme's bundle script is not where hooks/guidebook.py expects it")
    return _BUNDLE.sub(lambda m: SEARCH_AFTER_PAINT + m.group(0), output, count=1)
