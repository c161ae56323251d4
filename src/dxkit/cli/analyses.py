"""``dxkit status``, ``gate``, ``keyperson`` and ``lessons``: analyses of one consortium folder.

They report and never fail on findings (exit 0); exit 2 when the folder cannot be read.
"""

from __future__ import annotations

import datetime as dt
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
from dxkit.cli._output import emit, show
from dxkit.i18n import t
from dxkit.reading import Reading
from dxkit.reporters.analyses import (
    GATE_REPORTERS,
    KEYPERSON_REPORTERS,
    LESSONS_REPORTERS,
    STATUS_REPORTERS,
    AnalysisFormat,
)
from dxkit.reporters.blocks import Verbatim

if TYPE_CHECKING:
    from dxkit.errors import DxkitError

FolderArgument = Annotated[
    Path, typer.Argument(help=help_text("help.analysis.dir"), metavar=metavar("cli.metavar.folder"))
]
FormatOption = Annotated[AnalysisFormat, typer.Option("--format", "-f", help=help_text("help.format"))]


def status(
    directory: FolderArgument = Path("."),
    today: TodayOption = None,
    soon: Annotated[
        int, typer.Option("--soon", help=help_text("help.status.soon"), metavar=metavar("cli.metavar.days"), min=0)
    ] = 14,
    output_format: FormatOption = AnalysisFormat.text,
    lang: LangOption = None,
) -> None:
    from dxkit.analyses.status import build_status

    language = chosen_lang(lang)
    needs = ("consortium", "members", "roles", "gates", "retrospective")
    consortium = open_folder(str(directory), language, today_option_value(today), needs=needs)
    report = build_status(consortium, soon_days=soon)
    emit(STATUS_REPORTERS[output_format](report, language, Reading.of(consortium)))


def gate(
    directory: FolderArgument = Path("."),
    today: TodayOption = None,
    output_format: FormatOption = AnalysisFormat.text,
    lang: LangOption = None,
) -> None:
    from dxkit.analyses.gates import build_gate_report

    language = chosen_lang(lang)
    consortium = open_folder(str(directory), language, today_option_value(today), needs=("consortium", "gates"))
    report = build_gate_report(consortium)
    emit(GATE_REPORTERS[output_format](report, language, Reading.of(consortium)))


def keyperson(
    directory: FolderArgument = Path("."),
    today: TodayOption = None,
    top: Annotated[
        int, typer.Option("--top", help=help_text("help.keyperson.top"), metavar=metavar("cli.metavar.people"), min=1)
    ] = 5,
    output_format: FormatOption = AnalysisFormat.text,
    lang: LangOption = None,
) -> None:
    from dxkit.analyses.keyperson import analyse

    language = chosen_lang(lang)
    needs = ("consortium", "members", "roles")
    consortium = open_folder(str(directory), language, today_option_value(today), needs=needs)
    report = analyse(consortium, top=top)
    emit(KEYPERSON_REPORTERS[output_format](report, language, Reading.of(consortium)))


def lessons(
    directory: FolderArgument = Path("."),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=help_text("help.lessons.output"),
            metavar=metavar("cli.metavar.file"),
            show_default=False,
        ),
    ] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help=help_text("help.lessons.overwrite"))] = False,
    gather_all: Annotated[bool, typer.Option("--all", help=help_text("help.lessons.all"))] = False,
    today: TodayOption = None,
    output_format: FormatOption = AnalysisFormat.text,
    lang: LangOption = None,
) -> None:
    from dxkit.analyses.lessons import gather
    from dxkit.errors import UsageError
    from dxkit.render.lessons import render_lessons
    from dxkit.writing import write_atomic

    language = chosen_lang(lang)
    if gather_all:
        _lessons_of_all(str(directory), output, overwrite, today_option_value(today), output_format, language)
        return
    needs = ("consortium", "retrospective")
    consortium = open_folder(str(directory), language, today_option_value(today), needs=needs)
    result, reading = gather(consortium), Reading.of(consortium)
    if output is None or output_format is AnalysisFormat.json:
        emit(LESSONS_REPORTERS[output_format](result, language, reading))
        return
    if output.exists() and not overwrite:
        raise UsageError("lessons.exists", path=str(output))
    write_atomic(output, render_lessons(result, language, reading=reading).encode("utf-8"))
    show(t("lessons.written", language, path=str(output), count=result.retrospectives))


def _left_out(folder: str, exc: DxkitError, language: str) -> str:
    """The note for a consortium ``--all`` leaves out: the run goes on, so it never says it stopped."""
    if exc.msg_id == "analysis.unreadable":
        return t("fixups.lessons_left_out", language, folder=folder, **exc.params)
    return t("feed.skipped", language, folder=folder, reason=exc.message(language))


def _lessons_of_all(
    root: str, output: Path | None, overwrite: bool, today: dt.date, output_format: AnalysisFormat, language: str
) -> None:
    """``dxkit lessons ROOT --all``: the published lessons of every consortium below ``root``.

    A consortium that cannot be read is named on standard error and left out; the others go on.
    """
    from dxkit.discovery import consortia_under
    from dxkit.errors import DxkitError, UsageError
    from dxkit.render.feed import feed_entries
    from dxkit.reporters.feed import Collection, render_collection_json, render_collection_text
    from dxkit.writing import write_atomic

    if output is not None and output_format is not AnalysisFormat.json:
        raise UsageError("feed.json_only", path=str(output))
    folders = consortia_under(root)
    collection = Collection(consortia=0)
    for folder in folders:
        try:
            consortium = open_folder(folder, language, today, needs=("consortium", "retrospective"), only=False)
        except DxkitError as exc:
            show(_left_out(folder, exc, language), err=True)
            continue
        collection.consortia += 1
        collection.entries += feed_entries(consortium, language)
    collection.entries.sort(key=lambda e: (e.date, e.consortium, e.id), reverse=True)
    if output_format is AnalysisFormat.json:
        document = render_collection_json(collection, language)
    else:
        document = render_collection_text(collection, language)
    if output is None:
        emit(document)
        return
    if output.exists() and not overwrite:
        raise UsageError("lessons.exists", path=str(output))
    text = "".join(block.text for block in document if isinstance(block, Verbatim))
    write_atomic(output, text.encode("utf-8"))
    show(t("feed.written", language, path=str(output), count=collection.consortia, lessons=len(collection.entries)))
