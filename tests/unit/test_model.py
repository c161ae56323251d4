"""The typed model: generated from the schemas, normalised once, every file of a kind kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.model.codegen import build
from dxkit.model.vocabulary import LENSES, STAGES

ROOT = Path(__file__).resolve().parents[2]

ROLES = """kind: roles
version: 1
tasks:
  - id: T-001
    title: 住民ワークショップを開く
    stage: planning
    responsible: [city]
    accountable: city
    due: 2026-04-01
    status: in-progress
  - {id: T-002, title: 協定を結ぶ, stage: planning, responsible: [bank], accountable: [bank, city],
     due: 2026-05-01, status: not-started}
"""


def test_records_are_fresh_from_the_schemas() -> None:
    ((path, text),) = build(ROOT).items()
    assert path.read_text(encoding="utf-8") == text, "run: python -m dxkit.model.codegen --write"


def test_vocabulary_follows_the_schemas() -> None:
    assert STAGES == ("planning", "demonstration", "implementation")
    assert LENSES == ("desirability", "feasibility", "viability")


def test_task_normalises_accountable_and_dates() -> None:
    c = Consortium("x", dt.date(2026, 6, 1))
    c.add(load_text(ROLES, "roles.yaml"))
    first, second = c.tasks
    assert first.accountable == ("city",) and second.accountable == ("bank", "city")
    assert first.due == dt.date(2026, 4, 1) and first.consulted == () and first.delay is None


def test_every_value_keeps_its_position() -> None:
    c = Consortium("x", dt.date(2026, 6, 1))
    c.add(load_text(ROLES, "roles.yaml"))
    first, second = c.tasks
    assert (first.at / "due").position().line == 9
    assert second.at.position().line == 11
    # One id written without a list points at the field, a list at the item.
    assert (first.at / "accountable").member(0).position().column == 18
    assert (second.at / "accountable").member(1).path == ("tasks", 1, "accountable", 1)


def test_several_files_of_one_kind_are_all_kept() -> None:
    c = Consortium("x", dt.date(2026, 6, 1))
    c.add(load_text(ROLES, "roles.yaml"))
    c.add(load_text(ROLES.replace("T-00", "U-00"), "roles-2027.yaml"))
    assert [t.id for t in c.tasks] == ["T-001", "T-002", "U-001", "U-002"]
    assert [t.at.file for t in c.tasks][-1] == "roles-2027.yaml"
    assert len(list(c.documents())) == 2
