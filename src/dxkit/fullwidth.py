"""Full-width characters typed where YAML or an id expects ASCII.

A Japanese input method gives a full-width space (U+3000), colon ``：``, hyphen ``－``, long
vowel mark ``ー``, digits ``２０２６`` or the ideographic comma ``、`` as easily as their ASCII
forms, and they look nearly alike. YAML does not take them for its own marks, so
``accountable:　catv`` is no ``key: value`` and the parser stops on the next line with a message
about a missing colon. This module finds the character itself, so a message can name it (全角,
its code point) at its own line and column.

Two questions are answered here, both on text only:

* :func:`structural` – in the lines a YAML syntax error covers, a full-width character that
  stands where YAML expects one of its marks: in the indentation, as a key's colon, as the space
  after a colon or a list's ``-``, as the ``-`` of a list item;
* :func:`suspects_in` – in a value the schema refused, the characters that have an ASCII form
  the value should have used (``T－001``, ``２０２６-04-01``, ``town、univ``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dxkit.i18n import translate

#: Characters that have an ASCII form a YAML mark or an id uses, each with the name of its kind
#: (a message id suffix: ``fullwidth.name.<kind>``) and that ASCII form.
_OTHERS: dict[str, tuple[str, str]] = {
    "\u3000": ("space", " "),
    "\uff1a": ("colon", ":"),
    "\uff0d": ("hyphen", "-"),
    "\u2010": ("dash", "-"),
    "\u2011": ("dash", "-"),
    "\u2012": ("dash", "-"),
    "\u2013": ("dash", "-"),
    "\u2014": ("dash", "-"),
    "\u2015": ("dash", "-"),
    "\u2212": ("minus", "-"),
    "\u30fc": ("long_vowel", "-"),
    "\uff70": ("long_vowel", "-"),
    "\u3001": ("ideographic_comma", ","),
    "\uff0c": ("comma", ","),
    "\u3002": ("ideographic_full_stop", "."),
    "\uff0e": ("full_stop", "."),
    "\uff3f": ("underscore", "_"),
    "\uff3b": ("bracket", "["),
    "\uff3d": ("bracket", "]"),
    "\uff5b": ("brace", "{"),
    "\uff5d": ("brace", "}"),
    "\uff02": ("quote", '"'),
    "\uff07": ("quote", "'"),
    "\uff03": ("hash", "#"),
}
#: The kinds whose ASCII form is always what was meant: a full-width letter, digit or sign.
#: The others (``ー``, ``、``, a dash) are ordinary Japanese text and suspect only in an id or a date.
_FULL_WIDTH_FORMS = frozenset({"space", "colon", "hyphen", "comma", "full_stop", "underscore", "bracket", "brace"})


@dataclass(frozen=True)
class Suspect:
    """One character, where it stands in its text, and what to write instead."""

    char: str
    #: ``space``, ``colon``, ``digit`` …: the message id ``fullwidth.name.<kind>`` names it.
    kind: str
    ascii: str
    #: 0-based offset in the text it was found in.
    offset: int

    @property
    def code_point(self) -> str:
        return f"U+{ord(self.char):04X}"


def classify(char: str) -> tuple[str, str] | None:
    """``(kind, ASCII form)`` of a character that has one, or ``None``."""
    code = ord(char)
    if 0xFF10 <= code <= 0xFF19:
        return "digit", chr(code - 0xFEE0)
    if 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return "letter", chr(code - 0xFEE0)
    return _OTHERS.get(char)


def suspects_in(text: str, *, strict: bool = True) -> list[Suspect]:
    """The characters of ``text`` that have an ASCII form, in order.

    With ``strict`` (an id, a date, a member id) every one counts; otherwise (a choice, a field
    that should have been a mapping) only full-width forms of ASCII characters do, not ``ー`` or
    ``、``, which belong to Japanese words.
    """
    found = []
    for offset, char in enumerate(text):
        known = classify(char)
        if known is None:
            continue
        kind, ascii_form = known
        if strict or kind in _FULL_WIDTH_FORMS or kind in ("digit", "letter"):
            found.append(Suspect(char, kind, ascii_form, offset))
    return found


def marks_in(text: str) -> list[Suspect]:
    """The full-width characters of a text that would have made it YAML structure in ASCII.

    A text where the schema wants a mapping, a list or a number (``title：x``, ``［city］``,
    ``１``): a colon, a bracket, a comma or a digit, and a full-width space only after a colon.
    Other full-width spaces belong to the text (``市役所　企画課``).
    """
    marks = ("colon", "bracket", "brace", "comma", "digit")
    return [
        s
        for s in suspects_in(text)
        if s.kind in marks or (s.kind == "space" and s.offset and text[s.offset - 1] in ":：")
    ]


def to_ascii(text: str, suspects: list[Suspect]) -> str:
    """``text`` with each suspect replaced by its ASCII form (``、`` by ``, ``)."""
    chars = list(text)
    for suspect in suspects:
        chars[suspect.offset] = ", " if suspect.kind == "ideographic_comma" else suspect.ascii
    return "".join(chars)


# -- in the lines of a syntax error -------------------------------------------------------------

_DASHES = "－ー‐−"
#: Where a full-width character stands for a YAML mark, by line. Each pattern's group 1 is the
#: character. A key is text without a colon, quote or comment mark before it.
_STRUCTURAL = (
    re.compile("^[ ]*(\u3000)"),  # indentation
    re.compile("^[ \u3000]*(?:-[ \u3000]+)?[^\\s\"'#:：\\-][^:：#]*?(：)"),  # a key's colon
    re.compile("^[ \u3000]*(?:-[ \u3000]+)?[^\\s\"'#:：\\-][^:：#]*?:(\u3000)"),  # the space after it
    re.compile("^[ \u3000]*-(\u3000)"),  # the space after a list's "-"
    re.compile(f"^[ \u3000]*([{_DASHES}])[ \u3000]"),  # a list item's "-"
)


def structural(text: str, first_line: int, last_line: int, last_column: int) -> tuple[int, Suspect] | None:
    """The full-width mark nearest before a syntax error, as ``(0-based line, suspect)``.

    Only lines ``first_line`` to ``last_line`` (0-based, both included) are read, up to the
    column ``last_column`` (0-based) on the last one: the lines the parser was reading when it
    stopped. Comments are not read.
    """
    lines = text.split("\n")
    best: tuple[int, Suspect] | None = None
    for number in range(max(0, first_line), min(last_line, len(lines) - 1) + 1):
        line = lines[number]
        if line.lstrip(" \u3000").startswith("#"):
            continue
        for pattern in _STRUCTURAL:
            match = pattern.match(line)
            if match is None:
                continue
            offset = match.start(1)
            if number == last_line and offset > last_column:
                continue
            kind, ascii_form = classify(match.group(1)) or ("space", " ")
            found = (number, Suspect(match.group(1), kind, ascii_form, offset))
            if best is None or (found[0], found[1].offset) > (best[0], best[1].offset):
                best = found
    return best


#: The message that names each kind of character (ids spelt out, so a test can find them).
NAME_IDS: dict[str, str] = {
    "space": "fullwidth.name.space",
    "colon": "fullwidth.name.colon",
    "hyphen": "fullwidth.name.hyphen",
    "dash": "fullwidth.name.dash",
    "minus": "fullwidth.name.minus",
    "long_vowel": "fullwidth.name.long_vowel",
    "ideographic_comma": "fullwidth.name.ideographic_comma",
    "comma": "fullwidth.name.comma",
    "ideographic_full_stop": "fullwidth.name.ideographic_full_stop",
    "full_stop": "fullwidth.name.full_stop",
    "underscore": "fullwidth.name.underscore",
    "bracket": "fullwidth.name.bracket",
    "brace": "fullwidth.name.brace",
    "quote": "fullwidth.name.quote",
    "hash": "fullwidth.name.hash",
    "digit": "fullwidth.name.digit",
    "letter": "fullwidth.name.letter",
}


def describe(suspect: Suspect, lang: str) -> dict[str, str]:
    """The parameters a message shows for ``suspect``: ``char`` (「：」（U+FF1A 全角コロン）) and ``ascii``."""
    name = translate(NAME_IDS[suspect.kind], lang)
    char = translate("fullwidth.char", lang, char=suspect.char, code=suspect.code_point, name=name)
    if suspect.kind == "space":
        ascii_form = translate("fullwidth.ascii.space", lang)
    else:
        ascii_form = translate("fullwidth.ascii.other", lang, ascii=suspect.ascii)
    return {"char": char, "ascii": ascii_form}
