"""``dxkit export`` and ``dxkit import``: the role matrix in Excel, CSV, calendars and charts; the charter in Word;
the cost plan in Excel.

The members go out as a table (CSV) or as Popolo JSON for other civic tools.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dxkit.cli._common import (
    LangOption,
    TodayOption,
    chosen_lang,
    help_text,
    metavar,
    open_folder,
    today_option_value,
)
from dxkit.cli._output import show, write
from dxkit.i18n import t

if TYPE_CHECKING:
    from dxkit.sheet_import import ImportPlan


class ExportKind(StrEnum):
    roles = "roles"
    issues = "issues"
    charter = "charter"
    plan = "plan"
    members = "members"


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"
    ics = "ics"
    md = "md"
    mermaid = "mermaid"
    docx = "docx"
    decidim = "decidim"
    popolo = "popolo"


def export(
    kind: Annotated[
        ExportKind, typer.Argument(help=help_text("help.export.kind"), metavar=metavar("cli.metavar.kind"))
    ],
    directory: Annotated[
        Path, typer.Argument(help=help_text("help.analysis.dir"), metavar=metavar("cli.metavar.folder"))
    ] = Path("."),
    output_format: Annotated[
        ExportFormat | None,
        typer.Option("--format", "-f", help=help_text("help.export.format"), show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=help_text("help.export.output"),
            metavar=metavar("cli.metavar.file"),
            show_default=False,
        ),
    ] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help=help_text("help.lessons.overwrite"))] = False,
    bom: Annotated[bool, typer.Option("--bom/--no-bom", help=help_text("help.export.bom"))] = True,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    from dxkit.errors import UsageError
    from dxkit.render.exports import DEFAULT_FORMATS, EXPORTERS, ExportOptions, export_formats, has_source
    from dxkit.writing import write_atomic

    language = chosen_lang(lang)
    fmt = output_format.value if output_format is not None else DEFAULT_FORMATS[kind.value]
    exporter = EXPORTERS.get((kind.value, fmt))
    if exporter is None:
        formats = ", ".join(export_formats(kind.value))
        raise UsageError("export.bad_format", kind=kind.value, format=fmt, formats=formats)
    day = today_option_value(today)
    needs = ("consortium", "members", kind.value, *exporter.needs)
    consortium = open_folder(str(directory), language, day, needs=needs)
    if not has_source(consortium, kind.value):
        raise UsageError("export.no_source", kind=kind.value, folder=consortium.root)
    data = exporter.render(consortium, language, ExportOptions(bom=bom, stamp=day))
    if output is None and not exporter.binary:
        write(data.decode("utf-8-sig"))
        return
    target = output or Path(f"{kind.value}.{fmt}")
    if target.exists() and not overwrite:
        raise UsageError("lessons.exists", path=str(target))
    write_atomic(target, data)
    show(t("export.written", language, path=str(target), size=len(data)))


def import_sheet(
    workbook: Annotated[
        Path,
        # readable=False: dxkit's own reader says by name why a workbook cannot be read.
        typer.Argument(
            help=help_text("help.import.file"),
            metavar=metavar("cli.metavar.workbook"),
            show_default=False,
            readable=False,
        ),
    ],
    source_file: Annotated[
        Path | None,
        typer.Argument(
            help=help_text("help.import.source_file"),
            metavar=metavar("cli.metavar.file"),
            show_default=False,
            readable=False,
        ),
    ] = None,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into", help=help_text("help.import.into"), metavar=metavar("cli.metavar.file"), show_default=False
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=help_text("help.init.dry_run"))] = False,
    prune: Annotated[bool, typer.Option("--prune", help=help_text("help.import.prune"))] = False,
    lang: LangOption = None,
) -> None:
    from contextlib import nullcontext

    from dxkit.editing import read_for_edit, write_edit
    from dxkit.errors import UsageError, exit_code_for_findings
    from dxkit.schema_check import require_valid
    from dxkit.sheet_import import plan_import, read_workbook
    from dxkit.validate import open_consortium
    from dxkit.writing import locked

    language = chosen_lang(lang)
    if source_file is not None:  # dxkit import decidim FILE: the first argument names the source
        from dxkit.cli.decidim import import_decidim

        if str(workbook) != "decidim":
            raise UsageError("decidim.unknown_source", source=str(workbook))
        import_decidim(source_file, into, dry_run=dry_run, lang=language)
        return
    target = into or Path("roles.yaml")
    # The workbook first: a file that is no workbook, or one beyond the reader's limits, is
    # refused before any work is spent on the consortium.
    title, table, baseline = read_workbook(workbook)
    # The members (names and ids the cells may hold); roles.yaml is read once, under its lock, below.
    consortium, _ = open_consortium(str(target.parent), lang=language, today=dt.date.today(), leave_out=target)
    # From reading roles.yaml to replacing it, no other dxkit command may change it.
    with nullcontext() if dry_run else locked(target):
        roles, raw = read_for_edit(target, ("roles",), language, changed="import.changed_meanwhile")
        plan = plan_import(
            title, table, roles, raw.decode("utf-8-sig"), consortium, prune=prune, baseline=baseline, lang=language
        )
        if plan.problems:
            for p in plan.problems:
                show(
                    t(
                        "import.cell",
                        language,
                        file=str(workbook),
                        sheet=p.sheet,
                        row=p.row,
                        column=p.column,
                        message=t(p.msg_id, language, **p.params),
                    ),
                    err=True,
                )
            raise UsageError("import.nothing_written", count=len(plan.problems))
        _report(plan, target, language, consortium.member_display_names(language))
        if plan.changes == 0:
            show(t("import.no_changes", language, file=str(target)))
        elif dry_run:
            require_valid(plan.text, str(target), language)
            show(t("init.dry_run", language))
        else:
            write_edit(target, raw, plan.text, language, document=plan.document, changed="import.changed_meanwhile")
            show(t("import.written", language, file=str(target), count=plan.changes))
    if plan.conflicts:
        show(t("import.conflicts", language, count=len(plan.conflicts), file=str(target)), err=True)
        raise typer.Exit(exit_code_for_findings(len(plan.conflicts)))


def _shown(value: object, lang: str, key: str | None = None, names: dict[str, str] | None = None) -> str:
    """A value from a file or a workbook as one line on a terminal, as people read it.

    With the column ``key``, a code reads as its label, a member id as the member's name and an
    ISO date as ``2026年12月13日（日）``.
    """
    from dxkit.dates import format_date, parse_date
    from dxkit.escape import terminal_text
    from dxkit.render.exports import enum_label, member_separator
    from dxkit.sheet_import import COLUMNS

    if value is None or value == "":
        return t("import.empty_value", lang)
    column = COLUMNS.get(key or "")
    items = [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]
    if column is not None and column.kind == "enum":
        items = [enum_label(column, item, lang) for item in items]
    elif column is not None and column.kind in ("members", "member") and names is not None:
        return terminal_text(member_separator(lang).join(names.get(item, item) for item in items))
    elif column is not None and column.kind == "date":
        dates = [parse_date(item) for item in items]
        items = [format_date(d, lang) if d is not None else item for d, item in zip(dates, items, strict=True)]
    return terminal_text(", ".join(items))


def _report(plan: ImportPlan, target: Path, lang: str, names: dict[str, str] | None = None) -> None:
    """What the import found, cell by cell, on standard output (``names``: members by id)."""
    from dxkit.escape import terminal_text
    from dxkit.sheet import header
    from dxkit.sheet_import import COLUMNS

    file = str(target)
    if not plan.three_way:
        show(t("import.two_way", lang, file=file))
    elif plan.stale:
        show(t("import.stale", lang, file=file))
    for task_id, key, old, new in plan.changed:
        shown_old = "" if old is None else _shown(old, lang, key, names)
        shown_new = "" if new is None else _shown(new, lang, key, names)
        column = header("roles", COLUMNS[key], lang)
        show(t("import.changed", lang, id=terminal_text(task_id), key=column, old=shown_old, new=shown_new))
    for task_id in plan.added:
        show(t("import.added", lang, id=terminal_text(task_id)))
    for task_id in plan.gone:
        show(t("import.gone", lang, id=terminal_text(task_id), file=file))
    for task_id in plan.missing:
        show(t("import.missing", lang, id=terminal_text(task_id)))
    for task_id in plan.removed:
        show(t("import.pruned", lang, id=terminal_text(task_id)))
    for c in plan.conflicts:
        task_id = terminal_text(c.task)
        if c.kind == "removed":
            show(t("import.conflict_removed", lang, id=task_id, file=file))
        elif c.kind == "deleted":
            show(t("import.conflict_deleted", lang, id=task_id, file=file))
        else:
            column = header("roles", COLUMNS[c.key or "id"], lang)
            base, yours, theirs = (_shown(v, lang, c.key, names) for v in (c.base, c.yours, c.theirs))
            show(
                t("import.conflict", lang, id=task_id, column=column, base=base, yours=yours, theirs=theirs, file=file)
            )
