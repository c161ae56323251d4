"""``dxkit new workshop|retrospective TOOLKIT``: add a dated plan or record from a toolkit.

``dxkit new agreement KIND``: write an agreement or official document as a Word file, filled
from the consortium's files (:mod:`dxkit.render.agreements`).

No ``from __future__ import annotations`` here: the two commands are made by one factory,
and Typer must see their annotations evaluated, closure variables included.
"""

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import (
    DxkitCommand,
    DxkitSubgroup,
    Lang,
    LangOption,
    chosen_lang,
    date_option_value,
    help_text,
    metavar,
    speak,
)
from dxkit.cli._output import show, write
from dxkit.i18n import resolve_lang, t

app = typer.Typer(cls=DxkitSubgroup, help=help_text("help.new"), no_args_is_help=True)

DirOption = Annotated[
    Path, typer.Option("--dir", "-d", help=help_text("help.new.dir"), metavar=metavar("cli.metavar.folder"))
]
DateOption = Annotated[
    str | None,
    typer.Option("--date", help=help_text("help.new.date"), metavar=metavar("cli.metavar.date"), show_default=False),
]
TitleOption = Annotated[
    str | None,
    typer.Option("--title", help=help_text("help.new.title"), metavar=metavar("cli.metavar.title"), show_default=False),
]
MinutesOption = Annotated[
    int | None,
    typer.Option(
        "--minutes", help=help_text("help.new.minutes"), metavar=metavar("cli.metavar.minutes"), show_default=False
    ),
]
PeopleOption = Annotated[
    int | None,
    typer.Option(
        "--participants",
        help=help_text("help.new.participants"),
        metavar=metavar("cli.metavar.people"),
        show_default=False,
    ),
]
StartOption = Annotated[
    str | None,
    typer.Option(
        "--start-time", help=help_text("help.new.start_time"), metavar=metavar("cli.metavar.time"), show_default=False
    ),
]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help=help_text("help.init.dry_run"))]


def _charter_language(folder: Path) -> str | None:
    from dxkit.loading import LoadError, load_file

    for name in ("consortium.yaml", "consortium.yml"):
        if (folder / name).is_file():
            try:
                data = load_file(folder / name).data
            except LoadError:
                return None
            language = data.get("language") if isinstance(data, dict) else None
            return language if language in ("ja", "en") else None
    return None


def _current_gate(folder: Path, lang: str) -> str | None:
    from dxkit.analyses.gates import build_gate_report
    from dxkit.errors import DxkitError
    from dxkit.validate import open_consortium

    try:
        consortium, _ = open_consortium(str(folder), lang=lang, today=dt.date.today())
    except DxkitError:
        return None
    current = build_gate_report(consortium).current
    return current.id if current else None


def _make(
    kind: str,
    toolkit_id: str,
    folder: Path,
    date: str | None,
    title: str | None,
    minutes: int | None,
    participants: int | None,
    start_time: str | None,
    lang_option: Lang | None,
    dry_run: bool,
) -> None:
    from dxkit.artifacts import plan_artifact, render_artifact
    from dxkit.toolkits import get_toolkit
    from dxkit.writing import create_new

    # Without --lang, the file speaks the consortium's language (its charter says which).
    language = chosen_lang(lang_option) if lang_option else speak(_charter_language(folder) or resolve_lang())
    day = date_option_value(date, "--date")
    toolkit = get_toolkit(kind, toolkit_id)
    gate = _current_gate(folder, language) if toolkit.type == "gate-review" else None
    text, final_title = render_artifact(
        toolkit,
        lang=language,
        date=day,
        title=title,
        minutes=minutes,
        headcount=participants,
        start_time=start_time,
        gate=gate,
    )
    artifact = plan_artifact(folder, toolkit, text, date=day, title=final_title)
    if dry_run:
        write(text)
        show(t("init.dry_run", language), err=True)
        return
    create_new(artifact.path, artifact.content)
    show(f"create    {artifact.path}")
    show(t("new.next", language, path=str(artifact.path)))


def _command(kind: str) -> Callable[..., None]:
    def command(
        toolkit: Annotated[
            str,
            typer.Argument(
                help=help_text(f"help.new.toolkit.{kind}"), metavar=metavar("cli.metavar.toolkit"), show_default=False
            ),
        ],
        directory: DirOption = Path("."),
        date: DateOption = None,
        title: TitleOption = None,
        minutes: MinutesOption = None,
        participants: PeopleOption = None,
        start_time: StartOption = None,
        lang: LangOption = None,
        dry_run: DryRunOption = False,
    ) -> None:
        _make(kind, toolkit, directory, date, title, minutes, participants, start_time, lang, dry_run)

    command.__name__ = kind
    return command


for _kind in ("workshop", "retrospective"):
    app.command(_kind, cls=DxkitCommand, help=help_text(f"help.new.{_kind}"))(_command(_kind))


class AgreementKind(StrEnum):
    """The documents of :data:`dxkit.render.agreements.AGREEMENT_KINDS` (a test keeps the two alike)."""

    establishment = "establishment"
    partnership = "partnership"
    testbed = "testbed"
    data_use = "data-use"
    consent = "consent"
    advisory = "advisory"


@app.command("agreement", cls=DxkitCommand, help=help_text("help.new.agreement"))
def agreement(
    kind: Annotated[
        AgreementKind,
        typer.Argument(help=help_text("help.new.agreement.kind"), metavar=metavar("cli.metavar.kind")),
    ],
    directory: DirOption = Path("."),
    members: Annotated[
        str | None,
        typer.Option(
            "--members",
            help=help_text("help.new.agreement.members"),
            metavar=metavar("agreement.metavar.members"),
            show_default=False,
        ),
    ] = None,
    provider: Annotated[
        str | None,
        typer.Option(
            "--provider",
            help=help_text("help.new.agreement.provider"),
            metavar=metavar("agreement.metavar.member"),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=help_text("help.new.agreement.output"),
            metavar=metavar("cli.metavar.file"),
            show_default=False,
        ),
    ] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help=help_text("help.new.agreement.overwrite"))] = False,
    lang: LangOption = None,
) -> None:
    from dxkit.cli._common import open_folder
    from dxkit.errors import UsageError
    from dxkit.render.agreements import choose_parties, kind_title, render_agreement_docx
    from dxkit.writing import create_new, write_atomic

    # Without --lang, the document speaks the consortium's language (its charter says which).
    language = chosen_lang(lang) if lang else speak(_charter_language(directory) or resolve_lang())
    consortium = open_folder(str(directory), language, dt.date.today(), needs=("consortium", "members"))
    if consortium.charter is None:
        raise UsageError("agreement.no_charter", folder=consortium.root)
    chosen = [m.strip() for m in members.split(",") if m.strip()] if members is not None else None
    parties = choose_parties(consortium, kind.value, members=chosen, provider=provider)
    data = render_agreement_docx(consortium, kind.value, language, parties)
    target = output if output is not None else Path(consortium.root) / "agreements" / f"{kind.value}.docx"
    if target.exists() and not overwrite:
        raise UsageError("agreement.exists", path=str(target))
    if overwrite:
        write_atomic(target, data)
    else:
        create_new(target, data)
    show(t("agreement.written", language, title=kind_title(kind.value, language), path=str(target)))


def indicator(
    example: Annotated[
        str | None,
        typer.Argument(
            help=help_text("help.new.indicator.example"),
            metavar=metavar("cli.metavar.indicator"),
            show_default=False,
        ),
    ] = None,
    task: Annotated[
        str | None,
        typer.Option(
            "--task", help=help_text("help.new.indicator.task"), metavar=metavar("cli.metavar.task"), show_default=False
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            help=help_text("help.new.indicator.target"),
            metavar=metavar("cli.metavar.text"),
            show_default=False,
        ),
    ] = None,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into", help=help_text("help.new.indicator.into"), metavar=metavar("cli.metavar.file"), show_default=False
        ),
    ] = None,
    directory: DirOption = Path("."),
    overwrite: Annotated[bool, typer.Option("--overwrite", help=help_text("help.new.indicator.overwrite"))] = False,
    lang: LangOption = None,
    dry_run: DryRunOption = False,
) -> None:
    from contextlib import nullcontext

    from dxkit.discovery import locate_consortium
    from dxkit.editing import read_for_edit, write_edit
    from dxkit.errors import UsageError
    from dxkit.indicator_edit import plan_indicator
    from dxkit.indicators import load_catalogue
    from dxkit.labels import label
    from dxkit.render.indicators import render_indicator_list
    from dxkit.schema_check import require_valid
    from dxkit.writing import locked

    language = chosen_lang(lang)
    catalogue = load_catalogue()
    if example is None or "/" not in example:
        write(render_indicator_list(catalogue, language, example.strip() if example else None))
        return
    chosen = catalogue.find(example)
    if not task:
        raise UsageError("indicator.need_task")
    register_path = into or Path(locate_consortium(str(directory))) / "roles.yaml"
    # The indicator's words are in the consortium's language (its charter says which), unless --lang says.
    written = chosen_lang(lang) if lang else (_charter_language(register_path.parent) or language)
    # From reading the matrix to replacing it, no other dxkit command may change it.
    with nullcontext() if dry_run else locked(register_path):
        register, raw = read_for_edit(register_path, ("roles",), language, changed="indicator.changed")
        edit = plan_indicator(register, register.text, task, chosen, lang=written, target=target, overwrite=overwrite)
        name = edit.indicator["name"]
        if edit.action == "identical":
            show(t("indicator.identical", language, task=task, name=name))
            return
        if dry_run:
            require_valid(edit.text, str(register_path), language)
        else:
            write_edit(register_path, raw, edit.text, language, document=edit.document, changed="indicator.changed")
    done = "indicator.create" if edit.action == "create" else "indicator.overwrite"
    show(t(done, language, task=task, name=name, file=str(register_path)))
    if edit.task.get("stage") == "planning":
        show(t("indicator.planning_stage", language, task=task, stage=label("stage", "planning", language)))
    if "target" not in edit.indicator:
        show(t("indicator.target_blank", language))
    if chosen.figure:
        show(t("indicator.figure", language, source=chosen.source[language], figure=chosen.figure[language]))
    if dry_run:
        show(t("init.dry_run", language))


app.command("indicator", cls=DxkitCommand, help=help_text("help.new.indicator"))(indicator)
