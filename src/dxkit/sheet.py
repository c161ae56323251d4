"""The spreadsheet view of the role & deadline matrix (and of the issue register).

One list of columns serves export and import, so what a sheet shows is exactly what an
import reads back. Each header reads "name (key)", in the reader's language: staff see a
name they know, and the key in brackets lets an import map the column back whatever the
language or the column order.

An exported workbook also carries its **baseline**: a sheet people never see
(:data:`BASELINE_TITLE`, ``veryHidden``) with what the files held when the workbook was made, in
the same columns, so an import can tell the cells someone changed in the workbook from the cells
a colleague changed in the YAML since (:func:`baseline_rows`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dxkit.loading import MAX_SAFE_INTEGER
from dxkit.schemas import field_title, subschema_at

_KEY = re.compile(r"\(([a-z_]+(?:\.[a-z_]+)?)\)\s*$")
_SPLIT = re.compile(r"[,、，;；\s]+")


@dataclass(frozen=True)
class Column:
    key: str  # dotted path inside one entry, e.g. "delay.reason"
    kind: str  # text, date, enum, members, member, integer, list
    width: int
    required: bool = False

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.key.split("."))


ROLE_COLUMNS: tuple[Column, ...] = (
    Column("id", "text", 10, required=True),
    Column("title", "text", 40, required=True),
    Column("stage", "enum", 16, required=True),
    Column("responsible", "members", 22, required=True),
    Column("accountable", "member", 16, required=True),
    Column("consulted", "members", 18),
    Column("informed", "members", 18),
    Column("start", "date", 12),
    Column("due", "date", 12, required=True),
    Column("done_criteria", "text", 40),
    Column("indicator.name", "text", 20),
    Column("indicator.target", "text", 16),
    Column("status", "enum", 14, required=True),
    Column("delay.reason", "text", 30),
    Column("delay.recovery_plan", "text", 30),
    Column("delay.new_due", "date", 12),
)

ISSUE_COLUMNS: tuple[Column, ...] = (
    Column("id", "text", 10, required=True),
    Column("title", "text", 40, required=True),
    Column("category", "enum", 18, required=True),
    Column("priority", "enum", 10, required=True),
    Column("dx_fit", "enum", 10),
    Column("status", "enum", 12),
    Column("description", "text", 40),
    Column("evidence", "list", 40),
    Column("affected", "list", 24),
    Column("found_in.source", "enum", 12),
    Column("found_in.ref", "text", 28),
    Column("found_in.date", "date", 12),
    Column("found_in.votes", "integer", 8),
)

SHEETS = {"roles": ("tasks", ROLE_COLUMNS), "issues": ("issues", ISSUE_COLUMNS)}


def header(kind: str, column: Column, lang: str) -> str:
    list_key = SHEETS[kind][0]
    title = field_title(kind, (list_key, 0, *column.path), lang) or column.key
    return f"{title} ({column.key})"


def header_key(text: Any) -> str | None:
    match = _KEY.search(str(text or ""))
    return match.group(1) if match else None


def choices(kind: str, column: Column) -> list[str]:
    sub = subschema_at(kind, (SHEETS[kind][0], 0, *column.path)) or {}
    return list(sub.get("enum", []))


def get(entry: dict[str, Any], column: Column) -> Any:
    """The value of a column in one entry as the file holds it (a mapping; used by the import)."""
    node: Any = entry
    for part in column.path:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def value_of(record: object, column: Column) -> Any:
    """The value of a column in one typed record (a task or an issue of the model), or ``None``.

    Dates stay ``datetime.date``; a list of ids or texts is a tuple (empty when not given).
    """
    node: Any = record
    for part in column.path:
        node = getattr(node, part, None)
        if node is None:
            return None
    return node


def cell_text(value: Any, column: Column) -> str:
    """How a value reads in a text cell (CSV, Markdown)."""
    if value is None:
        return ""
    if column.kind in ("members", "member") and isinstance(value, list | tuple):
        return ", ".join(value)
    if column.kind == "list" and isinstance(value, list | tuple):
        return " / ".join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def record_rows(records: Sequence[object], columns: tuple[Column, ...]) -> list[list[Any]]:
    """The values of every column for each typed record."""
    return [[value_of(record, column) for column in columns] for record in records]


# -- the baseline an export carries -------------------------------------------------------------

#: The title of the hidden sheet with the baseline, and the mark in its first cell.
BASELINE_TITLE = "dxkit-baseline"
#: The layout of the baseline; an import refuses a newer one rather than guess at it.
BASELINE_VERSION = 1


def source_digest(text: str) -> str:
    """The digest of a source file's text, as a baseline records it (``sha256:…``)."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def baseline_rows(
    kind: str, records: Sequence[object], sources: Sequence[tuple[str, str]]
) -> list[list[str | int | None]]:
    """The rows of a baseline sheet: every value as text, in the sheet's columns.

    ``sources`` are the exported files, each as ``(name, text)``. The layout::

        dxkit-baseline | 1 (layout version) | roles (kind)
        sources        | roles.yaml | sha256:…  | roles-2027.yaml | sha256:… …
        id             | title      | stage     | …              (the column keys)
        T-001          | …                                        (one row per entry)
    """
    columns = SHEETS[kind][1]
    rows: list[list[str | int | None]] = [
        [BASELINE_TITLE, BASELINE_VERSION, kind],
        ["sources", *(part for name, text in sources for part in (name, source_digest(text)))],
        [column.key for column in columns],
    ]
    for values in record_rows(records, columns):
        rows.append([cell_text(value, column) or None for value, column in zip(values, columns, strict=True)])
    return rows


# -- reading cells back ------------------------------------------------------------------------


_DIGITS = re.compile(r"[+-]?[0-9]+")


def _whole_number(raw: Any) -> int | None:
    """The whole number a cell holds, or ``None``; a digit string is read as digits, never as a float."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if math.isfinite(raw) and raw.is_integer() else None
    text = unicodedata.normalize("NFKC", str(raw)).strip()  # full-width digits are digits too
    if not _DIGITS.fullmatch(text):
        return None
    digits = text.lstrip("+-")
    if len(digits) > len(str(MAX_SAFE_INTEGER)):  # too long to be in range, too long to convert quickly
        return MAX_SAFE_INTEGER + 1
    return int(text)


def _shown(raw: Any) -> str:
    text = str(raw)
    return text if len(text) <= 40 else text[:39] + "…"


def parse_cell(
    raw: Any, column: Column, allowed: list[str], members: set[str] | None
) -> tuple[Any, str | None, dict[str, Any]]:
    """``(value, error message id, params)`` for one cell; ``None`` for an empty cell."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, ("sheet.required" if column.required else None), {}
    if column.kind == "date":
        if isinstance(raw, dt.datetime):
            return raw.date().isoformat(), None, {}
        if isinstance(raw, dt.date):
            return raw.isoformat(), None, {}
        text = str(raw).strip()
        try:
            return dt.date.fromisoformat(text).isoformat(), None, {}
        except ValueError:
            return None, "sheet.bad_date", {"value": text}
    if column.kind == "integer":
        number = _whole_number(raw)
        if number is None:
            return None, "sheet.bad_integer", {"value": _shown(raw)}
        if abs(number) > MAX_SAFE_INTEGER:
            return None, "sheet.integer_range", {"value": _shown(raw), "limit": MAX_SAFE_INTEGER}
        return number, None, {}
    text = str(raw).strip()
    if column.kind == "enum":
        if text not in allowed:
            return None, "sheet.bad_choice", {"value": text, "choices": ", ".join(allowed)}
        return text, None, {}
    if column.kind in ("members", "member"):
        ids = [part for part in _SPLIT.split(text) if part]
        unknown = [m for m in ids if members is not None and m not in members]
        if unknown:
            return None, "sheet.unknown_member", {"value": ", ".join(unknown)}
        if column.kind == "member" and len(ids) == 1:
            return ids[0], None, {}
        return ids, None, {}
    if column.kind == "list":
        return [part.strip() for part in text.split(" / ") if part.strip()], None, {}
    if isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    return text, None, {}
