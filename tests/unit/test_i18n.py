from __future__ import annotations

import string

import pytest

from dxkit.i18n import LANGS, resolve_lang, translate
from dxkit.i18n.catalog import MESSAGES
from dxkit.rules import iter_rules


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("msg_id", sorted(MESSAGES))
def test_catalog_message_has_both_languages_with_same_placeholders(msg_id):
    entry = MESSAGES[msg_id]
    assert set(entry) == set(LANGS)
    assert all(entry[lang].strip() for lang in LANGS)
    assert _fields(entry["ja"]) == _fields(entry["en"])


def test_catalog_japanese_texts_are_japanese():
    def has_kana_or_kanji(text: str) -> bool:
        return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)

    def words(text: str) -> str:
        return "".join(
            ch for literal, _, _, _ in string.Formatter().parse(text) for ch in (literal or "") if ch.isalpha()
        )

    for msg_id, entry in MESSAGES.items():
        # Shared technical terms (LPWA, AI) and pure punctuation are the same in both languages.
        letters = words(entry["ja"])
        if entry["ja"] == entry["en"] or (letters.isascii() and len(letters) <= 6):
            continue
        assert has_kana_or_kanji(entry["ja"]), msg_id
        assert not has_kana_or_kanji(entry["en"]), msg_id


@pytest.mark.parametrize("rule", list(iter_rules()), ids=lambda r: r.code)
def test_rule_texts_exist_in_both_languages(rule):
    for lang in LANGS:
        assert rule.title[lang].strip()
        assert rule.message[lang].strip()
        assert set(rule.docs[lang]) == {"what", "why", "fix"}
        assert all(rule.docs[lang].values())
    assert _fields(rule.message["ja"]) == _fields(rule.message["en"])


def test_resolve_lang_prefers_explicit_then_environment(monkeypatch):
    monkeypatch.setenv("DXKIT_LANG", "en")
    assert resolve_lang(None) == "en"
    assert resolve_lang("ja") == "ja"
    monkeypatch.setenv("DXKIT_LANG", "fr")
    assert resolve_lang(None) == "ja"
    monkeypatch.delenv("DXKIT_LANG")
    assert resolve_lang(None) == "ja"


def test_translate_unknown_id_is_a_bug():
    with pytest.raises(KeyError):
        translate("no.such.message", "ja")
