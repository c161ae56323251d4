"""The agreements' Word files: hostile names stay text, and LibreOffice prints them with their parties.

Every free string of the example is attacked (:func:`tests.security.hostile.hostile_consortium`),
and the first member's name also carries what Word would run as a field or follow as a link.
The PDF test converts one document per language with LibreOffice itself (``soffice --headless
--convert-to pdf``) and reads the PDF's text with pypdf; it is skipped only where ``soffice`` is
missing and ``CI`` is not set.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from dxkit.loading import load_file
from dxkit.render.agreements import AGREEMENT_KINDS
from dxkit.validate import open_consortium
from tests.conftest import ROOT
from tests.helpers import convert_with_libreoffice, find_soffice, invoke
from tests.security.hostile import IMG, SCRIPT, hostile_consortium

#: What Word would treat as a field, a link or markup if it reached the XML as such.
FIELDS = ' { HYPERLINK "http://evil.example/" } <w:fldSimple w:instr="DATE"/> ]]> https://evil.example/x'
#: Characters that must not survive: controls, an 8-bit CSI, bidi override, NUL.
GONE = ("\x1b", "\x07", "\x00", "\x7f", "\x9b", "\u202e")
PROVIDER = {"testbed": "shiomi-univ", "data-use": "city-dx"}


def _hostile(tmp_path: Path, lang: str) -> Path:
    folder = hostile_consortium(tmp_path / "hostile", lang, controls=True)
    members = folder / "members.yaml"
    data = load_file(members).data
    data["members"][0]["name"] += FIELDS
    members.write_text(json.dumps(data, ensure_ascii=True, indent=2) + "\n", encoding="utf-8")
    return folder


def _new(folder: Path, kind: str, lang: str, out: Path) -> None:
    provider = ("--provider", PROVIDER[kind]) if kind in PROVIDER else ()
    invoke(["new", "agreement", kind, "-d", folder, "-o", out, "--lang", lang, *provider])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_hostile_names_reach_every_agreement_as_text_only(tmp_path: Path, lang: str) -> None:
    folder = _hostile(tmp_path, lang)
    consortium, _ = open_consortium(str(folder), lang=lang, today=None)
    first = consortium.members[0]
    for kind in AGREEMENT_KINDS:
        out = tmp_path / f"{kind}.docx"
        _new(folder, kind, lang, out)
        with zipfile.ZipFile(out) as z:
            body = z.read("word/document.xml").decode("utf-8")
            rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
        for element in ("fldSimple", "instrText", "fldChar", "hyperlink"):
            assert f"<w:{element}" not in body, (kind, element)
        assert "hyperlink" not in rels.lower(), kind
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert IMG in text and SCRIPT in text, kind
        assert not [ch for ch in GONE if ch in text], kind
        if kind not in ("consent", "advisory"):  # the documents that name the members
            assert FIELDS.strip() in text and first.name.split(" <img")[0] in text, kind


def _squeezed(text: str) -> str:
    """Text without white space: a PDF's text puts spaces between Japanese and Latin letters."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def soffice() -> str:
    return find_soffice("libreoffice-writer-nogui")


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.slow
def test_libreoffice_prints_the_partnership_agreement_with_its_name_members_and_article_numbers(
    soffice: str, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    sources = []
    for lang in ("ja", "en"):
        folder = tmp_path / lang / "shiomi"
        shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
        source = tmp_path / f"partnership-{lang}.docx"
        invoke(["new", "agreement", "partnership", "-d", folder, "-o", source, "--lang", lang])
        sources.append(source)
    pdfs = convert_with_libreoffice(soffice, sources, "pdf", tmp_path / "pdf")
    for lang, pdf in zip(("ja", "en"), pdfs, strict=True):
        text = _squeezed("".join(page.extract_text() for page in PdfReader(pdf).pages))
        consortium, _ = open_consortium(str(tmp_path / lang / "shiomi"), lang=lang, today=None)
        assert consortium.charter is not None
        assert _squeezed(consortium.charter.name) in text
        names = consortium.member_display_names(lang)
        assert all(_squeezed(names[m.id]) in text for m in consortium.members)
        # Word's numbering, printed by LibreOffice: the articles count up.
        article = "第{}条" if lang == "ja" else "Article{}"
        shown = [str(n).translate(FULL_WIDTH) if lang == "ja" else str(n) for n in (1, 2, 8)]
        assert all(article.format(n) in text for n in shown), lang
