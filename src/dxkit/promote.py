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
from dxkit.yamledit import TextEditor, flow

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


def _entry_lines(entry: dict[str, Any]) -> list[str]:
    """One register entry as block lines (the first without its "- ")."""
    found = entry["found_in"]
    lines = [
        f"id: {entry['id']}",
        f"title: {flow(entry['title'])}",
        f"category: {entry['category']}",
        f"priority: {entry['priority']}",
        "dx_fit: unknown",
        "found_in:",
        "  source: workshop",
        f"  ref: {flow(found['ref'])}",
        f"  date: {flow(found['date'])}",
    ]
    if found.get("votes") is not None:
        lines.append(f"  votes: {found['votes']}")
    lines.append("status: open")
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


def _insert(register: Document, text: str, entries: list[dict[str, Any]]) -> str:
    node = _issues_node(register)
    if node.value and not node.flow_style:
        editor = TextEditor(register, text)
        for entry in entries:
            editor.append_item(("issues",), _entry_lines(entry))
        return editor.apply()
    if node.value or node.start_mark.line != node.end_mark.line:
        raise UsageError("promote.no_list", file=register.path)
    # "issues: []": the empty flow list becomes a block list; everything else stays.
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    line = lines[node.start_mark.line]
    before, after = line[: node.start_mark.column], line[node.end_mark.column :]
    block = [f"  - {item}" if i == 0 else f"    {item}" for e in entries for i, item in enumerate(_entry_lines(e))]
    lines[node.start_mark.line] = (
        before.rstrip() + newline + newline.join(block) + newline + (after.lstrip() if after.strip() else "")
    )
    return "".join(lines)
