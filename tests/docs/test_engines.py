"""Both sites built by ProperDocs, the continuation of MkDocs 1.x: the guidebook and a consortium's site.

ProperDocs is optional (the ``properdocs`` extra): without it these tests are skipped, except in CI,
where ``scripts/test.sh`` installs it and its absence is a failure. The test that a missing ProperDocs
is explained runs everywhere.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dxkit.errors import UsageError
from dxkit.i18n import translate
from tests.conftest import ROOT
from tests.helpers import invoke

TODAY = "2026-10-01"
#: An address a page would load or link to outside the site.
EXTERNAL = re.compile(r'(?:src|href|srcset|data)="(?:https?:)?//[^"]*"', re.IGNORECASE)
SWITCH = re.compile(r'<a href="([^"]+)" hreflang="(ja|en)" class="md-select__link">')
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def needs_properdocs() -> None:
    if importlib.util.find_spec("properdocs") is not None:
        return
    if os.environ.get("CI"):
        pytest.fail("ProperDocs is required in CI: scripts/test.sh installs dxkit[properdocs]")
    pytest.skip("ProperDocs is not installed here (pip install 'dxkit[properdocs]')")


@pytest.fixture(scope="module")
def guidebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guidebook built once with ``properdocs build --strict`` from the same ``mkdocs.yml``."""
    needs_properdocs()
    site = tmp_path_factory.mktemp("properdocs-guidebook") / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "properdocs",
            "build",
            "--strict",
            "--config-file",
            "mkdocs.yml",
            "--site-dir",
            str(site),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **QUIET},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr, result.stderr[-4000:]
    return site


def built_by_properdocs(html: str) -> bool:
    return re.search(r'<meta name="generator" content="[^"]*ProperDocs', html) is not None


def test_properdocs_guidebook_has_both_languages_and_their_switcher(guidebook: Path):
    ja = (guidebook / "key-person" / "index.html").read_text(encoding="utf-8")
    en = (guidebook / "en" / "key-person" / "index.html").read_text(encoding="utf-8")
    assert built_by_properdocs(ja) and built_by_properdocs(en)
    assert '<html lang="ja"' in ja and "キーパーソン" in ja
    assert '<html lang="en"' in en and "Key person" in en
    for page, html in (
        (guidebook / "key-person" / "index.html", ja),
        (guidebook / "en" / "key-person" / "index.html", en),
    ):
        links = dict((lang, href) for href, lang in SWITCH.findall(html))
        assert set(links) == {"ja", "en"}, page
        for lang, href in links.items():
            target = (page.parent / href).resolve()
            assert target.is_file(), (page, href)
            assert f'<html lang="{lang}"' in target.read_text(encoding="utf-8")


def test_properdocs_guidebook_loads_nothing_from_outside(guidebook: Path):
    for page in guidebook.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="((?:https?:)?//[^"]+)"', html):
            raise AssertionError(f"{page.relative_to(guidebook)} loads {url}")
    assert not list(guidebook.rglob("mermaid*"))


def test_properdocs_guidebook_runs_the_hooks_and_splits_search_by_language(guidebook: Path):
    import json

    ja = json.loads((guidebook / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((guidebook / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(d["location"].startswith("en/") for d in ja["docs"])
    assert any("キーパーソン" in d["title"] for d in ja["docs"])
    assert any("Key person" in d["title"] for d in en["docs"])
    assert (guidebook / "schemas" / "v1" / "roles.schema.json").is_file()
    pages = [p.read_text(encoding="utf-8") for p in guidebook.rglob("*.html")]
    assert sum('<figure class="dxkit-diagram" role="img"' in html for html in pages) == 30
    assert not any('class="mermaid"' in html or "mermaid.min.js" in html for html in pages)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_site_build_with_properdocs_makes_an_offline_site_in_its_language(tmp_path: Path, lang: str):
    needs_properdocs()
    folder = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
    out = tmp_path / "site"
    result = invoke(["site", "build", folder, "--out", out, "--engine", "properdocs", "--today", TODAY])
    assert str(out) in result.stdout
    index = (out / "index.html").read_text(encoding="utf-8")
    assert built_by_properdocs(index) and f'<html lang="{lang}"' in index
    assert translate("site.members", lang) in index and translate("site.roles", lang) in index
    pages = list(out.rglob("*.html"))
    assert len(pages) > 10 and (out / "workshops" / "index.html").is_file()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not EXTERNAL.search(html), (page, EXTERNAL.search(html))
    assert (out / "search" / "search_index.json").is_file() and (out / ".dxkit-site").is_file()
    roles = (out / "roles.html").read_text(encoding="utf-8")
    # The charts are dxkit's own drawings, as with the default engine: no page loads mermaid.
    assert "dxkit-diagram" in roles and 'class="dxkit-gantt"' in roles and "mermaid" not in roles


@pytest.mark.parametrize(
    ("lang", "said"),
    [("ja", "ProperDocs でサイトを作るには"), ("en", "Building the site with ProperDocs needs extra packages")],
)
def test_site_build_with_properdocs_missing_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
):
    monkeypatch.setitem(sys.modules, "properdocs", None)
    folder = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
    out = tmp_path / "site"
    result = invoke(["site", "build", folder, "--out", out, "--engine", "properdocs", "--lang", lang], exit=2)
    assert said in result.stderr and "pip install 'dxkit[properdocs]'" in result.stderr
    assert not out.exists()


def test_site_build_refuses_an_engine_it_does_not_know(tmp_path: Path):
    result = invoke(["site", "build", tmp_path, "--engine", "zensical", "--lang", "en"], exit=2)
    assert "zensical" in result.stderr and "properdocs" in result.stderr


def test_properdocs_build_that_fails_is_a_message_with_its_reason(tmp_path: Path):
    needs_properdocs()
    from dxkit.publish import _run_properdocs

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# x\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\ntheme: material\ndocs_dir: docs\nnav:\n  - Gone: gone.md\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        _run_properdocs(config, tmp_path / "site")
    assert caught.value.msg_id == "site.build_failed" and "gone.md" in str(caught.value)
