"""The guidebook's sources: generated pages are fresh, both languages have every page."""

from __future__ import annotations

import re

import yaml

from dxkit.render.guidebook import generated_pages, stale_pages
from tests.conftest import ROOT

DOCS = ROOT / "docs"


def _pages(lang: str) -> set[str]:
    return {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")}


def test_generated_pages_are_fresh():
    stale = [str(p.relative_to(ROOT)) for p in stale_pages(ROOT)]
    assert stale == [], "run: python -m dxkit.render.guidebook --write"


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


def test_headings_match_between_languages():
    for rel in sorted(_pages("ja")):
        ja = (DOCS / "ja" / rel).read_text(encoding="utf-8")
        en = (DOCS / "en" / rel).read_text(encoding="utf-8")
        levels = lambda text: [
            len(m) for m in re.findall(r"^(#{1,6}) ", re.sub(r"```.*?```", "", text, flags=re.S), re.M)
        ]
        assert levels(ja) == levels(en), rel
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


def test_cli_reference_documents_every_command_and_option():
    import typer.main

    from dxkit.cli import app

    pages = generated_pages(ROOT)
    root = typer.main.get_command(app)
    for lang in ("ja", "en"):
        text = pages[DOCS / lang / "reference" / "cli.md"]
        for name, command in root.commands.items():
            assert command.help, name
            assert f"## dxkit {name}" in text
            for param in command.params:
                if param.name != "help":
                    assert param.help, (name, param.name)
                    label = param.opts[0] if param.param_type_name == "option" else param.name.upper()
                    assert f"`{label}`" in text, (name, label)
