"""Positions in the text being edited: lines as the YAML parser counts them.

libyaml ends a line at ``\\r\\n``, ``\\r``, ``\\n``, NEL (U+0085), LS (U+2028) and PS (U+2029), and its
marks count characters, not bytes. Every offset here is a character offset into the decoded text
(without its byte-order mark), so offsets from the node tree and offsets from here agree.
"""

from __future__ import annotations

BREAKS = "\r\n\x85\u2028\u2029"
_RARE_BREAKS = "\x85\u2028\u2029"


class Text:
    """A text with the line questions an edit asks: where a line starts and ends, is it blank."""

    def __init__(self, text: str) -> None:
        self.s = text
        self._breaks = "\n" + ("\r" if "\r" in text else "") + "".join(ch for ch in _RARE_BREAKS if ch in text)
        first = text.find("\n")
        #: The line ending new lines get when the line they follow has none of its own.
        self.newline = (
            "\r\n" if first > 0 and text[first - 1] == "\r" else ("\r" if first == -1 and "\r" in text else "\n")
        )

    def __len__(self) -> int:
        return len(self.s)

    def line_start(self, i: int) -> int:
        """The offset where the line holding offset ``i`` starts (a line's break belongs to it)."""
        found = max(self.s.rfind(ch, 0, i) for ch in self._breaks)
        if found >= 0 and found + 1 == i and self.s.startswith("\r\n", found):
            return self.line_start(found)  # ``i`` is the "\n" of a "\r\n": still the same line
        return found + 1

    def line_end(self, i: int) -> int:
        """The offset of the break that ends the line holding ``i`` (the end of the text if none)."""
        found = [pos for pos in (self.s.find(ch, i) for ch in self._breaks) if pos != -1]
        return min(found) if found else len(self.s)

    def next_line(self, i: int) -> int:
        """The offset where the line after the one holding ``i`` starts (the end of the text if none)."""
        end = self.line_end(i)
        if end >= len(self.s):
            return end
        return end + 2 if self.s.startswith("\r\n", end) else end + 1

    def after(self, i: int) -> int:
        """The start of the line after the content that ends at ``i`` (``i`` itself after a break)."""
        if i > 0 and self.s[i - 1] in BREAKS:
            return i
        return self.next_line(i)

    def column(self, i: int) -> int:
        return i - self.line_start(i)

    def line_number(self, i: int) -> int:
        """The 1-based line of offset ``i``, counted as the parser counts lines."""
        s = self.s[:i]
        return s.count("\n") + s.count("\r") - s.count("\r\n") + sum(s.count(ch) for ch in _RARE_BREAKS) + 1

    def is_blank(self, start: int) -> bool:
        """Whether the line starting at ``start`` holds nothing but spaces and tabs."""
        return start < len(self.s) and not self.s[start : self.line_end(start)].strip(" \t")

    def newline_at(self, i: int) -> str:
        """The line ending of the line holding ``i``, or the text's usual one if it has none."""
        end = self.line_end(i)
        if self.s.startswith("\r\n", end):
            return "\r\n"
        if end < len(self.s) and self.s[end] in "\r\n":
            return self.s[end]
        return self.newline

    def strip_final_break(self, start: int, end: int) -> int:
        """``end`` moved before one line break that ends the span ``start:end``, if it ends with one."""
        if end - 2 >= start and self.s.startswith("\r\n", end - 2):
            return end - 2
        if end - 1 >= start and self.s[end - 1] in BREAKS:
            return end - 1
        return end
