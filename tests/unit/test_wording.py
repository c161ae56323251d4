"""Japanese texts follow the word list in src/dxkit/i18n/wordlist.toml (公用文作成の考え方, 2022)."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import ROOT

WORDLIST = ROOT / "src" / "dxkit" / "i18n" / "wordlist.toml"


def _entries() -> list[dict[str, str]]:
    data = tomllib.loads(WORDLIST.read_text(encoding="utf-8"))
    return [*data["word"], *data["punctuation"]]


def _japanese_values(data: Any, where: str) -> Iterator[tuple[str, str]]:
    """Every ``ja`` text (and ``*.ja`` key) in parsed TOML or JSON, with where it is."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("ja", "x-title-ja", "x-description-ja") and isinstance(value, str):
                yield f"{where}.{key}", value
            else:
                yield from _japanese_values(value, f"{where}.{key}")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _japanese_values(item, f"{where}[{index}]")


def _texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "src" / "dxkit" / "i18n" / "messages").glob("*.toml")):
        yield from _japanese_values(tomllib.loads(path.read_text(encoding="utf-8")), path.name)
    for path in sorted((ROOT / "src" / "dxkit" / "rules" / "texts").glob("*.toml")):
        yield from _japanese_values(tomllib.loads(path.read_text(encoding="utf-8")), path.name)
    for path in sorted((ROOT / "schemas").glob("*.json")):
        yield from _japanese_values(json.loads(path.read_text(encoding="utf-8")), path.name)
    pages = [*(ROOT / "docs" / "ja").rglob("*.md"), *(ROOT / "toolkits").rglob("ja/*"), ROOT / "README.md"]
    pages += list((ROOT / "toolkits").glob("*/toolkit.yaml"))
    for path in sorted(pages):
        if path.is_file():
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                yield f"{path.relative_to(ROOT)}:{number}", line


def test_the_word_list_is_well_formed() -> None:
    entries = _entries()
    assert len(entries) >= 5
    for entry in entries:
        assert set(entry) == {"avoid", "use", "why"}, entry
        re.compile(entry["avoid"])
        assert entry["use"].strip() and entry["why"].strip()


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["avoid"])
def test_no_japanese_text_uses_an_avoided_word(entry: dict[str, str]) -> None:
    pattern = re.compile(entry["avoid"])
    found = [f"{where}: {text.strip()[:60]}" for where, text in _texts() if pattern.search(text)]
    assert not found, f"write 「{entry['use']}」 instead of /{entry['avoid']}/:\n" + "\n".join(found[:20])


def test_the_check_finds_a_word_when_there_is_one() -> None:
    pattern = re.compile(next(e["avoid"] for e in _entries() if e["use"] == "運営ファイル"))
    assert pattern.search("確かめる統治ファイルが見つかりません")
    semicolon = re.compile(next(e["avoid"] for e in _entries() if ";" in e["avoid"]))
    assert semicolon.search("ファイルがありません; 作ってください")
    assert not semicolon.search("code; more English")
