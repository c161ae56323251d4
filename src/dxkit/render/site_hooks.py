"""MkDocs hooks for the sites dxkit builds: the guidebook and each consortium's own site.

* No page loads mermaid: a consortium's site draws its diagrams as SVG (:mod:`dxkit.render.svg`)
  and the guidebook's are drawn ahead of time (``hooks/guidebook.py``, :mod:`dxkit.render.diagrams`).
* The search dialog gets an accessible name in the page's language.
* The JSON Schemas are published at ``schemas/v1/<kind>.schema.json`` so editors can use them.
* mkdocs-static-i18n writes one search index holding both languages. We split it: the
  Japanese site keeps its own pages at ``search/``, the English site gets ``en/search/``, and
  English pages are pointed at their own index, so a reader searches in their language only.
  Both ``.js`` copies (used when the site is opened from ``file://``) are written too.
* A consortium's site (not the guidebook, which imports only the two hooks above) takes its
  name from the charter, a person's text that Material prints unescaped in places; and
  Jinja's ``striptags`` turns a page title back into raw text inside ``<title>``. The name is
  handed over as escaped markup and ``striptags`` returns escaped text, so a name or a title
  shows as text on every page and can never become a tag.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.plugins import event_priority

from dxkit.escape import html_text, json_document
from dxkit.render.assets import IFRAME_WORKER, ensure
from dxkit.render.site_tables import RAW_CLOSE, RAW_OPEN
from dxkit.schemas import KINDS, SCHEMA_VERSION, published_text, schema_filename

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

#: Must match extra.polyfills in mkdocs.yml (Material's offline plugin then adds no CDN copy).
IFRAME_WORKER_URL = "assets/vendor/iframe-worker-shim.js"
#: Languages built under ``/<lang>/``; the default language (Japanese) is the site root.
SUB_LANGS = ("en",)

_BASE = re.compile(r'("base":\s*)"[^"]*"')
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
#: The search dialog needs an accessible name (axe: aria-dialog-name).
SEARCH_LABEL = {"ja": "サイト内検索", "en": "Search this site"}


def _page_lang(url: str) -> str | None:
    first = url.split("/", 1)[0]
    return first if first in SUB_LANGS else None


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    """The site's name as escaped markup: templates print it as it is, or escape it (no-op)."""
    config["site_name"] = Markup(html_text(str(config["site_name"])))
    return config


def _striptags(value: object) -> Markup:
    """The text of some HTML, escaped again (Jinja's own returns raw text)."""
    return Markup(html_text(Markup(str(value)).striptags()))


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    env.filters["striptags"] = _striptags
    return env


#: A held block: what is between these two (site_tables.raw_block writes them on lines of their own).
_OPEN, _CLOSE = RAW_OPEN + "\n", "\n" + RAW_CLOSE
_RAW_BACK = re.compile(r"<!--dxkit:raw:(\d+)-->")
#: The blocks of finished HTML held back from each page's Markdown (site_tables.raw_block).
_held: dict[str, list[str]] = {}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    """Hold back the blocks of finished HTML (a role matrix of thousands of rows, a Gantt chart).

    Markdown would parse them tag by tag and the search plugin would index them again; they are
    put back as they are in :func:`on_post_page`. The page's headings stay, so search still finds it.
    """
    held: list[str] = []
    parts: list[str] = []
    # Found with str.find rather than a regular expression: a block is megabytes of one line.
    done = 0
    while (start := markdown.find(_OPEN, done)) != -1:
        end = markdown.find(_CLOSE, start + len(_OPEN))
        if end == -1:
            break
        held.append(markdown[start + len(_OPEN) : end])
        parts += [markdown[done:start], f"<!--dxkit:raw:{len(held) - 1}-->"]
        done = end + len(_CLOSE)
    _held[page.file.src_uri] = held
    return "".join([*parts, markdown[done:]]) if held else markdown


def _put_back(output: str, page: Page) -> str:
    held = _held.pop(page.file.src_uri, None)
    if not held:
        return output
    return _RAW_BACK.sub(lambda m: held[int(m.group(1))] if int(m.group(1)) < len(held) else "", output)


def on_post_page(output: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    # The page's head and header are changed before the held blocks are back (they are
    # escaped text and dxkit's own tables and drawings, which none of the changes can match),
    # so the patterns below read a few kilobytes, not a matrix of thousands of rows.
    here = posixpath.dirname(page.url) or "."
    lang = _page_lang(page.url)
    # Material fetches "sitemap.xml" beside every <link rel="alternate">; mkdocs-static-i18n
    # points those at pages, not language roots, so each view would request missing files.
    # The language selector in the header keeps its per-page links.
    output = _HEAD_ALTERNATE.sub("", output)
    label = SEARCH_LABEL[lang or "ja"]
    output = output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)
    if page.meta.get("dxkit_feeds"):
        # The lessons page of a consortium's site announces its feeds (render/feed.py, FEED_META).
        from dxkit.render.feed import head_links

        theme_lang = str(config.theme.get("language") or "ja")
        output = output.replace("</head>", head_links(lang or theme_lang, here) + "</head>", 1)
    if lang:
        # Search (and result links) resolve against "base": make it this language's root.
        output = _BASE.sub(lambda m: f'{m.group(1)}"{posixpath.relpath(lang, here)}"', output, count=1)
    return _put_back(output, page)


def _write_index(folder: Path, data: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    # Also read as a script (search_index.js): no control or separator character raw in it.
    text = json_document(data, indent=None)
    (folder / "search_index.json").write_text(text, encoding="utf-8")
    (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")


def split_search_index(site: Path) -> None:
    index = site / "search" / "search_index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    docs = data["docs"]
    prefixes = tuple(f"{lang}/" for lang in SUB_LANGS)
    _write_index(index.parent, {**data, "docs": [d for d in docs if not d["location"].startswith(prefixes)]})
    for lang in SUB_LANGS:
        if not (site / lang).is_dir():
            continue  # a one-language site (a consortium's own) has nothing to split
        own = [{**d, "location": d["location"][len(lang) + 1 :]} for d in docs if d["location"].startswith(f"{lang}/")]
        _write_index(site / lang / "search", {**data, "docs": own})


@event_priority(-100)  # after mkdocs-static-i18n has built every language and the offline plugin
def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested per-language build; act once, when the whole site is done
    site = Path(config["site_dir"])
    published = site / "schemas" / f"v{SCHEMA_VERSION}"
    published.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        (published / schema_filename(kind)).write_text(published_text(kind), encoding="utf-8", newline="\n")
    target = site / IFRAME_WORKER_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ensure(IFRAME_WORKER), target)
    if (site / "search" / "search_index.json").is_file():
        split_search_index(site)
