"""Every output dxkit writes, fed a consortium in which every free string is an attack.

The consortium is the realistic example with markup, Jinja, escape sequences, bare carriage
returns and CI commands appended to every string its schemas leave free, mermaid's statement
words as task ids and markup as file names (:mod:`tests.security.hostile`). Each output is read
back by a real reader of its format (Python-Markdown and markdown-it, the HTML parser,
icalendar, ElementTree, ``json``, the GitHub Actions command syntax) and must hold the attack
as plain text: the same structure as the untouched example's, nothing that runs, no command,
no control character. The site itself is also opened in Chromium
(``tests/browser/test_site_hostile.py``).
"""

from __future__ import annotations

import ast
import datetime as dt
import html.parser
import json
import re
import shutil
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

import pytest

from dxkit.escape import json_document, uri_path, xml_markup
from dxkit.findings import Finding, Severity
from dxkit.model import Consortium
from dxkit.reporters import render_github, render_json, render_junit, render_sarif, render_text
from dxkit.validate import Report, open_consortium
from tests.conftest import ROOT
from tests.helpers import invoke
from tests.security.drawings import DRAWING, FIGURE, assert_drawing
from tests.security.hostile import (
    CONTROLS,
    EVALUATED,
    FILE_MARKUP,
    IMG,
    JINJA,
    SCRIPT,
    TASK_IDS,
    clean_consortium,
    hostile_consortium,
)

TODAY = dt.date(2026, 10, 1)
PACKAGE = ROOT / "src" / "dxkit"
#: Raw characters no output may hand a terminal: C0 (but tab and LF), DEL, C1, line and bidi controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
EXAMPLE = ROOT / "examples" / "shiomi"


@pytest.fixture(scope="module", params=["ja", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, lang: str) -> Path:
    """The hostile consortium, control characters included."""
    return hostile_consortium(tmp_path_factory.mktemp(f"hostile-{lang}") / "c", lang, controls=True)


def _open(path: Path, lang: str) -> Consortium:
    consortium, problems = open_consortium(str(path), lang=lang, today=TODAY)
    assert [f for f in problems if f.severity is Severity.ERROR] == []
    return consortium


@pytest.fixture(scope="module")
def hostile(folder: Path, lang: str) -> Consortium:
    return _open(folder, lang)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory, lang: str) -> Consortium:
    return _open(clean_consortium(tmp_path_factory.mktemp(f"clean-{lang}") / "c", lang), lang)


def _no_raw_control(text: str, where: str) -> None:
    found = sorted({hex(ord(c)) for c in RAW_CONTROL.findall(text.replace("\r\n", "\n"))})
    assert found == [], where


def test_the_hostile_consortium_is_valid_and_attacked_everywhere(hostile, folder):
    """The attack reaches the model: otherwise every test below would prove nothing."""
    assert hostile.charter is not None and IMG in hostile.charter.name and CONTROLS in hostile.charter.name
    assert all(IMG in t.title for t in hostile.tasks)
    assert {t.id for t in hostile.tasks} >= set(TASK_IDS)
    assert all(SCRIPT in m.name for m in hostile.members)
    assert all(JINJA in r.title for r in (*hostile.workshops, *hostile.retrospectives))
    names = [PurePosixPath(r.at.file).name for r in (*hostile.workshops, *hostile.retrospectives)]
    assert any("<img" in n for n in names) and any("javascript:" in n for n in names)


# -- Markdown: the structure of the untouched example, the attack as text ---------------------


class _Tags(html.parser.HTMLParser):
    """The tags of an HTML document in order, their attributes and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text += data


def _tags(document: str) -> _Tags:
    parser = _Tags()
    parser.feed(document)
    parser.close()
    return parser


def _readers(markdown: str) -> list[str]:
    import markdown as python_markdown
    from markdown_it import MarkdownIt

    md = python_markdown.Markdown(
        extensions=["admonition", "attr_list", "tables", "toc", "pymdownx.superfences", "pymdownx.tilde"]
    )
    return [md.convert(markdown), MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)]


def _inert(parsed: _Tags, where: str) -> None:
    # The one script a page may hold is dxkit's own JSON-LD data block, which never runs.
    data_blocks = [a for a in parsed.attrs if a == ("script", "type", "application/ld+json")]
    assert parsed.tags.count("script") == len(data_blocks) <= 1, where
    assert [a for a in parsed.attrs if a[0] == "script"] == data_blocks, where
    assert not {"img", "iframe", "object", "embed", "base", "form"} & set(parsed.tags), where
    assert [a for a in parsed.attrs if a[1].startswith("on")] == [], where
    assert [a for a in parsed.attrs if a[1] in ("href", "src") and "javascript" in a[2].lower()] == [], where


def _same_markdown(hostile_md: str, clean_md: str, where: str) -> None:
    """Read by both readers, the hostile page has the clean page's tags, and holds the attack as text."""
    assert "{{" not in hostile_md and "{%" not in hostile_md, where  # nothing for Jinja or MkDocs macros
    _no_raw_control(hostile_md, where)
    for attacked, untouched in zip(_readers(hostile_md), _readers(clean_md), strict=True):
        parsed = _tags(attacked)
        _inert(parsed, where)
        assert parsed.tags == _tags(untouched).tags, where
        assert IMG in parsed.text and SCRIPT in parsed.text and JINJA in parsed.text, where
        assert not any(e in parsed.text for e in EVALUATED), where


@pytest.mark.parametrize("kind", ["roles", "issues"])
def test_markdown_export_keeps_the_tables_shape(hostile, clean, lang, kind):
    from dxkit.render.exports import render_md

    _same_markdown(render_md(hostile, kind, lang), render_md(clean, kind, lang), kind)


def test_markdown_agenda_and_lessons_keep_their_shape(hostile, clean, lang):
    from dxkit.analyses.lessons import gather
    from dxkit.render.agenda import render_agenda_md
    from dxkit.render.lessons import render_lessons

    for attacked, untouched in zip(hostile.workshops, clean.workshops, strict=True):
        _same_markdown(render_agenda_md(attacked, lang), render_agenda_md(untouched, lang), attacked.at.file)
    _same_markdown(render_lessons(gather(hostile), lang), render_lessons(gather(clean), lang), "lessons")


def test_site_pages_keep_their_shape_and_name_no_page_after_a_hostile_file(hostile, clean, lang):
    from dxkit.render.site_pages import site_pages

    attacked, untouched = site_pages(hostile, lang), site_pages(clean, lang)
    assert len(attacked) == len(untouched)
    for path in attacked:
        assert re.fullmatch(r"[\w./-]+", str(path)), path  # a file's name becomes a page name only when plain
    for (path, page), clean_page in zip(attacked.items(), untouched.values(), strict=True):
        before = page.split(FIGURE)[0]
        clean_before = clean_page.split(FIGURE)[0]
        _same_markdown(before, clean_before, str(path))
        # The diagrams are SVG made of their own elements only (render/svg.py); the attack is text.
        drawings = DRAWING.findall(page)
        assert len(drawings) == len(DRAWING.findall(clean_page)), path
        for drawing in drawings:
            assert_drawing(drawing)
            assert "{{" not in drawing, path
    index = next(page for path, page in attacked.items() if str(path) == "workshops/index.md")
    for markup in FILE_MARKUP:
        assert markup not in index  # link texts are titles, link targets generated names


# -- HTML handouts ---------------------------------------------------------------------------


def test_html_agenda_has_the_clean_pages_tags_and_shows_the_attack(hostile, clean, lang):
    from dxkit.render.agenda import render_agenda_html

    for attacked, untouched in zip(hostile.workshops, clean.workshops, strict=True):
        page = render_agenda_html(attacked, lang)
        _no_raw_control(page, attacked.at.file)
        parsed = _tags(page)
        _inert(parsed, attacked.at.file)
        assert parsed.tags == _tags(render_agenda_html(untouched, lang)).tags
        assert IMG in parsed.text and SCRIPT in parsed.text


# -- Gantt and network diagrams ------------------------------------------------------------------


def _titled(title: str) -> Consortium:
    """A consortium whose tasks (ids: :data:`TASK_IDS`) all have ``title``, and a ``done_criteria`` of it."""
    from dxkit.escape import yaml_string
    from dxkit.loading import load_text

    tasks = "".join(
        f"  - {{id: {task_id}, title: {yaml_string(title)}, stage: planning, responsible: [city],"
        f" accountable: city, due: 2026-12-01, status: not-started, done_criteria: {yaml_string(title)}}}\n"
        for task_id in TASK_IDS
    )
    c = Consortium(root=".", today=TODAY)
    c.add(load_text(f"kind: roles\nversion: 1\ntasks:\n{tasks}", "roles.yaml"))
    assert len(c.tasks) == len(TASK_IDS)
    return c


@pytest.mark.parametrize(
    "title",
    [
        "# heading",
        "| a | b |",
        "a | b || c",
        "`code` ``x``",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "![i](javascript:alert(1))",
        "<https://evil.example>",
        "{{ 7*7 }} {% include 'x' %} {# c #}",
        "- item",
        "1. one",
        "> quote",
        "=== setext\n---",
        "    indented code",
        "!!! note",
        "{: onclick=alert(1) }",
    ],
)
def test_markdown_export_shows_markup_as_text(title):
    from dxkit.render.exports import render_md

    page = render_md(_titled(title), "roles", "en")
    assert "{{" not in page and "{%" not in page and "{#" not in page
    for html_page in _readers(page):
        parsed = _tags(html_page)
        _inert(parsed, title)
        assert set(parsed.tags) <= {"table", "thead", "tbody", "tr", "th", "td"}, (title, parsed.tags)
        assert parsed.tags.count("tr") == 1 + len(TASK_IDS), title
        assert parsed.tags.count("td") == parsed.tags.count("th") * len(TASK_IDS), title
        assert " ".join(title.split()) in parsed.text, title


#: What a Gantt chart's own lines start with; every other line is a task.
_GANTT_HEAD = ("gantt", "title ", "dateFormat ", "axisFormat ", "section ")


def _gantt_tasks(chart: str) -> list[str]:
    lines = chart.splitlines()
    assert lines[0] == "gantt"
    return [line.strip() for line in lines[1:] if not line.strip().startswith(_GANTT_HEAD)]


def _assert_one_task_a_line(tasks: list[str]) -> None:
    for line in tasks:
        label, spec = line.rsplit(" :", 1)
        assert not re.search(r'[:;%<>"`]', re.sub(r"#\d+;", "", label)), line  # only entity codes stand for them
        assert not re.match(r"(?i)(click|section|excludes|title|dateformat|todaymarker|end|style)\b", label), line
        assert re.fullmatch(r"((done|crit|active), )*t\d+, \d{4}-\d\d-\d\d, \d{4}-\d\d-\d\d", spec), line


def test_gantt_of_the_hostile_consortium_has_one_line_per_task(hostile, lang):
    from dxkit.render.exports import render_gantt

    tasks = _gantt_tasks(render_gantt(hostile, lang))
    assert len(tasks) == len(hostile.tasks)
    _assert_one_task_a_line(tasks)


@pytest.mark.parametrize(
    "title",
    [
        "a: b; c # d <br> e\nf\rg",
        "%%{init: {'theme': 'dark'}}%%",
        "x\nclick t0 call alert(1)",
        "excludes weekends",
        "section Evil",
        "2026-01-01, 3d",
        "ok :crit, t9, 2020-01-01, 2030-01-01",
    ],
)
def test_gantt_ids_and_titles_never_become_statements(title, lang):
    from dxkit.render.exports import render_gantt

    c = _titled(title)
    rendered = _gantt_tasks(render_gantt(c, lang))
    assert len(rendered) == len(TASK_IDS)
    _assert_one_task_a_line(rendered)


def test_network_diagram_keeps_every_name_in_its_label(hostile):
    from dxkit.analyses.keyperson import analyse

    chart = analyse(hostile).mermaid
    nodes = [line for line in chart.splitlines() if re.match(r"\s+m\d+\[", line)]
    assert len(nodes) == len(hostile.members)
    for line in nodes:
        label = re.fullmatch(r'\s+m\d+\["(.*)"\]', line)
        assert label is not None, line
        assert not re.search(r'[\[\]"<>%`]', re.sub(r"#\d+;", "", label.group(1))), line


# -- calendars ---------------------------------------------------------------------------------


def _content_lines(raw: bytes) -> list[bytes]:
    assert raw.endswith(b"\r\n")
    unfolded = raw.replace(b"\r\n ", b"")
    lines = unfolded[:-2].split(b"\r\n")
    for line in lines:
        assert b"\r" not in line and b"\n" not in line, line[:80]
    return lines


@pytest.mark.parametrize(
    "name",
    ["汐見市\nMETHOD:CANCEL", "汐見市\rMETHOD:CANCEL\rX-EVIL:1", "a\r\nBEGIN:VEVENT\r\nUID:x", "u\u2028v\x85w\x0bx"],
)
def test_calendar_name_with_any_line_break_stays_one_property(tmp_path, name, lang):
    from dxkit.escape import yaml_string
    from dxkit.loading import load_text
    from dxkit.render.exports import render_ics

    charter = (EXAMPLE / lang / "consortium.yaml").read_text(encoding="utf-8")
    charter = re.sub(r"^name: .*$", lambda m: "name: " + yaml_string(name), charter, count=1, flags=re.M)
    c = _open(EXAMPLE / lang, lang)
    c.add(load_text(charter, "consortium.yaml"))
    lines = _content_lines(render_ics(c, lang, stamp=TODAY))
    props = [line.split(b":", 1)[0].split(b";", 1)[0] for line in lines]
    assert b"METHOD" not in props and b"X-EVIL" not in props
    deadlines = sum(d is not None for u in c.charters[0].funding for d in (u.application_due, u.report_due))
    assert props.count(b"BEGIN") == 1 + len(c.tasks) + deadlines and props.count(b"X-WR-CALNAME") == 1


def test_calendar_of_the_hostile_consortium_is_one_event_per_task(hostile, lang):
    from icalendar import Calendar

    from dxkit.render.exports import render_ics

    raw = render_ics(hostile, lang, stamp=TODAY)
    lines = _content_lines(raw)
    props = {line.split(b":", 1)[0].split(b";", 1)[0] for line in lines}
    assert props == {
        *(b"BEGIN", b"END", b"VERSION", b"PRODID", b"CALSCALE", b"X-WR-CALNAME", b"X-WR-TIMEZONE"),
        *(b"UID", b"DTSTAMP", b"DTSTART", b"DTEND", b"SUMMARY", b"DESCRIPTION", b"CATEGORIES", b"STATUS"),
    }
    _no_raw_control(raw.decode("utf-8").replace("\r\n", "\n"), "ics")
    events = Calendar.from_ical(raw).walk("VEVENT")
    tasks = [e for e in events if not str(e["uid"]).startswith("funding.")]
    assert len(tasks) == len(hostile.tasks)
    assert all(IMG in str(e["summary"]) and "\r" not in str(e["summary"]) for e in tasks)
    funding = [e for e in events if str(e["uid"]).startswith("funding.")]  # the charter's purpose is attacked
    assert len(funding) == 4 and all(IMG in str(e["description"]) for e in funding)


# -- validation reports: JUnit, SARIF, JSON, GitHub annotations, text ------------------------------

#: A finding whose message and file carry newlines, escape sequences and CI commands.
_NASTY = "bad\n::error file=x::injected\r::add-mask::secret%0A::warning::encoded " + CONTROLS


def _report(lang: str) -> Report:
    files = [f"ja/workshops/{name}" for name in ("a\n::error::b.yaml", "javascript:alert(1) #x%.yaml")]
    findings = [
        Finding(files[0], 3, 5, Severity.ERROR, "DX010", _NASTY, name="schema"),
        Finding(files[1], 1, 1, Severity.WARNING, "DX601", "<![CDATA[ ]]> & <x> \"'" + _NASTY),
    ]
    return Report(findings=findings, files=2, checked=files)


def test_junit_is_well_formed_and_keeps_the_message(lang):
    out = render_junit(_report(lang), lang)
    _no_raw_control(out, "junit")
    root = ElementTree.fromstring(out.encode("utf-8"))
    cases = root.findall(".//testcase")
    assert len(cases) == 2
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("message", "").startswith("bad\n::error file=x::injected\n")
    system_out = cases[1].find("system-out")
    assert system_out is not None and "\n" not in (system_out.text or "")  # one finding, one line
    assert cases[1].get("name", "").startswith("ja/workshops/javascript:alert(1)")


def test_json_and_sarif_read_back_and_hold_no_raw_control(lang):
    report = _report(lang)
    for render in (render_json, render_sarif):
        out = render(report, lang)
        _no_raw_control(out, render.__name__)
        json.loads(out)
    data = json.loads(render_json(report, lang))
    assert data["findings"][0]["message"] == _NASTY  # the same data, escaped only in the writing
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(render_sarif(report, lang))["runs"][0]["results"]
    ]
    assert uris == ["ja/workshops/a%0A%3A%3Aerror%3A%3Ab.yaml", "ja/workshops/javascript%3Aalert%281%29%20%23x%25.yaml"]


def test_github_annotations_are_one_command_each(lang):
    out = render_github(_report(lang), lang)
    _no_raw_control(out, "github")
    lines = out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 2 and len(lines) == 3  # two annotations and the summary
    assert commands[0].startswith("::error file=ja/workshops/a%0A%3A%3Aerror%3A%3Ab.yaml,line=3,col=5,title=")
    assert commands[1].startswith("::warning file=ja/workshops/javascript%3Aalert(1) #x%25.yaml,")
    message = commands[0].split("::", 2)[2]
    assert message.startswith("bad%0A::error file=x::injected%0D::add-mask::secret%250A::warning::encoded ")


def test_text_report_is_one_line_per_finding(lang):
    out = render_text(_report(lang), lang)
    _no_raw_control(out, "text")
    assert len(out.splitlines()) == 2 + 2  # findings, a blank line, the summary
    assert "\\x1b]0;pwned\\x07" in out


def test_writers_of_reports_hold_their_guarantees():
    assert json.loads(json_document({"a": "\x9b\u2028\ud800"})) == {"a": "\x9b\u2028\ud800"}
    assert xml_markup('a"\n\tb', attribute=True) == "a&quot;&#10;&#9;b"
    assert xml_markup("a\r\nb\rc\x85d") == "a\nb\nc\nd"
    assert uri_path("javascript:alert(1)") == "javascript%3Aalert%281%29"
    assert uri_path(str(Path("/tmp/a b.yaml").resolve())).startswith("file:///")


# -- the command line: through a pipe, nothing runs on the terminal ----------------------------------


def _commands(folder: Path) -> list[list[str]]:
    workshop = sorted((folder / "workshops").glob("*.yaml"))[0]
    day = ["--today", TODAY.isoformat()]
    listed = [["validate", str(folder), *day, "--format", fmt] for fmt in ("text", "json", "github", "junit", "sarif")]
    for command in ("status", "gate", "keyperson", "lessons"):
        listed += [[command, str(folder), *day, "--format", fmt] for fmt in ("text", "json")]
    listed += [["export", "roles", str(folder), *day, "--format", fmt] for fmt in ("csv", "md", "mermaid")]
    listed += [["export", "issues", str(folder), *day, "--format", fmt] for fmt in ("csv", "md")]
    listed += [["agenda", str(workshop), "--format", fmt] for fmt in ("text", "md", "html")]
    return listed


def test_no_command_hands_the_terminal_a_control_character(folder, lang):
    commands = _commands(folder)
    for args in commands:
        result = invoke([*args, "--lang", lang], exit=1 if args[0] == "validate" else 0)
        _no_raw_control(result.stdout, " ".join(args[:4]))
        _no_raw_control(result.stderr, " ".join(args[:4]))
    status = invoke(["status", str(folder), "--today", TODAY.isoformat(), "--lang", lang], env={"COLUMNS": "4000"})
    assert "\\x1b]0;pwned\\x07" in status.stdout  # shown, not run


def test_messages_on_standard_error_show_escape_sequences(folder, tmp_path, lang):
    result = invoke(["validate", str(folder), "--today", "\x1b]0;pwned\x07", "--lang", lang], exit=2)
    assert "\\x1b]0;pwned\\x07" in result.stderr
    _no_raw_control(result.stderr, "bad --today")
    broken = tmp_path / "c"
    shutil.copytree(folder, broken)
    (broken / "workshops" / "2026-12-01-\x1b[2J.yaml").write_text("kind: workshop\nversion: 1\n", encoding="utf-8")
    status = invoke(["status", str(broken), "--today", TODAY.isoformat(), "--lang", lang])
    assert "\\x1b[2J" in status.stderr  # the file left out is named, its escape shown
    _no_raw_control(status.stderr, "partial")


def test_only_the_output_module_of_the_command_line_prints():
    """``show`` and ``write`` in ``dxkit.cli._output`` are the only ways to the terminal."""
    found = []
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        if path.name == "_output.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
            if (
                name in ("print", "secho")
                or (name == "echo" and owner in ("typer", "click"))
                or (name == "write" and (owner in ("stdout", "stderr") or ast.unparse(func).startswith("sys.std")))
            ):
                found.append(f"{path.name}:{node.lineno}: {ast.unparse(func)}")
    assert found == []


# -- the built site ------------------------------------------------------------------------------------


def _site_files(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.html")}


def test_built_site_has_the_attack_only_as_text(tmp_path_factory, lang):
    folder = hostile_consortium(tmp_path_factory.mktemp(f"site-{lang}") / "c", lang)
    out = folder.parent / "site"
    invoke(["site", "build", str(folder), "--out", str(out), "--today", TODAY.isoformat(), "--lang", lang])
    pages = _site_files(out)
    assert len(pages) >= 15
    for path, page in pages.items():
        assert not re.search(r"[<>(){}\[\]]", path), path
        parsed = _tags(page)
        assert [a for a in parsed.attrs if a[1].startswith("on")] == [], path
        assert [a for a in parsed.attrs if a[0] == "img" and a[1] == "src" and a[2] == "x"] == [], path
        assert [a for a in parsed.attrs if a[1] == "href" and a[2].lower().startswith("javascript")] == [], path
        assert "alert('script')</script>" not in page and "<img src=x" not in page, path
        assert IMG in parsed.text and JINJA in parsed.text, path
        assert not any(e in parsed.text for e in EVALUATED), path
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert title is not None and "&lt;img src=x onerror=alert(&#x27;img&#x27;)&gt;" in title.group(1), path
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        assert "<img" not in doc["title"] + doc["text"] and "<script" not in doc["title"] + doc["text"]
