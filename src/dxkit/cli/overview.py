"""``dxkit overview``: one row per consortium found under a folder (a prefecture's view).

It reports and never fails on findings (exit 0); exit 2 when the folder cannot be used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import LangOption, TodayOption, chosen_lang, help_text, metavar, today_option_value
from dxkit.cli._output import as_text, emit, show
from dxkit.i18n import t
from dxkit.reporters.overview import OVERVIEW_REPORTERS, OverviewFormat


def overview(
    root: Annotated[
        Path, typer.Argument(help=help_text("help.overview.root"), metavar=metavar("cli.metavar.folder"))
    ] = Path("."),
    output_format: Annotated[
        OverviewFormat, typer.Option("--format", "-f", help=help_text("help.overview.format"))
    ] = OverviewFormat.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=help_text("help.overview.output"),
            metavar=metavar("cli.metavar.file"),
            show_default=False,
        ),
    ] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help=help_text("help.lessons.overwrite"))] = False,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    from dxkit.errors import UsageError
    from dxkit.overview import build_overview
    from dxkit.writing import write_atomic

    language = chosen_lang(lang)
    if output is not None and output.exists() and not overwrite:
        raise UsageError("overview.exists", path=str(output))
    result = build_overview(str(root), lang=language, today=today_option_value(today))
    document = OVERVIEW_REPORTERS[output_format](result, language)
    if output is None:
        emit(document)
        return
    write_atomic(output, as_text(document).encode("utf-8"))
    show(t("overview.written", language, path=str(output), count=len(result.rows)))
