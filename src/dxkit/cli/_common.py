"""Pieces every command shares: language options, error handling, exit codes."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from dxkit import __version__
from dxkit.errors import DxkitError, exit_code_for
from dxkit.i18n import resolve_lang, t

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from dxkit.loading import Document

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
        raise typer.Exit(exit_code_for(err)) from None


def today_option_value(value: str | None) -> dt.date:
    import datetime as dt

    from dxkit.errors import UsageError

    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError("validate.bad_today", value=value) from None


TodayOption = Annotated[
    str | None, typer.Option("--today", help=t("help.validate.today", HELP_LANG), show_default=False)
]


class Output(str, Enum):
    text = "text"
    json = "json"


FormatOption = Annotated[Output, typer.Option("--format", "-f", help=t("help.format", HELP_LANG))]


def jsonable(value: object, lang: str) -> object:
    """Dataclass trees to JSON-ready data; a Reason becomes its id and its message."""
    import dataclasses

    from dxkit.analyses import Reason

    if isinstance(value, Reason):
        return {"code": value.msg_id, "message": t(value.msg_id, lang, **value.params)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name), lang) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v, lang) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v, lang) for v in value]
    return value


def print_json(value: object, lang: str) -> None:
    import json

    typer.echo(json.dumps(jsonable(value, lang), ensure_ascii=False, indent=2))


def console():
    """A Rich console for people; plain (no colour codes) when not writing to a terminal."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def open_folder(folder: str, lang: str, today: dt.date):
    """Load a consortium for an analysis and warn (stderr) when files had to be left out."""
    from dxkit.validate import open_consortium

    consortium, problems = open_consortium(folder, lang=lang, today=today)
    errors = [f for f in problems if f.severity.value == "error"]
    if errors:
        files = sorted({f.file for f in errors})
        typer.echo(t("analysis.partial", lang, count=len(files), files=", ".join(files)), err=True)
    return consortium


def load_checked(path: Path, kinds: tuple[str, ...], lang: str) -> Document:
    """Load a file a command works on; any problem becomes a usage error with file:line:col."""
    from dxkit.editing import load_checked as load

    return load(path, kinds, lang)


def write_edit(path: Path, original: bytes, text: str, lang: str) -> None:
    """Write an edited file: only if the result is valid and nobody changed the file meanwhile."""
    from dxkit.editing import write_edit as write

    write(path, original, text, lang)


def report_bug(exc: BaseException) -> None:
    lang = resolve_lang()
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    place = f" ({where[0].filename.rsplit('/', 1)[-1]}:{where[0].lineno})" if where else ""
    sys.stderr.write(t("cli.bug", lang, version=__version__, error=f"{type(exc).__name__}{place}") + "\n")
