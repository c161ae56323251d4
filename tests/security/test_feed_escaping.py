"""The lessons feed fed a consortium in which every free string is an attack (:mod:`tests.security.hostile`).

Atom is read back by ElementTree and feedparser, the JSON Feed by ``json``: the attack must come
back as the text that was typed (less the characters XML cannot hold), never as markup, and no
control character may be written raw.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest

from dxkit.escape import atom_text
from dxkit.model import Consortium
from dxkit.model.records import Retrospective
from dxkit.render.feed import site_feeds
from dxkit.validate import open_consortium
from tests.security.hostile import EVALUATED, IMG, SCRIPT, hostile_consortium

TODAY = dt.date(2026, 10, 1)
ATOM = "{http://www.w3.org/2005/Atom}"
#: Raw characters no output may hand a terminal: C0 (but tab and LF), DEL, C1, line and bidi controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


@pytest.fixture(scope="module", params=["ja", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, lang: str) -> Consortium:
    folder = hostile_consortium(tmp_path_factory.mktemp(f"feed-{lang}") / "c", lang, controls=True)
    # The charter lets the feed name people as the site does (every kind): otherwise the attack,
    # planted in people's names too, would be hidden as a name wherever it appears.
    charter = folder / "consortium.yaml"
    data = json.loads(charter.read_text(encoding="utf-8"))
    data["sharing"]["publish_names"] = True
    charter.write_text(json.dumps(data, ensure_ascii=True, indent=2) + "\n", encoding="utf-8")
    consortium, _problems = open_consortium(str(folder), lang=lang, today=TODAY)
    return consortium


@pytest.fixture(scope="module")
def feeds(hostile: Consortium, lang: str) -> dict[str, bytes]:
    files = site_feeds(hostile, lang)
    assert set(files) == {"lessons.xml", "lessons.json"}
    return files


def test_atom_feed_of_a_hostile_consortium_is_well_formed_and_inert(feeds, hostile):
    raw = feeds["lessons.xml"].decode("utf-8")
    assert RAW_CONTROL.findall(raw.replace("\r\n", "\n")) == []
    tree = ElementTree.fromstring(feeds["lessons.xml"])
    assert {el.tag for el in tree.iter()} <= {f"{ATOM}{name}" for name in _ATOM_ELEMENTS}
    entries = tree.findall(f"{ATOM}entry")
    assert len(entries) == 1  # the failure analysis, the one retrospective marked for publication
    title = entries[0].findtext(f"{ATOM}title") or ""
    assert SCRIPT in title and IMG in title
    assert title == atom_text(_published(hostile).title)
    content = entries[0].find(f"{ATOM}content")
    assert content is not None and content.get("type") == "text" and SCRIPT in (content.text or "")
    assert not any(word in raw for word in EVALUATED)
    parsed = feedparser.parse(feeds["lessons.xml"])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert SCRIPT in parsed.entries[0].title


def _published(c: Consortium) -> Retrospective:
    return next(r for r in c.retrospectives if r.failure_analysis is not None and r.failure_analysis.publish)


_ATOM_ELEMENTS = (
    "feed", "id", "title", "subtitle", "updated", "generator", "link", "entry", "author", "name",
    "published", "content", "category",
)  # fmt: skip


def test_json_feed_of_a_hostile_consortium_reads_back_as_typed(feeds, hostile):
    raw = feeds["lessons.json"].decode("utf-8")
    assert RAW_CONTROL.findall(raw) == []
    document = json.loads(raw)
    (item,) = document["items"]
    failure = _published(hostile)
    assert item["title"] == failure.title
    assert failure.failure_analysis is not None
    assert item["_dxkit"]["target"] == failure.failure_analysis.target
    assert [w["cause"] for w in item["_dxkit"]["why"]] == [c.cause for c in failure.failure_analysis.causes]
    assert not any(word in raw for word in EVALUATED)


def test_hostile_feed_files_hold_no_path_outside_the_site(feeds, tmp_path: Path):
    # Links are relative to the feed's own place: nothing points at the consortium's folder.
    for data in feeds.values():
        assert str(tmp_path.parent) not in data.decode("utf-8")
