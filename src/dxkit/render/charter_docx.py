"""The charter as a Word document (.docx) that municipal staff edit and circulate.

The articles are made from the consortium's files (:func:`charter_articles`: the name,
purpose and fields, the members by name and type, the layers, decision making, meetings, the
key persons, the talent plan and the data policy) and laid out by :func:`render_charter_docx` with python-docx, the
maintained library for writing Word files.

In Japanese the document follows 例規 style: a caption in brackets above each article
(（目的）), then ``第１条　…``, ``２　…`` for each further paragraph (項) and ``（１）…`` for each
item (号). In English: ``Article 1 (Purpose)``, then ``1.``, ``2.`` and ``(a)``. The numbers are
real Word numbering (one definition in ``numbering.xml`` with a level per 条, 項 and 号), not
typed text, so a person who inserts an article in Word or LibreOffice sees the rest renumber.

The page is A4 with margins of 30 mm above and below and 25 mm at the sides; East Asian text is
set in a Mincho face (``w:eastAsia``). The date under the title is the day of the export as
people read it, by the era when the charter asks for it.

Names of people follow the site's rule (:mod:`dxkit.render.people`): the document is made from
the consortium's public view, so a kind of person the charter does not publish under
``site.people`` is not named, here as on the site. Every text from the files passes through
:func:`~dxkit.escape.docx_text`; python-docx writes it as the text of a run, never as a field
code or a hyperlink.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dxkit.dates import format_date
from dxkit.escape import docx_text
from dxkit.i18n import translate
from dxkit.labels import labels
from dxkit.model import Consortium
from dxkit.model.records import Charter
from dxkit.reading import list_separator, uses_japanese_era
from dxkit.render.people import name_policy, public_view

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

#: The page: A4 portrait, in millimetres (width, height) and margins (top, bottom, left, right).
PAGE_MM = (210, 297)
MARGINS_MM = (30, 30, 25, 25)
#: The faces of the text: East Asian text in Mincho, Latin text by language.
EAST_ASIAN_FONT = "MS Mincho"
LATIN_FONT = {"ja": "MS Mincho", "en": "Times New Roman"}
#: The body text size in points; one Japanese character is as wide as it is high.
BODY_PT = 10.5
#: The longest title the file's properties (``docProps/core.xml``) hold.
CORE_TITLE_MAX = 255
#: The id of dxkit's numbering definition in ``numbering.xml`` (kept clear of a template's own).
ABSTRACT_NUM_ID = 90


@dataclass(frozen=True)
class Clause:
    """One paragraph of an article (項): dxkit's sentence, then the file's own text and items (号)."""

    text: str
    #: A text from the files, shown as written in its own indented paragraph.
    quote: str | None = None
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """One article (条): its caption and its paragraphs."""

    caption: str
    clauses: tuple[Clause, ...]


def charter_articles(c: Consortium, lang: str) -> list[Article]:
    """The articles of the charter of ``c`` in ``lang``, from the files; names as the site shows them.

    ``c`` must have a charter. The model is first turned into its public view
    (:func:`~dxkit.render.people.public_view`), so an unpublished name appears nowhere.
    """
    policy = name_policy(c, lang)
    view = public_view(c, policy)
    charter = view.charter
    assert charter is not None, "charter_articles needs a consortium with a charter"
    names = view.member_display_names(lang)
    articles: list[Article] = []

    purpose = [
        Clause(translate("docx.purpose.scope", lang, name=charter.name)),
        Clause(translate("docx.purpose.lead", lang), quote=charter.purpose),
    ]
    if charter.scope:
        fields = labels("field", lang)
        purpose.append(
            Clause(
                translate("docx.purpose.fields", lang, municipality=charter.municipality),
                items=tuple(fields.get(f, f) for f in charter.scope),
            )
        )
    if charter.vision is not None:
        purpose.append(Clause(translate("docx.purpose.vision", lang), quote=charter.vision.statement))
    articles.append(Article(translate("docx.purpose.caption", lang), tuple(purpose)))

    types = labels("memberType", lang)
    member_items = tuple(
        translate("docx.members.item", lang, name=names[m.id], type=types.get(m.type, m.type)) for m in view.members
    )
    members = (
        Clause(translate("docx.members.lead", lang), items=member_items)
        if member_items
        else Clause(translate("docx.members.none", lang))
    )
    articles.append(Article(translate("docx.members.caption", lang), (members,)))
    articles += _layers_article(charter, names, lang)

    decision = charter.decision_making
    if decision is not None:
        method = labels("DecisionMaking.method", lang).get(decision.method, decision.method)
        clauses = [Clause(translate("docx.decision.method", lang, method=method))]
        if decision.quorum:
            clauses.append(Clause(translate("docx.decision.quorum", lang), quote=decision.quorum))
        if decision.escalation:
            clauses.append(Clause(translate("docx.decision.escalation", lang), quote=decision.escalation))
        articles.append(Article(translate("docx.decision.caption", lang), tuple(clauses)))

    meetings = charter.meetings
    if meetings is not None:
        cadence = labels("Meetings.cadence", lang).get(meetings.cadence, meetings.cadence)
        clauses = [Clause(translate("docx.meetings.cadence", lang, cadence=cadence))]
        if meetings.format:
            clauses.append(Clause(translate("docx.meetings.format", lang), quote=meetings.format))
        articles.append(Article(translate("docx.meetings.caption", lang), tuple(clauses)))

    if charter.key_persons:
        shown = policy.shows("key_persons")
        people = []
        for person in charter.key_persons:
            member = names.get(person.member, person.member)
            if shown:
                text = translate("docx.key_persons.named", lang, role=person.role, name=person.name, member=member)
            else:
                text = translate("docx.key_persons.unnamed", lang, role=person.role, member=member)
            if person.deputy is not None:
                deputy_member = names.get(person.deputy.member, person.deputy.member)
                if shown:
                    deputy = translate(
                        "docx.key_persons.deputy_named", lang, name=person.deputy.name, member=deputy_member
                    )
                elif person.deputy.member == person.member:
                    deputy = translate("docx.key_persons.deputy_same", lang)
                else:
                    deputy = translate("docx.key_persons.deputy_unnamed", lang, member=deputy_member)
                text += list_separator(lang) + deputy
            people.append(text)
        clauses = [Clause(translate("docx.key_persons.lead", lang), items=tuple(people))]
        if not shown:
            clauses.append(Clause(translate("docx.key_persons.unpublished", lang)))
        articles.append(Article(translate("docx.key_persons.caption", lang), tuple(clauses)))
    articles += _talent_plan_article(charter, names, lang)

    data = charter.data_policy
    if data is not None:
        clauses = [
            Clause(translate("docx.data.personal" if data.personal_data else "docx.data.no_personal", lang)),
            Clause(translate("docx.data.handling", lang), quote=data.handling),
        ]
        if data.advisory_check:
            clauses.append(Clause(translate("docx.data.advisory", lang), quote=data.advisory_check))
        if data.individual_control:
            clauses.append(Clause(translate("docx.data.control", lang), quote=data.individual_control))
        articles.append(Article(translate("docx.data.caption", lang), tuple(clauses)))
    return articles


def _names(ids: tuple[str, ...], names: dict[str, str], lang: str) -> str:
    return list_separator(lang).join(names.get(i, i) for i in ids)


def _layers_article(charter: Charter, names: dict[str, str], lang: str) -> list[Article]:
    """The article on the bodies of the consortium (its layers), when the charter has them."""
    if not charter.layers:
        return []
    kinds = labels("Layer.type", lang)
    items = []
    for layer in charter.layers:
        kind = translate("talent.docx.layer_type", lang, type=kinds[layer.type]) if layer.type else ""
        members = _names(layer.members, names, lang)
        text = translate("talent.docx.layer", lang, name=layer.name, type=kind, members=members)
        if layer.purpose:
            text += translate("talent.docx.layer_purpose", lang, purpose=layer.purpose)
        items.append(text)
    clause = Clause(translate("talent.docx.layers_lead", lang), items=tuple(items))
    return [Article(translate("talent.docx.layers_caption", lang), (clause,))]


def _talent_plan_article(charter: Charter, names: dict[str, str], lang: str) -> list[Article]:
    """The article on how the consortium finds the talent of each DX process stage."""
    if not charter.talent_plan:
        return []
    stages, talents = labels("processStage", lang), labels("talentType", lang)
    sourcing = labels("TalentStage.sourcing", lang)
    items = []
    for entry in charter.talent_plan:
        leads = _names(entry.leads, names, lang) if entry.leads else translate("talent.no_lead", lang)
        params = {"talent": talents[entry.talent], "sourcing": sourcing[entry.sourcing], "leads": leads}
        items.append(translate("talent.docx.stage", lang, stage=stages[entry.stage], **params))
    clause = Clause(translate("talent.docx.plan_lead", lang), items=tuple(items))
    return [Article(translate("talent.docx.plan_caption", lang), (clause,))]


# -- numbering ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """One level of the numbering definition: how Word writes its number and indents its paragraph."""

    fmt: str
    text: str
    #: What follows the number: ``nothing`` (the text holds the space), ``space`` or ``tab``.
    suffix: str
    #: Left indent and hanging indent, in twentieths of a point (twips).
    left: int
    hanging: int
    start: int = 1


#: One Japanese character at the body size, in twips.
_CHAR = int(BODY_PT * 20)

#: 条, 項 and 号 by language. In Japanese the first paragraph of an article is the article's own
#: numbered paragraph (第１条　…), so the paragraphs after it count from ２.
LEVELS: dict[str, tuple[Level, Level, Level]] = {
    "ja": (
        Level("decimalFullWidth", "第%1条　", "nothing", _CHAR, _CHAR),
        Level("decimalFullWidth", "%2　", "nothing", _CHAR, _CHAR, start=2),
        Level("decimalFullWidth", "（%3）", "nothing", 3 * _CHAR, 2 * _CHAR),
    ),
    "en": (
        Level("decimal", "Article %1", "space", 0, 0),
        Level("decimal", "%2.", "tab", 360, 360),
        Level("lowerLetter", "(%3)", "tab", 720, 360),
    ),
}


def _numbering_xml(lang: str) -> str:
    """dxkit's numbering definition; each level's children in the order the schema requires (Word checks it)."""
    from docx.oxml.ns import nsdecls

    levels = []
    for index, level in enumerate(LEVELS.get(lang, LEVELS["en"])):
        levels.append(
            f'<w:lvl w:ilvl="{index}"><w:start w:val="{level.start}"/><w:numFmt w:val="{level.fmt}"/>'
            f'<w:suff w:val="{level.suffix}"/><w:lvlText w:val="{level.text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{level.left}" w:hanging="{level.hanging}"/></w:pPr></w:lvl>'
        )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ABSTRACT_NUM_ID}">'
        '<w:multiLevelType w:val="multilevel"/>' + "".join(levels) + "</w:abstractNum>"
    )


def _add_numbering(document: Document, lang: str) -> int:
    """Add dxkit's numbering definition to the document; the ``numId`` its paragraphs refer to."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    abstract = parse_xml(_numbering_xml(lang))
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:  # the schema puts every abstractNum before the first num
        first_num.addprevious(abstract)
    num = numbering.add_num(ABSTRACT_NUM_ID)
    return int(num.numId)


def _number(paragraph: Paragraph, num_id: int, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


# -- the document ----------------------------------------------------------------------------------


def _set_defaults(document: Document, lang: str) -> None:
    """The document's default text: the faces (East Asian text in Mincho), size, language, spacing.

    Set on ``w:docDefaults``, which every style inherits; the template's theme fonts are
    dropped, as a theme face would win over the named one.
    """
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None, "python-docx's template has document defaults"
    r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    p_pr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
    assert r_pr is not None and p_pr is not None
    latin = LATIN_FONT.get(lang, LATIN_FONT["en"])
    values = {
        "w:rFonts": {"w:ascii": latin, "w:hAnsi": latin, "w:eastAsia": EAST_ASIAN_FONT, "w:cs": latin},
        "w:sz": {"w:val": str(int(BODY_PT * 2))},
        "w:szCs": {"w:val": str(int(BODY_PT * 2))},
        "w:lang": {"w:val": "ja-JP" if lang == "ja" else "en-GB", "w:eastAsia": "ja-JP", "w:bidi": "ar-SA"},
    }
    for tag, attributes in values.items():
        element = r_pr.find(qn(tag))
        if element is None:  # the template has each; written here in the schema's order if not
            element = r_pr.makeelement(qn(tag), {})
            r_pr.append(element)
        element.attrib.clear()
        for name, value in attributes.items():
            element.set(qn(name), value)
    spacing = p_pr.find(qn("w:spacing"))
    if spacing is not None:
        spacing.attrib.clear()
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "320")
        spacing.set(qn("w:lineRule"), "auto")


def _page(document: Document) -> None:
    from docx.shared import Mm

    for section in document.sections:
        section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
        top, bottom, left, right = MARGINS_MM
        section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
        section.left_margin, section.right_margin = Mm(left), Mm(right)


def _text(paragraph: Paragraph, text: str, *, bold: bool = False) -> None:
    run = paragraph.add_run(docx_text(text))
    run.bold = bold or None


def render_charter_docx(c: Consortium, lang: str, *, stamp: dt.date) -> bytes:
    """The charter of ``c`` as a .docx file in ``lang``, dated ``stamp`` (the day of the export)."""
    from docx import Document as new_document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, Twips

    charter = c.charter
    assert charter is not None, "render_charter_docx needs a consortium with a charter"
    articles = charter_articles(c, lang)
    document = new_document()
    _page(document)
    _set_defaults(document, lang)
    title_text = translate("docx.title", lang, name=charter.name)
    # The file's own title property is one line of at most 255 characters (python-docx's limit).
    document.core_properties.title = " ".join(docx_text(title_text).split())[:CORE_TITLE_MAX]
    document.core_properties.language = "ja-JP" if lang == "ja" else "en-GB"
    num_id = _add_numbering(document, lang)
    japanese = lang == "ja"

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(docx_text(title_text))
    run.bold, run.font.size = True, Pt(14)
    stamp_text = format_date(stamp, lang, japanese_era=uses_japanese_era(c))
    dated = document.add_paragraph()
    dated.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _text(dated, translate("docx.as_of", lang, date=stamp_text))

    quote_indent = Twips(2 * _CHAR if japanese else 720)
    for article in articles:
        if japanese:
            caption = document.add_paragraph()
            caption.paragraph_format.left_indent = Twips(_CHAR)
            caption.paragraph_format.keep_with_next = True
            _text(caption, f"（{article.caption}）")
        else:
            heading = document.add_paragraph()
            heading.paragraph_format.keep_with_next = True
            _number(heading, num_id, 0)
            _text(heading, f"({article.caption})", bold=True)
        for index, clause in enumerate(article.clauses):
            paragraph = document.add_paragraph()
            _number(paragraph, num_id, 0 if japanese and index == 0 else 1)
            _text(paragraph, clause.text)
            if clause.quote is not None:
                quoted = document.add_paragraph()
                quoted.paragraph_format.left_indent = quote_indent
                _text(quoted, clause.quote)
            for item in clause.items:
                _number(_text_paragraph(document, item), num_id, 2)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _text_paragraph(document: Document, text: str) -> Paragraph:
    paragraph = document.add_paragraph()
    _text(paragraph, text)
    return paragraph
