"""The spreadsheet view of the role & deadline matrix (and of the issue register).

One list of columns serves export and import, so what a sheet shows is exactly what an
import reads back. A header reads as people name the field, in the reader's language
(``期限``, ``Due date``); an import maps a header back to its column by the name in either
language, by the field's path (``due``, ``delay.new_due``), or by the ``name (key)`` form of
older exports, whatever the column order (:func:`header_key`).

Cells show what people read: an enumerated value as its label (``planning`` reads 計画策定),
a member reference as the organisation's name (:meth:`dxkit.model.Consortium.member_display_names`).
Several members in one cell are joined by :data:`MEMBER_SEPARATORS` (、 in Japanese, ``, `` in
English); an import splits at any of ``、 , ， ; ；`` or a line break and, where a name itself
holds one of them, joins the pieces back to the name they make. Turning codes into labels and
back is the job of the layers above (:mod:`dxkit.render.exports`, :mod:`dxkit.sheet_import`),
which know the labels; this module keeps the canonical forms.

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
from functools import cache
from typing import Any

from dxkit.dates import parse_date
from dxkit.loading import MAX_SAFE_INTEGER
from dxkit.model.records import ENUMS
from dxkit.schemas import field_title

_KEY = re.compile(r"\(([a-z_]+(?:\.[a-z_]+)?)\)\s*$")
#: Between the ids of a canonical cell (the baseline; a hand-made sheet of ids).
_SPLIT = re.compile(r"[,、，;；\s]+")
#: Between the members of a cell people typed: the separators, never a plain space (names hold spaces).
MEMBER_SPLIT = re.compile(r"(\s*[,、，;；\n]\s*)")
#: How several members of one cell are joined, by language.
MEMBER_SEPARATORS = {"ja": "、", "en": ", "}


@dataclass(frozen=True)
class Column:
    key: str  # dotted path inside one entry, e.g. "delay.reason"
    kind: str  # text, date, enum, members, member, integer, list
    width: int
    required: bool = False
    #: For an ``enum`` column: the enum's name in :data:`dxkit.model.records.ENUMS`.
    enum: str | None = None

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.key.split("."))


ROLE_COLUMNS: tuple[Column, ...] = (
    Column("id", "text", 10, required=True),
    Column("title", "text", 40, required=True),
    Column("stage", "enum", 16, required=True, enum="stage"),
    Column("responsible", "members", 22, required=True),
    Column("accountable", "member", 16, required=True),
    Column("consulted", "members", 18),
    Column("informed", "members", 18),
    Column("start", "date", 12),
    Column("due", "date", 12, required=True),
    Column("done_criteria", "text", 40),
    Column("indicator.name", "text", 20),
    Column("indicator.target", "text", 16),
    Column("status", "enum", 14, required=True, enum="Task.status"),
    Column("delay.reason", "text", 30),
    Column("delay.recovery_plan", "text", 30),
    Column("delay.new_due", "date", 12),
)

ISSUE_COLUMNS: tuple[Column, ...] = (
    Column("id", "text", 10, required=True),
    Column("title", "text", 40, required=True),
    Column("category", "enum", 18, required=True, enum="field"),
    Column("priority", "enum", 10, required=True, enum="Issue.priority"),
    Column("dx_fit", "enum", 10, enum="Issue.dx_fit"),
    Column("status", "enum", 12, enum="Issue.status"),
    Column("description", "text", 40),
    Column("evidence", "list", 40),
    Column("affected", "list", 24),
    Column("found_in.source", "enum", 12, enum="FoundIn.source"),
    Column("found_in.ref", "text", 28),
    Column("found_in.date", "date", 12),
    Column("found_in.votes", "integer", 8),
)

SHEETS = {"roles": ("tasks", ROLE_COLUMNS), "issues": ("issues", ISSUE_COLUMNS)}


def header(kind: str, column: Column, lang: str) -> str:
    """A column's header as people name the field, in ``lang`` (``期限``, ``Due date``)."""
    list_key = SHEETS[kind][0]
    return field_title(kind, (list_key, 0, *column.path), lang) or column.key


def _header_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


@cache
def header_keys(kind: str) -> dict[str, str]:
    """Every text a header of ``kind`` may hold, as :func:`header_key` compares it, with its column key."""
    found: dict[str, str] = {}
    for column in SHEETS[kind][1]:
        for text in (column.key, header(kind, column, "ja"), header(kind, column, "en")):
            if found.setdefault(_header_text(text), column.key) != column.key:
                raise ValueError(f"two columns of the {kind} sheet read {text!r}")
    return found


def header_key(kind: str, text: Any) -> str | None:
    """The column key a header names: its name in either language, its path, or ``name (key)``."""
    raw = str(text or "")
    key = header_keys(kind).get(_header_text(raw))
    if key is not None:
        return key
    match = _KEY.search(raw)  # an export of an older dxkit: "期限 (due)"
    return match.group(1) if match else None


def choices(kind: str, column: Column) -> list[str]:
    """The codes an ``enum`` column allows, in the schema's order (none for other columns)."""
    return list(ENUMS[column.enum]) if column.enum else []


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
    """A value in its canonical text (codes, ids, ISO dates), as the baseline holds it."""
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
        date = parse_date(text)  # 2026-04-01, 2026/4/1, 2026年4月1日, 令和8年4月1日, R8.4.1, full-width digits
        if date is None:
            return None, "sheet.bad_date", {"value": _shown(text)}
        return date.isoformat(), None, {}
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
