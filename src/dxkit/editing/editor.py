"""The editor: collect edits on one file's text, turn them into text splices, prove the result.

Every edit becomes the replacement of one span of the original text, found through the node
tree; nothing outside the spans changes. How a span is chosen depends on where the node
stands:

* a scalar, or a flow collection, is replaced where it stands (a string keeps its quoting when
  it can; a block scalar stays a literal block when the new text has several lines);
* a block collection replaced by another keeps its lines' place and indentation;
* a new key or list item goes on new lines after the last entry of a block collection (in the
  collection's indentation, with a blank line before it when the entries are spaced so), or
  after the last entry of a flow collection, on one line or on a line of its own as the
  collection is written;
* a removed entry takes its own lines with it (a block collection) or its own text and one
  separating comma (a flow collection); an empty flow collection under a key (``tasks: []``)
  that receives entries becomes a block collection.

Then the new text is read back with the strict loader and compared with what the edits mean on
the loaded data (:mod:`dxkit.editing.ops`); any difference stops the edit with
``edit.mismatch`` and nothing is written.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from yaml import MarkedYAMLError, YAMLError
from yaml.nodes import MappingNode, ScalarNode

from dxkit.editing import ops as _ops
from dxkit.editing.ops import Kind, Op
from dxkit.editing.render import (
    InvalidEdit,
    block_lines,
    flow,
    is_collection,
    key_text,
    literal_lines,
    scalar,
)
from dxkit.editing.text import BREAKS, Text
from dxkit.editing.tree import (
    Indents,
    Key,
    Loc,
    Path,
    Tree,
    compose,
    detect_indents,
    is_block_collection,
    is_block_scalar,
    is_flow,
    no_gc,
    unsupported,
)
from dxkit.errors import EditError
from dxkit.loading import Document, LoadError, load_text

_BOM = "\ufeff"
_UNREAD = object()


@dataclass(frozen=True)
class Edited:
    """The text after the edits, and the document it was proven with (``None`` when nothing changed)."""

    text: str
    document: Document | None = None

    @property
    def changed(self) -> bool:
        return self.document is not None


class Editor:
    """Edits of one YAML text, applied together and proven by re-reading.

    ``base`` is the data the strict loader read from exactly this text, when the caller has it
    already; otherwise the editor reads it itself.
    """

    def __init__(self, text: str, file: str, *, base: Any = _UNREAD) -> None:
        self.text = text
        self.file = file
        self._base = base
        self.ops: list[Op] = []

    # -- the edits -----------------------------------------------------------------------------

    def set(self, path: Sequence[Key], value: Any) -> None:
        """Replace the value at ``path`` (which exists)."""
        path = tuple(path)
        if not path:
            raise InvalidEdit("the whole document cannot be set")
        self.ops.append(Op(Kind.SET, path[:-1], path[-1], value))

    def add_key(self, mapping: Sequence[Key], key: str, value: Any) -> None:
        """Add ``key`` (which is not there yet) at the end of the mapping at ``mapping``."""
        self.ops.append(Op(Kind.ADD_KEY, tuple(mapping), key, value))

    def delete_key(self, mapping: Sequence[Key], key: str) -> None:
        self.ops.append(Op(Kind.DELETE_KEY, tuple(mapping), key))

    def append(self, sequence: Sequence[Key], value: Any) -> None:
        """Add ``value`` at the end of the list at ``sequence``."""
        self.ops.append(Op(Kind.APPEND, tuple(sequence), None, value))

    def delete_item(self, sequence: Sequence[Key], index: int) -> None:
        """Remove item ``index`` (counted in the file as it was read) from the list at ``sequence``."""
        self.ops.append(Op(Kind.DELETE_ITEM, tuple(sequence), index))

    # -- applying ------------------------------------------------------------------------------

    def base(self) -> Any:
        if self._base is _UNREAD:
            with no_gc():
                self._base = load_text(self._body(), self.file).data
        return self._base

    def _body(self) -> str:
        return self.text[1:] if self.text.startswith(_BOM) else self.text

    def apply(self) -> Edited:
        """The edited text, proven to read back as the original data with the edits applied.

        Raises :class:`~dxkit.errors.EditError` (``edit.unsupported``) for a layout the editor
        cannot change safely, and ``edit.mismatch`` when the result would not read back as
        intended; in both cases nothing has been written anywhere.
        """
        if not self.ops:
            return Edited(self.text)
        base = self.base()
        _ops.check(self.ops, base)
        ops = [op for op in self.ops if not _unchanged(op, base)]
        if not ops:
            return Edited(self.text)
        body = self._body()
        text = Text(body)
        try:
            root = compose(body)
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise unsupported(text, self.file, mark.index if mark else 0) from None
        except YAMLError:
            raise unsupported(text, self.file, 0) from None
        if root is None:
            raise InvalidEdit("an empty document has nothing to edit")
        planner = _Planner(Tree(text, root, self.file))
        planner.build(ops)
        new_body = planner.splice()
        document = self._prove(new_body, _ops.intended(base, ops))
        return Edited((_BOM if self.text.startswith(_BOM) else "") + new_body, document)

    def _prove(self, text: str, want: Any) -> Document:
        try:
            with no_gc():
                document = load_text(text, self.file)
        except LoadError as err:
            where = f"{self.file}:{err.position.line}:{err.position.column}"
            raise EditError("edit.mismatch", file=self.file, where=where) from None
        if _typed(document.data) != _typed(want):  # one C-speed comparison; the walk only to say where
            found = _ops.first_difference(document.data, want) or ()
            raise EditError("edit.mismatch", file=self.file, where=_ops.show_path(found) or self.file)
        return document


def _typed(data: Any) -> str:
    """Loaded data as text in which ``1``, ``1.0`` and ``true`` differ, and so does the order of keys."""
    return json.dumps(data, ensure_ascii=False, check_circular=False)


def editor_for(document: Document, text: str) -> Editor:
    """An editor of ``text``, reusing the data ``document`` was loaded with when it is this text."""
    if document.text == text:
        return Editor(text, document.path, base=document.data)
    return Editor(text, document.path)


def _unchanged(op: Op, base: Any) -> bool:
    """A set that would write the value already there is no edit at all."""
    if op.kind is not Kind.SET:
        return False
    return _ops.first_difference(_ops.resolve(base, op.target), _ops.as_loaded(op.value)) is None


@dataclass(order=True)
class _Splice:
    start: int
    end: int
    #: Insertions at one offset go deepest first: a nested entry before its parent's next one.
    rank: int
    serial: int
    text: str = field(compare=False)


class _Planner:
    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.t = tree.text
        self.splices: list[_Splice] = []
        self._indents: Indents | None = None

    @property
    def indents(self) -> Indents:
        if self._indents is None:
            self._indents = detect_indents(self.tree)
        return self._indents

    def add(self, start: int, end: int, text: str, depth: int) -> None:
        self.splices.append(_Splice(start, end, -depth, len(self.splices), text))

    def splice(self) -> str:
        order = sorted(self.splices)
        for before, after in itertools.pairwise(order):
            if after.start < before.end:
                raise self.tree.unsupported(after.start)
        s = self.t.s
        out: list[str] = []
        position = 0
        for item in order:
            out.append(s[position : item.start])
            out.append(item.text)
            position = item.end
        out.append(s[position:])
        return "".join(out)

    def locate(self, path: Path) -> Loc:
        loc = self.tree.find(path)
        if loc is None:  # the data given as the file's content came from another text
            raise EditError("edit.mismatch", file=self.tree.file, where=_ops.show_path(path) or self.tree.file)
        return loc

    # -- planning ------------------------------------------------------------------------------

    def build(self, ops: list[Op]) -> None:
        groups: dict[Path, list[Op]] = {}
        for op in ops:
            if op.kind is Kind.SET:
                self.replace(self.locate(op.target), op.value)
            else:
                groups.setdefault(op.container, []).append(op)
        for path, group in groups.items():
            self.entries(self.locate(path), group)

    def entries(self, loc: Loc, group: list[Op]) -> None:
        node = loc.node
        additions: list[Any]
        if isinstance(node, MappingNode):
            keys = [key.value for key, _ in node.value]
            deleted = sorted(keys.index(op.key) for op in group if op.kind is Kind.DELETE_KEY)
            additions = [(op.key, op.value) for op in group if op.kind is Kind.ADD_KEY]
            final: Any = dict(additions)
        else:
            deleted = sorted(int(op.key) for op in group if op.kind is Kind.DELETE_ITEM if op.key is not None)
            additions = [op.value for op in group if op.kind is Kind.APPEND]
            final = list(additions)
        count = len(node.value)
        if count == len(deleted):  # nothing of the old collection stays (or it was empty)
            self.replace(loc, final)
        elif is_flow(node):
            self.flow_entries(loc, deleted, additions)
        else:
            self.block_entries(loc, deleted, additions)

    # -- replacing one value -------------------------------------------------------------------

    def replace(self, loc: Loc, value: Any) -> None:
        node, tree, t = loc.node, self.tree, self.t
        depth = len(loc.path) + 1
        start = node.start_mark.index
        end = t.strip_final_break(start, tree.content_end(node))
        if loc.in_flow:
            self.put(loc, start, end, flow(value) if is_collection(value) else self.inline(loc, value), depth)
            return
        block = is_collection(value) and bool(value) and not (is_flow(node) and node.value)
        if not block:
            text = self.inline(loc, value)
            if is_block_collection(node) and loc.key is not None:
                colon = self.own_lines(loc)
                self.add(colon + 1, colon + 1, " " + text, depth)
                self.add(t.next_line(colon), t.after(end), "", depth)
            else:
                self.put(loc, start, end, text, depth)
            return
        indents = self.indents
        if loc.key is not None:
            key_col = t.column(loc.key.start_mark.index)
            if is_block_collection(node) and t.column(start) > key_col:
                col = t.column(start)
            else:
                col = key_col + (indents.mapping if isinstance(value, dict) else indents.sequence)
            lines = block_lines(value, col, indents)
            lines[0] = " " * col + lines[0]
            if is_block_collection(node):
                colon = self.own_lines(loc)
                at, stop = t.next_line(colon), t.after(end)
                self.add(at, stop, self.lines_text(at, stop, lines, colon), depth)
            else:
                colon = tree.colon(loc.key)
                self.add(colon + 1, end, "", depth)
                self.insert_lines(t.after(end), lines, colon, depth)
            return
        empty = tree.is_empty(node)
        col = t.column(start) + (1 if empty else 0)
        lines = block_lines(value, col, indents)
        self.put(loc, start, end, t.newline_at(start).join(lines), depth)

    def own_lines(self, loc: Loc) -> int:
        """The colon after the key of a block collection value, which must start on a later line."""
        if loc.key is None:
            raise InvalidEdit("not a mapping value")
        colon = self.tree.colon(loc.key)
        if self.t.line_end(colon) >= loc.node.start_mark.index:
            raise self.tree.unsupported(loc.node.start_mark.index)
        return colon

    def put(self, loc: Loc, start: int, end: int, text: str, depth: int) -> None:
        """Replace ``start:end`` by ``text``; a value written as nothing gets the space it needs."""
        s = self.t.s
        if start == end and self.tree.is_empty(loc.node):
            before = start
            while before > 0 and s[before - 1] in " \t":
                before -= 1
            if loc.key is not None and (before == 0 or s[before - 1] != ":"):
                text = ": " + text
            elif start == 0 or s[start - 1] not in " \t":
                text = " " + text
        self.add(start, end, text, depth)

    def inline(self, loc: Loc, value: Any) -> str:
        """A value in one piece: a scalar in the old one's style, a literal block, or flow."""
        node = loc.node
        if is_collection(value):
            return flow(value)
        if isinstance(node, ScalarNode) and is_block_scalar(node) and isinstance(value, str):
            literal = self.literal(loc, value)
            if literal is not None:
                return literal
        return scalar(value, node.style if isinstance(node, ScalarNode) else None)

    def literal(self, loc: Loc, value: str) -> str | None:
        t, tree, node = self.t, self.tree, loc.node
        if loc.key is not None:
            parent_col = t.column(loc.key.start_mark.index)
        elif loc.parent is not None:
            parent_col = t.column(tree.dash(node))
        else:
            return None
        start = node.start_mark.index
        end = t.strip_final_break(start, tree.content_end(node))
        if end >= len(t) or t.s[end] not in BREAKS:
            return None  # a literal at the very end of a file would lose its last line break
        indent = parent_col + self.indents.mapping
        line = t.next_line(start)
        while line < end and t.is_blank(line):
            line = t.next_line(line)
        if line < end:
            own = len(t.s[line : t.line_end(line)]) - len(t.s[line : t.line_end(line)].lstrip(" "))
            indent = own if own > parent_col else indent
        lines = literal_lines(value, indent)
        return None if lines is None else t.newline_at(start).join(lines)

    # -- entries of a collection ---------------------------------------------------------------

    def block_entries(self, loc: Loc, deleted: list[int], additions: list[Any]) -> None:
        node, tree, t = loc.node, self.tree, self.t
        depth = len(loc.path) + 1
        count = len(node.value)
        for a, b in _runs(deleted):
            head = tree.head(node, a)
            if tree.shares_line(head):
                if a != 0 or not tree.shared_prefix_ok(head):
                    raise tree.unsupported(head)
                self.add(head, tree.head(node, b + 1), "", depth)  # the next entry moves up
                continue
            start = t.line_start(head)
            if a > 0:
                floor = t.after(tree.entry_end(node, a - 1))
                while start > floor:
                    previous = t.line_start(start - 1)
                    if previous < floor or not t.is_blank(previous):
                        break
                    start = previous
            end = t.after(tree.entry_end(node, b))
            if a == 0:
                ceiling = t.line_start(tree.head(node, b + 1))
                while end < ceiling and t.is_blank(end):
                    end = t.next_line(end)
            self.add(start, end, "", depth)
        if not additions:
            return
        last = count - 1
        last_end = tree.entry_end(node, last)
        head = tree.head(node, last)
        col = t.column(head)
        spaced = False
        if count >= 2:
            line = t.after(tree.entry_end(node, last - 1))
            while line < t.line_start(head) and not spaced:
                spaced = t.is_blank(line)
                line = t.next_line(line)
        indents = self.indents
        lines: list[str] = []
        if isinstance(node, MappingNode):
            for key, value in additions:
                lines += [""] * spaced + self.indented(block_lines({key: value}, col, indents), col)
        else:
            item = node.value[last]
            offset = item.start_mark.index - head
            if tree.is_empty(item) or t.line_start(item.start_mark.index) != t.line_start(head) or offset < 2:
                offset = indents.item
            item_indents = Indents(indents.mapping, indents.sequence, offset)
            for value in additions:
                lines += [""] * spaced + self.indented(block_lines([value], col, item_indents), col)
        self.insert_lines(t.after(last_end), lines, last_end, depth)

    @staticmethod
    def indented(lines: list[str], col: int) -> list[str]:
        return [" " * col + lines[0], *lines[1:]]

    def flow_entries(self, loc: Loc, deleted: list[int], additions: list[Any]) -> None:
        node, tree, t = loc.node, self.tree, self.t
        depth = len(loc.path) + 1
        if not tree.braced(node):
            raise tree.unsupported(node.start_mark.index)  # "[a: 1]": a mapping without braces
        count = len(node.value)
        for a, b in _runs(deleted):
            if b < count - 1:
                self.add(tree.head(node, a), tree.head(node, b + 1), "", depth)
            else:
                self.add(tree.entry_end(node, a - 1), tree.entry_end(node, b), "", depth)
        if not additions:
            return
        gone = set(deleted)
        kept = max(i for i in range(count) if i not in gone)
        at = tree.entry_end(node, kept)
        if isinstance(node, MappingNode):
            parts = [f"{key_text(key)}: {flow(value)}" for key, value in additions]
        else:
            parts = [flow(value) for value in additions]
        last = tree.head(node, count - 1)
        above = tree.head(node, count - 2) if count >= 2 else node.start_mark.index
        if t.line_start(last) == t.line_start(above):  # entries side by side: "[a, b]"
            self.add(at, at, "".join(", " + part for part in parts), depth)
            return
        # One entry per line: new entries get lines of their own, after any comment on the last one.
        newline, pad = t.newline_at(at), " " * t.column(last)
        after = at
        while after < len(t) and t.s[after] in " \t":
            after += 1
        trailing = after < len(t) and t.s[after] == ","
        rest = t.s[after + trailing : t.line_end(at)].strip(" \t")
        if kept < count - 1 or (rest and not rest.startswith("#")):
            self.add(at, at, "".join("," + newline + pad + part for part in parts), depth)
            return
        if not trailing:
            self.add(at, at, ",", depth)
        ends = ["," if trailing or i < len(parts) - 1 else "" for i in range(len(parts))]
        self.add(
            t.line_end(at),
            t.line_end(at),
            "".join(newline + pad + p + e for p, e in zip(parts, ends, strict=True)),
            depth,
        )

    # -- new lines -----------------------------------------------------------------------------

    def lines_text(self, at: int, stop: int, lines: list[str], near: int) -> str:
        """``lines`` as the text of ``at:stop``, whole lines in the line ending of the line at ``near``.

        A file that ends without a line break still does after the edit.
        """
        newline = self.t.newline_at(near)
        s = self.t.s
        open_end = not s or s[-1] not in BREAKS
        lead = newline if at >= len(s) and open_end else ""
        trail = "" if stop >= len(s) and open_end else newline
        return lead + newline.join(lines) + trail

    def insert_lines(self, at: int, lines: list[str], near: int, depth: int) -> None:
        self.add(at, at, self.lines_text(at, at, lines, near), depth)


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive indices as ``(first, last)`` runs: ``[1, 2, 5]`` → ``[(1, 2), (5, 5)]``."""
    runs: list[tuple[int, int]] = []
    for index in indices:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs
