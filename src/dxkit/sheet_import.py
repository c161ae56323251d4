"""Bring edits made in the exported spreadsheet back into ``roles.yaml`` (``dxkit import``).

Rows are matched to tasks by id. The import is three-way: a workbook made by ``dxkit export``
carries its baseline (:data:`dxkit.sheet.BASELINE_TITLE`, what ``roles.yaml`` held when the
workbook was made), and each cell is decided on its own:

* the cell still holds the baseline: the workbook did not change it, so ``roles.yaml`` keeps
  what it holds now (a colleague's newer edit included);
* the cell differs from the baseline and ``roles.yaml`` still holds the baseline: the cell's
  value is written;
* both differ from the baseline, and from each other: a :class:`Conflict`, reported with the
  three values; nothing is written for that cell, the other changes are.

A row added in the sheet adds a task; a row deleted from the sheet is reported and kept
(removed only with ``prune``), and a task added to ``roles.yaml`` since the export is never
counted as deleted. A workbook without a baseline (made by hand, or by an older dxkit) is
compared with ``roles.yaml`` as it is now, as before: every cell that differs is written.

Cells are read as people type them (:class:`CellReader`): a label in either language or the code
itself means the code (進行中, ``in progress`` and ``in-progress`` all mean ``in-progress``), an
organisation's name, 名前（id） or the id means the member's id, and a date may be typed as
``2026/4/1``, ``2026年4月1日``, ``令和8年4月1日``, ``R8.4.1`` or in full-width digits. What is written
to ``roles.yaml`` is canonical: codes, ids and ISO dates. The baseline holds canonical values too,
so the three-way comparison compares like with like.

Fields the sheet does not show, comments and formatting stay as they were: the file is changed
through the edit layer (:mod:`dxkit.editing`), whatever mix of block and flow style it is written
in, and the result is proven to read back as exactly the old tasks with the sheet's changes. Any
invalid cell is reported with its sheet, row and column, and then nothing is written at all.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from dxkit import workbook
from dxkit.editing import Editor, editor_for
from dxkit.errors import UsageError
from dxkit.labels import labels
from dxkit.loading import Document
from dxkit.model import Consortium
from dxkit.model.consortium import member_with_id
from dxkit.sheet import (
    BASELINE_TITLE,
    BASELINE_VERSION,
    MEMBER_SEPARATORS,
    MEMBER_SPLIT,
    ROLE_COLUMNS,
    SHEETS,
    Column,
    choices,
    get,
    header_key,
    parse_cell,
    source_digest,
)
from dxkit.workbook import BadCell, shown

COLUMNS = {column.key: column for column in ROLE_COLUMNS}


@cache
def _allowed(key: str) -> list[str]:
    """The values an enum column allows (asked once per column, not once per cell)."""
    return choices("roles", COLUMNS[key])


TaskPath = tuple[str | int, ...]
#: What reading one cell gives: the value, and the message id and parameters of what is wrong.
CellResult = tuple[Any, str | None, dict[str, Any]]

#: Parameters of a cell's message that do not come from the workbook, never cut short.
_WHOLE = frozenset({"choices", "suggestion"})
#: Characters beyond which a cell is not compared with the choices for a suggestion.
_CLOSE = 200
#: Pieces of one member cell tried together as one name (a name holding a separator).
_MAX_JOINED = 8
#: Pieces of one member cell beyond which each piece is read on its own.
_MAX_PIECES = 256
#: Characters of a member cell beyond which what it read as is not remembered for the next row.
_MAX_REMEMBERED = 1_000


def _folded(text: str) -> str:
    """Text as labels are compared: NFKC (full-width letters are letters), spaces collapsed, case folded."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


@cache
def _enum_codes(enum: str) -> dict[str, str]:
    """Every text that means a code of ``enum``: the code and its label in either language."""
    found: dict[str, str] = {}
    for lang in ("ja", "en"):
        for code, text in labels(enum, lang).items():
            found.setdefault(_folded(code), code)
            found.setdefault(_folded(text), code)
    return found


class CellReader:
    """Reads cells as people type them back into canonical values (codes, member ids, ISO dates).

    A label or a name that fits nothing is a message that lists the choices in ``lang`` or names
    the closest one. Without a members file (``consortium`` is ``None`` or has none), member
    cells are read as ids, as a hand-made sheet of ids would be.
    """

    def __init__(self, lang: str, consortium: Consortium | None) -> None:
        self.lang = lang
        self._ids = consortium.member_ids() if consortium is not None else None
        #: Every text that names a member, with its id (:meth:`Consortium.member_texts`).
        self._texts = consortium.member_texts() if consortium is not None else {}
        #: What a member cell's text read as, by column kind and text: a role matrix repeats the
        #: same few names in thousands of rows, and each is looked up once.
        self._read_members: dict[tuple[str, str], CellResult] = {}
        self._shared: dict[str, list[str]] = {}
        self._names: dict[str, str] = {}
        if consortium is not None:
            by_name: dict[str, list[str]] = {}
            for member in consortium.members:
                by_name.setdefault(member.name, []).append(member.id)
            self._shared = {name: ids for name, ids in by_name.items() if len(ids) > 1}
            self._names = consortium.member_display_names(lang)
        #: The longest text that can name a member (名前（id） in either language): longer never does.
        self._longest = max(
            (len(member_with_id(name, i, form)) for i, name in self._names.items() for form in ("ja", "en")), default=0
        )

    def read(self, raw: Any, column: Column, allowed: list[str]) -> CellResult:
        """``(value, error message id, params)`` for one cell of ``column``."""
        if raw.__class__ is str and column.kind == "text":
            text = raw.strip()
            if text:  # what parse_cell gives for text, without its other kinds' tests
                return text, None, {}
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return parse_cell(raw, column, allowed, None)
        if column.kind == "enum" and column.enum is not None:
            return self._enum(str(raw).strip(), column.enum)
        if column.kind in ("members", "member") and self._ids is not None:
            text = str(raw).strip()
            known = self._read_members.get((column.kind, text))
            if known is None:
                known = self._members(text, column)
                if len(text) <= _MAX_REMEMBERED:
                    self._read_members[column.kind, text] = known
            value, error, params = known
            # Each row gets its own list and parameters: a row's values are edited into the file.
            return (list(value) if isinstance(value, list) else value), error, dict(params)
        return parse_cell(raw, column, allowed, self._ids)

    # -- enumerated values ----------------------------------------------------------------

    def _enum(self, text: str, enum: str) -> CellResult:
        codes = _enum_codes(enum)
        code = codes.get(_folded(text))
        if code is not None:
            return code, None, {}
        shown_labels = labels(enum, self.lang)
        listed = "、".join(shown_labels.values()) if self.lang == "ja" else ", ".join(shown_labels.values())
        close = difflib.get_close_matches(_folded(text), list(codes), n=1, cutoff=0.5) if len(text) < _CLOSE else []
        if close:
            suggestion = shown_labels[codes[close[0]]]
            return None, "sheetcell.did_you_mean", {"value": text, "suggestion": suggestion, "choices": listed}
        return None, "sheetcell.bad_choice", {"value": text, "choices": listed}

    # -- member references ----------------------------------------------------------------

    def _member(self, text: str) -> str | None:
        if len(text) > self._longest:  # no member reads this long
            return None
        return self._texts.get(text.strip())

    def _piece(self, text: str) -> list[str] | None:
        """The member ids one piece names: a name, 名前（id）, an id, or ids apart by spaces (older sheets)."""
        if not text:
            return []
        found = self._member(text)
        if found is not None:
            return [found]
        ids = self._ids or set()
        words = text.split()
        if len(words) > 1 and all(word in ids for word in words):
            return words
        return None

    def _members(self, text: str, column: Column) -> CellResult:
        pieces = MEMBER_SPLIT.split(text)  # name, separator, name, separator, name …
        parts = pieces[0::2]
        # Where each part starts and ends in ``text``: a run of parts is a slice, never rebuilt.
        starts, ends, at = [], [], 0
        for index, piece in enumerate(pieces):
            if index % 2 == 0:
                starts.append(at)
                ends.append(at + len(piece))
            at += len(piece)
        longest = _MAX_JOINED if len(parts) <= _MAX_PIECES else 1

        def joined(start: int, end: int) -> str:
            return text[starts[start] : ends[end - 1]].strip()

        # best[i]: the ids that parts[:i] name, trying a run of pieces as one name where a name
        # holds a separator ("株式会社A、B支店"), shortest first; a run longer than any member's
        # name is never tried, so the work stays proportional to the cell.
        best: list[list[str] | None] = [[]] + [None] * len(parts)
        for end in range(1, len(parts) + 1):
            for start in range(end - 1, max(-1, end - 1 - longest), -1):
                if start < end - 1 and ends[end - 1] - starts[start] > self._longest:
                    break
                before = best[start]
                if before is None:
                    continue
                ids = self._piece(joined(start, end))
                if ids is not None:
                    best[end] = before + ids
                    break
        found = best[-1]
        if found is None:
            reached = max(i for i, ids in enumerate(best) if ids is not None)
            runs = range(min(len(parts), reached + longest), reached, -1)
            shared = next((joined(reached, end) for end in runs if joined(reached, end) in self._shared), None)
            return None, *self._unknown(shared or joined(reached, reached + 1))
        ids = list(dict.fromkeys(found))
        if not ids:
            return parse_cell(None, column, [], None)
        if column.kind == "member" and len(ids) == 1:
            return ids[0], None, {}
        return ids, None, {}

    def _unknown(self, text: str) -> tuple[str, dict[str, Any]]:
        separator = MEMBER_SEPARATORS.get(self.lang, ", ")
        shared = self._shared.get(text)
        if shared:
            forms = separator.join(member_with_id(text, member_id, self.lang) for member_id in shared)
            return "sheetcell.ambiguous_member", {"value": text, "choices": forms}
        shown_names = {name: name for name in self._names.values()} | {i: n for i, n in self._names.items()}
        close = difflib.get_close_matches(text, list(shown_names), n=1, cutoff=0.6) if len(text) < _CLOSE else []
        if close:
            return "sheetcell.unknown_member_suggest", {"value": text, "suggestion": shown_names[close[0]]}
        return "sheetcell.unknown_member", {"value": text}


@dataclass(frozen=True)
class SheetProblem:
    sheet: str
    row: int
    column: str  # spreadsheet letter
    msg_id: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Baseline:
    """What a workbook's hidden baseline sheet says the files held when it was exported."""

    kind: str
    #: Each exported file's digest (:func:`dxkit.sheet.source_digest`), by its name.
    sources: dict[str, str]
    #: The column keys, in the order of the baseline's cells.
    keys: tuple[str, ...]
    #: Each entry's cells as written at export, by id.
    rows: dict[str, tuple[Any, ...]]


@dataclass(frozen=True)
class Conflict:
    """Something changed both in the workbook and in the file since the export.

    ``kind`` is ``cell`` for one cell changed on both sides to different values (``key`` names
    its column; ``base``, ``yours`` and ``theirs`` are the values at export, in the workbook and
    in the file now), ``removed`` for a task the workbook changed but the file no longer has, and
    ``deleted`` for a task deleted from the workbook (with ``prune``) that the file changed.
    """

    task: str
    kind: str = "cell"
    key: str | None = None
    base: Any = None
    yours: Any = None
    theirs: Any = None


@dataclass
class ImportPlan:
    changed: list[tuple[str, str, Any, Any]] = field(default_factory=list)  # (task, key, old, new)
    added: list[str] = field(default_factory=list)
    #: Tasks the sheet does not show (deleted from it): kept, unless ``prune``.
    missing: list[str] = field(default_factory=list)
    #: Tasks removed because their rows were deleted (``prune``).
    removed: list[str] = field(default_factory=list)
    #: Tasks removed from the file since the export whose rows the workbook did not change.
    gone: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    pruned: bool = False
    #: Whether the workbook has a baseline (a three-way import) or not (two-way, as before).
    three_way: bool = False
    #: Whether the file changed since the workbook was exported (known only with a baseline).
    stale: bool = False
    problems: list[SheetProblem] = field(default_factory=list)
    text: str = ""
    #: The new text as the edit layer proved it (``None`` when nothing changed).
    document: Document | None = None

    @property
    def changes(self) -> int:
        return len(self.changed) + len(self.added) + len(self.removed)


def read_workbook(path: Path) -> tuple[str, list[tuple[Any, ...]], Baseline | None]:
    """The first sheet's title and rows, and the baseline the workbook carries (``None`` without one).

    One pass of the bounded reader (:func:`dxkit.workbook.read_sheets`) gives both: the limits
    that protect the visible sheet protect the hidden one too. A baseline cell that cannot be
    read is a damaged baseline, refused with its row (:func:`parse_baseline`).
    """
    sheets = workbook.read_sheets(path)
    visible = [(title, rows) for title, state, rows in sheets if state == "visible"] or [
        (title, rows) for title, _state, rows in sheets
    ]
    if not visible:
        raise UsageError("import.empty", sheet=shown(str(path)))
    title, rows = visible[0]
    hidden = next((rows for name, _state, rows in sheets if name == BASELINE_TITLE), None)
    if hidden is None:
        return title, rows, None
    for number, row in enumerate(hidden, start=1):
        if any(isinstance(cell, BadCell) for cell in row):
            raise UsageError("import.bad_baseline", file=str(path), row=number, sheet=BASELINE_TITLE)
    return title, rows, parse_baseline(hidden, str(path))


def _trimmed(row: tuple[Any, ...]) -> tuple[Any, ...]:
    end = len(row)
    while end and (row[end - 1] is None or row[end - 1] == ""):
        end -= 1
    return row[:end]


def parse_baseline(rows: list[tuple[Any, ...]], file: str) -> Baseline:
    """A baseline from the rows of its sheet (layout: :func:`dxkit.sheet.baseline_rows`).

    A damaged baseline is refused with the row where it goes wrong: comparing with a baseline
    that cannot be trusted could undo a colleague's edit, which is what the baseline prevents.
    """

    def damaged(row: int) -> UsageError:
        return UsageError("import.bad_baseline", file=file, row=row, sheet=BASELINE_TITLE)

    if len(rows) < 3:
        raise damaged(len(rows) + 1)
    head = _trimmed(rows[0])
    if len(head) < 3 or head[0] != BASELINE_TITLE:
        raise damaged(1)
    version, kind = head[1], head[2]
    if isinstance(version, bool) or not isinstance(version, int | float | str):
        raise damaged(1)
    try:
        number = int(float(version))
    except ValueError:
        raise damaged(1) from None
    if number > BASELINE_VERSION:
        raise UsageError("import.baseline_newer", file=file, version=number)
    if number < 1 or kind not in SHEETS:
        raise damaged(1)
    sources_row = _trimmed(rows[1])
    if not sources_row or sources_row[0] != "sources" or len(sources_row) % 2 != 1:
        raise damaged(2)
    pairs = sources_row[1:]
    if not all(isinstance(cell, str) for cell in pairs):
        raise damaged(2)
    sources = {str(pairs[i]): str(pairs[i + 1]) for i in range(0, len(pairs), 2)}
    keys = _trimmed(rows[2])
    known = {column.key for column in SHEETS[str(kind)][1]}
    if "id" not in keys or len(set(keys)) != len(keys) or not all(key in known for key in keys):
        raise damaged(3)
    id_at = keys.index("id")
    entries: dict[str, tuple[Any, ...]] = {}
    for number_of_row, raw in enumerate(rows[3:], start=4):
        cells = _trimmed(raw)
        if not cells:
            continue
        if len(cells) > len(keys):
            raise damaged(number_of_row)
        cells = cells + (None,) * (len(keys) - len(cells))
        entry_id = cells[id_at]
        if not isinstance(entry_id, str) or not entry_id.strip() or entry_id.strip() in entries:
            raise damaged(number_of_row)
        entries[entry_id.strip()] = cells
    return Baseline(str(kind), sources, tuple(str(key) for key in keys), entries)


def _same(a: Any, b: Any) -> bool:
    if a == b:  # the common case: the same canonical value on both sides
        return True

    def norm(v: Any) -> Any:
        if isinstance(v, str):
            return v.strip()
        if isinstance(v, list) and len(v) == 1:
            return norm(v[0])
        return v

    same: bool = norm(a) == norm(b)
    return same


def _letter(index: int) -> str:
    return workbook.column_letter(index + 1)


def plan_import(
    sheet_title: str,
    table: list[tuple[Any, ...]],
    roles: Document,
    text: str,
    consortium: Consortium | None,
    *,
    prune: bool = False,
    baseline: Baseline | None = None,
    lang: str = "ja",
) -> ImportPlan:
    """What importing the sheet changes in ``roles.yaml`` (``text``, loaded as ``roles``).

    ``consortium`` gives the members whose names and ids member cells may hold (``None``: any
    id). With a ``baseline`` the import is three-way (see the module's description), without one
    it compares the sheet with the file as it is now. Messages about cells list choices in ``lang``.
    """
    plan = ImportPlan(pruned=prune)
    sheet_title = shown(sheet_title)  # the title is only ever shown in messages
    if not table:
        raise UsageError("import.empty", sheet=sheet_title)
    if baseline is not None and baseline.kind != "roles":
        raise UsageError("import.wrong_kind", sheet=sheet_title, kind=baseline.kind)
    keys = [None if isinstance(cell, BadCell) else header_key("roles", cell) for cell in table[0]]
    if "id" not in keys:
        raise UsageError("import.no_id", sheet=sheet_title)
    present = {key: i for i, key in enumerate(keys) if key in COLUMNS}
    reader = CellReader(lang, consortium)
    sheet_rows: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for number, raw in enumerate(table[1:], start=2):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw):
            continue
        values: dict[str, Any] = {}
        for key, index in present.items():
            column = COLUMNS[key]
            cell = raw[index] if index < len(raw) else None
            error: str | None
            if isinstance(cell, BadCell):
                value, error, params = None, cell.msg_id, dict(cell.params)
            else:
                value, error, params = reader.read(cell, column, _allowed(key))
            if error:
                # What the workbook holds is cut to a message's length; the choices and the
                # suggestion come from the schemas and members.yaml and are shown whole.
                shown_params = {
                    name: shown(v) if isinstance(v, str) and name not in _WHOLE else v for name, v in params.items()
                }
                plan.problems.append(SheetProblem(sheet_title, number, _letter(index), error, shown_params))
            values[key] = value
        task_id = values.get("id")
        if task_id in sheet_rows:
            plan.problems.append(
                SheetProblem(sheet_title, number, _letter(present["id"]), "sheet.duplicate_id", {"value": task_id})
            )
        if task_id:
            sheet_rows[task_id] = values
            order.append(task_id)
    if plan.problems:
        return plan

    base = _Base(baseline)
    plan.three_way = baseline is not None
    plan.stale = baseline is not None and source_digest(roles.text) not in baseline.sources.values()
    editor = editor_for(roles, text)
    tasks = roles.data["tasks"]
    index_of = {task["id"]: i for i, task in enumerate(tasks)}
    for task_id in order:
        values = sheet_rows[task_id]
        if task_id not in index_of:
            if base.has(task_id):  # exported, then removed from the file by someone else
                if base.unchanged(task_id, values):
                    plan.gone.append(task_id)
                else:
                    plan.conflicts.append(Conflict(task_id, "removed"))
                continue
            plan.added.append(task_id)
            editor.append(("tasks",), _task_dict(values))
            continue
        i = index_of[task_id]
        wanted = base.merge(task_id, values, tasks[i], plan.conflicts)
        _update_task(editor, ("tasks", i), tasks[i], wanted, plan)
    for i, task in enumerate(tasks):
        task_id = task["id"]
        if task_id in sheet_rows:
            continue
        if baseline is not None and not base.has(task_id):
            continue  # added to the file since the export: the workbook never saw it
        if not prune:
            plan.missing.append(task_id)
        elif base.has(task_id) and not base.unchanged(task_id, {key: get(task, COLUMNS[key]) for key in base.keys}):
            plan.conflicts.append(Conflict(task_id, "deleted"))
        else:
            plan.removed.append(task_id)
            editor.delete_item(("tasks",), i)
    edited = editor.apply()
    plan.text, plan.document = edited.text, edited.document
    return plan


class _Base:
    """The baseline's values, read as the sheet's cells are, to compare per cell."""

    def __init__(self, baseline: Baseline | None) -> None:
        self.keys = [key for key in (baseline.keys if baseline else ()) if key in COLUMNS]
        self._rows = baseline.rows if baseline else {}
        self._at = {key: i for i, key in enumerate(baseline.keys)} if baseline else {}
        self.known = baseline is not None
        #: Baseline cells of the columns whose values repeat (codes, members, dates), read once each.
        self._read: dict[tuple[str, type, Any], Any] = {}

    def has(self, task_id: str) -> bool:
        return task_id in self._rows

    def value(self, task_id: str, key: str) -> Any:
        """The value the cell held at export (``None`` when the task was not exported)."""
        row = self._rows.get(task_id)
        if row is None:
            return None
        column = COLUMNS[key]
        raw = row[self._at[key]]
        if column.kind == "text":
            if raw.__class__ is str and raw.strip():
                return raw.strip()  # what _value gives for text, as parse_cell reads it
            return self._value(raw, column, key)
        memo = (key, type(raw), raw)
        if memo not in self._read:
            self._read[memo] = self._value(raw, column, key)
        value = self._read[memo]
        return list(value) if isinstance(value, list) else value

    @staticmethod
    def _value(raw: Any, column: Column, key: str) -> Any:
        value, error, _ = parse_cell(raw, column, _allowed(key), None)
        if error is None:
            return value
        return None if raw is None else str(raw).strip()

    def unchanged(self, task_id: str, values: dict[str, Any]) -> bool:
        """Whether every value the baseline knows is still what it held at export."""
        return all(_same(values.get(key), self.value(task_id, key)) for key in self.keys if key in values)

    def merge(
        self, task_id: str, values: dict[str, Any], task: dict[str, Any], conflicts: list[Conflict]
    ) -> dict[str, Any]:
        """The sheet's values to write into ``task``, three-way where the baseline knows the cell."""
        if not self.known:
            return values
        wanted: dict[str, Any] = {}
        for key, yours in values.items():
            if key not in self._at:
                wanted[key] = yours  # a column the baseline does not hold: as before
                continue
            before = self.value(task_id, key)
            if _same(yours, before):
                continue  # not changed in the workbook: the file's value stands
            theirs = get(task, COLUMNS[key])
            if _same(theirs, before) or _same(theirs, yours):
                wanted[key] = yours
            else:
                conflicts.append(Conflict(task_id, "cell", key, before, yours, theirs))
        return wanted


def _update_task(
    editor: Editor, path: TaskPath, task: dict[str, Any], values: dict[str, Any], plan: ImportPlan
) -> None:
    """Edit one task where the sheet differs from it; nested fields (``delay.reason``) as a group."""
    nested: dict[str, dict[str, Any]] = {}  # parent -> {child: new value, None to remove}
    for key, new in values.items():
        column = COLUMNS[key]
        old = get(task, column)
        if _same(old, new):
            continue
        plan.changed.append((task["id"], key, old, new))
        if len(column.path) == 2:
            parent, child = column.path
            nested.setdefault(parent, {})[child] = new
            continue
        name = column.path[0]
        if new is None:
            if name in task:
                editor.delete_key(path, name)
        elif name in task:
            editor.set((*path, name), new)
        else:
            editor.add_key(path, name, new)
    for parent, changes in nested.items():
        old_group = task.get(parent)
        if not isinstance(old_group, dict):
            group = {child: value for child, value in changes.items() if value is not None}
            if not group:
                continue
            if parent in task:
                editor.set((*path, parent), group)
            else:
                editor.add_key(path, parent, group)
            continue
        final = {**old_group, **changes}
        if all(value is None for value in final.values()):
            editor.delete_key(path, parent)
            continue
        for child, value in changes.items():
            if value is None:
                if child in old_group:
                    editor.delete_key((*path, parent), child)
            elif child in old_group:
                editor.set((*path, parent, child), value)
            else:
                editor.add_key((*path, parent), child, value)


def _task_dict(values: dict[str, Any]) -> dict[str, Any]:
    """A new task in the sheet's column order, without its empty cells."""
    task: dict[str, Any] = {}
    for column in ROLE_COLUMNS:
        value = values.get(column.key)
        if value is None:
            continue
        if len(column.path) == 2:
            parent, child = column.path
            task.setdefault(parent, {})[child] = value
        else:
            task[column.key] = value
    return task
