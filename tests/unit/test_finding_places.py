"""Findings name an entry by its id (T-002, G1, I-001, a member id), never by a zero-based index."""

from __future__ import annotations

import json
from pathlib import Path

from dxkit.findings import Finding
from dxkit.loading import load_text
from dxkit.schema_check import check_schema
from tests.helpers import invoke

ROLES = """kind: roles
version: 1
tasks:
  - id: T-001
    title: 一つ目
    stage: planning
    responsible: [city]
    accountable: city
    due: "2026-06-30"
    done_criteria: 記録がある
    status: not-started
  - id: T-002
    title: 二つ目
    stage: planning
    responsible: [city]
    accountable: city
    due: "2026/7/1"
    done_criteria: 記録がある
    status: not-started
"""

GATES = """kind: gates
version: 1
gates:
  - id: G1
    from: planning
    to: demonstration
    criteria:
      desirability:
        - id: D1
          text: ""
      feasibility: []
      viability: []
"""


def _messages(text: str, path: str, lang: str) -> list[Finding]:
    return check_schema(load_text(text, path), lang)


def test_a_task_field_is_named_by_the_task_id(lang: str) -> None:
    (finding,) = _messages(ROLES, "roles.yaml", lang)
    assert "T-002" in finding.message
    assert "tasks[1]" not in finding.message
    expected = "T-002 の期限（due）" if lang == "ja" else "Due date (due) of T-002"
    assert finding.message.startswith(expected)


def test_an_entry_inside_an_entry_is_named_by_both_ids(lang: str) -> None:
    (finding,) = _messages(GATES, "gates.yaml", lang)
    assert "G1" in finding.message and "[D1]" in finding.message
    assert "gates[0]" not in finding.message and "[0]" not in finding.message


def test_an_entry_without_an_id_keeps_its_position(lang: str) -> None:
    text = ROLES.replace("  - id: T-002\n", "  - title_only: x\n")
    messages = " ".join(f.message for f in _messages(text, "roles.yaml", lang))
    assert "tasks[1]" in messages


def test_machine_formats_keep_the_position_and_the_message_names_the_id(tmp_path: Path, lang: str) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "roles.yaml").write_text(ROLES, encoding="utf-8")
    args = ["validate", str(folder), "--lang", lang, "--today", "2026-06-01"]
    result = invoke([*args, "--format", "json"], exit=1)
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["line"] == 17 and finding["column"] == 10
    assert "T-002" in finding["message"] and "tasks[1]" not in finding["message"]
    text = invoke(args, exit=1).stdout
    assert "T-002" in text and "tasks[1]" not in text
