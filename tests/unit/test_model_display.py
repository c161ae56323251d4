"""How member references read: names, with the id only where two names are equal."""

from __future__ import annotations

import datetime as dt

import pytest

from dxkit.model.consortium import Consortium
from dxkit.model.records import Member, MembersFile


def _consortium(*members: tuple[str, str]) -> Consortium:
    c = Consortium(root=".", today=dt.date(2026, 12, 1))
    file = MembersFile.__new__(MembersFile)
    object.__setattr__(file, "members", [_member(i, n) for i, n in members])
    c.member_files.append(file)
    return c


def _member(member_id: str, name: str) -> Member:
    member = Member.__new__(Member)
    object.__setattr__(member, "id", member_id)
    object.__setattr__(member, "name", name)
    return member


@pytest.mark.parametrize(("lang", "shown"), [("ja", "〇〇大学（univ2）"), ("en", "〇〇大学 (univ2)")])
def test_equal_names_carry_the_id(lang: str, shown: str) -> None:
    c = _consortium(("city", "サンプル市"), ("univ", "〇〇大学"), ("univ2", "〇〇大学"))
    names = c.member_display_names(lang)
    assert names["city"] == "サンプル市"
    assert names["univ2"] == shown
    assert c.member_display("nobody", lang) == "nobody"


def test_display_text_maps_back_to_the_id() -> None:
    c = _consortium(("city", "サンプル市"), ("univ", "〇〇大学"), ("univ2", "〇〇大学"))
    assert c.member_from_display("サンプル市") == "city"
    assert c.member_from_display(" city ") == "city"
    assert c.member_from_display("〇〇大学（univ2）") == "univ2"
    assert c.member_from_display("〇〇大学 (univ)") == "univ"
    assert c.member_from_display("〇〇大学") is None
    assert c.member_from_display("銀行") is None


def test_member_texts_mean_what_member_from_display_says_an_id_first() -> None:
    # "univ" is also another member's name: as a text it is the id, as 名前（id） the other member.
    c = _consortium(("city", "サンプル市"), ("univ", "〇〇大学"), ("univ2", "〇〇大学"), ("x", "univ"))
    texts = c.member_texts()
    assert texts["univ"] == "univ" and texts["univ（x）"] == "x" and texts["univ (x)"] == "x"
    assert "〇〇大学" not in texts and texts["〇〇大学（univ2）"] == "univ2"
    assert texts["サンプル市"] == "city"
    probes = [*texts, "〇〇大学", "銀行", " city ", "univ（univ）"]
    expected = {"univ（univ）": None, "〇〇大学": None, "銀行": None, " city ": "city"}
    for text in probes:
        assert c.member_from_display(text) == expected.get(text, texts.get(text)), text
