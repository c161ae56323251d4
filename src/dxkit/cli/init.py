"""``dxkit init DIR``: scaffold a consortium folder without losing anything."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import LangOption, chosen_lang, help_text, metavar
from dxkit.cli._output import emit, show
from dxkit.i18n import t
from dxkit.reporters.writes import render_steps, render_summary, skipped
from dxkit.scaffold import apply, init_files, plan


def _is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask(label: str, default: str) -> str:
    return str(typer.prompt(label, default=default))


class CI(StrEnum):
    github = "github"
    gitlab = "gitlab"
    none = "none"


def init(
    directory: Annotated[
        Path, typer.Argument(help=help_text("help.init.dir"), metavar=metavar("cli.metavar.folder"), show_default=False)
    ],
    name: Annotated[
        str | None,
        typer.Option(
            "--name", help=help_text("help.init.name"), metavar=metavar("cli.metavar.name"), show_default=False
        ),
    ] = None,
    municipality: Annotated[
        str | None,
        typer.Option(
            "--municipality",
            help=help_text("help.init.municipality"),
            metavar=metavar("cli.metavar.name"),
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    no_input: Annotated[bool, typer.Option("--no-input", help=help_text("help.init.no_input"))] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help=help_text("help.init.overwrite"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=help_text("help.init.dry_run"))] = False,
    ci: Annotated[CI, typer.Option("--ci", help=help_text("help.init.ci"))] = CI.none,
    pre_commit: Annotated[bool, typer.Option("--pre-commit", help=help_text("help.init.pre_commit"))] = False,
) -> None:
    language = chosen_lang(lang)
    interactive = not no_input and _is_terminal()
    if municipality is None:
        default = t("init.default_municipality", language)
        municipality = _ask(t("init.prompt.municipality", language), default) if interactive else default
    if name is None:
        default = t("init.default_name", language, municipality=municipality.strip())
        name = _ask(t("init.prompt.name", language), default) if interactive else default
    files = init_files(
        name=name,
        municipality=municipality,
        lang=language,
        today=dt.date.today(),
        ci=ci.value,
        pre_commit=pre_commit,
    )
    steps = plan(directory, files, overwrite=overwrite)
    if not dry_run:
        # All files or none: what is reported below has happened (a failure says nothing changed).
        apply(directory, steps)
    emit(render_steps(directory, steps))
    if dry_run:
        show(t("init.dry_run", language))
    emit(render_summary(steps, language))
    if skipped(steps):
        show(t("init.skip_hint", language))
    if not dry_run:
        show(t("init.next", language, dir=str(directory)))
