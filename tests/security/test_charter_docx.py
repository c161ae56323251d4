"""The charter's Word file: hostile text stays text, and LibreOffice opens the file and prints it.

Every free string of the example is attacked (:func:`tests.security.hostile.hostile_consortium`,
markup and control characters) and the charter's name also carries what Word would run as a
field or follow as a link: none of it may become a field code, a hyperlink or markup.

The PDF test converts each language's file with LibreOffice itself (``soffice --headless
--convert-to pdf``) and reads the PDF's text with pypdf. It is skipped only where ``soffice`` is
missing and ``CI`` is not set (``scripts/test.sh`` installs ``libreoffice-writer-nogui``).
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from dxkit.escape import docx_text
from dxkit.i18n import translate
from dxkit.loading import load_file
from dxkit.render.charter_docx import charter_articles
from dxkit.validate import open_consortium
from tests.conftest import ROOT
from tests.helpers import convert_with_libreoffice, find_soffice, invoke
from tests.security.hostile import IMG, SCRIPT, hostile_consortium

#: What Word would treat as a field, a link or markup if it reached the XML as such.
FIELDS = ' { HYPERLINK "http://evil.example/" } <w:fldSimple w:instr="DATE"/> ]]> https://evil.example/x'
#: Characters that must not survive: controls, an 8-bit CSI, bidi override, NUL.
GONE = ("\x1b", "\x07", "\x00", "\x7f", "\x9b", "\u202e")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _hostile(tmp_path: Path, lang: str) -> Path:
    folder = hostile_consortium(tmp_path / "hostile", lang, controls=True)
    charter = folder / "consortium.yaml"
    data = load_file(charter).data
    data["name"] += FIELDS
    charter.write_text(json.dumps(data, ensure_ascii=True, indent=2) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_hostile_text_reaches_the_charter_docx_as_text_only(tmp_path: Path, lang: str) -> None:
    folder = _hostile(tmp_path, lang)
    out = tmp_path / "charter.docx"
    invoke(["export", "charter", folder, "-f", "docx", "-o", out, "--lang", lang])
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    for element in ("fldSimple", "instrText", "fldChar", "hyperlink"):
        assert f"<w:{element}" not in body, element
    assert "hyperlink" not in rels.lower()
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    consortium, _ = open_consortium(str(folder), lang=lang, today=None)
    assert consortium.charter is not None
    assert FIELDS.strip() in text and IMG in text and SCRIPT in text
    assert not [ch for ch in GONE if ch in text]
    # The title is one paragraph: a line break planted in the name is a break inside it.
    title = document.paragraphs[0]
    assert title.text == docx_text(translate("docx.title", lang, name=consortium.charter.name))
    assert title._p.findall(f".//{W}br")
    assert "\n" not in document.core_properties.title


@pytest.fixture(scope="module")
def soffice() -> str:
    return find_soffice("libreoffice-writer-nogui")


def _to_pdf(soffice: str, sources: list[Path], out: Path) -> list[Path]:
    """Each of ``sources`` printed to PDF by LibreOffice, in one run of it."""
    return convert_with_libreoffice(soffice, sources, "pdf", out)


def _insert_article(source: Path, target: Path, text: str) -> None:
    """A copy of ``source`` with an article put before the second one, as a person would in Word."""
    document = docx.Document(str(source))
    articles = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    articles = [p for p in articles if p._p.pPr.numPr.ilvl.val == 0]
    second = articles[1]._p
    new = copy.deepcopy(second)
    for run in new.findall(f"{W}r")[1:]:
        new.remove(run)
    new.findall(f".//{W}t")[0].text = text
    second.addprevious(new)
    document.save(str(target))


def _squeezed(text: str) -> str:
    """Text without white space: a PDF's text puts spaces between Japanese and Latin letters."""
    return re.sub(r"\s+", "", text)


#: An article's number as LibreOffice prints it from Word's numbering (white space squeezed out).
ARTICLE = {"ja": "第{}条", "en": "Article{}"}
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _article(lang: str, number: int) -> str:
    shown = str(number).translate(FULL_WIDTH) if lang == "ja" else str(number)
    return ARTICLE[lang].format(shown)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_libreoffice_prints_the_charter_docx_with_its_name_members_and_live_numbers(
    soffice: str, tmp_path: Path, lang: str
) -> None:
    from pypdf import PdfReader

    folder = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
    source = tmp_path / f"charter-{lang}.docx"
    invoke(["export", "charter", folder, "-f", "docx", "-o", source, "--lang", lang])
    inserted = tmp_path / f"inserted-{lang}.docx"
    _insert_article(source, inserted, "INSERTED")
    texts = [
        _squeezed("".join(page.extract_text() for page in PdfReader(pdf).pages))
        for pdf in _to_pdf(soffice, [source, inserted], tmp_path)
    ]
    text, renumbered = texts
    consortium, _ = open_consortium(str(folder), lang=lang, today=None)
    assert consortium.charter is not None
    assert _squeezed(consortium.charter.name) in text
    names = consortium.member_display_names(lang)
    assert _squeezed(names[consortium.members[0].id]) in text
    assert _squeezed(names[consortium.members[-1].id]) in text
    # The numbers are Word's numbering, not typed: LibreOffice prints them, and counts an inserted article.
    count = len(charter_articles(consortium, lang))
    assert all(_article(lang, n) in text for n in range(1, count + 1))
    assert _article(lang, count + 1) not in text
    assert _article(lang, 2) + "INSERTED" in renumbered and _article(lang, count + 1) in renumbered
