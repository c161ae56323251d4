from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dxkit.loading import (
    HAS_LIBYAML,
    MAX_DEPTH,
    LoadError,
    Position,
    load_bytes,
    load_file,
    load_text,
)


def _error(text: str | bytes) -> LoadError:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(LoadError) as info:
        load_bytes(raw, "f.yaml")
    return info.value


def test_loading_uses_libyaml_when_available():
    assert HAS_LIBYAML


@pytest.mark.parametrize("word", ["no", "NO", "off", "yes", "On", "y", "n"])
def test_load_yaml11_booleans_stay_text(word):
    assert load_text(f"a: {word}\n", "f").data == {"a": word}


def test_load_true_false_null_numbers():
    doc = load_text("a: true\nb: false\nc: null\nd: ~\ne:\nf: 12\ng: 1.5\nh: 012\ni: 0x1F\n", "f")
    assert doc.data == {
        "a": True,
        "b": False,
        "c": None,
        "d": None,
        "e": None,
        "f": 12,
        "g": 1.5,
        "h": "012",
        "i": "0x1F",
    }


@pytest.mark.parametrize("value", ["2026-04-01", "2025-13-45", "2026-04-01T10:00:00"])
def test_load_dates_stay_text(value):
    assert load_text(f"due: {value}\n", "f").data == {"due": value}


def test_load_duplicate_key_is_an_error_at_second_key():
    err = _error("kind: roles\nversion: 1\nkind: members\n")
    assert (err.code, err.position) == ("DX003", Position(3, 1))
    assert "kind" in err.message("en") and "line 1" in err.message("en")
    assert "二度" in err.message("ja")


def test_load_python_tag_is_refused():
    err = _error("a: !!python/object/apply:os.system [echo hi]\n")
    assert err.code == "DX004"
    assert err.position == Position(1, 4)


@pytest.mark.parametrize("text", ["a: !!timestamp 2026-01-01\n", "a: !custom x\n", "a: !!binary aGk=\n"])
def test_load_nonstandard_tags_are_refused(text):
    assert _error(text).code == "DX004"


def test_load_explicit_standard_tag_with_bad_value_is_refused():
    assert _error("a: !!bool yes\n").code == "DX004"


def test_load_alias_bomb_fails_fast():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefg", "bcdefgh"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    err = _error("\n".join(lines) + "\n")
    assert err.code == "DX005"


def test_load_small_aliases_are_allowed():
    doc = load_text("base: &b {x: 1}\nother: *b\n", "f")
    assert doc.data == {"base": {"x": 1}, "other": {"x": 1}}


def test_load_recursive_alias_is_refused():
    assert _error("a: &a [*a]\n").code == "DX005"


def test_load_deep_nesting_is_refused_without_recursion_error():
    err = _error("[" * 10_000 + "]" * 10_000)
    assert err.code == "DX005"
    err = _error("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5))
    assert err.code == "DX005"


def test_load_too_large_is_refused_before_parsing():
    err = _error(b"a: " + b"x" * (6 * 1024 * 1024))
    assert err.code == "DX005"
    assert "MiB" in err.message("en")


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ("kind: 市役所\n".encode("cp932"), "Shift_JIS"),
        ("kind: 市役所\n".encode("euc_jp"), "EUC-JP"),
        ("kind: x\n".encode("utf-16"), "UTF-16"),
        ("kind: x\nversion: 1\n".encode("utf-16-le"), "UTF-16"),
        (codecs.BOM_UTF32_LE + "k: x\n".encode("utf-32-le"), "UTF-32"),
    ],
)
def test_load_wrong_encodings_are_named(raw, needle):
    err = _error(raw)
    assert err.code == "DX002"
    assert needle in err.message("en") and needle in err.message("ja")


def test_load_binary_is_named_with_position():
    err = _error(b"kind: x\nab\x00\x01\x02\xff")
    assert err.code == "DX002"
    assert err.position == Position(2, 3)
    assert "binary" in err.message("en") and "バイナリ" in err.message("ja")


def test_load_bom_is_accepted_and_reported():
    doc = load_bytes(codecs.BOM_UTF8 + b"a: 1\n", "f")
    assert doc.bom and doc.data == {"a": 1}


@pytest.mark.parametrize(
    ("text", "code", "msg_id", "line"),
    [
        ("", "DX001", "load.empty", 1),
        ("# only a comment\n", "DX001", "load.empty", 1),
        ("a: 1\n\tb: 2\n", "DX001", "load.syntax.tab", 2),
        ("a: 'open\nb: 2\n", "DX001", "load.syntax.unclosed_quote", 3),
        ("a: 1\n---\nb: 2\n", "DX001", "load.multiple_documents", 2),
        ("a: b: c\n", "DX001", "load.syntax.mapping_value", 1),
        ("a: *nowhere\n", "DX001", "load.syntax.undefined_alias", 1),
        ("? [a, b]\n: 1\n", "DX001", "load.complex_key", 1),
    ],
)
def test_load_syntax_problems_are_explained(text, code, msg_id, line):
    err = _error(text)
    assert (err.code, err.msg_id, err.position.line) == (code, msg_id, line)


def test_load_json_is_yaml():
    assert load_text('{"kind": "roles", "n": [1, 2]}', "f.json").data == {"kind": "roles", "n": [1, 2]}


def test_locate_points_at_values_and_keys():
    doc = load_text("tasks:\n  - id: T-1\n    due: 2026-01-01\n", "f")
    assert doc.locate(("tasks", 0, "due")) == Position(3, 10)
    assert doc.locate(("tasks", 0, "due"), key=True) == Position(3, 5)
    # A missing key resolves to the deepest node that exists.
    assert doc.locate(("tasks", 0, "missing")) == Position(2, 5)


@pytest.mark.parametrize(
    ("setup", "msg_id"),
    [
        ("missing", "load.missing"),
        ("broken_link", "load.broken_link"),
        ("directory", "load.is_directory"),
    ],
)
def test_load_file_unusable_paths(tmp_path: Path, setup, msg_id):
    path = tmp_path / "x.yaml"
    if setup == "broken_link":
        path.symlink_to(tmp_path / "nowhere")
    elif setup == "directory":
        path.mkdir()
    with pytest.raises(LoadError) as info:
        load_file(path)
    assert info.value.msg_id == msg_id


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=400))
def test_load_never_raises_anything_but_load_error_on_bytes(raw):
    try:
        load_bytes(raw, "f.yaml")
    except LoadError as err:
        assert err.message("ja") and err.message("en")


_yaml_alphabet = st.sampled_from(
    list("abc:-[]{}&*!|>'\"#%@`,?\n\t ") + ["  ", "- ", ": ", "!!python/name:os.system", "&a ", "*a", "---\n", "日本"]
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_yaml_alphabet, max_size=60).map("".join))
def test_load_never_raises_anything_but_load_error_on_yamlish_text(text):
    try:
        doc = load_text(text, "f.yaml")
    except LoadError as err:
        assert err.position.line >= 1 and err.position.column >= 1
    else:
        assert doc.data is not None or text.strip() != ""
