"""``dxkit status``, ``gate``, ``keyperson`` and ``lessons``: analyses of one consortium folder.

They report and never fail on findings (exit 0); exit 2 when the folder cannot be read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import (
    HELP_LANG,
    FormatOption,
    LangOption,
    Output,
    TodayOption,
    chosen_lang,
    console,
    open_folder,
    print_json,
    today_option_value,
    user_errors,
)
from dxkit.i18n import t

FolderArgument = Annotated[Path, typer.Argument(help=t("help.analysis.dir", HELP_LANG))]


def _table(title: str, columns: list[str], rows: list[list[str]]):
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def status(
    directory: FolderArgument = Path("."),
    today: TodayOption = None,
    soon: Annotated[int, typer.Option("--soon", help=t("help.status.soon", HELP_LANG), min=0)] = 14,
    output_format: FormatOption = Output.text,
    lang: LangOption = None,
) -> None:
    from dxkit.analyses.status import build_status

    language = chosen_lang(lang)
    with user_errors(language):
        report = build_status(open_folder(str(directory), language, today_option_value(today)), soon_days=soon)
    if output_format is Output.json:
        print_json(report, language)
        return
    say = lambda key, **p: t(key, language, **p)  # noqa: E731
    out = console()
    out.print(
        say(
            "status.head",
            today=report.today,
            stage=say(f"stage.{report.stage}") if report.stage else "—",
            tasks=report.tasks,
        )
    )
    task_cols = [say("col.task"), say("col.title"), say("col.due"), say("col.accountable")]
    for key, lines, extra in (
        ("status.overdue_unexplained", report.overdue_unexplained, None),
        ("status.overdue_explained", report.overdue_explained, "recovery"),
        ("status.due_soon", report.due_soon, None),
        ("status.blocked", report.blocked, None),
    ):
        if not lines:
            out.print(say(f"{key}.none"))
            continue
        cols = task_cols + (
            [say("col.days_late")] if "overdue" in key else [say("col.days_left")] if key == "status.due_soon" else []
        )
        if extra:
            cols += [say("col.reason"), say("col.recovery"), say("col.new_due")]
        rows = []
        for line in lines:
            row = [line.id, line.title, line.due, ", ".join(line.accountable)]
            if "overdue" in key or key == "status.due_soon":
                row.append(str(line.days))
            if extra:
                row += [line.reason or "", line.recovery_plan or "", line.new_due or ""]
            rows.append(row)
        out.print(_table(say(key, count=len(lines)), cols, rows))
    out.print(
        _table(
            say("status.load"),
            [say("col.member"), say("col.open"), say("col.accountable"), say("col.responsible"), say("col.overdue")],
            [
                [f"{m.name} ({m.member})", str(m.open_tasks), str(m.accountable), str(m.responsible), str(m.overdue)]
                for m in report.load
            ],
        )
    )
    if report.gates:
        out.print(
            _table(
                say("status.gates"),
                [
                    say("col.gate"),
                    say("col.transition"),
                    say("col.met"),
                    say("col.unmet"),
                    say("col.unknown"),
                    say("col.decision"),
                ],
                [
                    [
                        g.id,
                        f"{say('stage.' + g.from_stage)} → {say('stage.' + g.to_stage)}",
                        str(g.met),
                        str(g.unmet),
                        str(g.unknown),
                        say(f"outcome.{g.outcome}") if g.outcome else say("gate.undecided"),
                    ]
                    for g in report.gates
                ],
            )
        )
    if report.open_tries:
        out.print(
            _table(
                say("status.tries", count=len(report.open_tries)),
                [say("col.try"), say("col.owner"), say("col.due"), say("col.from")],
                [
                    [x.text, x.owner or say("status.missing"), x.due or say("status.missing"), x.date]
                    for x in report.open_tries
                ],
            )
        )
    if report.last_retrospective:
        out.print(say("status.retrospective", date=report.last_retrospective, days=report.days_since_retrospective))
    else:
        out.print(say("status.no_retrospective"))


def gate(
    directory: FolderArgument = Path("."),
    today: TodayOption = None,
    output_format: FormatOption = Output.text,
    lang: LangOption = None,
) -> None:
    from dxkit.analyses.gates import build_gate_report
    from dxkit.model.vocabulary import LENSES

    language = chosen_lang(lang)
    with user_errors(language):
        report = build_gate_report(open_folder(str(directory), language, today_option_value(today)))
    if output_format is Output.json:
        print_json(report, language)
        return
    say = lambda key, **p: t(key, language, **p)  # noqa: E731
    out = console()
    out.print(say("gate.stage", stage=say(f"stage.{report.stage}") if report.stage else "—"))
    current = report.current
    if current is None:
        out.print(say("gate.none"))
    else:
        out.print(
            say(
                "gate.current",
                id=current.id,
                from_stage=say(f"stage.{current.from_stage}"),
                to_stage=say(f"stage.{current.to_stage}"),
                planned=current.planned or "—",
            )
        )
        for lens in LENSES:
            rows = [
                [c.id, c.text, say(f"state.{c.state}"), "; ".join(c.evidence) or say("gate.no_evidence")]
                for c in current.criteria
                if c.lens == lens
            ]
            out.print(
                _table(
                    say(f"lens.{lens}"),
                    [say("col.id"), say("col.criterion"), say("col.state"), say("col.evidence")],
                    rows,
                )
            )
        if current.missing:
            out.print(say("gate.missing", count=len(current.missing)))
            for c in current.missing:
                why = (
                    say("gate.why_unmet")
                    if c.state == "unmet"
                    else say("gate.why_unknown")
                    if c.state == "unknown"
                    else say("gate.why_evidence")
                )
                out.print(f"  - {c.id} ({say('lens.' + c.lens)}): {c.text} — {why}")
        else:
            out.print(say("gate.ready"))
    if report.history:
        out.print(
            _table(
                say("gate.history"),
                [say("col.gate"), say("col.date"), say("col.decision"), say("col.decided_by"), say("col.notes")],
                [
                    [d.gate, d.date, say(f"outcome.{d.outcome}"), ", ".join(d.decided_by), d.notes or ""]
                    for d in report.history
                ],
            )
        )
    if report.open_points:
        out.print(
            _table(
                say("gate.open_points"),
                [say("col.date"), say("col.gate"), say("col.point")],
                [list(p) for p in report.open_points],
            )
        )


def keyperson(
    directory: FolderArgument = Path("."),
    today: TodayOption = None,
    top: Annotated[int, typer.Option("--top", help=t("help.keyperson.top", HELP_LANG), min=1)] = 5,
    output_format: FormatOption = Output.text,
    lang: LangOption = None,
) -> None:
    from dxkit.analyses.keyperson import analyse

    language = chosen_lang(lang)
    with user_errors(language):
        report = analyse(open_folder(str(directory), language, today_option_value(today)), top=top)
    if output_format is Output.json:
        print_json(report, language)
        return
    say = lambda key, **p: t(key, language, **p)  # noqa: E731
    out = console()
    out.print(say("kp.head", members=report.members, relations=report.relations, components=report.components))
    out.print(
        _table(
            say("kp.candidates"),
            [say("col.rank"), say("col.member"), say("col.score"), say("col.reasons")],
            [
                [
                    str(i),
                    f"{c.name} ({c.member})",
                    f"{c.score:.2f}",
                    "; ".join(t(r.msg_id, language, **r.params) for r in c.reasons),
                ]
                for i, c in enumerate(report.candidates, 1)
            ],
        )
    )
    if report.risks:
        out.print(
            _table(
                say("kp.risks"),
                [say("col.risk"), say("col.member"), say("col.detail")],
                [
                    [say(f"kp.kind.{r.kind}"), r.member, t(r.reason.msg_id, language, **r.reason.params)]
                    for r in report.risks
                ],
            )
        )
    else:
        out.print(say("kp.no_risks"))
    out.print(say("kp.mermaid"))
    typer.echo("```mermaid\n" + report.mermaid + "```")


def lessons(
    directory: FolderArgument = Path("."),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("help.lessons.output", HELP_LANG), show_default=False)
    ] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help=t("help.lessons.overwrite", HELP_LANG))] = False,
    today: TodayOption = None,
    output_format: FormatOption = Output.text,
    lang: LangOption = None,
) -> None:
    from dxkit.analyses.lessons import gather
    from dxkit.errors import UsageError
    from dxkit.render.lessons import render_lessons
    from dxkit.scaffold import write_atomic

    language = chosen_lang(lang)
    with user_errors(language):
        result = gather(open_folder(str(directory), language, today_option_value(today)))
        if output_format is Output.json:
            print_json(result, language)
            return
        page = render_lessons(result, language)
        if output is None:
            typer.echo(page, nl=False)
            return
        if output.exists() and not overwrite:
            raise UsageError("lessons.exists", path=str(output))
        write_atomic(output, page.encode("utf-8"))
        typer.echo(t("lessons.written", language, path=str(output), count=result.retrospectives))
