"""Pieces every command shares: language options, error handling, exit codes."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Annotated

import typer

from dxkit import __version__
from dxkit.errors import DxkitError
from dxkit.i18n import resolve_lang, t

#: The language of help texts, fixed when the command line is built.
HELP_LANG = resolve_lang()

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class Lang(str, Enum):
    ja = "ja"
    en = "en"


LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help=t("help.lang", HELP_LANG), show_default=False),
]


def chosen_lang(lang: Lang | None) -> str:
    return resolve_lang(lang.value if lang else None)


@contextmanager
def user_errors(lang: str) -> Iterator[None]:
    """Turn an expected failure into its message on stderr and its exit code."""
    try:
        yield
    except DxkitError as err:
        typer.echo(t("cli.error_prefix", lang) + err.message(lang), err=True)
        raise typer.Exit(err.exit_code) from None


def report_bug(exc: BaseException) -> None:
    lang = resolve_lang()
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    place = f" ({where[0].filename.rsplit('/', 1)[-1]}:{where[0].lineno})" if where else ""
    sys.stderr.write(
        t("cli.bug", lang, version=__version__, error=f"{type(exc).__name__}{place}") + "\n"
    )
