"""Rules on the regional issue register (``issues.yaml``): DX5xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.rules import Consortium, Hit, docs, iter_duplicate_ids, rule


@rule(
    "DX501",
    "duplicate-issue-id",
    Severity.ERROR,
    title={"ja": "課題 id の重複", "en": "Duplicate issue id"},
    message={
        "ja": "課題 id「{id}」が重複しています（最初は {first} 行目）。",
        "en": "Issue id '{id}' is used twice (first on line {first}).",
    },
    docs=docs(
        what=("地域課題の一覧に同じ id がないかを確かめます。", "Checks that no issue id is used twice."),
        why=(
            "課題の id はワークショップの記録や取組と課題を結びます。重複すると、どの課題の話か分からなくなります。",
            "Issue ids link workshop records and projects to issues; with a duplicate nobody "
            "knows which issue is meant.",
        ),
        fix=("片方に新しい id を付けてください。", "Give one of them a new id."),
    ),
    guide="discovery/index.md",
    example="  - id: I-001\n  - id: I-001\n",
    fix="  - id: I-001\n  - id: I-002\n",
)
def check_duplicate_issue_id(c: Consortium) -> Iterator[Hit]:
    yield from iter_duplicate_ids(c.issues, "issues")
