"""Snapshots of every rule message, in Japanese and English, as a person reads them.

``snapshots/<CODE>.snap`` holds the findings of every ``fixtures/<CODE>/bad*`` case, one line
each (``file:line:col: CODE message``), first in Japanese, then in English. The test fails on
any difference; after a deliberate change, rewrite the files with ``DXKIT_UPDATE_SNAPSHOTS=1``
and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from dxkit.i18n import LANGS
from dxkit.rules import get_rule, iter_rules
from dxkit.validate import check_paths
from tests.conftest import TODAY

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SNAPSHOTS = HERE / "snapshots"
UPDATE = os.environ.get("DXKIT_UPDATE_SNAPSHOTS") == "1"
CODES = [rule.code for rule in iter_rules()]
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _visible(text: str) -> str:
    """One finding per line, whatever its message holds."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def bad_cases(code: str) -> list[Path]:
    return sorted(p for p in (FIXTURES / code).iterdir() if p.name == "bad" or p.name.startswith("bad-"))


def render_snapshot(code: str, monkeypatch: pytest.MonkeyPatch) -> str:
    rule = get_rule(code)
    parts = [
        f"# {code} {rule.name}: the findings of tests/rules/fixtures/{code}/bad*, as people read them.\n",
        "# Written by tests/rules/test_snapshots.py; rewrite with DXKIT_UPDATE_SNAPSHOTS=1 and read the diff.\n",
    ]
    for case in bad_cases(code):
        with monkeypatch.context() as m:
            m.chdir(case)  # file names in the snapshot are relative to the case
            for lang in LANGS:
                findings = check_paths(["."], lang=lang, today=TODAY).findings
                parts.append(f"\n## {case.name} ({lang})\n")
                parts += [f"{f.file}:{f.line}:{f.column}: {f.code} {_visible(f.message)}\n" for f in findings]
    return "".join(parts)


@pytest.mark.parametrize("code", CODES)
def test_rule_messages_match_their_snapshot(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = SNAPSHOTS / f"{code}.snap"
    actual = render_snapshot(code, monkeypatch)
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"no snapshot {path.name}: run with DXKIT_UPDATE_SNAPSHOTS=1, then read it"
    assert actual == path.read_text(encoding="utf-8"), "messages changed: DXKIT_UPDATE_SNAPSHOTS=1 rewrites them"


def test_every_snapshot_belongs_to_a_rule() -> None:
    orphans = sorted(p.name for p in SNAPSHOTS.glob("*.snap") if p.stem not in CODES)
    if UPDATE:
        for name in orphans:
            (SNAPSHOTS / name).unlink()
        return
    assert orphans == []


def test_a_snapshot_holds_every_case_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    text = render_snapshot("DX306", monkeypatch)
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == ["bad (ja)", "bad (en)", "bad-across-files (ja)", "bad-across-files (en)"]
    assert "roles-2027.yaml:12:9: DX306 タスク id「T-001」が重複しています（最初は roles.yaml:4）。" in text
    assert "roles-2027.yaml:12:9: DX306 Task id 'T-001' is used twice (first at roles.yaml:4)." in text
