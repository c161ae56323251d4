"""``dxkit export`` and ``dxkit import``: the role matrix in Excel, CSV, calendars and charts."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import (
    LangOption,
    TodayOption,
    chosen_lang,
    help_text,
    load_checked,
    metavar,
    open_folder,
    today_option_value,
    write_edit,
)
from dxkit.cli._output import show, write
from dxkit.i18n import t


class ExportKind(StrEnum):
    roles = "roles"
    issues = "issues"


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"
    ics = "ics"
    md = "md"
    mermaid = "mermaid"


def export(
    kind: Annotated[
        ExportKind, typer.Argument(help=help_text("help.export.kind"), metavar=metavar("cli.metavar.kind"))
    ],
    directory: Annotated[
        Path, typer.Argument(help=help_text("help.analysis.dir"), metavar=metavar("cli.metavar.folder"))
    ] = Path("."),
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help=help_text("help.format"))
    ] = ExportFormat.xlsx,
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
    from dxkit.render.exports import EXPORTERS, ExportOptions, export_formats, has_source
    from dxkit.writing import write_atomic

    language = chosen_lang(lang)
    fmt = output_format.value
    exporter = EXPORTERS.get((kind.value, fmt))
    if exporter is None:
        formats = ", ".join(export_formats(kind.value))
        raise UsageError("export.bad_format", kind=kind.value, format=fmt, formats=formats)
    day = today_option_value(today)
    consortium = open_folder(str(directory), language, day)
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
        typer.Argument(help=help_text("help.import.file"), metavar=metavar("cli.metavar.workbook"), show_default=False),
    ],
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
    from dxkit.errors import UsageError
    from dxkit.schema_check import require_valid
    from dxkit.sheet_import import plan_import, read_sheet
    from dxkit.validate import open_consortium

    language = chosen_lang(lang)
    target = into or Path("roles.yaml")
    # The workbook first: a file that is no workbook, or one beyond the reader's limits, is
    # refused before any work is spent on the consortium.
    title, table = read_sheet(workbook)
    roles = load_checked(target, ("roles",), language)
    consortium, _ = open_consortium(str(target.parent), lang=language, today=dt.date.today())
    members = consortium.member_ids()
    raw = target.read_bytes()
    plan = plan_import(title, table, roles, raw.decode("utf-8-sig"), members, prune=prune)
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
    for task_id, key, old, new in plan.changed:
        show(
            t(
                "import.changed",
                language,
                id=task_id,
                key=key,
                old="" if old is None else old,
                new="" if new is None else new,
            )
        )
    for task_id in plan.added:
        show(t("import.added", language, id=task_id))
    for task_id in plan.missing:
        show(t("import.pruned" if prune else "import.missing", language, id=task_id))
    if plan.changes == 0:
        show(t("import.no_changes", language, file=str(target)))
        return
    if dry_run:
        require_valid(plan.text, str(target), language)
        show(t("init.dry_run", language))
        return
    write_edit(target, raw, plan.text, language)
    show(t("import.written", language, file=str(target), count=plan.changes))
