"""``dxkit site build`` and ``dxkit site serve``: the consortium's own website."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dxkit.cli._common import (
    DxkitCommand,
    DxkitSubgroup,
    Lang,
    LangOption,
    TodayOption,
    chosen_lang,
    help_text,
    metavar,
    open_folder,
    today_option_value,
)
from dxkit.cli._output import show
from dxkit.cli._progress import progress
from dxkit.i18n import t
from dxkit.render.engine import Engine

if TYPE_CHECKING:
    from dxkit.publish import SiteResult

app = typer.Typer(cls=DxkitSubgroup, help=help_text("help.site"), no_args_is_help=True)
FolderArgument = Annotated[
    Path, typer.Argument(help=help_text("help.analysis.dir"), metavar=metavar("cli.metavar.folder"))
]
BilingualOption = Annotated[bool, typer.Option("--bilingual", help=help_text("help.site.bilingual"))]
EngineOption = Annotated[Engine, typer.Option("--engine", help=help_text("help.site.engine"), case_sensitive=False)]


def _build(
    directory: Path,
    out: Path,
    lang_option: Lang | None,
    today: str | None,
    bilingual: bool,
    engine: Engine = Engine.mkdocs,
) -> tuple[SiteResult, str]:
    from dxkit.publish import build_site, check_destination, check_site_extras

    language = chosen_lang(lang_option)
    check_site_extras(engine)
    consortium = open_folder(str(directory), language, today_option_value(today))
    folder = Path(consortium.root)
    check_destination(folder, out)
    charter = consortium.charter
    site_lang = lang_option.value if lang_option else (charter.language if charter and charter.language else language)
    bilingual = bilingual or bool(charter and charter.site and charter.site.bilingual_labels)
    # A site takes seconds to build, whatever its size: the bar shows from the start.
    with progress(t("progress.site", language), delay=0) as report_progress:
        result = build_site(
            consortium, folder, out, site_lang, bilingual=bilingual, progress=report_progress, engine=engine
        )
    return result, language


@app.command("build", cls=DxkitCommand, help=help_text("help.site.build"))
def build(
    directory: FolderArgument = Path("."),
    out: Annotated[
        Path, typer.Option("--out", "-o", help=help_text("help.site.out"), metavar=metavar("cli.metavar.folder"))
    ] = Path("site"),
    bilingual: BilingualOption = False,
    engine: EngineOption = Engine.mkdocs,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    result, language = _build(directory, out, lang, today, bilingual, engine)
    show(t("site.built", language, out=str(result.out), pages=result.pages))


@app.command("serve", cls=DxkitCommand, help=help_text("help.site.serve"))
def serve(
    directory: FolderArgument = Path("."),
    port: Annotated[
        int,
        typer.Option("--port", help=help_text("help.site.port"), metavar=metavar("cli.metavar.port"), min=0, max=65535),
    ] = 8000,
    host: Annotated[
        str, typer.Option("--host", help=help_text("help.site.host"), metavar=metavar("cli.metavar.host"))
    ] = "127.0.0.1",
    bilingual: BilingualOption = False,
    engine: EngineOption = Engine.mkdocs,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    import contextlib
    import tempfile

    from dxkit.errors import UsageError
    from dxkit.serving import is_loopback, make_server, url_of

    chosen_lang(lang)
    with tempfile.TemporaryDirectory(prefix="dxkit-serve-") as tmp:
        out = Path(tmp) / "site"
        # Take the port before building, so a busy port is known at once.
        try:
            httpd = make_server(host, port, out)
        except OSError:
            raise UsageError("site.port_busy", port=port, host=host) from None
        with httpd:
            _, language = _build(directory, out, lang, today, bilingual, engine)
            if not is_loopback(host):
                show(t("site.serving_network", language, host=host), err=True)
            show(t("site.serving", language, url=url_of(httpd)))
            with contextlib.suppress(KeyboardInterrupt):
                httpd.serve_forever()
