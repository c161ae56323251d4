"""Edit a YAML file as text, so that everything not edited stays byte for byte.

People keep comments, blank lines and their own quoting in governance files; re-dumping a
file would lose all of that. Instead each edit replaces one span of the original text,
located through the parsed node tree:

* a changed scalar, or a flow-style list or mapping, is replaced where it stands;
* a block-style list or mapping that changes shape is replaced by a flow value after its key;
* a new key is added as a new line at the end of its mapping;
* a removed key loses exactly its own lines;
* a new list item is appended after the last one, in the list's indentation and spacing.

Values are written as JSON, which is valid YAML and safe for any text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from dxkit.loading import Document


def flow(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


class TextEditor:
    """Collects non-overlapping edits on one document's text and applies them together."""

    def __init__(self, doc: Document, text: str) -> None:
        self.doc = doc
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.line_starts = [0]
        for index, ch in enumerate(text):
            if ch == "\n":
                self.line_starts.append(index + 1)
        self.edits: list[Edit] = []

    # -- positions -------------------------------------------------------------------------

    def offset(self, line: int, column: int) -> int:
        if line >= len(self.line_starts):
            return len(self.text)
        return self.line_starts[line] + column

    def line_end(self, line: int) -> int:
        """Offset just after the newline that ends ``line`` (or the end of the text)."""
        return self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)

    def content_end(self, line: int) -> int:
        """Offset of the newline that ends ``line`` (or the end of the text)."""
        end = self.line_end(line)
        while end > self.line_starts[line] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def node(self, path: Sequence[str | int]) -> tuple[Node, ScalarNode | None]:
        node: Node = self.doc.root
        key: ScalarNode | None = None
        for part in path:
            if isinstance(node, MappingNode):
                for k, v in node.value:
                    if isinstance(k, ScalarNode) and k.value == part:
                        node, key = v, k
                        break
                else:
                    raise KeyError(part)
            elif isinstance(node, SequenceNode):
                node, key = node.value[part], None  # type: ignore[index]
            else:
                raise KeyError(part)
        return node, key

    @staticmethod
    def last_leaf(node: Node) -> Node:
        while True:
            if isinstance(node, MappingNode) and node.value and not node.flow_style:
                node = node.value[-1][1]
            elif isinstance(node, SequenceNode) and node.value and not node.flow_style:
                node = node.value[-1]
            else:
                return node

    def last_line(self, node: Node) -> int:
        """The 0-based line of the last character that belongs to ``node``."""
        end = self.last_leaf(node).end_mark
        line = end.line if end.column > 0 else end.line - 1
        while line > node.start_mark.line and not self.text[self.line_starts[line] : self.line_end(line)].strip():
            line -= 1
        return line

    def indent_of(self, mapping: MappingNode) -> int:
        return mapping.value[0][0].start_mark.column if mapping.value else mapping.start_mark.column + 2

    # -- edits ------------------------------------------------------------------------------

    def add(self, start: int, end: int, text: str) -> None:
        self.edits.append(Edit(start, end, text))

    def set_value(self, path: Sequence[str | int], value: Any) -> None:
        """Replace the value at ``path`` (which exists) with ``value``."""
        node, key = self.node(path)
        if isinstance(node, ScalarNode) or node.flow_style:
            start = self.offset(node.start_mark.line, node.start_mark.column)
            end_mark = node.end_mark
            if isinstance(node, ScalarNode) and end_mark.column == 0 and end_mark.line > node.start_mark.line:
                # A block scalar (| or >) ends at the start of the next line: keep that newline.
                end = self.content_end(self.last_line(node))
            else:
                end = self.offset(end_mark.line, end_mark.column)
            self.add(start, end, flow(value))
            return
        if key is None:
            raise ValueError("a block list item cannot be replaced in place")
        # A block list or mapping: everything after "key:" up to its last line becomes flow.
        start = self.offset(key.end_mark.line, key.end_mark.column)
        self.add(start, self.content_end(self.last_line(node)), ": " + flow(value))

    def add_key(self, mapping_path: Sequence[str | int], key: str, value: Any) -> None:
        mapping, _ = self.node(mapping_path)
        assert isinstance(mapping, MappingNode)
        if mapping.flow_style or not mapping.value:
            raise ValueError("flow mappings are replaced whole, not extended")
        at = self.line_end(self.last_line(mapping))
        pad = " " * self.indent_of(mapping)
        prefix = "" if self.text[:at].endswith("\n") else self.newline
        self.add(at, at, f"{prefix}{pad}{key}: {flow(value)}{self.newline}")

    def delete_key(self, mapping_path: Sequence[str | int], key: str) -> None:
        mapping, _ = self.node(mapping_path)
        assert isinstance(mapping, MappingNode) and not mapping.flow_style
        for k, v in mapping.value:
            if isinstance(k, ScalarNode) and k.value == key:
                last = max(k.start_mark.line, self.last_line(v))
                self.add(self.line_starts[k.start_mark.line], self.line_end(last), "")
                return
        raise KeyError(key)

    def append_item(self, seq_path: Sequence[str | int], item_lines: list[str], *, spaced: bool | None = None) -> None:
        """Append a block item (``item_lines`` without the leading "- ", already indented by 2)."""
        seq, _ = self.node(seq_path)
        assert isinstance(seq, SequenceNode) and not seq.flow_style and seq.value
        items = seq.value
        dash = max(items[0].start_mark.column - 2, 0)
        if spaced is None:
            spaced = any(
                item.start_mark.line > 0
                and not self.text[
                    self.line_starts[item.start_mark.line - 1] : self.line_starts[item.start_mark.line]
                ].strip()
                for item in items[1:]
            )
        at = self.line_end(self.last_line(items[-1]))
        pad = " " * dash
        lines = [f"{pad}- {item_lines[0]}"] + [f"{pad}  {line}" for line in item_lines[1:]]
        prefix = "" if self.text[:at].endswith("\n") else self.newline
        block = (self.newline if spaced else "") + self.newline.join(lines) + self.newline
        self.add(at, at, prefix + block)

    def delete_item(self, seq_path: Sequence[str | int], index: int) -> None:
        seq, _ = self.node(seq_path)
        assert isinstance(seq, SequenceNode) and not seq.flow_style
        item = seq.value[index]
        first = item.start_mark.line
        self.add(self.line_starts[first], self.line_end(self.last_line(item)), "")

    def apply(self) -> str:
        edits = sorted(self.edits, key=lambda e: (e.start, e.end))
        for before, after in zip(edits, edits[1:]):
            if after.start < before.end:
                raise ValueError("overlapping edits")
        out = self.text
        for edit in reversed(edits):
            out = out[: edit.start] + edit.text + out[edit.end :]
        return out
