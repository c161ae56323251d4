"""How a new value is written: the plainest text that reads back as exactly that value.

Every string is hostile: a value is written plain only when no YAML reader could take it for
anything else (a number, a date, ``yes``, a comment, a flow indicator), and otherwise in double
quotes with every character that is not printable, and every line break, escaped. The strict
loader's rules for numbers are repeated here on purpose, so this module does not depend on the
loader's internals; the edit's proof (re-reading the result) catches any disagreement.
"""

from __future__ import annotations

import math
import re
from typing import Any

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from dxkit.editing.tree import Indents

#: Nesting deeper than this is not something a governance file holds (the loader allows 64).
MAX_DEPTH = 64
#: A list of short values is written on one line (``[a, b]``) when it fits in this many characters.
FLOW_LIST_WIDTH = 80

_STR = "tag:yaml.org,2002:str"
_YAML11 = Resolver()
_STRICT_NUMBER = re.compile(
    r"^[-+]?(?:0|[1-9][0-9]*)$|^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)$"
)
_STRICT_WORDS = frozenset({"", "~", "null", "Null", "NULL", "true", "false"})
_NOT_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`")
_NEVER_PLAIN = frozenset(",[]{}:")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\x00": "\\0"}


class InvalidEdit(Exception):
    """An edit that makes no sense (a missing path, a value YAML cannot hold): a bug in the caller.

    Expected failures of an edit are :class:`dxkit.errors.EditError`; this one means the code
    asking for the edit is wrong, whatever the file holds.
    """


def printable(ch: str) -> bool:
    """Whether YAML lets ``ch`` stand as itself inside a scalar on one line."""
    o = ord(ch)
    return (
        0x20 <= o <= 0x7E
        or (0xA0 <= o <= 0xD7FF and o not in (0x2028, 0x2029))
        or (0xE000 <= o <= 0xFFFD and o != 0xFEFF)
        or 0x10000 <= o <= 0x10FFFF
    )


def plain_ok(text: str) -> bool:
    """Whether ``text`` may be written without quotes, in block and in flow context alike."""
    if not text or text[0] in _NOT_FIRST or text[0] in " \t" or text[-1] in " \t":
        return False
    if " #" in text or any(ch in _NEVER_PLAIN or not printable(ch) for ch in text):
        return False
    if text in _STRICT_WORDS or _STRICT_NUMBER.match(text):
        return False
    tag: str = _YAML11.resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag == _STR


def double_quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif printable(ch):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02X}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(f"\\U{ord(ch):08X}")
    return '"' + "".join(out) + '"'


def single_quoted(text: str) -> str | None:
    if not all(printable(ch) for ch in text):
        return None
    return "'" + text.replace("'", "''") + "'"


def check_value(value: Any, depth: int = 0) -> None:
    """Refuse what a governance file cannot hold: only YAML's plain data types, text keys."""
    if depth > MAX_DEPTH:
        raise InvalidEdit("value nested too deeply")
    if value is None or isinstance(value, bool | int | str):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidEdit(f"{value!r} cannot be written")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidEdit(f"mapping key {key!r} is not text")
            check_value(item, depth + 1)
        return
    if isinstance(value, list | tuple):
        for item in value:
            check_value(item, depth + 1)
        return
    raise InvalidEdit(f"{type(value).__name__} cannot be written to YAML")


def scalar(value: Any, style: str | None = None) -> str:
    """One scalar on one line; a string keeps the old value's quoting when it still can."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    text: str = value
    if style == "'":
        quoted = single_quoted(text)
        if quoted is not None:
            return quoted
    if style != '"' and style != "'" and plain_ok(text):
        return text
    return double_quoted(text)


def key_text(key: str) -> str:
    return key if plain_ok(key) else double_quoted(key)


def is_collection(value: Any) -> bool:
    return isinstance(value, dict | list | tuple)


def flow(value: Any) -> str:
    """A value on one line: scalars as :func:`scalar`, collections in brackets."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key_text(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def _on_one_line(value: Any) -> str | None:
    """The value's one-line form when it reads well that way (a scalar, an empty or short list)."""
    if not is_collection(value) or not value:
        return flow(value)
    if isinstance(value, list | tuple) and not any(is_collection(v) for v in value):
        text = flow(value)
        if len(text) <= FLOW_LIST_WIDTH:
            return text
    return None


def block_lines(value: Any, col: int, indents: Indents) -> list[str]:
    """A non-empty collection as block lines starting at column ``col``.

    The first line carries no indentation (it goes where the value starts, after ``- `` or on a
    line of its own); every following line carries its full indentation.
    """
    lines: list[str] = []
    if isinstance(value, dict):
        for i, (key, item) in enumerate(value.items()):
            pad = "" if i == 0 else " " * col
            one_line = _on_one_line(item)
            if one_line is not None:
                lines.append(f"{pad}{key_text(key)}: {one_line}")
                continue
            lines.append(f"{pad}{key_text(key)}:")
            inner = col + (indents.mapping if isinstance(item, dict) else indents.sequence)
            nested = block_lines(item, inner, indents)
            lines.append(" " * inner + nested[0])
            lines.extend(nested[1:])
        return lines
    for i, item in enumerate(value):
        pad = "" if i == 0 else " " * col
        dash = "-" + " " * (indents.item - 1)
        one_line = _on_one_line(item)
        if one_line is not None:
            lines.append(pad + dash + one_line)
            continue
        nested = block_lines(item, col + indents.item, indents)
        lines.append(pad + dash + nested[0])
        lines.extend(nested[1:])
    return lines


def literal_lines(text: str, indent: int) -> list[str] | None:
    """A multi-line string as a literal block scalar (``|`` header first), or ``None`` if it cannot be.

    Only clip (one final line break) and strip (none) are written: keep chomping would swallow
    the blank lines that follow in the file.
    """
    if "\n" not in text.rstrip("\n") or text[0] in " \n" or text.endswith("\n\n"):
        return None
    if not all(ch == "\n" or (printable(ch) and ch != "\t") for ch in text):
        return None
    body = text[:-1] if text.endswith("\n") else text
    header = "|" if text.endswith("\n") else "|-"
    return [header] + [(" " * indent + line) if line else "" for line in body.split("\n")]
