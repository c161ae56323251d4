"""``dxkit promote WORKSHOP``: add the issues a workshop recorded to the issue register."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import LangOption, chosen_lang, help_text, metavar
from dxkit.cli._output import show
from dxkit.i18n import t


def promote(
    workshop: Annotated[
        Path,
        typer.Argument(
            help=help_text("help.promote.workshop"), metavar=metavar("cli.metavar.file"), show_default=False
        ),
    ],
    into: Annotated[
        Path | None,
        typer.Option(
            "--into", help=help_text("help.promote.into"), metavar=metavar("cli.metavar.file"), show_default=False
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=help_text("help.init.dry_run"))] = False,
    lang: LangOption = None,
) -> None:
    from contextlib import nullcontext

    from dxkit.discovery import consortium_root
    from dxkit.editing import load_checked, read_for_edit, write_edit
    from dxkit.promote import plan_promotion
    from dxkit.schema_check import require_valid
    from dxkit.writing import locked

    language = chosen_lang(lang)
    register_path = into or Path(consortium_root(str(workshop))) / "issues.yaml"
    source = load_checked(workshop, ("workshop",), language)
    # From reading the register to replacing it, no other dxkit command may change it.
    with nullcontext() if dry_run else locked(register_path):
        register, raw = read_for_edit(register_path, ("issues",), language, changed="promote.changed")
        promotion = plan_promotion(source, register, register.text)
        for entry in promotion.added:
            show(
                t(
                    "promote.added",
                    language,
                    id=entry["id"],
                    title=entry["title"],
                    votes=entry["found_in"].get("votes") or 0,
                )
            )
        for title, existing in promotion.skipped:
            show(t("promote.skipped", language, title=title, id=existing))
        if not promotion.added:
            show(t("promote.nothing", language))
            return
        if dry_run:
            require_valid(promotion.text, str(register_path), language)
            show(t("init.dry_run", language))
            return
        write_edit(register_path, raw, promotion.text, language, document=promotion.document, changed="promote.changed")
    show(t("promote.written", language, count=len(promotion.added), file=str(register_path)))
