"""Pieces every command shares: the language options, the folder and file loaders, the root group.

The root group is the one place where an expected failure (a :class:`~dxkit.errors.DxkitError`
raised anywhere in any command) becomes its message on standard error and its exit code.
"""

from __future__ import annotations

from contextvars import ContextVar
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from dxkit.errors import DxkitError, exit_code_for
from dxkit.i18n import resolve_lang, t

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from dxkit.loading import Document
    from dxkit.model import Consortium

#: The language of help texts, fixed when the command line is built.
HELP_LANG = resolve_lang()


class HelpText(str):
    """A help text in :data:`HELP_LANG` that remembers its catalogue id.

    Typer shows the text; :mod:`dxkit.cli.tree` reads the id, so the reference pages can give
    the same help in every language without mapping a text back to its id.
    """

    msg_id: str

    def __new__(cls, msg_id: str) -> HelpText:
        text = super().__new__(cls, t(msg_id, HELP_LANG))
        text.msg_id = msg_id
        return text


def help_text(msg_id: str) -> HelpText:
    """The help text for ``msg_id`` (a ``help.*`` id in the catalogue)."""
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


class DxkitGroup(TyperGroup):
    """The root command: every subcommand runs inside its :meth:`invoke`."""

    def invoke(self, ctx: Any) -> Any:
        token = _MESSAGE_LANG.set(None)
        try:
            return super().invoke(ctx)
        except DxkitError as err:
            lang = _MESSAGE_LANG.get() or resolve_lang()
            typer.echo(t("cli.error_prefix", lang) + err.message(lang), err=True)
            raise typer.Exit(exit_code_for(err)) from None
        finally:
            _MESSAGE_LANG.reset(token)


def today_option_value(value: str | None) -> dt.date:
    import datetime as dt

    from dxkit.errors import UsageError

    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError("validate.bad_today", value=value) from None


TodayOption = Annotated[str | None, typer.Option("--today", help=help_text("help.validate.today"), show_default=False)]


def open_folder(folder: str, lang: str, today: dt.date) -> Consortium:
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


def read_for_edit(path: Path, kinds: tuple[str, ...], lang: str, *, changed: str) -> tuple[Document, bytes]:
    """The checked document of a file about to be edited and its bytes (hold the file's lock)."""
    from dxkit.editing import read_for_edit as read

    return read(path, kinds, lang, changed=changed)


def write_edit(
    path: Path,
    original: bytes,
    text: str,
    lang: str,
    *,
    document: Document | None = None,
    changed: str = "write.changed",
) -> None:
    """Write an edited file: only if the result is valid and nobody changed the file meanwhile.

    Pass the edit's proven ``document`` (``plan.document``) to spare reading the result again,
    and the message id to give when the file changed (``changed``: it names the file).
    """
    from dxkit.editing import write_edit as write

    write(path, original, text, lang, document=document, changed=changed)
