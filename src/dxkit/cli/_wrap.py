"""Where a line of Japanese or English text may break on a terminal, and the breaking itself.

Rich breaks lines only at whitespace, and folds a "word" longer than the column anywhere.
Japanese has no spaces between words, so a Japanese sentence is one long word to Rich, and a
name written with a space (``山田 花子``) is two words that Rich splits at the space. Here a
line is cut into *units* that must stay together, following the usual rules of Japanese line
breaking (JIS X 4051, 禁則処理): a line may break between two Japanese characters, never
before a closing bracket, a comma, a full stop or a small kana, and never after an opening
bracket; a run of Latin letters and digits is one unit, as is a short quotation 「…」 (most
often a name). A name cell breaks only at its natural boundaries (a space, a full-width space,
「・」) and only when the whole name does not fit.

Rich's own measure of width (:func:`rich.cells.cell_len`) is used throughout, so the lines
made here are exactly as wide as Rich will draw them. No library does this for Rich: the
line-breaking libraries (``uniseg``, ``pyicu``) either are not maintained or need a C build, and
the rules needed here are a dozen lines.
"""

from __future__ import annotations

import functools

import budoux
from rich.cells import cell_len, chop_cells

#: Characters a line must not start with (closing brackets, punctuation, small kana, prolonged sound mark).
_NO_START = frozenset(
    "、。，．,.:;!?)]}）」』】〕〉》］｝〙〗〟’”ー・：；？！ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ…‥%％"
)
#: Characters a line must not end with (opening brackets).
_NO_END = frozenset("([{（「『【〔〈《［｛〘〖〝‘“")
_SPACES = frozenset(" \u3000")
#: A quotation 「…」 or a bracketed aside （…） up to this many cells stays on one line: it is
#: most often a name (「山田 花子」, （鍵野 太郎）) or a figure (（媒介中心性 0.83）).
_QUOTE_KEEP = 20
_KEPT = {"「": "」", "『": "』", "（": "）"}
#: A name cell asks its column for at least this many cells (or its own width, if less).
NAME_MIN = 24


@functools.cache
def _phrases() -> budoux.Parser:
    return budoux.load_default_japanese_parser()


def _phrase_starts(line: str) -> set[int]:
    """Where BudouX starts a Japanese phrase in ``line`` (a run of other text is one phrase)."""
    starts: set[int] = set()
    at = 0
    for phrase in _phrases().parse(line):
        starts.add(at)
        at += len(phrase)
    return starts


def _text_units(line: str) -> list[str]:
    units: list[str] = []
    starts = _phrase_starts(line)
    i = 0
    while i < len(line):
        char = line[i]
        if char in _KEPT:
            close = line.find(_KEPT[char], i)
            if close != -1 and cell_len(line[i : close + 1]) <= _QUOTE_KEEP:
                quote = line[i : close + 1]
                may_break = not units or (i in starts and units[-1][-1:] not in _NO_END)
                _add(units, quote, joined=not may_break)
                i = close + 1
                continue
        if char in _SPACES:
            if units:
                units[-1] += char
            else:
                units.append(char)
        elif not units:
            units.append(char)
        else:
            last = units[-1][-1]
            may_break = last in _SPACES or (i in starts and char not in _NO_START and last not in _NO_END)
            _add(units, char, joined=not may_break)
        i += 1
    return units


def _name_units(line: str) -> list[str]:
    """A name's parts: it may break after a space, a full-width space, 「・」 or 「、」 (between names)."""
    units: list[str] = []
    current = ""
    for char in line:
        if current and current[-1] in _SPACES and char not in _SPACES:
            units.append(current)
            current = ""
        current += char
        if char in "・、":
            units.append(current)
            current = ""
    if current:
        units.append(current)
    return units


def _add(units: list[str], piece: str, *, joined: bool) -> None:
    if joined and units and units[-1][-1:] not in _SPACES:
        units[-1] += piece
    else:
        units.append(piece)


def units(line: str, kind: str) -> list[str]:
    """The pieces of ``line`` that stay together on one line (trailing spaces kept)."""
    return list(_units(line, kind))


@functools.lru_cache(maxsize=16384)
def _units(line: str, kind: str) -> tuple[str, ...]:
    """:func:`units`, kept: a table measures each cell and then breaks it, and a name recurs in many rows."""
    if kind == "code":
        return (line,) if line else ()
    return tuple(_name_units(line) if kind == "name" else _text_units(line))


def widest_unit(text: str, kind: str) -> int:
    """The width (in cells) below which a cell of ``text`` would have to break inside a unit."""
    lines = text.split("\n")
    whole = max((cell_len(line) for line in lines), default=0)
    if kind == "code":
        return whole
    widest = max((cell_len(u.rstrip()) for line in lines for u in _units(line, kind)), default=0)
    if kind == "name":
        widest = max(widest, min(whole, NAME_MIN))
    return widest


def wrap(text: str, width: int, kind: str = "text") -> list[str]:
    """``text`` as lines of at most ``width`` cells, broken between units where it can be.

    A unit wider than the line is cut where it must be (by cells). Leading spaces and a leading
    ``- `` of a line are repeated as a hanging indent on the lines it continues on.
    """
    width = max(width, 2)
    out: list[str] = []
    for line in text.split("\n"):
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        hanging = indent + 2 if body.startswith("- ") else indent
        if hanging >= width // 2:
            indent = hanging = 0
        out.extend(_wrap_line(body, width, kind, first=" " * indent, rest=" " * hanging))
    return out


def _wrap_line(line: str, width: int, kind: str, *, first: str, rest: str) -> list[str]:
    lines: list[str] = []
    prefix = first
    current = ""
    for unit in _units(line, kind):
        room = width - cell_len(prefix)
        if cell_len(current + unit.rstrip()) <= room:
            current += unit
            continue
        if current.strip():
            lines.append(prefix + current.rstrip())
            prefix, current = rest, ""
            room = width - cell_len(prefix)
        unit = unit.lstrip() if not current else unit
        while cell_len(unit.rstrip()) > room:
            head = (chop_cells(unit, room) or [""])[0] or unit[0]
            while len(head) > 1 and unit[len(head) : len(head) + 1] in _NO_START:
                head = head[:-1]  # a closing mark never starts the next line: take a character with it
            lines.append(prefix + head.rstrip())
            unit = unit[len(head) :]
            prefix = rest
            room = width - cell_len(prefix)
        current = unit
    lines.append(prefix + current.rstrip())
    return lines
