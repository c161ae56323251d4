"""Move the issues a workshop recorded into the issue register (``dxkit promote``).

New entries are appended to the register's ``issues:`` list through the edit layer
(:mod:`dxkit.editing`), so every comment, blank line and quirk of formatting a person wrote
stays byte for byte, whether the list is written in block style, in flow style or still empty
(``issues: []``). Titles already in the register (compared without case, width or spacing
differences) are skipped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from dxkit.editing import editor_for
from dxkit.errors import UsageError
from dxkit.loading import Document

_ID = re.compile(r"^I-(\d+)$")


def normalise_title(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).casefold()
    return "".join(ch for ch in text if ch.isalnum())


@dataclass
class Promotion:
    added: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (title, existing id)
    text: str = ""
    #: The new text as the edit layer proved it (``None`` when nothing was added).
    document: Document | None = None


def _priority(votes: int | None, top: int) -> str:
    if not votes:
        return "low" if votes == 0 else "medium"
    return "high" if top and votes * 3 >= top * 2 else "medium"


def register_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """One new register entry, in the order a person reads it."""
    found = entry["found_in"]
    origin: dict[str, Any] = {"source": "workshop", "ref": found["ref"], "date": found["date"]}
    if found.get("votes") is not None:
        origin["votes"] = found["votes"]
    return {
        "id": entry["id"],
        "title": entry["title"],
        "category": entry["category"],
        "priority": entry["priority"],
        "dx_fit": "unknown",
        "found_in": origin,
        "status": "open",
    }


def plan_promotion(workshop: Document, register: Document, register_text: str) -> Promotion:
    """The register's new text with the workshop's new issues appended, and what was skipped."""
    issues = register.data.get("issues") if isinstance(register.data, dict) else None
    if not isinstance(issues, list):
        raise UsageError("promote.no_list", file=register.path)
    outputs = workshop.data.get("outputs") or {}
    raised = outputs.get("issues") or []
    existing = {normalise_title(i["title"]): i["id"] for i in issues}
    numbers = [int(m.group(1)) for i in issues if (m := _ID.match(i["id"]))]
    taken = {i["id"] for i in issues}
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
    editor = editor_for(register, register_text)
    for entry in result.added:
        editor.append(("issues",), register_entry(entry))
    edited = editor.apply()
    result.text, result.document = edited.text, edited.document
    return result
