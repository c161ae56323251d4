"""Reporters for ``dxkit overview``: the rows of :class:`dxkit.overview.Overview` as a table, JSON or a page.

Every form shows the same cells (:func:`cells`): labels for codes, organisations' own names,
dates as the consortium writes them (年月日, or 令和 where its charter says so). The HTML page
stands alone: its style and its few lines of sorting script are inside it, its policy lets
the browser load nothing else, and every value in it went through :func:`dxkit.escape.html_text`
or :func:`dxkit.escape.html_attr`.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from dxkit.escape import html_attr, html_text
from dxkit.i18n import translate
from dxkit.labels import label
from dxkit.reading import Reading
from dxkit.reporters.analyses import reason_params
from dxkit.reporters.analyses import render_json as render_analysis_json
from dxkit.reporters.blocks import Block, Document, Line, Table, Verbatim

if TYPE_CHECKING:
    from dxkit.overview import ConsortiumRow, Overview


class OverviewFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


#: The columns in order: message id of the heading, and whether the column holds counts.
COLUMNS = (
    ("overview.col.name", False),
    ("overview.col.municipality", False),
    ("overview.col.stage", False),
    ("overview.col.gate", False),
    ("overview.col.overdue_with_plan", True),
    ("overview.col.overdue_without_plan", True),
    ("overview.col.risks", True),
    ("overview.col.retrospective", False),
    ("overview.col.errors", True),
    ("overview.col.warnings", True),
    ("overview.col.assessment", False),
    ("overview.col.notes", False),
    ("overview.col.folder", False),
)
_ASSESSMENT = 10
#: The terminal's headings: shorter than the page's where a screen has no room, pairs of counts in one column.
_TEXT_HEADINGS = (
    "overview.col.name",
    "overview.col.municipality",
    "overview.col.stage",
    "overview.short.gate",
    "overview.short.overdue",
    "overview.short.risks",
    "overview.short.retrospective",
    "overview.short.checks",
)


@dataclass(frozen=True)
class Cell:
    """What a person reads, and what the page sorts by (a number for counts, an ISO date for dates)."""

    text: str
    sort: str


def _count(value: int | None) -> Cell:
    return Cell("—" if value is None else str(value), "" if value is None else str(value))


def cells(row: ConsortiumRow, lang: str) -> list[Cell]:
    """The cells of one row, in the order of :data:`COLUMNS`."""

    def say(msg_id: str, **params: object) -> str:
        return translate(msg_id, lang, **params)

    reading = Reading(japanese_era=row.japanese_era)
    gate = "—"
    gate_sort = ""
    if row.gate is not None:
        g = row.gate
        gate = say(
            "overview.gate.readiness",
            id=g.id,
            from_stage=label("stage", g.from_stage, lang),
            to_stage=label("stage", g.to_stage, lang),
            ready=g.ready,
            criteria=g.criteria,
        )
        if g.outcome:
            gate += say("overview.gate.decided", outcome=label("Decision.outcome", g.outcome, lang))
        gate_sort = f"{g.ready / g.criteria:.4f}" if g.criteria else "0"
    elif row.stage is not None and row.problem is None:
        gate = say("overview.gate.none")

    def problems(count: int) -> Cell:
        text = say("overview.at_least", count=count) if row.at_least else str(count)
        return Cell(text, str(count))

    notes = []
    if row.problem is not None:
        notes.append(translate(row.problem.msg_id, lang, **reason_params(row.problem, lang, reading)))
    if row.left_out:
        notes.append(say("overview.left_out", files=", ".join(row.left_out)))
    assessment, assessment_sort = "", ""
    if row.assessment is not None:
        summary = row.assessment
        overall = "—" if summary.overall is None else f"{summary.overall:g}"
        assessment = say(
            "overview.assessment",
            date=reading.date(summary.date, lang),
            score=overall,
            answered=summary.answered,
            questions=summary.questions,
        )
        assessment_sort = "" if summary.overall is None else f"{summary.overall:.2f}"
    retrospective = reading.date(row.last_retrospective, lang)
    if row.last_retrospective is None and row.problem is None:
        retrospective = say("overview.none_yet")
    name = row.name or row.folder
    return [
        Cell(name, name),
        Cell(row.municipality or "", row.municipality or ""),
        Cell(label("stage", row.stage, lang) if row.stage else "—", _stage_order(row.stage)),
        Cell(gate, gate_sort),
        _count(row.overdue_with_plan),
        _count(row.overdue_without_plan),
        _count(row.keyperson_risks),
        Cell(retrospective, row.last_retrospective or ""),
        problems(row.errors),
        problems(row.warnings),
        Cell(assessment, assessment_sort),
        Cell("\n".join(notes), "\n".join(notes)),
        Cell(row.folder, row.folder),
    ]


def _stage_order(stage: str | None) -> str:
    """Stages sort in the order a consortium goes through them, not by their names."""
    order = ("planning", "demonstration", "implementation")
    return str(order.index(stage)) if stage in order else ""


def _columns(overview: Overview) -> list[int]:
    """The columns shown: the assessment only when some consortium has one."""
    with_scores = any(row.assessment for row in overview.rows)
    return [i for i in range(len(COLUMNS)) if i != _ASSESSMENT or with_scores]


def _summary(overview: Overview, lang: str) -> str:
    return translate(
        "overview.summary",
        lang,
        count=len(overview.rows),
        problems=sum(1 for row in overview.rows if row.problem is not None),
        errors=sum(row.errors for row in overview.rows),
        warnings=sum(row.warnings for row in overview.rows),
    )


def _title(overview: Overview, lang: str) -> str:
    return translate("overview.title", lang, root=overview.root, today=Reading().date(overview.today, lang))


def _short_gate(row: ConsortiumRow, lang: str) -> str:
    if row.gate is None:
        return "—"
    text = translate("overview.gate.short", lang, id=row.gate.id, ready=row.gate.ready, criteria=row.gate.criteria)
    if row.gate.outcome:
        text += translate("overview.gate.decided", lang, outcome=label("Decision.outcome", row.gate.outcome, lang))
    return text


def render_text(overview: Overview, lang: str) -> Document:
    """A narrow table with one row per consortium (pairs of counts share a column), its notes, then the totals.

    A terminal has no room for every column of the page: the gate is its id and criteria ready,
    and a consortium's problems and the files left out follow the table, each under its folder.
    """
    if not overview.rows:
        return (Line(translate("overview.none", lang, root=overview.root)),)
    with_scores = any(row.assessment for row in overview.rows)
    headings = [*_TEXT_HEADINGS, *(["overview.col.assessment"] if with_scores else [])]
    rows = []
    notes: list[Block] = []
    for row in overview.rows:
        c = cells(row, lang)
        line = [c[0].text, c[1].text, c[2].text, _short_gate(row, lang)]
        line.append(translate("overview.pair", lang, first=c[4].text, second=c[5].text))
        line += [c[6].text, c[7].text, translate("overview.pair", lang, first=c[8].text, second=c[9].text)]
        line += [c[_ASSESSMENT].text] if with_scores else []
        rows.append(tuple(line))
        for note in c[11].text.split("\n") if c[11].text else []:
            notes.append(Line(translate("overview.note", lang, folder=row.folder, note=note)))
    table = Table(
        title=_title(overview, lang),
        columns=tuple(translate(h, lang) for h in headings),
        rows=tuple(rows),
        kinds=("text",) * len(headings),
    )
    return (table, *notes, Line(_summary(overview, lang)))


def render_json(overview: Overview, lang: str) -> Document:
    """The overview as data: codes, ISO dates and counts as they are; problems as id and message."""
    return render_analysis_json(overview, lang)


_STYLE = """
body{font-family:system-ui,"Hiragino Sans","Yu Gothic UI","Meiryo",sans-serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.3rem}table{border-collapse:collapse;font-size:.9rem}
th,td{border:1px solid #bbb;padding:.3rem .5rem;vertical-align:top;text-align:left;white-space:pre-line}
td.n{text-align:right;font-variant-numeric:tabular-nums}
th button{all:unset;cursor:pointer;font-weight:bold}th button:focus{outline:2px solid #1a5fb4}
th[aria-sort=ascending] button::after{content:" ▲";content:" ▲"/""}
th[aria-sort=descending] button::after{content:" ▼";content:" ▼"/""}
tr.problem td{background:#fff4e5}
""".strip()

# Sorts the rows by the column whose heading was pressed: numbers as numbers, the rest as text.
_SCRIPT = """
document.querySelectorAll("table.overview th button").forEach(function (button, column) {
  button.addEventListener("click", function () {
    var th = button.parentNode, table = th.closest("table"), body = table.tBodies[0];
    var up = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", up ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.sort, y = b.cells[column].dataset.sort;
      var nx = parseFloat(x), ny = parseFloat(y), order;
      if (x === "" || y === "") { order = (x === "") - (y === ""); return order; }
      order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, document.documentElement.lang);
      return up ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
""".strip()


def _script_hash() -> str:
    digest = hashlib.sha256(_SCRIPT.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_html_page(overview: Overview, lang: str) -> str:
    """A page that stands alone: sortable table, inline style and script, no request to anywhere."""
    shown = _columns(overview)
    policy = f"default-src 'none'; style-src 'unsafe-inline'; script-src '{_script_hash()}'"
    title = _title(overview, lang)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html_attr(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{html_attr(policy)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{html_text(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{html_text(title)}</h1>",
    ]
    if not overview.rows:
        out.append(f"<p>{html_text(translate('overview.none', lang, root=overview.root))}</p>")
    else:
        out.append(f"<p>{html_text(_summary(overview, lang))}</p>")
        out.append(f"<p>{html_text(translate('overview.sort_hint', lang))}</p>")
        out.append('<table class="overview">')
        out.append("<thead><tr>")
        for i in shown:
            heading = html_text(translate(COLUMNS[i][0], lang))
            out.append(f'<th scope="col"><button type="button">{heading}</button></th>')
        out.append("</tr></thead>")
        out.append("<tbody>")
        for row in overview.rows:
            row_cells = cells(row, lang)
            css = ' class="problem"' if row.problem is not None else ""
            out.append(f"<tr{css}>")
            for i in shown:
                cell = row_cells[i]
                numeric = ' class="n"' if COLUMNS[i][1] else ""
                out.append(f'<td{numeric} data-sort="{html_attr(cell.sort)}">{html_text(cell.text)}</td>')
            out.append("</tr>")
        out.append("</tbody>")
        out.append("</table>")
    out += [f"<script>{_SCRIPT}</script>", "</body>", "</html>", ""]
    return "\n".join(out)


def render_html(overview: Overview, lang: str) -> Document:
    return (Verbatim(render_html_page(overview, lang)),)


OVERVIEW_REPORTERS: dict[OverviewFormat, Callable[[Overview, str], Document]] = {
    OverviewFormat.text: render_text,
    OverviewFormat.json: render_json,
    OverviewFormat.html: render_html,
}
