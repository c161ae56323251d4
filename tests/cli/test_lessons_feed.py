"""``dxkit lessons ROOT --all`` and the feeds ``dxkit site build`` writes beside the lessons page."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from pathlib import Path

import feedparser
import pytest

from tests.helpers import invoke
from tests.unit.test_feed import NAMES, TITLES, example

TODAY = "2026-10-01"


def _rename(folder: Path, name: str) -> None:
    charter = folder / "consortium.yaml"
    text = charter.read_text(encoding="utf-8")
    charter.write_text(re.sub(r'^name: ".*"$', f'name: "{name}"', text, count=1, flags=re.M), encoding="utf-8")


@pytest.fixture
def collection(tmp_path: Path, lang: str) -> Path:
    """A national collection: two consortia under a prefecture folder, one more outside the root."""
    root = tmp_path / "national"
    for prefecture, town in (("aohama", "east"), ("minamihama", "west")):
        dest = root / prefecture / town
        dest.parent.mkdir(parents=True)
        shutil.move(str(example(tmp_path / town, lang)), dest)
        _rename(dest, f"{town}-consortium")
    outside = example(tmp_path / "outside", lang)
    _rename(outside, "outside-consortium")
    if hasattr(os, "symlink"):
        with contextlib.suppress(OSError):  # Windows without the right to make links
            (root / "linked").symlink_to(outside, target_is_directory=True)
    return root


def test_lessons_all_json_gathers_every_consortium_below_the_root_only(collection, lang):
    result = invoke(["lessons", str(collection), "--all", "--format", "json", "--lang", lang, "--today", TODAY])
    feed = json.loads(result.stdout)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == ("推進体制の教訓（まとめ）" if lang == "ja" else "Lessons from the consortia (collection)")
    consortia = sorted({item["_dxkit"]["consortium"] for item in feed["items"]})
    assert consortia == ["east-consortium", "west-consortium"]
    assert "outside-consortium" not in result.output
    assert [item["title"] for item in feed["items"]].count(TITLES[lang][0]) == 2
    dates = [item["_dxkit"]["date"] for item in feed["items"]]
    assert dates == sorted(dates, reverse=True)
    for name in NAMES[lang]:
        assert name not in result.stdout


def test_lessons_all_text_lists_the_lessons_in_the_reader_language(collection, lang):
    result = invoke(["lessons", str(collection), "--all", "--lang", lang, "--today", TODAY])
    out = result.stdout
    assert "east-consortium" in out and "west-consortium" in out
    if lang == "ja":
        assert "2 件の推進体制、公開された教訓 4 件" in out and "2026年8月28日" in out
    else:
        assert "2 consortia, 4 published lessons" in out


def test_lessons_all_writes_the_collection_to_a_file(collection, tmp_path, lang):
    out = tmp_path / "lessons.json"
    args = ["lessons", str(collection), "--all", "-f", "json", "-o", str(out), "--lang", lang, "--today", TODAY]
    result = invoke(args)
    assert len(json.loads(out.read_text(encoding="utf-8"))["items"]) == 4
    assert str(out) in result.stdout
    again = invoke(args, exit=2)
    assert ("--overwrite" in again.stderr) and len(json.loads(out.read_text(encoding="utf-8"))["items"]) == 4


def test_lessons_all_to_a_file_needs_json(collection, tmp_path, lang):
    out = tmp_path / "lessons.txt"
    result = invoke(["lessons", str(collection), "--all", "-o", str(out), "--lang", lang], exit=2)
    assert "--format json" in result.stderr and not out.exists()


def test_lessons_all_without_a_consortium_below_says_so(tmp_path, lang):
    (tmp_path / "empty" / "nothing").mkdir(parents=True)
    result = invoke(["lessons", str(tmp_path / "empty"), "--all", "--lang", lang], exit=2)
    assert ("推進体制が見つかりません" if lang == "ja" else "No consortium was found") in result.stderr


@pytest.mark.parametrize("lang", ["ja"])
def test_site_build_writes_the_feeds_and_links_them_from_the_lessons_page(tmp_path, lang):
    folder = example(tmp_path, lang)
    out = tmp_path / "site"
    invoke(["site", "build", str(folder), "--out", str(out), "--today", TODAY])
    page = (out / "lessons.html").read_text(encoding="utf-8")
    head = page.split("</head>", 1)[0]
    assert '<link rel="alternate" type="application/atom+xml" title="Atom フィード" href="lessons.xml">' in head
    assert '<link rel="alternate" type="application/feed+json" title="JSON フィード" href="lessons.json">' in head
    assert '<a href="lessons.xml">Atom フィード</a>' in page and '<a href="lessons.json">JSON フィード</a>' in page
    parsed = feedparser.parse((out / "lessons.xml").read_bytes())
    assert not parsed.bozo
    assert parsed.entries[0].title == TITLES[lang][0]
    assert len(json.loads((out / "lessons.json").read_text(encoding="utf-8"))["items"]) == 2
    for name in NAMES[lang]:
        assert name not in (out / "lessons.xml").read_text(encoding="utf-8")


def test_lessons_all_stops_before_searching_too_many_folders(tmp_path, monkeypatch, lang):
    from dxkit import discovery

    for i in range(4):
        (tmp_path / "wide" / f"folder-{i}").mkdir(parents=True)
    monkeypatch.setattr(discovery, "GATHER_FOLDERS", 3)
    result = invoke(["lessons", str(tmp_path / "wide"), "--all", "--lang", lang], exit=2)
    assert ("フォルダーが多すぎて" if lang == "ja" else "too many folders") in result.stderr


def test_lessons_all_names_a_consortium_it_cannot_read_and_goes_on(collection, lang):
    broken = collection / "aohama" / "east" / "retrospectives" / "broken.yaml"
    broken.write_bytes(b"kind: retrospective\n\xff\xfe not utf-8\n")
    result = invoke(["lessons", str(collection), "--all", "-f", "json", "--lang", lang, "--today", TODAY])
    consortia = {item["_dxkit"]["consortium"] for item in json.loads(result.stdout)["items"]}
    assert "west-consortium" in consortia
    assert "east" in result.stderr


def test_lessons_all_notes_an_unreadable_consortium_without_saying_it_stopped(collection, lang):
    # A file that cannot be read leaves its consortium out; the note must not quote the one-consortium
    # message that says the command stopped, for the run goes on to the next one.
    broken = collection / "aohama" / "east" / "retrospectives" / "broken.yaml"
    broken.write_bytes(b"kind: retrospective\n\xff\xfe not utf-8\n")
    result = invoke(["lessons", str(collection), "--all", "-f", "json", "--lang", lang, "--today", TODAY])
    consortia = {item["_dxkit"]["consortium"] for item in json.loads(result.stdout)["items"]}
    assert "west-consortium" in consortia and "east-consortium" not in consortia
    assert "ここで止めました" not in result.stderr and "stopped here" not in result.stderr
    if lang == "ja":
        assert "この推進体制の教訓はまとめに入れていません。ほかの推進体制は続けて読みます。" in result.stderr
    else:
        assert "the other consortia are still gathered" in result.stderr
    assert "broken.yaml" in result.stderr
