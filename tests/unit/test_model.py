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


def test_records_compare_by_value_and_not_by_place() -> None:
    one, other = Consortium("x", dt.date(2026, 6, 1)), Consortium("y", dt.date(2026, 6, 1))
    one.add(load_text(ROLES, "roles.yaml"))
    other.add(load_text("\n" + ROLES, "copy/roles.yaml"))
    first, copy = one.tasks[0], other.tasks[0]
    assert first.at != copy.at and first == copy and hash(first) == hash(copy)
    assert first != one.tasks[1] and first != first.values()
    assert repr(first).startswith("Task(id='T-001', title='住民ワークショップを開く', ")
    assert "at=" not in repr(first)


def test_replace_makes_a_changed_copy_and_refuses_unknown_fields() -> None:
    c = Consortium("x", dt.date(2026, 6, 1))
    c.add(load_text(ROLES, "roles.yaml"))
    task = c.tasks[0]
    done = task.replace(status="done")
    assert (done.status, task.status) == ("done", "in-progress")
    assert done.at is task.at and done.values()[:6] == task.values()[:6]
    try:
        task.replace(state="done")
    except TypeError as error:
        assert "state" in str(error)
    else:
        raise AssertionError("replace accepted a field the record does not have")


def test_every_record_lists_its_fields_and_slots() -> None:
    from dxkit.model import records
    from dxkit.model.record import Record

    classes = [v for v in vars(records).values() if isinstance(v, type) and issubclass(v, Record) and v is not Record]
    assert len(classes) > 50
    for cls in classes:
        assert sorted(cls.__slots__) == sorted(("at", *cls.FIELDS)), cls.__name__
        assert cls.__dictoffset__ == 0, f"{cls.__name__} instances carry a __dict__"
