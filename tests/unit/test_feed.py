"""The lessons feed: what reaches it, what never does, and that feed readers can read it."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest

from dxkit.analyses.lessons import published
from dxkit.escape import json_document
from dxkit.model import Consortium
from dxkit.render.feed import JSON_FEED_VERSION, feed_entries, json_feed, render_atom, site_feeds
from dxkit.validate import open_consortium
from tests.conftest import ROOT

TODAY = dt.date(2026, 10, 1)
#: The secretary-general and her deputy, as the example's gate review names them in free text.
NAMES = {"ja": ("浜野", "岸本"), "en": ("Hamano", "Kishimoto")}
HOSTILE = '<script>alert(1)</script> & "]]> \x01\x1b[31m'
TITLES = {
    "ja": ("オンデマンドバス第 1 期実証の失敗分析", "ゲート G1（計画策定 → 社会実証）の審査"),
    "en": ("Failure analysis of the first on-demand bus trial", "Gate G1 review (planning → demonstration)"),
}

FEED_TITLES = {"ja": "汐見市地域DX推進協議会の教訓", "en": "Lessons from Shiomi Regional DX Consortium"}
#: The labels of the failure analysis's format, stage and field (schemas' x-labels).
TAGS = {"ja": ["失敗分析", "社会実証", "モビリティ"], "en": ["Failure analysis", "demonstration", "Mobility"]}


def _edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert changed != text, (path, pattern)
    path.write_text(changed, encoding="utf-8")


def example(tmp_path: Path, lang: str, *, charter: str = "") -> Path:
    """The example consortium with its gate review marked for publication (it names two people)."""
    dest = tmp_path / f"shiomi-{lang}"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    review = dest / "retrospectives" / "2026-04-20-gate-review.yaml"
    _edit(review, r"^language: (ja|en)$", r"language: \1\npublish: true\nstage: planning\nfield: mobility")
    if charter:
        _edit(dest / "consortium.yaml", r"^  publish_failures: true$", "  publish_failures: true\n" + charter)
    return dest


def load(folder: Path, lang: str) -> Consortium:
    consortium, _problems = open_consortium(str(folder), lang=lang, today=TODAY)
    return consortium


def _title(folder: Path, lang: str) -> str:
    text = (folder / "retrospectives" / "2026-04-20-gate-review.yaml").read_text(encoding="utf-8")
    match = re.search(r"^title: (.*)$", text, re.M)
    assert match is not None
    return match.group(1).strip('"')


def test_feed_only_retrospectives_marked_for_publication(tmp_path, lang):
    entries = feed_entries(load(example(tmp_path, lang), lang), lang)
    assert [e.title for e in entries] == [TITLES[lang][0], _title(example(tmp_path / "again", lang), lang)]
    failure, review = entries
    assert failure.date == "2026-08-28" and failure.stage == "demonstration" and failure.field == "mobility"
    assert failure.target and failure.result and failure.why and failure.changed
    assert {category for category, _ in failure.why} == {"purpose", "technology", "roles", "data"}
    assert review.stage == "planning"


def test_feed_name_in_the_retrospective_never_reaches_the_feed(tmp_path, lang):
    folder = example(tmp_path, lang)
    review = (folder / "retrospectives" / "2026-04-20-gate-review.yaml").read_text(encoding="utf-8")
    assert all(name in review for name in NAMES[lang])
    files = site_feeds(load(folder, lang), lang)
    atom, data = files["lessons.xml"].decode("utf-8"), files["lessons.json"].decode("utf-8")
    for name in NAMES[lang]:
        assert name not in atom and name not in data
    assert "（非公開）" in data if lang == "ja" else "(not published)" in data
    document = json.loads(data)
    review_item = document["items"][1]["_dxkit"]
    assert review_item["participants"] == []
    failure_item = document["items"][0]["_dxkit"]
    assert [c["owner"] for c in failure_item["what_we_changed"]] == [None] * 4


def test_feed_names_people_only_when_the_charter_allows_it(tmp_path, lang):
    charter = "  publish_names: true\n"
    folder = example(tmp_path, lang, charter=charter)
    charter_file = folder / "consortium.yaml"
    people = "site:\n  people:\n    key_persons: true\n"
    charter_file.write_text(charter_file.read_text(encoding="utf-8") + people, encoding="utf-8")
    entries = feed_entries(load(folder, lang), lang)
    texts = json_document(json_feed(entries, lang, title="t"))
    assert all(name in texts for name in NAMES[lang])
    failure = entries[0]
    assert failure.participants and all(change.owner for change in failure.changed)


def test_feed_names_still_follow_the_site_when_the_charter_shares_names(tmp_path, lang):
    folder = example(tmp_path, lang, charter="  publish_names: true\n")
    entries = feed_entries(load(folder, lang), lang)
    texts = json_document(json_feed(entries, lang, title="t"))
    assert not any(name in texts for name in NAMES[lang])
    assert entries[0].participants  # organisations are named once the charter shares names


def test_feed_is_empty_when_the_charter_keeps_lessons_to_itself(tmp_path, lang):
    consortium = load(example(tmp_path, lang, charter="  publish_lessons: false\n"), lang)
    assert published(consortium) == [] and feed_entries(consortium, lang) == []
    assert site_feeds(consortium, lang) == {}


def test_feed_leaves_failures_out_when_the_charter_does_not_publish_them(tmp_path, lang):
    folder = example(tmp_path, lang)
    _edit(folder / "consortium.yaml", r"^  publish_failures: true$", "  publish_failures: false")
    assert [e.title for e in feed_entries(load(folder, lang), lang)] == [_title(folder, lang)]


def test_atom_feed_read_by_a_feed_reader_lists_the_published_lessons(tmp_path, lang):
    folder = example(tmp_path, lang)
    atom = site_feeds(load(folder, lang), lang)["lessons.xml"]
    parsed = feedparser.parse(atom)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == FEED_TITLES[lang]
    assert [e.title for e in parsed.entries] == [TITLES[lang][0], _title(folder, lang)]
    failure = parsed.entries[0]
    assert failure.published.startswith("2026-08-28T00:00:00+09:00")
    assert {t.term for t in failure.tags} == {"failure-analysis", "demonstration", "mobility"}
    labels = {t.label for t in failure.tags}
    assert labels == set(TAGS[lang])
    content = failure.content[0].value
    assert ("なぜか（原因）" if lang == "ja" else "Why (causes)") in content
    assert ("目的の不一致" if lang == "ja" else "Purpose") in content
    assert failure.author == ("汐見市地域DX推進協議会" if lang == "ja" else "Shiomi Regional DX Consortium")


def test_feed_hostile_text_stays_text_in_atom_and_json(tmp_path, lang):
    folder = example(tmp_path, lang)
    review = folder / "retrospectives" / "2026-04-20-gate-review.yaml"
    _edit(review, r"^title: .*$", ("title: " + json.dumps(HOSTILE)).replace("\\", "\\\\"))
    consortium = load(folder, lang)
    files = site_feeds(consortium, lang)
    atom = files["lessons.xml"]
    assert b"<script>" not in atom and b"&lt;script&gt;" in atom and b"\x1b" not in atom and b"\x01" not in atom
    parsed = feedparser.parse(atom)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries[1].title == HOSTILE.replace("\x01", "").replace("\x1b", "")
    data = files["lessons.json"].decode("utf-8")
    assert "\x1b" not in data and "\x01" not in data
    document = json.loads(data)
    assert document["version"] == JSON_FEED_VERSION
    assert document["items"][1]["title"] == HOSTILE


def test_json_feed_is_json_feed_1_1(tmp_path, lang):
    consortium = load(example(tmp_path, lang), lang)
    document = json.loads(site_feeds(consortium, lang)["lessons.json"])
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["language"] == lang
    # The charter gives no site.url: JSON Feed 1.1 expects full addresses, so none is written.
    assert "feed_url" not in document and "home_page_url" not in document
    assert all("url" not in item for item in document["items"])
    for item in document["items"]:
        assert isinstance(item["id"], str) and item["id"].startswith("urn:dxkit:lesson:")
        assert item["content_text"] and item["date_published"].endswith("+09:00")
        assert all(key.startswith("_") for key in item if key not in _ITEM_KEYS)
    failure = document["items"][0]
    assert failure["tags"] == TAGS[lang]
    assert failure["_dxkit"]["stage"] == "demonstration" and failure["_dxkit"]["field"] == "mobility"
    assert len({item["id"] for item in document["items"]}) == len(document["items"])


def _with_site_url(folder: Path, url: str) -> Path:
    charter = folder / "consortium.yaml"
    charter.write_text(charter.read_text(encoding="utf-8") + f'site:\n  url: "{url}"\n', encoding="utf-8")
    return folder


def test_feeds_point_at_the_published_site_when_the_charter_gives_its_address(tmp_path, lang):
    folder = _with_site_url(example(tmp_path, lang), "https://dx.example.jp/shiomi")
    consortium = load(folder, lang)
    assert consortium.charter is not None and consortium.charter.site is not None
    files = site_feeds(consortium, lang)
    document = json.loads(files["lessons.json"])
    assert document["home_page_url"] == "https://dx.example.jp/shiomi/lessons.html"
    assert document["feed_url"] == "https://dx.example.jp/shiomi/lessons.json"
    assert [item["url"] for item in document["items"]] == ["https://dx.example.jp/shiomi/lessons.html"] * 2
    parsed = feedparser.parse(files["lessons.xml"])
    assert not parsed.bozo
    links = {link["rel"]: link["href"] for link in parsed.feed.links}
    assert links == {
        "self": "https://dx.example.jp/shiomi/lessons.xml",
        "alternate": "https://dx.example.jp/shiomi/lessons.html",
    }
    assert all(entry.link == "https://dx.example.jp/shiomi/lessons.html" for entry in parsed.entries)
    # The feed stays the same feed for its subscribers once the site has an address.
    plain = feedparser.parse(site_feeds(load(example(tmp_path / "plain", lang), lang), lang)["lessons.xml"])
    assert parsed.feed.id == plain.feed.id
    assert {link["href"] for link in plain.feed.links} == {"lessons.xml", "lessons.html"}


@pytest.mark.parametrize(
    "url", ["http://dx.example.jp/", "javascript:alert(1)", "https://dx.example.jp/a b", "https://me@dx.example.jp/"]
)
def test_site_url_must_be_an_https_address(tmp_path, lang, url):
    from dxkit.validate import check_paths

    folder = _with_site_url(example(tmp_path, lang), url)
    findings = check_paths([str(folder / "consortium.yaml")], lang=lang, today=TODAY).findings
    (finding,) = [f for f in findings if f.code == "DX010"]
    assert "site.url" in finding.message
    expected = {
        "ja": "https:// で始まるアドレスの形ではありません",
        "en": "is not the https:// address of a published site",
    }
    assert expected[lang] in finding.message


_ITEM_KEYS = {"id", "url", "title", "content_text", "date_published", "authors", "tags", "language"}


def test_feed_ids_do_not_change_between_builds(tmp_path, lang):
    first = [e.id for e in feed_entries(load(example(tmp_path / "a", lang), lang), lang)]
    second = [e.id for e in feed_entries(load(example(tmp_path / "b", lang), lang), lang)]
    assert first == second


@pytest.mark.parametrize("lang", ["ja"])
def test_atom_feed_without_lessons_is_still_a_feed(tmp_path, lang):
    folder = tmp_path / "plain"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
    consortium = load(folder, lang)
    entries = feed_entries(consortium, lang)
    assert [e.format for e in entries] == ["failure-analysis"]
    parsed = feedparser.parse(render_atom([], lang, title="空", updated=TODAY))
    assert not parsed.bozo and parsed.entries == [] and parsed.feed.updated.startswith("2026-10-01")
