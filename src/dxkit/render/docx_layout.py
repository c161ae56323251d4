"""The one layout of dxkit's Word documents (.docx): the page, the faces, and 条・項・号 numbering.

The charter (:mod:`dxkit.render.charter_docx`) and the agreements and official documents
(:mod:`dxkit.render.agreements`) are each a :class:`Paper`: a title, lines above the articles
(a date, a preamble), the articles, and lines below them (a closing sentence, 附則, signature
blocks). :func:`render_paper` lays a paper out with python-docx.

In Japanese the articles follow 例規 style: a caption in brackets above each article (（目的）),
then ``第１条　…``, ``２　…`` for each further paragraph (項) and ``（１）…`` for each item (号).
In English: ``Article 1 (Purpose)``, then ``1.``, ``2.`` and ``(a)``. The numbers are real Word
numbering (one definition in ``numbering.xml`` with a level per 条, 項 and 号), not typed text,
so a person who inserts an article in Word or LibreOffice sees the rest renumber.

The page is A4 with margins of 30 mm above and below and 25 mm at the sides; East Asian text is
set in a Mincho face (``w:eastAsia``). A :class:`Blank` is what a person fills in by hand (a
date of signing, a signature): it is shown highlighted, never filled with an invented value.
Every text passes through :func:`~dxkit.escape.docx_text`; python-docx writes it as the text of
a run, never as a field code or a hyperlink.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from dxkit.escape import docx_text

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
#: The title's size in points.
TITLE_PT = 14
#: The longest title the file's properties (``docProps/core.xml``) hold.
CORE_TITLE_MAX = 255
#: The id of dxkit's numbering definition in ``numbering.xml`` (kept clear of a template's own).
ABSTRACT_NUM_ID = 90


@dataclass(frozen=True)
class Blank:
    """A place a person fills in by hand: shown as ``shown``, highlighted, never given a value."""

    shown: str


#: A paragraph's text: plain text, or pieces of text and blanks in reading order.
Text = str | tuple[str | Blank, ...]


@dataclass(frozen=True)
class Clause:
    """One paragraph of an article (項): dxkit's sentence, then the file's own text and items (号)."""

    text: Text
    #: A text from the files, shown as written in its own indented paragraph.
    quote: str | None = None
    items: tuple[Text, ...] = ()


@dataclass(frozen=True)
class Article:
    """One article (条): its caption and its paragraphs."""

    caption: str
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class Line:
    """A paragraph outside the articles: a date, a preamble, 附則, a line of a signature block."""

    text: Text
    align: Literal["left", "center", "right"] = "left"
    #: Left indent in Japanese characters at the body size.
    indent: int = 0
    bold: bool = False
    #: Space before the paragraph, in lines.
    space_before: int = 0


@dataclass(frozen=True)
class Paper:
    """A Word document made of articles: title, lines above, articles, lines below."""

    title: str
    head: tuple[Line, ...] = ()
    articles: tuple[Article, ...] = ()
    tail: tuple[Line, ...] = ()


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
CHAR = int(BODY_PT * 20)

#: 条, 項 and 号 by language. In Japanese the first paragraph of an article is the article's own
#: numbered paragraph (第１条　…), so the paragraphs after it count from ２.
LEVELS: dict[str, tuple[Level, Level, Level]] = {
    "ja": (
        Level("decimalFullWidth", "第%1条　", "nothing", CHAR, CHAR),
        Level("decimalFullWidth", "%2　", "nothing", CHAR, CHAR, start=2),
        Level("decimalFullWidth", "（%3）", "nothing", 3 * CHAR, 2 * CHAR),
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


def _text(paragraph: Paragraph, text: Text, *, bold: bool = False) -> None:
    """Put ``text`` into ``paragraph``: each piece a run, each :class:`Blank` highlighted and underlined."""
    from docx.enum.text import WD_COLOR_INDEX

    for piece in (text,) if isinstance(text, str) else text:
        if isinstance(piece, Blank):
            run = paragraph.add_run(docx_text(piece.shown))
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            run.underline = True
        else:
            run = paragraph.add_run(docx_text(piece))
        run.bold = bold or None


def _line(document: Document, line: Line) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, Twips

    paragraph = document.add_paragraph()
    paragraph.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[line.align]
    if line.indent:
        paragraph.paragraph_format.left_indent = Twips(line.indent * CHAR)
    if line.space_before:
        paragraph.paragraph_format.space_before = Pt(line.space_before * BODY_PT * 1.5)
    _text(paragraph, line.text, bold=line.bold)


def _articles(document: Document, articles: tuple[Article, ...], lang: str, num_id: int) -> None:
    from docx.shared import Twips

    japanese = lang == "ja"
    quote_indent = Twips(2 * CHAR if japanese else 720)
    for article in articles:
        if japanese:
            caption = document.add_paragraph()
            caption.paragraph_format.left_indent = Twips(CHAR)
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
                numbered = document.add_paragraph()
                _text(numbered, item)
                _number(numbered, num_id, 2)


def render_paper(paper: Paper, lang: str) -> bytes:
    """``paper`` as a .docx file in ``lang``: A4, Mincho, its articles numbered by Word."""
    from docx import Document as new_document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = new_document()
    _page(document)
    _set_defaults(document, lang)
    # The file's own title property is one line of at most 255 characters (python-docx's limit).
    document.core_properties.title = " ".join(docx_text(paper.title).split())[:CORE_TITLE_MAX]
    document.core_properties.language = "ja-JP" if lang == "ja" else "en-GB"
    num_id = _add_numbering(document, lang)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(docx_text(paper.title))
    run.bold, run.font.size = True, Pt(TITLE_PT)
    for line in paper.head:
        _line(document, line)
    _articles(document, paper.articles, lang, num_id)
    for line in paper.tail:
        _line(document, line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
