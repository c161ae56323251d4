"""Publish a consortium's own website from its folder (``dxkit site``, Material for MkDocs).

The site is built by MkDocs 1.x (the default) or by ProperDocs, its drop-in continuation
(``--engine properdocs``, the ``properdocs`` extra); both run Material, mkdocs-static-i18n and
dxkit's hooks unchanged. ProperDocs runs in a child Python: it serves every ``mkdocs`` import of
the plugins from its own package, which must not happen inside a process that has MkDocs loaded.

The site is built in a temporary folder with the same offline machinery as the guidebook
(no web fonts, no CDN; its diagrams are SVG that dxkit draws, so no page loads a diagram
script) and then put in ``--out`` in one step (:func:`dxkit.writing.replace_folder`): a full
disk leaves the site that was there before.
dxkit never builds into the consortium's own folder or one of its parents, and never
replaces a folder it did not make (it leaves a marker file in each site it builds).

People's names are published only where the charter says so (:mod:`dxkit.render.people`):
the pages and the site's name come from the public view of the consortium, and before the
site is moved into ``--out`` every file made from the consortium's files is read again; if
an unpublished name is still there, nothing is written.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from dxkit.errors import MissingTool, UsageError, write_error
from dxkit.escape import yaml_string
from dxkit.model import Consortium
from dxkit.render.engine import Engine
from dxkit.render.feed import site_feeds, with_feed_links
from dxkit.render.people import find_unpublished, name_policy
from dxkit.render.site_pages import site_pages
from dxkit.writing import replace_folder

MARKER = ".dxkit-site"

#: The site's style sheet: screen layout for phones and desktops, and print on A4.
SITE_CSS = """/* Charters and matrices go through paper approval: print them cleanly on A4. */
@page { size: A4; margin: 14mm 12mm; }
.md-grid { max-width: 90rem; }
/* The site is flat (one page per section): give the tables the room of the empty left column. */
@media screen and (min-width: 76.25em) { .md-sidebar--primary { display: none; } }
.md-typeset table:not([class]) { font-size: 0.72rem; }
.md-typeset a { text-decoration: underline; text-underline-offset: 0.15em; }
.md-tabs__link { opacity: 1; }
.md-copyright { color: var(--md-footer-fg-color--light); }
[data-md-color-scheme="default"] { --md-code-hl-comment-color: #595959; }
/* Lines of prose stay short enough to read (about 40 Japanese characters); tables and
   diagrams take the column's whole width. */
.md-typeset > p, .md-typeset > ul, .md-typeset > ol, .md-typeset > dl, .md-typeset > blockquote { max-width: 40em; }
@media screen and (min-width: 37.5em) {
  /* Material sizes a table to its text, which left narrow tables at the left edge of a wide
     page; a table now fills the column, and scrolls in its own box when it needs more. */
  .md-typeset .md-typeset__table { display: block; }
  .md-typeset .md-typeset__table > table:not([class]) { display: table; width: 100%; }
  /* Columns marked when the site is built (render/site_tables.py): ids, dates and stages stay on
     one line, and the main text keeps room for a few words a line. Headers are not broken
     between Japanese characters; the cells give up some of Material's padding to the text. */
  .md-typeset table:not([class]) td[data-short] { white-space: nowrap; }
  /* A word longer than its column (a long organisation name in the role matrix) may break
     rather than push the table past the page's edge. */
  .md-typeset table:not([class]) td:not([data-short]) { overflow-wrap: anywhere; }
  /* Names and labels break at spaces and after 、 (render/site_tables.py), not inside デジタル:
     the column keeps room for its widest word (data-words, in ems, at most 9). */
  .md-typeset table:not([class]) td[data-words] { word-break: keep-all; }
  .md-typeset table:not([class]) td[data-words="2"] { min-width: 3.8em; }
  .md-typeset table:not([class]) td[data-words="3"] { min-width: 4.8em; }
  .md-typeset table:not([class]) td[data-words="4"] { min-width: 5.8em; }
  .md-typeset table:not([class]) td[data-words="5"] { min-width: 6.8em; }
  .md-typeset table:not([class]) td[data-words="6"] { min-width: 7.8em; }
  .md-typeset table:not([class]) td[data-words="7"] { min-width: 8.8em; }
  .md-typeset table:not([class]) td[data-words="8"] { min-width: 9.8em; }
  .md-typeset table:not([class]) td[data-words="9"] { min-width: 10.8em; }
  .md-typeset table:not([class]) td[data-words="10"] { min-width: 11.8em; }
  .md-typeset table:not([class]) td[data-main] { min-width: 16rem; }
  .md-typeset table:not([class]) th { min-width: 0; white-space: nowrap; }
  .md-typeset table:not([class]) td, .md-typeset table:not([class]) th { padding: 0.75em 0.9em; }
}
/* Phones: a table of three or more columns shows each row as a card, one field a line with its
   column's name (data-label, copied from the header when the site is built: render/site_tables.py).
   For the role matrix this reads better than a table that scrolls sideways under a fixed title
   column: a phone has room for the title and about one more column, so a task's deadline and state
   would still be a swipe away, while a card shows all of them at once, top to bottom. */
@media screen and (max-width: 37.4375em) {
  .md-typeset .md-typeset__table { display: block; }
  .md-typeset table[data-cards] { display: block; border: 0; background: none; overflow: visible; font-size: 0.7rem; }
  .md-typeset table[data-cards] thead {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
  }
  .md-typeset table[data-cards] tbody, .md-typeset table[data-cards] tr { display: block; }
  .md-typeset table[data-cards] tr {
    margin: 0 0 0.6rem; padding: 0.3rem 0.6rem;
    border: 0.05rem solid var(--md-typeset-table-color); border-radius: 0.2rem;
  }
  .md-typeset table[data-cards] td {
    display: flow-root; padding: 0.25em 0 0.25em 7.5em; border: 0; overflow-wrap: anywhere;
  }
  .md-typeset table[data-cards] td::before {
    content: attr(data-label); float: left; width: 7em; margin-left: -7.5em;
    font-weight: 700; color: var(--md-default-fg-color--light); overflow-wrap: normal;
  }
  .md-typeset table[data-cards] td:first-child { font-weight: 700; }
  .md-typeset table[data-cards] td:empty { display: none; }
}
/* The diagrams (SVG drawn by dxkit: render/site_gantt.py, render/site_network.py) keep their size
   in pixels, so their text is never shrunk: a narrow screen scrolls them in their own box. */
.md-typeset figure.dxkit-diagram { display: block; margin: 1em 0; overflow-x: auto; text-align: left; max-width: 100%; }
.md-typeset figure.dxkit-diagram svg {
  max-width: none; height: auto; font-family: var(--md-text-font-family, sans-serif);
}
/* A Gantt chart is drawn wide (a desktop, paper) and narrow (a phone): one of them is shown. */
.md-typeset figure.dxkit-narrow { display: none; }
@media screen and (max-width: 37.4375em) {
  .md-typeset figure.dxkit-wide { display: none; }
  .md-typeset figure.dxkit-narrow { display: block; }
}
@media print {
  .md-typeset figure.dxkit-diagram { overflow: visible; break-inside: avoid; }
  .md-typeset figure.dxkit-diagram svg { max-width: 100%; }
  .md-header, .md-tabs, .md-sidebar, .md-footer, .md-source-file, .headerlink { display: none !important; }
  .md-main__inner { margin: 0; }
  .md-content { max-width: none; }
  .md-typeset { font-size: 9.5pt; line-height: 1.5; }
  .md-typeset table:not([class]) { font-size: 8pt; display: table; width: 100%; }
  .md-typeset table:not([class]) tr { break-inside: avoid; }
  .md-typeset h1, .md-typeset h2 { break-after: avoid; }
  .md-typeset a { color: inherit; text-decoration: none; }
}
"""


#: Wide tables scroll sideways; make each scrolling region reachable by keyboard (WCAG 2.1.1).
A11Y_JS = """document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (region) {
    if (region.scrollWidth > region.clientWidth) {
      region.tabIndex = 0;
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", document.title);
    }
  });
});
"""


@dataclass
class SiteResult:
    out: Path
    pages: int
    warnings: list[str]


def check_site_extras(engine: Engine = Engine.mkdocs) -> None:
    try:
        import material  # noqa: F401
        import mkdocs  # noqa: F401
    except ImportError:
        raise MissingTool("site.missing_extra") from None
    if engine is Engine.properdocs:
        import importlib

        try:
            importlib.import_module("properdocs")
        except ImportError:
            raise MissingTool("engine.missing") from None


def check_destination(folder: Path, out: Path) -> None:
    folder, target = folder.resolve(), out.resolve()
    if target == folder or folder.is_relative_to(target):
        raise UsageError("site.into_consortium", out=str(out), folder=str(folder))
    if target.exists() and (not target.is_dir() or (any(target.iterdir()) and not (target / MARKER).is_file())):
        raise UsageError("site.not_ours", out=str(out))


#: Material's search settings for each language the site is built in (its
#: ``partials/languages/<lang>.html``: ``search.config.separator`` and ``search.config.pipeline``),
#: written out: left unset, Material builds a template environment and compiles its language
#: template once for each of them, on every build. ``tests/unit/test_site_tables.py`` holds them to
#: Material's own.
SEARCH_SETTINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ja": ("[\\s\\-\u3000、。，．]+", ("stemmer",)),
    "en": ("[\\s\\-]+", ("stopWordFilter",)),
}


def _mkdocs_yml(title: str, lang: str, nav: list[tuple[str, str]], cache: Path) -> str:
    from dxkit.render import site_hooks

    q = yaml_string
    separator, pipeline = SEARCH_SETTINGS[lang]
    nav_lines = "".join(f"  - {q(label)}: {q(path)}\n" for label, path in nav)
    return f"""site_name: {q(title)}
docs_dir: docs
use_directory_urls: false
theme:
  name: material
  language: {q(lang)}
  font: false
  features: [navigation.tabs, navigation.top, search.highlight, toc.follow]
  palette:
    - scheme: default
      primary: indigo
      accent: indigo
extra_css: [assets/stylesheets/site.css]
extra_javascript: [assets/javascripts/a11y.js]
extra:
  polyfills: [{q(site_hooks.IFRAME_WORKER_URL)}]
  generator: false
hooks:
  - {q(str(Path(site_hooks.__file__)))}
plugins:
  - search:
      lang: [{q(lang)}]
      separator: {q(separator)}
      pipeline: [{", ".join(q(step) for step in pipeline)}]
  - privacy:
      cache_dir: {q(str(cache))}
      # Material's bundle names a mermaid on a CDN, fetched only for a page with a mermaid
      # diagram; the site has none (its diagrams are SVG), so it is never fetched or copied.
      assets_exclude: ["unpkg.com/mermaid@*"]
  - offline
markdown_extensions:
  - admonition
  - attr_list
  - tables
  - dxkit.render.site_tables
  - toc:
      permalink: true
  - pymdownx.superfences
nav:
{nav_lines}"""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def site_language(consortium: Consortium, asked: str | None, fallback: str) -> str:
    """The site's language: the one asked for, else the charter's, else ``fallback``."""
    charter = consortium.charter
    if asked:
        return asked
    return charter.language if charter is not None and charter.language else fallback


def wants_bilingual_labels(consortium: Consortium) -> bool:
    """Whether the charter asks for labels in both languages (``site.bilingual_labels``)."""
    charter = consortium.charter
    return bool(charter is not None and charter.site is not None and charter.site.bilingual_labels)


#: The steps of building a site, as :func:`build_site` reports them: ``(done, total)``.
SITE_STEPS = 3


def build_site(
    c: Consortium,
    folder: Path,
    out: Path,
    lang: str,
    *,
    bilingual: bool = False,
    progress: Callable[[int, int], None] | None = None,
    engine: Engine = Engine.mkdocs,
) -> SiteResult:
    """Build the site of ``c`` (loaded from ``folder``) into ``out`` with ``engine``.

    ``progress`` hears ``(done, SITE_STEPS)`` as each step begins: the pages, the MkDocs
    build, the check that no unpublished name is in the pages.
    """
    step = progress or (lambda done, total: None)
    check_site_extras(engine)
    check_destination(folder, out)
    charter = c.charter
    if charter is None:
        raise UsageError("site.no_charter", folder=str(folder))
    from dxkit.i18n import translate

    step(0, SITE_STEPS)
    people = name_policy(c, lang)
    pages = site_pages(c, lang, bilingual=bilingual, people=people)
    order = [
        "index.md",
        "members.md",
        "roles.md",
        "gates.md",
        "issues.md",
        "facilities.md",
        "data.md",
        "workshops/index.md",
        "retrospectives/index.md",
        "lessons.md",
        "assessment.md",
    ]
    labels = {
        "index.md": "site.nav.overview",
        "members.md": "site.members",
        "roles.md": "site.roles",
        "gates.md": "site.gates",
        "issues.md": "site.issues",
        "facilities.md": "facilities.title",
        "data.md": "inventory.title",
        "workshops/index.md": "site.workshops",
        "retrospectives/index.md": "site.retrospectives",
        "lessons.md": "lessons.title",
        "assessment.md": "assess.title",
    }
    lessons_page = PurePosixPath("lessons.md")
    feeds = site_feeds(c, lang) if lessons_page in pages else {}
    if feeds:
        pages[lessons_page] = with_feed_links(pages[lessons_page], lang)
    nav = [(translate(labels[p], lang), p) for p in order if any(str(k) == p for k in pages)]
    with tempfile.TemporaryDirectory(prefix="dxkit-site-") as tmp:
        root = Path(tmp)
        with _refused_in(root):
            _write_sources(root, pages, people.hide(charter.name), lang, nav)
            for name, data in feeds.items():
                (root / "docs" / name).write_bytes(data)
            built = root / "site"
            step(1, SITE_STEPS)
            run = _run_properdocs if engine is Engine.properdocs else _run_mkdocs
            warnings = run(root / "mkdocs.yml", built)
            step(2, SITE_STEPS)
            leak = find_unpublished(built, people)
            if leak is not None:
                raise UsageError("site.name_leak", file=leak, out=str(out))
            (built / MARKER).write_text(
                "This folder was built by dxkit site build; it may be replaced.\n", encoding="utf-8"
            )
        replace_folder(built, out)
    step(SITE_STEPS, SITE_STEPS)
    return SiteResult(out, len(pages), warnings)


def _write_sources(
    root: Path, pages: dict[PurePosixPath, str], title: str, lang: str, nav: list[tuple[str, str]]
) -> None:
    """The MkDocs project of the site, in the temporary folder ``root``."""
    for rel, text in pages.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    css = root / "docs" / "assets" / "stylesheets" / "site.css"
    css.parent.mkdir(parents=True)
    css.write_text(SITE_CSS, encoding="utf-8")
    scripts = root / "docs" / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    (scripts / "a11y.js").write_text(A11Y_JS, encoding="utf-8")
    (root / "mkdocs.yml").write_text(_mkdocs_yml(title, lang, nav, root / "cache"), encoding="utf-8")


@contextlib.contextmanager
def _refused_in(root: Path) -> Iterator[None]:
    """A write the system refuses in the temporary build folder ``root`` becomes its message."""
    try:
        yield
    except OSError as exc:
        raise write_error(exc, os.fsdecode(exc.filename) if exc.filename is not None else str(root)) from None


def _run_mkdocs(config_file: Path, site_dir: Path) -> list[str]:
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        build(config)
    except MkDocsException as exc:
        raise UsageError("site.build_failed", detail=str(exc) or "; ".join(collector.messages[-3:])) from None
    finally:
        logger.removeHandler(collector)
    return collector.messages


def _run_properdocs(config_file: Path, site_dir: Path) -> list[str]:
    """Build with ProperDocs in a child Python (this one's), which finds dxkit where this one does."""
    import subprocess
    import sys

    import dxkit

    package_root = str(Path(dxkit.__file__).resolve().parent.parent)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PYTHONUTF8="1")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
    command = [sys.executable, "-m", "properdocs", "build", "--strict"]
    command += ["--config-file", str(config_file), "--site-dir", str(site_dir)]
    done = subprocess.run(
        command,
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    said = [
        line.split("-", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))
    ]
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] if done.stderr.strip() else []
        raise UsageError("site.build_failed", detail="; ".join(said[-3:] or tail) or f"properdocs: {done.returncode}")
    return [line for line in said if line]
