"""Every page of both sites weighs at most 300 KB as a compressing server sends it.

The count is ``benchmarks/pages.py``'s: a page's HTML plus every same-site file it loads (what its scripts
fetch on opening, the search index among them, learnt by opening a page of each kind in Chromium),
compressed as ``benchmarks/serve.py`` serves it. It is a byte count, not a timing, so it is the same on every
machine; the verification opens pages in Chromium and proves the computed count is what the browser received.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.helpers import invoke

pytestmark = pytest.mark.slow

LIMIT = 300_000


def _pages_module():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import pages
    finally:
        sys.path.pop(0)
    return pages


def check_site_weight(site: Path, *, verify: int | None, browser: Any) -> None:
    """Fail with the heaviest pages when a page of ``site`` weighs more than LIMIT.

    ``browser`` is the session's Chromium: one process drives one Playwright at a time.
    """
    pages = _pages_module()
    weighed, problems = pages.measure(site, verify=verify, browser=pages.Browser(browser))
    assert problems == []
    assert weighed, site
    over = [(p.path, p.bytes) for p in weighed if p.bytes > LIMIT]
    assert over == [], "\n".join(pages.report(site, weighed, 10, LIMIT))
    # The search index travels with every page: a page is never counted without it, nor with the index of
    # another language (the guidebook's English pages have their own, under en/).
    for page in weighed:
        if page.path != "404.html":
            lang = page.path.split("/", 1)[0] if page.path.startswith("en/") else ""
            index = f"{lang}/search/search_index.json".lstrip("/")
            assert [f for f in page.files if f.endswith("search/search_index.json")] == [index], page.path


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_example_site_pages_are_light_and_counted_as_the_browser_receives_them(tmp_path: Path, lang: str, browser):
    out = tmp_path / "site"
    invoke(["site", "build", str(ROOT / "examples" / "shiomi" / lang), "--out", str(out), "--today", "2026-10-01"])
    check_site_weight(out, verify=None if lang == "ja" else 3, browser=browser)


def test_a_3000_task_consortium_site_stays_under_the_limit(tmp_path: Path, browser):
    folder = tmp_path / "consortium"
    generate = [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(folder), "--scale"]
    subprocess.run([*generate, "--tasks", "3000", "--members", "200"], check=True, capture_output=True)
    out = tmp_path / "site"
    invoke(["site", "build", str(folder), "--out", str(out), "--today", "2026-10-01"])
    check_site_weight(out, verify=2, browser=browser)


def test_guidebook_pages_stay_under_the_limit(built_site: Path, browser):
    check_site_weight(built_site, verify=3, browser=browser)
