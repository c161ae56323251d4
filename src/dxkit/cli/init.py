"""``dxkit init DIR``: scaffold a consortium folder without losing anything."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import HELP_LANG, LangOption, chosen_lang
from dxkit.i18n import t
from dxkit.scaffold import Action, apply, init_files, plan


def _is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask(label: str, default: str) -> str:
    return typer.prompt(label, default=default)


class CI(StrEnum):
    github = "github"
    gitlab = "gitlab"
    none = "none"


def init(
    directory: Annotated[Path, typer.Argument(help=t("help.init.dir", HELP_LANG), show_default=False)],
    name: Annotated[str | None, typer.Option("--name", help=t("help.init.name", HELP_LANG), show_default=False)] = None,
    municipality: Annotated[
        str | None,
        typer.Option("--municipality", help=t("help.init.municipality", HELP_LANG), show_default=False),
    ] = None,
    lang: LangOption = None,
    no_input: Annotated[bool, typer.Option("--no-input", help=t("help.init.no_input", HELP_LANG))] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help=t("help.init.overwrite", HELP_LANG))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help.init.dry_run", HELP_LANG))] = False,
    ci: Annotated[CI, typer.Option("--ci", help=t("help.init.ci", HELP_LANG))] = CI.none,
    pre_commit: Annotated[bool, typer.Option("--pre-commit", help=t("help.init.pre_commit", HELP_LANG))] = False,
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
    for step in steps:
        typer.echo(f"{step.action.value:<9} {directory / step.rel}")
    if dry_run:
        typer.echo(t("init.dry_run", language))
    else:
        apply(directory, steps)
    counts = Counter(step.action for step in steps)
    typer.echo(
        t(
            "init.summary",
            language,
            create=counts[Action.CREATE],
            identical=counts[Action.IDENTICAL],
            skip=counts[Action.SKIP],
            overwrite=counts[Action.OVERWRITE],
        )
    )
    if counts[Action.SKIP]:
        typer.echo(t("init.skip_hint", language))
    if not dry_run:
        typer.echo(t("init.next", language, dir=str(directory)))
