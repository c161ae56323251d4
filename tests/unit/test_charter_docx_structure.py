"""The charter's Word file holds its layers and talent plan as articles, by organisation."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import pytest

from dxkit.render.charter_docx import Article, charter_articles
from dxkit.validate import open_consortium
from tests.conftest import ROOT
from tests.helpers import invoke

TODAY = dt.date(2026, 10, 1)


def _articles(lang: str) -> dict[str, Article]:
    consortium, _ = open_consortium(str(ROOT / "examples" / "shiomi" / lang), lang=lang, today=TODAY)
    return {a.caption: a for a in charter_articles(consortium, lang)}


@pytest.mark.parametrize(
    ("lang", "caption", "item"),
    [
        (
            "ja",
            "組織",
            "事業化支援チーム（2階）（事業化の支援）　構成する会員："
            "汐見信用金庫、海陽銀行 汐見支店、汐見大学 地域連携センター",
        ),
        ("en", "Bodies", "Business-building team (upper storey) (Business-building support): made up of"),
    ],
)
def test_layers_are_an_article_of_bodies_with_their_members(lang: str, caption: str, item: str) -> None:
    articles = _articles(lang)
    (clause,) = articles[caption].clauses
    assert len(clause.items) == 3
    assert clause.items[1].startswith(item)
    captions = list(articles)
    assert captions.index(caption) == captions.index("会員" if lang == "ja" else "Members") + 1


@pytest.mark.parametrize(
    ("lang", "caption", "item"),
    [
        (
            "ja",
            "人材の確保",
            "開発　主導する人材：D人材、確保の方法：共有・外部人材、"
            "主導する会員：潮騒システムズ株式会社、株式会社ミナトデータ",
        ),
        (
            "en",
            "Talent",
            "Development: led by D talent; sourcing: Share or bring in; leading members: "
            "Shiosai Systems Co., Ltd., Minato Data Inc.",
        ),
    ],
)
def test_talent_plan_is_an_article_with_a_stage_per_item(lang: str, caption: str, item: str) -> None:
    (clause,) = _articles(lang)[caption].clauses
    assert item in clause.items and len(clause.items) == 7
    assert not any("development" in i or "sourcing: share" in i for i in clause.items)


def test_word_file_holds_the_articles_and_no_person_of_the_plan(tmp_path: Path) -> None:
    folder = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / "ja", folder)
    out = tmp_path / "charter.docx"
    invoke(["export", "charter", folder, "-f", "docx", "-o", out, "--lang", "ja", "--today", TODAY.isoformat()])
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "（組織）\n協議会に、次に掲げる組織を置く。\n運営委員会（意思決定）　構成する会員：" in text
    assert "（人材の確保）" in text
    assert "協議会は、地域社会DXの段階ごとに、次のとおり人材を確保する。" in text
    assert "村瀬" not in text and "ソフトウェアエンジニア" not in text
