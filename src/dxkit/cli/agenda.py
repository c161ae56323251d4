"""``dxkit agenda FILE``: a printable handout of a workshop's or retrospective's timed agenda."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import LangOption, chosen_lang, help_text, metavar
from dxkit.cli._output import write


class AgendaFormat(StrEnum):
    text = "text"
    md = "md"
    html = "html"


def agenda(
    file: Annotated[
        Path,
        typer.Argument(help=help_text("help.agenda.file"), metavar=metavar("cli.metavar.file"), show_default=False),
    ],
    output_format: Annotated[
        AgendaFormat, typer.Option("--format", "-f", help=help_text("help.format"))
    ] = AgendaFormat.text,
    lang: LangOption = None,
) -> None:
    from dxkit.editing import load_checked
    from dxkit.errors import UsageError
    from dxkit.model import read_record
    from dxkit.model.records import Retrospective, Workshop
    from dxkit.reading import japanese_era_near
    from dxkit.render.agenda import AGENDA_RENDERERS

    language = chosen_lang(lang)
    record = read_record(load_checked(file, ("workshop", "retrospective"), language))
    if not isinstance(record, Workshop | Retrospective) or not record.agenda:
        raise UsageError("agenda.empty", file=str(file))
    # The handout speaks the file's language unless --lang says otherwise.
    out_lang = lang.value if lang else (record.language or language)
    japanese_era = japanese_era_near(file)  # the charter's calendar (西暦 or 和暦)
    write(AGENDA_RENDERERS[output_format.value](record, out_lang, japanese_era=japanese_era))
