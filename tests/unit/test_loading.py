from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dxkit.loading import (
    HAS_LIBYAML,
    MAX_DEPTH,
    MAX_SAFE_INTEGER,
    LoadError,
    Position,
    build,
    load_bytes,
    load_file,
    load_text,
    parse,
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
    for prev, name in zip("abcdefg", "bcdefgh", strict=True):
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


def test_load_nesting_at_the_limit_is_read_and_one_deeper_is_refused_at_the_value():
    # The mapping is level 0, so MAX_DEPTH - 1 lists put the text at level MAX_DEPTH.
    inside = MAX_DEPTH - 1
    doc = load_text("a: " + "[" * inside + "x" + "]" * inside + "\n", "f")
    value = doc.data["a"]
    for _ in range(inside):
        value = value[0]
    assert value == "x"
    err = _error("a: " + "[" * (inside + 1) + "x" + "]" * (inside + 1) + "\n")
    assert (err.code, err.msg_id, err.position) == ("DX005", "load.too_deep", Position(1, 4 + inside + 1))
    err = _error("a: " + "[" * inside + "{k: v}" + "]" * inside + "\n")
    assert (err.code, err.position) == ("DX005", Position(1, 4 + inside + 4))  # at "v"


def test_load_huge_integer_is_refused_with_position():
    err = _error("kind: x\nn: " + "9" * 5000 + "\n")
    assert (err.code, err.msg_id, err.position) == ("DX005", "load.number_out_of_range", Position(2, 4))
    assert str(MAX_SAFE_INTEGER) in err.message("en") and str(MAX_SAFE_INTEGER) in err.message("ja")
    assert load_text("n: '" + "9" * 5000 + "'\n", "f").data["n"] == "9" * 5000


@pytest.mark.parametrize("value", [MAX_SAFE_INTEGER, -MAX_SAFE_INTEGER, 0, 10**15])
def test_load_integer_within_the_safe_range_is_read(value):
    assert load_text(f"n: {value}\n", "f").data["n"] == value


@pytest.mark.parametrize(
    "text", [str(MAX_SAFE_INTEGER + 1), str(-MAX_SAFE_INTEGER - 1), "1" + "0" * 18, "+" + "9" * 17, "1e400", "-1e999"]
)
def test_load_number_outside_the_safe_range_is_a_finding(text):
    err = _error(f"kind: x\nn: {text}\n")
    assert (err.code, err.msg_id, err.position) == ("DX005", "load.number_out_of_range", Position(2, 4))


@pytest.mark.parametrize(
    ("text", "position", "char"),
    [
        ("kind: x\nname: ab\x1b[31mc\n", Position(2, 9), "U+001B"),
        ('kind: 市役所\nname: "ab\x07"\n', Position(2, 10), "U+0007"),
        ("kind: x\x7f\n", Position(1, 8), "U+007F"),
    ],
)
def test_load_control_character_is_named_with_position(text, position, char):
    err = _error(text)
    assert (err.code, err.msg_id, err.position) == ("DX001", "load.control_character", position)
    assert char in err.message("en") and char in err.message("ja")
    assert "制御文字" in err.message("ja")


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
    [*"abc:-[]{}&*!|>'\"#%@`,?\n\t ", "  ", "- ", ": ", "!!python/name:os.system", "&a ", "*a", "---\n", "日本"]
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


# PyYAML's writer puts NEL and the Unicode line separators into text unescaped, where YAML
# reads them as line breaks, and leaves "1e3" unquoted, which YAML 1.2 (and dxkit) reads as a
# number: writer problems, so such text is left out.
_text = st.text(st.characters(exclude_characters="\x85\u2028\u2029", exclude_categories=["Cs"]), max_size=12).filter(
    lambda t: re.fullmatch(r"[-+0-9.eE]+", t) is None
)
_plain = st.one_of(
    _text,
    st.integers(min_value=-MAX_SAFE_INTEGER, max_value=MAX_SAFE_INTEGER),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
_data = st.recursive(
    _plain,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_data, st.booleans())
def test_load_reads_back_what_a_yaml_writer_wrote(data, flow):
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    assert load_text(text, "f.yaml").data == data


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_data, st.booleans())
def test_load_counting_aliases_or_not_builds_the_same_values(data, flow):
    # Files without "*" are built without alias accounting; both ways must agree.
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    root = parse(text, "f.yaml")
    assert build(root, "f.yaml", aliases=False) == build(root, "f.yaml", aliases=True) == data
