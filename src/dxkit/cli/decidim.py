"""``dxkit import decidim FILE``: the proposals of a Decidim open-data export into issues.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dxkit.cli._output import show
from dxkit.i18n import t

#: How a person reads the name of each field the import may change.
_FIELDS = {
    "title": "decidim.field.title",
    "description": "decidim.field.description",
    "source": "decidim.field.source",
    "status": "decidim.field.status",
}


def _shown(value: Any, key: str, lang: str) -> str:
    """A field's value on one terminal line: a long text cut, a ``source`` by its reference."""
    from dxkit.escape import terminal_text
    from dxkit.labels import label

    if value is None:
        return t("import.empty_value", lang)
    if key == "source" and isinstance(value, dict):
        state = value.get("state")
        parts = [str(value.get("reference") or value.get("id") or "")]
        if state:
            parts.append(label("IssueSource.state", state, lang))
        return terminal_text(" / ".join(p for p in parts if p))
    text = " ".join(str(value).split())
    return terminal_text(text if len(text) <= 60 else text[:59] + "…")


def import_decidim(file: Path, into: Path | None, *, dry_run: bool, lang: str) -> None:
    from contextlib import nullcontext

    from dxkit.decidim import read_proposals
    from dxkit.decidim_import import plan_decidim_import
    from dxkit.editing import read_for_edit, write_edit
    from dxkit.errors import UsageError
    from dxkit.escape import terminal_text
    from dxkit.labels import label
    from dxkit.schema_check import require_valid
    from dxkit.writing import locked

    # The export first: a file beyond the reader's limits, or with rows that cannot be used, is
    # refused before the register is touched.
    export = read_proposals(file, lang)
    if export.problems:
        for p in export.problems:
            message = t(p.msg_id, lang, **p.params)
            show(t("decidim.cell", lang, file=export.file, row=p.row, column=p.column, message=message), err=True)
        raise UsageError("decidim.nothing_written", count=len(export.problems))
    target = into or Path("issues.yaml")
    with nullcontext() if dry_run else locked(target):
        register, raw = read_for_edit(target, ("issues",), lang, changed="decidim.changed")
        plan = plan_decidim_import(export.proposals, register, register.text)
        for issue_id, proposal in plan.added:
            state = label("IssueSource.state", proposal.state, lang)
            reference = proposal.reference or str(proposal.id)
            show(
                t(
                    "decidim.added",
                    lang,
                    id=terminal_text(issue_id),
                    title=terminal_text(proposal.title),
                    reference=terminal_text(reference),
                    state=state,
                )
            )
        for issue_id, key, old, new in plan.changed:
            field = t(_FIELDS[key], lang)
            old_text, new_text = _shown(old, key, lang), _shown(new, key, lang)
            show(t("decidim.updated", lang, id=terminal_text(issue_id), field=field, old=old_text, new=new_text))
        for issue_id, proposal in plan.closed:
            state = label("IssueSource.state", proposal.state, lang)
            show(
                t("decidim.closed", lang, id=terminal_text(issue_id), title=terminal_text(proposal.title), state=state)
            )
        if export.amendments:
            show(t("decidim.amendments", lang, count=export.amendments))
        if plan.document is None:
            show(t("decidim.no_changes", lang, file=str(target)))
            return
        if dry_run:
            require_valid(plan.text, str(target), lang)
            show(t("init.dry_run", lang))
            return
        write_edit(target, raw, plan.text, lang, document=plan.document, changed="decidim.changed")
    updated = len({issue for issue, *_ in plan.changed} | {issue for issue, _ in plan.closed})
    show(t("decidim.written", lang, file=str(target), added=len(plan.added), updated=updated))
