"""The funding catalogue is sound and is the one source of scheme names; funding deadlines become calendar events."""

from __future__ import annotations

import datetime as dt

import pytest

from dxkit.funding import KINDS, CatalogueError, display_name, kind_label, load_schemes, parse_catalogue
from dxkit.i18n import LANGS
from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.render.exports import render_ics

TODAY = dt.date(2026, 10, 1)


def test_catalogue_names_every_scheme_the_issue_lists() -> None:
    schemes = load_schemes()
    names = {s.name["ja"] for s in schemes.values()}
    for wanted in (
        "推進体制構築支援",
        "地方創生推進交付金",
        "地域公共交通確保維持改善事業",
        "高度無線環境整備推進事業",
        "地域情報化アドバイザー",
        "外部人材リスト",
        "CYDER",
        "自治大学校等の研修",
        "専門アドバイザーの派遣",
    ):
        assert wanted in names, wanted
    assert sum(s.kind == "local-finance" for s in schemes.values()) == 2  # both kinds of fig. 4-5


def test_every_scheme_cites_the_report_and_says_where_to_confirm() -> None:
    for scheme in load_schemes().values():
        assert scheme.source["ja"].startswith("報告書（案）第"), scheme.id
        assert scheme.source["en"].startswith("report draft, ch. "), scheme.id
        for lang in LANGS:
            assert scheme.confirm[lang] and scheme.funds[lang] and scheme.applicants[lang]
        assert bool(scheme.figures) == bool(scheme.as_of), scheme.id


def test_figures_are_the_report_drafts() -> None:
    schemes = load_schemes()
    cio = schemes["local-finance-cio-aide"].figures["ja"]
    assert "0.7" in cio and "70万円" in cio and "1人から3人" in cio
    prefecture = schemes["local-finance-prefecture-talent"].figures["ja"]
    assert "1,400万円" in prefecture and "2,000万円" in prefecture
    assert schemes["local-finance-cio-aide"].as_of["ja"].startswith("令和3〜7年度")
    assert "41,500千円" in schemes["regional-revitalisation-grant"].figures["ja"]
    assert not schemes["consortium-building-support"].figures  # the report draft gives none


def test_a_duplicate_id_or_a_figure_without_its_years_is_refused() -> None:
    entry = {
        "id": "x",
        "name": {"ja": "x", "en": "x"},
        "provider": {"ja": "x", "en": "x"},
        "kind": "grant",
        "stages": ["planning"],
        "funds": {"ja": "x", "en": "x"},
        "applicants": {"ja": "x", "en": "x"},
        "confirm": {"ja": "x", "en": "x"},
        "source": {"ja": "x", "en": "x"},
    }
    assert set(parse_catalogue({"schemes": [entry]})) == {"x"}
    with pytest.raises(CatalogueError, match="duplicate id"):
        parse_catalogue({"schemes": [entry, entry]})
    with pytest.raises(CatalogueError, match="as_of"):
        parse_catalogue({"schemes": [{**entry, "figures": {"ja": "1", "en": "1"}}]})
    with pytest.raises(CatalogueError):
        parse_catalogue({"schemes": [{**entry, "id": "other"}]})  # other is the charter's word for "not listed"


def test_every_kind_has_a_label_in_both_languages() -> None:
    for kind in KINDS:
        assert kind_label(kind, "ja") != kind and kind_label(kind, "en") != kind
    assert kind_label("local-finance", "ja") == "地方財政措置"


def test_display_name_prefers_the_catalogue() -> None:
    assert display_name("regional-ict-adviser", "whatever", "ja") == "地域情報化アドバイザー"
    assert display_name("regional-ict-adviser", None, "en") == "Regional ICT advisers"
    assert display_name("other", "県の補助金", "en") == "県の補助金"
    assert display_name("typo", None, "ja") == "typo"


CHARTER = """kind: consortium
version: 1
name: 汐見市
municipality: 汐見市
purpose: 移動
scope: [mobility]
key_persons: [{name: 山田, member: city, role: 事務局}]
stage: planning
funding:
  - {scheme: other, name: "県の補助\\r\\nBEGIN:VEVENT\\nSUMMARY:evil", status: 予定, application_due: 2026-11-02}
  - {scheme: cyder, status: not-granted, fiscal_year: 2026, application_due: 2026-07-01}
  - {scheme: cyder, status: planned, fiscal_year: 2026, report_due: 2027-02-01}
  - {scheme: cyder, status: planned}
"""


def _calendar(text: str = CHARTER) -> str:
    c = Consortium(root=".", today=TODAY)
    c.add(load_text(text, "consortium.yaml"))
    return render_ics(c, "ja", stamp=TODAY).replace(b"\r\n ", b"").decode()


def test_funding_events_are_escaped_stable_and_cancelled_when_not_granted() -> None:
    data = _calendar()
    lines = data.split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 3  # the entry without deadlines has no event
    assert not any(line.startswith("SUMMARY:evil") for line in lines)
    assert "SUMMARY:【申請期限】県の補助\\nBEGIN:VEVENT\\nSUMMARY:evil" in data
    uids = [line.removeprefix("UID:") for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == 3
    assert uids[1].startswith("funding.cyder-2026.application.") and uids[2].startswith("funding.cyder-2026-2.report.")
    assert all(uid.isascii() for uid in uids)
    assert uids == [line.removeprefix("UID:") for line in _calendar().split("\r\n") if line.startswith("UID:")]
    events = data.split("\r\nBEGIN:VEVENT\r\n")[1:]
    assert "STATUS:CANCELLED" in events[1] and "STATUS:CONFIRMED" in events[0]
    assert "状況: 予定" in events[0] and "planned" not in data


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("ja", ("## 支援制度の活用", "年度ごとに変わります", "CYDER", "不採択", "2026年度", "2026年7月1日（水）")),
        (
            "en",
            (
                "## Funding and programmes",
                "change every year",
                "CYDER",
                "Not granted",
                "FY2026",
                "Wed\u00a01\u00a0Jul\u00a02026",
            ),
        ),
    ],
)
def test_site_overview_lists_the_schemes_as_people_read_them(lang: str, words: tuple[str, ...]) -> None:
    from pathlib import PurePosixPath

    from dxkit.render.site_pages import site_pages

    c = Consortium(root=".", today=TODAY)
    c.add(load_text(CHARTER.replace("県の補助", "<script>x</script>県の補助"), "consortium.yaml"))
    page = site_pages(c, lang)[PurePosixPath("index.md")]
    for word in words:
        assert word in page, word
    assert "<script>" not in page and "not-granted" not in page
