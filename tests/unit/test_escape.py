"""Every escaping function holds its guarantee against hostile strings, checked with real readers.

Markdown goes through Python-Markdown (the sites' reader) and markdown-it (CommonMark), HTML
through the standard parser, calendars through icalendar, YAML through dxkit's own loader,
XML through ElementTree, openpyxl and python-docx: a test passes only when the reader sees plain text.
"""

from __future__ import annotations

import html.parser
import io
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dxkit.escape import (
    csv_text,
    docx_text,
    html_attr,
    html_text,
    ics_line,
    ics_text,
    ics_value,
    json_script,
    markdown_cell,
    markdown_text,
    mermaid_ids,
    mermaid_label,
    svg_text,
    terminal_text,
    xlsx_text,
    xml_text,
    yaml_string,
)
from dxkit.loading import load_text
from dxkit.render.markdown import table

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "javascript:alert(1)",
    "{{ config.site_name }} {% raw %}",
    "a | b || c",
    "line one\nline two\r\nthree\rfour",
    "%% comment\n%%{init: {'theme': 'dark'}}%%",
    'x"]; click m0 call alert(2)',
    "\x1b]0;title\x07 and \x1b[2J\x1b[31mred",
    "carriage\rreturn",
    "**bold** _it_ `code` ~~gone~~ ![i](x) <https://evil.example>",
    "# heading",
    "- item",
    "1. first",
    "2) second",
    "> quote",
    "!!! note",
    "{: onclick=alert(1) }",
    "&amp; &lt;b&gt; &copy;",
    "back\\slash \\| \\\\|",
    "\u202eevil\u202c \u2028sep\u2029 nel\x85 bom\ufeff",
    "汐見市　地域DX（株）",
]


def _collapsed(text: str) -> str:
    """What a one-line writer keeps of a text: no controls, white space runs as one space."""
    text = re.sub(
        r"[\x00-\x08\x0e-\x1b\x7f\x80-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", text
    )
    return " ".join(text.split())


class _Text(html.parser.HTMLParser):
    """The tags and the text an HTML fragment holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text += data


def _parse(fragment: str) -> _Text:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return parser


def _python_markdown(text: str) -> str:
    import markdown

    md = markdown.Markdown(
        extensions=["admonition", "attr_list", "tables", "toc", "pymdownx.superfences", "pymdownx.tilde"]
    )
    return md.convert(text)


def _commonmark(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


# -- Markdown ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("reader", [_python_markdown, _commonmark])
def test_markdown_text_reads_back_as_the_same_plain_text(text, reader):
    out = markdown_text(text)
    assert "\n" not in out and "\r" not in out and "\x1b" not in out
    parsed = _parse(reader(out))
    assert parsed.tags == ["p"], (out, parsed.tags)
    assert parsed.attrs == []
    assert parsed.text.strip() == _collapsed(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_stays_plain_after_a_list_marker_and_in_a_heading(text):
    for prefix, tag in (("- ", "li"), ("# ", "h1")):
        parsed = _parse(_python_markdown(prefix + markdown_text(text)))
        assert parsed.tags in ([tag], ["ul", "li"]), (text, parsed.tags)
        assert parsed.text.strip() == _collapsed(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1.-+!#*_`~[](){}<>&|\\:;\"'=%\n\t\x1b")), max_size=30))
def test_markdown_text_is_plain_for_any_mix_of_markup_characters(text):
    parsed = _parse(_python_markdown(markdown_text(text)))
    assert set(parsed.tags) <= {"p"} and parsed.attrs == []
    assert parsed.text.strip() == _collapsed(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_cells_stay_cells(text):
    cells = [markdown_text(text), markdown_cell("**kept** | split? \n no"), "plain"]
    page = table(["a", "b", "c"], [cells, ["", "x", "y"]], empty="—")
    rendered = _python_markdown(page)
    rows = re.findall(r"<tr>(.*?)</tr>", rendered, flags=re.S)
    assert len(rows) == 3
    for row in rows:
        assert len(re.findall(r"<t[hd]>", row)) == 3, row
    first = re.findall(r"<td>(.*?)</td>", rows[1], flags=re.S)
    assert _parse(first[0]).text == _collapsed(text)
    assert first[1] == "<strong>kept</strong> | split?   no"
    assert "<td>—</td>" in rows[2]


def test_markdown_cell_leaves_escaped_pipes_alone():
    assert markdown_cell(markdown_text("a|b")) == "a\\|b"
    assert markdown_cell("a\\\\|b") == "a\\\\\\|b"  # an escaped backslash, then a pipe to escape
    assert markdown_cell("line\nbreak\r\nhere") == "line break  here"


# -- HTML ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_html_text_is_only_text(text):
    parsed = _parse(f"<p>{html_text(text)}</p>")
    assert parsed.tags == ["p"]
    lines = re.sub(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", "\n", text)
    kept = re.sub(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", lines)
    assert parsed.text == kept


@pytest.mark.parametrize("text", HOSTILE)
def test_html_attr_cannot_leave_its_quotes(text):
    for quote in ('"', "'"):
        parsed = _parse(f"<a title={quote}{html_attr(text)}{quote}>x</a>")
        assert parsed.tags == ["a"] and [name for name, _ in parsed.attrs] == ["title"]
        assert parsed.attrs[0][1] == _collapsed(text)


#: What a member's name may hold to end a JSON-LD element from inside, or to change how it is read.
SCRIPT_HOSTILE = [
    *HOSTILE,
    "</script><script>alert(1)</script>",
    "</SCRIPT >",
    "<!-- <script>",
    "-->",
    "<![CDATA[ ]]>",
    "line\u2028separator\u2029paragraph",
    "&lt;/script&gt;",
]


class _Script(html.parser.HTMLParser):
    """Every element a page holds, and the text of each ``<script>`` as a browser reads it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[str] = []
        self.scripts: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self.scripts.append("")

    def handle_data(self, data: str) -> None:
        if self.tags and self.tags[-1] == "script" and self.cdata_elem == "script":
            self.scripts[-1] += data

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


@pytest.mark.parametrize("text", SCRIPT_HOSTILE)
def test_json_script_cannot_close_its_element_and_reads_back_as_the_data(text):
    import json

    value = {"name": text, "member": [{"name": text, "@id": "#m"}]}
    page = f'<script type="application/ld+json">{json_script(value)}</script><p>after</p>'
    parsed = _Script()
    parsed.feed(page)
    parsed.close()
    assert parsed.tags == ["script", "p"] and parsed.comments == []
    assert len(parsed.scripts) == 1 and json.loads(parsed.scripts[0]) == value
    body = json_script(value)
    assert not re.search(r"[<>&\u2028\u2029\n\r]", body)
    assert not re.search(r"\{[{%#]", body)  # nothing for a template engine reading the page


@given(st.text())
@settings(max_examples=200)
def test_json_script_reads_back_for_any_text(text):
    import json

    value = {"name": text, "nested": [{"name": text}, {}]}
    body = json_script(value)
    assert json.loads(body) == value
    assert "<" not in body and ">" not in body and "\u2028" not in body
    assert not re.search(r"\{[{%#]", body)


# -- mermaid -------------------------------------------------------------------------------


def _decoded(label: str) -> str:
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label)


@pytest.mark.parametrize("text", HOSTILE)
def test_mermaid_label_has_no_syntax_left_and_decodes_to_the_text(text):
    label = mermaid_label(text)
    plain = re.sub(r"#\d+;", "", label)
    assert not set(plain) & set('"<>#&;:`[]{}()|%\n\r\ufb02'), plain
    assert _decoded(label) == _collapsed(text)


@pytest.mark.parametrize(
    "text", ["click t0 call alert(1)", "Title x", "section s", "2026-01-01 x", "accTitle: x", "href x", "CALL x"]
)
def test_mermaid_label_at_the_start_of_a_line_is_never_a_keyword(text):
    label = mermaid_label(text, line_start=True)
    assert label.startswith("#") and _decoded(label) == text
    assert mermaid_label("T-001 click", line_start=True) == "T-001 click"


def test_mermaid_label_cannot_forge_mermaids_own_placeholders():
    # mermaid turns "#60;" into "ﬂ°°60¶ß" before parsing; a label cannot write one itself.
    assert "\ufb02" not in mermaid_label("\ufb02°°60¶ß")


def test_mermaid_ids_are_generated_never_the_keys():
    keys = ['a"]; click', "<script>", "a b", "a b", "m0"]
    ids = mermaid_ids(keys)
    assert list(ids.values()) == ["m0", "m1", "m2", "m3"]
    assert ids["m0"] == "m3"
    assert mermaid_ids(range(3), prefix="t") == {0: "t0", 1: "t1", 2: "t2"}
    with pytest.raises(ValueError):
        mermaid_ids(["x"], prefix="t;")


# -- calendars ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_ics_text_never_leaves_a_raw_line_break(text):
    from icalendar import Calendar, Event

    calendar = Calendar()
    event = Event()
    event.add("uid", "x@dxkit")
    event.add("summary", ics_text(text))
    event.add("description", ics_text(text + "\nEND:VEVENT\r\nBEGIN:VEVENT\rATTENDEE:evil"))
    calendar.add_component(event)
    raw = calendar.to_ical()
    lines = raw.split(b"\r\n")
    assert b"\r" not in b"".join(lines) and b"\n" not in b"".join(lines)
    assert [line for line in lines if line.startswith(b"BEGIN:")] == [b"BEGIN:VCALENDAR", b"BEGIN:VEVENT"]
    assert not any(line.startswith(b"ATTENDEE") for line in lines)
    back = Calendar.from_ical(raw).walk("VEVENT")[0]
    assert "\x1b" not in str(back["summary"]) and "\r" not in str(back["summary"])


def _icalendar_line(name: str, text: str) -> bytes:
    """The content line icalendar writes for a TEXT property holding ``ics_text(text)``."""
    from icalendar import Event, vText

    event = Event()
    event.add(name, vText(ics_text(text)))
    return event.to_ical().split(b"BEGIN:VEVENT\r\n", 1)[1].rsplit(b"END:VEVENT\r\n", 1)[0]


# Folds fall inside these: a backslash or a caret at the 74th octet, multi-byte characters
# across it, escapes around it.
FOLDED = [
    "a" * 73 + "\\b" + "c" * 80,
    "a" * 72 + "^^" + "c" * 80,
    "x" * 60 + "；" * 40 + "\\N" + ",;" * 50,
    "台風" * 100 + "\r\n" + "𝒳" * 50 + "\\" * 90,
    "a" * 74,
    "a" * 75,
    "あ" * 24 + "a" * 3,
    "",
]


@pytest.mark.parametrize("text", [*HOSTILE, *FOLDED])
def test_ics_line_writes_what_icalendar_writes_and_reads_back(text):
    from icalendar import Calendar

    line = ics_line("DESCRIPTION", ics_value(text))
    assert line == _icalendar_line("description", text)
    parts = line[:-2].split(b"\r\n ")
    assert all(len(part) <= 74 for part in parts)
    assert b"\r" not in b"".join(parts) and b"\n" not in b"".join(parts)
    for part in parts:
        part.decode()  # no fold splits a character
    raw = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + line + b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    back = Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(back["description"]) == ics_text(text).replace("\\N", "\n")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300))
def test_ics_line_matches_icalendar_on_any_text(text):
    assert ics_line("SUMMARY", ics_value(text)) == _icalendar_line("summary", text)


# -- XML, CSV, YAML ----------------------------------------------------------------------


@pytest.mark.parametrize("text", [*HOSTILE, "nul\x00 vt\x0b ff\x0c surrogate\ud800 fffe\ufffe"])
def test_xml_text_always_makes_a_well_formed_document(text):
    from openpyxl import Workbook

    cleaned = xml_text(text)
    root = ET.fromstring(f"<a>{cleaned.replace('&', '&amp;').replace('<', '&lt;')}</a>")
    assert (root.text or "") == cleaned.replace("\r\n", "\n").replace("\r", "\n")
    book = Workbook()
    book.active["A1"] = cleaned  # openpyxl refuses characters XML forbids
    book.save(io.BytesIO())
    assert xml_text("a\x00b\x1bc\td") == "abc\td"


@pytest.mark.parametrize("text", [*HOSTILE, "nul\x00 vt\x0b crlf\r\n cr\r </t></is><f>1+1</f> surrogate\ud800"])
def test_xlsx_text_is_one_text_node_that_reads_back_as_the_text(text):
    root = ET.fromstring(f"<is><t>{xlsx_text(text)}</t></is>")
    assert [child.tag for child in root] == ["t"] and len(root[0]) == 0  # no markup got in
    assert (root[0].text or "") == xml_text(text)  # every character kept, a carriage return too


@pytest.mark.parametrize("text", [*HOSTILE, "nul\x00 bidi\u202e nel\x85 ls\u2028 crlf\r\n surrogate\ud800"])
def test_docx_text_is_a_run_word_opens_as_plain_text(text):
    import docx

    cleaned = docx_text(text)
    assert "\r" not in cleaned and "\u202e" not in cleaned and "\x85" not in cleaned
    document = docx.Document()
    document.add_paragraph().add_run(cleaned)  # python-docx refuses characters XML forbids
    out = io.BytesIO()
    document.save(out)
    paragraph = docx.Document(io.BytesIO(out.getvalue())).paragraphs[0]
    assert paragraph.text == cleaned
    assert not paragraph._p.xpath(".//w:fldSimple | .//w:instrText | .//w:hyperlink")
    assert docx_text("a\x00b\u2028c\td") == "ab\nc\td"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("plain = text", "plain = text"),
        ("2026-04-01", "2026-04-01"),
    ],
)
def test_csv_text_keeps_formulas_from_running(value, shown):
    assert csv_text(value) == shown


@pytest.mark.parametrize(
    "text",
    [*HOSTILE, "key: value # comment", "&anchor *alias", "!!python/object:os.system", "'single' \"double\"", ""],
)
def test_yaml_string_reads_back_exactly(text):
    doc = load_text(f"v: {yaml_string(text)}\nafter: 1\n", "t.yaml")
    assert doc.data == {"v": text, "after": 1}
    assert "\n" not in yaml_string(text) and "\x85" not in yaml_string(text) and "\u2028" not in yaml_string(text)


# -- terminals -----------------------------------------------------------------------------


def test_terminal_text_shows_control_characters_instead_of_running_them():
    assert terminal_text("\x1b]0;title\x07") == "\\x1b]0;title\\x07"
    assert terminal_text("a\x1b[2Jb\x9b31m") == "a\\x1b[2Jb\\x9b31m"
    assert terminal_text("over\rwrite") == "over\\rwrite"
    assert terminal_text("rtl\u202eevil") == "rtl\\u202eevil"
    assert terminal_text("one\ntwo\tx") == "one\\ntwo\\tx"
    assert terminal_text("one\ntwo\tx", newlines=True, tabs=True) == "one\ntwo\tx"
    assert terminal_text("汐見市 <b>ok</b> %% | {{ }}") == "汐見市 <b>ok</b> %% | {{ }}"


@pytest.mark.parametrize("text", HOSTILE)
def test_terminal_text_leaves_no_control_character(text):
    out = terminal_text(text, newlines=True)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", out)


@pytest.mark.parametrize("text", [*HOSTILE, "</text><script>", "a\n\nb", '" onload="x', "]]><!--"])
def test_svg_text_is_one_line_of_text_in_content_and_attributes(text):
    import xml.etree.ElementTree as ET

    for attribute in (False, True):
        escaped = svg_text(text, attribute=attribute)
        assert "\n" not in escaped and "\r" not in escaped and "{" not in escaped and "<" not in escaped
        document = f'<t a="{escaped}">{escaped}</t>' if attribute else f"<t>{escaped}</t>"
        element = ET.fromstring(document)
        shown = element.get("a") if attribute else element.text
        # What a reader sees is the text's words, one space between them, without control characters.
        visible = "".join(" " if ch.isspace() else ch for ch in text if ch.isspace() or ch.isprintable())
        assert shown is not None and shown.split() == visible.split()


def test_the_refused_character_classes_are_exactly_the_complements_of_what_is_allowed() -> None:
    """``_NOT_YAML_PRINTABLE`` and ``_NOT_XML`` list what they refuse; checked against the sets the
    YAML 1.1 and XML 1.0 specifications allow, for every code point."""
    import re

    from dxkit import escape

    yaml_allowed = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
    xml_allowed = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    for code in range(0x110000):
        char = chr(code)
        assert bool(escape._NOT_YAML_PRINTABLE.match(char)) != bool(yaml_allowed.match(char)), hex(code)
        assert bool(escape._NOT_XML.match(char)) != bool(xml_allowed.match(char)), hex(code)
