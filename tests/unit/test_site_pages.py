"""The site's pages come from the model's records: every file counts, names and titles stay text."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

import pytest

from dxkit.errors import UsageError
from dxkit.labels import label
from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.publish import site_language, wants_bilingual_labels
from dxkit.render.site_pages import site_pages

TODAY = dt.date(2026, 10, 1)
CHARTER = """kind: consortium
version: 1
name: "<b>汐見</b> DX"
municipality: 汐見市
language: en
purpose: "移動と防災 {: onclick=alert(1) }"
scope: [mobility]
key_persons: [{name: "[山田](javascript:alert(1))", member: city, role: 事務局}]
stage: demonstration
site: {bilingual_labels: true, people: {key_persons: true}}
"""
WORKSHOP = """kind: workshop
version: 1
type: hearing
title: "{title}"
date: {date}
duration_minutes: 30
agenda: [{{title: 聞く, minutes: 30}}]
"""
RETRO = """kind: retrospective
version: 1
format: gate-review
title: ゲート審査
date: 2026-04-20
gate_review: {gate: "G1 **x**", summary: 進める, open_points: ["<script>alert(2)</script>"]}
"""


def _consortium() -> Consortium:
    c = Consortium(root="shiomi", today=TODAY)
    c.add(load_text(CHARTER, "consortium.yaml"))
    for path, title, date in (
        ("workshops/index.yaml", "index という名前", "2026-01-10"),
        ("workshops/a b(c).yaml", "空白と括弧", "2026-01-11"),
        ("workshops/2026-02-01-hearing.yaml", "聞き取り", "2026-02-01"),
        ("workshops/more/2026-02-01-hearing.yml", "同じ名前", "2026-02-02"),
    ):
        c.add(load_text(WORKSHOP.format(title=title, date=date), path))
    c.add(load_text(RETRO, "retrospectives/2026-04-20-gate-review.yaml"))
    return c


def test_page_names_are_plain_unique_and_never_replace_the_index():
    pages = {str(k): v for k, v in site_pages(_consortium(), "ja").items()}
    workshops = sorted(p for p in pages if p.startswith("workshops/"))
    assert workshops == [
        "workshops/2026-02-01-hearing.md",
        "workshops/index.md",
        "workshops/workshop-1.md",
        "workshops/workshop-2.md",
        "workshops/workshop-4.md",
    ]
    index = pages["workshops/index.md"]
    assert "[index という名前](workshop-1.md)" in index and "[空白と括弧](workshop-2.md)" in index
    assert "[同じ名前](workshop-4.md)" in index and "# " in index


def test_names_titles_and_ids_from_files_stay_text():
    pages = {str(k): v for k, v in site_pages(_consortium(), "en").items()}
    index = pages["index.md"]
    assert index.startswith("# &lt;b\\>汐見&lt;/b\\> DX\n")
    assert "&#123;: onclick=alert(1) \\}" in index and "\\[山田\\](javascript:alert(1))" in index
    review = pages["retrospectives/2026-04-20-gate-review.md"]
    assert "G1 \\*\\*x\\*\\*" in review and "**x**" not in review
    assert "- &lt;script\\>alert(2)&lt;/script\\>" in review


def test_a_site_needs_a_charter():
    with pytest.raises(UsageError) as err:
        site_pages(Consortium(root="empty", today=TODAY), "ja")
    assert err.value.msg_id == "site.no_charter"


def test_site_language_and_bilingual_labels_come_from_the_charter():
    c = _consortium()
    assert site_language(c, None, "ja") == "en" and site_language(c, "ja", "en") == "ja"
    assert site_language(Consortium(root=".", today=TODAY), None, "ja") == "ja"
    assert wants_bilingual_labels(c) and not wants_bilingual_labels(Consortium(root=".", today=TODAY))


MEMBERS_WITH_IDS = """kind: members
version: 1
members:
  - {id: city, name: 千代田区, type: municipality, local_government_code: "131016"}
  - {id: tokyo, name: 東京都, type: prefecture, local_government_code: "130001"}
  - {id: nta, name: 国税庁, type: other, corporate_number: "7000012050002"}
  - {id: shinkin, name: 汐見信用金庫, type: financial-institution}
"""


@pytest.mark.parametrize(
    ("lang", "corporate", "code"),
    [("ja", "法人番号", "団体コード"), ("en", "Corporate number", "Local government code")],
)
def test_members_page_shows_official_identifiers_where_members_have_them(lang: str, corporate: str, code: str):
    c = _consortium()
    c.add(load_text(MEMBERS_WITH_IDS, "members.yaml"))
    page = site_pages(c, lang)[PurePosixPath("members.md")]
    sections = {s.split("\n", 1)[0]: s for s in page.split("\n## ")[1:]}
    municipality, prefecture, other, bank = (
        next(v for k, v in sections.items() if k.startswith(label("memberType", t, lang)))
        for t in ("municipality", "prefecture", "other", "financial-institution")
    )
    assert f"| {code} |" in municipality and "| 千代田区 | 131016 |" in municipality
    assert "| 東京都 | 130001 |" in prefecture
    assert f"| {corporate} |" in other and "| 国税庁 | 7000012050002 |" in other
    assert code not in other and corporate not in municipality
    assert corporate not in bank and code not in bank  # no member of the group has one: no empty column


def test_members_page_labels_identifiers_in_both_languages_when_asked():
    c = _consortium()
    c.add(load_text(MEMBERS_WITH_IDS, "members.yaml"))
    page = site_pages(c, "ja", bilingual=True)[PurePosixPath("members.md")]
    assert "法人番号 / Corporate number" in page
    assert "団体コード / Local government code" in page
