"""The rule texts are data: complete in both languages, for registered codes only."""

from __future__ import annotations

import string
import tomllib
from importlib.resources import files
from importlib.resources.abc import Traversable

import pytest

from dxkit.i18n import LANGS
from dxkit.rules import iter_rules
from dxkit.rules.registry import Rule
from dxkit.rules.texts import RuleTextError, file_texts, load_texts, parse_texts, rule_texts

CODES = [rule.code for rule in iter_rules()]
TEXT_FILES = sorted((p for p in files("dxkit.rules.texts").iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_texts_exist_exactly_for_the_registered_codes() -> None:
    assert sorted(load_texts()) == sorted(CODES)


@pytest.mark.parametrize("rule", list(iter_rules()), ids=CODES)
def test_each_rule_finds_its_texts_in_the_file_named_after_its_module(rule: Rule) -> None:
    # A message reads only that file; a rule whose texts sit elsewhere would read them all.
    assert rule.code in file_texts(rule.texts_file), f"{rule.code}: not in {rule.texts_file}.toml"
    assert rule.texts == load_texts()[rule.code]


def test_a_code_not_in_the_file_named_is_looked_for_in_every_file() -> None:
    assert rule_texts("DX303", "core") == load_texts()["DX303"]
    assert rule_texts("DX303", "no-such-file") == load_texts()["DX303"]
    with pytest.raises(RuleTextError, match="no texts for DX999"):
        rule_texts("DX999", "roles")


@pytest.mark.parametrize("code", CODES)
def test_rule_texts_are_complete_in_both_languages(code: str) -> None:
    texts = load_texts()[code]
    for lang in LANGS:
        assert texts.title[lang].strip() and texts.message[lang].strip()
        assert set(texts.docs[lang]) == {"what", "why", "fix"}
        assert all(part.strip() for part in texts.docs[lang].values())
    assert _placeholders(texts.message["ja"]) == _placeholders(texts.message["en"])
    for part in ("what", "why", "fix"):
        assert _placeholders(texts.docs["ja"][part]) == _placeholders(texts.docs["en"][part]) == set()
    assert _placeholders(texts.title["ja"]) == _placeholders(texts.title["en"]) == set()


@pytest.mark.parametrize("code", CODES)
def test_rule_reads_its_texts_from_the_data(code: str) -> None:
    rule = next(r for r in iter_rules() if r.code == code)
    texts = load_texts()[code]
    assert (rule.title, rule.message, rule.docs, rule.example, rule.fix) == (
        texts.title,
        texts.message,
        texts.docs,
        texts.example,
        texts.fix,
    )


@pytest.mark.parametrize("item", TEXT_FILES, ids=lambda p: p.name)
def test_each_text_file_holds_one_group_of_rules(item: Traversable) -> None:
    data = tomllib.loads(item.read_text(encoding="utf-8"))
    assert data, item.name
    groups = {code[:3] for code in data}
    assert len(groups) == 1, (item.name, groups)
    modules = {
        rule.check.__module__.rsplit(".", 1)[-1] if rule.check else "core" for rule in iter_rules() if rule.code in data
    }
    assert modules == {item.name.removesuffix(".toml")}


GOOD = {
    "title": {"ja": "題", "en": "Title"},
    "message": {"ja": "{x} です", "en": "{x} it is"},
    "what": {"ja": "何", "en": "What"},
    "why": {"ja": "なぜ", "en": "Why"},
    "fix": {"ja": "直し方", "en": "Fix"},
}


def test_parse_texts_reads_a_complete_entry() -> None:
    texts = parse_texts({"DX999": {**GOOD, "example": {"before": "a: 1\n"}}}, "t.toml")["DX999"]
    assert texts.message["en"] == "{x} it is"
    assert texts.docs["ja"] == {"what": "何", "why": "なぜ", "fix": "直し方"}
    assert (texts.example, texts.fix) == ("a: 1\n", "")
    assert texts.note == {}


def test_parse_texts_reads_an_optional_note_in_both_languages() -> None:
    texts = parse_texts({"DX999": {**GOOD, "note": {"ja": "補足", "en": "Aside"}}}, "t.toml")["DX999"]
    assert texts.note == {"ja": "補足", "en": "Aside"}


@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        ({k: v for k, v in GOOD.items() if k != "why"}, "missing why"),
        ({**GOOD, "message": {"ja": "だけ"}}, "needs exactly the languages"),
        ({**GOOD, "title": {"ja": "題", "en": "  "}}, "title.en: needs a text"),
        ({**GOOD, "titel": {"ja": "題", "en": "Title"}}, "unknown key(s) titel"),
        ({**GOOD, "example": {"befor": "a\n"}}, "may hold only"),
        ({**GOOD, "message": {"ja": 1, "en": "x"}}, "message.ja: needs a text"),
        ({**GOOD, "note": {"ja": "補足だけ"}}, "note: needs exactly the languages"),
    ],
)
def test_parse_texts_refuses_incomplete_or_misspelt_entries(entry: dict[str, object], complaint: str) -> None:
    with pytest.raises(RuleTextError, match=complaint.replace("(", r"\(").replace(")", r"\)")):
        parse_texts({"DX999": entry}, "t.toml")


def test_parse_texts_refuses_a_table_that_is_not_a_rule_code() -> None:
    with pytest.raises(RuleTextError, match="not a rule code"):
        parse_texts({"DX99": GOOD}, "t.toml")
