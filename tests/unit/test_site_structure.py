"""The members page shows the charter's layers and talent plan by organisation, never a person's talent or skills."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

import pytest

from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.render.site_pages import site_pages

TODAY = dt.date(2026, 10, 1)
CHARTER = """kind: consortium
version: 1
name: 汐見DX
municipality: 汐見市
purpose: 移動の課題を解く。
scope: [mobility]
key_persons: [{{name: 浜野 恵子, member: city, role: 事務局長, deputy: {{name: 岸本 翔太, member: city}}}}]
stage: demonstration
layers:
  - id: board
    name: "<script>alert(1)</script>運営委員会"
    type: board
    purpose: 方針を決める。
    members: [city, bank]
  - id: lab
    name: しおみラボ（1階）
    type: 共創コミュニティ
    members: [city, civic]
talent_plan:
  - stage: issue-identification
    talent: x
    sourcing: combine
    leads: [city]
    note: "浜野 恵子 が進行を学ぶ **太字**"
  - stage: development
    talent: D人材
    sourcing: share
site: {{people: {people}}}
"""
MEMBERS = """kind: members
version: 1
members:
  - id: city
    name: 汐見市
    type: municipality
    people:
      - name: 浜野 恵子
        talent: x
        dss_role: business-architect
        skills: {business: a, security: c}
  - id: bank
    name: 汐見信用金庫
    type: financial-institution
  - id: civic
    name: Code for Shiomi
    type: civic-tech
    people:
      - name: 田中 愛子
        talent: xd
"""


def _members_page(lang: str, people: str = "{}") -> str:
    c = Consortium(root="shiomi", today=TODAY)
    c.add(load_text(CHARTER.format(people=people), "consortium.yaml"))
    c.add(load_text(MEMBERS, "members.yaml"))
    return site_pages(c, lang)[PurePosixPath("members.md")]


def _section(page: str, heading: str) -> str:
    return next(s for s in page.split("\n## ") if s.startswith(heading))


@pytest.mark.parametrize(
    ("lang", "layers", "board", "community", "members"),
    [
        (
            "ja",
            "体制の階層",
            "| 意思決定 | 方針を決める。 | 汐見市、汐見信用金庫 |",
            "| 共創コミュニティ |",
            "汐見市、Code for Shiomi",
        ),
        (
            "en",
            "Layers of the consortium",
            "| Decision-making board | 方針を決める。 | 汐見市, 汐見信用金庫 |",
            "| Co-creation community |",
            "汐見市, Code for Shiomi",
        ),
    ],
)
def test_members_page_lists_each_layer_with_its_type_and_members(
    lang: str, layers: str, board: str, community: str, members: str
) -> None:
    section = _section(_members_page(lang), layers)
    assert board in section
    assert "しおみラボ（1階）" in section and community in section and members in section
    assert "<script>" not in section and "&lt;script" in section


@pytest.mark.parametrize(
    ("lang", "plan", "first", "second"),
    [
        (
            "ja",
            "人材計画",
            "| 課題特定 | X人材 | 育成と外部人材の組み合わせ | 汐見市 |",
            "| 開発 | D人材 | 共有・外部人材 | （未定） |",
        ),
        (
            "en",
            "Talent plan",
            "| Identifying the issue | X talent | Grow locally, with outside help | 汐見市 |",
            "| Development | D talent | Share or bring in | (not decided) |",
        ),
    ],
)
def test_members_page_shows_the_talent_plan_by_stage_in_labels(lang: str, plan: str, first: str, second: str) -> None:
    section = _section(_members_page(lang), plan)
    assert first in section and second in section
    for code in ("issue-identification", "combine", "share |", "| x |"):
        assert code not in section
    assert "\\*\\*太字\\*\\*" in section  # a note is text, never markup


@pytest.mark.parametrize("people", ["{}", "{member_contacts: true, key_persons: true}"])
def test_members_page_never_shows_a_persons_talent_or_skill_levels(people: str) -> None:
    for lang in ("ja", "en"):
        page = _members_page(lang, people)
        for private in ("ビジネスアーキテクト", "Business architect", "business-architect", "skills", "| a |"):
            assert private not in page, (lang, people, private)
    hidden = _members_page("ja")
    assert "浜野" not in hidden and "田中 愛子" not in hidden  # names stay private by default, in notes too
    shown = _members_page("ja", "{member_contacts: true}")
    assert "田中 愛子" in shown


def test_members_page_without_layers_or_plan_has_neither_section() -> None:
    c = Consortium(root="shiomi", today=TODAY)
    charter = CHARTER.format(people="{}").split("layers:")[0] + "site: {people: {}}\n"
    c.add(load_text(charter, "consortium.yaml"))
    c.add(load_text(MEMBERS, "members.yaml"))
    page = site_pages(c, "ja")[PurePosixPath("members.md")]
    assert "体制の階層" not in page and "人材計画" not in page
