"""``dxkit agenda FILE``: a printable handout of a workshop's or retrospective's timed agenda."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import HELP_LANG, LangOption, user_errors
from dxkit.i18n import resolve_lang, t


class AgendaFormat(str, Enum):
    text = "text"
    md = "md"
    html = "html"


def agenda(
    file: Annotated[Path, typer.Argument(help=t("help.agenda.file", HELP_LANG), show_default=False)],
    output_format: Annotated[
        AgendaFormat, typer.Option("--format", "-f", help=t("help.format", HELP_LANG))
    ] = AgendaFormat.text,
    lang: LangOption = None,
) -> None:
    from dxkit.errors import UsageError
    from dxkit.loading import LoadError, load_file
    from dxkit.render.agenda import AGENDA_RENDERERS
    from dxkit.schema_check import check_schema

    language = resolve_lang(lang.value if lang else None)
    with user_errors(language):
        try:
            doc = load_file(file)
        except LoadError as err:
            raise UsageError("agenda.unreadable", file=str(file), line=err.position.line,
                             column=err.position.column, detail=err.message(language)) from None
        if doc.kind not in ("workshop", "retrospective"):
            raise UsageError("agenda.not_a_session", file=str(file))
        problems = check_schema(doc, language)
        if problems:
            first = problems[0]
            raise UsageError("agenda.invalid", file=first.file, line=first.line, column=first.column,
                             detail=first.message)
        if not doc.data.get("agenda"):
            raise UsageError("agenda.empty", file=str(file))
        # The handout speaks the file's language unless --lang says otherwise.
        out_lang = lang.value if lang else doc.data.get("language", language)
        typer.echo(AGENDA_RENDERERS[output_format.value](doc.data, out_lang), nl=False)
