"""dxkit site build: pages from the files, escaping, and never writing where it should not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dxkit.render.site_pages import site_pages
from tests.conftest import ROOT
from tests.helpers import invoke
from tests.security.drawings import DRAWING, FIGURE, assert_drawing, texts_of

TODAY = "2026-10-01"
XSS = "<script>alert(1)</script>"
MARKUP = '**bold** [x](javascript:alert(1)) ` | "]; click m0 call alert(2) %%'
#: Planted in the charter's name: Material prints the site's name unescaped in places.
NAME_XSS = "<img src=x onerror=alert(3)>"
#: Planted in a workshop's title: it becomes a page title, which ``<title>`` shows.
TITLE_XSS = "</title><script>alert(4)//</script>"


def hostile_copy(tmp_path: Path, lang: str) -> Path:
    """The realistic example with a script and markup planted in names and titles."""
    dest = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    members = dest / "members.yaml"
    text = members.read_text(encoding="utf-8")
    import re

    planted = re.sub(r'name: "?Code for Shiomi"?', f'name: "{XSS}"', text, count=1)
    assert planted != text
    members.write_text(planted, encoding="utf-8")
    roles = dest / "roles.yaml"
    lines = roles.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("title:"))
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index] = f'{indent}title: "{MARKUP.replace(chr(34), chr(92) + chr(34))}"\n'
    # A task id that is a Gantt keyword: the chart must still read it as a task.
    roles.write_text("".join(lines).replace("id: T-002", "id: click", 1), encoding="utf-8")
    charter = dest / "consortium.yaml"
    text = charter.read_text(encoding="utf-8")
    planted = re.sub(r'^name: "(.*)"$', lambda m: f'name: "{m.group(1)} {NAME_XSS}"', text, count=1, flags=re.M)
    assert planted != text
    charter.write_text(planted, encoding="utf-8")
    facilities = dest / "facilities.yaml"
    text = facilities.read_text(encoding="utf-8")
    planted = re.sub(r"^    name: (.*)$", lambda m: f'    name: "{m.group(1)} {XSS}"', text, count=1, flags=re.M)
    assert planted != text
    facilities.write_text(planted, encoding="utf-8")
    workshop = sorted((dest / "workshops").glob("*.yaml"))[0]
    text = workshop.read_text(encoding="utf-8")
    planted = re.sub(r"^title: (.*)$", lambda m: f'title: "{m.group(1)} {TITLE_XSS}"', text, count=1, flags=re.M)
    assert planted != text
    workshop.write_text(planted, encoding="utf-8")
    return dest


@pytest.fixture
def hostile(tmp_path, lang):
    return hostile_copy(tmp_path, lang)


def test_site_build_makes_every_page(hostile, tmp_path, lang):
    out = tmp_path / "site"
    invoke(["site", "build", str(hostile), "--out", str(out), "--today", TODAY])
    for page in (
        "index.html",
        "members.html",
        "roles.html",
        "gates.html",
        "issues.html",
        "facilities.html",
        "lessons.html",
        "workshops/index.html",
        "retrospectives/index.html",
    ):
        assert (out / page).is_file(), page
    assert len(list((out / "workshops").glob("*.html"))) == 4
    html = (out / "members.html").read_text(encoding="utf-8")
    assert XSS not in html and "&lt;script&gt;" in html
    html = (out / "facilities.html").read_text(encoding="utf-8")
    assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert NAME_XSS not in text and "<script>alert(4)" not in text, page
    assert "&lt;img src=x onerror=alert(3)&gt;</title>" in (out / "index.html").read_text(encoding="utf-8")
    titled = out / "workshops" / (sorted((hostile / "workshops").glob("*.yaml"))[0].stem + ".html")
    assert "&lt;/title&gt;&lt;script&gt;alert(4)//&lt;/script&gt; - " in titled.read_text(encoding="utf-8")
    assert 'lang="' + lang + '"' in (out / "index.html").read_text(encoding="utf-8")
    assert (out / ".dxkit-site").is_file()


def test_site_diagrams_are_svg_and_no_page_loads_mermaid(hostile, tmp_path, lang):
    out = tmp_path / "site"
    invoke(["site", "build", str(hostile), "--out", str(out), "--today", TODAY])
    members, roles = ((out / name).read_text(encoding="utf-8") for name in ("members.html", "roles.html"))
    (network,) = DRAWING.findall(members)
    names = texts_of(assert_drawing(network), "dxkit-node")
    assert XSS in names  # the planted name is a member's text in the drawing, escaped in the page
    assert "<script>alert(1)" not in network and "&lt;script&gt;alert(1)&lt;/script&gt;" in network
    charts = DRAWING.findall(roles)
    assert charts and len(charts) % 2 == 0  # each stage drawn wide and narrow
    rows = [row for chart in charts for row in texts_of(assert_drawing(chart), "dxkit-row")]
    assert any(row.startswith("click ") for row in rows) and any("**bold**" in row for row in rows)
    heading = "ガントチャート" if lang == "ja" else "Gantt chart"
    assert heading in roles
    # No diagram script anywhere: not on a page, not among the site's files.
    assert not list(out.rglob("mermaid*"))
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "mermaid.min.js" not in text and 'class="mermaid"' not in text, page
    # A generous bound: a page with diagrams stays small (its drawings are text in the page).
    assert len(roles.encode("utf-8")) < 1_000_000


def test_site_markdown_escapes_everything_from_the_files(hostile, lang):
    from dxkit.validate import open_consortium

    consortium, _ = open_consortium(str(hostile), lang=lang, today=__import__("datetime").date(2026, 10, 1))
    pages = site_pages(consortium, lang)
    roles = (
        pages[Path("roles.md")] if Path("roles.md") in pages else pages[next(p for p in pages if str(p) == "roles.md")]
    )
    table, gantt = roles.split(FIGURE, 1)
    # The matrix is HTML that Markdown never reads (render/site_tables.html_table): the file's
    # Markdown and HTML are text in it, and nothing of theirs becomes a tag or a link.
    assert "\n<table" in table
    assert "**bold**" in table and "[x](javascript" in table
    assert "<script" not in table and "<a " not in table and "href=" not in table
    # The title names its row of the stage's SVG chart: text in <text> elements, no markup of the file's.
    charts = [assert_drawing(svg) for svg in DRAWING.findall(roles)]
    rows = [row for chart in charts for row in texts_of(chart, "dxkit-row")]
    assert any("**bold**" in row for row in rows) and "<script" not in gantt
    members = next(text for path, text in pages.items() if str(path) == "members.md")
    assert "<script>" not in members
    (network,) = DRAWING.findall(members)
    assert len(texts_of(assert_drawing(network), "dxkit-node")) == len(consortium.members)


def test_site_refuses_the_consortium_folder_and_its_parents(hostile, tmp_path):
    for out in (hostile, hostile.parent):
        before = sorted(p.name for p in hostile.iterdir())
        result = invoke(["site", "build", str(hostile), "--out", str(out), "--lang", "en"], exit=2)
        assert "consortium folder" in result.stderr
        assert sorted(p.name for p in hostile.iterdir()) == before


def test_site_refuses_a_folder_it_did_not_make(hostile, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    result = invoke(["site", "build", str(hostile), "--out", str(out), "--lang", "en"], exit=2)
    assert result.stderr.startswith("Error: ") and str(out) in result.stderr
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_site_rebuilds_over_its_own_output(hostile, tmp_path):
    out = tmp_path / "site"
    invoke(["site", "build", str(hostile), "--out", str(out)])
    (out / "stale.html").write_text("old", encoding="utf-8")
    invoke(["site", "build", str(hostile), "--out", str(out)])
    assert not (out / "stale.html").exists()


def test_site_from_a_fresh_scaffold_in_both_languages(sample, tmp_path, lang):
    out = tmp_path / "site"
    invoke(["site", "build", str(sample), "--out", str(out)])
    assert 'lang="' + lang + '"' in (out / "roles.html").read_text(encoding="utf-8")


def test_site_without_the_site_extras_says_what_to_install(hostile, tmp_path, monkeypatch, lang):
    import builtins

    real_import = builtins.__import__

    def no_mkdocs(name, *args, **kwargs):
        if name in ("mkdocs", "material"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_mkdocs)
    result = invoke(["site", "build", str(hostile), "--out", str(tmp_path / "s"), "--lang", lang], exit=2)
    assert "pip install 'dxkit[site]'" in result.stderr


def test_bilingual_labels(sample, lang):
    from dxkit.validate import open_consortium

    consortium, _ = open_consortium(str(sample), lang=lang, today=__import__("datetime").date(2026, 6, 1))
    pages = {str(k): v for k, v in site_pages(consortium, lang, bilingual=True).items()}
    assert "メンバー / Members" in pages["members.md"] if lang == "ja" else "Members / メンバー" in pages["members.md"]


def test_charter_can_ask_for_bilingual_labels(sample, tmp_path, lang):
    charter = sample / "consortium.yaml"
    charter.write_text(charter.read_text(encoding="utf-8") + "site:\n  bilingual_labels: true\n", encoding="utf-8")
    invoke(["validate", str(sample), "--select", "DX0"])
    out = tmp_path / "site"
    invoke(["site", "build", str(sample), "--out", str(out)])
    html = (out / "members.html").read_text(encoding="utf-8")
    assert "メンバー / Members" in html if lang == "ja" else "Members / メンバー" in html


def test_site_without_npm_and_an_empty_cache_says_to_install_npm(tmp_path, lang):
    """The diagrams' script comes from npm once; without npm and without a cache: a message, exit 2."""
    folder = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
    no_npm = tmp_path / "bin"
    no_npm.mkdir()
    env = {"PATH": str(no_npm), "DXKIT_CACHE_DIR": str(tmp_path / "empty-cache")}
    result = invoke(["site", "build", str(folder), "--out", str(tmp_path / "out"), "--lang", lang], exit=2, env=env)
    assert "npm" in result.stderr and (
        "インストール" in result.stderr if lang == "ja" else "Install npm" in result.stderr
    )
    assert not (tmp_path / "out").exists()
