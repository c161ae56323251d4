"""Tables and lines on an 80-column terminal: nothing wider, names whole, Japanese broken by its rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from dxkit.cli._wrap import wrap
from tests.conftest import TODAY
from tests.helpers import invoke

COMMANDS = (["status"], ["gate"], ["keyperson"])
_CLOSING = "、。）」』"


def _run(args: list[str], folder: Path, lang: str, columns: int = 80) -> str:
    result = invoke([*args, str(folder), "--lang", lang, "--today", TODAY.isoformat()], env={"COLUMNS": str(columns)})
    return result.stdout


@pytest.mark.parametrize("args", COMMANDS)
def test_no_line_is_wider_than_the_terminal(sample: Path, lang: str, args: list[str]) -> None:
    for line in _run(args, sample, lang).splitlines():
        assert cell_len(line) <= 80, line


@pytest.mark.parametrize("args", COMMANDS)
def test_japanese_cells_use_no_ascii_semicolon(sample: Path, args: list[str]) -> None:
    out = _run(args, sample, "ja").split("```mermaid")[0]
    assert ";" not in out


@pytest.mark.parametrize("args", COMMANDS)
def test_no_line_of_a_japanese_table_starts_with_a_closing_mark(sample: Path, args: list[str]) -> None:
    for line in _run(args, sample, "ja").splitlines():
        for cell in line.split("│")[1:-1]:
            assert not cell.strip()[:1] or cell.strip()[0] not in _CLOSING, line


def test_a_member_name_that_fits_its_column_is_not_split(sample: Path, lang: str) -> None:
    out = _run(["status"], sample, lang)
    members = (sample / "members.yaml").read_text(encoding="utf-8")
    names = [line.split("name:", 1)[1].strip() for line in members.splitlines() if line.strip().startswith("name:")]
    member_column = [line.split("│")[1].strip() for line in out.splitlines() if line.count("│") == 6]
    shown = " ".join(member_column)
    whole = [name for name in names if cell_len(name) <= 22]  # fits the narrowest name column
    assert whole
    for name in whole:
        assert any(name in cell for cell in member_column), (name, shown)


def test_a_quoted_name_stays_on_one_line() -> None:
    text = "キーパーソン「山田 花子」と代理「佐藤 次郎」が同じ組織にいて、異動が見込まれています。"
    for width in range(14, 40):
        lines = wrap(text, width)
        assert all(cell_len(line) <= width for line in lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        joined = "\n".join(lines)
        assert "「山田 花子」" in joined and "「佐藤 次郎」" in joined, (width, lines)
        assert not any(line[:1] in _CLOSING for line in lines), (width, lines)


def test_a_name_breaks_at_its_own_boundaries_only_when_it_does_not_fit() -> None:
    assert wrap("〇〇新聞社・〇〇ケーブルテレビ", 40, "name") == ["〇〇新聞社・〇〇ケーブルテレビ"]
    assert wrap("〇〇新聞社・〇〇ケーブルテレビ", 20, "name") == ["〇〇新聞社・", "〇〇ケーブルテレビ"]
    assert wrap("サンプル市　デジタル推進課", 16, "name") == ["サンプル市", "デジタル推進課"]
    assert wrap("Sample City, Digital Promotion Division", 22, "name") == [
        "Sample City, Digital",
        "Promotion Division",
    ]


def test_english_breaks_between_words() -> None:
    lines = wrap("directly connected to 5 members; accountable for 3 tasks", 24)
    assert lines == ["directly connected to 5", "members; accountable for", "3 tasks"]


def test_a_bullet_continues_under_its_text() -> None:
    lines = wrap("  - D1 (魅力): 住民ヒアリングとワークショップで、課題の切実さが確かめられている", 30)
    assert lines[0].startswith("  - D1")
    assert all(line.startswith("    ") for line in lines[1:])
    assert all(cell_len(line) <= 30 for line in lines)


def test_a_name_in_brackets_stays_on_one_line() -> None:
    text = "1 件のタスクで説明責任を持つ、規約でキーパーソンに指名されている（鍵野 個人名太郎）、地域の実情を知る立場"
    for width in range(22, 40):  # wide enough for the aside and the comma that goes with it
        lines = wrap(text, width)
        assert any("（鍵野 個人名太郎）" in line for line in lines), (width, lines)
