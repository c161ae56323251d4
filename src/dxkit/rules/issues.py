"""Rules on the regional issue register (``issues.yaml``): DX5xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.rules.registry import Hit, iter_duplicate_ids, rule


@rule("DX501", "duplicate-issue-id", Severity.ERROR, guide="discovery/index.md")
def check_duplicate_issue_id(c: Consortium) -> Iterator[Hit]:
    yield from iter_duplicate_ids(c.issues)
