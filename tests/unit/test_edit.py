"""The edit layer, one operation at a time, in block and flow style: exact text in, exact text out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dxkit.editing import Editor, InvalidEdit, editor_for, load_checked, write_edit
from dxkit.errors import EditConflict, EditError, UsageError
from dxkit.loading import load_text


def edit(text: str, *ops: tuple[Any, ...]) -> str:
    editor = Editor(text, "roles.yaml")
    for name, *args in ops:
        getattr(editor, name)(*args)
    return editor.apply().text


def data(text: str) -> Any:
    return load_text(text.lstrip("\ufeff"), "x.yaml").data


# -- set -----------------------------------------------------------------------------------------

BLOCK = """\
# 役割・期限表
kind: roles
version: 1
tasks:
  # 計画
  - id: T-001
    title: 規約をまとめる   # 行末のコメント
    status: done
    due: "2026-05-31"
    note: 'それぞれ'

  - id: T-002
    title: 呼びかける
    status: in-progress
"""


def test_set_plain_value_changes_only_that_value() -> None:
    after = edit(BLOCK, ("set", ("tasks", 0, "status"), "blocked"))
    assert after == BLOCK.replace("status: done", "status: blocked")


def test_set_keeps_a_trailing_comment_and_the_old_quoting() -> None:
    after = edit(
        BLOCK,
        ("set", ("tasks", 0, "title"), "新しい題"),
        ("set", ("tasks", 0, "due"), "2026-12-24"),
        ("set", ("tasks", 0, "note"), "it's"),
    )
    assert "    title: 新しい題   # 行末のコメント\n" in after
    assert '    due: "2026-12-24"\n' in after
    assert "    note: 'it''s'\n" in after
    assert (
        after.replace("新しい題", "規約をまとめる").replace("2026-12-24", "2026-05-31").replace("'it''s'", "'それぞれ'")
        == BLOCK
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("yes", '"yes"'),
        ("2026-01-01", '"2026-01-01"'),
        ("1e5", '"1e5"'),
        ("a: b", '"a: b"'),
        ("# x", '"# x"'),
        ("- x", '"- x"'),
        ("x #y", '"x #y"'),
        ("", '""'),
        ("two\nlines", '"two\\nlines"'),
        ("\u2028", '"\\u2028"'),
        ("\x1b[31m", '"\\x1B[31m"'),
        ("=SUM(A1)", "=SUM(A1)"),
        (12, "12"),
        (None, "null"),
        (True, "true"),
        (1.5, "1.5"),
    ],
)
def test_set_writes_a_value_so_that_it_reads_back_exactly(value: Any, written: str) -> None:
    after = edit(BLOCK, ("set", ("tasks", 1, "status"), value))
    assert f"    status: {written}\n" in after
    assert data(after)["tasks"][1]["status"] == value


def test_set_the_same_value_changes_nothing() -> None:
    editor = Editor(BLOCK, "roles.yaml")
    editor.set(("tasks", 0, "status"), "done")
    result = editor.apply()
    assert result.text is BLOCK and not result.changed


def test_set_on_an_empty_value() -> None:
    text = "kind: roles\nnote:\nversion: 1\n"
    assert edit(text, ("set", ("note",), "x")) == "kind: roles\nnote: x\nversion: 1\n"


def test_set_a_block_mapping_to_a_new_mapping_keeps_its_place_and_indentation() -> None:
    text = "a:\n    x: 1\n    y: 2\nb: 3\n"
    assert edit(text, ("set", ("a",), {"z": [1, 2]})) == "a:\n    z: [1, 2]\nb: 3\n"


def test_set_a_scalar_to_a_mapping_writes_block_lines() -> None:
    text = "a: null   # later\nb: 3\n"
    assert edit(text, ("set", ("a",), {"k": "v", "l": {"m": 1}})) == "a:   # later\n  k: v\n  l:\n    m: 1\nb: 3\n"


def test_set_a_block_list_to_empty_keeps_the_key_line_comment() -> None:
    text = "tasks:   # all of them\n  - a\n  - b\nz: 1\n"
    assert edit(text, ("set", ("tasks",), [])) == "tasks: []   # all of them\nz: 1\n"


def test_set_a_list_item() -> None:
    text = "l:\n  - a\n  - b\n"
    assert edit(text, ("set", ("l", 1), {"k": 1, "j": 2})) == "l:\n  - a\n  - k: 1\n    j: 2\n"


# -- block scalars ---------------------------------------------------------------------------------

SCALARS = """\
a: |
  first
  second

b: >-
  folded
  text
c: |+
  kept

d: end
"""


def test_block_scalar_stays_literal_for_several_lines() -> None:
    after = edit(SCALARS, ("set", ("a",), "one\ntwo\n"))
    assert after.startswith("a: |\n  one\n  two\n\nb: >-\n")
    assert data(after)["a"] == "one\ntwo\n"


def test_folded_scalar_becomes_literal_without_final_break() -> None:
    after = edit(SCALARS, ("set", ("b",), "x\ny"))
    assert "b: |-\n  x\n  y\nc: |+\n" in after
    assert data(after)["b"] == "x\ny"


def test_block_scalar_set_to_one_line_is_plain() -> None:
    after = edit(SCALARS, ("set", ("a",), "short"))
    assert after.startswith("a: short\n\nb: >-\n")


def test_keep_chomped_scalar_keeps_its_trailing_lines_when_a_key_follows() -> None:
    after = edit(SCALARS, ("set", ("d",), "fin"), ("add_key", (), "e", 1))
    assert after.endswith("c: |+\n  kept\n\nd: fin\ne: 1\n")
    assert data(after)["c"] == "kept\n\n"


def test_literal_that_would_lose_its_break_at_the_end_of_the_file_is_quoted() -> None:
    text = "a: |\n  x\n  y"
    after = edit(text, ("set", ("a",), "p\nq\n"))
    assert after == 'a: "p\\nq\\n"'


# -- add_key -------------------------------------------------------------------------------------


def test_add_key_goes_after_the_last_key_in_the_mappings_indentation() -> None:
    after = edit(BLOCK, ("add_key", ("tasks", 0), "start", "2026-04-01"))
    assert after == BLOCK.replace("    note: 'それぞれ'\n", "    note: 'それぞれ'\n    start: \"2026-04-01\"\n")


def test_add_key_with_a_mapping_value_writes_nested_lines() -> None:
    after = edit(BLOCK, ("add_key", ("tasks", 1), "delay", {"reason": "雨", "new_due": "2026-07-01"}))
    assert after.endswith('    status: in-progress\n    delay:\n      reason: 雨\n      new_due: "2026-07-01"\n')


def test_add_key_follows_the_files_mapping_indentation() -> None:
    text = "a:\n    b: 1\n"
    assert edit(text, ("add_key", (), "c", {"d": {"e": 1}})) == "a:\n    b: 1\nc:\n    d:\n        e: 1\n"


def test_add_key_to_an_empty_flow_mapping_under_a_key_makes_it_block() -> None:
    text = "indicator: {}  # 未定\nz: 1\n"
    assert edit(text, ("add_key", ("indicator",), "name", "人数")) == "indicator:  # 未定\n  name: 人数\nz: 1\n"


def test_add_key_in_spaced_mapping_keeps_the_spacing() -> None:
    text = "a: 1\n\nb: 2\n"
    assert edit(text, ("add_key", (), "c", 3)) == "a: 1\n\nb: 2\n\nc: 3\n"


def test_add_key_with_a_hostile_key_quotes_it() -> None:
    after = edit("a: 1\n", ("add_key", (), "- x: y", 2), ("add_key", (), "no", 3))
    assert after == 'a: 1\n"- x: y": 2\n"no": 3\n'
    assert data(after) == {"a": 1, "- x: y": 2, "no": 3}


# -- delete_key ------------------------------------------------------------------------------------


def test_delete_key_removes_exactly_its_lines() -> None:
    after = edit(BLOCK, ("delete_key", ("tasks", 0), "due"))
    assert after == BLOCK.replace('    due: "2026-05-31"\n', "")


def test_delete_key_with_nested_lines() -> None:
    text = "a: 1\nb:\n  c: 2\n  d:\n    - 3\ne: 4\n"
    assert edit(text, ("delete_key", (), "b")) == "a: 1\ne: 4\n"


def test_delete_first_key_of_a_compact_item_moves_the_next_key_up() -> None:
    after = edit(BLOCK, ("delete_key", ("tasks", 1), "id"))
    assert after.endswith("  - title: 呼びかける\n    status: in-progress\n")


def test_delete_the_only_key_leaves_an_empty_mapping() -> None:
    text = "a:\n  b: 1\nc: 2\n"
    assert edit(text, ("delete_key", ("a",), "b")) == "a: {}\nc: 2\n"


def test_delete_key_whose_value_is_a_block_scalar() -> None:
    assert edit(SCALARS, ("delete_key", (), "a")) == SCALARS.replace("a: |\n  first\n  second\n\n", "")


# -- append ----------------------------------------------------------------------------------------


def test_append_follows_the_lists_spacing_and_indentation() -> None:
    after = edit(BLOCK, ("append", ("tasks",), {"id": "T-003", "title": "まとめる", "responsible": ["a", "b"]}))
    assert after == BLOCK + "\n  - id: T-003\n    title: まとめる\n    responsible: [a, b]\n"


def test_append_to_a_compact_list_with_wide_item_indentation() -> None:
    text = "l:\n-   a: 1\n    b: 2\n-   a: 3\n"
    assert edit(text, ("append", ("l",), {"a": 5, "b": 6})) == text + "-   a: 5\n    b: 6\n"


def test_append_a_long_list_of_text_writes_block_lines() -> None:
    item = ["x" * 50, "y" * 50]
    assert edit("l: [1]\n", ("append", ("l",), item)) == f"l: [1, [{'x' * 50}, {'y' * 50}]]\n"
    assert edit("l:\n  - 1\n", ("append", ("l",), item)) == f"l:\n  - 1\n  - - {'x' * 50}\n    - {'y' * 50}\n"


def test_append_to_an_empty_flow_list_under_a_key_makes_a_block_list() -> None:
    text = "kind: issues\nissues: []   # まだない\n"
    after = edit(text, ("append", ("issues",), {"id": "I-001"}), ("append", ("issues",), {"id": "I-002"}))
    assert after == "kind: issues\nissues:   # まだない\n  - id: I-001\n  - id: I-002\n"


def test_append_scalar_items() -> None:
    assert edit("l:\n- a\n", ("append", ("l",), "b"), ("append", ("l",), None)) == "l:\n- a\n- b\n- null\n"


# -- delete_item -------------------------------------------------------------------------------------


def test_delete_item_takes_the_blank_line_above_it_and_keeps_comments() -> None:
    text = BLOCK + "\n  - id: T-003\n    title: x\n"
    assert (
        edit(text, ("delete_item", ("tasks",), 1))
        == BLOCK.replace("\n  - id: T-002\n    title: 呼びかける\n    status: in-progress\n", "")
        + "\n  - id: T-003\n    title: x\n"
    )


def test_delete_first_item_keeps_the_comment_above_it() -> None:
    after = edit(BLOCK, ("delete_item", ("tasks",), 0))
    head = "# 役割・期限表\nkind: roles\nversion: 1\ntasks:\n  # 計画\n"
    assert after == head + "  - id: T-002\n    title: 呼びかける\n    status: in-progress\n"


def test_delete_every_item_leaves_an_empty_list() -> None:
    text = "l:\n  - a\n  - b\nz: 1\n"
    assert edit(text, ("delete_item", ("l",), 0), ("delete_item", ("l",), 1)) == "l: []\nz: 1\n"


def test_delete_items_and_append_together_use_the_original_indices() -> None:
    text = "l:\n  - a\n  - b\n  - c\n"
    after = edit(text, ("delete_item", ("l",), 0), ("delete_item", ("l",), 2), ("append", ("l",), "d"))
    assert after == "l:\n  - b\n  - d\n"


# -- flow style ------------------------------------------------------------------------------------

FLOW = """\
kind: roles
version: 1
tasks:
  - {id: T-001, title: "規約", status: done}   # 一行で書いたタスク
  - id: T-002
    title: 呼びかける
    status: in-progress
"""


def test_flow_task_in_a_block_list_set_add_and_delete() -> None:
    after = edit(
        FLOW,
        ("set", ("tasks", 0, "status"), "blocked"),
        ("set", ("tasks", 0, "title"), "新しい"),
        ("add_key", ("tasks", 0), "delay", {"reason": "雨"}),
    )
    assert after == FLOW.replace(
        '{id: T-001, title: "規約", status: done}', '{id: T-001, title: "新しい", status: blocked, delay: {reason: 雨}}'
    )


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("id", '{title: "規約", status: done}'),
        ("title", "{id: T-001, status: done}"),
        ("status", '{id: T-001, title: "規約"}'),
    ],
)
def test_flow_mapping_delete_each_position(key: str, line: str) -> None:
    assert edit(FLOW, ("delete_key", ("tasks", 0), key)) == FLOW.replace(
        '{id: T-001, title: "規約", status: done}', line
    )


def test_flow_mapping_delete_every_key() -> None:
    after = edit(FLOW, *(("delete_key", ("tasks", 0), k) for k in ("id", "title", "status")))
    assert "  - {}   # 一行で書いたタスク\n" in after


def test_flow_list_append_delete_and_nesting() -> None:
    text = "a: [x, y, z]\nb: {p: [1, 2], q: {}}\n"
    after = edit(
        text,
        ("delete_item", ("a",), 1),
        ("append", ("a",), "w, v"),
        ("append", ("b", "p"), 3),
        ("add_key", ("b", "q"), "r", [True]),
    )
    assert after == 'a: [x, z, "w, v"]\nb: {p: [1, 2, 3], q: {r: [true]}}\n'


def test_flow_list_written_over_lines_gets_a_line_per_new_item() -> None:
    text = "tasks: [\n  {id: a},\n  {id: b},\n]\n"
    after = edit(text, ("append", ("tasks",), {"id": "c"}))
    assert after == "tasks: [\n  {id: a},\n  {id: b},\n  {id: c},\n]\n"


def test_flow_list_item_comment_stays_on_its_line() -> None:
    text = "l: [\n  a,   # one\n  b   # two\n]\n"
    after = edit(text, ("append", ("l",), "c"), ("append", ("l",), "d"))
    assert after == "l: [\n  a,   # one\n  b,   # two\n  c,\n  d\n]\n"
    text = "l: [\n  a,\n  b,  # two\n]\n"
    assert edit(text, ("append", ("l",), "c")) == "l: [\n  a,\n  b,  # two\n  c,\n]\n"


def test_flow_list_delete_the_tail_and_append() -> None:
    text = "l: [\n  a,\n  b,\n  c\n]\n"
    after = edit(text, ("delete_item", ("l",), 2), ("delete_item", ("l",), 1), ("append", ("l",), "z"))
    assert after == "l: [\n  a,\n  z\n]\n"


def test_flow_root_document() -> None:
    text = "{kind: roles, version: 1, tasks: []}\n"
    after = edit(text, ("append", ("tasks",), {"id": "T-1"}))
    assert after == "{kind: roles, version: 1, tasks: [{id: T-1}]}\n"


def test_mapping_without_braces_inside_a_flow_list_is_refused_with_its_line() -> None:
    text = "kind: x\nl: [a: 1, b]\n"
    with pytest.raises(EditError) as caught:
        edit(text, ("add_key", ("l", 0), "c", 2))
    assert caught.value.msg_id == "edit.unsupported"
    assert "roles.yaml:2:5" in caught.value.message("ja") and "roles.yaml:2:5" in caught.value.message("en")
    assert edit(text, ("set", ("l", 0, "a"), 5)) == "kind: x\nl: [a: 5, b]\n"


# -- the whole file ----------------------------------------------------------------------------------


def test_crlf_line_endings_are_kept_in_new_lines() -> None:
    text = BLOCK.replace("\n", "\r\n")
    after = edit(
        text,
        ("append", ("tasks",), {"id": "T-003", "title": "x"}),
        ("add_key", ("tasks", 0), "start", "2026-01-01"),
        ("delete_key", ("tasks", 1), "status"),
    )
    assert "\n" not in after.replace("\r\n", "")
    assert after.replace("\r\n", "\n") == edit(
        BLOCK,
        ("append", ("tasks",), {"id": "T-003", "title": "x"}),
        ("add_key", ("tasks", 0), "start", "2026-01-01"),
        ("delete_key", ("tasks", 1), "status"),
    )


def test_byte_order_mark_is_kept() -> None:
    after = edit("\ufeffkind: roles\ntasks: []\n", ("append", ("tasks",), "a"))
    assert after == "\ufeffkind: roles\ntasks:\n  - a\n"


def test_file_without_final_newline_stays_so() -> None:
    text = "a: 1\nl:\n  - x"
    assert edit(text, ("append", ("l",), "y")) == "a: 1\nl:\n  - x\n  - y"
    assert edit(text, ("add_key", (), "b", 2)) == "a: 1\nl:\n  - x\nb: 2"
    assert edit(text, ("set", ("l", 0), "z")) == "a: 1\nl:\n  - z"
    assert edit(text, ("delete_key", (), "l")) == "a: 1\n"


def test_comments_and_blank_lines_around_an_edit_stay() -> None:
    text = "# head\n\na: 1  # one\n\n# between\nb: 2\n\n# tail\n"
    assert edit(text, ("set", ("b",), 3), ("add_key", (), "c", 4)) == (
        "# head\n\na: 1  # one\n\n# between\nb: 3\n\nc: 4\n\n# tail\n"
    )


def test_aliases_are_refused_not_edited_in_two_places() -> None:
    text = "base: &b {x: 1}\nother: *b\n"
    with pytest.raises(EditError) as caught:
        edit(text, ("set", ("other", "x"), 2))
    assert caught.value.msg_id == "edit.unsupported"
    with pytest.raises(EditError):
        edit(text, ("add_key", ("base",), "y", 2))


def test_a_result_that_does_not_read_back_as_intended_is_refused() -> None:
    text = "a: 1\nb: 2\n"
    editor = Editor(text, "roles.yaml", base={"a": 1, "b": 5})  # data that is not this text's
    editor.set(("a",), 3)
    with pytest.raises(EditError) as caught:
        editor.apply()
    assert caught.value.msg_id == "edit.mismatch"
    assert "b" in caught.value.message("en") and "報告" in caught.value.message("ja")


def test_editor_for_reuses_the_documents_data_only_for_its_own_text() -> None:
    doc = load_text("a: 1\n", "x.yaml")
    assert editor_for(doc, "a: 1\n").base() is doc.data
    assert editor_for(doc, "a: 2\n").base() == {"a": 2}


@pytest.mark.parametrize(
    "ops",
    [
        [("set", ("missing",), 1)],
        [("add_key", (), "a", 1)],
        [("delete_key", (), "zz")],
        [("append", ("a",), 1)],
        [("delete_item", ("l",), 5)],
        [("set", ("a",), float("nan"))],
        [("set", ("a",), {1: "x"})],
        [("set", ("a",), object())],
        [("set", ("l", 0), 1), ("delete_item", ("l",), 0)],
        [("delete_key", (), "l"), ("append", ("l",), 1)],
        [("add_key", (), "n", 1), ("add_key", (), "n", 2)],
    ],
)
def test_edits_that_make_no_sense_are_a_bug_in_the_caller(ops: list[tuple[Any, ...]]) -> None:
    with pytest.raises(InvalidEdit):
        edit("a: 1\nl: [x]\n", *ops)


def test_no_edits_give_the_same_text() -> None:
    result = Editor("a: [1\n", "x.yaml").apply()  # not even read
    assert result.text == "a: [1\n" and not result.changed


# -- reading and writing files --------------------------------------------------------------------


def test_write_edit_keeps_the_byte_order_mark_and_refuses_a_changed_file(tmp_path: Path) -> None:
    path = tmp_path / "issues.yaml"
    original = b"\xef\xbb\xbfkind: issues\nversion: 1\nissues: []\n"
    path.write_bytes(original)
    write_edit(path, original, "kind: issues\nversion: 1\nissues: []  # 空\n", "ja")
    assert path.read_bytes() == b"\xef\xbb\xbfkind: issues\nversion: 1\nissues: []  # \xe7\xa9\xba\n"
    with pytest.raises(EditConflict):
        write_edit(path, original, "kind: issues\nversion: 1\nissues: []\n", "en")
    assert path.read_bytes().endswith("# 空\n".encode())


def test_write_edit_refuses_an_invalid_result(tmp_path: Path) -> None:
    path = tmp_path / "issues.yaml"
    original = b"kind: issues\nversion: 1\nissues: []\n"
    path.write_bytes(original)
    with pytest.raises(UsageError) as caught:
        write_edit(path, original, "kind: issues\nversion: 1\nissues: [{id: x}]\n", "en")
    assert caught.value.msg_id == "edit.broken"
    assert path.read_bytes() == original


def test_write_edit_uses_the_proven_document_only_for_its_own_text(tmp_path: Path) -> None:
    path = tmp_path / "issues.yaml"
    original = b"kind: issues\nversion: 1\nissues: []\n"
    path.write_bytes(original)
    bad = "kind: issues\nversion: 1\nissues: [{id: x}]\n"
    with pytest.raises(UsageError) as caught:
        write_edit(path, original, bad, "en", document=load_text(bad, str(path)))
    assert caught.value.msg_id == "edit.broken"
    good = "kind: issues\nversion: 1\nissues: []  # ok\n"
    with pytest.raises(UsageError):  # a document of another text is not trusted for this one
        write_edit(path, original, bad, "en", document=load_text(good, str(path)))
    write_edit(path, original, good, "en", document=load_text(good, str(path)))
    assert path.read_bytes() == good.encode()


def test_load_checked_points_at_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "roles.yaml"
    path.write_text("kind: roles\nversion: 1\ntasks: [\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_checked(path, ("roles",), "en")
    assert caught.value.msg_id == "agenda.unreadable" and caught.value.params["line"] >= 3
    path.write_text("kind: issues\nversion: 1\nissues: []\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_checked(path, ("roles",), "en")
    assert caught.value.msg_id == "command.wrong_kind"
    assert load_checked(path, ("issues",), "en").data["issues"] == []
