"""Pieces every command shares: the language options, the folder and file loaders, the command classes.

The root group is the one place where an expected failure (a :class:`~dxkit.errors.DxkitError`
raised anywhere in any command) becomes its message on standard error and its exit code, and
where a usage error becomes a message in the user's language (:mod:`dxkit.cli._usage_errors`).
An :class:`OSError` that reached it unexplained (a file removed or made unreadable while the
command ran) is an expected failure too: it becomes the message of :func:`dxkit.errors.os_error`,
which names the file, never an "internal error". Every command and group is made with
:class:`DxkitCommand` or :class:`DxkitSubgroup` (``cls=``), which draw their help pages from the
catalogue (:mod:`dxkit.cli._help`).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from contextvars import ContextVar
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from dxkit.cli import _click_texts
from dxkit.cli._help import render_help, render_usage
from dxkit.cli._output import show
from dxkit.cli._usage_errors import report as report_usage_error
from dxkit.errors import EXIT_CLEAN, DxkitError, exit_code_for, os_error
from dxkit.i18n import resolve_lang, t
from dxkit.schemas import KINDS

if TYPE_CHECKING:
    import datetime as dt

    from dxkit.model import Consortium

#: The language of help texts, fixed when the command line is built.
HELP_LANG = resolve_lang()


class HelpText(str):
    """A help text (or a value's placeholder) in :data:`HELP_LANG` that remembers its catalogue id.

    Typer shows the text; :mod:`dxkit.cli.tree` reads the id, so the reference pages can give
    the same help in every language without mapping a text back to its id, and a usage error
    names a value's placeholder in the language of its message.
    """

    msg_id: str

    def __new__(cls, msg_id: str) -> HelpText:
        text = super().__new__(cls, t(msg_id, HELP_LANG))
        text.msg_id = msg_id
        return text


def help_text(msg_id: str) -> HelpText:
    """The help text for ``msg_id`` (a ``help.*`` id in the catalogue)."""
    return HelpText(msg_id)


def metavar(msg_id: str) -> HelpText:
    """The placeholder of a value in help and usage lines (a ``cli.metavar.*`` id): ``<日付>``, ``DATE``."""
    return HelpText(msg_id)


#: The language the running command speaks, once it has chosen one.
_MESSAGE_LANG: ContextVar[str | None] = ContextVar("dxkit_message_lang", default=None)


class Lang(StrEnum):
    ja = "ja"
    en = "en"


LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help=help_text("help.lang"), show_default=False),
]


def speak(lang: str) -> str:
    """Record the language this run's messages are in, so that its errors use it too."""
    _MESSAGE_LANG.set(lang)
    return lang


def chosen_lang(lang: Lang | None) -> str:
    """The language of messages: ``--lang``, else ``DXKIT_LANG``, else Japanese."""
    return speak(resolve_lang(lang.value if lang else None))


class _Texts:
    """Help pages and usage lines laid out by :mod:`dxkit.cli._help`, in :data:`HELP_LANG`."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(render_help(_click_texts.page(self, ctx), HELP_LANG))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write(render_usage(_click_texts.page(self, ctx), HELP_LANG))


class DxkitCommand(_Texts, TyperCommand):
    """A command: help from the catalogue, and extra arguments reported with what they were."""

    # Click would refuse extra arguments itself, with English text and without them as data.
    allow_extra_args = True

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _click_texts.install_quick_coercion(self, ctx)
        with _click_texts.pinned_to(ctx):
            rest = super().parse_args(ctx, args)
        _click_texts.refuse_extra_arguments(ctx, rest)
        return rest


class DxkitSubgroup(_Texts, TyperGroup):
    """A group of commands (``dxkit new``, ``dxkit site``): help from the catalogue, and a
    missing or unknown command reported with the names there are."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _click_texts.install_quick_coercion(self, ctx)
        with _click_texts.pinned_to(ctx):
            rest = super().parse_args(ctx, args)
        _click_texts.require_command(self, ctx)
        return rest

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        _click_texts.refuse_unknown_command(self, ctx, args)
        return super().resolve_command(ctx, args)


class DxkitGroup(DxkitSubgroup):
    """The root command: every subcommand runs inside its :meth:`invoke`, and its :meth:`main`
    turns every usage error into dxkit's message."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:  # a caller that wants Click's exceptions gets them
            return super().main(args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra)
        argv = [str(a) for a in (sys.argv[1:] if args is None else args)]
        try:
            # Run without Click's own handling, which would print the errors in English.
            # Then the run's outcome comes back: an exit code, or what the command returned.
            outcome = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except _click_texts.CLICK_ERRORS as err:
            sys.exit(report_usage_error(_click_texts.describe(err), argv))
        sys.exit(outcome if isinstance(outcome, int) else EXIT_CLEAN)

    def invoke(self, ctx: Any) -> Any:
        token = _MESSAGE_LANG.set(None)
        try:
            return super().invoke(ctx)
        except DxkitError as err:
            _fail(err)
        except OSError as exc:
            _fail(os_error(exc))
        finally:
            _MESSAGE_LANG.reset(token)


def _fail(err: DxkitError) -> NoReturn:
    lang = _MESSAGE_LANG.get() or resolve_lang()
    # A message may quote a path or a value from a person's file: show() lets no escape sequence through.
    show(t("cli.error_prefix", lang) + err.message(lang), err=True)
    raise typer.Exit(exit_code_for(err)) from None


def date_option_value(value: str | None, option: str = "--today") -> dt.date:
    """The date an option names (ISO, ``2026/4/1``, ``2026年4月1日``, ``令和8年4月1日`` …); today without one."""
    import datetime as dt

    from dxkit.dates import parse_date
    from dxkit.errors import UsageError

    if value is None:
        return dt.date.today()
    date = parse_date(value)
    if date is None:
        raise UsageError("cli.bad_date", option=option, value=value)
    return date


def today_option_value(value: str | None) -> dt.date:
    """The date of ``--today``."""
    return date_option_value(value, "--today")


TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today", help=help_text("help.validate.today"), metavar=metavar("cli.metavar.date"), show_default=False
    ),
]


#: Every kind of file: what ``site build`` publishes.
ALL_KINDS = KINDS


def open_folder(
    folder: str, lang: str, today: dt.date, *, needs: tuple[str, ...] = ALL_KINDS, only: bool = True
) -> Consortium:
    """Load a consortium for a command that reads the kinds ``needs``.

    A file of one of those kinds that could not be read at all (too large, not a regular file,
    not YAML) stops the command with exit code 2, naming the file: a status without its role
    matrix, or a site without its issue register, would look complete and not be. Files left
    out for other reasons (schema errors, kinds the command does not read) are named in a note
    on standard error, and the command goes on.
    """
    from dxkit.errors import InputError
    from dxkit.validate import open_consortium

    # The command's one consortium lives until the command ends; kept out of the collector's
    # sight, it is not scanned again each time the report allocates. It is read with the
    # collector paused too: a file of 10,000 tasks is a million objects, which the collector
    # would otherwise walk once (about 0.3 s) as soon as the file is read. A command that reads
    # one consortium after another (``only=False``) leaves them to the collector.
    paused = only and gc.isenabled()
    if paused:
        gc.disable()
    try:
        consortium, problems = open_consortium(folder, lang=lang, today=today)
    finally:
        if only:
            gc.freeze()
        if paused:
            gc.enable()
    missing = consortium.refused_for(needs)
    if missing:
        raise InputError("analysis.unreadable", count=len(missing), files=", ".join(missing))
    errors = [f for f in problems if f.severity.value == "error"]
    if errors:
        files = sorted({f.file for f in errors})
        show(t("analysis.partial", lang, count=len(files), files=", ".join(files)), err=True)
    return consortium
