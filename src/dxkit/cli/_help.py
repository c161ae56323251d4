"""Help pages and usage lines in dxkit's own words, wrapped for a terminal of any width.

Typer draws help with Rich panels; Rich breaks lines only at spaces, so a Japanese sentence
(which has none) is cut with ``…`` instead of wrapped, and the panels' titles, ``[required]``,
``[default: …]`` and the type column are Typer's English. This module lays out a page from
plain facts about a command (:class:`Page`, gathered by :mod:`dxkit.cli._click_texts`) with every
word from the message catalogue, as plain text:

* Japanese wraps between any two characters, except that a line never starts with a closing
  bracket, a comma, a full stop or a small kana, and never ends with an opening bracket
  (the basic 禁則 of JIS X 4051);
* a run of Latin letters, digits and ASCII punctuation (``--format``, ``roles.xlsx``) stays
  whole, and so does every option name and metavar;
* nothing is ever cut: a word wider than its column is folded onto the next line.

:mod:`textwrap` and Rich both break only at spaces, and ICU (PyICU) would add a large C
library for these few rules, so the wrapping is written here. Widths are terminal cells, as
Rich counts them (:func:`rich.cells.cell_len`): a Japanese character takes two.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from dxkit.i18n import t

#: The widest help page, however wide the terminal: longer lines are hard to read.
MAX_WIDTH = 100
#: The narrowest page laid out in columns.
MIN_WIDTH = 40

#: Characters a line may not start with: closing brackets, punctuation, small kana, marks.
NO_LINE_START = frozenset(
    "、。，．,.・：；:;？！?!ー―‐～）」』】〕〉》］｝〙〗)]}’”ゝゞヽヾ々"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ…‥"
)
#: Characters a line may not end with: opening brackets.
NO_LINE_END = frozenset("（「『【〔〈《［｛〘〖([{‘“")


@dataclass(frozen=True)
class Param:
    """What a help page says about one argument or option."""

    kind: Literal["argument", "option"]
    name: str
    opts: tuple[str, ...] = ()  # short names first: ("-f", "--format")
    secondary_opts: tuple[str, ...] = ()  # the "off" names of an on/off flag: ("--no-bom",)
    takes_value: bool = True
    choices: tuple[str, ...] = ()
    metavar: str | None = None  # a catalogue text (with its id) or None for the type's own
    value_type: type | None = None
    help: str = ""
    is_help_option: bool = False
    required: bool = False
    repeats: bool = False  # takes any number of values (nargs=-1)
    default: str | None = None  # as a person types it; None when there is none to show
    minimum: float | None = None
    maximum: float | None = None
    hidden: bool = False


@dataclass(frozen=True)
class Page:
    """One command's help: its path (``dxkit export``), text, parameters and subcommands."""

    path: str
    help: str = ""
    params: tuple[Param, ...] = ()
    commands: tuple[tuple[str, str], ...] = ()  # (name, help) of each visible subcommand
    is_group: bool = False
    help_option: str = "--help"  # the first of its help option's names ("-h")


#: The placeholder of a value by its type, when the parameter names none of its own.
_TYPE_METAVARS: dict[type, str] = {int: "cli.metavar.number", float: "cli.metavar.number"}


def terminal_width() -> int:
    """The width to lay a page out in: the terminal's (``COLUMNS`` wins), at most :data:`MAX_WIDTH`."""
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes (a Japanese character takes two)."""
    from rich.cells import cell_len

    return cell_len(text)


def _is_wide(ch: str) -> bool:
    return cells(ch) == 2


def _units(text: str) -> Iterator[str]:
    """The pieces of ``text`` that may not be broken, with ``" "`` for each run of spaces.

    A Latin word is one piece; each Japanese character is a piece of its own, glued to its
    neighbour where 禁則 forbids a break between them, and a number keeps the character after
    it (``8年``, ``5分``).
    """
    atoms: list[str] = []
    word = ""
    for ch in text:
        if ch.isspace() or _is_wide(ch):
            if word:
                atoms.append(word)
                word = ""
            if ch.isspace():
                if atoms and atoms[-1] != " ":
                    atoms.append(" ")
            else:
                atoms.append(ch)
        else:
            word += ch
    if word:
        atoms.append(word)
    glued: list[str] = []
    for atom in atoms:
        after = glued[-1] if glued else " "
        if atom != " " and after != " " and (atom[0] in NO_LINE_START or after[-1] in NO_LINE_END or after.isdecimal()):
            glued[-1] += atom
        else:
            glued.append(atom)
    yield from glued


def _fold(unit: str, width: int) -> list[str]:
    """A piece wider than a whole line, cut into lines at character boundaries."""
    lines = [""]
    for ch in unit:
        if lines[-1] and cells(lines[-1] + ch) > width:
            lines.append("")
        lines[-1] += ch
    return lines


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` cells; each line of ``text`` starts a new one."""
    width = max(width, 2)
    out: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines: list[str] = []
        line = ""
        space = False
        for unit in _units(paragraph.strip()):
            if unit == " ":
                space = True
                continue
            joined = f"{line} {unit}" if line and space else line + unit
            space = False
            if cells(joined) <= width:
                line = joined
                continue
            if line:
                lines.append(line)
            *full, line = _fold(unit, width) if cells(unit) > width else [unit]
            lines.extend(full)
        lines.append(line)
        out.extend(lines)
    return out


def _pieces_lines(head: str, pieces: Iterable[str], width: int) -> list[str]:
    """``head`` and then ``pieces`` (never broken), continued under the first piece."""
    indent = " " * cells(head)
    lines = [head.rstrip()]
    for number, piece in enumerate(pieces):
        candidate = f"{lines[-1]} {piece}"
        if number == 0 or cells(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(indent + piece)
    return lines


def metavar(param: Param, lang: str) -> str:
    """The placeholder for a parameter's value: its choices, its own word, or its type's."""
    if param.choices:
        return "|".join(param.choices)
    msg_id = getattr(param.metavar, "msg_id", None)
    if msg_id:
        return t(msg_id, lang)
    if param.metavar:
        return param.metavar
    if param.value_type is not None and issubclass(param.value_type, PurePath):
        return t("cli.metavar.path", lang)
    if param.value_type is not None and param.value_type in _TYPE_METAVARS:
        return t(_TYPE_METAVARS[param.value_type], lang)
    return t("cli.metavar.text", lang)


def argument_name(param: Param, lang: str) -> str:
    """How an argument is named in usage lines and messages: ``<フォルダ>``, ``DIR``."""
    msg_id = getattr(param.metavar, "msg_id", None)
    if msg_id:
        return t(msg_id, lang)
    if param.metavar:
        return param.metavar
    return metavar(Param(kind="argument", name=param.name, value_type=param.value_type), lang)


def usage_lines(page: Page, lang: str, width: int | None = None) -> list[str]:
    """The usage line(s): ``使い方: dxkit export [オプション] <種類> [<フォルダ>]``."""
    width = width or terminal_width()
    pieces = [t("cli.help.options_metavar", lang)]
    for param in page.params:
        if param.kind != "argument" or param.hidden:
            continue
        name = argument_name(param, lang)
        name = f"{name}..." if param.repeats else name
        pieces.append(name if param.required else f"[{name}]")
    if page.is_group:
        pieces.append(t("cli.help.command_metavar", lang))
    return _pieces_lines(f"{t('cli.help.usage', lang)}{page.path} ", pieces, width)


def option_names(param: Param, lang: str) -> str:
    """The first column of an option: ``-f, --format xlsx|csv``, ``--bom / --no-bom``."""
    names = ", ".join(param.opts)
    if param.takes_value:
        names += f" {metavar(param, lang)}"
    if param.secondary_opts:
        names += " / " + ", ".join(param.secondary_opts)
    return names


def notes(param: Param, lang: str) -> str:
    """What the help adds after a parameter's text: ``（必須、既定: xlsx）``, ``[default: xlsx]``."""
    items: list[str] = []
    if param.kind == "argument" and param.choices:
        items.append(t("cli.help.values", lang, values="|".join(param.choices)))
    if param.required:
        items.append(t("cli.help.required", lang))
    if param.default is not None:
        items.append(t("cli.help.default", lang, value=param.default))
    if param.minimum is not None and param.maximum is not None:
        items.append(t("cli.help.between", lang, min=_number(param.minimum), max=_number(param.maximum)))
    elif param.minimum is not None:
        items.append(t("cli.help.at_least", lang, min=_number(param.minimum)))
    elif param.maximum is not None:
        items.append(t("cli.help.at_most", lang, max=_number(param.maximum)))
    if not items:
        return ""
    return t("cli.help.notes", lang, notes=t("cli.help.note_separator", lang).join(items))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _with_note(lines: list[str], note: str, width: int) -> list[str]:
    """The note after the text: on its last line when it fits there whole, else on a line of its own."""
    if not note:
        return lines
    if not lines:
        return wrap(note, width)
    # A Japanese note in full-width brackets needs no space before it; an English one is set apart.
    joined = lines[-1] + note if note[0] == "（" else f"{lines[-1]}  {note}"
    if cells(joined) <= width:
        return [*lines[:-1], joined]
    return [*lines, *wrap(note, width)]


def _rows(rows: list[tuple[str, str, str]], width: int, first: int) -> list[str]:
    """Two columns: names (never broken) and wrapped text; text starts below a long name."""
    out: list[str] = []
    text_at = 2 + first + 2
    text_width = max(width - text_at, 16)
    for name, text, note in rows:
        lines = _with_note(wrap(text, text_width) if text else [], note, text_width)
        if cells(name) <= first:
            head = "  " + name + " " * (first - cells(name) + 2)
            out.append((head + lines[0]).rstrip() if lines else head.rstrip())
            lines = lines[1:]
        else:
            out.append("  " + name)
        out.extend(" " * text_at + line for line in lines)
    return out


def help_lines(page: Page, lang: str, width: int | None = None) -> list[str]:
    """The whole help page of a command as lines, every word in ``lang``."""
    width = width or terminal_width()
    out = usage_lines(page, lang, width)
    if page.help:
        out.append("")
        out.extend("  " + line for line in wrap(page.help, width - 2))
    arguments = [
        (argument_name(p, lang), p.help, notes(p, lang)) for p in page.params if p.kind == "argument" and not p.hidden
    ]
    options = [
        (option_names(p, lang), t("cli.help.help_option", lang) if p.is_help_option else p.help, notes(p, lang))
        for p in page.params
        if p.kind == "option" and not p.hidden
    ]
    commands = [(name, text, "") for name, text in page.commands]
    # One column width for the page, so that arguments, options and commands line up; a name
    # longer than that puts its text on the next line rather than squeezing the text.
    limit = max(12, min(30, width * 35 // 100))
    names = [cells(name) for name, _, _ in (*arguments, *options, *commands)]
    first = max((n for n in names if n <= limit), default=limit)
    for title, rows in (
        ("cli.help.arguments", arguments),
        ("cli.help.options", options),
        ("cli.help.commands", commands),
    ):
        if rows:
            out.extend(["", t(title, lang)])
            out.extend(_rows(rows, width, first))
    return out


def render_help(page: Page, lang: str, width: int | None = None) -> str:
    """The help page as text, ending in a newline."""
    return "\n".join(help_lines(page, lang, width)) + "\n"


def render_usage(page: Page, lang: str, width: int | None = None) -> str:
    """The usage line(s) as text, ending in a newline."""
    return "\n".join(usage_lines(page, lang, width)) + "\n"
