"""The guidebook's sources: generated pages are fresh, both languages have every page."""

from __future__ import annotations

import re

import yaml

from dxkit.docs import generated_pages, stale_pages
from tests.conftest import ROOT

DOCS = ROOT / "docs"


def _pages(lang: str) -> set[str]:
    return {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")}


def test_generated_pages_are_fresh():
    stale = [str(p.relative_to(ROOT)) for p in stale_pages(ROOT)]
    assert stale == [], "run: python -m dxkit.docs --write"


def test_every_page_exists_in_both_languages():
    assert _pages("ja") == _pages("en")
    assert len(_pages("ja")) > 40


def test_nav_lists_every_page_and_only_existing_pages():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)

    def walk(items):
        for item in items:
            if isinstance(item, str):
                yield item
            else:
                for value in item.values():
                    yield from (walk(value) if isinstance(value, list) else [value])

    listed = set(walk(config["nav"]))
    assert listed == _pages("ja")


def test_nav_section_titles_are_translated():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)

    def titles(items):
        for item in items:
            if isinstance(item, dict):
                title, value = next(iter(item.items()))
                yield title
                if isinstance(value, list):
                    yield from titles(value)

    sections = set(titles(config["nav"]))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    english = next(lang for lang in i18n["languages"] if lang["locale"] == "en")
    assert sections == set(english["nav_translations"])


def _heading_levels(text: str) -> list[int]:
    return [len(m) for m in re.findall(r"^(#{1,6}) ", re.sub(r"```.*?```", "", text, flags=re.S), re.M)]


def test_headings_match_between_languages():
    for rel in sorted(_pages("ja")):
        ja = (DOCS / "ja" / rel).read_text(encoding="utf-8")
        en = (DOCS / "en" / rel).read_text(encoding="utf-8")
        assert _heading_levels(ja) == _heading_levels(en), rel
        assert ja.count("```mermaid") == en.count("```mermaid"), rel


def test_pages_make_no_external_links_or_assets():
    for path in DOCS.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\]\(https?://", text), path
        assert "<script" not in text and "<img" not in text, path


def test_report_sections_have_pages():
    required = [
        "start/index.md",
        "start/ten-minutes.md",
        "start/quickstart.md",
        "consortium/municipality.md",
        "consortium/financial-institution.md",
        "consortium/local-media.md",
        "consortium/education-research.md",
        "consortium/telecom-bureau.md",
        "consortium/ict-business.md",
        "consortium/civic-tech.md",
        "consortium/residents.md",
        "consortium/prefecture.md",
        "consortium/charter.md",
        "key-person/index.md",
        "discovery/index.md",
        "projects/role-matrix.md",
        "projects/stage-gates.md",
        "projects/retrospectives.md",
        "projects/viability.md",
        "projects/shared-infrastructure.md",
        "projects/data.md",
        "projects/network.md",
        "projects/priority-fields.md",
        "people/dx-process.md",
        "people/talent.md",
        "cases/index.md",
        "reference/cli.md",
        "reference/rules.md",
        "reference/schemas.md",
        "reference/toolkits.md",
    ]
    missing = [p for p in required if p not in _pages("ja")]
    assert missing == []


def test_japanese_pages_cite_the_report():
    cited = [p for p in (DOCS / "ja").rglob("*.md") if "出典" in p.read_text(encoding="utf-8")]
    assert len(cited) >= 30


def test_case_library_names_the_reports_cases():
    pages = generated_pages(ROOT)
    index = pages[DOCS / "ja" / "cases" / "index.md"]
    for name in (
        "豊岡",
        "福井",
        "信州",
        "高知",
        "ウェルモ",
        "ノッカル",
        "射水",
        "岩見沢",
        "塩尻",
        "岡崎",
        "海士",
        "前橋",
        "京都",
        "富士山",
    ):
        assert name in index, name


def test_rule_reference_documents_every_rule_in_both_languages():
    from dxkit.rules import iter_rules

    pages = generated_pages(ROOT)
    for lang in ("ja", "en"):
        text = pages[DOCS / lang / "reference" / "rules.md"]
        for rule in iter_rules():
            assert f"## {rule.code} {rule.name}" in text
            assert rule.title[lang] in text
            assert f"../{rule.guide}" in text
            assert (DOCS / lang / rule.guide).is_file(), rule.guide


def _click_commands(command, path=()):
    """Every command of the real command line, groups and their subcommands included."""
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _click_commands(sub, (*path, name))


def _section(text: str, path: tuple[str, ...]) -> str:
    """The part of the CLI page that documents ``dxkit PATH`` (up to the next command heading)."""
    if not path:
        return text.split("\n## ", 1)[0]
    match = re.search(rf"^(#{{2,4}}) dxkit {re.escape(' '.join(path))} \{{#[a-z-]+\}}$", text, re.M)
    assert match, f"no section for dxkit {' '.join(path)}"
    rest = text[match.end() :]
    following = re.search(r"^#{2,4} ", rest, re.M)
    return rest[: following.start()] if following else rest


def test_cli_reference_documents_every_command_and_option():
    import typer.main

    from dxkit.cli import app
    from dxkit.i18n import translate

    pages = generated_pages(ROOT)
    commands = list(_click_commands(typer.main.get_command(app)))
    assert {" ".join(p) for p, _ in commands} >= {"new workshop", "new retrospective", "schema export", "site build"}
    for lang in ("ja", "en"):
        text = pages[DOCS / lang / "reference" / "cli.md"]
        for path, command in commands:
            assert command.help, path
            section = _section(text, path)
            for param in command.params:
                if param.name == "help":
                    continue
                assert param.help, (path, param.name)
                label = param.opts[0] if param.param_type_name == "option" else param.name.upper()
                row = next((line for line in section.splitlines() if line.startswith(f"| `{label}`")), None)
                assert row, (lang, path, label)
            for name in getattr(command, "commands", {}):
                assert f"[`dxkit {' '.join((*path, name))}`]" in section, (lang, path, name)
        if lang == "en":
            assert "| `--dir`, `-d` |  | `.` | The consortium folder. |" in _section(text, ("new", "workshop"))
        assert translate("help.site.port", lang) in _section(text, ("site", "serve"))


def test_cli_reference_gives_each_language_its_own_help():
    from dxkit.cli.tree import describe

    pages = generated_pages(ROOT)
    for command in describe().walk():
        assert command.help_id and command.help_id.startswith("help."), command.name
        for param in command.params:
            assert param.help_id and param.help_id.startswith("help."), (command.name, param.name)
    ja, en = (pages[DOCS / lang / "reference" / "cli.md"] for lang in ("ja", "en"))
    assert "| `--port` |  | `8000` | 待ち受けるポート。 |" in ja
    assert "| `--port` |  | `8000` | The port to listen on. |" in en
    # Two options whose Japanese help reads the same keep their own ids.
    assert "出力の形式。" in ja and "Output format." in en


def test_render_layer_does_not_need_the_command_line():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from dxkit.render.reference import CommandDoc, ParamDoc, render_cli_page\n"
        "tree = CommandDoc((), 'help.app', subcommands=(CommandDoc(('x',), 'help.init',"
        " (ParamDoc('directory', 'argument', help_id='help.init.dir', required=True),)),))\n"
        "page = render_cli_page(tree, 'en')\n"
        "assert '## dxkit x {#dxkit-x}' in page and '`DIRECTORY`' in page, page\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich') or m == 'dxkit.cli'], "
        "sorted(sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_docs_check_finds_a_stale_page_and_write_mends_it(tmp_path, capsys):
    import shutil

    from dxkit.docs import main

    for folder in ("docs", "cases"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    assert main(["--root", str(tmp_path), "--check"]) == 0
    page = tmp_path / "docs" / "en" / "reference" / "cli.md"
    page.write_text(page.read_text(encoding="utf-8").replace("### dxkit site serve", "### dxkit site run"), "utf-8")
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "--check"]) == 1
    assert capsys.readouterr().err == "stale: docs/en/reference/cli.md\n"
    assert main(["--root", str(tmp_path), "--write"]) == 0
    assert "wrote docs/en/reference/cli.md" in capsys.readouterr().out
    assert page.read_text(encoding="utf-8") == (ROOT / "docs" / "en" / "reference" / "cli.md").read_text("utf-8")
    assert main(["--root", str(tmp_path), "--check"]) == 0
