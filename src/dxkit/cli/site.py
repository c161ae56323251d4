"""``dxkit site build`` and ``dxkit site serve``: the consortium's own website."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dxkit.cli._common import (
    HELP_LANG,
    LangOption,
    TodayOption,
    open_folder,
    today_option_value,
    user_errors,
)
from dxkit.i18n import resolve_lang, t

app = typer.Typer(help=t("help.site", HELP_LANG), no_args_is_help=True)
FolderArgument = Annotated[Path, typer.Argument(help=t("help.analysis.dir", HELP_LANG))]
BilingualOption = Annotated[bool, typer.Option("--bilingual", help=t("help.site.bilingual", HELP_LANG))]


def _build(directory: Path, out: Path, lang_option, today: str | None, bilingual: bool):
    from dxkit.publish import build_site, check_destination, check_site_extras

    language = resolve_lang(lang_option.value if lang_option else None)
    with user_errors(language):
        check_site_extras()
        check_destination(directory, out)
        consortium = open_folder(str(directory), language, today_option_value(today))
        charter = consortium.charter.data if consortium.charter else {}
        site_lang = lang_option.value if lang_option else charter.get("language", language)
        bilingual = bilingual or bool(charter.get("site", {}).get("bilingual_labels"))
        result = build_site(consortium, directory, out, site_lang, bilingual=bilingual)
    return result, language


@app.command("build", help=t("help.site.build", HELP_LANG))
def build(
    directory: FolderArgument = Path("."),
    out: Annotated[Path, typer.Option("--out", "-o", help=t("help.site.out", HELP_LANG))] = Path("site"),
    bilingual: BilingualOption = False,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    result, language = _build(directory, out, lang, today, bilingual)
    typer.echo(t("site.built", language, out=str(result.out), pages=result.pages))


@app.command("serve", help=t("help.site.serve", HELP_LANG))
def serve(
    directory: FolderArgument = Path("."),
    port: Annotated[int, typer.Option("--port", help=t("help.site.port", HELP_LANG), min=0, max=65535)] = 8000,
    bilingual: BilingualOption = False,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    import functools
    import http.server
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dxkit-serve-") as tmp:
        result, language = _build(directory, Path(tmp) / "site", lang, today, bilingual)
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(result.out))
        with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
            typer.echo(t("site.serving", language, port=httpd.server_address[1]), err=False)
            try:
                httpd.serve_forever()
            except KeyboardInterrupt:
                pass
