"""A report table is drawn character for character as Rich's ``Table`` draws it, only faster."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from dxkit.cli._table import FastTable, rich_table
from dxkit.reporters.blocks import Table

_HOSTILE = "\x1b]0;title\x07[bold]x[/bold] \u202eevil\r\n次の行\t|end"
_JAPANESE = "キーパーソン「山田 花子」と代理「佐藤 次郎」が同じ組織にいて、異動が見込まれています。"
_LONG_CODE = "T-" + "0" * 70

TABLES = {
    "japanese": Table(
        title="停滞中（3 件）　2026年度",
        columns=("タスク", "内容", "期限", "説明責任"),
        rows=(
            ("T-00008", "観光案内のデータを棚卸しする", "2027年3月26日（金）", "組織463（ict-business）"),
            ("T-00029", _JAPANESE, "2027年1月4日（月）", "山田 花子・佐藤 次郎、鍵野 太郎"),
            ("T-00033", "", "", "組織294（ict-business）"),
        ),
        kinds=("code", "text", "code", "name"),
    ),
    "hostile": Table(
        title=_HOSTILE,
        columns=(_HOSTILE, "b", "\u3000c"),
        rows=((_HOSTILE, "- a bullet that goes on\n  and on over lines", "x\n"), ("", "", "")),
    ),
    "english": Table(
        title="Open tries",
        columns=("Try", "Owner", "Due"),
        rows=tuple(
            (f"Agree the data sharing terms with partner number {i} before the review", f"Member {i}", f"2027-01-0{i}")
            for i in range(1, 6)
        ),
        kinds=("text", "name", "code"),
    ),
    "too wide to fit": Table(title="", columns=("id", "note"), rows=((_LONG_CODE, "w" * 90),), kinds=("code", "text")),
    "no rows": Table(title="空", columns=("タスク", "内容"), rows=()),
}


class _File(io.StringIO):
    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def _drawn(renderable: object, width: int, *, colour: bool, encoding: str = "utf-8") -> str:
    out = _File(encoding)
    console = Console(
        file=out,
        width=width,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        force_terminal=colour,
        color_system="truecolor" if colour else None,
    )
    console.print(renderable)
    return out.getvalue()


@pytest.mark.parametrize("name", TABLES)
@pytest.mark.parametrize("width", [6, 12, 30, 47, 80, 123, 200])
@pytest.mark.parametrize("colour", [False, True])
def test_the_table_is_the_one_rich_draws(name: str, width: int, colour: bool) -> None:
    table = TABLES[name]
    assert _drawn(FastTable(table), width, colour=colour) == _drawn(rich_table(table), width, colour=colour)


@pytest.mark.parametrize("name", TABLES)
def test_a_terminal_without_box_characters_gets_the_same_ascii_table(name: str) -> None:
    table = TABLES[name]
    rich = _drawn(rich_table(table), 80, colour=False, encoding="ascii")
    assert "+" in rich or "|" in rich  # the ASCII box, not the heavy one
    assert _drawn(FastTable(table), 80, colour=False, encoding="ascii") == rich


def test_no_control_character_reaches_the_terminal() -> None:
    text = _drawn(FastTable(TABLES["hostile"]), 80, colour=False)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text and "\r" not in text
    assert "\\x1b" in text and "[bold]x[/bold]" in text
