"""``dxkit validate [PATH…]``: check governance files against schemas and rules."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from dxkit.cli._common import (
    LangOption,
    TodayOption,
    chosen_lang,
    help_text,
    metavar,
    today_option_value,
)
from dxkit.cli._output import show, write
from dxkit.cli._progress import progress
from dxkit.errors import UsageError, exit_code_for_findings
from dxkit.i18n import t
from dxkit.reporters import REPORTERS
from dxkit.rules import Selection, known_prefix
from dxkit.validate import check_paths

if TYPE_CHECKING:

    class Format(StrEnum):
        """The ``--format`` choices: one per reporter in ``REPORTERS``."""

else:
    Format = StrEnum("Format", {name: name for name in REPORTERS})


def _codes(values: list[str] | None) -> tuple[str, ...]:
    codes: list[str] = []
    for value in values or ():
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not known_prefix(code):
                raise UsageError("validate.unknown_code", code=code)
            codes.append(code)
    return tuple(codes)


def _fix(paths: list[str], lang: str) -> None:
    """Rewrite labels and dates in canonical form, saying what changed (on standard error, so a
    report in JSON or another format stays whole on standard output)."""
    from dxkit.fixing import fix_paths

    files = count = 0
    for done in fix_paths(paths, lang):
        for item in done.fixes:
            params = {"file": done.display, "line": item.line, "column": item.column, "field": item.where}
            show(t("fix.rewrote", lang, old=item.old, new=item.new, **params), err=True)
        files += bool(done.fixes)
        count += len(done.fixes)
    show(t("fix.summary", lang, files=files, count=count) if count else t("fix.nothing", lang), err=True)


def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help=help_text("help.validate.paths"), metavar=metavar("cli.metavar.path"), show_default=False),
    ] = None,
    output_format: Annotated[Format, typer.Option("--format", "-f", help=help_text("help.validate.format"))] = Format[
        "text"
    ],
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select", help=help_text("help.validate.select"), metavar=metavar("cli.metavar.codes"), show_default=False
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", help=help_text("help.validate.ignore"), metavar=metavar("cli.metavar.codes"), show_default=False
        ),
    ] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help=help_text("help.validate.exit_zero"))] = False,
    fix: Annotated[bool, typer.Option("--fix", help=help_text("help.validate.fix"))] = False,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=0, help=help_text("help.validate.jobs"), metavar=metavar("cli.metavar.count")),
    ] = 0,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    language = chosen_lang(lang)
    selection = Selection(select=_codes(select) or ("DX",), ignore=_codes(ignore))
    if fix:
        _fix(paths or ["."], language)
    with progress(t("progress.validate", language)) as report_progress:
        report = check_paths(
            paths or ["."],
            lang=language,
            today=today_option_value(today),
            selection=selection,
            progress=report_progress,
            jobs=jobs,
        )
    nothing_found = report.files == 0 and not report.unusable_paths
    if not (nothing_found and output_format.value == "text"):
        # With nothing to check, a person reads one message (below), not also "no problems in
        # 0 files"; a machine format still gets its document.
        write(REPORTERS[output_format.value](report, language))
    if nothing_found:
        show(t("validate.no_files", language, paths=" ".join(paths or ["."])), err=True)
    incomplete = nothing_found or bool(report.unusable_paths)
    raise typer.Exit(exit_code_for_findings(report.errors, exit_zero=exit_zero, incomplete=incomplete))
