"""Bring the proposals of a Decidim open-data export into the issue register (``dxkit import decidim``).

Each proposal becomes one issue that keeps where it came from (``source: {system: decidim, id,
reference, url, state, …}``). The import owns the issue's title, description and ``source``:
when the proposal changes in Decidim, those fields follow it, and nothing else. Category,
priority, digital fit, evidence, the linked tasks and the status are a person's work in dxkit
and are set only when the issue is first added (the category from the proposal's category when
it reads as one of dxkit's fields, otherwise ``other``).

A proposal that Decidim marks withdrawn or rejected is added as ``closed``; an issue already in
the register is closed when its proposal turns withdrawn or rejected and the issue was still
open. Proposals are matched to issues by their Decidim id, so a proposal whose title changed is
the same issue; importing the same export again changes no byte of the register.

Edits go through the edit layer (:mod:`dxkit.editing`), as ``dxkit promote`` does: comments,
blank lines and formatting stay as a person wrote them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from dxkit.decidim import CLOSED_STATES, Proposal
from dxkit.editing import editor_for
from dxkit.errors import UsageError
from dxkit.labels import labels
from dxkit.loading import Document
from dxkit.model.records import LABEL_CODES

_ID = re.compile(r"^I-(\d+)$")
#: The fields of an issue that come from Decidim, in the order they are compared and reported.
OWNED = ("title", "description", "source")


@dataclass
class DecidimImport:
    """What an import does to the register: issues added, fields changed, issues closed."""

    added: list[tuple[str, Proposal]] = field(default_factory=list)
    #: ``(issue id, field, old value, new value)``
    changed: list[tuple[str, str, Any, Any]] = field(default_factory=list)
    closed: list[tuple[str, Proposal]] = field(default_factory=list)
    text: str = ""
    document: Document | None = None

    @property
    def changes(self) -> int:
        return len(self.added) + len({issue for issue, *_ in self.changed}) + len(self.closed)


def _key(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def category_for(name: str | None) -> str:
    """dxkit's field for a Decidim category name, when the name is one of the fields' labels."""
    if name:
        wanted = _key(name)
        for lang in ("ja", "en"):
            for code, shown in labels("field", lang).items():
                if _key(shown) == wanted or _key(code) == wanted:
                    return code
    return "other"


def source_of(proposal: Proposal) -> dict[str, Any]:
    """The ``source`` mapping of the issue a proposal becomes, in the order a person reads it."""
    source: dict[str, Any] = {"system": "decidim", "id": proposal.id}
    optional: dict[str, Any] = {
        "reference": proposal.reference,
        "url": proposal.url,
        "state": proposal.state,
        "published_at": proposal.published_at.isoformat() if proposal.published_at else None,
        "supports": proposal.supports,
        "comments": proposal.comments,
        "category": proposal.category,
        "scope": proposal.scope,
    }
    source.update({key: value for key, value in optional.items() if value is not None})
    return source


def owned_fields(proposal: Proposal) -> dict[str, Any]:
    """The fields of an issue that Decidim decides (``description`` only when the proposal has a body)."""
    fields: dict[str, Any] = {"title": proposal.title}
    if proposal.body:
        fields["description"] = proposal.body
    fields["source"] = source_of(proposal)
    return fields


def new_issue(issue_id: str, proposal: Proposal) -> dict[str, Any]:
    owned = owned_fields(proposal)
    entry: dict[str, Any] = {"id": issue_id, "title": owned["title"]}
    if "description" in owned:
        entry["description"] = owned["description"]
    entry.update(
        category=category_for(proposal.category),
        priority="medium",
        dx_fit="unknown",
        status="closed" if proposal.state in CLOSED_STATES else "open",
        source=owned["source"],
    )
    return entry


def _code(enum: str, value: Any) -> Any:
    """The code of a value a person may have written as its label (``取り下げ`` for ``withdrawn``)."""
    return LABEL_CODES[enum].get(value, value) if isinstance(value, str) else value


def _decidim_id(issue: Any) -> int | None:
    source = issue.get("source") if isinstance(issue, dict) else None
    if not isinstance(source, dict) or _code("IssueSource.system", source.get("system")) != "decidim":
        return None
    if isinstance(source.get("id"), int) and not isinstance(source.get("id"), bool):
        return int(source["id"])
    return None


def plan_decidim_import(proposals: list[Proposal], register: Document, register_text: str) -> DecidimImport:
    """The register's new text with the export's proposals added or brought up to date."""
    issues = register.data.get("issues") if isinstance(register.data, dict) else None
    if not isinstance(issues, list):
        raise UsageError("decidim.no_list", file=register.path)
    by_decidim = {number: index for index, issue in enumerate(issues) if (number := _decidim_id(issue)) is not None}
    taken = {str(issue.get("id")) for issue in issues if isinstance(issue, dict)}
    numbers = [int(m.group(1)) for issue_id in taken if (m := _ID.match(issue_id))]
    next_number = max(numbers, default=0) + 1
    plan = DecidimImport()
    editor = editor_for(register, register_text)
    for proposal in proposals:
        index = by_decidim.get(proposal.id)
        if index is None:
            while f"I-{next_number:03d}" in taken:
                next_number += 1
            issue_id = f"I-{next_number:03d}"
            taken.add(issue_id)
            editor.append(("issues",), new_issue(issue_id, proposal))
            plan.added.append((issue_id, proposal))
            continue
        issue = issues[index]
        issue_id = str(issue["id"])
        for key, value in owned_fields(proposal).items():
            old = issue.get(key)
            if old == value:
                continue
            if key in issue:
                editor.set(("issues", index, key), value)
            else:
                editor.add_key(("issues", index), key, value)
            plan.changed.append((issue_id, key, old, value))
        old_state = _code("IssueSource.state", (issue.get("source") or {}).get("state"))
        turned_closed = proposal.state in CLOSED_STATES and old_state not in CLOSED_STATES
        if turned_closed and _code("Issue.status", issue.get("status", "open")) == "open":
            if "status" in issue:
                editor.set(("issues", index, "status"), "closed")
            else:
                editor.add_key(("issues", index), "status", "closed")
            plan.closed.append((issue_id, proposal))
    edited = editor.apply()
    plan.text, plan.document = edited.text, edited.document
    return plan
