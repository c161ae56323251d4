"""``dxkit promote WORKSHOP``: add the issues a workshop recorded to the issue register."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import HELP_LANG, LangOption, chosen_lang, user_errors
from dxkit.i18n import t


def promote(
    workshop: Annotated[Path, typer.Argument(help=t("help.promote.workshop", HELP_LANG), show_default=False)],
    into: Annotated[
        Path | None, typer.Option("--into", help=t("help.promote.into", HELP_LANG), show_default=False)
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help.init.dry_run", HELP_LANG))] = False,
    lang: LangOption = None,
) -> None:
    from dxkit.discovery import consortium_root
    from dxkit.errors import UsageError
    from dxkit.loading import LoadError, load_file, load_text
    from dxkit.promote import plan_promotion
    from dxkit.scaffold import write_atomic
    from dxkit.schema_check import check_schema, require_valid

    language = chosen_lang(lang)
    with user_errors(language):
        register_path = into or Path(consortium_root(str(workshop))) / "issues.yaml"
        documents = []
        for path, kind in ((workshop, "workshop"), (register_path, "issues")):
            try:
                doc = load_file(path)
            except LoadError as err:
                raise UsageError("agenda.unreadable", file=str(path), line=err.position.line,
                                 column=err.position.column, detail=err.message(language)) from None
            problems = check_schema(doc, language)
            if doc.kind != kind or problems:
                detail = problems[0].message if problems else t("promote.wrong_kind", language, kind=kind)
                raise UsageError("agenda.invalid", file=str(path), line=problems[0].line if problems else 1,
                                 column=problems[0].column if problems else 1, detail=detail)
            documents.append(doc)
        raw = register_path.read_bytes()
        text = raw.decode("utf-8-sig")
        promotion = plan_promotion(documents[0], load_text(text, str(register_path)), text)
        for entry in promotion.added:
            typer.echo(t("promote.added", language, id=entry["id"], title=entry["title"],
                         votes=entry["found_in"].get("votes") or 0))
        for title, existing in promotion.skipped:
            typer.echo(t("promote.skipped", language, title=title, id=existing))
        if not promotion.added:
            typer.echo(t("promote.nothing", language))
            return
        require_valid(promotion.text, str(register_path), language)
        if dry_run:
            typer.echo(t("init.dry_run", language))
            return
        if register_path.read_bytes() != raw:
            raise UsageError("promote.changed", file=str(register_path))
        bom = raw[:3] == b"\xef\xbb\xbf"
        write_atomic(register_path, (b"\xef\xbb\xbf" if bom else b"") + promotion.text.encode("utf-8"))
        typer.echo(t("promote.written", language, count=len(promotion.added), file=str(register_path)))
