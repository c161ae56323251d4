"""Core checks (DX0xx): reading a file, checking it against its schema, and what holds for
every file of a consortium.

Reading and schema checks have no rule function; the loader and the schema validator report
them. They are registered so that every code a user can see has a documentation page.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.i18n import LANGS, translate
from dxkit.model import Consortium, FileRecord, Loc
from dxkit.model.record import Record
from dxkit.rules.registry import Hit, Rule, place, register, rule


def _core(code: str, name: str, severity: Severity) -> None:
    register(Rule(code, name, severity, guide="start/quickstart.md"))


_core("DX001", "invalid-yaml", Severity.ERROR)
_core("DX002", "unreadable-encoding", Severity.ERROR)
_core("DX003", "duplicate-key", Severity.ERROR)
_core("DX004", "unsafe-tag", Severity.ERROR)
_core("DX005", "input-too-large", Severity.ERROR)
_core("DX006", "unknown-kind", Severity.ERROR)
_core("DX007", "byte-order-mark", Severity.WARNING)
_core("DX010", "schema-violation", Severity.ERROR)


def iter_file_records(c: Consortium) -> Iterator[FileRecord]:
    """Every file of the consortium as its record, charter first."""
    yield from c.charters
    yield from c.member_files
    yield from c.role_files
    yield from c.gate_files
    yield from c.issue_files
    yield from c.plans
    yield from c.data_files
    yield from c.workshops
    yield from c.retrospectives


def _key(field_name: str) -> str:
    """The key a record's field has in the file (``from_`` is written ``from``)."""
    bare = field_name.removesuffix("_")
    return bare if bare != field_name and keyword.iskeyword(bare) else field_name


def iter_texts(record: Record) -> Iterator[tuple[Loc, str]]:
    """Every text of a record (any record class) and of the records inside it, with its place."""
    at: Loc = record.at
    for name in record.FIELDS:
        key = _key(name)
        value = getattr(record, name)
        if isinstance(value, str):
            yield at / key, value
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield at / key / index, item
                elif isinstance(item, Record):
                    yield from iter_texts(item)
        elif isinstance(value, Record):
            yield from iter_texts(value)


@rule("DX008", "unfilled-placeholder", Severity.WARNING, guide="start/quickstart.md")
def check_unfilled_placeholder(c: Consortium) -> Iterator[Hit]:
    markers = [translate("placeholder", lang) for lang in LANGS]
    for record in iter_file_records(c):
        text = record.at.doc.text
        if text and not any(marker in text for marker in markers):
            continue  # the marker is not in the file at all: no need to walk its values
        for at, value in iter_texts(record):
            for marker in markers:
                if marker in value:
                    yield Hit(at, {"marker": marker})
                    break


@rule("DX009", "multiple-charters", Severity.ERROR, guide="consortium/charter.md")
def check_multiple_charters(c: Consortium) -> Iterator[Hit]:
    if len(c.charters) < 2:
        return
    first = place(c.charters[0].at / "kind")
    for charter in c.charters[1:]:
        yield Hit(charter.at / "kind", {"first": first}, key=True)
