from __future__ import annotations

import string
import sys

import pytest

from dxkit.i18n import LANGS, MESSAGES_DIR, load_namespace_file, messages, namespaces, resolve_lang, translate
from dxkit.rules import iter_rules

MESSAGES = messages()


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


@pytest.mark.parametrize("name", namespaces())
def test_data_file_holds_only_its_own_namespace(name):
    ids = load_namespace_file(MESSAGES_DIR / f"{name}.toml")
    assert ids
    assert [i for i in ids if i.split(".")[0] != name] == []


def test_translate_fills_placeholders_in_each_language():
    assert translate("load.too_deep", "ja", limit=64) == "入れ子が深すぎます（64 段まで）。構造を浅くしてください。"
    assert (
        translate("load.too_deep", "en", limit=64)
        == "Nesting is too deep (the limit is 64 levels); flatten the structure."
    )
    # A language dxkit does not speak gets Japanese, never an id or an empty text.
    assert translate("load.too_deep", "fr", limit=64) == translate("load.too_deep", "ja", limit=64)


def test_old_catalogue_import_still_reads_the_data_files():
    from dxkit.i18n.catalog import MESSAGES as old

    assert old == MESSAGES


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_data_file_with_a_repeated_id_is_refused(tmp_path):
    import tomllib

    path = _write(tmp_path / "x.toml", '[x.a]\nja = "一"\nen = "one"\n\n[x.a]\nja = "二"\nen = "two"\n')
    with pytest.raises(tomllib.TOMLDecodeError):
        load_namespace_file(path)


def test_data_file_with_a_value_outside_a_table_is_refused(tmp_path):
    path = _write(tmp_path / "x.toml", 'x = "stray"\n')
    with pytest.raises(ValueError, match=r"x\.toml"):
        load_namespace_file(path)


def test_data_file_is_read_back_from_bytecode_until_it_changes(tmp_path, monkeypatch):
    import dxkit.i18n as i18n

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    path = _write(tmp_path / "x.toml", '[x.a]\nja = "一"\nen = "one"\n')
    assert load_namespace_file(path) == {"x.a": {"ja": "一", "en": "one"}}
    assert list((tmp_path / "__pycache__").glob("x.*.pyc"))

    def no_parsing(data, name):
        raise AssertionError("parsed although the bytecode is fresh")

    monkeypatch.setattr(i18n, "parse_namespace_file", no_parsing)
    assert load_namespace_file(path) == {"x.a": {"ja": "一", "en": "one"}}
    monkeypatch.undo()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    _write(path, '[x.a]\nja = "一つ目"\nen = "the first"\n')
    assert load_namespace_file(path) == {"x.a": {"ja": "一つ目", "en": "the first"}}
