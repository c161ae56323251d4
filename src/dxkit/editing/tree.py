"""The node tree of the text being edited, and where each node's text really ends.

The edit layer composes its own tree with PyYAML's composer (libyaml when present): it needs
nothing from the reading loader but its final word on the result. Every scalar comes back as
text here (the base resolver); tags do not matter for finding spans, the strict loader decides
what the values mean.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from dxkit.editing.text import BREAKS, Text
from dxkit.errors import EditError

try:  # pragma: no cover - which branch runs depends on the PyYAML build
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import BaseLoader as _Loader  # type: ignore[assignment]

Key = str | int
Path = tuple[Key, ...]

_DASH_LINE = re.compile(r"^[ \t]*-(?:[ \t]+#.*|[ \t]*)$")
_COMMENT_LINE = re.compile(r"^[ \t]*(?:#.*)?$")
_EXPLICIT_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)*\?[ \t]")
#: What may stand before the first entry of a block collection on its line: indentation, or the
#: dashes of enclosing list items ("- - a", "- key: v").
_SHARED_PREFIX = re.compile(r"^[ \t]*(?:-[ \t]+)+$")


@contextmanager
def no_gc() -> Iterator[None]:
    """Parsing builds an acyclic tree: the cyclic collector would only slow a large file down.

    What was built is then moved to the collector's oldest generation (``freeze`` and
    ``unfreeze``, two list splices): it lives on as the document, and left among the young
    objects the first collection after parsing would walk all of it (0.3 s for a 10,000-task
    ``roles.yaml``). Nothing is kept from the collector: the oldest generation is still collected.
    In a command that froze what it loaded (:func:`gc.freeze`), what was built is frozen with it
    and nothing frozen before is let go.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            frozen = gc.get_freeze_count()
            gc.freeze()
            if not frozen:
                gc.unfreeze()
            gc.enable()


def compose(text: str) -> Node | None:
    """The node tree of ``text`` (``None`` for an empty document)."""
    with no_gc():
        return yaml.compose(text, Loader=_Loader)


def is_flow(node: Node) -> bool:
    return isinstance(node, MappingNode | SequenceNode) and bool(node.flow_style)


def is_block_collection(node: Node) -> bool:
    return isinstance(node, MappingNode | SequenceNode) and not node.flow_style


def is_block_scalar(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.style in ("|", ">")


def children(node: Node) -> list[Node]:
    """The child nodes in text order (keys and values alike for a mapping)."""
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def iter_nodes(root: Node) -> Iterator[Node]:
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


@dataclass(frozen=True)
class Loc:
    """A node found by its path, with what its parent is (the edit depends on it)."""

    node: Node
    path: Path
    parent: Loc | None = None
    #: The key node when the node is a mapping value.
    key: ScalarNode | None = None
    #: The node's place among its parent's entries.
    index: int = 0

    @property
    def in_flow(self) -> bool:
        return self.parent is not None and is_flow(self.parent.node)


def _end(node: Node) -> int:
    end: int = node.end_mark.index
    return end


def unsupported(text: Text, file: str, offset: int) -> EditError:
    """The error for a layout the editor will not change, pointing at ``file:line:column``."""
    offset = max(0, min(offset, len(text)))
    line = text.line_number(offset)
    column = offset - text.line_start(offset) + 1
    return EditError("edit.unsupported", file=file, where=f"{file}:{line}:{column}")


class Tree:
    """The composed tree of one text, with the span questions the editor asks."""

    def __init__(self, text: Text, root: Node, file: str) -> None:
        self.text = text
        self.root = Loc(root, ())
        self.file = file

    # -- errors ------------------------------------------------------------------------------

    def unsupported(self, offset: int) -> EditError:
        return unsupported(self.text, self.file, offset)

    # -- finding nodes -------------------------------------------------------------------------

    def has_properties(self, node: Node) -> bool:
        """Whether the node carries an anchor or a tag (``&a``, ``!!map``) in front of it."""
        start = node.start_mark.index
        return start < len(self.text) and self.text.s[start] in "&!"

    def find(self, path: Path) -> Loc | None:
        """The node at ``path``, or ``None`` when the path leads nowhere.

        A node reached through an alias, or a collection carrying an anchor, is refused: an edit
        there would change every place that shares it.
        """
        loc = self.root
        for part in path:
            node = loc.node
            if self.has_properties(node) and not isinstance(node, ScalarNode):
                raise self.unsupported(node.start_mark.index)
            child: Loc | None = None
            if isinstance(node, MappingNode) and isinstance(part, str):
                for index, (key, value) in enumerate(node.value):
                    if isinstance(key, ScalarNode) and key.value == part:
                        if value.start_mark.index < key.end_mark.index:
                            raise self.unsupported(key.start_mark.index)  # an alias to an earlier node
                        child = Loc(value, (*loc.path, part), loc, key, index)
                        break
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                item = node.value[part]
                before = node.value[part - 1].start_mark.index if part else node.start_mark.index - 1
                if item.start_mark.index <= before:
                    raise self.unsupported(node.start_mark.index)
                child = Loc(item, (*loc.path, part), loc, None, part)
            if child is None:
                return None
            loc = child
        if self.has_properties(loc.node):
            raise self.unsupported(loc.node.start_mark.index)
        return loc

    # -- spans ---------------------------------------------------------------------------------

    def content_end(self, node: Node) -> int:
        """The offset just after the last character that belongs to ``node``.

        A block collection's end mark lies at the next token, past comments and blank lines; a
        block scalar's past the blank lines that follow it. Both are brought back to their last
        content; a keep-chomped block scalar (``|+``) keeps its trailing line breaks.
        """
        while is_block_collection(node):
            if isinstance(node, MappingNode):
                key, value = node.value[-1]
                return max(_end(key), self.content_end(value))
            node = node.value[-1]
        end: int = node.end_mark.index
        if not is_block_scalar(node):
            return end
        start = node.start_mark.index
        if "+" in self.block_header(node):
            return end
        s = self.text.s
        while end > start and (s[end - 1] in BREAKS or s[end - 1] in " \t"):
            end -= 1
        return end

    def block_header(self, node: Node) -> str:
        """The indicators after ``|`` or ``>`` of a block scalar (``"+"``, ``"-2"``, ``""``)."""
        s = self.text.s
        start = node.start_mark.index
        at = min((p for p in (s.find("|", start), s.find(">", start)) if p != -1), default=start)
        end = at + 1
        while end < len(s) and s[end] in "+-0123456789":
            end += 1
        return s[at + 1 : end]

    def head(self, parent: Node, index: int) -> int:
        """Where entry ``index`` of a collection starts: its key, or the dash of a block list item."""
        if isinstance(parent, MappingNode):
            start: int = parent.value[index][0].start_mark.index
            if not is_flow(parent):
                if _EXPLICIT_KEY.match(self.text.s[self.text.line_start(start) : start]):
                    raise self.unsupported(start)  # "? key": the entry starts before its key
                return start
            before = start
            while before > 0 and self.text.s[before - 1] in " \t\r\n":
                before -= 1
            return before - 1 if before > 0 and self.text.s[before - 1] == "?" else start
        item: Node = parent.value[index]
        start = item.start_mark.index
        if is_flow(parent):
            return start
        return self.dash(item)

    def dash(self, item: Node) -> int:
        s = self.text.s
        i = item.start_mark.index - 1
        while i >= 0 and s[i] in " \t":
            i -= 1
        if i >= 0 and s[i] == "-":
            return i
        # The item starts on a later line than its dash ("-" alone, or with a comment).
        line = self.text.line_start(item.start_mark.index)
        while line > 0:
            line = self.text.line_start(line - 1)
            content = s[line : self.text.line_end(line)]
            if _DASH_LINE.match(content):
                return line + content.index("-")
            if not _COMMENT_LINE.match(content):
                break
        raise self.unsupported(item.start_mark.index)

    def entry_end(self, parent: Node, index: int) -> int:
        """The offset just after the last character of entry ``index`` (a pair ends with its value)."""
        if isinstance(parent, MappingNode):
            key, value = parent.value[index]
            return max(_end(key), self.content_end(value))
        return self.content_end(parent.value[index])

    def colon(self, key: Node) -> int:
        """The offset of the ``:`` that follows a block mapping key."""
        s = self.text.s
        i = key.end_mark.index
        while i < len(s) and s[i] in " \t":
            i += 1
        if i < len(s) and s[i] == ":":
            return i
        raise self.unsupported(key.start_mark.index)

    def shares_line(self, offset: int) -> bool:
        """Whether something other than indentation stands before ``offset`` on its line."""
        return bool(self.text.s[self.text.line_start(offset) : offset].strip(" \t"))

    def shared_prefix_ok(self, offset: int) -> bool:
        return bool(_SHARED_PREFIX.match(self.text.s[self.text.line_start(offset) : offset]))

    def braced(self, node: Node) -> bool:
        """Whether a flow collection is written with its brackets (``[a: 1]`` holds one that is not)."""
        end = node.end_mark.index
        return is_flow(node) and end > 0 and self.text.s[end - 1] in "]}"

    def is_empty(self, node: Node) -> bool:
        """A value written as nothing at all (``key:`` or a bare ``-``)."""
        return isinstance(node, ScalarNode) and node.start_mark.index == node.end_mark.index


@dataclass(frozen=True)
class Indents:
    """How this file indents: a nested mapping, a list under a key, an item's content after its dash."""

    mapping: int = 2
    sequence: int = 2
    item: int = 2


def detect_indents(tree: Tree, budget: int = 4000) -> Indents:
    """The file's own indentation steps, read from the first examples of each (2 when none)."""
    found: dict[str, int] = {}
    text = tree.text
    for seen, node in enumerate(iter_nodes(tree.root.node)):
        if seen > budget or len(found) == 3:
            break
        if not is_block_collection(node):
            continue
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if not is_block_collection(value) or tree.has_properties(value):
                    continue
                key_col = text.column(key.start_mark.index)
                if isinstance(value, MappingNode) and "mapping" not in found:
                    step = text.column(value.value[0][0].start_mark.index) - key_col
                    if step > 0:
                        found["mapping"] = step
                elif isinstance(value, SequenceNode) and "sequence" not in found:
                    try:
                        step = text.column(tree.dash(value.value[0])) - key_col
                    except EditError:
                        continue
                    if step >= 0:
                        found["sequence"] = step
        elif "item" not in found:
            item = node.value[0]
            if isinstance(item, MappingNode) and not item.flow_style and not tree.has_properties(item):
                try:
                    dash = tree.dash(item)
                except EditError:
                    continue
                if not tree.shares_line(dash) and text.line_start(dash) == text.line_start(item.start_mark.index):
                    found["item"] = item.start_mark.index - dash
    return Indents(**found)
