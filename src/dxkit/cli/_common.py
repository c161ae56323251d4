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


def open_folder(folder: str, lang: str, today: dt.date):
    """Load a consortium for an analysis and warn (stderr) when files had to be left out."""
    from dxkit.validate import open_consortium

    consortium, problems = open_consortium(folder, lang=lang, today=today)
    errors = [f for f in problems if f.severity.value == "error"]
    if errors:
        files = sorted({f.file for f in errors})
        typer.echo(t("analysis.partial", lang, count=len(files), files=", ".join(files)), err=True)
    return consortium


def load_checked(path, kinds: tuple[str, ...], lang: str):
    """Load a file a command works on; any problem becomes a usage error with file:line:col."""
    from dxkit.errors import UsageError
    from dxkit.loading import LoadError, load_file
    from dxkit.schema_check import check_schema

    try:
        doc = load_file(path)
    except LoadError as err:
        raise UsageError(
            "agenda.unreadable",
            file=str(path),
            line=err.position.line,
            column=err.position.column,
            detail=err.message(lang),
        ) from None
    if doc.kind not in kinds:
        raise UsageError("command.wrong_kind", file=str(path), kinds=", ".join(kinds))
    problems = check_schema(doc, lang)
    if problems:
        first = problems[0]
        raise UsageError("agenda.invalid", file=first.file, line=first.line, column=first.column, detail=first.message)
    return doc


def write_edit(path, original: bytes, text: str, lang: str) -> None:
    """Write an edited file: only if the result is valid and nobody changed the file meanwhile.

    A byte-order mark the person's file had is kept.
    """
    from dxkit.errors import UsageError
    from dxkit.scaffold import write_atomic
    from dxkit.schema_check import require_valid

    require_valid(text, str(path), lang)
    if path.read_bytes() != original:
        raise UsageError("promote.changed", file=str(path))
    bom = b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b""
    write_atomic(path, bom + text.encode("utf-8"))


def report_bug(exc: BaseException) -> None:
    lang = resolve_lang()
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    place = f" ({where[0].filename.rsplit('/', 1)[-1]}:{where[0].lineno})" if where else ""
    sys.stderr.write(t("cli.bug", lang, version=__version__, error=f"{type(exc).__name__}{place}") + "\n")
