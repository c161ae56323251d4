"""What a person reads on the consortium's site, in handouts and in the terminal: no codes.

The files hold codes (``consensus``, ``open``), member ids (``city-dx``) and ISO dates; the
site's pages (read here as a reader sees them: the text nodes of the built HTML), the agenda
handouts and ``status``/``keyperson``/``gate``/``lessons`` show labels, names and dates as
people write them (``2026年9月25日（金）``, ``令和8年9月25日（金）`` when the charter chooses the
Japanese era, ``Fri 25 Sep 2026``). JSON keeps the codes, ids and ISO dates.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dxkit.dates import format_date
from dxkit.i18n import translate
from dxkit.labels import label
from dxkit.loading import load_file
from dxkit.model.records import ENUMS
from tests.conftest import ROOT
from tests.helpers import invoke

TODAY = "2026-10-01"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
#: Enums whose codes are not shown as words (the language of a document is an attribute).
NOT_SHOWN = {"language"}


class _VisibleText(HTMLParser):
    """The text nodes of a page's main content that a reader sees (not scripts, not diagram sources)."""

    SKIP = frozenset({"script", "style", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.cells: list[list[str]] = []  # every table row, cell by cell
        self._stack: list[tuple[str, bool]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def _hidden(self) -> bool:
        return any(hidden for _, hidden in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        hidden = tag in self.SKIP or "mermaid" in classes
        if tag in {"br", "img", "input", "meta", "link", "hr", "wbr"}:
            return
        self._stack.append((tag, hidden))
        if tag == "tr":
            self._row = []
        elif tag in {"td", "th"}:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            name, _ = self._stack.pop()
            if name == tag:
                break
        if tag in {"td", "th"} and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.cells.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._hidden():
            return
        self.texts.append(data)
        if self._cell is not None:
            self._cell.append(data)


def read_page(path: Path) -> _VisibleText:
    parser = _VisibleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def visible(path: Path) -> str:
    return " ".join(" ".join(read_page(path).texts).split())


def _copy(tmp: Path, lang: str, *, japanese_era: bool = False) -> Path:
    folder = tmp / f"shiomi-{lang}"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
    if japanese_era:
        charter = folder / "consortium.yaml"
        text = charter.read_text(encoding="utf-8")
        charter.write_text(text.replace(f"language: {lang}\n", f"language: {lang}\ncalendar: japanese-era\n"), "utf-8")
    return folder


@pytest.fixture(scope="module", params=["ja", "en"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    """The example consortium and its site, built once per language."""
    lang = request.param
    tmp = tmp_path_factory.mktemp(f"readable-{lang}")
    folder = _copy(tmp, lang)
    site = tmp / "site"
    invoke(["site", "build", str(folder), "-o", str(site), "--today", TODAY, "--lang", lang])
    return lang, folder, site


def _day(value: str, lang: str, *, japanese_era: bool = False) -> str:
    return format_date(dt.date.fromisoformat(value), lang, japanese_era=japanese_era)


def test_overview_shows_the_labels_of_the_charters_settings(built):
    lang, folder, site = built
    charter = load_file(folder / "consortium.yaml").data
    text = visible(site / "index.html")
    method = charter["decision_making"]["method"]
    cadence = charter["meetings"]["cadence"]
    assert f"{translate('site.field.method', lang)} : {label('DecisionMaking.method', method, lang)}" in text
    assert f"{translate('site.field.cadence', lang)} : {label('Meetings.cadence', cadence, lang)}" in text
    if lang == "ja":
        assert method not in text and cadence not in text


def test_role_matrix_shows_r_a_c_i_by_name_with_dates_as_people_write_them(built):
    lang, folder, site = built
    page = read_page(site / "roles.html")
    head = next(row for row in page.cells if row and row[0] == translate("site.col.id", lang))
    for key in ("col.responsible", "col.accountable", "col.due"):
        assert translate(key, lang) in head, key
    rows: dict[str, dict[str, str]] = {}
    for row in page.cells:  # the matrix comes first (the delays table also starts with task ids)
        if len(row) == len(head) and row[0].startswith("T-"):
            rows.setdefault(row[0], dict(zip(head, row, strict=True)))
    names = {m["id"]: m["name"] for m in load_file(folder / "members.yaml").data["members"]}
    separator = "、" if lang == "ja" else ", "
    tasks = load_file(folder / "roles.yaml").data["tasks"]
    assert any(task.get("consulted") for task in tasks) and any(task.get("informed") for task in tasks)
    for task in tasks:
        row = rows[task["id"]]
        for key, field in (("col.responsible", "responsible"), ("col.accountable", "accountable")):
            ids = task[field]
            ids = [ids] if isinstance(ids, str) else ids
            assert row[translate(key, lang)] == separator.join(names[i] for i in ids), (task, key)
        # Consulted and informed are listed with the task, below its title (a card's title field).
        for key, field in (("raci.consulted", "consulted"), ("raci.informed", "informed")):
            shown = f"{translate(key, lang)}: {separator.join(names[i] for i in task.get(field, []))}"
            assert (shown in row[translate("col.title", lang)]) is bool(task.get(field)), (task, key)
        assert row[translate("col.due", lang)] == _day(task["due"], lang)
        assert label("Task.status", task["status"], lang) in row[translate("site.col.status", lang)]
    assert f"{_day(TODAY, lang)}" in visible(site / "roles.html")


def test_issues_gates_and_dated_pages_show_labels_and_dates(built):
    lang, folder, site = built
    issues = visible(site / "issues.html")
    for issue in load_file(folder / "issues.yaml").data["issues"]:
        assert label("Issue.priority", issue["priority"], lang) in issues
        if "status" in issue:
            assert label("Issue.status", issue["status"], lang) in issues
    gates = visible(site / "gates.html")
    names = {m["id"]: m["name"] for m in load_file(folder / "members.yaml").data["members"]}
    for gate in load_file(folder / "gates.yaml").data["gates"]:
        if "planned" in gate:
            assert _day(gate["planned"], lang) in gates
        decision = gate.get("decision")
        if decision:
            assert _day(decision["date"], lang) in gates
            assert label("Decision.outcome", decision["outcome"], lang) in gates
            assert all(names[m] in gates for m in decision["decided_by"])
    for folder_name in ("workshops", "retrospectives"):
        index = visible(site / folder_name / "index.html")
        for record in (folder / folder_name).glob("*.yaml"):
            assert _day(str(load_file(record).data["date"]), lang) in index
    for page in site.rglob("*.html"):
        if page.relative_to(site).parts[0] not in {"assets", "schemas", "search"}:
            assert _iso_dates(visible(page)) <= _free_text(folder), page


def _iso_dates(text: str) -> set[str]:
    return set(ISO_DATE.findall(text))


def _free_text(folder: Path) -> set[str]:
    """The ISO dates and words the files write inside their own texts (a title, a note), not as a value."""
    found: set[str] = set()
    for path in folder.rglob("*.yaml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            _, sep, value = line.split("#", 1)[0].partition(": ")
            value = value.strip().strip("\"'")
            if not sep:
                _, sep, value = line.partition("- ")
            if sep:
                found |= {x for x in _iso_dates(value) | _words(value) if x != value}
    return found


def _codes() -> dict[str, str]:
    """Every enum code whose Japanese label differs from it, with the enum it belongs to."""
    return {
        code: name
        for name, values in ENUMS.items()
        if name not in NOT_SHOWN
        for code in values
        if label(name, code, "ja") != code
    }


def _words(text: str) -> set[str]:
    return set(re.findall(r"(?<![A-Za-z0-9_-])[a-z][a-z0-9-]*(?![A-Za-z0-9_-])", text))


def test_a_japanese_consortium_shows_no_code_and_no_member_id(tmp_path):
    """The site's visible text, ``status`` and ``keyperson`` of a Japanese consortium: no code, no id."""
    folder = _copy(tmp_path, "ja")
    site = tmp_path / "site"
    invoke(["site", "build", str(folder), "-o", str(site), "--today", TODAY, "--lang", "ja"])
    ids = {m["id"] for m in load_file(folder / "members.yaml").data["members"]}
    codes = _codes()
    labels_ja = {label(name, code, "ja") for name, values in ENUMS.items() for code in values}
    outputs = {
        page.relative_to(site).as_posix(): visible(page)
        for page in site.rglob("*.html")
        if page.relative_to(site).parts[0] not in {"assets", "schemas", "search"}
    }
    for command in ("status", "keyperson", "gate", "lessons"):
        outputs[command] = invoke(
            [command, str(folder), "--today", TODAY, "--lang", "ja"], env={"COLUMNS": "200"}
        ).stdout
    found = []
    theirs = _free_text(folder)
    for where, text in outputs.items():
        # The network diagram of keyperson is mermaid source (its labels are names).
        text = text.split("```mermaid")[0]
        for shown in sorted(labels_ja, key=len, reverse=True):
            text = text.replace(shown, " ")
        for word in _words(text):
            # A word the files write in their own free text is theirs, not a code.
            if word in ids or (word in codes and word not in theirs):
                found.append((where, word))
    assert found == [], sorted(set(found))


def test_the_charter_can_ask_for_japanese_era_dates(tmp_path, lang):
    folder = _copy(tmp_path, lang, japanese_era=True)
    site = tmp_path / "site"
    invoke(["site", "build", str(folder), "-o", str(site), "--today", TODAY, "--lang", lang])
    roles = visible(site / "roles.html")
    status = invoke(["status", str(folder), "--today", TODAY, "--lang", lang], env={"COLUMNS": "200"}).stdout
    workshop = sorted((folder / "workshops").glob("*.yaml"))[0]
    handout = invoke(["agenda", str(workshop), "--lang", lang]).stdout
    day = str(load_file(workshop).data["date"])
    if lang == "ja":
        assert "令和8年10月1日（木）時点" in roles and "令和8年10月1日（木）時点" in status
        assert _day(day, "ja", japanese_era=True) in handout and day not in handout
        assert "2026年" not in roles
    else:  # English dates have no era
        assert "Thu 1 Oct 2026" in roles and "Thu 1 Oct 2026" in status
        assert _day(day, "en") in handout
    # The files keep ISO dates, and so does JSON.
    data = json.loads(invoke(["status", str(folder), "--today", TODAY, "--format", "json"]).stdout)
    assert data["today"] == TODAY


def test_exports_follow_the_charters_calendar(tmp_path, lang):
    from openpyxl import load_workbook

    folder = _copy(tmp_path, lang, japanese_era=True)
    md = invoke(["export", "roles", str(folder), "-f", "md", "--today", TODAY, "--lang", lang]).stdout
    book_path = tmp_path / "roles.xlsx"
    invoke(["export", "roles", str(folder), "-o", str(book_path), "--today", TODAY, "--lang", lang])
    sheet = load_workbook(book_path).worksheets[0]
    formats = {cell.number_format for row in sheet.iter_rows(min_row=2) for cell in row if cell.is_date}
    csv = invoke(["export", "roles", str(folder), "-f", "csv", "--no-bom", "--lang", lang]).stdout
    due = str(load_file(folder / "roles.yaml").data["tasks"][0]["due"])
    if lang == "ja":
        assert _day(due, "ja", japanese_era=True) in md and "2026年" not in md
        assert formats == {'[$-411]ggge"年"m"月"d"日"'}
    else:
        assert _day(due, "en") in md
        assert formats == {"d mmm yyyy"}
    assert due in csv  # a machine format keeps ISO dates


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_handouts_show_the_date_as_people_write_it(tmp_path, lang, fmt):
    folder = _copy(tmp_path, lang)
    workshop = sorted((folder / "workshops").glob("*.yaml"))[0]
    day = str(load_file(workshop).data["date"])
    handout = invoke(["agenda", str(workshop), "--format", fmt, "--lang", lang]).stdout
    assert _day(day, lang) in handout and day not in handout


def test_terminal_shows_names_labels_and_dates(tmp_path, lang):
    folder = _copy(tmp_path, lang)
    members = load_file(folder / "members.yaml").data["members"]
    names = {m["id"]: m["name"] for m in members}
    env = {"COLUMNS": "250"}
    status = invoke(["status", str(folder), "--today", TODAY, "--lang", lang], env=env).stdout
    assert _day(TODAY, lang) in status
    for mid, name in names.items():
        assert name in status and f"({mid})" not in status
    keyperson = invoke(["keyperson", str(folder), "--today", TODAY, "--lang", lang], env=env).stdout
    local = [m for m in members if m["type"] in ("municipality", "resident-group", "local-business")]
    assert local and label("memberType", local[0]["type"], lang) in keyperson
    if lang == "ja":
        assert f"（{local[0]['type']}）" not in keyperson
    gate = invoke(["gate", str(folder), "--today", TODAY, "--lang", lang], env=env).stdout
    assert _iso_dates(gate) | _iso_dates(status) <= _free_text(folder)
