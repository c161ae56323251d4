from __future__ import annotations

import copy
import string
import sys

import pytest

from dxkit.i18n import (
    LABEL_IDS,
    LANGS,
    MESSAGES_DIR,
    load_namespace_file,
    messages,
    namespaces,
    resolve_lang,
    translate,
)
from dxkit.labels import all_labels, label, labels
from dxkit.model.codegen import NAMES
from dxkit.model.records import ENUMS
from dxkit.rules import iter_rules
from dxkit.schemas import KINDS, load_schema

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


# -- enum labels: once, in the schemas ---------------------------------------------------------


def _enum_nodes(node, where=""):
    """Every schema node that lists allowed values, with where it is."""
    if isinstance(node, dict):
        if "enum" in node:
            yield where, node
        for key, value in node.items():
            yield from _enum_nodes(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _enum_nodes(value, f"{where}/{index}")


@pytest.mark.parametrize("kind", KINDS)
def test_every_enum_value_of_the_schema_has_both_labels(kind):
    nodes = list(_enum_nodes(load_schema(kind)))
    assert nodes
    for where, node in nodes:
        given = node.get("x-labels")
        assert isinstance(given, dict), f"{kind}{where}: no x-labels"
        assert list(given) == list(node["enum"]), f"{kind}{where}: x-labels must follow the enum, value by value"
        for value, texts in given.items():
            assert set(texts) == set(LANGS), (kind, where, value)
            assert all(isinstance(texts[lang], str) and texts[lang].strip() for lang in LANGS), (kind, where, value)
            # A label is shown as it is: no placeholder, no markup.
            assert not any(ch in texts[lang] for lang in LANGS for ch in "{}<>"), (kind, where, value)


def test_labels_are_found_for_every_enum_of_the_model():
    found = all_labels()
    assert set(found) == set(ENUMS)
    for name, values in ENUMS.items():
        assert tuple(found[name]) == values, name


def test_label_reads_the_schema_wording():
    assert label("Task.status", "done") == "完了"
    assert label("Task.status", "done", "en") == "done"
    assert label("memberType", "financial-institution", "ja") == "地域金融機関"
    assert label("Cause.category", "roles", "en") == "Roles"
    assert labels("stage", "ja") == {
        "planning": "計画策定",
        "demonstration": "社会実証",
        "implementation": "実装・展開",
    }
    assert list(labels("Issue.priority", "en").values()) == ["high", "medium", "low"]
    # Not a language dxkit speaks: Japanese, as translate() does.
    assert label("stage", "planning", "fr") == "計画策定"


def test_label_of_an_unknown_enum_or_value_is_a_bug():
    with pytest.raises(KeyError):
        label("Task.status", "finished")
    with pytest.raises(KeyError):
        label("Task.colour", "done")


def test_schema_labels_differing_between_two_places_are_refused():
    import dxkit.labels as labels_module

    schema = copy.deepcopy(load_schema("roles"))
    schema["$defs"]["stage"]["x-labels"]["planning"]["ja"] = "計画"
    found: dict = {}
    labels_module._walk("consortium", "", load_schema("consortium"), load_schema("consortium"), NAMES, found)
    with pytest.raises(ValueError, match="stage"):
        labels_module._walk("roles", "", schema, schema, NAMES, found)


@pytest.mark.parametrize("prefix", sorted(LABEL_IDS))
def test_old_label_ids_are_answered_from_the_schemas(prefix):
    enum_name = LABEL_IDS[prefix]
    assert enum_name in ENUMS
    for value in ENUMS[enum_name]:
        for lang in LANGS:
            assert translate(f"{prefix}.{value}", lang) == label(enum_name, value, lang)
        # One source per label: the catalogue must not say it a second time.
        assert f"{prefix}.{value}" not in MESSAGES


def test_old_label_ids_keep_their_wording():
    assert translate("stage.planning", "ja") == "計画策定"
    assert translate("site.status.not-started", "en") == "not started"
    assert translate("site.priority.high", "ja") == "高"
    assert translate("outcome.recycle", "ja") == "やり直し（recycle）"
    assert translate("member_type.telecom-bureau", "en") == "Regional telecommunications bureau"
    # A case-library field the schemas do not have still comes from the catalogue.
    assert translate("field.talent", "ja") == "人材"
    with pytest.raises(KeyError):
        translate("stage.rollout", "ja")
