"""One writer per output format for text that comes from a person's file.

A consortium's files are written by many organisations, so every string in them is hostile:
it may carry HTML, Markdown, formulas, control characters or diagram syntax. A renderer puts
such text into its output only through the function of that output's format below; each
function says what it guarantees, and ``tests/unit/test_escape.py`` holds it to that with
hostile strings. None of them judges a URL: no output of dxkit puts a person's text into a
link target, a ``src`` or an event attribute; where a file's name becomes a URI (SARIF), it is
percent-encoded (:func:`uri_path`), so it can never start a scheme such as ``javascript:``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Hashable, Iterable
from pathlib import PurePath
from typing import Any, TypeVar
from urllib.parse import quote

K = TypeVar("K", bound=Hashable)

#: C0 controls, DEL and C1 controls.
_CONTROLS = "".join(chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)))
#: Characters that end a line for some reader (YAML 1.1, JavaScript, Unicode, HTML).
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: Bidirectional and other invisible formatting controls that reorder or hide what follows.
_FORMAT_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"

_WHITESPACE = re.compile(r"\s+")
#: The same, less what ``str.split`` takes for white space (those become one space instead).
_NOT_SHOWN_NOR_SPACE = re.compile(
    "[" + re.escape("".join(c for c in _CONTROLS + _FORMAT_CONTROLS if not c.isspace())) + "]"
)


#: Every line break, as one ``\n``; then what is still not shown, less tab and ``\n``, removed.
_ANY_BREAK = re.compile("\r\n|[" + re.escape(_LINE_BREAKS) + "]")
_NOT_SHOWN_BUT_LINES = re.compile(
    "[" + re.escape("".join(c for c in _CONTROLS + _FORMAT_CONTROLS if c not in "\t\n")) + "]"
)


def _lines(text: str) -> str:
    """Line breaks of every kind as ``\\n``; tab kept; every other control character removed."""
    return _NOT_SHOWN_BUT_LINES.sub("", _ANY_BREAK.sub("\n", text))


def _one_line(text: str) -> str:
    """Runs of white space (line breaks and tabs included) as one space; other controls removed.

    Controls go first, so the spaces on both sides of a removed one still make one space.
    """
    return _WHITESPACE.sub(" ", _NOT_SHOWN_NOR_SPACE.sub("", text)).strip()


# -- Markdown ------------------------------------------------------------------------------

# Every ASCII character that opens markup anywhere in a line, in Python-Markdown (the sites)
# or CommonMark/GFM. ``(``, ``)`` and ``!`` only make a link or an image after an unescaped
# ``[``, so they stay as they are. Characters that Python-Markdown cannot backslash-escape
# become entities, so no reader shows a stray backslash: ``<`` and ``&`` (HTML, entities,
# autolinks) and ``~`` (strike-through, fences). ``{`` is an entity too: a backslash does not
# escape anything for Jinja, so ``\{%`` would still open a block for a template engine that
# reads the page (MkDocs macros); with no ``{`` left, no ``{{``, ``{%`` or ``{#`` can start.
_MARKDOWN = str.maketrans(
    {
        **{ch: "\\" + ch for ch in "\\`*_}[]#|>"},
        "&": "&amp;",
        "<": "&lt;",
        "{": "&#123;",
        "~": "&#126;",
    }
)
# What opens a block only at the start of a line: a list item (``-``, ``+``, ``1.``, ``1)``)
# or an admonition (``!!!``).
_LEADING = re.compile(r"^(?:[-+!]|\d+[.)])")


def markdown_text(text: str) -> str:
    """Text shown literally in a Markdown paragraph, heading, list item or table cell.

    Guarantees, for Python-Markdown and CommonMark/GFM readers alike:

    * no markup: emphasis, code, links and images, attribute lists (``{: …}``), headings,
      block quotes, fences, table pipes, and at the start list markers (``-``, ``+``, ``1.``,
      ``1)``) and admonitions (``!!!``) are escaped, so the reader sees the characters;
    * no HTML: ``<`` and ``&`` become ``&lt;`` and ``&amp;``, so no tag, entity or autolink
      (``<https://…>``) survives, and ``>`` is escaped;
    * no template: ``{`` becomes ``&#123;``, so a page read by Jinja (MkDocs macros, a
      theme) holds no ``{{``, ``{%`` or ``{#`` from a person's text;
    * one line: line breaks, tabs and runs of spaces become one space, and control and
      bidirectional formatting characters (escape sequences, ``\\r``) are removed, so the
      text can neither end its line or its table cell nor rewrite a terminal that shows it.
    """
    out = _one_line(text).translate(_MARKDOWN)
    lead = _LEADING.match(out)
    if lead is None:
        return out
    end = lead.end()
    return out[: end - 1] + "\\" + out[end - 1 :]


def markdown_cell(markdown: str) -> str:
    """Markdown (already escaped, or written by the renderer) kept inside one table cell.

    Guarantees: every ``|`` that is not already backslash-escaped is escaped and every line
    break becomes a space, so the cell can neither split nor end the row. Escaped text from
    :func:`markdown_text` passes unchanged. It escapes no other markup: give a person's text
    to :func:`markdown_text` first.
    """
    if "|" in markdown:
        markdown = _PIPE.sub(_escape_pipe, markdown)
    return markdown.translate(_BREAKS_TO_SPACE)


#: A pipe and the backslashes before it (an odd number of them escape it already).
_PIPE = re.compile(r"(\\*)\|")
_BREAKS_TO_SPACE = str.maketrans(dict.fromkeys(_LINE_BREAKS, " "))


def _escape_pipe(match: re.Match[str]) -> str:
    backslashes = match.group(1)
    return backslashes + ("\\|" if len(backslashes) % 2 == 0 else "|")


# -- HTML ----------------------------------------------------------------------------------


def html_text(text: str) -> str:
    """Text for an HTML element's content.

    Guarantees: ``&``, ``<``, ``>``, ``"`` and ``'`` are written as character references, so
    no tag, comment or entity can start; control and bidirectional formatting characters are
    removed, tab is kept and every line break (``\\r\\n``, ``\\r``, NEL, U+2028, …) becomes
    ``\\n``, so the page can be shown on a terminal as it is.
    """
    return html.escape(_lines(text), quote=True)


def html_page_text(text: str) -> str:
    """Text for an HTML element's content in a block of HTML inside a Markdown page.

    Guarantees: those of :func:`html_attr` (no tag, comment or entity can start; one line, so
    the text cannot end the HTML block it is in), and ``{`` is ``&#123;`` as in
    :func:`markdown_text`: a page read by Jinja (MkDocs macros, a theme) holds no ``{{``,
    ``{%`` or ``{#`` from a person's text. A table of thousands of rows is written this way
    (:func:`dxkit.render.site_tables.html_table`) rather than as Markdown.
    """
    return html.escape(_one_line(text), quote=True).replace("{", "&#123;")


def html_attr(text: str) -> str:
    """Text for a quoted HTML attribute value (``name="…"``).

    Guarantees: the value cannot end its quotes or its tag (``"``, ``'``, ``<``, ``>`` and
    ``&`` are character references) and holds no control characters or line breaks (they
    become one space). It does not make a URL safe: never use it for ``href``, ``src`` or
    ``on…`` attributes holding a person's text.
    """
    return html.escape(_one_line(text), quote=True)


# -- mermaid -------------------------------------------------------------------------------

# Written as mermaid entity codes (``#60;``), which mermaid shows as the character itself:
# quotes and brackets end a node's label, ``%`` starts a comment or a directive (``%%{``),
# ``:``, ``;`` and ``#`` end a Gantt task or a statement, ``&``, ``<`` and ``>`` are HTML, and
# ``ﬂ`` is what mermaid's own entity placeholders start with (so none can be forged).
_MERMAID_CODES = set('"<>#&;:`[]{}()|%\ufb02')
#: Words that start a statement at the beginning of a line (Gantt and flowchart grammars).
_MERMAID_KEYWORDS = re.compile(
    r"^(?:acc|href|call|click|gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes"
    r"|excludes|todaymarker|weekday|weekend|title|section|graph|flowchart|subgraph|end|style|classdef|class"
    r"|linkstyle|direction|\d{4}-\d\d-\d\d)",
    re.IGNORECASE,
)


def mermaid_label(text: str, *, line_start: bool = False) -> str:
    """Text for a mermaid label: a node's ``["…"]``, a Gantt task, section or title.

    Guarantees: every character mermaid reads as syntax (``" < > # & ; : ` [ ] { } ( ) | %``)
    is written as an entity code, so a label can neither close its node, start a comment
    (``%%``) or a directive, add a statement (``click … call …``) nor carry HTML; line breaks,
    tabs and runs of spaces become one space and control characters are removed, so the label
    stays on its line. With ``line_start`` (a Gantt task, which begins its line), a label that
    begins with a statement keyword (``click``, ``title``, ``section``, a date, …) has its first
    character written as an entity code, so it is read as text.
    """
    flat = _one_line(text)
    out = "".join(f"#{ord(ch)};" if ch in _MERMAID_CODES else ch for ch in flat)
    if line_start and _MERMAID_KEYWORDS.match(flat):
        out = f"#{ord(flat[0])};" + out[1:]  # a keyword starts with a letter or a digit, never a code
    return out


def mermaid_ids(keys: Iterable[K], prefix: str = "m") -> dict[K, str]:
    """Node ids for a diagram: ``m0``, ``m1``, … in the order of ``keys``.

    Guarantees: ids are generated (``prefix`` must be ASCII letters), never a person's text,
    so they are always valid and unique, whatever the names and ids in the files look like.
    """
    if not prefix.isascii() or not prefix.isalpha():
        raise ValueError(f"mermaid id prefix must be ASCII letters: {prefix!r}")
    ids: dict[K, str] = {}
    for key in keys:
        if key not in ids:
            ids[key] = f"{prefix}{len(ids)}"
    return ids


# -- calendars, XML, spreadsheets, YAML ----------------------------------------------------


def ics_text(text: str) -> str:
    """Text for an iCalendar TEXT property (``SUMMARY``, ``DESCRIPTION``, …), before its escaping.

    Guarantees: every line break (``\\r\\n``, a lone ``\\r``, ``\\n``, and the Unicode ones)
    becomes ``\\n``, which :func:`ics_value` writes as the two characters ``\\n`` (RFC 5545), so
    no raw CR or LF survives and no value can end its content line and start a property or an
    event of its own; other control characters, which TEXT does not allow, are removed.
    :func:`ics_value` escapes ``\\``, ``;`` and ``,``; :func:`ics_line` writes the property.
    """
    return _lines(text)


def ics_value(text: str) -> str:
    """A TEXT value as it stands in a content line: :func:`ics_text`, then RFC 5545's escapes.

    Guarantees: ``\\`` becomes ``\\\\``, ``;`` becomes ``\\;``, ``,`` becomes ``\\,`` and every line
    break ``\\n`` (the two characters), so the value holds no CR or LF and no separator of its
    own. A ``\\N`` in the text is taken for the line break RFC 5545 spells so, as icalendar takes
    it, so a calendar reads as it did when icalendar wrote it.
    """
    return (
        ics_text(text)
        .replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


#: The longest part of a folded content line, in octets (RFC 5545 3.1 allows 75; one less, as before).
_ICS_FOLD = 74


def ics_line(name: str, value: str) -> bytes:
    """One content line ``NAME:value`` in UTF-8, folded as RFC 5545 3.1 says, ending in CRLF.

    ``name`` (with any parameters, ``DTSTART;VALUE=DATE``) is dxkit's own ASCII; ``value`` is
    already escaped (:func:`ics_value` for text). Guarantees: no part is longer than 74 octets,
    a fold never splits a UTF-8 character, and a fold never separates an escaping ``\\`` (or an
    RFC 6868 ``^``) from the character after it; every continuation starts with one space.
    """
    data = f"{name}:{value}".encode()
    if len(data) <= _ICS_FOLD:
        return data + b"\r\n"
    parts: list[bytes] = []
    start, size = 0, len(data)
    while size - start > _ICS_FOLD:
        end = start + _ICS_FOLD
        while data[end] & 0xC0 == 0x80:  # inside a character: fold before it
            end -= 1
        if end - start > 1 and data[end - 1] in b"\\^":
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts) + b"\r\n"


#: What XML 1.0 refuses (its ``Char`` production's complement: controls but tab and line
#: breaks, surrogates, U+FFFE/F), written out for the reason given at ``_NOT_YAML_PRINTABLE``.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text for an XML document (an .xlsx cell, say).

    Guarantees: every character XML 1.0 forbids (C0 controls other than tab, LF and CR,
    lone surrogates, U+FFFE and U+FFFF) is removed, so the writer never fails and the file
    always opens. The XML writer (openpyxl) escapes markup characters.
    """
    return _NOT_XML.sub("", text)


def xlsx_text(text: str) -> str:
    """Text of a workbook's cell, written into the sheet's XML by hand (``<t>…</t>``).

    Guarantees: the characters :func:`xml_text` removes are removed; ``&``, ``<`` and ``>`` are
    character references, so the text can never start markup (a formula, say) nor end its
    element; a carriage return is a character reference, which a parser keeps (it turns a raw
    one into a line feed). The cell is always an inline string, never a formula.
    """
    return html.escape(xml_text(text), quote=False).replace("\r", "&#13;")


def docx_text(text: str) -> str:
    """Text for a run of a Word document (.docx).

    Guarantees: line breaks of every kind become ``\\n`` (the writer, python-docx, makes each a
    ``<w:br/>``, and a tab a ``<w:tab/>``); every other control or bidirectional formatting
    character, and every character XML 1.0 forbids, is removed, so the document always opens.
    The writer escapes markup characters and puts the text in ``<w:t>``: it never becomes a
    field code (``{ HYPERLINK … }``), a hyperlink or markup, whatever it holds.
    """
    return xml_text(_lines(text))


def atom_text(text: str) -> str:
    """Text for an element of an Atom feed (a title, ``content`` of type ``text``), given to feedgen.

    Guarantees: line breaks of every kind become ``\\n``; every other control or bidirectional
    formatting character, and every character XML 1.0 forbids, is removed, so the feed always
    parses and neither a feed reader nor a terminal that shows it acts on anything in it. The
    writer (feedgen, through lxml) escapes markup characters, so the text never becomes markup.
    """
    return xml_text(_lines(text))


_XML_BREAKS = str.maketrans({"\n": "&#10;", "\t": "&#9;"})


def xml_markup(text: str, *, attribute: bool = False) -> str:
    """Text written by hand into an XML document (a JUnit report): content or a quoted attribute.

    Guarantees: the document stays well-formed and no terminal that shows it acts on it:
    characters XML 1.0 forbids and every other control or bidirectional formatting character
    are removed, line breaks of every kind become ``\\n``; ``&``, ``<``, ``>``, ``"`` and ``'``
    are character references, so the text can neither start markup nor end its attribute. With
    ``attribute``, tab and line breaks are character references too, which a parser keeps
    (it turns raw ones in an attribute into spaces).
    """
    escaped = html.escape(xml_text(_lines(text)), quote=True)
    return escaped.translate(_XML_BREAKS) if attribute else escaped


def svg_text(text: str, *, attribute: bool = False) -> str:
    """Text written into an SVG drawing inside a page of a site: an element's content or a quoted attribute.

    Guarantees what :func:`xml_markup` does (well-formed, no markup, no control characters), and
    also: one line (runs of white space, line breaks included, become one space), so the drawing
    holds no blank line that would end it as a block of HTML in a page's Markdown; ``{`` is a
    character reference, so a page read by a template engine holds no ``{{`` or ``{%`` from it.
    """
    return xml_markup(_WHITESPACE.sub(" ", _NOT_SHOWN_NOR_SPACE.sub("", text)), attribute=attribute).replace(
        "{", "&#123;"
    )


def csv_text(text: str) -> str:
    """Text for a CSV cell that a spreadsheet program opens.

    Guarantees: a value that a spreadsheet would run as a formula (it starts with ``=``,
    ``+``, ``-``, ``@``, a tab or a line break) gets a leading apostrophe, so it is shown as
    text; every line break becomes ``\\n`` and other control and bidirectional formatting
    characters are removed, so the file holds what XML-based spreadsheets can hold and can be
    shown on a terminal. The csv module quotes commas, quotes and line breaks.
    """
    cleaned = xml_text(_lines(text))
    return "'" + cleaned if cleaned[:1] in ("=", "+", "-", "@", "\t", "\n") else cleaned


#: What a YAML reader does not take raw (non-printable, or a line break in YAML 1.1).
#: Written as the characters it refuses (C0 and C1 controls, DEL, NEL, U+2028/9, surrogates,
#: U+FEFF, U+FFFE/F) rather than as the negation of what YAML prints: the same set, and a
#: negated class over all of Unicode takes Python milliseconds to compile at every start.
_NOT_YAML_PRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``value``.

    Guarantees: quotes, backslashes, control characters and every character YAML 1.1 reads
    as a line break (NEL, U+2028, U+2029) are escapes, so the scalar stays on its line and
    no tag, anchor, comment or key can start in it.
    """
    quoted = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


# -- JSON and URIs -------------------------------------------------------------------------

#: What ``json.dumps(ensure_ascii=False)`` leaves raw although a terminal or a JavaScript reader
#: acts on it: DEL, C1 controls (an 8-bit CSI), line and paragraph separators, bidi controls;
#: and lone surrogates, which no UTF-8 stream can hold.
_JSON_RAW = re.compile(
    "[" + re.escape("".join(c for c in _CONTROLS + _LINE_BREAKS + _FORMAT_CONTROLS if c >= " ")) + "\ud800-\udfff]"
)


def json_document(value: Any, *, indent: int | None = 2) -> str:
    """A JSON document of ``value``, readable (non-ASCII letters as they are) and inert.

    Indented by ``indent``, or on one line without spaces when it is ``None``.

    Guarantees: the same data as :func:`json.dumps` (any JSON reader reads back ``value``),
    and no control, line-separator or bidirectional formatting character is written raw: they
    are ``\\uXXXX`` escapes, so the document can be printed on a terminal, pasted into a
    JavaScript string or read in a review without anything moving, running or reordering.
    """
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)
    # Outside strings JSON holds only ASCII punctuation and white space: every match is in a string.
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


#: What could end a ``<script>`` element or open a comment in it, as JSON escapes.
_SCRIPT_MARKUP = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
#: A JSON string literal, escapes included.
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def json_script(value: Any) -> str:
    """``value`` as the content of an HTML ``<script type="application/ld+json">`` element.

    Guarantees: the same data as :func:`json_document` (any JSON-LD reader reads back
    ``value``), on one line, and the element cannot be closed or turned into markup from
    inside: ``<``, ``>`` and ``&`` are ``\\u003c``, ``\\u003e`` and ``\\u0026`` escapes, so no
    ``</script>``, ``<!--`` or ``-->`` survives, and the line and paragraph separators
    (U+2028, U+2029) and every control character are escapes too, so a script reading the
    element as JavaScript sees one string. Outside strings JSON holds none of these
    characters, so every one replaced is inside a string. In strings ``{`` is ``\\u007b``
    as well: the element sits in a Markdown page, and a template engine that reads the page
    (MkDocs macros) finds no ``{{``, ``{%`` or ``{#`` from a person's text in it.
    """
    text = json_document(value, indent=None).translate(_SCRIPT_MARKUP)
    return _JSON_STRING.sub(lambda m: m.group().replace("{", "\\u007b"), text)


def uri_path(path: str) -> str:
    """A file's path as a URI reference (SARIF ``artifactLocation.uri``).

    Guarantees: an absolute path becomes a ``file:`` URI; a relative one is percent-encoded
    with ``/`` as its only separator, so ``:``, ``#``, ``?``, ``%``, spaces and controls are
    escapes: a file named ``javascript:alert(1).yaml`` can never read as a scheme.
    """
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix(), safe="/")


# -- terminals -----------------------------------------------------------------------------


def terminal_text(text: str, *, newlines: bool = False, tabs: bool = False) -> str:
    """Text for a terminal.

    Guarantees: every C0 and C1 control character, DEL, and the bidirectional and line
    separator controls are shown as visible escapes (``\\x1b``, ``\\r``, ``\\u202e``), so no
    value can move the cursor, clear the screen, set colours or the window title, or reorder
    what is printed after it. A newline (with ``newlines``) and a tab (with ``tabs``) are kept.
    """
    out = []
    for ch in text:
        if (ch == "\n" and newlines) or (ch == "\t" and tabs):
            out.append(ch)
        elif ch in _CONTROLS or ch in _LINE_BREAKS or ch in _FORMAT_CONTROLS:
            out.append(_visible(ch))
        else:
            out.append(ch)
    return "".join(out)


def _visible(ch: str) -> str:
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if ch in named:
        return named[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
