"""Status, gates and lessons read the model: every file of a kind counts, results keep their shape."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from dxkit.analyses.gates import build_gate_report, summarise_gates
from dxkit.analyses.lessons import gather
from dxkit.analyses.status import build_status
from dxkit.loading import load_text
from dxkit.model import Consortium

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 10, 1)

MEMBERS = """kind: members
version: 1
members:
  - {id: city, name: 汐見市, type: municipality}
  - {id: bank, name: 汐見信用金庫, type: financial-institution}
"""

ROLES = """kind: roles
version: 1
tasks:
  - {{id: {p}-1, title: 予約の仕組みを作る, stage: demonstration, responsible: [bank], accountable: city,
     due: 2026-09-01, status: in-progress}}
  - {{id: {p}-2, title: 説明会を開く, stage: demonstration, responsible: [city], accountable: [bank, city],
     due: 2026-10-10, status: not-started}}
  - {{id: {p}-3, title: 協定を結ぶ, stage: planning, responsible: [city], accountable: bank,
     due: 2026-08-01, status: blocked, delay: {{reason: 調整中, recovery_plan: 再協議, new_due: 2026-11-01}}}}
"""

GATES = """kind: gates
version: 1
gates:
  - id: {id}
    from: {from_}
    to: {to}
    criteria:
      desirability: [{{id: D1, text: 住民が使いたい, met: true, evidence: [アンケート]}}]
      feasibility: [{{id: F1, text: 通信が届く, met: false}}]
      viability: [{{id: V1, text: 費用の見込み}}]
"""

RETRO = """kind: retrospective
version: 1
format: kpt
title: 振り返り {n}
date: 2026-0{n}-15
kpt:
  keep: [続ける {n}]
  problem: [困った {n}]
  try:
    - {{text: 試す {n}, owner: city, due: 2026-12-01}}
    - {{text: 担当なし {n}}}
"""


def _consortium() -> Consortium:
    c = Consortium(root=".", today=TODAY)
    c.add(load_text(MEMBERS, "members.yaml"))
    c.add(load_text(ROLES.format(p="T"), "roles.yaml"))
    c.add(load_text(ROLES.format(p="U"), "roles-2027.yaml"))
    c.add(load_text(GATES.format(id="G1", from_="planning", to="demonstration"), "gates.yaml"))
    c.add(load_text(GATES.format(id="G2", from_="demonstration", to="implementation"), "gates-phase2.yaml"))
    c.add(load_text(RETRO.format(n=5), "retrospectives/b.yaml"))
    c.add(load_text(RETRO.format(n=3), "retrospectives/a.yaml"))
    return c


def test_status_counts_every_roles_file():
    report = build_status(_consortium())
    assert report.tasks == 6
    assert [t.id for t in report.overdue_explained] == ["T-3", "U-3"]
    assert [t.id for t in report.overdue_unexplained] == ["T-1", "U-1"]
    assert [t.id for t in report.due_soon] == ["T-2", "U-2"]
    assert [t.id for t in report.blocked] == ["T-3", "U-3"]
    city = next(m for m in report.load if m.member == "city")
    # city is accountable for -1 and -2 and responsible for -2 and -3 in each file: all three are
    # open, and -1 and -3 are overdue, so the open and overdue counts include the responsible one.
    assert (city.accountable, city.responsible, city.open_tasks, city.overdue) == (4, 4, 6, 4)
    bank = next(m for m in report.load if m.member == "bank")
    assert (bank.accountable, bank.responsible, bank.open_tasks, bank.overdue) == (4, 2, 6, 4)


def test_status_keeps_its_json_shape_with_dates_as_text():
    data = json.loads(json.dumps(dataclasses.asdict(build_status(_consortium()))))
    assert list(data) == [
        "today",
        "stage",
        "tasks",
        "overdue_explained",
        "overdue_unexplained",
        "due_soon",
        "blocked",
        "load",
        "gates",
        "open_tries",
        "last_retrospective",
        "days_since_retrospective",
    ]
    late = data["overdue_explained"][0]
    assert late == {
        "id": "T-3",
        "title": "協定を結ぶ",
        "stage": "planning",
        "status": "blocked",
        "due": "2026-08-01",
        "accountable": ["bank"],
        "days": 61,
        "reason": "調整中",
        "recovery_plan": "再協議",
        "new_due": "2026-11-01",
        "fiscal_year": 2026,
    }
    assert data["today"] == "2026-10-01" and data["last_retrospective"] == "2026-05-15"
    assert data["days_since_retrospective"] == 139
    assert data["open_tries"][0] == {
        "text": "試す 5",
        "owner": "city",
        "due": "2026-12-01",
        "file": "retrospectives/b.yaml",
        "date": "2026-05-15",
    }


def test_gates_span_every_gates_file():
    c = _consortium()
    assert [(g.id, g.met, g.unmet, g.unknown) for g in summarise_gates(c)] == [("G1", 1, 1, 1), ("G2", 1, 1, 1)]
    report = build_gate_report(c)
    assert report.stage is None and report.current is None
    assert [c.state for c in report.gates[0].criteria] == ["met", "unmet", "unknown"]
    assert [c.lens for c in report.gates[0].criteria] == ["desirability", "feasibility", "viability"]
    assert [c.id for c in report.gates[0].missing] == ["F1", "V1"]


def test_lessons_are_in_date_order_and_tries_in_file_order():
    lessons = gather(_consortium())
    assert lessons.retrospectives == 2
    assert [i.text for i in lessons.keep] == ["続ける 3", "続ける 5"]
    assert [i.text for i in lessons.tries] == ["試す 5", "担当なし 5", "試す 3", "担当なし 3"]
    assert [(i.text, i.file) for i in lessons.unowned] == [
        ("担当なし 5", "retrospectives/b.yaml"),
        ("担当なし 3", "retrospectives/a.yaml"),
    ]
    assert lessons.tries[0].due == "2026-12-01" and lessons.tries[0].done is False


def test_a_task_past_its_recovery_date_is_unexplained_again() -> None:
    from pathlib import Path

    from dxkit.analyses.status import build_status
    from dxkit.validate import open_consortium

    fixtures = Path(__file__).resolve().parents[1] / "rules" / "fixtures" / "DX307"
    for case, explained in (("good", True), ("bad", False)):
        consortium, _ = open_consortium(str(fixtures / case), lang="ja", today=dt.date(2026, 6, 1))
        report = build_status(consortium)
        ids = [line.id for line in (report.overdue_explained if explained else report.overdue_unexplained)]
        assert ids == ["T-001"], (case, report)
