"""Exports for the tools municipal staff live in: Excel, CSV, calendars, Markdown, Gantt charts.

Every export reads the consortium model (every roles and issues file; the charter for the Word
document of :mod:`dxkit.render.charter_docx`; the cost plans for the workbook of
:mod:`dxkit.render.plan_xlsx`) and puts a person's
text into its format only through :mod:`dxkit.escape`. :data:`EXPORTERS` lists them
all by ``(kind, format)``, each behind one signature, so a command picks one from it.

What a person reads is shown as people read it, in the export's language: an enumerated value
as its label (``in-progress`` reads 進行中), a member reference as the organisation's name
(:meth:`~dxkit.model.Consortium.member_display_names`), several joined by
:data:`~dxkit.sheet.MEMBER_SEPARATORS`. Dates are real date cells in a workbook (shown as
``2026年12月13日`` or ``13 Dec 2026``) and read ``2026年12月13日（日）`` in Markdown; CSV and
calendars are read by programs and keep ISO dates (``2026-12-13``). The workbook's hidden
baseline keeps the canonical values, so an import compares like with like.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dxkit.dates import format_date
from dxkit.escape import (
    csv_text,
    ics_line,
    ics_value,
    json_document,
    markdown_text,
    mermaid_ids,
    mermaid_label,
    xlsx_text,
)
from dxkit.funding import OTHER, display_name
from dxkit.i18n import translate
from dxkit.labels import label, labels
from dxkit.model import Consortium
from dxkit.model.records import FundingUse, Issue, Task
from dxkit.model.vocabulary import STAGES, is_overdue
from dxkit.reading import list_separator, uses_japanese_era
from dxkit.render.linked import IDENTIFIERS, render_popolo, unique_members
from dxkit.render.markdown import table
from dxkit.sheet import (
    BASELINE_TITLE,
    SHEETS,
    Column,
    baseline_rows,
    choices,
    header,
    record_rows,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: The kinds of file an export reads.
EXPORT_KINDS = tuple(SHEETS)
#: The title of a workbook's first sheet, by the kind it holds.
_SHEET_TITLE = {"roles": "sheet.title.roles", "issues": "sheet.title.issues"}


def entries_of(c: Consortium, kind: str) -> Sequence[Task | Issue]:
    """The tasks or the issues of a consortium, across all of its files of that kind."""
    if kind == "roles":
        return c.tasks
    if kind == "issues":
        return c.issues
    raise KeyError(kind)


def has_source(c: Consortium, kind: str) -> bool:
    """Whether the consortium has a (valid) file of ``kind`` to export."""
    if kind == "charter":
        return c.charter is not None
    if kind == "members":
        return bool(c.members)
    if kind == "plan":
        return bool(c.plans)
    return bool(c.role_files if kind == "roles" else c.issue_files)


def sources_of(c: Consortium, kind: str) -> list[tuple[str, str]]:
    """Each file an export of ``kind`` reads: its name inside the consortium folder, and its text."""
    files = c.role_files if kind == "roles" else c.issue_files
    return [(os.path.relpath(f.at.doc.path, c.root).replace(os.sep, "/"), f.at.doc.text) for f in files]


# -- what a cell shows --------------------------------------------------------------------------

#: How a workbook shows a date cell, by language: ``2026年12月13日`` / ``13 Dec 2026``.
DATE_FORMATS = {"ja": 'yyyy"年"m"月"d"日"', "en": "d mmm yyyy"}
#: The Japanese era form (令和8年4月1日): Excel's era code ``ggge`` under the Japanese locale (411).
ERA_DATE_FORMAT = '[$-411]ggge"年"m"月"d"日"'
#: The longest list Excel keeps inside a drop-down's formula (more goes on the choices sheet).
_MAX_LIST_FORMULA = 255


def member_separator(lang: str) -> str:
    """What joins several members in one cell: 、 in Japanese, ``, `` in English."""
    return list_separator(lang)


def enum_label(column: Column, value: str, lang: str) -> str:
    """The label of an ``enum`` column's code in ``lang`` (the code itself if it has none)."""
    if column.enum is None:
        return value
    return labels(column.enum, lang).get(value, value)


def shown_value(value: Any, column: Column, names: dict[str, str], lang: str) -> Any:
    """A value as a person reads it in a cell: labels, member names, lists joined; dates stay dates.

    ``names`` are the member display names by id (:meth:`Consortium.member_display_names`).
    Empty values are ``None``.
    """
    if value is None or value == () or value == "":
        return None
    if column.kind in ("members", "member"):
        ids = value if isinstance(value, list | tuple) else (value,)
        return member_separator(lang).join(names.get(str(m), str(m)) for m in ids)
    if column.kind == "list" and isinstance(value, list | tuple):
        return " / ".join(value)
    if column.kind == "enum" and isinstance(value, str):
        return enum_label(column, value, lang)
    return value


def shown_text(
    value: Any,
    column: Column,
    names: dict[str, str],
    lang: str,
    *,
    dates: str = "iso",
    japanese_era: bool = False,
) -> str:
    """A value as text for CSV (``dates="iso"``) or Markdown (``dates="people"``: 2026年12月13日（日）).

    ``japanese_era`` writes people's dates by the era (令和8年12月13日（日）), as the charter asks.
    """
    shown = shown_value(value, column, names, lang)
    if shown is None:
        return ""
    if isinstance(shown, dt.date):
        return shown.isoformat() if dates == "iso" else format_date(shown, lang, japanese_era=japanese_era)
    return str(shown)


# -- spreadsheets -------------------------------------------------------------------------------


#: How openpyxl writes a sheet without rows (its write-only mode writes the first).
_EMPTY_SHEET_DATA = ("<sheetData></sheetData>", "<sheetData/>", "<sheetData />")


class _Row:
    """The rows of one sheet, written as the sheet's XML directly; openpyxl writes the rest of the workbook.

    openpyxl's writer, even in its write-only mode, builds and serialises an object per cell, which
    took most of a 10,000-task export (about 5 of its 7.6 s of CPU for 280,000 cells; the same
    cells as formatted text take 0.4 s). So openpyxl makes the workbook with these sheets empty
    (their view, widths, drop-downs, filter and the styles), and :meth:`fill` puts each sheet's
    rows into its ``<sheetData>``, with the ``<dimension>`` openpyxl's ordinary mode declares.

    Every text cell is an inline string (never a formula, never an error's code), escaped by
    :func:`dxkit.escape.xlsx_text`; dates are Excel's serial numbers as openpyxl writes them. A
    style is registered in the workbook once, on a template cell, and cells refer to its number.
    """

    def __init__(self, sheet: Worksheet, rows: int, columns: int) -> None:
        """``sheet`` is a write-only sheet (``WriteOnlyWorksheet``): it has every attribute used
        here (views, widths, drop-downs, the filter, the state) but no rows of its own."""
        from openpyxl.utils import get_column_letter

        self.sheet = sheet
        self.dimension = f"A1:{get_column_letter(max(columns, 1))}{max(rows, 1)}"
        self.letters = [get_column_letter(index) for index in range(1, max(columns, 1) + 1)]
        self.xml: list[str] = []

    def style(self, **styles: Any) -> str:
        """The attribute naming the style ``styles`` (``font``, ``fill``, ``alignment``, ``number_format``)."""
        from openpyxl.cell import WriteOnlyCell

        template = WriteOnlyCell(self.sheet)
        for name, value in styles.items():
            setattr(template, name, value)
        return f' s="{template.style_id}"'

    def append(self, values: Sequence[Any], styles: Sequence[str] | None = None) -> None:
        """Append one row; ``styles`` (one per value, ``""`` for none) style empty cells too."""
        from openpyxl.utils.datetime import to_excel as excel_serial

        def to_excel(day: dt.date) -> int | float:
            return excel_serial(day)  # type: ignore[no-untyped-call, no-any-return]

        number = len(self.xml) + 1
        cells = [f'<row r="{number}">']
        for index, value in enumerate(values):
            style = "" if styles is None else styles[index]
            ref = f"{self.letters[index]}{number}"
            if value is None:
                if style:
                    cells.append(f'<c r="{ref}"{style}/>')
            elif isinstance(value, str):
                space = ' xml:space="preserve"' if value != value.strip() else ""
                cells.append(f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{xlsx_text(value)}</t></is></c>')
            elif isinstance(value, bool):
                cells.append(f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int | float):
                cells.append(f'<c r="{ref}"{style} t="n"><v>{value!r}</v></c>')
            elif isinstance(value, dt.date):
                cells.append(f'<c r="{ref}"{style} t="n"><v>{to_excel(value)!r}</v></c>')
            else:
                raise TypeError(f"no cell for {type(value).__name__}")
        cells.append("</row>")
        self.xml.append("".join(cells))

    @staticmethod
    def fill(workbook: bytes, sheets: Sequence[_Row]) -> bytes:
        """``workbook`` (saved by openpyxl) with each sheet's rows and dimension in its part.

        A sheet's rows are compressed as they are written into the archive, never joined.
        """
        parts = {sheet.sheet.path.lstrip("/"): sheet for sheet in sheets}
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = source.read(info)
                sheet = parts.get(info.filename)
                if sheet is None:
                    target.writestr(info, data)
                    continue
                xml = data.decode("utf-8")
                empty = next((tag for tag in _EMPTY_SHEET_DATA if tag in xml), None)
                if empty is None or "<sheetViews>" not in xml:
                    raise ValueError(f"unexpected sheet layout in {info.filename}")
                xml = xml.replace("<sheetViews>", f'<dimension ref="{sheet.dimension}"/><sheetViews>', 1)
                before, after = xml.split(empty, 1)
                info.compress_type = zipfile.ZIP_DEFLATED
                with target.open(info, "w") as part:
                    part.write(f"{before}<sheetData>".encode())
                    for row in sheet.xml:
                        part.write(row.encode())
                    part.write(f"</sheetData>{after}".encode())
                sheet.xml.clear()
        return out.getvalue()


def render_xlsx(c: Consortium, kind: str, lang: str) -> bytes:
    """An .xlsx workbook: the entries (frozen header, widths, real dates, drop-downs) and members.

    Text cells are always text (never formulas) and hold only characters XML allows. A third,
    ``veryHidden`` sheet holds the baseline (:func:`dxkit.sheet.baseline_rows`): what the files
    held at export, so that ``dxkit import`` applies only what changed in the workbook since.
    openpyxl (in its write-only mode) writes the workbook around the rows, which :class:`_Row`
    writes: the views, widths, drop-downs, the filter and the styles.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = SHEETS[kind][1]
    entries = entries_of(c, kind)
    book = Workbook(write_only=True)
    sheet = _Row(book.create_sheet(translate(_SHEET_TITLE[kind], lang)), len(entries) + 1, len(columns))
    members_title = translate("sheet.title.members", lang)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E8EAF6")
    wrap = Alignment(wrap_text=True, vertical="top")
    names = c.member_display_names(lang)
    date_format = DATE_FORMATS.get(lang, DATE_FORMATS["en"])
    if lang == "ja" and uses_japanese_era(c):
        date_format = ERA_DATE_FORMAT
    last = max(len(entries) + 1, 2)
    lists: list[list[Any]] = []  # the rows of the hidden sheet of choices too long for a formula
    lists_title = translate("sheet.title.choices", lang)
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        sheet.sheet.column_dimensions[letter].width = column.width
        allowed = [enum_label(column, code, lang) for code in choices(kind, column)]
        if allowed:
            formula = '"' + ",".join(allowed) + '"'
            if any("," in text or '"' in text for text in allowed) or len(formula) > _MAX_LIST_FORMULA:
                lists.append([header(kind, column, lang), *allowed])
                end = get_column_letter(len(allowed) + 1)
                formula = f"'{lists_title}'!$B${len(lists)}:${end}${len(lists)}"
            rule = DataValidation(type="list", formula1=formula, allow_blank=not column.required)
            rule.add(f"{letter}2:{letter}{last + 200}")
            sheet.sheet.data_validations.append(rule)
        if column.kind == "member":
            count = len(names) or 1
            rule = DataValidation(type="list", formula1=f"'{members_title}'!$A$2:$A${count + 1}", allow_blank=False)
            rule.add(f"{letter}2:{letter}{last + 200}")
            sheet.sheet.data_validations.append(rule)
        if column.kind == "date":
            # A warning, not a stop: a date typed as text (令和8年4月1日, R8.4.1) may stay, the import reads it.
            rule = DataValidation(
                type="date", operator="greaterThan", formula1="DATE(2000,1,1)", allow_blank=True, errorStyle="warning"
            )
            rule.add(f"{letter}2:{letter}{last + 200}")
            sheet.sheet.data_validations.append(rule)
    sheet.sheet.freeze_panes = "B2"
    sheet.sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    heading = sheet.style(font=bold, fill=fill, alignment=wrap)
    sheet.append([header(kind, column, lang) for column in columns], [heading] * len(columns))
    plain, dated = sheet.style(alignment=wrap), sheet.style(alignment=wrap, number_format=date_format)
    styles = [dated if column.kind == "date" else plain for column in columns]
    for values in record_rows(entries, columns):
        sheet.append([shown_value(v, column, names, lang) for v, column in zip(values, columns, strict=True)], styles)
    head, member_rows = member_table(c, lang)
    members = _Row(book.create_sheet(members_title), len(member_rows) + 1, len(head))
    for letter, width in (("A", 40), ("B", 28), ("C", 18), ("D", 18), ("E", 18)):
        members.sheet.column_dimensions[letter].width = width
    members.sheet.freeze_panes = "A2"
    title = members.style(font=bold, fill=fill)
    members.append(head, [title] * len(head))
    day = members.style(number_format=date_format)
    member_styles = [day if index == 4 else "" for index in range(len(head))]
    for values in member_rows:
        members.append(values, member_styles)
    written = [sheet, members]
    if lists:
        choices_sheet = _Row(book.create_sheet(lists_title), len(lists), max(len(row) for row in lists))
        choices_sheet.sheet.sheet_state = "hidden"
        for values in lists:
            choices_sheet.append(values)
        written.append(choices_sheet)
    kept = list(baseline_rows(kind, entries, sources_of(c, kind)))
    baseline = _Row(book.create_sheet(BASELINE_TITLE), len(kept), max((len(row) for row in kept), default=1))
    baseline.sheet.sheet_state = "veryHidden"
    for values in kept:
        baseline.append(values)
    written.append(baseline)
    out = io.BytesIO()
    book.save(out)
    return _Row.fill(out.getvalue(), written)


def render_csv(c: Consortium, kind: str, lang: str, *, bom: bool = True) -> bytes:
    """CSV in UTF-8, with a byte-order mark by default so Excel shows Japanese correctly.

    Cells show labels and member names; dates stay ISO (``2026-12-13``), which every program
    reads. Cells go through :func:`~dxkit.escape.csv_text`: none opens as a formula.
    """
    columns = SHEETS[kind][1]
    names = c.member_display_names(lang)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_text(header(kind, column, lang)) for column in columns])
    for values in record_rows(entries_of(c, kind), columns):
        writer.writerow([csv_text(shown_text(v, col, names, lang)) for v, col in zip(values, columns, strict=True)])
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")


def member_table(c: Consortium, lang: str) -> tuple[list[str], list[list[Any]]]:
    """The members as a table: name, type, official identifiers, the day each joined.

    The names are those of :meth:`Consortium.member_display_names` (a workbook's member
    cells choose from them); the official identifiers (法人番号, 全国地方公共団体コード) stay
    text, leading zeros kept. They are what another system matches an organisation by: a
    member's name may change, its identifier does not (two departments of one city share the
    city's code). Empty cells are ``None``.
    """
    names = c.member_display_names(lang)
    member_types = labels("memberType", lang)
    head = [
        translate("sheet.members.name", lang),
        translate("sheet.members.type", lang),
        *(translate(ident.label, lang) for ident in IDENTIFIERS),
        translate("linked.col.joined", lang),
    ]
    rows = [
        [
            names[member.id],
            member_types.get(member.type, member.type),
            *(getattr(member, ident.field) or None for ident in IDENTIFIERS),
            member.joined,
        ]
        for member in unique_members(c)
    ]
    return head, rows


def render_members_csv(c: Consortium, lang: str, *, bom: bool = True) -> bytes:
    """The members table (:func:`member_table`) as CSV, dates ISO; cells through :func:`~dxkit.escape.csv_text`."""
    head, rows = member_table(c, lang)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_text(text) for text in head])
    for values in rows:
        writer.writerow(
            [csv_text("" if v is None else v.isoformat() if isinstance(v, dt.date) else str(v)) for v in values]
        )
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")


def render_md(c: Consortium, kind: str, lang: str) -> str:
    """A Markdown table of the entries, dates as people read them; every cell is escaped Markdown text."""
    columns = SHEETS[kind][1]
    names = c.member_display_names(lang)
    era = uses_japanese_era(c)
    return table(
        [markdown_text(header(kind, col, lang)) for col in columns],
        [
            [
                markdown_text(shown_text(v, col, names, lang, dates="people", japanese_era=era))
                for v, col in zip(values, columns, strict=True)
            ]
            for values in record_rows(entries_of(c, kind), columns)
        ],
    )


# -- calendars --------------------------------------------------------------------------------------


def consortium_slug(c: Consortium) -> str:
    """A stable, ASCII identifier for the consortium, used in calendar UIDs."""
    import hashlib

    name = c.charter.name if c.charter else c.root
    municipality = c.charter.municipality if c.charter else ""
    return hashlib.sha256(f"{municipality}\n{name}".encode()).hexdigest()[:16]


def _ics_date(day: dt.date) -> str:
    """An iCalendar DATE, ``20261213``."""
    return f"{day.year:04}{day.month:02}{day.day:02}"


def _event(
    uid: str, stamp: dt.date, due: dt.date, summary: str, description: str, category: str, cancelled: bool
) -> bytes:
    """One all-day ``VEVENT``; every text goes through :func:`~dxkit.escape.ics_value`, every line through
    :func:`~dxkit.escape.ics_line`, so no raw line break ends a property and none starts another.

    The properties stand in icalendar's canonical order (summary, dates, stamp, UID, then by name).
    """
    properties = {
        "SUMMARY": ics_value(summary),
        "DTSTART;VALUE=DATE": _ics_date(due),
        "DTEND;VALUE=DATE": _ics_date(due + dt.timedelta(days=1)),
        "DTSTAMP": _ics_date(stamp) + "T000000Z",
        "UID": ics_value(uid),
        "CATEGORIES": ics_value(category),
        "DESCRIPTION": ics_value(description),
        "STATUS": "CANCELLED" if cancelled else "CONFIRMED",
    }
    return b"BEGIN:VEVENT\r\n" + b"".join(ics_line(k, v) for k, v in properties.items()) + b"END:VEVENT\r\n"


def render_ics(c: Consortium, lang: str, *, stamp: dt.date) -> bytes:
    """One all-day event per task deadline and per funding deadline of the charter; UIDs are stable.

    Descriptions name members and states as people read them; dates are iCalendar dates.

    Re-importing the file into Outlook or Google Calendar updates events instead of adding
    copies. Dates are all-day dates in Japan time (Asia/Tokyo). The lines are written here
    (RFC 5545), each through :func:`~dxkit.escape.ics_line` and every text through
    :func:`~dxkit.escape.ics_value`: no raw line break ends a property, none starts another.
    """
    names = c.member_display_names(lang)
    joined = member_separator(lang).join
    statuses = labels("Task.status", lang)
    title = c.charter.name if c.charter else translate("sheet.title.roles", lang)
    out = [
        b"BEGIN:VCALENDAR\r\n",
        ics_line("VERSION", "2.0"),
        ics_line("PRODID", ics_value("-//dxkit//roles//" + lang.upper())),
        ics_line("CALSCALE", "GREGORIAN"),
        ics_line("X-WR-CALNAME", ics_value(title)),
        ics_line("X-WR-TIMEZONE", ics_value("Asia/Tokyo")),
    ]
    slug = consortium_slug(c)
    for task in c.tasks:
        due = task.delay.new_due if task.delay and task.delay.new_due else task.due
        lines = [
            translate("ics.accountable", lang, who=joined(names.get(m, m) for m in task.accountable)),
            translate("ics.responsible", lang, who=joined(names.get(m, m) for m in task.responsible)),
            translate("ics.status", lang, status=statuses.get(task.status, task.status)),
        ]
        if task.done_criteria:
            lines.append(translate("ics.done", lang, criteria=task.done_criteria))
        if task.delay:
            lines.append(
                translate("ics.delay", lang, reason=task.delay.reason or "", plan=task.delay.recovery_plan or "")
            )
        out.append(
            _event(
                f"{task.id}.{slug}@dxkit",
                stamp,
                due,
                translate("ics.summary", lang, id=task.id, title=task.title),
                "\n".join(lines),
                label("stage", task.stage, lang),
                task.status == "cancelled",
            )
        )
    out += _funding_events(c, lang, slug, stamp)
    out.append(b"END:VCALENDAR\r\n")
    return b"".join(out)


def _funding_key(use: FundingUse) -> str:
    """The ASCII part of a funding event's UID: the scheme (a named other scheme by a hash of its name) and year."""
    import hashlib

    key = use.scheme
    if use.scheme == OTHER:
        key += "-" + hashlib.sha256((use.name or "").encode()).hexdigest()[:8]
    return f"{key}-{use.fiscal_year}" if use.fiscal_year is not None else key


def _funding_events(c: Consortium, lang: str, slug: str, stamp: dt.date) -> list[bytes]:
    """One all-day event per application and report deadline of the charter's ``funding``.

    UIDs are stable per consortium, scheme and fiscal year (a second entry of the same scheme
    and year counts on), so re-importing updates the events like the task deadlines'.
    """
    if c.charter is None:
        return []
    names = c.member_display_names(lang)
    statuses = labels("FundingUse.status", lang)
    seen: dict[str, int] = {}
    events: list[bytes] = []
    for use in c.charter.funding:
        key = _funding_key(use)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key += f"-{seen[key]}"
        scheme = display_name(use.scheme, use.name, lang)
        lines = [translate("funding.ics.status", lang, status=statuses.get(use.status, use.status))]
        if use.owner:
            lines.append(translate("funding.ics.owner", lang, who=names.get(use.owner, use.owner)))
        if use.fiscal_year is not None:
            lines.append(translate("funding.ics.fiscal_year", lang, year=use.fiscal_year))
        if use.amount is not None:
            lines.append(translate("funding.ics.amount", lang, amount=f"{use.amount:,}"))
        if use.purpose:
            lines.append(translate("funding.ics.purpose", lang, purpose=use.purpose))
        for what, due, title in (
            ("application", use.application_due, "funding.ics.application"),
            ("report", use.report_due, "funding.ics.report"),
        ):
            if due is None:
                continue
            extra = []
            if what == "report" and use.reported is not None:
                extra.append(translate("funding.ics.reported", lang, date=use.reported.isoformat()))
            description = [*lines, *extra, translate("funding.ics.confirm", lang)]
            events.append(
                _event(
                    f"funding.{key}.{what}.{slug}@dxkit",
                    stamp,
                    due,
                    translate(title, lang, scheme=scheme),
                    "\n".join(description),
                    translate("funding.ics.category", lang),
                    use.status == "not-granted",
                )
            )
    return events


# -- Gantt ----------------------------------------------------------------------------------------------


def render_gantt(c: Consortium, lang: str) -> str:
    """A mermaid Gantt chart of the tasks, one section per stage; overdue tasks marked critical.

    Task ids in the chart are generated (``t0``, ``t1``, …); every label is an escaped
    mermaid label.
    """
    lines = [
        "gantt",
        f"    title {mermaid_label(translate('gantt.title', lang))}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y-%m",
    ]
    tasks = c.tasks
    ids = mermaid_ids(range(len(tasks)), prefix="t")
    for stage in STAGES:
        members = [(i, t) for i, t in enumerate(tasks) if t.stage == stage]
        if not members:
            continue
        lines.append(f"    section {mermaid_label(label('stage', stage, lang))}")
        for index, task in members:
            bar = mermaid_label(f"{task.id} {task.title}", line_start=True)
            lines.append(f"    {bar} :{gantt_spec(task, ids[index], c.today)}")
    return "\n".join(lines) + "\n"


def gantt_span(task: Task) -> tuple[dt.date, dt.date]:
    """The first and last day of a task's bar: two weeks before its due date when it has no start."""
    start = task.start if task.start else task.due - dt.timedelta(days=14)
    end = task.delay.new_due if task.delay and task.delay.new_due else task.due
    return (end - dt.timedelta(days=1) if end <= start else start), end


def gantt_spec(task: Task, bar_id: str, today: dt.date) -> str:
    """What follows the colon of a Gantt task: its state tags, its generated id and its span."""
    tags = []
    if task.status == "done":
        tags.append("done")
    elif is_overdue(task, today):
        tags.append("crit")
    if task.status == "in-progress":
        tags.append("active")
    start, end = gantt_span(task)
    return ", ".join([*tags, bar_id, start.isoformat(), end.isoformat()])


# -- the registry ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportOptions:
    """What a command may ask of any export (each export uses what applies to it)."""

    #: Start a CSV with a UTF-8 byte-order mark (Excel then reads Japanese correctly).
    bom: bool = True
    #: The DTSTAMP of calendar events; the day of the export when not given.
    stamp: dt.date | None = None


#: One signature for every export: the consortium, the reader's language, the options.
ExportFunction = Callable[[Consortium, str, ExportOptions], bytes]


@dataclass(frozen=True)
class Exporter:
    kind: str
    format: str
    render: ExportFunction
    #: Bytes to write to a file, never to print on a terminal.
    binary: bool
    #: Kinds of file the export reads beyond the consortium, its members and its own kind.
    needs: tuple[str, ...] = ()


def _xlsx(kind: str) -> ExportFunction:
    return lambda c, lang, options: render_xlsx(c, kind, lang)


def _csv(kind: str) -> ExportFunction:
    return lambda c, lang, options: render_csv(c, kind, lang, bom=options.bom)


def _md(kind: str) -> ExportFunction:
    return lambda c, lang, options: render_md(c, kind, lang).encode("utf-8")


def _ics(c: Consortium, lang: str, options: ExportOptions) -> bytes:
    return render_ics(c, lang, stamp=options.stamp or dt.date.today())


def _charter_docx(c: Consortium, lang: str, options: ExportOptions) -> bytes:
    from dxkit.render.charter_docx import render_charter_docx

    return render_charter_docx(c, lang, stamp=options.stamp or dt.date.today())


def _plan_xlsx(c: Consortium, lang: str, options: ExportOptions) -> bytes:
    from dxkit.render.plan_xlsx import render_plan_xlsx

    return render_plan_xlsx(c, lang)


def _gantt(c: Consortium, lang: str, options: ExportOptions) -> bytes:
    return render_gantt(c, lang).encode("utf-8")


def _decidim(c: Consortium, lang: str, options: ExportOptions) -> bytes:
    from dxkit.render.decidim_results import render_decidim_results

    return render_decidim_results(c, lang)


def _members_csv(c: Consortium, lang: str, options: ExportOptions) -> bytes:
    return render_members_csv(c, lang, bom=options.bom)


def _popolo(c: Consortium, lang: str, options: ExportOptions) -> bytes:
    return (json_document(render_popolo(c, lang)) + "\n").encode("utf-8")


#: Every export by ``(kind, format)``: what ``dxkit export KIND --format FORMAT`` runs.
EXPORTERS: dict[tuple[str, str], Exporter] = {
    (e.kind, e.format): e
    for e in (
        Exporter("roles", "xlsx", _xlsx("roles"), binary=True),
        Exporter("roles", "csv", _csv("roles"), binary=False),
        Exporter("roles", "ics", _ics, binary=True),
        Exporter("roles", "md", _md("roles"), binary=False),
        Exporter("roles", "mermaid", _gantt, binary=False),
        Exporter("issues", "xlsx", _xlsx("issues"), binary=True),
        Exporter("issues", "csv", _csv("issues"), binary=False),
        Exporter("issues", "md", _md("issues"), binary=False),
        Exporter("issues", "decidim", _decidim, binary=False, needs=("roles", "gates")),
        Exporter("charter", "docx", _charter_docx, binary=True),
        Exporter("members", "csv", _members_csv, binary=False),
        Exporter("members", "popolo", _popolo, binary=False),
        Exporter("plan", "xlsx", _plan_xlsx, binary=True),
    )
}


#: The format of ``dxkit export KIND`` without ``--format``.
DEFAULT_FORMATS = {"roles": "xlsx", "issues": "xlsx", "charter": "docx", "members": "csv", "plan": "xlsx"}


def export_formats(kind: str) -> list[str]:
    """The formats a kind can be exported to, sorted."""
    return sorted(fmt for k, fmt in EXPORTERS if k == kind)
