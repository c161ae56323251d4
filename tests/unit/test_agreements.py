"""``dxkit new agreement KIND``: agreements and official documents as Word files from the consortium's files."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from dxkit.cli.new import AgreementKind
from dxkit.i18n import translate
from dxkit.model import Consortium
from dxkit.render.agreements import AGREEMENT_KINDS, agreement_paper, choose_parties
from dxkit.render.docx_layout import ABSTRACT_NUM_ID, LEVELS
from dxkit.validate import open_consortium
from tests.conftest import ROOT
from tests.helpers import invoke

TODAY = dt.date(2026, 10, 1)
#: The provider each kind needs in the example (two universities, two municipal divisions).
PROVIDER = {"testbed": "shiomi-univ", "data-use": "city-dx"}
#: The files' text each kind must carry, by where it is in the charter.
FROM_FILES = {
    "establishment": lambda c: [c.charter.purpose, c.charter.decision_making.quorum, c.charter.key_persons[0].role],
    "partnership": lambda c: [c.charter.purpose, c.charter.continuity.member_withdrawal, c.members[0].contributes[0]],
    "testbed": lambda c: [c.charter.data_policy.handling],
    "data-use": lambda c: [
        c.charter.purpose,
        c.charter.data_policy.handling,
        c.charter.data_policy.advisory_check,
        c.charter.data_policy.individual_control,
    ],
    "consent": lambda c: [c.charter.purpose, c.charter.data_policy.handling, c.charter.data_policy.individual_control],
    "advisory": lambda c: [c.charter.data_policy.advisory_check],
}
#: What a person fills in, by kind: the blanks (by message id) each document must show.
BLANKS = {
    "establishment": ("blank.date",),
    "partnership": ("blank.date", "blank.address", "blank.representative"),
    "testbed": ("blank.date", "blank.period", "blank.text", "blank.representative"),
    "data-use": ("blank.date", "blank.text", "blank.representative"),
    "consent": ("blank.date", "consent.blank.signature", "blank.address"),
    "advisory": ("blank.date", "blank.count"),
}


def _example(tmp_path: Path, lang: str) -> Path:
    folder = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
    return folder


def _consortium(folder: Path, lang: str) -> Consortium:
    consortium, _ = open_consortium(str(folder), lang=lang, today=TODAY)
    assert consortium.charter is not None
    return consortium


def _new(folder: Path, kind: str, lang: str, *extra: str, exit: int = 0) -> tuple[Path, str]:
    out = folder.parent / f"{kind}-{lang}.docx"
    provider = ("--provider", PROVIDER[kind]) if kind in PROVIDER and "--provider" not in extra else ()
    result = invoke(["new", "agreement", kind, "-d", folder, "-o", out, "--lang", lang, *provider, *extra], exit=exit)
    return out, (result.stdout if exit == 0 else result.stderr).replace("\n", "")


def _text(document: docx.document.Document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def _numbered(document: docx.document.Document) -> list[tuple[int, str]]:
    """``(level, text)`` of every paragraph that Word numbers (``w:numPr``), each by dxkit's definition."""
    numbering = document.part.numbering_part.element
    abstract_of = {
        num.get(qn("w:numId")): num.find(qn("w:abstractNumId")).get(qn("w:val"))
        for num in numbering.findall(qn("w:num"))
    }
    found = []
    for p in document.paragraphs:
        num_pr = p._p.pPr.numPr if p._p.pPr is not None else None
        if num_pr is not None:
            assert abstract_of[str(num_pr.numId.val)] == str(ABSTRACT_NUM_ID), p.text
            found.append((int(num_pr.ilvl.val), p.text))
    return found


def _level_texts(document: docx.document.Document) -> list[str]:
    """The level texts of dxkit's numbering definition (``第%1条　``, ``%2　``, ``（%3）``)."""
    numbering = document.part.numbering_part.element
    (abstract,) = [
        a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == str(ABSTRACT_NUM_ID)
    ]
    return [lvl.find(qn("w:lvlText")).get(qn("w:val")) for lvl in abstract.findall(qn("w:lvl"))]


def _highlighted(document: docx.document.Document) -> str:
    return "".join(
        run.text for p in document.paragraphs for run in p.runs if run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    )


def test_agreement_kinds_of_the_command_are_the_documents_dxkit_makes() -> None:
    assert tuple(k.value for k in AgreementKind) == AGREEMENT_KINDS


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("kind", AGREEMENT_KINDS)
def test_new_agreement_fills_each_document_from_the_files_with_blanks_for_a_person(
    tmp_path: Path, kind: str, lang: str
) -> None:
    folder = _example(tmp_path, lang)
    consortium = _consortium(folder, lang)
    out, said = _new(folder, kind, lang)
    assert translate("agreement.written", lang, title=translate(f"agreement.kind.{kind}", lang), path=str(out)) in said
    document = docx.Document(str(out))
    text = _text(document)
    assert consortium.charter is not None
    assert consortium.charter.name in text
    for quoted in FROM_FILES[kind](consortium):
        assert quoted in text, quoted
    names = consortium.member_display_names(lang)
    if kind in ("partnership", "testbed", "data-use", "establishment"):
        assert all(names[m.id] in text for m in consortium.members)
    # What a person must supply is a highlighted blank, not a value made up.
    highlighted = _highlighted(document)
    for blank in BLANKS[kind]:
        shown = translate(f"agreement.{blank}", lang)
        assert shown in text and shown in highlighted, blank
    # People are not named: the documents speak of organisations and roles.
    people = [p.name for m in consortium.members for p in m.people]
    assert people and not any(person in text for person in people)
    # A4, Mincho for East Asian text, the document in the language asked for.
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.core_properties.language == ("ja-JP" if lang == "ja" else "en-GB")


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("kind", [k for k in AGREEMENT_KINDS if k != "consent"])
def test_new_agreement_numbers_its_articles_by_word_numbering(tmp_path: Path, kind: str, lang: str) -> None:
    folder = _example(tmp_path, lang)
    consortium = _consortium(folder, lang)
    out, _ = _new(folder, kind, lang)
    document = docx.Document(str(out))
    paper = agreement_paper(consortium, kind, lang, choose_parties(consortium, kind, provider=PROVIDER.get(kind)))
    numbered = _numbered(document)
    assert _level_texts(document) == [level.text for level in LEVELS[lang]]
    articles = [t for level, t in numbered if level == 0]
    assert len(articles) == len(paper.articles) >= 5
    # The numbers are Word's, not typed into the text.
    assert not any(t.startswith(("第", "Article", "（１）", "(a)", "２")) for _, t in numbered)
    assert any(level == 2 for level, _ in numbered)  # items (号) too
    if lang == "ja":  # 例規 style: the caption in brackets above the article
        captions = [p.text for p in document.paragraphs if p.text == f"（{paper.articles[0].caption}）"]
        assert captions
    else:
        assert articles[0] == f"({paper.articles[0].caption})"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_new_agreement_partnership_binds_only_the_members_chosen(tmp_path: Path, lang: str) -> None:
    folder = _example(tmp_path, lang)
    consortium = _consortium(folder, lang)
    names = consortium.member_display_names(lang)
    out, _ = _new(folder, "partnership", lang, "--members", "shiomi-shinkin, city-dx")
    text = _text(docx.Document(str(out)))
    assert names["shiomi-shinkin"] in text and names["city-dx"] in text
    assert names["shiomi-shimpo"] not in text and names["aohama-pref"] not in text
    assert translate("agreement.common.closing", lang, count=2) in text
    preamble = translate(
        "agreement.partnership.preamble",
        lang,
        parties=names["shiomi-shinkin"] + translate("agreement.parties.pair", lang) + names["city-dx"],
        name=consortium.charter.name if consortium.charter else "",
    )
    assert preamble in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_new_agreement_testbed_names_the_provider_and_the_users(tmp_path: Path, lang: str) -> None:
    folder = _example(tmp_path, lang)
    names = _consortium(folder, lang).member_display_names(lang)
    out, _ = _new(folder, "testbed", lang, "--provider", "shiomi-univ", "--members", "shiosai-systems,shiomi-taxi")
    text = _text(docx.Document(str(out)))
    provider = translate("agreement.sign.name", lang, name=names["shiomi-univ"])
    assert provider in text and names["shiosai-systems"] in text and names["shiomi-taxi"] in text
    assert names["city-dx"] not in text
    assert translate("agreement.common.closing", lang, count=3) in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_new_agreement_speaks_the_charters_language_without_lang(tmp_path: Path, lang: str) -> None:
    folder = _example(tmp_path, lang)
    invoke(["new", "agreement", "establishment", "-d", folder])
    target = folder / "agreements" / "establishment.docx"
    text = _text(docx.Document(str(target)))
    assert translate("agreement.supplementary", lang) in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_new_agreement_keeps_an_existing_file_unless_overwrite(tmp_path: Path, lang: str) -> None:
    folder = _example(tmp_path, lang)
    out, _ = _new(folder, "advisory", lang)
    before = out.read_bytes()
    _, said = _new(folder, "advisory", lang, exit=2)
    assert translate("agreement.exists", lang, path=str(out)) in said
    assert out.read_bytes() == before
    _new(folder, "advisory", lang, "--overwrite")
    assert docx.Document(str(out)).paragraphs[0].text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_new_agreement_says_why_it_cannot_make_a_document(tmp_path: Path, lang: str) -> None:
    folder = _example(tmp_path, lang)
    known = ", ".join(m.id for m in _consortium(folder, lang).members)
    testbed = translate("agreement.kind.testbed", lang)
    _, said = _new(folder, "partnership", lang, "--members", "city-dx,nobody", exit=2)
    assert translate("agreement.unknown_member", lang, member="nobody", known=known) in said
    _, said = _new(folder, "partnership", lang, "--members", "city-dx", exit=2)
    assert (
        translate("agreement.too_few_parties", lang, title=translate("agreement.kind.partnership", lang), known=known)
        in said
    )
    # Two education and research members: which one offers the testbed is for a person to say.
    out = tmp_path / "t.docx"
    refused = invoke(["new", "agreement", "testbed", "-d", folder, "-o", out, "--lang", lang], exit=2)
    assert translate("agreement.no_provider", lang, title=testbed, known=known) in refused.stderr.replace("\n", "")
    assert not out.exists()
    _, said = _new(folder, "consent", lang, "--members", "city-dx", exit=2)
    assert (
        translate("agreement.option_unused", lang, option="--members", title=translate("agreement.kind.consent", lang))
        in said
    )
    charter = folder / "consortium.yaml"
    text = charter.read_text(encoding="utf-8")
    charter.write_text(text.replace("personal_data: true", "personal_data: false"), encoding="utf-8")
    _, said = _new(folder, "consent", lang, exit=2)
    assert translate("agreement.no_personal_data", lang, title=translate("agreement.kind.consent", lang)) in said
    start = text.index("data_policy:")
    end = text.index("continuity:")
    charter.write_text(text[:start] + text[end:], encoding="utf-8")
    _, said = _new(folder, "advisory", lang, exit=2)
    assert translate("agreement.no_data_policy", lang, title=translate("agreement.kind.advisory", lang)) in said
    # Without a data policy, the data-use agreement says the parties agree on personal data first.
    out, _ = _new(folder, "data-use", lang)
    assert translate("agreement.data-use.personal.none", lang) in _text(docx.Document(str(out)))
