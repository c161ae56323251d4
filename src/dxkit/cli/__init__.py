"""The ``dxkit`` command line: thin wrappers that parse arguments, call the core, print.

Help texts follow ``DXKIT_LANG`` (Japanese by default); messages follow ``--lang``.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from dxkit import __version__
from dxkit.cli import agenda as _agenda
from dxkit.cli import analyses as _analyses
from dxkit.cli import exchange as _exchange
from dxkit.cli import init as _init
from dxkit.cli import new as _new
from dxkit.cli import promote as _promote
from dxkit.cli import schema as _schema
from dxkit.cli import site as _site
from dxkit.cli import validate as _validate
from dxkit.cli._common import HELP_LANG, report_bug
from dxkit.i18n import t

app = typer.Typer(
    name="dxkit",
    help=t("help.app", HELP_LANG),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("init", help=t("help.init", HELP_LANG))(_init.init)
app.command("validate", help=t("help.validate", HELP_LANG))(_validate.validate)
app.add_typer(_new.app, name="new")
app.command("agenda", help=t("help.agenda", HELP_LANG))(_agenda.agenda)
app.command("promote", help=t("help.promote", HELP_LANG))(_promote.promote)
app.command("status", help=t("help.status", HELP_LANG))(_analyses.status)
app.command("gate", help=t("help.gate", HELP_LANG))(_analyses.gate)
app.command("keyperson", help=t("help.keyperson", HELP_LANG))(_analyses.keyperson)
app.command("lessons", help=t("help.lessons", HELP_LANG))(_analyses.lessons)
app.command("export", help=t("help.export", HELP_LANG))(_exchange.export)
app.command("import", help=t("help.import", HELP_LANG))(_exchange.import_sheet)
app.add_typer(_schema.app, name="schema")
app.add_typer(_site.app, name="site")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dxkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=t("help.version", HELP_LANG)),
    ] = False,
) -> None:
    """dxkit."""


def main() -> None:
    """Console entry point: no traceback ever reaches a person."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so briefly, never dump a traceback on a person
        report_bug(exc)
        sys.exit(2)
