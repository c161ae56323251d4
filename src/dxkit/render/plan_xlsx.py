"""The three-year cost and revenue plan (``plan.yaml``) as an Excel workbook, one sheet per plan.

The sheet reads in the reader's language, Japanese first: section and row names, fiscal years
as 年度 (``2027年度``, or ``令和9年度`` when the charter asks for the Japanese era; ``FY2027`` in
English), types as their labels (運営費, 利用料), paying members by their names and types, and
amounts in yen. Every sum on it is a formula dxkit writes itself, so it follows when a person
changes an amount: the totals of each section per year and over the three years, the part of
the costs that revenues and each member cover, the balance (revenues + shares − costs) and a
verdict per year. Text typed by people (items, notes, names) is always a text cell: ``=…`` in a
plan stays text, never a formula. The formulas are the only ones in the workbook, and none of
them holds a person's text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dxkit.dates import format_fiscal_year
from dxkit.escape import xml_text
from dxkit.i18n import translate
from dxkit.labels import labels
from dxkit.model import Consortium
from dxkit.model.plan import PLAN_YEARS, fiscal_years
from dxkit.model.records import CostPlan
from dxkit.reading import uses_japanese_era

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: How the sheet shows an amount of yen, by language; negative amounts in red.
YEN_FORMATS = {"ja": '#,##0"円";[Red]-#,##0"円"', "en": '"¥"#,##0;[Red]-"¥"#,##0'}
#: How it shows a ratio.
PERCENT_FORMAT = "0.0%"
#: The row of the column headings; the plan's rows start below it.
HEAD_ROW = 4
#: The columns: section, id, item, type, one per fiscal year, the three-year total, notes.
FIRST_YEAR_COLUMN = 5
TOTAL_COLUMN = FIRST_YEAR_COLUMN + PLAN_YEARS
NOTES_COLUMN = TOTAL_COLUMN + 1
_WIDTHS = (10, 8, 40, 22, 16, 16, 16, 18, 40)


@dataclass(frozen=True)
class _Line:
    """One item of the plan as the sheet shows it."""

    id: str
    item: str
    type: str
    amounts: tuple[int, ...]
    notes: str | None


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def _year_letters() -> list[str]:
    return [_letter(FIRST_YEAR_COLUMN + i) for i in range(PLAN_YEARS)]


def _sum_columns() -> list[int]:
    """The columns that hold amounts: one per fiscal year, then the three-year total."""
    return [*range(FIRST_YEAR_COLUMN, FIRST_YEAR_COLUMN + PLAN_YEARS), TOTAL_COLUMN]


def formula_text(text: str) -> str:
    """A string literal inside a formula (dxkit's own words only): quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


class _Writer:
    """Writes one plan's rows, top to bottom; ``row`` is the last row written so far."""

    def __init__(self, sheet: Worksheet, lang: str) -> None:
        from openpyxl.styles import Font, PatternFill

        self.sheet = sheet
        self.lang = lang
        self.row = HEAD_ROW
        self.bold = Font(bold=True)
        self.fill = PatternFill("solid", fgColor="E8EAF6")
        self.yen = YEN_FORMATS.get(lang, YEN_FORMATS["en"])

    def text(self, row: int, column: int, value: str | None) -> None:
        """A text cell: a person's ``=…`` stays text, with only the characters XML allows."""
        if value is None:
            return
        cell = self.sheet.cell(row=row, column=column)
        cell.value = xml_text(value)
        cell.data_type = "s"

    def number(self, row: int, column: int, value: int | str, number_format: str) -> None:
        """A number, or a formula dxkit wrote (it starts with ``=``), shown in ``number_format``."""
        cell = self.sheet.cell(row=row, column=column, value=value)
        cell.number_format = number_format

    def emphasise(self, row: int) -> None:
        for column in range(1, NOTES_COLUMN + 1):
            cell = self.sheet.cell(row=row, column=column)
            cell.font, cell.fill = self.bold, self.fill

    def items(self, section: str, lines: Sequence[_Line]) -> tuple[int, int]:
        """The rows of one section; returns the first and last row (last < first when there are none)."""
        first = self.row + 1
        name = translate(section, self.lang)
        for line in lines:
            self.row += 1
            self.text(self.row, 1, name)
            self.text(self.row, 2, line.id)
            self.text(self.row, 3, line.item)
            self.text(self.row, 4, line.type)
            for i, amount in enumerate(line.amounts):
                self.number(self.row, FIRST_YEAR_COLUMN + i, amount, self.yen)
            self.number(self.row, TOTAL_COLUMN, self.row_sum(self.row), self.yen)
            self.text(self.row, NOTES_COLUMN, line.notes)
        return first, self.row

    def row_sum(self, row: int) -> str:
        letters = _year_letters()
        return f"=SUM({letters[0]}{row}:{letters[-1]}{row})"

    def total(self, label: str, span: tuple[int, int]) -> int:
        """A row that adds up a section, year by year and over the three years; returns its row."""
        self.row += 1
        first, last = span
        self.text(self.row, 1, translate(label, self.lang))
        for column in _sum_columns():
            letter = _letter(column)
            value = f"=SUM({letter}{first}:{letter}{last})" if last >= first else 0
            self.number(self.row, column, value, self.yen)
        self.emphasise(self.row)
        return self.row

    def ratio(self, label: str, part: int, whole: int) -> None:
        """A row of ``part / whole`` per year and over the three years (0 where there is no cost)."""
        self.row += 1
        self.text(self.row, 1, translate("plan.section.ratios", self.lang))
        self.text(self.row, 3, label)
        for column in _sum_columns():
            letter = _letter(column)
            formula = f"=IF({letter}{whole}=0,0,{letter}{part}/{letter}{whole})"
            self.number(self.row, column, formula, PERCENT_FORMAT)


def _lines(plan: CostPlan, c: Consortium, lang: str) -> tuple[list[_Line], list[_Line], list[_Line]]:
    cost_types = labels("costType", lang)
    points = labels("revenuePoint", lang)
    member_types = labels("memberType", lang)
    names = c.member_display_names(lang)
    types = {m.id: member_types.get(m.type, m.type) for m in c.members}
    costs = [_Line(x.id, x.item, cost_types.get(x.type, x.type), x.amounts, x.notes) for x in plan.costs]
    revenues = [_Line(x.id, x.item, points.get(x.point, x.point), x.amounts, x.notes) for x in plan.revenues]
    shares = [
        _Line(x.id, names.get(x.member, x.member), types.get(x.member, ""), x.amounts, x.notes) for x in plan.shares
    ]
    return costs, revenues, shares


def _write_plan(sheet: Worksheet, plan: CostPlan, c: Consortium, lang: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.properties import PageSetupProperties

    out = _Writer(sheet, lang)
    out.text(1, 1, plan.title)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    out.text(2, 1, translate("plan.unit", lang))
    era = lang == "ja" and uses_japanese_era(c)
    heads = [
        translate("plan.head.section", lang),
        translate("plan.head.id", lang),
        translate("plan.head.item", lang),
        translate("plan.head.type", lang),
        *(format_fiscal_year(year, lang, japanese_era=era) for year in fiscal_years(plan)),
        translate("plan.head.total", lang),
        translate("plan.head.notes", lang),
    ]
    for column, head in enumerate(heads, 1):
        out.text(HEAD_ROW, column, head)
    out.emphasise(HEAD_ROW)
    costs, revenues, shares = _lines(plan, c, lang)
    cost_total = out.total("plan.total.costs", out.items("plan.section.costs", costs))
    revenue_total = out.total("plan.total.revenues", out.items("plan.section.revenues", revenues))
    share_span = out.items("plan.section.shares", shares)
    share_total = out.total("plan.total.shares", share_span)
    out.ratio(translate("plan.ratio.revenues", lang), revenue_total, cost_total)
    for offset, line in enumerate(shares):
        out.ratio(translate("plan.ratio.share", lang, member=line.item), share_span[0] + offset, cost_total)
    out.row += 1
    balance = out.row
    out.text(balance, 1, translate("plan.section.balance", lang))
    out.text(balance, 3, translate("plan.balance", lang))
    for column in _sum_columns():
        letter = _letter(column)
        formula = f"={letter}{revenue_total}+{letter}{share_total}-{letter}{cost_total}"
        out.number(balance, column, formula, out.yen)
    out.emphasise(balance)
    out.row += 1
    out.text(out.row, 1, translate("plan.section.balance", lang))
    out.text(out.row, 3, translate("plan.verdict", lang))
    balanced = formula_text(translate("plan.verdict.balanced", lang))
    short = formula_text(translate("plan.verdict.short", lang))
    for column in _sum_columns():
        letter = _letter(column)
        sheet.cell(row=out.row, column=column, value=f"=IF({letter}{balance}>=0,{balanced},{short})")
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, width in enumerate(_WIDTHS, 1):
        sheet.column_dimensions[_letter(column)].width = width
        if column in (3, NOTES_COLUMN):
            for row in range(HEAD_ROW + 1, out.row + 1):
                sheet.cell(row=row, column=column).alignment = wrap
    sheet.freeze_panes = f"{_letter(FIRST_YEAR_COLUMN)}{HEAD_ROW + 1}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def sheet_titles(count: int, lang: str) -> list[str]:
    """The titles of the sheets of ``count`` plans: 収支計画, or 収支計画 1, 収支計画 2 … when there are several."""
    title = translate("plan.sheet", lang)
    return [title] if count == 1 else [f"{title} {n}" for n in range(1, count + 1)]


def render_plan_xlsx(c: Consortium, lang: str) -> bytes:
    """Every plan of the consortium as a sheet of one workbook, in the order the files were read.

    The command asks :func:`~dxkit.render.exports.has_source` first: a consortium without a plan
    is a caller's mistake here (:class:`ValueError`), not an empty workbook.
    """
    if not c.plans:
        raise ValueError("the consortium has no cost plan to export")
    from openpyxl import Workbook
    from openpyxl.workbook.properties import CalcProperties

    book = Workbook()
    first = book.active
    if first is not None:  # a new workbook always has one sheet: the plans get sheets of their own
        book.remove(first)
    for plan, title in zip(c.plans, sheet_titles(len(c.plans), lang), strict=True):
        _write_plan(book.create_sheet(title), plan, c, lang)
    # Excel computes every formula when it opens the file (openpyxl stores no results).
    book.calculation = CalcProperties(fullCalcOnLoad=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
