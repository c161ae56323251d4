"""A big role matrix is split into pages by 年度 and stage; no page of the site is too big to load."""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dxkit.render.site_pages import ROLES_PAGE_TASKS
from tests.conftest import ROOT
from tests.helpers import invoke

pytestmark = pytest.mark.slow

TASKS = 3000
#: What a page may weigh on the wire (gzip), its Gantt charts included.
PAGE_BYTES = 300_000
PART_TITLE = {"ja": re.compile(r"\d{4}年度 "), "en": re.compile(r"FY\d{4}, ")}
PARTS_HEADER = {"ja": "作業の数", "en": "Tasks"}


class _FirstCells(HTMLParser):
    """The first cell of each body row of a page's first table (the matrix's task ids)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tables = 0
        self.in_body = False
        self.cell = -1
        self.text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables += 1
        elif self.tables == 1 and tag == "tbody":
            self.in_body = True
        elif self.in_body and tag == "tr":
            self.cell = -1
        elif self.in_body and tag == "td":
            self.cell += 1
            if self.cell == 0:
                self.text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self.in_body = False
        elif tag == "td" and self.text is not None:
            self.ids.append("".join(self.text).strip())
            self.text = None

    def handle_data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)


@pytest.fixture(scope="module")
def consortium(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate_scale
    finally:
        sys.path.pop(0)
    folder = tmp_path_factory.mktemp("big") / "consortium"
    generate_scale(folder, tasks=TASKS, members=200, seed=3)
    return folder


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_big_role_matrix_is_split_and_every_page_stays_small(consortium: Path, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "site"
    invoke(["site", "build", str(consortium), "--out", str(out), "--lang", lang, "--today", "2027-06-01"])
    ids = re.findall(r"^  - id: (\S+)$", (consortium / "roles.yaml").read_text(encoding="utf-8"), re.MULTILINE)
    assert len(ids) == TASKS > ROLES_PAGE_TASKS

    for page in out.rglob("*.html"):
        assert len(gzip.compress(page.read_bytes())) <= PAGE_BYTES, page

    index = (out / "roles.html").read_text(encoding="utf-8")
    assert PARTS_HEADER[lang] in index
    parts = sorted((out / "roles").glob("*.html"))
    assert len(parts) >= TASKS // ROLES_PAGE_TASKS
    listed: Counter[str] = Counter()
    for part in parts:
        assert f'href="roles/{part.name}"' in index, part  # the index links every part
        text = part.read_text(encoding="utf-8")
        title = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.DOTALL)
        assert title is not None and PART_TITLE[lang].search(title.group(1)), part
        assert 'href="../roles.html"' in text, part  # and every part links back to it
        cells = _FirstCells()
        cells.feed(text)
        assert 0 < len(cells.ids) <= ROLES_PAGE_TASKS, part
        listed.update(cells.ids)
    # Together the parts list every task exactly once; the index lists none.
    assert listed == Counter(ids)
    cells = _FirstCells()
    cells.feed(index)
    assert not set(cells.ids) & set(ids)

    # The parts are found by search by their titles; their rows are not indexed.
    search = (out / "search" / "search_index.json").read_text(encoding="utf-8")
    assert all(f'"location":"roles/{part.name}"' in search for part in parts)
    assert ids[0] not in search
