"""Japanese and English messages.

Every user-facing text has an id and lives in a data file, both languages side by side::

    # src/dxkit/i18n/messages/load.toml
    [load.too_deep]
    ja = "入れ子が深すぎます（{limit} 段まで）。構造を浅くしてください。"
    en = "Nesting is too deep (the limit is {limit} levels); flatten the structure."

An id ``a.b.c`` lives in ``messages/a.toml``, under its full id, so searching for an id finds
its text. Placeholders are ``str.format`` fields and both languages of a message use the same
ones (a test checks this, and that every id the code names exists). Japanese is the default:
it is the language of the people dxkit is for.

Enum labels (計画策定 for the stage ``planning``) are not here: they live once, in the
schemas (``x-labels``), and :func:`dxkit.labels.label` reads them. This package knows nothing
of the schemas and imports nothing of dxkit: every module may use it. No id is put together
at run time (a test scans the code for that): an id is spelt out where it is used, or in a
table of ids such as :mod:`dxkit.i18n.terms`, so a test can prove that it exists.

Why TOML (measured on the whole catalogue, 564 ids, Python 3.11, two cores): it allows
comments, keeps ``ja`` and ``en`` together under the id, refuses a repeated id, and the
standard library reads it. JSON reads in 0.7 ms but has no comments and turns quotes into
escapes; YAML takes 15 ms even with libyaml and reads an unquoted ``no`` as ``false``; gettext
keeps each language in a file of its own and needs Babel and a compile step. ``tomllib`` is
pure Python (16 ms for the whole catalogue, 4 ms just to import it), so a namespace file is
read only when one of its ids is first asked for, and what it parses to is kept as bytecode
the way a module's is (:class:`_DataFileLoader`): ``dxkit validate`` reads the bytecode of four
small files (``help``, ``placeholder``, ``report``, ``severity``) and never imports ``tomllib``.
"""

from __future__ import annotations

import importlib.machinery
import os
import types
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

LANGS: tuple[str, ...] = ("ja", "en")
DEFAULT_LANG = "ja"

MESSAGES_DIR = Path(__file__).resolve().parent / "messages"

Entry = Mapping[str, str]


def resolve_lang(explicit: str | None = None) -> str:
    """The language to speak: an explicit choice, else ``DXKIT_LANG``, else Japanese."""
    for candidate in (explicit, os.environ.get("DXKIT_LANG")):
        if candidate:
            short = candidate.strip().lower()[:2]
            if short in LANGS:
                return short
    return DEFAULT_LANG


def _flatten(table: Mapping[str, Any], prefix: str, out: dict[str, Entry]) -> None:
    """Collect the messages of a TOML table: a table with text values is a message."""
    texts = {key: value for key, value in table.items() if isinstance(value, str)}
    if texts:
        out[prefix] = texts
    for key, value in table.items():
        if isinstance(value, dict):
            _flatten(value, f"{prefix}.{key}", out)


def parse_namespace_file(data: bytes, name: str) -> dict[str, Entry]:
    """The messages of one data file, by id, in the order the file lists them."""
    import tomllib

    out: dict[str, Entry] = {}
    for key, value in tomllib.loads(data.decode("utf-8")).items():
        if not isinstance(value, dict):
            raise ValueError(f"{name}: {key!r} is not a table of messages")
        _flatten(value, key, out)
    return out


class _DataFileLoader(importlib.machinery.SourceFileLoader):
    """Reads a data file as if it were a module that defines ``MESSAGES``.

    The import system then keeps the parsed result as bytecode in ``__pycache__`` beside the
    file, checked against the file's time and size like any ``.pyc``: a run reads the
    messages back with :mod:`marshal` instead of parsing TOML again. Where bytecode is not
    written (``PYTHONDONTWRITEBYTECODE``, a read-only installation) the file is parsed.
    """

    # typeshed declares it a static method in one base and a method in another; the import
    # system calls it as ``self.source_to_code(data, path)`` (a later Python adds arguments).
    def source_to_code(self, data: Any, path: Any, *args: Any, **kwargs: Any) -> types.CodeType:  # type: ignore[override]
        table = parse_namespace_file(bytes(data), Path(self.path).name)
        return compile(f"MESSAGES = {table!r}\n", self.path, "exec", dont_inherit=True)


def load_namespace_file(path: Path) -> dict[str, Entry]:
    """The messages of one data file (from its cached bytecode when that is fresh)."""
    loader = _DataFileLoader(f"{__name__}.messages.{path.stem}", str(path))
    code = loader.get_code(loader.name)
    if code is None:  # only for a loader without source, which this one never is
        raise FileNotFoundError(path)
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    messages: dict[str, Entry] = namespace["MESSAGES"]
    return messages


@cache
def _namespace(name: str) -> dict[str, Entry]:
    path = MESSAGES_DIR / f"{name}.toml"
    if not name.isidentifier() or not path.is_file():
        return {}
    return load_namespace_file(path)


def namespaces() -> tuple[str, ...]:
    """The namespaces of message ids (the first part of an id), one data file each."""
    return tuple(sorted(path.stem for path in MESSAGES_DIR.glob("*.toml")))


def messages() -> dict[str, Entry]:
    """Every message of the catalogue by id (reads every data file; for tools and tests)."""
    out: dict[str, Entry] = {}
    for name in namespaces():
        out.update(_namespace(name))
    return out


def translate(msg_id: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """The message ``msg_id`` in ``lang`` (Japanese when ``lang`` is not one we speak)."""
    if lang not in LANGS:
        lang = DEFAULT_LANG
    entry = _namespace(msg_id.split(".")[0]).get(msg_id)
    if entry is None:
        raise KeyError(f"no message {msg_id!r}")
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**params)


t = translate
