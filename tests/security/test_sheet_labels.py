"""Cells people typed are read with bounded work and never taken for something they do not name."""

from __future__ import annotations

import datetime as dt

import pytest

from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.sheet_import import COLUMNS, CellReader, _allowed

MEMBERS = """kind: members
version: 1
members:
  - {id: city, name: "汐見市, 企画部", type: municipality}
  - {id: bank, name: 汐見信用金庫, type: financial-institution}
  - {id: univ, name: 汐見大学, type: education-research}
  - {id: univ2, name: 汐見大学, type: education-research}
"""


def _reader(lang: str) -> tuple[CellReader, Consortium]:
    c = Consortium(root=".", today=dt.date(2026, 10, 1))
    c.add(load_text(MEMBERS, "members.yaml"))
    return CellReader(lang, c), c


def _read(reader: CellReader, key: str, raw: object) -> tuple[object, str | None, dict]:
    return reader.read(raw, COLUMNS[key], _allowed(key))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_cell_of_thousands_of_separators_is_read_with_the_members_indexed_once(lang, monkeypatch):
    calls = {"n": 0}
    real = Consortium.member_texts

    def counting(self):
        calls["n"] += 1
        return real(self)

    monkeypatch.setattr(Consortium, "member_texts", counting)
    monkeypatch.setattr(Consortium, "member_from_display", lambda self, text: pytest.fail("a pass over the members"))
    reader, _ = _reader(lang)
    cell = "、".join(["汐見信用金庫"] * 5_000 + ["誰でもない"])
    value, error, params = _read(reader, "consulted", cell)
    assert value is None and error == "sheetcell.unknown_member" and params["value"] == "誰でもない"
    assert _read(reader, "informed", "汐見信用金庫、汐見大学（univ2）")[0] == ["bank", "univ2"]
    assert calls["n"] == 1, calls
    many = ", ".join(["bank"] * 5_000)
    assert _read(reader, "consulted", many)[0] == ["bank"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_name_holding_a_separator_is_one_member_and_two_names_are_two(lang):
    reader, _ = _reader(lang)
    assert _read(reader, "responsible", "汐見市, 企画部")[0] == ["city"]
    assert _read(reader, "responsible", "汐見市, 企画部、汐見信用金庫")[0] == ["city", "bank"]
    assert _read(reader, "responsible", "汐見信用金庫\n汐見市, 企画部")[0] == ["bank", "city"]
    assert _read(reader, "responsible", "bank city")[0] == ["bank", "city"]  # ids apart by spaces (older sheets)
    assert _read(reader, "accountable", "汐見大学（univ2）")[0] == "univ2"
    assert _read(reader, "accountable", "汐見大学 (univ)")[0] == "univ"
    value, error, params = _read(reader, "accountable", "汐見大学")
    assert value is None and error == "sheetcell.ambiguous_member"
    assert params["choices"] == (
        "汐見大学（univ）、汐見大学（univ2）" if lang == "ja" else "汐見大学 (univ), 汐見大学 (univ2)"
    )
    # "汐見市" alone names nobody: a piece of a name is not a member.
    assert str(_read(reader, "accountable", "汐見市")[1]).startswith("sheetcell.unknown_member")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_labels_are_read_in_either_language_width_and_case_but_never_guessed(lang):
    reader, _ = _reader(lang)
    for typed in ("完了", "done", "DONE", "ｄｏｎｅ", " 完了 "):
        assert _read(reader, "status", typed) == ("done", None, {}), typed
    assert _read(reader, "status", "not started")[0] == "not-started"
    assert _read(reader, "stage", "社会実証")[0] == "demonstration"
    value, error, params = _read(reader, "status", "完")
    assert value is None and error in ("sheetcell.bad_choice", "sheetcell.did_you_mean")
    value, error, params = _read(reader, "status", "x" * 30_000)
    assert value is None and error == "sheetcell.bad_choice"
    assert params["choices"] == (
        "未着手、進行中、停滞、完了、中止" if lang == "ja" else "not started, in progress, blocked, done, cancelled"
    )


@pytest.mark.parametrize("pieces", [200, 3_000])
def test_runs_of_pieces_longer_than_any_name_are_never_tried(pieces, monkeypatch):
    # A long cell of many long pieces: each piece is tried once on its own, no run of them is
    # built, and nothing that long is looked up or remembered.
    reader, _ = _reader("ja")
    tried = {"n": 0, "chars": 0}
    real = CellReader._piece

    def counting(self, text):
        tried["n"] += 1
        tried["chars"] += len(text)
        return real(self, text)

    monkeypatch.setattr(CellReader, "_piece", counting)
    cell = "、".join(["長い名前" * 25] * pieces)  # 100 characters each
    value, error, _params = _read(reader, "consulted", cell)
    assert value is None and error == "sheetcell.unknown_member"
    assert tried["n"] <= pieces + 1 and tried["chars"] <= len(cell) + 200, tried
    assert reader._read_members == {}


def test_rows_naming_the_same_members_get_lists_of_their_own(monkeypatch):
    # A member cell's reading is remembered for the rows after it, but each row's value is its
    # own list: the import edits a row's values into the file.
    reader, _ = _reader("ja")
    first = _read(reader, "responsible", "汐見信用金庫、汐見市, 企画部")[0]
    monkeypatch.setattr(CellReader, "_members", lambda *args: pytest.fail("read again"))
    second = _read(reader, "responsible", "汐見信用金庫、汐見市, 企画部")[0]
    assert first == second == ["bank", "city"] and first is not second
    first.append("univ")
    assert _read(reader, "responsible", "汐見信用金庫、汐見市, 企画部")[0] == ["bank", "city"]
    # The same text in a one-member column is read for that column, not taken from the other.
    monkeypatch.undo()
    assert _read(reader, "accountable", "汐見信用金庫")[0] == "bank"
    assert _read(reader, "consulted", "汐見信用金庫")[0] == ["bank"]
