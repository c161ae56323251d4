"""A workbook whose titles start with ``=``, ``+``, ``-``, ``@`` opens in LibreOffice with no formula.

The export is converted by LibreOffice itself (``soffice --headless --convert-to``) to CSV, to a
flat OpenDocument sheet and back to .xlsx: no cell may be a formula in any of them, the CSV shows
the literal text, and the workbook LibreOffice saved re-imports as "no change". Each run has its
own profile folder and HOME, so it runs as root and beside other runs.

Skipped only where ``soffice`` is missing and ``CI`` is not set; in CI a missing LibreOffice fails
(``scripts/test.sh`` installs ``libreoffice-calc-nogui``).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from dxkit.i18n import translate
from tests.conftest import ROOT
from tests.helpers import convert_with_libreoffice, find_soffice, invoke
from tests.security.test_xlsx_input import _retitle

TITLES = ['=HYPERLINK("http://x","y")', "=1+1", "+1", "-1", "@SUM(A1)"]
#: LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1"


@pytest.fixture(scope="module")
def soffice() -> str:
    return find_soffice("libreoffice-calc-nogui")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A consortium whose first titles look like formulas, and its exported workbook."""
    base = tmp_path_factory.mktemp("formulas")
    folder = base / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / "ja", folder)
    _retitle(folder, TITLES)
    out = base / "roles.xlsx"
    invoke(["export", "roles", str(folder), "-o", str(out), "--lang", "ja"])
    return folder, out


def _convert(soffice: str, source: Path, target: str, out: Path) -> Path:
    [converted] = convert_with_libreoffice(soffice, [source], target, out)
    return converted


@pytest.fixture(scope="module")
def converted(soffice: str, exported: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    _, workbook = exported
    out = tmp_path_factory.mktemp("libreoffice")
    return {
        name: _convert(soffice, workbook, target, out)
        for name, target in (("csv", CSV_FILTER), ("fods", "fods"), ("xlsx", "xlsx"))
    }


def test_the_export_itself_has_no_formula(exported: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(exported[1]) as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(re.search(rb"<f[ >/]", sheet) for sheet in sheets)


def test_libreoffice_shows_the_literal_text_in_csv(converted: dict[str, Path]) -> None:
    rows = list(csv.reader(io.StringIO(converted["csv"].read_text(encoding="utf-8"))))
    assert [row[1] for row in rows[1 : 1 + len(TITLES)]] == TITLES


def test_libreoffice_reads_no_formula_cell(converted: dict[str, Path]) -> None:
    from defusedxml.ElementTree import fromstring

    table = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    text = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    cells = list(fromstring(converted["fods"].read_bytes()).iter(f"{table}table-cell"))
    assert cells and not [cell for cell in cells if f"{table}formula" in cell.attrib]
    shown = {"\n".join("".join(p.itertext()) for p in cell.iter(f"{text}p")): cell for cell in cells}
    kinds = {value: cell.get(f"{office}value-type") for value, cell in shown.items()}
    assert {title: kinds.get(title) for title in TITLES} == dict.fromkeys(TITLES, "string")
    with zipfile.ZipFile(converted["xlsx"]) as z:
        sheets = [z.read(n) for n in z.namelist() if re.fullmatch(r"xl/worksheets/[^/]+\.xml", n)]
    assert sheets and not any(re.search(rb"<f[ >/]", sheet) for sheet in sheets)


def test_the_workbook_libreoffice_saved_reimports_as_no_change(
    exported: tuple[Path, Path], converted: dict[str, Path], lang: str
) -> None:
    folder, _ = exported
    before = (folder / "roles.yaml").read_bytes()
    result = invoke(["import", str(converted["xlsx"]), "--into", str(folder / "roles.yaml"), "--lang", lang])
    assert translate("import.no_changes", lang, file=str(folder / "roles.yaml")) in result.stdout
    assert (folder / "roles.yaml").read_bytes() == before
