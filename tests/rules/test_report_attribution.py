"""Rule texts say what the report draft says, and mark dxkit's own practice as such."""

from __future__ import annotations

import re

import pytest

from dxkit.i18n import LANGS
from dxkit.render.reference import render_rules_page
from dxkit.rules import get_rule, iter_rules

#: Words that would claim the report demands a practice it only calls effective or gives as an example.
_DEMANDS = {"ja": re.compile(r"求めて"), "en": re.compile(r"\b(asks?|requires?|calls for|demands?)\b")}
_REPORT = {"ja": "報告書", "en": "report"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", [rule.code for rule in iter_rules()])
def test_rule_texts_citing_the_report_never_say_it_demands(code: str, lang: str) -> None:
    rule = get_rule(code)
    for text in (*rule.docs[lang].values(), rule.note.get(lang, "")):
        if _REPORT[lang] in text:
            assert not _DEMANDS[lang].search(text), (code, lang, text)


@pytest.mark.parametrize("lang", LANGS)
def test_dx201_counts_only_the_stakeholders_of_the_conclusion(lang: str) -> None:
    rule = get_rule("DX201")
    bureau = {"ja": "総合通信局", "en": "telecommunications bureau"}[lang]
    assert bureau not in rule.docs[lang]["why"]
    assert bureau not in rule.message[lang]
    assert bureau in rule.note[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_rules_page_shows_the_note_of_dx201_as_its_own_section(lang: str) -> None:
    page = render_rules_page(lang)
    section = page.split("{#dx201}", 1)[1].split("\n## ", 1)[0]
    heading = {"ja": "### 補足", "en": "### Note"}[lang]
    assert heading in section
    assert get_rule("DX201").note[lang] in section.split(heading, 1)[1]
    other = page.split("{#dx202}", 1)[1].split("\n## ", 1)[0]
    assert heading not in other


@pytest.mark.parametrize(
    ("code", "own"),
    [
        ("DX305", "dxkit"),
        ("DX309", "dxkit"),
        ("DX310", "dxkit"),
        ("DX401", "dxkit"),
        ("DX601", "dxkit"),
        ("DX602", "dxkit"),
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_rules_built_on_the_report_name_dxkits_own_practice(code: str, own: str, lang: str) -> None:
    assert own in get_rule(code).docs[lang]["why"]


@pytest.mark.parametrize("lang", LANGS)
def test_dx401_does_not_claim_the_report_requires_a_record(lang: str) -> None:
    why = get_rule("DX401").docs[lang]["why"]
    assert {
        "ja": "記録することまでは報告書に書かれていません",
        "en": "the report does not say that decisions must be recorded",
    }[lang] in why


@pytest.mark.parametrize("lang", LANGS)
def test_dx103_cites_the_advisory_body_of_the_report_and_names_dxkits_practice(lang: str) -> None:
    rule = get_rule("DX103")
    assert rule.group == "DX1"
    assert {"ja": "第3章3(4)②", "en": "ch. 3, 3(4)②"}[lang] in rule.docs[lang]["why"]
    assert "dxkit" in rule.docs[lang]["why"]
    assert "advisory_check" in rule.message[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_page_points_to_dx103(lang: str) -> None:
    from tests.conftest import ROOT

    page = (ROOT / "docs" / lang / "projects" / "data.md").read_text(encoding="utf-8")
    assert "(../reference/rules.md#dx103)" in page
