"""Move the issues a workshop recorded into the issue register (``dxkit promote``).

The register is edited as text, not re-dumped: new entries are inserted after the last
existing one, in the file's own indentation and spacing, so every comment, blank line and
quirk of formatting a person wrote stays byte for byte. Titles already in the register
(compared without case, width or spacing differences) are skipped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from dxkit.errors import UsageError
from dxkit.loading import Document
from dxkit.scaffold import _yaml_str

_ID = re.compile(r"^I-(\d+)$")


def normalise_title(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).casefold()
    return "".join(ch for ch in text if ch.isalnum())


@dataclass
class Promotion:
    added: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (title, existing id)
    text: str = ""


def _priority(votes: int | None, top: int) -> str:
    if not votes:
        return "low" if votes == 0 else "medium"
    return "high" if top and votes * 3 >= top * 2 else "medium"


def _entry_lines(entry: dict[str, Any], dash: int) -> list[str]:
    pad, inner = " " * dash, " " * (dash + 2)
    found = entry["found_in"]
    lines = [
        f"{pad}- id: {entry['id']}",
        f"{inner}title: {_yaml_str(entry['title'])}",
        f"{inner}category: {entry['category']}",
        f"{inner}priority: {entry['priority']}",
        f"{inner}dx_fit: unknown",
        f"{inner}found_in:",
        f"{inner}  source: workshop",
        f"{inner}  ref: {_yaml_str(found['ref'])}",
        f'{inner}  date: "{found["date"]}"',
    ]
    if found.get("votes") is not None:
        lines.append(f"{inner}  votes: {found['votes']}")
    lines.append(f"{inner}status: open")
    return lines


def _issues_node(doc: Document) -> SequenceNode:
    root = doc.root
    assert isinstance(root, MappingNode)
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "issues" and isinstance(value, SequenceNode):
            return value
    raise UsageError("promote.no_list", file=doc.path)


def plan_promotion(workshop: Document, register: Document, register_text: str) -> Promotion:
    """The register's new text with the workshop's new issues appended, and what was skipped."""
    raised = workshop.data.get("outputs", {}).get("issues", [])
    existing = {normalise_title(i["title"]): i["id"] for i in register.data["issues"]}
    numbers = [int(m.group(1)) for i in register.data["issues"] if (m := _ID.match(i["id"]))]
    taken = {i["id"] for i in register.data["issues"]}
    next_number = max(numbers, default=0) + 1
    top = max((i.get("votes") or 0 for i in raised), default=0)
    ref = PurePath(workshop.path).name
    result = Promotion()
    for issue in sorted(raised, key=lambda i: -(i.get("votes") or 0)):
        key = normalise_title(issue["title"])
        if key in existing:
            result.skipped.append((issue["title"], existing[key]))
            continue
        while f"I-{next_number:03d}" in taken:
            next_number += 1
        entry = {
            "id": f"I-{next_number:03d}",
            "title": issue["title"],
            "category": issue.get("category", "other"),
            "priority": _priority(issue.get("votes"), top),
            "found_in": {"ref": ref, "date": workshop.data["date"], "votes": issue.get("votes")},
        }
        taken.add(entry["id"])
        existing[key] = entry["id"]
        result.added.append(entry)
    if not result.added:
        result.text = register_text
        return result
    result.text = _insert(register, register_text, result.added)
    return result


def _last_leaf(node):
    while True:
        if isinstance(node, MappingNode) and node.value:
            node = node.value[-1][1]
        elif isinstance(node, SequenceNode) and node.value and node.flow_style is not True:
            node = node.value[-1]
        else:
            return node


def _insert(register: Document, text: str, entries: list[dict[str, Any]]) -> str:
    node = _issues_node(register)
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if not node.value:
        # "issues: []" (or an empty block): replace the empty flow list with a block list.
        start, end = node.start_mark, node.end_mark
        if start.line != end.line:
            raise UsageError("promote.no_list", file=register.path)
        line = lines[start.line]
        before, after = line[: start.column], line[end.column :]
        block = newline.join(line for e in entries for line in _entry_lines(e, 2))
        lines[start.line] = before.rstrip() + newline + block + newline + (after.lstrip() if after.strip() else "")
        return "".join(lines)
    items = node.value
    dash = max(items[0].start_mark.column - 2, 0)
    spaced = any(
        item.start_mark.line > 0 and not lines[item.start_mark.line - 1].strip() for item in items[1:]
    )
    end = _last_leaf(items[-1]).end_mark
    # Right after the last line of the last entry: comments and blank lines that follow
    # the list stay where they are, after the new entries.
    at = end.line if end.column == 0 else end.line + 1
    while at > 0 and not lines[at - 1].strip():
        at -= 1
    if at > 0 and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    block: list[str] = []
    for entry in entries:
        if spaced:
            block.append(newline)
        block += [line + newline for line in _entry_lines(entry, dash)]
    return "".join(lines[:at] + block + lines[at:])
