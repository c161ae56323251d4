"""``dxkit schema export DIR``: the JSON Schemas, for editors that validate offline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import DxkitCommand, DxkitSubgroup, LangOption, chosen_lang, help_text, metavar
from dxkit.cli._output import emit

app = typer.Typer(cls=DxkitSubgroup, help=help_text("help.schema"), no_args_is_help=True)


@app.command("export", cls=DxkitCommand, help=help_text("help.schema.export"))
def export(
    directory: Annotated[
        Path,
        typer.Argument(help=help_text("help.schema.dir"), metavar=metavar("cli.metavar.folder"), show_default=False),
    ],
    overwrite: Annotated[bool, typer.Option("--overwrite", help=help_text("help.init.overwrite"))] = False,
    lang: LangOption = None,
) -> None:
    from pathlib import PurePosixPath

    from dxkit.reporters.writes import render_steps, render_summary
    from dxkit.scaffold import PlannedFile, apply, plan, schema_files
    from dxkit.schemas import SCHEMA_VERSION

    language = chosen_lang(lang)
    version = f"v{SCHEMA_VERSION}"
    files = [PlannedFile(PurePosixPath(version, f.rel.name), f.content) for f in schema_files()]
    steps = plan(directory, files, overwrite=overwrite)
    apply(directory, steps)
    emit(render_steps(directory, steps))
    emit(render_summary(steps, language))
