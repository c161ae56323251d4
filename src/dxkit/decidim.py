"""Decidim's own file formats, read and written without a Decidim server.

Two formats cross the border:

* **the open-data export of proposals**, which a Decidim organisation publishes as a ZIP
  (one CSV or JSON file per kind of resource). Each row is what Decidim's proposal serializer
  writes, with nested keys flattened by ``/``: ``id``, ``title/ja``, ``body/ja``, ``state``,
  ``reference``, ``url``, ``published_at``, ``category/name/ja``, ``scope/name/ja``,
  ``supports``, ``comments`` and more. :func:`read_proposals` reads the ZIP itself, or the CSV
  or JSON taken out of it.
* **the admin import of accountability results** (``Decidim::Accountability::ResultsCsvImporter``):
  a CSV with the columns of :data:`RESULT_COLUMNS`, separated by Decidim's default ``;``.
  :mod:`dxkit.render.decidim_results` writes it; :func:`read_results` reads it back with the
  same table reader as the proposals, so what dxkit writes is proven to parse.

Every file is hostile. Nothing is ever extracted to disk (so no member name can point outside
a folder), and the work is bounded before it starts, in the style of :mod:`dxkit.workbook`:
the ZIP's central directory is measured from its end record before :mod:`zipfile` parses it,
then every member's declared size, and the sizes again while unpacking, in case the directory
lies; a CSV or JSON file is bounded in bytes, rows, columns and characters per cell. The CSV
separator is found from the header line (Decidim's is configurable, ``;`` by default), a
byte-order mark is dropped, and a row that cannot be used is reported by row and column
together with every other such row, not by the first exception.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import IO, Any

from dxkit.errors import UsageError, read_error
from dxkit.workbook import directory_extent, open_regular, shown, shown_size

# -- limits ---------------------------------------------------------------------------------------

#: Bytes of a CSV or JSON file, on disk or unpacked from the ZIP.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Members of the open-data ZIP (Decidim writes one or two per kind of resource).
MAX_MEMBERS = 1_000
#: Bytes of the ZIP's central directory.
MAX_DIRECTORY_BYTES = 1024 * 1024
#: Unpacked bytes of all members together, as the directory declares them.
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
#: Rows of one file (proposals or results).
MAX_ROWS = 50_000
#: Columns of one file (every translated field adds a column per language).
MAX_COLUMNS = 2_000
#: Characters of one cell.
MAX_CELL_CHARS = 200_000
#: Nesting of one JSON record (Decidim's serializer nests three levels deep).
MAX_JSON_DEPTH = 16

_CHUNK = 64 * 1024
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_SEPARATORS = (";", ",", "\t")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_INTEGER = re.compile(r"^\d{1,15}$")

#: Decidim's proposal states, as dxkit records them (``source.state`` in issues.yaml).
STATES = ("not_answered", "evaluating", "accepted", "rejected", "withdrawn", "other")
#: The states after which a proposal is no open issue.
CLOSED_STATES = frozenset({"rejected", "withdrawn"})

#: The columns ``Decidim::Accountability::ResultsCsvImporter`` reads, in the order dxkit writes
#: them; ``{lang}`` is a locale of the organisation. ``status/id`` and ``category/id`` are ids of
#: the receiving Decidim, which a file made elsewhere cannot know, so dxkit leaves them empty.
RESULT_COLUMNS = (
    "id",
    "title/{lang}",
    "description/{lang}",
    "start_date",
    "end_date",
    "status/id",
    "progress",
    "parent/id",
    "category/id",
    "proposal_urls",
)
#: What Decidim's importer reads between two proposal URLs in ``proposal_urls``.
URL_SEPARATOR = ";"
#: The separator of the results file: ``Decidim.default_csv_col_sep``.
RESULT_SEPARATOR = ";"


@dataclass(frozen=True)
class BadRow:
    """A row, and the column in it, that could not be used; the message id says why."""

    row: int
    column: str
    msg_id: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Proposal:
    """One proposal of a Decidim open-data export, with what dxkit keeps of it."""

    row: int
    id: int
    title: str
    body: str | None
    state: str
    reference: str | None
    url: str | None
    published_at: dt.date | None
    supports: int | None
    comments: int | None
    category: str | None
    scope: str | None


@dataclass(frozen=True)
class Proposals:
    """What an export held: the proposals, the rows that could not be used, the amendments skipped."""

    file: str
    proposals: list[Proposal]
    problems: list[BadRow]
    amendments: int = 0


@dataclass(frozen=True)
class Result:
    """One row of an accountability results file, as Decidim's importer reads it."""

    row: int
    title: str
    description: str
    start_date: dt.date | None
    end_date: dt.date | None
    progress: float | None
    proposal_urls: tuple[str, ...]


# -- text -----------------------------------------------------------------------------------------


class _PlainText(HTMLParser):
    """The text of a Decidim rich-text field: tags dropped, paragraphs and breaks kept as lines."""

    _BREAKS = frozenset({"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(text: str) -> str:
    """A Decidim text as plain lines: markup removed, entities read, blank lines collapsed."""
    if "<" in text or "&" in text:
        parser = _PlainText()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- reading a file -------------------------------------------------------------------------------


def _read_bounded(stream: IO[bytes], file: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """All bytes of ``stream``, refused as soon as they pass ``limit``."""
    chunks: list[bytes] = []
    read = 0
    while chunk := stream.read(_CHUNK):
        read += len(chunk)
        if read > limit:
            raise UsageError("decidim.too_large", file=file, limit=shown_size(limit))
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(raw: bytes, file: str) -> str:
    """Text of a CSV or JSON file: UTF-8 with or without a byte-order mark, or UTF-16 with one."""
    try:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            return raw.decode("utf-16")
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError("decidim.encoding", file=file, offset=exc.start) from None


def _member_name(name: str) -> bool:
    """Whether a ZIP member's name is a plain relative path (never used to write, only to choose)."""
    path = PurePosixPath(name.replace("\\", "/"))
    return bool(name) and not path.is_absolute() and ".." not in path.parts and ":" not in name


def _from_zip(path: Path, stream: IO[bytes], want: tuple[str, ...]) -> tuple[str, bytes]:
    """``(member name, bytes)`` of the one member of the ZIP whose name ends with one of ``want``."""
    file = str(path)
    members, size = directory_extent(stream, file)
    if members > MAX_MEMBERS:
        raise UsageError("decidim.zip_members", file=file, found=f"{members:,}", limit=f"{MAX_MEMBERS:,}")
    if size > MAX_DIRECTORY_BYTES:
        raise UsageError(
            "decidim.zip_directory", file=file, found=shown_size(size), limit=shown_size(MAX_DIRECTORY_BYTES)
        )
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise UsageError("decidim.bad_zip", file=file, detail=shown(exc)) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UsageError("decidim.zip_members", file=file, found=f"{len(infos):,}", limit=f"{MAX_MEMBERS:,}")
        total = sum(info.file_size for info in infos)
        if total > MAX_TOTAL_BYTES:
            raise UsageError("decidim.too_large", file=file, limit=shown_size(MAX_TOTAL_BYTES))
        found = [
            info
            for info in infos
            if not info.is_dir() and _member_name(info.filename) and info.filename.lower().endswith(want)
        ]
        if len(found) > 1:  # the same resource in several formats: the CSV, which Decidim always writes
            found = [info for info in found if info.filename.lower().endswith(".csv")] or found
        if len(found) != 1:
            names = ", ".join(shown(info.filename) for info in infos[:20]) or "-"
            msg = "decidim.zip_none" if not found else "decidim.zip_several"
            raise UsageError(msg, file=file, want=" / ".join(want), members=names)
        info = found[0]
        if info.file_size > MAX_FILE_BYTES:
            raise UsageError(
                "decidim.too_large", file=f"{file}:{shown(info.filename)}", limit=shown_size(MAX_FILE_BYTES)
            )
        try:
            with archive.open(info) as member:
                data = _read_bounded(member, f"{file}:{shown(info.filename)}")
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
            raise UsageError("decidim.bad_zip", file=file, detail=shown(exc)) from None
        return info.filename, data


def _read_source(path: Path, want: tuple[str, ...]) -> tuple[str, str, bool]:
    """``(name shown in messages, text, is JSON)`` of a CSV, a JSON file or the ZIP holding one."""
    stream = open_regular(path, not_a_file="decidim.not_a_file")
    with stream:
        head = stream.read(4)
        stream.seek(0)
        if head.startswith(_ZIP_MAGIC):
            name, raw = _from_zip(path, stream, want)
            shown_name = f"{path}:{shown(name)}"
            is_json = name.lower().endswith(".json")
        else:
            try:
                raw = _read_bounded(stream, str(path))
            except OSError as exc:
                raise read_error(exc, str(path)) from None
            shown_name = str(path)
            is_json = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{")
    return shown_name, _decode(raw, shown_name), is_json


def detect_separator(header: str) -> str:
    """The separator of a CSV file, from its header line: the one of ``;``, ``,`` and tab it uses most."""
    counts = {sep: header.count(sep) for sep in _SEPARATORS}
    best = max(_SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ";"


def _csv_records(text: str, file: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and the records of a CSV text, each record with its row number (the header is 1)."""
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_separator(first), strict=True)
    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL_CHARS)
    try:
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise UsageError("decidim.bad_csv", file=file, row=1, detail=shown(exc)) from None
        if not header:
            raise UsageError("decidim.empty", file=file)
        if len(header) > MAX_COLUMNS:
            raise UsageError("decidim.too_many_columns", file=file, found=len(header), limit=MAX_COLUMNS)
        records: list[tuple[int, list[str]]] = []
        row = 1
        while True:
            row += 1
            try:
                record = next(reader, None)
            except csv.Error as exc:
                raise UsageError("decidim.bad_csv", file=file, row=row, detail=shown(exc)) from None
            if record is None:
                break
            if len(records) >= MAX_ROWS:
                raise UsageError("decidim.too_many_rows", file=file, limit=f"{MAX_ROWS:,}")
            if any(cell.strip() for cell in record):
                records.append((row, record))
    finally:
        csv.field_size_limit(previous)
    return [h.strip() for h in header], iter(records)


def _flatten(value: Any, prefix: str, out: dict[str, str], depth: int) -> None:
    """Decidim's CSV flattening of one JSON value: nested keys joined by ``/``."""
    if depth > MAX_JSON_DEPTH:
        raise ValueError("nested too deeply")
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, f"{prefix}/{key}" if prefix else str(key), out, depth + 1)
    elif isinstance(value, list):
        out[prefix] = URL_SEPARATOR.join(str(v) for v in value if not isinstance(v, dict | list))
    elif value is None:
        out[prefix] = ""
    elif isinstance(value, bool):
        out[prefix] = "true" if value else "false"
    else:
        out[prefix] = str(value)


def _json_records(text: str, file: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Each record of a JSON export (a list of objects), flattened, numbered from 1."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise UsageError("decidim.bad_json", file=file, detail=shown(exc)) from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise UsageError("decidim.not_a_list", file=file)
    if len(data) > MAX_ROWS:
        raise UsageError("decidim.too_many_rows", file=file, limit=f"{MAX_ROWS:,}")
    for number, item in enumerate(data, start=1):
        flat: dict[str, str] = {}
        try:
            _flatten(item, "", flat, 0)
        except ValueError:
            raise UsageError("decidim.bad_json", file=file, detail=f"#{number}: nested too deeply") from None
        yield number, flat


def _rows(path: Path, want: tuple[str, ...]) -> tuple[str, list[tuple[int, dict[str, str]]], bool]:
    """``(file, rows by header, is JSON)``: every record of a Decidim file as a flat mapping."""
    file, text, is_json = _read_source(path, want)
    if is_json:
        return file, list(_json_records(text, file)), True
    header, records = _csv_records(text, file)
    rows = []
    for row, record in records:
        if len(record) > len(header):
            raise UsageError("decidim.row_too_long", file=file, row=row, found=len(record), columns=len(header))
        rows.append((row, dict(zip(header, record, strict=False))))
    return file, rows, False


# -- proposals ------------------------------------------------------------------------------------


def _localised(row: Mapping[str, str], key: str, lang: str) -> str:
    """A translated field in ``lang``, else its machine translation, else the first language that has it."""
    for column in (f"{key}/{lang}", f"{key}/machine_translations/{lang}"):
        if row.get(column, "").strip():
            return row[column]
    prefix = f"{key}/"
    for column, value in row.items():
        if column.startswith(prefix) and value.strip():
            return value
    return row.get(key, "")


def _state(row: Mapping[str, str]) -> str:
    if row.get("withdrawn", "").strip().lower() == "true" or row.get("withdrawn_at", "").strip():
        return "withdrawn"
    state = row.get("state", "").strip()
    if state in ("", "not_answered"):
        return "not_answered"
    return state if state in STATES else "other"


def _date(row: int, column: str, value: str, problems: list[BadRow]) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    match = _DATE.match(value)
    try:
        if match is None:
            raise ValueError(value)
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        problems.append(BadRow(row, column, "decidim.bad_date", {"value": shown(value)}))
        return None


def _count(row: int, column: str, value: str, problems: list[BadRow]) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not _INTEGER.match(value):
        problems.append(BadRow(row, column, "decidim.bad_count", {"value": shown(value)}))
        return None
    return int(value)


def read_proposals(path: Path, lang: str = "ja") -> Proposals:
    """The proposals of a Decidim open-data export (the ZIP, or its proposals CSV or JSON).

    ``lang`` chooses which translation of a title, body, category and scope is kept. Rows that
    cannot be used are listed in :attr:`Proposals.problems`; the caller writes nothing when
    there are any. Amendments (``is_amend``) are changes to another proposal, not proposals of
    their own, and are counted but not kept.
    """
    file, rows, is_json = _rows(path, ("proposals.csv", "proposals.json"))
    if not is_json and rows:
        columns = rows[0][1].keys()
        if "id" not in columns or not any(c == "title" or c.startswith("title/") for c in columns):
            raise UsageError("decidim.not_proposals", file=file)
    problems: list[BadRow] = []
    proposals: list[Proposal] = []
    seen: dict[int, int] = {}
    amendments = 0
    for row, values in rows:
        if values.get("is_amend", "").strip().lower() == "true":
            amendments += 1
            continue
        raw_id = values.get("id", "").strip()
        if not _INTEGER.match(raw_id) or int(raw_id) < 1:
            problems.append(BadRow(row, "id", "decidim.bad_id", {"value": shown(raw_id)}))
            continue
        number = int(raw_id)
        if number in seen:
            problems.append(BadRow(row, "id", "decidim.duplicate_id", {"value": number, "first": seen[number]}))
            continue
        seen[number] = row
        title = _one_line(plain_text(_localised(values, "title", lang)))
        if not title:
            column = (
                f"title/{lang}"
                if f"title/{lang}" in values
                else next((c for c in values if c.startswith("title/")), "title")
            )
            problems.append(BadRow(row, column, "decidim.no_title", {}))
            continue
        body = plain_text(_localised(values, "body", lang))
        proposals.append(
            Proposal(
                row=row,
                id=number,
                title=title,
                body=body or None,
                state=_state(values),
                reference=_one_line(values.get("reference", "")) or None,
                url=_one_line(values.get("url", "")) or None,
                published_at=_date(row, "published_at", values.get("published_at", ""), problems),
                supports=_count(row, "supports", values.get("supports", ""), problems),
                comments=_count(row, "comments", values.get("comments", ""), problems),
                category=_one_line(plain_text(_localised(values, "category/name", lang))) or None,
                scope=_one_line(plain_text(_localised(values, "scope/name", lang))) or None,
            )
        )
    return Proposals(file, sorted(proposals, key=lambda p: p.id), problems, amendments)


# -- accountability results -----------------------------------------------------------------------


def result_columns(lang: str) -> list[str]:
    """The header of a results file for an organisation whose default locale is ``lang``."""
    return [column.format(lang=lang) for column in RESULT_COLUMNS]


def _unformula(text: str) -> str:
    """A cell as it was before :func:`dxkit.escape.csv_text` guarded it against formulas."""
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\n") else text


def read_results(path: Path, lang: str = "ja") -> tuple[list[Result], list[BadRow]]:
    """The rows of an accountability results CSV, read as Decidim's admin import reads them."""
    _, rows, _ = _rows(path, ("results.csv",))
    problems: list[BadRow] = []
    results: list[Result] = []
    for row, values in rows:
        cells = {key: _unformula(value) for key, value in values.items()}
        title = cells.get(f"title/{lang}", "").strip()
        if not title:
            problems.append(BadRow(row, f"title/{lang}", "decidim.no_title", {}))
            continue
        progress_text = cells.get("progress", "").strip()
        progress: float | None = None
        if progress_text:
            try:
                progress = float(progress_text)
            except ValueError:
                problems.append(BadRow(row, "progress", "decidim.bad_count", {"value": shown(progress_text)}))
        urls = tuple(u.strip() for u in cells.get("proposal_urls", "").split(URL_SEPARATOR) if u.strip())
        results.append(
            Result(
                row=row,
                title=title,
                description=plain_text(cells.get(f"description/{lang}", "")),
                start_date=_date(row, "start_date", cells.get("start_date", ""), problems),
                end_date=_date(row, "end_date", cells.get("end_date", ""), problems),
                progress=progress,
                proposal_urls=urls,
            )
        )
    return results, problems
