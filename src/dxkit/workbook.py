"""Read an Excel workbook (.xlsx) that came from anywhere, with the work bounded before it starts.

``dxkit import`` reads a workbook someone sent, edited or made up. This module never trusts it:

1. **By content, not by name.** The file must be a regular file that starts like a zip archive
   (``PK\\x03\\x04``) and holds the parts every workbook has (``[Content_Types].xml``,
   ``xl/workbook.xml``). A text file (a CSV), an old ``.xls`` or a password-protected workbook,
   an OpenDocument sheet or any other file gets a message that says what it is and what to do.
2. **Limits before reading.** The zip directory is checked before any XML is read: its size and
   number of members (read from the end record, before :mod:`zipfile` parses the directory), the
   unpacked size of every member and of all of them. The same limits are enforced again while
   unpacking, in case the directory lies; a run of bytes without markup is bounded too, so no
   attribute or text can fill memory inside one XML token. While reading, the declared
   ``<dimension>`` and the actual rows, columns, cells, shared strings and XML elements are
   counted against their limits. Every limit is a named constant below.
3. **Hardened XML.** Every part is parsed by :mod:`defusedxml` (expat underneath) with document
   type declarations refused: entity expansion ("billion laughs") and external entities never
   run; no workbook written by Excel, LibreOffice or openpyxl has a DTD.
4. **Bad cells are values, not exceptions.** A cell that cannot be read (a date that does not
   exist, a number cell holding ``abc``, a shared-string index out of range, a formula, an error
   value, text longer than a cell may hold) becomes a :class:`BadCell` in its place, so the caller
   reports it by sheet, row and column, together with every other bad cell, and only where it
   uses that column.

Why not openpyxl, which dxkit uses to *write* workbooks: in read-only mode it trusts the declared
dimension (a 7 KB file declaring ``A1:XFD1048576`` with a value in its last cell makes it fill a
million rows of 16,384 cells each),
it has no limit on unpacked sizes or on the length of a shared string (1 MiB on disk became 1 GiB
of text), and it raises in the middle of a row on the first bad cell (``ValueError`` for
``2026-02-30`` or ``abc``, ``IndexError`` for a shared string out of range), which loses the
row, the column and every other bad cell. It is slower too: the 10,000-task role matrix took
2.7 s of CPU in read-only mode (with defusedxml, which makes its ``iterparse`` pure Python), this
reader 0.9 s. Reading the handful of parts an import needs is small; openpyxl still decides which
number formats are dates and converts Excel serial numbers.

**Formulas** (``<f>``) are never evaluated and their cached values are not used: a cached value
may be stale or absent (openpyxl and other writers store none), so reading it could silently
empty or change a field. A formula cell becomes :class:`BadCell` ``workbook.formula`` ("type the
value"). The workbooks ``dxkit import`` reads (roles, issues) never contain one: text cells are
written as text, whatever they begin with. Only the cost plan's sheet holds formulas, dxkit's own
sums, and it is not read back.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import posixpath
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, NoReturn
from xml.sax import SAXParseException
from xml.sax.xmlreader import IncrementalParser

if TYPE_CHECKING:
    from pyexpat import XMLParserType

from dxkit.errors import InputError, UsageError, read_error

# -- limits ---------------------------------------------------------------------------------------
# Each is far above what dxkit's own largest exports need: a 10,000-task role matrix (the largest
# consortium dxkit is built and measured for; a roles.yaml of the benchmark shape reaches the
# 5 MiB cap of one file at about 14,000 tasks) is one sheet of 10,001 rows, 16 columns,
# 9.3 MB of sheet XML, about 400,000 XML elements, in a zip of 10 members and 0.7 MB.

#: Members of the zip archive (a workbook has about 10; pictures and comments add a few each).
MAX_MEMBERS = 1_000
#: Bytes of the zip's central directory, read before it is parsed (about 60 bytes per member).
MAX_DIRECTORY_BYTES = 1024 * 1024
#: Unpacked bytes of any one member, as the directory states it and as it is unpacked.
MAX_PART_BYTES = 64 * 1024 * 1024
#: Unpacked bytes of all members together, as the directory states them.
MAX_TOTAL_BYTES = 256 * 1024 * 1024
#: Bytes in one stretch without ``<`` or ``>``: the longest attribute or piece of text one XML token
#: may hold (a cell holds at most 32,767 characters, at most 128 KiB in UTF-8).
MAX_TOKEN_BYTES = 1024 * 1024
#: Rows of one sheet, the header included (twice the 10,000-task role matrix).
MAX_ROWS = 20_000
#: Columns of one sheet (dxkit writes 16; the old Excel limit, ``IV``, leaves room for notes).
MAX_COLUMNS = 256
#: Worksheets listed by the workbook.
MAX_SHEETS = 256
#: Cells held in memory across the sheets read: each row counts up to its last value.
MAX_CELLS = 1_000_000
#: Shared strings (no workbook needs more distinct texts than it has cells).
MAX_SHARED_STRINGS = MAX_CELLS
#: XML elements across every part read: a text cell takes three, so 20,000 rows of 16 text cells
#: take about 1,000,000. It bounds the time of any read (about 2.5 µs of CPU an element).
MAX_XML_ELEMENTS = 1_200_000
#: Characters of one cell's text: Excel's own limit.
MAX_CELL_CHARS = 32_767
#: Characters of a cell's value repeated in a message.
SHOWN_CHARS = 80

SheetState = Literal["visible", "hidden", "veryHidden"]
Row = tuple[Any, ...]

_CHUNK = 64 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any password-protected .xlsx
_REQUIRED = ("[Content_Types].xml", "xl/workbook.xml")
_WORKBOOK = "xl/workbook.xml"
_RELS = "xl/_rels/workbook.xml.rels"
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?")
_INTEGER = re.compile(r"[+-]?\d{1,15}")
#: Built-in number formats Excel keeps for East Asian dates (ECMA-376 Part 1, 18.8.30); openpyxl
#: lists only the Western ones.
_EAST_ASIAN_DATE_FORMATS = frozenset({*range(27, 32), *range(34, 37), *range(50, 59)})
_STATES: tuple[SheetState, ...] = ("visible", "hidden", "veryHidden")


@dataclass(frozen=True)
class BadCell:
    """A cell that could not be read as a value: the message id and parameters that say why."""

    msg_id: str
    params: Mapping[str, Any] = field(default_factory=dict)


def shown(value: object) -> str:
    """A value as a message repeats it: at most :data:`SHOWN_CHARS` characters."""
    text = str(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def read_sheet(path: Path) -> tuple[str, list[Row]]:
    """The first worksheet's title and its rows (row 1 first; a cell is ``None`` when empty).

    Rows are positioned by their number (an empty row is ``()``) and hold their cells up to the
    last one with a value. A cell that could not be read is a :class:`BadCell`.
    """
    sheets = _Reader(path).read(first_only=True)
    title, _, rows = sheets[0]
    return title, rows


def read_sheets(path: Path) -> list[tuple[str, SheetState, list[Row]]]:
    """Every worksheet in the workbook's order: title, state (visible/hidden/veryHidden), rows."""
    return _Reader(path).read(first_only=False)


# -- the archive ----------------------------------------------------------------------------------


def shown_size(n: int) -> str:
    """A byte count as a person reads it: ``512 B``, ``64.0 MiB``, ``1.0 GiB``."""
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{n} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def open_regular(path: Path, *, not_a_file: str = "workbook.not_a_file") -> IO[bytes]:
    """Open ``path`` for reading only if it is a regular file: a FIFO or a device never blocks.

    ``not_a_file`` is the message for a path that is neither a file nor a folder (a device, a pipe).
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise read_error(exc, str(path)) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("read.is_folder", path=str(path))
        if not stat.S_ISREG(mode):
            raise UsageError(not_a_file, file=str(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _looks_like_text(head: bytes) -> bool:
    """Whether the first bytes of a file read as text (a CSV in UTF-8, UTF-16 or Shift_JIS)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return bool(head) and b"\x00" not in head


def directory_extent(stream: IO[bytes], file: str) -> tuple[int, int]:
    """``(members, bytes)`` of the central directory, from the zip's end record.

    Read before :class:`zipfile.ZipFile` parses the directory, so that a directory of millions
    of entries is refused without building them.
    """
    end = stream.seek(0, io.SEEK_END)
    tail_start = max(0, end - (22 + 65_535))
    stream.seek(tail_start)
    tail = stream.read()
    at = tail.rfind(_EMPTY_ZIP)
    if at < 0 or len(tail) - at < 22:
        raise UsageError("workbook.bad_zip", file=file, detail="no end of central directory")
    _, _, _, _, members, size, _, _ = struct.unpack("<4sHHHHIIH", tail[at : at + 22])
    if (members == 0xFFFF or size == 0xFFFFFFFF) and at >= 20:  # ZIP64: the real counts are elsewhere
        locator = tail[at - 20 : at]
        if locator[:4] == b"PK\x06\x07":
            (offset,) = struct.unpack("<Q", locator[8:16])
            stream.seek(offset)
            record = stream.read(56)
            if len(record) == 56 and record[:4] == b"PK\x06\x06":
                members, size = struct.unpack("<QQ", record[32:48])
    stream.seek(0)
    return members, size


class _Archive:
    """The zip archive of a workbook, checked against the limits before any part is read."""

    def __init__(self, path: Path) -> None:
        self.file = str(path)
        self.elements = 0  # XML elements read so far, across parts
        self.stream = open_regular(path)
        try:
            self._check_kind()
            self.zip = self._open_zip()
            self.infos = {info.filename.lower(): info for info in self.zip.infolist()}
            self._check_parts()
        except BaseException:
            self.stream.close()
            raise

    def close(self) -> None:
        self.zip.close()
        self.stream.close()

    def _check_kind(self) -> None:
        head = self.stream.read(4096)
        self.stream.seek(0)
        if head.startswith((_ZIP_MAGIC, _EMPTY_ZIP)):
            return
        if head.startswith(_OLE_MAGIC):
            raise UsageError("workbook.old_format", file=self.file)
        if _looks_like_text(head):
            raise UsageError("workbook.text_file", file=self.file)
        raise UsageError("workbook.not_xlsx", file=self.file)

    def _open_zip(self) -> zipfile.ZipFile:
        members, size = directory_extent(self.stream, self.file)
        if members > MAX_MEMBERS:
            raise UsageError(
                "workbook.too_many_members", file=self.file, found=f"{members:,}", limit=f"{MAX_MEMBERS:,}"
            )
        if size > MAX_DIRECTORY_BYTES:
            raise UsageError(
                "workbook.directory_too_large",
                file=self.file,
                found=shown_size(size),
                limit=shown_size(MAX_DIRECTORY_BYTES),
            )
        try:
            return zipfile.ZipFile(self.stream)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
            raise UsageError("workbook.bad_zip", file=self.file, detail=shown(exc)) from None

    def _check_parts(self) -> None:
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UsageError(
                "workbook.too_many_members", file=self.file, found=f"{len(infos):,}", limit=f"{MAX_MEMBERS:,}"
            )
        total = 0
        for info in infos:
            if info.file_size > MAX_PART_BYTES:
                raise UsageError(
                    "workbook.part_too_large",
                    file=self.file,
                    part=shown(info.filename),
                    found=shown_size(info.file_size),
                    limit=shown_size(MAX_PART_BYTES),
                )
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise UsageError(
                "workbook.too_large", file=self.file, found=shown_size(total), limit=shown_size(MAX_TOTAL_BYTES)
            )
        if "mimetype" in self.infos and "content.xml" in self.infos and "xl/workbook.xml" not in self.infos:
            raise UsageError("workbook.opendocument", file=self.file)
        for part in _REQUIRED:
            if part.lower() not in self.infos:
                raise UsageError("workbook.missing_part", file=self.file, part=part)

    def has(self, part: str) -> bool:
        return part.lower() in self.infos

    def chunks(self, part: str) -> Iterator[bytes]:
        """The unpacked bytes of ``part``, with the size and token limits enforced as they come."""
        info = self.infos[part.lower()]
        read = run = 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    read += len(chunk)
                    if read > MAX_PART_BYTES:
                        raise UsageError(
                            "workbook.part_too_large",
                            file=self.file,
                            part=shown(part),
                            found=f"> {shown_size(MAX_PART_BYTES)}",
                            limit=shown_size(MAX_PART_BYTES),
                        )
                    run = _markup_run(chunk, run)
                    if run > MAX_TOKEN_BYTES:
                        raise UsageError(
                            "workbook.token_too_long",
                            file=self.file,
                            part=shown(part),
                            limit=shown_size(MAX_TOKEN_BYTES),
                        )
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
            raise UsageError("workbook.damaged", file=self.file, part=shown(part), detail=shown(exc)) from None

    def parse(self, part: str, handler: _Handler) -> None:
        """Feed ``part`` through a defused XML parser into ``handler``."""
        from defusedxml import DefusedXmlException

        parser = _parser_for(handler)
        handler.archive, handler.part, handler.elements = self, part, self.elements
        try:
            for chunk in self.chunks(part):
                parser.feed(chunk)
            parser.close()
        except DefusedXmlException as exc:
            raise UsageError(
                "workbook.xml_entities", file=self.file, part=shown(part), detail=_declaration(exc)
            ) from None
        except SAXParseException as exc:
            raise UsageError(
                "workbook.bad_xml",
                file=self.file,
                part=shown(part),
                line=exc.getLineNumber(),
                column=exc.getColumnNumber(),
                detail=shown(exc.getMessage()),
            ) from None
        finally:
            self.elements = handler.elements


def _parser_for(handler: _Handler) -> IncrementalParser:
    """defusedxml's expat driver, with ``handler``'s element and text handlers on expat itself.

    The driver refuses document type declarations, entity declarations and external references
    (it installs those handlers in ``reset``). Its SAX layer would wrap every event in objects
    that cost more than the reading; the element and text handlers go straight to expat instead,
    the way defusedxml installs its own.
    """
    from defusedxml.expatreader import DefusedExpatParser

    class Parser(DefusedExpatParser):
        _parser: XMLParserType

        def reset(self) -> None:
            super().reset()
            expat = self._parser
            expat.buffer_text = True
            expat.StartElementHandler = handler.on_start
            expat.EndElementHandler = handler.on_end
            expat.CharacterDataHandler = handler.on_text

    return Parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)


def _declaration(exc: Exception) -> str:
    """What a refused document declared, as its XML reads: ``<!DOCTYPE lolz>``, ``<!ENTITY lol>``."""
    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

    if isinstance(exc, DTDForbidden):
        return shown(f"<!DOCTYPE {exc.name}>")
    if isinstance(exc, EntitiesForbidden):
        return shown(f"<!ENTITY {exc.name}>")
    if isinstance(exc, ExternalReferenceForbidden):
        return shown(f"SYSTEM {exc.sysid}")
    return type(exc).__name__


def _markup_run(chunk: bytes, run: int) -> int:
    """The bytes since the last ``<`` or ``>``, carried over from the chunks before."""
    last = max(chunk.rfind(b"<"), chunk.rfind(b">"))
    if last < 0:
        return run + len(chunk)
    starts = [i for i in (chunk.find(b"<"), chunk.find(b">")) if i >= 0]
    if run + min(starts) > MAX_TOKEN_BYTES:
        return run + min(starts)
    return len(chunk) - last - 1


# -- XML handlers -----------------------------------------------------------------------------------


def _local(name: str) -> str:
    """An element or attribute name without its prefix (``x:c`` -> ``c``)."""
    return name.rpartition(":")[2] if ":" in name else name


class _Handler:
    """Counts elements against :data:`MAX_XML_ELEMENTS` and collects bounded text.

    Names are compared without their prefix: writers differ in prefixes (``x:c``), and only
    elements inside the containers a handler knows are interpreted.
    """

    archive: _Archive
    part: str
    #: XML elements read so far across parts (the archive's count, kept here while a part is read).
    elements: int = 0

    def __init__(self) -> None:
        self._text: list[str] | None = None
        self._chars = 0

    def count(self) -> None:
        """One more element, against :data:`MAX_XML_ELEMENTS`."""
        self.elements += 1
        if self.elements > MAX_XML_ELEMENTS:
            archive = self.archive
            raise UsageError(
                "workbook.too_many_elements",
                file=archive.file,
                part=shown(self.part),
                limit=f"{MAX_XML_ELEMENTS:,}",
            )

    def on_start(self, name: str, attrs: dict[str, str]) -> None:
        self.count()
        self.start(_local(name), attrs)

    def on_end(self, name: str) -> None:
        self.end(_local(name))

    def on_text(self, content: str) -> None:
        if self._text is None:
            return
        room = MAX_CELL_CHARS + 1 - self._chars
        if room > 0:
            self._text.append(content[:room])
        self._chars += len(content)

    def collect(self) -> None:
        """Start collecting text (or keep collecting, for the runs of one rich text)."""
        if self._text is None:
            self._text, self._chars = [], 0

    def collected(self) -> str | BadCell:
        """The text collected since :meth:`collect`; a :class:`BadCell` when it is too long."""
        parts, chars = self._text or [], self._chars
        self._text, self._chars = None, 0
        if chars > MAX_CELL_CHARS:
            return BadCell("workbook.text_too_long", {"length": f"{chars:,}", "limit": f"{MAX_CELL_CHARS:,}"})
        return "".join(parts)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """One element starts (its local name)."""

    def end(self, name: str) -> None:
        """One element ends (its local name)."""


def _attr(attrs: dict[str, str], local: str) -> str | None:
    """An attribute by its local name, whatever its prefix (``r:id``)."""
    value = attrs.get(local)
    if value is not None:
        return str(value)
    for key, found in attrs.items():
        if ":" in key and _local(key) == local and not key.startswith("xmlns"):
            return found
    return None


class _Relationships(_Handler):
    def __init__(self) -> None:
        super().__init__()
        self.targets: dict[str, tuple[str, str]] = {}  # id -> (type, target)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "Relationship" and len(self.targets) <= MAX_MEMBERS:
            rel_id, kind, target = attrs.get("Id"), attrs.get("Type"), attrs.get("Target")
            if rel_id and kind and target and attrs.get("TargetMode") != "External":
                self.targets[str(rel_id)] = (str(kind), str(target))


class _Workbook(_Handler):
    def __init__(self) -> None:
        super().__init__()
        self.sheets: list[tuple[str, SheetState, str]] = []  # (name, state, relationship id)
        self.date1904 = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "workbookPr":
            self.date1904 = (attrs.get("date1904") or "").lower() in ("1", "true")
        elif name == "sheet":
            if len(self.sheets) >= MAX_SHEETS:
                archive = self.archive
                raise UsageError("workbook.too_many_sheets", file=archive.file, limit=f"{MAX_SHEETS:,}")
            state = str(attrs.get("state") or "visible")
            self.sheets.append(
                (
                    str(attrs.get("name") or ""),
                    next((s for s in _STATES if s == state), "visible"),
                    _attr(attrs, "id") or "",
                )
            )


class _Styles(_Handler):
    """Which cell styles show a date: ``cellXfs`` in order, through their number formats."""

    def __init__(self) -> None:
        super().__init__()
        self.formats: dict[int, str] = {}
        self.dates: list[bool] = []
        self._in_xfs = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "numFmt":
            number, code = _int(attrs.get("numFmtId")), attrs.get("formatCode")
            if number is not None and code is not None and len(self.formats) < 64_000:
                self.formats[number] = str(code)
        elif name == "cellXfs":
            self._in_xfs = True
        elif name == "xf" and self._in_xfs and len(self.dates) < 64_000:  # Excel's limit on cell styles
            self.dates.append(self._is_date(_int(attrs.get("numFmtId")) or 0))

    def end(self, name: str) -> None:
        if name == "cellXfs":
            self._in_xfs = False

    def _is_date(self, number: int) -> bool:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

        if number in _EAST_ASIAN_DATE_FORMATS and number not in self.formats:
            return True
        code = self.formats.get(number, BUILTIN_FORMATS.get(number))
        if code is None or len(code) > 255:  # Excel's limit on a number format
            return False
        return bool(is_date_format(code)) and not is_timedelta_format(code)


class _SharedStrings(_Handler):
    def __init__(self) -> None:
        super().__init__()
        self.strings: list[str | BadCell] = []
        self._phonetic = 0  # inside <rPh>: a reading aid (furigana), not part of the text
        self._on = False  # inside a <t> of the text itself

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "si":
            if len(self.strings) >= MAX_SHARED_STRINGS:
                archive = self.archive
                raise UsageError("workbook.too_many_strings", file=archive.file, limit=f"{MAX_SHARED_STRINGS:,}")
            self._text, self._chars = [], 0
        elif name == "rPh":
            self._phonetic += 1
        elif name == "t" and not self._phonetic:
            self._on = True

    def on_text(self, content: str) -> None:
        if self._on:
            super().on_text(content)

    def end(self, name: str) -> None:
        if name == "t":
            self._on = False
        elif name == "rPh":
            self._phonetic -= 1
        elif name == "si":
            self.strings.append(self.collected())


class _Sheet(_Handler):
    """One worksheet's cells, placed by their row and column."""

    def __init__(self, title: str, strings: list[str | BadCell], dates: list[bool], epoch: dt.datetime) -> None:
        super().__init__()
        self.title, self.strings, self.dates, self.epoch = title, strings, dates, epoch
        self.rows: dict[int, list[Any]] = {}
        self._columns: dict[str, int] = {}
        #: A cell reference's part before its row number (``A``, ``$AB$``), once seen to be a
        #: column's spelling, with the column's number: most cells are then placed without
        #: the regular expression.
        self._spellings: dict[str, int] = {}
        #: Serial numbers already converted to dates (a role matrix repeats the same days).
        self._dates: dict[str, Any] = {}
        self.cells = 0  # filled by the reader: the cells held before this sheet
        self._in_data = False
        self._row = 0
        self._column = 0
        self._kind = "n"
        self._style = 0
        self._value: str | BadCell | None = None
        self._formula: str | BadCell | None = None
        self._inline: str | BadCell | None = None
        self._in_inline = False
        self._phonetic = 0
        self._on = False

    # -- the limits a sheet states and the ones it reaches --

    def _refuse(self, msg_id: str, **params: Any) -> NoReturn:
        raise UsageError(msg_id, file=self.archive.file, sheet=shown(self.title), **params)

    def _dimension(self, ref: str) -> None:
        last = ref.split(":")[-1]
        match = _CELL_REF.fullmatch(last)
        if match is None:
            return  # a dimension is advisory; a malformed one is ignored, the cells still count
        column, row = _column_number(match.group(1)), int(match.group(2))
        if row > MAX_ROWS or column > MAX_COLUMNS:
            self._refuse(
                "workbook.dimension_too_large",
                ref=shown(ref),
                rows=f"{row:,}",
                columns=f"{column:,}",
                max_rows=f"{MAX_ROWS:,}",
                max_columns=f"{MAX_COLUMNS:,}",
            )

    # -- events (the hot path: one call per element, no helper frames) --

    def on_start(self, name: str, attrs: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > MAX_XML_ELEMENTS:
            self.elements -= 1
            self.count()  # raises
        if ":" in name:
            name = name.rpartition(":")[2]
        if not self._in_data:
            if name == "sheetData":
                self._in_data = True
            elif name == "dimension":
                self._dimension(attrs.get("ref") or "")
            return
        # The elements in the order a sheet holds the most of them: c, then t and is (inline
        # text, as dxkit writes it) or v (numbers, shared strings).
        if name == "c":
            ref = attrs.get("r")
            if ref:
                before = ref.rstrip("0123456789")
                column = self._spellings.get(before)
                digits = ref[len(before) :]
                if column is not None and 0 < len(digits) < 8:  # what the regular expression would find
                    self._column, self._row = column, int(digits)
                else:
                    self._place(ref)
            else:
                self._column += 1
                self._row = max(self._row, 1)
            self._kind = attrs.get("t") or "n"
            style = attrs.get("s")
            self._style = int(style) if style and style.isascii() and style.isdigit() and len(style) < 6 else 0
            self._value = self._formula = self._inline = None
            self._text = None
        elif name == "t":
            if self._in_inline and not self._phonetic:
                self._on = True
        elif name == "is":
            self._in_inline = True
            self._text, self._chars = [], 0
        elif name == "v":
            self._text, self._chars = [], 0
        elif name == "row":
            number = _int(attrs.get("r"))
            self._row = number if number is not None and number > 0 else self._row + 1
            self._column = 0
        elif name == "f":
            self._text, self._chars = [], 0
            self._formula = ""
        elif name == "rPh":
            self._phonetic += 1

    def _place(self, ref: str) -> None:
        """Place a cell by a reference the fast path did not know (``A1``, ``$B$2``), or after the last cell."""
        match = _CELL_REF.fullmatch(ref)
        if match is None:
            self._column += 1
            self._row = max(self._row, 1)
            return
        letters, digits = match.groups()
        column = self._columns.get(letters)
        if column is None:  # at most 18,278 spellings of three letters
            column = self._columns[letters] = _column_number(letters)
        self._column, self._row = column, int(digits)
        if digits.isascii():  # the part before ASCII digits is what rstrip finds next time
            before = ref[: match.start(2)]
            if len(self._spellings) < 100_000:
                self._spellings[before] = column

    def on_text(self, content: str) -> None:
        text = self._text
        if text is None or (self._in_inline and not self._on):
            return
        room = MAX_CELL_CHARS + 1 - self._chars
        if room > 0:
            text.append(content[:room])
        self._chars += len(content)

    def on_end(self, name: str) -> None:
        if not self._in_data:
            return
        if ":" in name:
            name = name.rpartition(":")[2]
        if name == "c":
            self._end_cell()
        elif name == "t":
            self._on = False
        elif name == "is":
            parts = self._text
            if parts is not None and len(parts) == 1 and self._chars <= MAX_CELL_CHARS:
                self._inline = parts[0]  # one run of text, as most cells hold
                self._text, self._chars = None, 0
            else:
                self._inline = self.collected()
            self._in_inline = False
        elif name == "v":
            self._value = self.collected()
        elif name == "f":
            self._formula = self.collected()
        elif name == "rPh":
            self._phonetic -= 1
        elif name == "sheetData":
            self._in_data = False

    def _end_cell(self) -> None:
        kind, raw = self._kind, self._value
        if kind == "inlineStr" and self._formula is None and raw.__class__ is not BadCell:
            value = self._inline  # the common case of a sheet dxkit wrote, without a call
        elif kind == "s" and self._formula is None and raw.__class__ is str and raw.isdigit() and len(raw) < 10:
            index = int(raw)  # the common case of a sheet Excel saved, without a call
            value = self.strings[index] if index < len(self.strings) else self._cell_value()
        else:
            value = self._cell_value()
        if value is None or value == "":
            return
        row, column = self._row, self._column
        if row > MAX_ROWS:
            self._refuse("workbook.too_many_rows", found=f"{row:,}", limit=f"{MAX_ROWS:,}")
        if column > MAX_COLUMNS:
            self._refuse("workbook.too_many_columns", found=column_letter(column), limit=f"{MAX_COLUMNS:,}")
        cells = self.rows.get(row)
        if cells is None:
            cells = self.rows[row] = []
        missing = column - len(cells)
        if missing <= 0:
            cells[column - 1] = value
            return
        self.cells += missing
        if self.cells > MAX_CELLS:
            self._refuse("workbook.too_many_cells", limit=f"{MAX_CELLS:,}")
        if missing > 1:
            cells.extend([None] * (missing - 1))
        cells.append(value)  # the common case: the cell right after the row's last

    def _cell_value(self) -> Any:
        if self._formula is not None:
            formula = self._formula if isinstance(self._formula, str) else "…"
            return BadCell("workbook.formula", {"formula": shown("=" + formula) if formula else "="})
        kind, raw = self._kind, self._value
        if isinstance(raw, BadCell):
            return raw
        if kind == "inlineStr":
            return self._inline
        if raw is None:
            return None
        if kind == "s":
            return self._shared(raw)
        if kind == "str":
            return raw
        if kind == "n":
            return self._number(raw)
        if kind == "d":
            return _iso_date(raw)
        if kind == "b":
            if raw.strip() in ("0", "1", "true", "false"):
                return raw.strip() in ("1", "true")
            return BadCell("workbook.bad_boolean", {"value": shown(raw)})
        if kind == "e":
            return BadCell("workbook.error_value", {"value": shown(raw)})
        return BadCell("workbook.bad_type", {"type": shown(kind), "value": shown(raw)})

    def _shared(self, raw: str) -> str | BadCell:
        index = _int(raw)
        if index is None or not 0 <= index < len(self.strings):
            return BadCell("workbook.bad_shared_string", {"index": shown(raw.strip()), "count": len(self.strings)})
        return self.strings[index]

    def _number(self, raw: str) -> Any:
        text = raw.strip()
        if _INTEGER.fullmatch(text):
            number: float = int(text)
        elif _NUMBER.fullmatch(text) and math.isfinite(float(text)):
            number = float(text)
        else:
            return BadCell("workbook.bad_number", {"value": shown(raw)})
        if 0 <= self._style < len(self.dates) and self.dates[self._style]:
            date = self._dates.get(raw)
            if date is None:
                date = self._dates[raw] = self._date(number, raw)
            return date
        return number

    def _date(self, number: float, raw: str) -> Any:
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(number, self.epoch)
        except (OverflowError, ValueError):
            return BadCell("workbook.bad_serial", {"value": shown(raw)})


def _int(value: object) -> int | None:
    text = str(value).strip() if value is not None else ""
    return int(text) if _INTEGER.fullmatch(text) else None


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - ord("A") + 1
    return number


def column_letter(number: int) -> str:
    """The spreadsheet letters of a column number (1 -> ``A``, 27 -> ``AA``)."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _iso_date(raw: str) -> Any:
    """A ``t="d"`` cell: an ISO 8601 date, date and time, or time."""
    text = raw.strip()
    try:
        if "T" in text or " " in text:
            return dt.datetime.fromisoformat(text)
        if ":" in text:
            return dt.time.fromisoformat(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        return BadCell("sheet.bad_date", {"value": shown(text)})


# -- the reader -----------------------------------------------------------------------------------


def _resolve(target: str) -> str:
    """A relationship target of the workbook part, as a part name (``worksheets/sheet1.xml``)."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join("xl", target))


_SHARED_STRINGS_TYPE = "/sharedStrings"
_STYLES_TYPE = "/styles"
_WORKSHEET_TYPE = "/worksheet"


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self, *, first_only: bool) -> list[tuple[str, SheetState, list[Row]]]:
        archive = _Archive(self.path)
        try:
            return self._read(archive, first_only)
        finally:
            archive.close()

    def _read(self, archive: _Archive, first_only: bool) -> list[tuple[str, SheetState, list[Row]]]:
        book = _Workbook()
        archive.parse(_WORKBOOK, book)
        rels = _Relationships()
        if archive.has(_RELS):
            archive.parse(_RELS, rels)
        parts = {rel_id: (kind, _resolve(target)) for rel_id, (kind, target) in rels.targets.items()}

        def first(kind: str) -> str | None:
            return next((p for k, p in parts.values() if k.endswith(kind) and archive.has(p)), None)

        sheets = [
            (name, state, part)
            for name, state, rel_id in book.sheets
            for kind, part in [parts.get(rel_id, ("", ""))]
            if kind.endswith(_WORKSHEET_TYPE)
        ]
        if not sheets:
            raise UsageError("workbook.no_sheet", file=archive.file)
        if first_only:
            sheets = sheets[:1]
        strings, styles = _SharedStrings(), _Styles()
        shared: tuple[tuple[str | None, _Handler], ...] = (
            (first(_SHARED_STRINGS_TYPE), strings),
            (first(_STYLES_TYPE), styles),
        )
        for found, handler in shared:
            if found is not None:
                archive.parse(found, handler)
        epoch = dt.datetime(1904, 1, 1) if book.date1904 else dt.datetime(1899, 12, 30)
        out: list[tuple[str, SheetState, list[Row]]] = []
        cells = 0
        for name, state, part in sheets:
            if not archive.has(part):
                raise UsageError("workbook.missing_part", file=archive.file, part=shown(part))
            sheet = _Sheet(name, strings.strings, styles.dates, epoch)
            sheet.cells = cells
            archive.parse(part, sheet)
            cells = sheet.cells
            last = max(sheet.rows, default=0)
            out.append((name, state, [tuple(sheet.rows.get(n, ())) for n in range(1, last + 1)]))
        return out
