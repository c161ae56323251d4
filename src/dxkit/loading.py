"""Strict YAML loading with source positions.

What this module promises (see DESIGN.md, "Strict loading"):

* only the plain YAML types come back: mappings with text keys, lists, text, integers,
  floats, ``true``/``false`` and ``null``; ``no``, ``off``, ``NO`` and unquoted dates stay
  text, so the schema decides whether they are valid;
* any tag other than the standard ones is refused, so no object is ever built from a file;
* duplicate keys, alias bombs, deep nesting, too many nodes, oversized files, numbers outside
  the range every output can hold, control characters, files that are not UTF-8 and files that
  hold several documents raise :class:`LoadError` with a line and a column;
* only regular files are read, from one descriptor, and never more than the size limit: a
  named pipe, a device (a link to ``/dev/zero``) or a socket is refused before a byte is read;
* the work is bounded before it grows: nodes are counted while libyaml composes them, and an
  alias counts as the nodes it expands to, so every later step (schema, rules, model) sees
  at most :data:`MAX_NODES` values;
* the parsed node tree is kept, so a position is looked up only when a message needs one;
  valid files pay nothing for positions.

Parsing uses libyaml (PyYAML's C parser) when it is available. Faster parsers were measured
and do not keep these promises: see ``benchmarks/PARSERS.md``.
"""

from __future__ import annotations

import codecs
import errno
import gc
import math
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from dxkit.errors import InputError
from dxkit.fullwidth import Suspect, describe, structural
from dxkit.i18n import DEFAULT_LANG, translate

try:  # pragma: no cover - which branch runs depends on the PyYAML build
    from yaml._yaml import CParser as _Parser

    HAS_LIBYAML = True
except ImportError:  # pragma: no cover
    HAS_LIBYAML = False
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


#: Files larger than this are refused before parsing: governance files are small, and a
#: huge file would otherwise hold a pre-commit hook or a CI job for a long time.
MAX_FILE_BYTES = 5 * 1024 * 1024
#: Deeper nesting than this is refused (a charter needs fewer than ten levels).
MAX_DEPTH = 64
#: How many nodes (scalars, lists and mappings, keys included) one document may hold, counting
#: each alias as the nodes it expands to. The 10,000-task role matrix of ``benchmarks/``
#: (``generate.py``, 3.7 MiB) holds 310,007, so about 12,900 such tasks fit. The limit is set by
#: memory: a composed node costs about 0.3 KB (libyaml's node and its two marks), so a hostile
#: file is stopped at about 120 MB and a whole run stays under 200 MB.
MAX_NODES = 400_000
#: How many of those nodes alias expansion may add beyond the nodes written in the file.
MAX_ALIAS_EXPANSION = 100_000
#: Integers beyond this (2**53 - 1) are refused: a spreadsheet, JSON reader or calendar holds
#: numbers as doubles and would silently change them, and no governance value comes near it.
MAX_SAFE_INTEGER = 2**53 - 1
_MAX_INT_DIGITS = len(str(MAX_SAFE_INTEGER))

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_KEY_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL})
_INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT_RE = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)$")


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class _StrictResolver(BaseResolver):
    """Resolve plain scalars the way people expect: only true/false are booleans.

    libyaml calls this once per node, so it is written for speed: no path resolvers, and
    a plain scalar is tested only against the patterns its first character allows.
    """

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if not implicit[0]:
                return _STR
            if value in _NULLS:
                return _NULL
            first = value[0]
            if first in "tf":
                return _BOOL if value in ("true", "false") else _STR
            if first in "-+0123456789.":
                if _INT_RE.match(value):
                    return _INT
                if _FLOAT_RE.match(value):
                    return _FLOAT
            return _STR
        return _SEQ if kind is SequenceNode else _MAP


class _TooManyNodes(Exception):
    """Raised from inside the composer when a document crosses :data:`MAX_NODES`."""

    def __init__(self, parent: Node | None, index: Any) -> None:
        super().__init__()
        self.parent = parent
        self.index = index


def _node_budget(limit: int) -> Callable[[Any, Any], None]:
    """A ``descend_resolver`` that raises :class:`_TooManyNodes` on the call after the ``limit``-th.

    A closure, not a method: its counter is a cell, so the 310,007 calls of the largest benchmark
    file cost nothing measurable (a counter on the loader object cost 8-10 % of the parse).
    """
    left = limit

    def descend(current_node: Any, current_index: Any) -> None:
        nonlocal left
        left -= 1
        if left < 0:
            raise _TooManyNodes(current_node, current_index)

    return descend


class _Loader(_Parser, _StrictResolver):
    """libyaml's composer with a node budget.

    The composer (libyaml's C one, or PyYAML's) calls ``descend_resolver`` exactly once for
    every node it is about to build, tagged or not (an alias builds nothing), so counting there
    stops a file the moment it crosses the limit, before the rest of it costs any memory.
    """

    def __init__(self, stream: str, limit: int = MAX_NODES) -> None:
        _Parser.__init__(self, stream)
        _StrictResolver.__init__(self)
        self.descend_resolver = _node_budget(limit)  # type: ignore[method-assign, assignment]


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column."""

    line: int
    column: int


class LoadError(InputError):
    """A file could not be read as a governance document."""

    def __init__(self, code: str, msg_id: str, path: str, position: Position | None = None, **params: Any) -> None:
        super().__init__(msg_id, **params)
        self.code = code
        self.path = path
        self.position = position or Position(1, 1)


class FullWidthError(LoadError):
    """A syntax error caused by a full-width character where YAML expects an ASCII mark."""

    def __init__(self, path: str, position: Position, suspect: Suspect) -> None:
        super().__init__("DX001", "fullwidth.syntax", path, position)
        self.suspect = suspect

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return translate(self.msg_id, lang, **describe(self.suspect, lang))


@dataclass
class Document:
    """One loaded file: its data, and the node tree that knows where each value stands."""

    path: str
    data: Any
    root: Node = field(repr=False)
    bom: bool = False
    #: The decoded text, for checks that are cheaper on text than on values.
    text: str = field(default="", repr=False)

    @property
    def kind(self) -> str | None:
        kind = self.data.get("kind") if isinstance(self.data, dict) else None
        return kind if isinstance(kind, str) else None

    def locate(self, path: Sequence[str | int], *, key: bool = False) -> Position:
        """Where the value at ``path`` starts, or its key when ``key`` is true.

        A path that leads nowhere (a missing key) resolves to the deepest node that exists,
        which is where a person would add the missing value.
        """
        node = self.root
        key_node: Node | None = None
        for part in path:
            child, child_key = _child(node, part)
            if child is None:
                break
            node, key_node = child, child_key
        else:
            if key and key_node is not None:
                node = key_node
        mark = node.start_mark
        return Position(mark.line + 1, mark.column + 1)


def _child(node: Node, part: str | int) -> tuple[Node | None, Node | None]:
    if isinstance(node, MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == part:
                return value_node, key_node
    elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], None
    return None, None


# -- reading bytes ---------------------------------------------------------------------------

#: Opening never waits: ``O_NONBLOCK`` makes opening a named pipe return at once (POSIX only;
#: Windows has neither the flag nor named pipes in the file system).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_READ_CHUNK = 64 * 1024


class NotRegularFile(Exception):
    """The path leads to something that is not a regular file (a named pipe, a device, a socket)."""

    def __init__(self, mode: int) -> None:
        super().__init__(stat.filemode(mode))
        self.mode = mode


def read_head(path: Path, size: int) -> tuple[bytes, int]:
    """At most ``size`` bytes of the regular file at ``path``, and the size its descriptor reports.

    Opening never waits (``O_NONBLOCK``) and the descriptor, not the path, is checked
    (``fstat``), so a file swapped for a named pipe or a link to a device after it was found is
    still refused before a byte is read. Raises :class:`NotRegularFile`, or the ``OSError`` the
    system gave (``IsADirectoryError`` for a folder).
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(info.st_mode)
        chunks: list[bytes] = []
        wanted = size
        # The first read asks for what fstat says, and one byte more to see the end: a buffer of
        # the file's own size, not of the limit. Later reads see a file that grew, or a /proc file.
        step = max(info.st_size + 1, _READ_CHUNK)
        while wanted > 0:
            chunk = os.read(fd, min(wanted, step))
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks), info.st_size


def _not_regular(mode: int, shown: str) -> LoadError:
    if stat.S_ISFIFO(mode):
        kind = "fifo"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "device"
    elif stat.S_ISSOCK(mode):
        kind = "socket"
    else:
        kind = "other"
    return LoadError("DX001", f"load.not_regular.{kind}", shown)


def _open_error(exc: OSError, path: Path, shown: str) -> LoadError:
    if isinstance(exc, FileNotFoundError):
        return LoadError("DX001", "load.broken_link" if path.is_symlink() else "load.missing", shown)
    if isinstance(exc, IsADirectoryError) or (isinstance(exc, PermissionError) and path.is_dir()):
        return LoadError("DX001", "load.is_directory", shown)  # Windows cannot open a folder
    if isinstance(exc, PermissionError):
        return LoadError("DX001", "load.permission", shown)
    if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
        try:
            return _not_regular(os.stat(path).st_mode, shown)
        except OSError:
            pass
    return LoadError("DX001", "load.os_error", shown, detail=exc.strerror or str(exc))


def read_regular(path: Path, display: str | None = None, *, limit: int = MAX_FILE_BYTES, head: bool = False) -> bytes:
    """The bytes of a regular file (:func:`read_head`), never more than ``limit``; failures are :class:`LoadError`.

    The size limit holds for what is read, not for what ``stat`` said: at most ``limit + 1``
    bytes are read, and one more than ``limit`` is the error. With ``head``, the first
    ``limit`` bytes are returned however long the file is (to sniff its kind). Every file dxkit
    reads from a consortium folder comes through here.
    """
    shown = display if display is not None else str(path)
    try:
        raw, size = read_head(path, limit if head else limit + 1)
    except NotRegularFile as exc:
        raise _not_regular(exc.mode, shown) from None
    except OSError as exc:
        raise _open_error(exc, path, shown) from None
    if not head and len(raw) > limit:
        raise LoadError("DX005", "load.too_large", shown, size=_mib(max(size, len(raw))), limit=_mib(limit))
    return raw


def _position_of_byte(raw: bytes, offset: int) -> Position:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Position(line, column)


def _looks_like_utf16(sample: bytes) -> bool:
    """Text saved as UTF-16 without a byte-order mark: NULs on every other byte, one side only."""
    pairs = len(sample) // 2
    if pairs == 0:
        return False
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    return max(even, odd) >= pairs * 0.4 and min(even, odd) <= pairs * 0.02


def decode(raw: bytes, path: str) -> tuple[str, bool]:
    """Decode a file's bytes as UTF-8, or say precisely why they are not.

    Returns the text and whether a UTF-8 byte-order mark was removed.
    """
    for mark, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if raw.startswith(mark):
            raise LoadError("DX002", "load.encoding.utf16", path, encoding=name)
    nul = raw.find(b"\x00")
    if nul != -1:
        if _looks_like_utf16(raw[:4096]):
            raise LoadError("DX002", "load.encoding.utf16", path, encoding="UTF-16")
        raise LoadError("DX002", "load.encoding.binary", path, _position_of_byte(raw, nul))
    bom = raw.startswith(codecs.BOM_UTF8)
    if bom:
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        where = _position_of_byte(raw, exc.start)
        for codec, name in (("cp932", "Shift_JIS (CP932)"), ("euc_jp", "EUC-JP")):
            try:
                raw.decode(codec)
            except UnicodeDecodeError:
                continue
            raise LoadError("DX002", "load.encoding.legacy", path, where, encoding=name) from None
        raise LoadError("DX002", "load.encoding.invalid", path, where, byte=f"0x{raw[exc.start]:02X}") from None


# -- parsing ----------------------------------------------------------------------------------

_SYNTAX_HINTS = (
    ("tab character", "load.syntax.tab"),
    ("found character that cannot start any token", "load.syntax.bad_character"),
    ("found unexpected end of stream", "load.syntax.unclosed_quote"),
    ("mapping values are not allowed", "load.syntax.mapping_value"),
    ("did not find expected ',' or", "load.syntax.unclosed_bracket"),
    ("did not find expected '-' indicator", "load.syntax.list_indent"),
    ("could not find expected ':'", "load.syntax.missing_colon"),
    ("exceeded maximum nesting depth", "load.too_deep"),
    ("found undefined alias", "load.syntax.undefined_alias"),
)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> LoadError:
    mark = exc.problem_mark or exc.context_mark
    position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
    problem = exc.problem or ""
    if isinstance(exc, yaml.composer.ComposerError) and "single document" in (exc.context or ""):
        return LoadError("DX001", "load.multiple_documents", path, position)
    if "cannot start any token" in problem and mark is not None:
        line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        if mark.column < len(line) and line[mark.column] == "\t":
            return LoadError("DX001", "load.syntax.tab", path, position)
    if exc.problem_mark is not None:
        # A full-width mark makes the parser stop later (often on the next line): name the
        # character where it stands, in the lines the parser was reading.
        stop = exc.problem_mark
        start = exc.context_mark.line if exc.context_mark is not None else stop.line
        found = structural(text, min(start, stop.line - 1), stop.line, stop.column)
        if found is not None:
            row, suspect = found
            return FullWidthError(path, Position(row + 1, suspect.offset + 1), suspect)
    for needle, msg_id in _SYNTAX_HINTS:
        if needle in problem:
            code = "DX005" if msg_id == "load.too_deep" else "DX001"
            return LoadError(code, msg_id, path, position, limit=MAX_DEPTH)
    detail = " ".join(part for part in (exc.context, problem) if part)
    return LoadError("DX001", "load.syntax.other", path, position, detail=detail)


def _reader_error(exc: yaml.reader.ReaderError, text: str, path: str) -> LoadError:
    char = exc.character
    code = ord(char) if isinstance(char, str) else int(char)
    # libyaml counts bytes of the UTF-8 text; the pure-Python reader counts characters.
    offset = exc.position if HAS_LIBYAML else len(text[: exc.position].encode("utf-8"))
    where = _position_of_byte(text.encode("utf-8"), offset)
    return LoadError("DX001", "load.control_character", path, where, char=f"U+{code:04X}")


#: What may stand between one node and the next: spaces, line breaks, comments, a comma, and
#: the indicators ``-``, ``?`` and ``:`` when a space follows.
_BETWEEN_NODES = re.compile(r"(?:\s+|#[^\n]*|,|[-?:](?=\s|$))*")


def _offset_position(text: str, offset: int) -> Position:
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _crossing(text: str, stop: _TooManyNodes) -> Position:
    """Where the node that crossed the limit starts: just after the last node composed before it."""
    parent, index = stop.parent, stop.index
    if parent is None:
        return Position(1, 1)
    if isinstance(parent, MappingNode) and isinstance(index, Node):
        offset = index.end_mark.index  # the value of the key ``index``
    elif parent.value:
        last = parent.value[-1]
        offset = (last[1] if isinstance(last, tuple) else last).end_mark.index
    else:  # the first entry: after the bracket of a flow collection
        offset = parent.start_mark.index
        offset += text.startswith(("[", "{"), offset)
    match = _BETWEEN_NODES.match(text, offset)
    return _offset_position(text, match.end() if match else offset)


def parse(text: str, path: str, *, limit: int = MAX_NODES) -> Node:
    """Parse one YAML document into a node tree of at most ``limit`` nodes."""
    loader = _Loader(text, limit)
    try:
        root: Node | None = loader.get_single_node()
    except _TooManyNodes as stop:
        raise LoadError("DX005", "load.too_many_nodes", path, _crossing(text, stop), limit=limit) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, path) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids; no mark, a byte offset
        raise _reader_error(exc, text, path) from None
    except yaml.YAMLError as exc:
        raise LoadError("DX001", "load.syntax.other", path, detail=str(exc)) from None
    finally:
        loader.dispose()
    if root is None:
        raise LoadError("DX001", "load.empty", path)
    return root


# -- building values --------------------------------------------------------------------------


class _Builder:
    """Turn a node tree into plain Python values, refusing anything unsafe or ambiguous.

    Most nodes are plain text, so a text scalar inside a list or mapping is taken on the spot
    instead of through another call. Alias accounting runs only for files that hold an alias:
    libyaml makes an alias by reusing a node, and an alias can only be written with ``*``.
    It counts every value built, keys included, each time it is built: the data handed on
    holds at most :data:`MAX_NODES` values however often a node is reused, so the schema check,
    the rules and the model never walk more than that (without aliases the count is the
    composer's, which already stopped at the limit).
    """

    def __init__(self, path: str, aliases: bool = True) -> None:
        self.path = path
        self.aliases = aliases
        self.seen: set[int] = set()
        self.expanded = 0
        self.nodes = 0

    def _error(self, code: str, msg_id: str, node: Node, **params: Any) -> LoadError:
        mark = node.start_mark
        return LoadError(code, msg_id, self.path, Position(mark.line + 1, mark.column + 1), **params)

    def build(self, node: Node, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise self._error("DX005", "load.too_deep", node, limit=MAX_DEPTH)
        if self.aliases:
            count = 1 + len(node.value) if node.__class__ is MappingNode else 1
            self.nodes += count
            node_id = id(node)
            if node_id in self.seen:
                self.expanded += count
                if self.expanded > MAX_ALIAS_EXPANSION:
                    raise self._error("DX005", "load.alias_bomb", node, limit=MAX_ALIAS_EXPANSION)
            else:
                self.seen.add(node_id)
            if self.nodes > MAX_NODES:
                raise self._error("DX005", "load.too_many_nodes", node, limit=MAX_NODES)
        cls = node.__class__
        if cls is ScalarNode:
            if node.tag == _STR:
                return node.value
            return self._scalar(node)
        deeper = depth + 1
        # A text scalar child is taken directly unless aliases are counted or the depth limit is near.
        direct = not self.aliases and deeper <= MAX_DEPTH
        if cls is SequenceNode:
            if node.tag != _SEQ:
                raise self._error("DX004", "load.tag", node, tag=node.tag)
            items: list[Any] = []
            append = items.append
            for item in node.value:
                if direct and item.__class__ is ScalarNode and item.tag == _STR:
                    append(item.value)
                else:
                    append(self.build(item, deeper))
            return items
        if node.tag != _MAP:
            raise self._error("DX004", "load.tag", node, tag=node.tag)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                raise self._error("DX001", "load.complex_key", key_node)
            if key_node.tag not in _KEY_TAGS:
                raise self._error("DX004", "load.tag", key_node, tag=key_node.tag)
            key = key_node.value
            if key in result:
                first = next(k for k, _ in node.value if k.value == key)
                raise self._error("DX003", "load.duplicate_key", key_node, key=key, first=first.start_mark.line + 1)
            if direct and value_node.__class__ is ScalarNode and value_node.tag == _STR:
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node, deeper)
        return result

    def _scalar(self, node: Node) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag == _NULL and value in _NULLS:
            return None
        if tag == _BOOL and value in ("true", "false"):
            return value == "true"
        if tag == _INT and _INT_RE.match(value):
            # The digits are counted first: converting a very long number is itself slow.
            if len(value.lstrip("+-")) <= _MAX_INT_DIGITS and abs(number := int(value)) <= MAX_SAFE_INTEGER:
                return number
            raise self._error("DX005", "load.number_out_of_range", node, limit=MAX_SAFE_INTEGER)
        if tag == _FLOAT and _FLOAT_RE.match(value):
            real = float(value)
            if math.isfinite(real):
                return real
            raise self._error("DX005", "load.number_out_of_range", node, limit=MAX_SAFE_INTEGER)
        if tag in (_NULL, _BOOL, _INT, _FLOAT):
            raise self._error("DX004", "load.tag_value", node, tag=tag, value=value[:40])
        raise self._error("DX004", "load.tag", node, tag=tag)


def build(root: Node, path: str, *, aliases: bool = True) -> Any:
    """Plain values from a node tree; ``aliases=False`` only for text that holds no ``*``."""
    return _Builder(path, aliases).build(root)


def load_text(text: str, path: str, *, bom: bool = False) -> Document:
    # The cyclic garbage collector would scan the growing tree again and again while it is
    # built, and neither the tree nor the values hold a cycle (a recursive alias is refused
    # and collected later), so it waits until the file is loaded.
    collecting = gc.isenabled()
    gc.disable()
    try:
        root = parse(text, path)
        data = build(root, path, aliases="*" in text)
    finally:
        if collecting:
            gc.enable()
    return Document(path=path, data=data, root=root, bom=bom, text=text)


def load_bytes(raw: bytes, path: str) -> Document:
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError("DX005", "load.too_large", path, size=_mib(len(raw)), limit=_mib(MAX_FILE_BYTES))
    text, bom = decode(raw, path)
    return load_text(text, path, bom=bom)


def load_file(path: Path, display: str | None = None) -> Document:
    """Read and load one file; every failure is a :class:`LoadError`."""
    shown = display if display is not None else str(path)
    return load_bytes(read_regular(path, shown), shown)


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"
