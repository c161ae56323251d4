"""``dxkit assess`` and ``dxkit new assessment``: where a consortium stands, and a new round to answer.

``assess`` reports and never fails on findings (exit 0); exit 2 when the folder cannot be read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import (
    LangOption,
    TodayOption,
    chosen_lang,
    date_option_value,
    help_text,
    metavar,
    open_folder,
    today_option_value,
)
from dxkit.cli._output import emit, show, write
from dxkit.i18n import t
from dxkit.reading import Reading
from dxkit.reporters.assessment import ASSESS_REPORTERS, AssessFormat

#: Every kind a pre-fill may read.
NEEDS = ("consortium", "members", "roles", "gates", "issues", "workshop", "retrospective", "assessment")


def assess(
    directory: Annotated[
        Path, typer.Argument(help=help_text("help.analysis.dir"), metavar=metavar("cli.metavar.folder"))
    ] = Path("."),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=help_text("help.assess.output"),
            metavar=metavar("cli.metavar.file"),
            show_default=False,
        ),
    ] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help=help_text("help.lessons.overwrite"))] = False,
    today: TodayOption = None,
    output_format: Annotated[
        AssessFormat, typer.Option("--format", "-f", help=help_text("help.assess.format"))
    ] = AssessFormat.text,
    lang: LangOption = None,
) -> None:
    from dxkit.analyses.assessment import build_assessment
    from dxkit.errors import UsageError
    from dxkit.questions import load_question_set
    from dxkit.reporters.blocks import Verbatim
    from dxkit.writing import write_atomic

    language = chosen_lang(lang)
    consortium = open_folder(str(directory), language, today_option_value(today), needs=NEEDS)
    questions = load_question_set()
    report = build_assessment(consortium, questions)
    blocks = ASSESS_REPORTERS[output_format](report, questions, language, Reading.of(consortium))
    if output is None:
        emit(blocks)
        return
    if output_format not in (AssessFormat.md, AssessFormat.html, AssessFormat.json):
        raise UsageError("assess.output_format")
    if output.exists() and not overwrite:
        raise UsageError("lessons.exists", path=str(output))
    text = "".join(b.text for b in blocks if isinstance(b, Verbatim))
    write_atomic(output, text.encode("utf-8"))
    show(t("assess.written", language, path=str(output)))


def new_assessment(
    directory: Annotated[
        Path, typer.Option("--dir", "-d", help=help_text("help.new.dir"), metavar=metavar("cli.metavar.folder"))
    ] = Path("."),
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help=help_text("help.new.date"), metavar=metavar("cli.metavar.date"), show_default=False
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", help=help_text("help.new.title"), metavar=metavar("cli.metavar.title"), show_default=False
        ),
    ] = None,
    lang: LangOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=help_text("help.init.dry_run"))] = False,
) -> None:
    from dxkit.artifacts import free_path
    from dxkit.cli._common import speak
    from dxkit.cli.new import _charter_language
    from dxkit.errors import UsageError
    from dxkit.i18n import resolve_lang
    from dxkit.loading import load_text
    from dxkit.questions import load_question_set
    from dxkit.render.assessment import render_round_yaml
    from dxkit.scaffold import clean_text
    from dxkit.writing import create_new

    language = chosen_lang(lang) if lang else speak(_charter_language(directory) or resolve_lang())
    day = date_option_value(date, "--date").isoformat()
    text = render_round_yaml(
        load_question_set(), language, date=day, title=clean_text(title, "title") if title else None
    )
    load_text(text, "assessment.yaml")  # what dxkit writes must read back
    if dry_run:
        write(text)
        show(t("init.dry_run", language), err=True)
        return
    folder = directory / "assessments"
    if folder.exists() and (folder.is_symlink() or not folder.is_dir()):
        raise UsageError("new.folder_blocked", folder=str(folder))
    path = free_path(folder, day, "assessment")
    create_new(path, text.encode("utf-8"))
    show(f"create    {path}")
    show(t("assess.new.created", language, path=str(path)))
