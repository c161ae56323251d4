"""``dxkit import`` on workbooks built to hurt: every one ends in a clear message, bounded work.

Each hostile workbook is built here from a real export (small on disk: a bomb is a few
kilobytes of deflate). Every case checks the message in both languages, exit code 2, that
``roles.yaml`` is unchanged, and bounded memory: the workbook-level cases run the command in a
subprocess whose address space is capped at 1 GiB and report its peak resident memory; the
cell-level cases run in-process under :mod:`tracemalloc`. Times are only a hang guard.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import struct
import sys
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from dxkit import workbook
from dxkit.errors import DxkitError, UsageError
from dxkit.i18n import translate
from dxkit.workbook import read_sheet, read_sheets
from tests.conftest import ROOT
from tests.helpers import Measured, invoke, run_dxkit_measured

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = "xl/worksheets/sheet1.xml"
SST = "xl/sharedStrings.xml"
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
GIB = 1 << 30
#: The issue's bar for any input: resident memory of the whole command.
MAX_RSS_BYTES = 200 * 1024 * 1024
#: The address space a subprocess gets: a bomb that expanded would hit it and crash.
ADDRESS_SPACE = GIB
#: Python allocations of an in-process import of one small hostile workbook.
MAX_TRACED_BYTES = 64 * 1024 * 1024
HANG_GUARD_SECONDS = 120


# -- building workbooks ---------------------------------------------------------------------------


@dataclass
class Member:
    """A zip member written by hand: its deflate stream, its CRC and the sizes it declares."""

    name: str
    deflated: bytes
    crc: int
    size: int
    declared: int | None = None  # the unpacked size the directory states; the real one if None


def _member(name: str, data: bytes) -> Member:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Member(name, c.compress(data) + c.flush(), zlib.crc32(data), len(data))


def _repeated(name: str, head: bytes, block: bytes, times: int, tail: bytes) -> Member:
    """``head + block * times + tail``, deflated without ever holding it: after a full flush the
    compressor starts afresh, so every block deflates to the same bytes."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    packed = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    last = c.compress(tail) + c.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    return Member(name, first + packed * times + last, crc, len(head) + len(block) * times + len(tail))


def write_zip(path: Path, members: list[Member]) -> Path:
    """A zip archive exactly as given, including a directory that lies about sizes."""
    out, directory = bytearray(), bytearray()
    for m in members:
        name = m.name.encode()
        size = m.size if m.declared is None else m.declared
        offset = len(out)
        fields = (20, 0, 8, 0, 0x21, m.crc, len(m.deflated), size, len(name))
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + name + m.deflated
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset) + name
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(out), 0)
    path.write_bytes(bytes(out + directory + end))
    return path


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def build(path: Path, parts: dict[str, bytes], *extra: Member) -> Path:
    names = {m.name for m in extra}
    return write_zip(path, [_member(n, d) for n, d in parts.items() if n not in names] + list(extra))


def with_shared_strings(parts: dict[str, bytes], sst: bytes | None) -> dict[str, bytes]:
    """The parts with a shared-strings part registered (and ``sst`` as its content, if given)."""
    types = parts["[Content_Types].xml"].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    override = f'<Override PartName="/{SST}" ContentType="{SST_TYPE}"/>'
    relation = f'<Relationship Id="rId90" Type="{SST_REL}" Target="sharedStrings.xml"/>'
    new = {
        **parts,
        "[Content_Types].xml": types.replace("</Types>", override + "</Types>").encode(),
        "xl/_rels/workbook.xml.rels": rels.replace("</Relationships>", relation + "</Relationships>").encode(),
    }
    if sst is not None:
        new[SST] = sst
    return new


def set_cell(parts: dict[str, bytes], ref: str, cell: str) -> dict[str, bytes]:
    """The parts with cell ``ref`` of the first sheet replaced by ``cell`` (raw XML)."""
    xml, n = re.subn(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', cell, parts[SHEET].decode(), count=1)
    assert n == 1, ref
    return {**parts, SHEET: xml.encode()}


def style_of(parts: dict[str, bytes], ref: str) -> str:
    match = re.search(rf'<c r="{ref}" s="(\d+)"', parts[SHEET].decode())
    assert match, ref
    return match.group(1)


def sheet_xml(parts: dict[str, bytes]) -> str:
    return parts[SHEET].decode()


def _laughs(body: str) -> str:
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY l0 "lol">{entities}]>' + body


def _rows(first: int, count: int) -> str:
    return "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>X-{r}</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>t</t></is></c></row>'
        for r in range(first, first + count)
    )


# -- the consortium and its export ----------------------------------------------------------------


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The roles workbook of the Shiomi example, exported once per language."""
    made: dict[str, Path] = {}

    def export(lang: str) -> Path:
        if lang not in made:
            out = tmp_path_factory.mktemp(f"export-{lang}") / "roles.xlsx"
            invoke(["export", "roles", str(ROOT / "examples" / "shiomi" / lang), "-o", str(out), "--lang", lang])
            made[lang] = out
        return made[lang]

    return export


@pytest.fixture
def folder(tmp_path: Path, lang: str) -> Path:
    dest = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    return dest


@pytest.fixture
def parts(exports: Callable[[str], Path], lang: str) -> dict[str, bytes]:
    return parts_of(exports(lang))


def refusal(path: Path) -> DxkitError:
    """The error the reader refuses ``path`` with (in-process, for its id and parameters)."""
    with pytest.raises(DxkitError) as caught:
        read_sheet(path)
    return caught.value


def run_limited(args: list[str], cwd: Path) -> Measured:
    """``dxkit ARGS`` in a subprocess with a 1 GiB address space."""
    return run_dxkit_measured(args, cwd=cwd, address_space=ADDRESS_SPACE, timeout=HANG_GUARD_SECONDS)


# -- workbook-level refusals, in a subprocess with a capped address space -----------------------


def _sst_gib(parts: dict[str, bytes], tmp: Path) -> Path:
    """Issue 11: a 1 MB workbook whose shared strings expand to 1 GiB."""
    head = f'<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>'.encode()
    bomb = _repeated(SST, head, b"A" * (1 << 20), 1024, b"</t></si></sst>")
    sheet = set_cell(with_shared_strings(parts, None), "B2", '<c r="B2" t="s"><v>0</v></c>')
    return build(tmp / "sst-1gib.xlsx", sheet, bomb)


def _sst_lying(parts: dict[str, bytes], tmp: Path) -> Path:
    """The same bomb, with a directory that says the part is 1,000 bytes."""
    head = f'<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>'.encode()
    bomb = _repeated(SST, head, b"A" * (1 << 20), 1024, b"</t></si></sst>")
    bomb.declared = 1000
    sheet = set_cell(with_shared_strings(parts, None), "B2", '<c r="B2" t="s"><v>0</v></c>')
    return build(tmp / "sst-lying.xlsx", sheet, bomb)


def _dimension(parts: dict[str, bytes], tmp: Path) -> Path:
    """Issue 11: 7 KB declaring A1:XFD1048576 (and a value in its last cell)."""
    xml = re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', sheet_xml(parts))
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return build(tmp / "dimension.xlsx", {**parts, SHEET: xml.replace("</sheetData>", far + "</sheetData>").encode()})


def _rows_declared(parts: dict[str, bytes], tmp: Path) -> Path:
    """Issue 11: 100,000 added rows, with a dimension that says so."""
    xml = sheet_xml(parts).replace("</sheetData>", _rows(34, 100_000) + "</sheetData>")
    xml = re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:P100033"', xml)
    return build(tmp / "rows-declared.xlsx", {**parts, SHEET: xml.encode()})


def _rows_hidden(parts: dict[str, bytes], tmp: Path) -> Path:
    """100,000 added rows, and no dimension to give them away."""
    xml = sheet_xml(parts).replace("</sheetData>", _rows(34, 100_000) + "</sheetData>")
    xml = re.sub(r'<dimension ref="[^"]*"\s*/>', "", xml)
    return build(tmp / "rows-hidden.xlsx", {**parts, SHEET: xml.encode()})


def _laughs_sheet(parts: dict[str, bytes], tmp: Path) -> Path:
    """Issue 11: entity expansion in the sheet."""
    xml = set_cell(parts, "B2", '<c r="B2" t="inlineStr"><is><t>&l9;</t></is></c>')[SHEET].decode()
    return build(tmp / "laughs-sheet.xlsx", {**parts, SHEET: _laughs(xml).encode()})


def _laughs_sst(parts: dict[str, bytes], tmp: Path) -> Path:
    """Issue 11: entity expansion in the shared strings."""
    sst = _laughs(f'<sst xmlns="{NS}"><si><t>&l9;</t></si></sst>').encode()
    sheet = set_cell(with_shared_strings(parts, sst), "B2", '<c r="B2" t="s"><v>0</v></c>')
    return build(tmp / "laughs-sst.xlsx", sheet)


def _external_entity(parts: dict[str, bytes], tmp: Path) -> Path:
    """An external entity that would read a local file into a cell."""
    xml = set_cell(parts, "B2", '<c r="B2" t="inlineStr"><is><t>&xxe;</t></is></c>')[SHEET].decode()
    doctype = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return build(tmp / "xxe.xlsx", {**parts, SHEET: (doctype + xml).encode()})


def _csv(parts: dict[str, bytes], tmp: Path) -> Path:
    """Issue 11: a CSV (here in Shift_JIS, as Japanese Excel saves one) given to import."""
    path = tmp / "roles.csv"
    path.write_bytes("id,title\nT-001,題\n".encode("cp932"))
    return path


def _many_members(parts: dict[str, bytes], tmp: Path) -> Path:
    filler = [_member(f"xl/media/image{i}.png", b"") for i in range(workbook.MAX_MEMBERS)]
    return build(tmp / "members.xlsx", parts, *filler)


def _big_directory(parts: dict[str, bytes], tmp: Path) -> Path:
    """Twenty members with 60,000-byte names: a central directory of 1.2 MB."""
    filler = [_member(f"xl/{i:02d}" + "n" * 60_000, b"") for i in range(20)]
    return build(tmp / "directory.xlsx", parts, *filler)


def _long_token(parts: dict[str, bytes], tmp: Path) -> Path:
    """An attribute of 2 MiB: more than any cell holds, in one XML token."""
    xml = sheet_xml(parts).replace("<sheetData>", f'<sheetData><row r="1" x="{"a" * (2 << 20)}"/>', 1)
    return build(tmp / "token.xlsx", {**parts, SHEET: xml.encode()})


WORKBOOK_CASES: dict[str, tuple[Callable[[dict[str, bytes], Path], Path], str]] = {
    "shared-strings-1gib": (_sst_gib, "workbook.part_too_large"),
    "directory-lies": (_sst_lying, "workbook.damaged"),
    "dimension-A1:XFD1048576": (_dimension, "workbook.dimension_too_large"),
    "100k-rows-declared": (_rows_declared, "workbook.dimension_too_large"),
    "100k-rows-undeclared": (_rows_hidden, "workbook.too_many_rows"),
    "laughs-in-sheet": (_laughs_sheet, "workbook.xml_entities"),
    "laughs-in-shared-strings": (_laughs_sst, "workbook.xml_entities"),
    "external-entity": (_external_entity, "workbook.xml_entities"),
    "csv": (_csv, "workbook.text_file"),
    "1001-members": (_many_members, "workbook.too_many_members"),
    "1.2MB-directory": (_big_directory, "workbook.directory_too_large"),
    "2MiB-attribute": (_long_token, "workbook.token_too_long"),
}


@pytest.mark.parametrize("case", list(WORKBOOK_CASES))
def test_hostile_workbook_is_refused_with_a_message_in_bounded_memory(
    case: str, parts: dict[str, bytes], folder: Path, tmp_path: Path, lang: str
) -> None:
    make, msg_id = WORKBOOK_CASES[case]
    path = make(parts, tmp_path)
    assert path.stat().st_size < 3 * 1024 * 1024  # small on disk, whatever it claims
    error = refusal(path)
    assert error.msg_id == msg_id
    before = (folder / "roles.yaml").read_bytes()
    result = run_limited(["import", str(path), "--into", str(folder / "roles.yaml"), "--lang", lang], folder)
    assert result.code == 2, result.stderr[-2000:]
    assert translate("cli.error_prefix", lang) + error.message(lang) in result.stderr
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert (folder / "roles.yaml").read_bytes() == before
    assert 0 < result.peak_kib * 1024 < MAX_RSS_BYTES, f"{case}: peak RSS {result.peak_kib / 2**10:.0f} MiB"


def test_limit_messages_name_the_limit_and_what_was_found(parts: dict[str, bytes], tmp_path: Path) -> None:
    error = refusal(_sst_gib(parts, tmp_path))
    assert error.params == {
        "file": str(tmp_path / "sst-1gib.xlsx"),
        "part": SST,
        "found": "1.0 GiB",
        "limit": "64.0 MiB",
    }
    error = refusal(_dimension(parts, tmp_path))
    assert error.params["ref"] == "A1:XFD1048576"
    assert (error.params["rows"], error.params["columns"]) == ("1,048,576", "16,384")
    assert (error.params["max_rows"], error.params["max_columns"]) == ("20,000", "256")
    error = refusal(_rows_hidden(parts, tmp_path))
    assert (error.params["found"], error.params["limit"]) == ("20,001", "20,000")
    error = refusal(_many_members(parts, tmp_path))
    assert (error.params["found"], error.params["limit"]) == (f"{len(parts) + 1000:,}", "1,000")
    assert refusal(_laughs_sst(parts, tmp_path)).params["detail"] == "<!DOCTYPE lolz>"


# -- what the file is, in-process ------------------------------------------------------------------


def _zip(tmp: Path, name: str, files: dict[str, bytes]) -> Path:
    return build(tmp / name, files)


KIND_CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "old-xls": (
        lambda tmp: _write(tmp / "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)),
        "workbook.old_format",
    ),
    "binary": (lambda tmp: _write(tmp / "x.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00"), "workbook.not_xlsx"),
    "empty": (lambda tmp: _write(tmp / "empty.xlsx", b""), "workbook.not_xlsx"),
    "utf16-text": (lambda tmp: _write(tmp / "t.xlsx", "id\tT\n".encode("utf-16")), "workbook.text_file"),
    "zip-not-workbook": (lambda tmp: _zip(tmp, "a.xlsx", {"readme.txt": b"hi"}), "workbook.missing_part"),
    "opendocument": (
        lambda tmp: _zip(
            tmp, "a.ods", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}
        ),
        "workbook.opendocument",
    ),
    "folder": (lambda tmp: _mkdir(tmp / "book.xlsx"), "read.is_folder"),
    "missing": (lambda tmp: tmp / "nowhere.xlsx", "read.missing"),
    "end-record-only": (lambda tmp: _write(tmp / "e.xlsx", b"PK\x03\x04" + bytes(30)), "workbook.bad_zip"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.parametrize("case", list(KIND_CASES))
def test_a_file_that_is_not_a_workbook_is_named_for_what_it_is(
    case: str, folder: Path, tmp_path: Path, lang: str
) -> None:
    make, msg_id = KIND_CASES[case]
    path = make(tmp_path)
    assert refusal(path).msg_id == msg_id
    before = (folder / "roles.yaml").read_bytes()
    result = invoke(["import", str(path), "--into", str(folder / "roles.yaml"), "--lang", lang], exit=2)
    assert refusal(path).message(lang) in result.stderr
    assert (folder / "roles.yaml").read_bytes() == before


def test_a_csv_is_told_to_come_back_as_xlsx(tmp_path: Path, lang: str) -> None:
    path = _csv({}, tmp_path)
    text = refusal(path).message(lang)
    assert (
        "import が読むのは .xlsx です" if lang == "ja" else "import reads .xlsx; export the sheet as Excel (.xlsx)"
    ) in text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_like_a_workbook_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "roles.xlsx"
    os.mkfifo(fifo)
    assert refusal(fifo).msg_id == "workbook.not_a_file"  # opening it for reading would block


def test_a_part_that_is_not_xml_names_the_part_line_and_column(parts: dict[str, bytes], tmp_path: Path) -> None:
    path = build(tmp_path / "bad.xlsx", {**parts, SHEET: b'<worksheet xmlns="x">\n<sheetData><row></sheetData>'})
    error = refusal(path)
    assert error.msg_id == "workbook.bad_xml"
    assert (error.params["part"], error.params["line"]) == (SHEET, 2)


def test_a_cell_beyond_the_column_limit_is_refused(parts: dict[str, bytes], tmp_path: Path) -> None:
    path = build(tmp_path / "wide.xlsx", set_cell(parts, "B2", '<c r="IW2" t="inlineStr"><is><t>x</t></is></c>'))
    error = refusal(path)
    assert (error.msg_id, error.params["found"], error.params["limit"]) == ("workbook.too_many_columns", "IW", "256")


@pytest.mark.parametrize(
    ("limit", "value", "msg_id"),
    [
        ("MAX_XML_ELEMENTS", 500, "workbook.too_many_elements"),
        ("MAX_CELLS", 100, "workbook.too_many_cells"),
        ("MAX_SHARED_STRINGS", 2, "workbook.too_many_strings"),
        ("MAX_SHEETS", 1, "workbook.too_many_sheets"),
    ],
)
def test_counted_limits_stop_the_reading(
    parts: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str, value: int, msg_id: str
) -> None:
    sst = f'<sst xmlns="{NS}"><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>'.encode()
    path = build(tmp_path / "book.xlsx", with_shared_strings(parts, sst))
    read_sheet(path)  # within the real limits
    monkeypatch.setattr(workbook, limit, value)
    assert refusal(path).msg_id == msg_id


def test_the_size_limit_holds_while_unpacking_even_if_the_directory_said_less(
    parts: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build(tmp_path / "book.xlsx", parts)
    archive = workbook._Archive(path)  # the directory was checked against the real limit
    try:
        monkeypatch.setattr(workbook, "MAX_PART_BYTES", 1000)
        with pytest.raises(UsageError) as caught:
            for _ in archive.chunks(SHEET):
                pass
        assert caught.value.msg_id == "workbook.part_too_large"
        assert caught.value.params["found"] == "> 1000 B"
    finally:
        archive.close()


# -- bad cells: reported by sheet, row and column, all of them, and nothing written --------------


def _cell_cases(parts: dict[str, bytes]) -> dict[str, tuple[dict[str, bytes], str, str, dict[str, object]]]:
    date_style = style_of(parts, "I2")
    sst = f'<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>x</t></si></sst>'.encode()
    long_text = "長" * 40_000
    return {
        # issue 11
        "date-2026-02-30": (
            set_cell(parts, "I2", '<c r="I2" t="d"><v>2026-02-30</v></c>'),
            "I",
            "sheet.bad_date",
            {"value": "2026-02-30"},
        ),
        "number-abc": (
            set_cell(parts, "I2", '<c r="I2" t="n"><v>abc</v></c>'),
            "I",
            "workbook.bad_number",
            {"value": "abc"},
        ),
        "shared-string-out-of-range": (
            set_cell(with_shared_strings(parts, sst), "B2", '<c r="B2" t="s"><v>7</v></c>'),
            "B",
            "workbook.bad_shared_string",
            {"index": "7", "count": 1},
        ),
        # and their neighbours
        "formula": (
            set_cell(parts, "B2", '<c r="B2" t="str"><f>HYPERLINK("http://x","y")</f><v>y</v></c>'),
            "B",
            "workbook.formula",
            {"formula": '=HYPERLINK("http://x","y")'},
        ),
        "formula-without-cached-value": (
            set_cell(parts, "I2", f'<c r="I2" s="{date_style}"><f>H2+7</f></c>'),
            "I",
            "workbook.formula",
            {"formula": "=H2+7"},
        ),
        "error-value": (
            set_cell(parts, "I2", '<c r="I2" t="e"><v>#N/A</v></c>'),
            "I",
            "workbook.error_value",
            {"value": "#N/A"},
        ),
        "boolean-maybe": (
            set_cell(parts, "B2", '<c r="B2" t="b"><v>maybe</v></c>'),
            "B",
            "workbook.bad_boolean",
            {"value": "maybe"},
        ),
        "unknown-type": (
            set_cell(parts, "B2", '<c r="B2" t="zz"><v>1</v></c>'),
            "B",
            "workbook.bad_type",
            {"type": "zz", "value": "1"},
        ),
        "date-serial-out-of-range": (
            set_cell(parts, "I2", f'<c r="I2" s="{date_style}"><v>1e300</v></c>'),
            "I",
            "workbook.bad_serial",
            {"value": "1e300"},
        ),
        "text-longer-than-a-cell": (
            set_cell(parts, "B2", f'<c r="B2" t="inlineStr"><is><t>{long_text}</t></is></c>'),
            "B",
            "workbook.text_too_long",
            {"length": "40,000", "limit": "32,767"},
        ),
    }


CELL_CASES = [
    "date-2026-02-30",
    "number-abc",
    "shared-string-out-of-range",
    "formula",
    "formula-without-cached-value",
    "error-value",
    "boolean-maybe",
    "unknown-type",
    "date-serial-out-of-range",
    "text-longer-than-a-cell",
]


def _import_traced(args: list[str], *, exit: int) -> tuple[str, str, int]:
    tracemalloc.start()
    try:
        result = invoke(args, exit=exit)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result.stdout, result.stderr, peak


@pytest.mark.parametrize("case", CELL_CASES)
def test_a_bad_cell_is_reported_by_sheet_row_and_column_and_nothing_is_written(
    case: str, parts: dict[str, bytes], folder: Path, tmp_path: Path, lang: str
) -> None:
    built, column, msg_id, params = _cell_cases(parts)[case]
    path = build(tmp_path / "edited.xlsx", built)
    before = (folder / "roles.yaml").read_bytes()
    _, stderr, peak = _import_traced(
        ["import", str(path), "--into", str(folder / "roles.yaml"), "--lang", lang], exit=2
    )
    sheet = "役割・期限表" if lang == "ja" else "Role matrix"
    line = translate(
        "import.cell",
        lang,
        file=str(path),
        sheet=sheet,
        row=2,
        column=column,
        message=translate(msg_id, lang, **params),
    )
    assert line in stderr.splitlines()
    assert translate("import.nothing_written", lang, count=1) in stderr
    assert "Traceback" not in stderr
    assert (folder / "roles.yaml").read_bytes() == before
    assert peak < MAX_TRACED_BYTES


def test_every_bad_cell_is_reported_at_once(parts: dict[str, bytes], folder: Path, tmp_path: Path, lang: str) -> None:
    built = set_cell(parts, "I2", '<c r="I2" t="d"><v>2026-02-30</v></c>')
    built = set_cell(built, "I3", '<c r="I3" t="n"><v>abc</v></c>')
    built = set_cell(built, "B4", '<c r="B4"><f>1+1</f><v>2</v></c>')
    path = build(tmp_path / "edited.xlsx", built)
    result = invoke(["import", str(path), "--into", str(folder / "roles.yaml"), "--lang", lang], exit=2)
    where = r"(\d+) 行 (\w+) 列" if lang == "ja" else r"row (\d+), column (\w+)"
    found = [m.groups() for line in result.stderr.splitlines() if (m := re.search(where, line))]
    assert found == [("2", "I"), ("3", "I"), ("4", "B")]
    assert translate("import.nothing_written", lang, count=3) in result.stderr


def test_a_bad_cell_in_a_column_dxkit_does_not_read_is_left_alone(
    parts: dict[str, bytes], folder: Path, tmp_path: Path, lang: str
) -> None:
    notes = '<c r="Q2" t="n"><v>abc</v></c><c r="R2"><f>SUM(A1:A9)</f><v>0</v></c>'
    xml = re.sub(r'(<row r="2"[^>]*>.*?)</row>', lambda m: m.group(1) + notes + "</row>", sheet_xml(parts), count=1)
    path = build(tmp_path / "notes.xlsx", {**parts, SHEET: xml.encode()})
    before = (folder / "roles.yaml").read_bytes()
    result = invoke(["import", str(path), "--into", str(folder / "roles.yaml"), "--lang", lang])
    assert translate("import.no_changes", lang, file=str(folder / "roles.yaml")) in result.stdout
    assert (folder / "roles.yaml").read_bytes() == before


def test_a_value_repeated_in_a_message_is_shortened(parts: dict[str, bytes], folder: Path, tmp_path: Path) -> None:
    path = build(
        tmp_path / "edited.xlsx", set_cell(parts, "C2", f'<c r="C2" t="inlineStr"><is><t>{"x" * 30_000}</t></is></c>')
    )
    result = invoke(["import", str(path), "--into", str(folder / "roles.yaml"), "--lang", "en"], exit=2)
    assert "x" * workbook.SHOWN_CHARS not in result.stderr and "x" * (workbook.SHOWN_CHARS - 1) + "…" in result.stderr


# -- reading what people and other programs write ---------------------------------------------------


def test_shared_strings_read_rich_text_without_the_phonetic_reading(
    parts: dict[str, bytes], folder: Path, tmp_path: Path, lang: str
) -> None:
    """Japanese Excel stores furigana (<rPh>) beside the text; it is not part of the value."""
    sst = (
        f'<sst xmlns="{NS}"><si><r><t>題を</t></r><r><rPr><b/></rPr><t xml:space="preserve">変えた </t></r>'
        '<rPh sb="0" eb="1"><t>ダイ</t></rPh><phoneticPr fontId="1"/></si></sst>'
    ).encode()
    path = build(
        tmp_path / "edited.xlsx", set_cell(with_shared_strings(parts, sst), "B3", '<c r="B3" t="s"><v>0</v></c>')
    )
    invoke(["import", str(path), "--into", str(folder / "roles.yaml"), "--lang", lang])
    from dxkit.loading import load_file

    assert load_file(folder / "roles.yaml").data["tasks"][1]["title"] == "題を変えた"


def test_cells_are_read_by_position_with_or_without_references_and_prefixes(tmp_path: Path) -> None:
    sheet = (
        '<x:worksheet xmlns:x="' + NS + '"><x:dimension ref="A1:C3"/><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c t="n"><x:v>2</x:v></x:c>'
        '<x:c t="b"><x:v>1</x:v></x:c></x:row>'
        '<x:row r="3"><x:c r="C3" t="d"><x:v>2026-07-01</x:v></x:c><x:c t="str"><x:v>text</x:v></x:c></x:row>'
        "</x:sheetData></x:worksheet>"
    )
    path = build(tmp_path / "plain.xlsx", _minimal_workbook({"Data": sheet}))
    title, rows = read_sheet(path)
    assert title == "Data"
    assert rows == [("a", 2, True), (), (None, None, dt.date(2026, 7, 1), "text")]


def test_cell_references_of_every_spelling_place_cells_as_the_reference_pattern_says(tmp_path: Path) -> None:
    # A spelling seen before (C, $D$) is taken without the regular expression only where the
    # expression would find the same: not for a reference without digits, with eight digits or
    # with digits beyond ASCII (which it reads as digits), nor for four letters.
    cells = [
        (1, ["A1", "C1"]),
        (2, ["b2", "C"]),
        (3, ["A\u0663", "B1\u0663", "AAAA3", "$D$3", "$D$12345678"]),
        (4, ["$D$4"]),
    ]
    letters = iter("abcdefghij")
    body = "".join(
        f'<row r="{r}">'
        + "".join(f'<c r="{ref}" t="inlineStr"><is><t>{next(letters)}</t></is></c>' for ref in refs)
        + "</row>"
        for r, refs in cells
    )
    sheet = f'<worksheet xmlns="{NS}"><sheetData>{body}</sheetData></worksheet>'
    _, rows = read_sheet(build(tmp_path / "refs.xlsx", _minimal_workbook({"Data": sheet})))
    assert rows == [
        ("a", None, "b"),
        (None, "c", "d"),
        ("e", None, None, "h", "i"),
        (None, None, None, "j"),
        *[()] * 8,
        (None, "f", "g"),  # B1٣ is row 13, and AAAA3 the cell after it
    ]


@pytest.mark.parametrize("kind", ["roles", "issues"])
def test_exported_workbooks_read_as_openpyxl_reads_them(kind: str, lang: str, tmp_path: Path) -> None:
    # The reader's shortcuts (inline text, known column spellings, dates converted once) read
    # every cell of both sheets, the hidden baseline too, as openpyxl's own reader does.
    import openpyxl

    out = tmp_path / f"{kind}.xlsx"
    invoke(["export", kind, str(ROOT / "examples" / "shiomi" / lang), "-o", str(out), "--lang", lang])

    def trimmed(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
        rows = [tuple(None if cell == "" else cell for cell in row) for row in rows]
        rows = [row[: max((i + 1 for i, cell in enumerate(row) if cell is not None), default=0)] for row in rows]
        while rows and not rows[-1]:
            rows.pop()
        return rows

    ours = read_sheets(out)
    book = openpyxl.load_workbook(out)
    try:
        theirs = [(ws.title, ws.sheet_state, list(ws.iter_rows(values_only=True))) for ws in book.worksheets]
    finally:
        book.close()
    assert [(t, s) for t, s, _ in ours] == [(t, s) for t, s, _ in theirs]
    cells = 0
    for (title, _, rows), (_, _, expected) in zip(ours, theirs, strict=True):
        assert trimmed(rows) == trimmed(expected), title
        cells += sum(cell is not None for row in rows for cell in row)
    assert cells > 100 and any(isinstance(cell, dt.datetime) for _, _, rows in ours for row in rows for cell in row)


def _minimal_workbook(sheets: dict[str, str], states: dict[str, str] | None = None) -> dict[str, bytes]:
    """A workbook of the given sheets (title -> sheet XML) with relative targets, as Excel writes."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    entries = "".join(
        f'<sheet name="{title}" sheetId="{i}" r:id="rId{i}"'
        + (f' state="{states[title]}"' if states and title in states else "")
        + "/>"
        for i, title in enumerate(sheets, 1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/s{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    files = {
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": f'<workbook xmlns="{NS}" xmlns:r="{rel}"><sheets>{entries}</sheets></workbook>'.encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
        ).encode(),
    }
    for i, xml in enumerate(sheets.values(), 1):
        files[f"xl/worksheets/s{i}.xml"] = xml.encode()
    return files


def test_read_sheets_gives_every_worksheet_with_its_state(tmp_path: Path) -> None:
    def one(text: str) -> str:
        cell = f'<c r="A1" t="inlineStr"><is><t>{text}</t></is></c>'
        return f'<worksheet xmlns="{NS}"><sheetData><row r="1">{cell}</row></sheetData></worksheet>'

    files = _minimal_workbook(
        {"Roles": one("r"), "Baseline": one("b"), "Secret": one("s")}, {"Baseline": "hidden", "Secret": "veryHidden"}
    )
    path = build(tmp_path / "three.xlsx", files)
    assert read_sheets(path) == [
        ("Roles", "visible", [("r",)]),
        ("Baseline", "hidden", [("b",)]),
        ("Secret", "veryHidden", [("s",)]),
    ]
    assert read_sheet(path) == ("Roles", [("r",)])


def test_openpyxl_never_expands_entities_either(tmp_path: Path) -> None:
    """dxkit reads workbooks with its own reader; openpyxl, which writes them, parses safely too.

    openpyxl parses with lxml when lxml is installed (python-docx brings it), with entities left
    unresolved, and with defusedxml otherwise, which refuses them: either way neither a file
    outside the workbook nor a billion laughs gets into the text.
    """
    from openpyxl.xml.functions import fromstring

    secret = tmp_path / "secret.txt"
    secret.write_text("not-for-the-workbook", encoding="utf-8")
    documents = [
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]><r>&x;</r>',
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><r>&d;</r>',
    ]
    for document in documents:
        try:
            root = fromstring(document.encode())
        except Exception:  # defusedxml refuses the DTD: safe
            continue
        text = "".join(root.itertext())
        assert "not-for-the-workbook" not in text and len(text) < 100, text[:100]


# -- round trips ------------------------------------------------------------------------------------

FORMULA_TITLES = ["=Budget review", '=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "\tTabbed", "\rReturned"]


def _retitle(folder: Path, titles: list[str]) -> None:
    """Give the first tasks of ``roles.yaml`` these titles (as YAML double-quoted strings)."""
    text = (folder / "roles.yaml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    seen = 0
    for i, line in enumerate(lines):
        if seen < len(titles) and re.match(r"\s+title: ", line):
            indent = line[: line.index("title:")]
            lines[i] = f"{indent}title: {json.dumps(titles[seen], ensure_ascii=False)}\n"
            seen += 1
    assert seen == len(titles)
    (folder / "roles.yaml").write_text("".join(lines), encoding="utf-8")


def test_titles_that_look_like_formulas_round_trip_as_no_change(folder: Path, tmp_path: Path, lang: str) -> None:
    _retitle(folder, FORMULA_TITLES)
    from dxkit.loading import load_file

    assert [t["title"] for t in load_file(folder / "roles.yaml").data["tasks"][: len(FORMULA_TITLES)]] == FORMULA_TITLES
    out = tmp_path / "roles.xlsx"
    invoke(["export", "roles", str(folder), "-o", str(out), "--lang", lang])
    assert b"<f>" not in parts_of(out)[SHEET]
    before = (folder / "roles.yaml").read_bytes()
    result = invoke(["import", str(out), "--into", str(folder / "roles.yaml"), "--lang", lang])
    assert translate("import.no_changes", lang, file=str(folder / "roles.yaml")) in result.stdout
    assert (folder / "roles.yaml").read_bytes() == before


def test_limits_stay_above_the_largest_role_matrix() -> None:
    assert workbook.MAX_ROWS > 10_000 + 1  # the 10,000-task consortium and its header
    assert workbook.MAX_COLUMNS >= 16 and workbook.MAX_CELLS >= workbook.MAX_ROWS * 16
    assert workbook.MAX_PART_BYTES >= 2 * 9_300_000  # its sheet, measured: 9.3 MB of XML


def _big_consortium(dest: Path, tasks: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import random

        from generate import consortium_yaml, members_yaml, roles_yaml  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    rng = random.Random(7)
    dest.mkdir()
    (dest / "consortium.yaml").write_text(consortium_yaml(0), encoding="utf-8")
    (dest / "members.yaml").write_text(members_yaml(rng), encoding="utf-8")
    (dest / "roles.yaml").write_text(roles_yaml(rng, False, tasks=tasks), encoding="utf-8")
    return dest


@pytest.mark.slow
def test_a_10000_task_export_imports_as_no_change(tmp_path: Path) -> None:
    folder = _big_consortium(tmp_path / "big", 10_000)
    out = tmp_path / "roles.xlsx"
    invoke(["export", "roles", str(folder), "-o", str(out), "--lang", "ja"])
    before = (folder / "roles.yaml").read_bytes()
    _, rows = read_sheet(out)
    assert len(rows) == 10_001
    result = invoke(["import", str(out), "--into", str(folder / "roles.yaml"), "--lang", "en"])
    assert translate("import.no_changes", "en", file=str(folder / "roles.yaml")) in result.stdout
    assert (folder / "roles.yaml").read_bytes() == before
