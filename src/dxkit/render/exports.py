"""Exports for the tools municipal staff live in: Excel, CSV, calendars, Markdown, Gantt charts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

from dxkit.i18n import translate
from dxkit.render.lessons import _md
from dxkit.sheet import SHEETS, cell_text, choices, header, rows
from dxkit.validate import DocumentView as Consortium


def entries_of(c: Consortium, kind: str) -> list[dict[str, Any]]:
    doc = getattr(c, kind)
    return list(doc.data[SHEETS[kind][0]]) if doc is not None else []


# -- spreadsheets -------------------------------------------------------------------------------


def render_xlsx(c: Consortium, kind: str, lang: str) -> bytes:
    """An .xlsx workbook: the entries (frozen header, widths, real dates, drop-downs) and members."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = SHEETS[kind][1]
    entries = entries_of(c, kind)
    book = Workbook()
    sheet = book.active
    sheet.title = translate(f"sheet.title.{kind}", lang)
    members_title = translate("sheet.title.members", lang)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E8EAF6")
    sheet.append([header(kind, column, lang) for column in columns])
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for values in rows(entries, columns):
        row = []
        for value, column in zip(values, columns):
            if column.kind == "date" and value:
                row.append(dt.date.fromisoformat(value))
            elif column.kind in ("members", "member", "list"):
                row.append(cell_text(value, column) or None)
            else:
                row.append(value)
        sheet.append(row)
    last = max(sheet.max_row, 2)
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        for cell in sheet[letter][1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column.kind == "date":
                cell.number_format = "yyyy-mm-dd"
        allowed = choices(kind, column)
        if allowed:
            rule = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=not column.required)
            rule.add(f"{letter}2:{letter}{last + 200}")
            sheet.add_data_validation(rule)
        if column.kind == "member":
            count = len(c.member_names()) or 1
            rule = DataValidation(type="list", formula1=f"'{members_title}'!$A$2:$A${count + 1}", allow_blank=False)
            rule.add(f"{letter}2:{letter}{last + 200}")
            sheet.add_data_validation(rule)
        if column.kind == "date":
            rule = DataValidation(type="date", operator="greaterThan", formula1="DATE(2000,1,1)", allow_blank=True)
            rule.add(f"{letter}2:{letter}{last + 200}")
            sheet.add_data_validation(rule)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    members = book.create_sheet(members_title)
    members.append([translate(f"sheet.members.{key}", lang) for key in ("id", "name", "type")])
    for cell in members[1]:
        cell.font, cell.fill = bold, fill
    for member in c.members.data["members"] if c.members else []:
        members.append([member["id"], member["name"], member["type"]])
    for letter, width in (("A", 18), ("B", 40), ("C", 22)):
        members.column_dimensions[letter].width = width
    members.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render_csv(c: Consortium, kind: str, lang: str, *, bom: bool = True) -> bytes:
    """CSV in UTF-8, with a byte-order mark by default so Excel shows Japanese correctly."""
    columns = SHEETS[kind][1]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([header(kind, column, lang) for column in columns])
    for values in rows(entries_of(c, kind), columns):
        writer.writerow([cell_text(v, col) for v, col in zip(values, columns)])
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")


def render_md(c: Consortium, kind: str, lang: str) -> str:
    columns = SHEETS[kind][1]
    lines = ["| " + " | ".join(_md(header(kind, col, lang)) for col in columns) + " |", "|" + "---|" * len(columns)]
    for values in rows(entries_of(c, kind), columns):
        lines.append("| " + " | ".join(_md(cell_text(v, col)) for v, col in zip(values, columns)) + " |")
    return "\n".join(lines) + "\n"


# -- calendars --------------------------------------------------------------------------------------


def consortium_slug(c: Consortium) -> str:
    """A stable, ASCII identifier for the consortium, used in calendar UIDs."""
    import hashlib

    name = c.charter.data["name"] if c.charter else c.root
    municipality = c.charter.data["municipality"] if c.charter else ""
    return hashlib.sha256(f"{municipality}\n{name}".encode()).hexdigest()[:16]


def render_ics(c: Consortium, lang: str, *, stamp: dt.date) -> bytes:
    """One all-day event per task deadline; UIDs are stable per consortium and task id.

    Re-importing the file into Outlook or Google Calendar updates events instead of adding
    copies. Dates are all-day dates in Japan time (Asia/Tokyo).
    """
    from icalendar import Calendar, Event

    names = c.member_names()
    calendar = Calendar()
    calendar.add("prodid", "-//dxkit//roles//" + lang.upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-timezone", "Asia/Tokyo")
    title = c.charter.data["name"] if c.charter else translate("sheet.title.roles", lang)
    calendar.add("x-wr-calname", title)
    slug = consortium_slug(c)
    for task in entries_of(c, "roles"):
        due = dt.date.fromisoformat((task.get("delay") or {}).get("new_due") or task["due"])
        event = Event()
        event.add("uid", f"{task['id']}.{slug}@dxkit")
        event.add("dtstamp", dt.datetime.combine(stamp, dt.time(0, 0), tzinfo=dt.UTC))
        event.add("dtstart", due)
        event.add("dtend", due + dt.timedelta(days=1))
        event.add("summary", translate("ics.summary", lang, id=task["id"], title=task["title"]))
        accountable = task["accountable"] if isinstance(task["accountable"], list) else [task["accountable"]]
        lines = [
            translate("ics.accountable", lang, who=", ".join(names.get(m, m) for m in accountable)),
            translate("ics.responsible", lang, who=", ".join(names.get(m, m) for m in task["responsible"])),
            translate("ics.status", lang, status=task["status"]),
        ]
        if task.get("done_criteria"):
            lines.append(translate("ics.done", lang, criteria=task["done_criteria"]))
        if task.get("delay"):
            lines.append(
                translate(
                    "ics.delay",
                    lang,
                    reason=task["delay"].get("reason", ""),
                    plan=task["delay"].get("recovery_plan", ""),
                )
            )
        event.add("description", "\n".join(lines))
        event.add("categories", [task["stage"]])
        event.add("status", "CANCELLED" if task["status"] == "cancelled" else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()


# -- Gantt ----------------------------------------------------------------------------------------------

_GANTT_UNSAFE = re.compile(r"[:;#%\n\r`\"<>{}\[\]]")


def render_gantt(c: Consortium, lang: str) -> str:
    """A mermaid Gantt chart of the tasks, one section per stage; overdue tasks marked critical."""
    lines = [
        "gantt",
        f"    title {_GANTT_UNSAFE.sub(' ', translate('gantt.title', lang))}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y-%m",
    ]
    tasks = entries_of(c, "roles")
    for stage in ("planning", "demonstration", "implementation"):
        members = [t for t in tasks if t["stage"] == stage]
        if not members:
            continue
        lines.append(f"    section {translate(f'stage.{stage}', lang)}")
        for task in members:
            due = dt.date.fromisoformat(task["due"])
            start = dt.date.fromisoformat(task["start"]) if task.get("start") else due - dt.timedelta(days=14)
            end = dt.date.fromisoformat((task.get("delay") or {}).get("new_due") or task["due"])
            if end <= start:
                start = end - dt.timedelta(days=1)
            tags = []
            if task["status"] == "done":
                tags.append("done")
            elif task["status"] in ("not-started", "in-progress", "blocked") and due < c.today:
                tags.append("crit")
            if task["status"] == "in-progress":
                tags.append("active")
            label = _GANTT_UNSAFE.sub(" ", f"{task['id']} {task['title']}").strip()
            ident = re.sub(r"[^A-Za-z0-9]", "_", task["id"])
            spec = ", ".join([*tags, f"t_{ident}", start.isoformat(), end.isoformat()])
            lines.append(f"    {label} :{spec}")
    return "\n".join(lines) + "\n"
