"""The texts of every rule, read from the TOML files beside this module.

Each file holds one group of rules (``roles.toml`` for DX3xx …), one table per code, with
Japanese and English side by side::

    [DX301]  # missing-accountable
    title.ja = "説明責任者（A）がいない"
    title.en = "No accountable member"
    message.ja = "タスク {task} に…"   # the rule's parameters in braces
    message.en = "Task {task} has…"
    what.ja = "…"                      # the rule page: what it does,
    why.ja = "…"                       # why it matters,
    fix.ja = "…"                       # and how to fix it (each in both languages)
    note.ja = "…"                      # optional: a softer hint beside the rule, which
    note.en = "…"                      # the rule itself does not check (both languages)
    example.before = \"\"\"…\"\"\"          # optional snippets: the problem,
    example.after = \"\"\"…\"\"\"           # and the same lines fixed

TOML because the standard library reads it (``tomllib``), every value is typed explicitly (a
string is always quoted: no ``no`` that turns into false), and comments are allowed. The
files are read once, on the first text anyone asks for; a clean run never reads them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from dxkit.i18n import LANGS

#: The texts a rule page is made of, each in every language.
DOC_PARTS: tuple[str, ...] = ("what", "why", "fix")
_PER_LANGUAGE: tuple[str, ...] = ("title", "message", *DOC_PARTS)
_SNIPPETS: tuple[str, ...] = ("before", "after")
_CODE = re.compile(r"DX[0-9]{3}")


class RuleTextError(Exception):
    """A rule text file is malformed: a fault of the package, not of a consortium's files."""


@dataclass(frozen=True, slots=True)
class RuleTexts:
    """Everything a person reads about one rule."""

    #: Language → the rule's short title.
    title: dict[str, str]
    #: Language → the message of a finding, with ``{placeholders}`` for the rule's parameters.
    message: dict[str, str]
    #: Language → ``what`` / ``why`` / ``fix`` of the rule's documentation.
    docs: dict[str, dict[str, str]]
    #: A snippet that shows the problem ("" when the page shows none).
    example: str = ""
    #: The same snippet fixed ("" when the page shows none).
    fix: str = ""
    #: Language → a softer hint the rule does not check (empty when the page shows none).
    note: dict[str, str] = field(default_factory=dict)


def _per_language(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != set(LANGS):
        raise RuleTextError(f"{where}: needs exactly the languages {', '.join(LANGS)}")
    for lang, text in value.items():
        if not isinstance(text, str) or not text.strip():
            raise RuleTextError(f"{where}.{lang}: needs a text")
    return {lang: value[lang] for lang in LANGS}


def _snippets(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not set(value) <= set(_SNIPPETS):
        raise RuleTextError(f"{where}: may hold only {', '.join(_SNIPPETS)}")
    for key, text in value.items():
        if not isinstance(text, str) or not text.strip():
            raise RuleTextError(f"{where}.{key}: needs a text")
    return dict(value)


def parse_texts(data: Mapping[str, Any], source: str) -> dict[str, RuleTexts]:
    """The rule texts of one parsed file; anything missing, misspelt or extra is refused."""
    out: dict[str, RuleTexts] = {}
    for code, entry in data.items():
        where = f"{source}: {code}"
        if not _CODE.fullmatch(code) or not isinstance(entry, dict):
            raise RuleTextError(f"{where}: not a rule code with a table of texts")
        unknown = set(entry) - {*_PER_LANGUAGE, "example", "note"}
        if unknown:
            raise RuleTextError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        missing = [key for key in _PER_LANGUAGE if key not in entry]
        if missing:
            raise RuleTextError(f"{where}: missing {', '.join(missing)}")
        texts = {key: _per_language(entry[key], f"{where}.{key}") for key in _PER_LANGUAGE}
        example = _snippets(entry.get("example", {}), f"{where}.example")
        note = _per_language(entry["note"], f"{where}.note") if "note" in entry else {}
        out[code] = RuleTexts(
            title=texts["title"],
            message=texts["message"],
            docs={lang: {part: texts[part][lang] for part in DOC_PARTS} for lang in LANGS},
            example=example.get("before", ""),
            fix=example.get("after", ""),
            note=note,
        )
    return out


#: The file of the rules registered without a check of their own (the loader's DX001 …).
CORE_FILE = "core"


@cache
def _file_names() -> tuple[str, ...]:
    names = (item.name.removesuffix(".toml") for item in files(__name__).iterdir() if item.name.endswith(".toml"))
    return tuple(sorted(names))


@cache
def file_texts(name: str) -> dict[str, RuleTexts]:
    """The rule texts of ``texts/NAME.toml`` (read once)."""
    item = files(__name__) / f"{name}.toml"
    try:
        data = tomllib.loads(item.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise RuleTextError(f"{name}.toml: {error}") from None
    return parse_texts(data, f"{name}.toml")


@cache
def load_texts() -> dict[str, RuleTexts]:
    """Every rule's texts, by code, from every ``*.toml`` file of this package (read once)."""
    found: dict[str, RuleTexts] = {}
    origin: dict[str, str] = {}
    for name in _file_names():
        for code, texts in file_texts(name).items():
            if code in found:
                raise RuleTextError(f"{name}.toml: {code} is already in {origin[code]}")
            found[code] = texts
            origin[code] = f"{name}.toml"
    return found


def rule_texts(code: str, file: str | None = None) -> RuleTexts:
    """The texts of the rule ``code``; ``file`` names the file they are in, when known.

    A rule's texts are in the file named after the module that registers it (DX303 of
    ``rules/roles.py`` in ``roles.toml``), so a message reads one small file, not all fifteen:
    a run that finds two problems does not parse every rule's texts. The whole catalogue
    (:func:`load_texts`, which refuses a code written twice) is read by the documentation and
    its tests, and whenever a code is not in the file named.
    """
    if file is not None:
        found = file_texts(file).get(code) if file in _file_names() else None
        if found is not None:
            return found
    texts = load_texts()
    if code not in texts:
        raise RuleTextError(f"no texts for {code}")
    return texts[code]
