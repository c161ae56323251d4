"""``dxkit schema export DIR``: the JSON Schemas, for editors that validate offline."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import HELP_LANG, LangOption, chosen_lang
from dxkit.i18n import t

app = typer.Typer(help=t("help.schema", HELP_LANG), no_args_is_help=True)


@app.command("export", help=t("help.schema.export", HELP_LANG))
def export(
    directory: Annotated[Path, typer.Argument(help=t("help.schema.dir", HELP_LANG), show_default=False)],
    overwrite: Annotated[bool, typer.Option("--overwrite", help=t("help.init.overwrite", HELP_LANG))] = False,
    lang: LangOption = None,
) -> None:
    from pathlib import PurePosixPath

    from dxkit.scaffold import Action, PlannedFile, apply, plan, schema_files
    from dxkit.schemas import SCHEMA_VERSION

    language = chosen_lang(lang)
    version = f"v{SCHEMA_VERSION}"
    files = [PlannedFile(PurePosixPath(version, f.rel.name), f.content) for f in schema_files()]
    steps = plan(directory, files, overwrite=overwrite)
    apply(directory, steps)
    for step in steps:
        typer.echo(f"{step.action.value:<9} {directory / step.rel}")
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
