"""Guidebook pages say what the report draft says, and no more (the accuracy fixes of the audit)."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from dxkit.i18n import LANGS
from dxkit.loading import load_file
from dxkit.render.cases import check_cases, render_case_index, render_case_page
from tests.conftest import ROOT

DOCS = ROOT / "docs"


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = load_file(ROOT / "cases" / "cases.yaml").data["cases"]
    return cases


def _welmo() -> dict[str, Any]:
    return next(c for c in _cases() if c["id"] == "ota-welmo")


@pytest.mark.parametrize("lang", LANGS)
def test_consortium_index_credits_the_financial_institution_with_what_the_report_says(lang: str) -> None:
    text = (DOCS / lang / "consortium" / "index.md").read_text(encoding="utf-8")
    row = next(
        line for line in text.splitlines() if line.startswith({"ja": "| 地域金融機関 |", "en": "| Regional"}[lang])
    )
    assert {"ja": "事業化の支援", "en": "turning projects into businesses"}[lang] not in row
    assert {"ja": "地域課題の特定", "en": "identify local issues"}[lang] in row
    assert {"ja": "経営者・起業家の育成", "en": "developing local business owners"}[lang] in row


@pytest.mark.parametrize("lang", LANGS)
def test_role_matrix_cites_only_the_text_for_members_leaving(lang: str) -> None:
    text = (DOCS / lang / "projects" / "role-matrix.md").read_text(encoding="utf-8")
    paragraph = next(p for p in text.split("\n\n") if {"ja": "抜けてしまう", "en": "dropping out"}[lang] in p)
    assert "5-3" not in paragraph
    assert {"ja": "第5章2③", "en": "ch. 5, 2③"}[lang] in paragraph


@pytest.mark.parametrize("lang", LANGS)
def test_case_index_does_not_claim_the_report_has_only_these_cases(lang: str) -> None:
    index = render_case_index(_cases(), lang)
    intro = index.split("\n\n")[2]
    assert not re.search(r"取り上げる \d+ の事例|The \d+ cases the report", intro)
    assert {"ja": "東広島市", "en": "Higashihiroshima"}[lang] in intro


@pytest.mark.parametrize("lang", LANGS)
def test_welmo_records_where_the_work_happens_and_where_the_company_is(lang: str) -> None:
    welmo = _welmo()
    assert welmo["prefecture"]["ja"] == "東京都"
    assert welmo["based_in"]["place"]["ja"] == "福岡県福岡市"
    page = render_case_page(welmo, lang)
    assert {"ja": "福岡県福岡市（出典：報告書（案）第3章3(1)④、図3-8）", "en": "Fukuoka City, Fukuoka (Source:"}[
        lang
    ] in page
    index = render_case_index(_cases(), lang)
    by_prefecture = index.split({"ja": "## 都道府県別", "en": "## By prefecture"}[lang], 1)[1]
    tokyo = next(
        line for line in by_prefecture.splitlines() if line.startswith({"ja": "| 東京都 |", "en": "| Tokyo |"}[lang])
    )
    assert "ota-welmo.md" in tokyo
    assert not any(line.startswith("| 福岡") or line.startswith("| Fukuoka") for line in by_prefecture.splitlines())


def test_every_case_is_filed_under_one_prefecture_row() -> None:
    cases = _cases()
    index = render_case_index(cases, "ja").split("## 都道府県別", 1)[1]
    assert sum(index.count(f"]({c['id']}.md)") for c in cases) == len(cases)


def test_based_in_needs_a_place_and_its_source() -> None:
    data = {"cases": copy.deepcopy(_cases())}
    welmo = next(c for c in data["cases"] if c["id"] == "ota-welmo")
    del welmo["based_in"]["source"]
    assert any("based_in" in p and "source" in p for p in check_cases(data))


# -- the gate decisions are dxkit's words --------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_gate_decisions_are_marked_as_dxkits_vocabulary(lang: str) -> None:
    from dxkit.schemas import load_schema

    outcome = load_schema("gates")["properties"]["gates"]["items"]["properties"]["decision"]["properties"]["outcome"]
    description = outcome["description"] if lang == "ja" else outcome["x-en"]["description"]
    assert {"ja": "dxkit が決めた判定の言葉", "en": "dxkit's four decisions"}[lang] in description
    page = (DOCS / lang / "projects" / "stage-gates.md").read_text(encoding="utf-8")
    section = page.split({"ja": "## 判定：進む・保留・やり直し・中止", "en": "## Decisions:"}[lang], 1)[1]
    assert {"ja": "dxkit が決めた言葉", "en": "dxkit's words, not the report's"}[lang] in section.split("\n\n")[1]


@pytest.mark.parametrize("lang", LANGS)
def test_gates_template_gives_the_reports_exit_states(lang: str) -> None:
    template = (ROOT / "toolkits" / "consortium" / lang / "gates.yaml.j2").read_text(encoding="utf-8")
    comments = "\n".join(line for line in template.splitlines() if line.lstrip().startswith("#"))
    for state in {
        "ja": ("事業主体の中でも合意できている", "判断と意思決定ができている"),
        "en": ("the implementing body agrees on it", "a judgement and decision has been made"),
    }[lang]:
        assert state in comments
    assert {"ja": "dxkit の言葉", "en": "dxkit's words"}[lang] in comments
