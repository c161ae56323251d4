"""``dxkit export charter -f docx``: the charter as a Word file with real 条・項・号 numbering."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from dxkit.i18n import translate
from dxkit.render.charter_docx import charter_articles
from dxkit.render.docx_layout import LEVELS
from dxkit.validate import open_consortium
from tests.conftest import ROOT
from tests.helpers import invoke

TODAY = dt.date(2026, 10, 1)
#: The first level's text by language: what a numbered article paragraph must point at.
ARTICLE_TEXT = {"ja": "第%1条", "en": "Article %1"}
#: The children of ``w:lvl`` in the order of the WordprocessingML schema (CT_Lvl).
_LVL_TAGS = "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr rPr"
LVL_ORDER = [qn(f"w:{tag}") for tag in _LVL_TAGS.split(" ")]
CAPTIONS = (
    *(f"docx.{part}.caption" for part in ("purpose", "members", "decision", "meetings", "key_persons", "data")),
    "talent.docx.layers_caption",
    "talent.docx.plan_caption",
)


def _example(tmp_path: Path, lang: str) -> Path:
    folder = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
    return folder


def _export(folder: Path, lang: str, *extra: str) -> docx.document.Document:
    out = folder.parent / f"charter-{lang}.docx"
    invoke(["export", "charter", folder, "-f", "docx", "-o", out, "--lang", lang, "--today", TODAY.isoformat(), *extra])
    return docx.Document(str(out))


def _text(document: docx.document.Document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def _levels(document: docx.document.Document) -> dict[str, dict[int, str]]:
    """Each ``numId`` of the document with the level texts of its numbering definition."""
    numbering = document.part.numbering_part.element
    abstracts = {
        a.get(qn("w:abstractNumId")): {
            int(lvl.get(qn("w:ilvl"))): lvl.find(qn("w:lvlText")).get(qn("w:val")) for lvl in a.findall(qn("w:lvl"))
        }
        for a in numbering.findall(qn("w:abstractNum"))
    }
    return {
        num.get(qn("w:numId")): abstracts[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
        for num in numbering.findall(qn("w:num"))
    }


def _numbered(document: docx.document.Document) -> list[tuple[str, int, str]]:
    """``(numId, level, text)`` of every numbered paragraph."""
    found = []
    for p in document.paragraphs:
        num_pr = p._p.pPr.numPr if p._p.pPr is not None else None
        if num_pr is not None:
            found.append((str(num_pr.numId.val), int(num_pr.ilvl.val), p.text))
    return found


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_charter_docx_holds_the_files_text_with_real_article_numbering(tmp_path: Path, lang: str) -> None:
    folder = _example(tmp_path, lang)
    consortium, _ = open_consortium(str(folder), lang=lang, today=TODAY)
    document = _export(folder, lang)
    text = _text(document)
    assert consortium.charter is not None
    assert consortium.charter.name in text
    names = consortium.member_display_names(lang)
    assert consortium.members and all(names[m.id] in text for m in consortium.members)
    for caption in CAPTIONS:
        assert translate(caption, lang) in text
    numbered = _numbered(document)
    levels = _levels(document)
    articles = [n for n in numbered if n[1] == 0]
    assert len(articles) == len(charter_articles(consortium, lang)) == len(CAPTIONS)
    assert {n[0] for n in numbered} and all(
        levels[num_id][0].startswith(ARTICLE_TEXT[lang]) for num_id, _, _ in numbered
    )
    assert [levels[articles[0][0]][i] for i in (0, 1, 2)] == [level.text for level in LEVELS[lang]]
    # Word refuses a file whose elements are out of the schema's order.
    for lvl in document.part.numbering_part.element.iter(qn("w:lvl")):
        tags = [child.tag for child in lvl]
        assert tags == sorted(tags, key=LVL_ORDER.index)
    # The members are items (号) of the members article, each numbered by Word, not typed.
    items = [t for _, level, t in numbered if level == 2]
    assert all(names[m.id] in "\n".join(items) for m in consortium.members)
    assert not any(t.startswith(("第", "Article", "（１）", "(a)")) for _, _, t in numbered)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_charter_docx_is_a4_with_a_japanese_face_and_the_date_as_people_read_it(tmp_path: Path, lang: str) -> None:
    document = _export(_example(tmp_path, lang), lang)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= section.left_margin.mm <= 30 and 20 <= section.top_margin.mm <= 35
    fonts = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:eastAsia")) == "MS Mincho"
    date = "2026年10月1日（木）" if lang == "ja" else "Thu 1 Oct 2026"
    assert translate("docx.as_of", lang, date=date) in _text(document)


def test_charter_docx_dates_by_the_era_when_the_charter_asks(tmp_path: Path) -> None:
    folder = _example(tmp_path, "ja")
    charter = folder / "consortium.yaml"
    charter.write_text(charter.read_text(encoding="utf-8") + "calendar: japanese-era\n", encoding="utf-8")
    assert "令和8年10月1日（木）現在" in _text(_export(folder, "ja"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_charter_docx_names_key_persons_only_where_the_site_may(tmp_path: Path, lang: str) -> None:
    folder = _example(tmp_path, lang)
    consortium, _ = open_consortium(str(folder), lang=lang, today=TODAY)
    assert consortium.charter is not None
    person = consortium.charter.key_persons[0]
    hidden = _text(_export(folder, lang))
    assert person.role in hidden and person.name not in hidden
    assert person.name.split()[0] not in hidden  # nor a part of it, as the site hides it
    assert translate("docx.key_persons.unpublished", lang) in hidden
    charter = folder / "consortium.yaml"
    charter.write_text(
        charter.read_text(encoding="utf-8") + "site:\n  people:\n    key_persons: true\n", encoding="utf-8"
    )
    shown = _text(_export(folder, lang, "--overwrite"))
    assert person.name in shown and translate("docx.key_persons.unpublished", lang) not in shown


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_export_charter_writes_charter_docx_and_keeps_an_existing_file(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _example(tmp_path, lang)
    monkeypatch.chdir(tmp_path)
    result = invoke(["export", "charter", folder, "--lang", lang])  # docx is the charter's format
    target = tmp_path / "charter.docx"
    assert target.is_file() and "charter.docx" in result.stdout
    before = target.read_bytes()
    refused = invoke(["export", "charter", folder, "-f", "docx", "--lang", lang], exit=2)
    assert translate("lessons.exists", lang, path="charter.docx") in refused.stderr.replace("\n", "")
    assert target.read_bytes() == before
    invoke(["export", "charter", folder, "-f", "docx", "--lang", lang, "--overwrite"])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_export_charter_without_a_charter_or_as_xlsx_says_why(tmp_path: Path, lang: str) -> None:
    folder = _example(tmp_path, lang)
    out = tmp_path / "c.docx"
    wrong = invoke(["export", "charter", folder, "-f", "xlsx", "-o", out, "--lang", lang], exit=2)
    expected = translate("export.bad_format", lang, kind="charter", format="xlsx", formats="docx")
    assert expected in wrong.stderr.replace("\n", "")
    (folder / "consortium.yaml").unlink()
    missing = invoke(["export", "charter", folder, "-f", "docx", "-o", out, "--lang", lang], exit=2)
    assert "charter" in missing.stderr and not out.exists()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_export_charter_that_cannot_be_written_is_a_message(tmp_path: Path, lang: str) -> None:
    folder = _example(tmp_path, lang)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    result = invoke(["export", "charter", folder, "-o", blocker / "charter.docx", "--lang", lang], exit=2)
    assert "not-a-folder" in result.stderr and "Traceback" not in result.stderr
    assert blocker.read_text(encoding="utf-8") == "a file where a folder should be"
