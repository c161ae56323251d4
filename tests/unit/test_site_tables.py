"""The site's tables carry what a phone needs to show them as cards, and a desktop to lay them out."""

from __future__ import annotations

import io
import re
from pathlib import Path

import markdown
import pytest

from dxkit.escape import yaml_string
from dxkit.i18n import LANGS
from dxkit.publish import SEARCH_SETTINGS, SITE_CSS, _mkdocs_yml
from dxkit.render.markdown import table
from dxkit.render.site_tables import WORD_ROOM


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "dxkit.render.site_tables"])


def test_every_cell_of_a_wide_table_has_its_column_name_and_role():
    html = _html(table(["ID", "内容", "期限", "状態"], [["T-001", "規約をまとめる", "2026-10-31", "完了"]]))
    assert '<table data-cards="" role="table">' in html
    for name, value in (("ID", "T-001"), ("内容", "規約をまとめる"), ("期限", "2026-10-31"), ("状態", "完了")):
        assert f'data-label="{name}"' in html and f">{value}</td>" in html
    assert html.count('role="cell"') == 4 and html.count('role="columnheader"') == 4
    assert html.count('role="row"') == 2 and html.count('role="rowgroup"') == 2


def test_a_two_column_table_stays_a_table():
    html = _html(table(["日付", "タイトル"], [["2026-01-24", "課題発見ワークショップ"]]))
    assert "data-cards" not in html and "data-label" not in html and "role=" not in html


@pytest.mark.parametrize(
    ("header", "label"),
    [
        ("A &amp; B", "A &amp; B"),  # an entity Markdown held back, given back as text
        ("\\*x\\*", "*x*"),  # a backslash escape, as the reader sees it
        ("**太字** / Bold", "太字 / Bold"),  # markup gives its text only
        ('<b onclick="x">実行</b>', "実行"),  # raw HTML: its text, never its tags
    ],
)
def test_a_column_name_is_the_text_a_reader_sees(header, label):
    html = _html(f"| {header} | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n")
    assert f'data-label="{label}"' in html
    assert "wzxhzdk" not in html and "\x02" not in html


def test_short_columns_stay_on_one_line_and_the_main_text_keeps_its_room():
    head = ["ID", "内容", "実行", "期限", "状態"]
    rows = [
        [
            "T-001",
            "協議会の規約をまとめ、設立総会で合意する",
            "city-dx, shiomi-univ",
            "2026-10-31",
            "in progress overdue",
        ],
        ["T-002", "参加を呼びかける", "city-dx", "2026-11-28", "done"],
    ]
    cells = [line for line in _html(table(head, rows)).splitlines() if line.startswith("<td")]
    marks = [("data-short" in c, "data-main" in c) for c in cells]
    # ID and date: short; the title: the main text; a list, or a state of several words: neither
    # (they may wrap between their words).
    assert marks == [(True, False), (False, True), (False, False), (True, False), (False, False)] * 2


@pytest.mark.parametrize("date", ["Sun\u00a013\u00a0Dec\u00a02026", "2026年12月13日（日）", "令和10年12月31日（日）"])
def test_a_date_as_people_write_it_is_one_short_word(date):
    html = _html(table(["ID", "内容", "期限"], [["T-001", "協議会の規約をまとめる", date]]))
    due = next(line for line in html.splitlines() if line.startswith("<td") and date in line)
    assert "data-short" in due


def test_the_site_registers_the_extension_and_its_styles():
    assert "  - dxkit.render.site_tables\n" in _mkdocs_yml("x", "ja", [], __import__("pathlib").Path("c"))
    assert "table[data-cards]" in SITE_CSS and "attr(data-label)" in SITE_CSS
    assert "@media screen and (max-width: 37.4375em)" in SITE_CSS


@pytest.mark.parametrize("lang", LANGS)
def test_the_sites_search_settings_are_materials_own_for_its_language(lang):
    # Written into mkdocs.yml so that Material need not compile its language template for them.
    from material.plugins.search.plugin import SearchPlugin
    from mkdocs.config import load_config

    config = load_config(config_file=io.StringIO(f"site_name: x\ntheme:\n  name: material\n  language: {lang}\n"))
    plugin = SearchPlugin()
    separator, pipeline = SEARCH_SETTINGS[lang]
    assert plugin._translate(config, "search.config.separator") == separator
    steps = re.split(r"\s*,\s*", plugin._translate(config, "search.config.pipeline"))
    assert [step for step in steps if step] == list(pipeline)
    yml = _mkdocs_yml("x", lang, [], Path("c"))
    assert f"      separator: {yaml_string(separator)}\n" in yml and "      pipeline: [" in yml


def test_names_keep_room_for_their_widest_word_and_break_only_between_words():
    head = ["ID", "内容", "実行", "状態"]
    rows = [
        ["T-001", "協議会の規約をまとめ、設立総会で合意する", "汐見市 企画部 デジタル推進課、汐見信用金庫", "完了"],
        ["T-002", "地域金融機関・地域メディア・教育機関などに参加を呼びかける", "株式会社ミナトデータ", "完了"],
        ["T-003", "交通・防災・水揚げに関する既存データを棚卸しする", "長い名前の株式会社ミナトデータ研究所", "完了"],
    ]
    cells = [line for line in _html(table(head, rows)).splitlines() if line.startswith("<td")]
    names = cells[2::4]
    # The widest words of the column (株式会社ミナトデータ, 10 ems, and a longer one) are capped at
    # WORD_ROOM and may break, so the column never pushes the table past the page's edge.
    assert all(f'data-words="{WORD_ROOM}"' in cell for cell in names), names
    assert not any("data-words" in cell for cell in cells[0::4] + cells[1::4])
    assert "td[data-words] { word-break: keep-all; }" in SITE_CSS
    assert 'td[data-words="7"] { min-width: 8.8em; }' in SITE_CSS


def test_a_column_of_short_names_asks_for_little_room():
    head = ["ID", "内容", "実行", "状態"]
    rows = [["T-001", "協議会の規約をまとめ、設立総会で合意する", "汐見市 企画部", "完了 済み"]]
    cells = [line for line in _html(table(head, rows)).splitlines() if line.startswith("<td")]
    assert 'data-words="3"' in cells[2] and 'data-words="2"' in cells[3]


def test_words_of_letters_ask_for_no_room():
    head = ["ID", "Task", "Accountable", "State"]
    rows = [["T-001", "Agree the charter at the founding meeting", "Regional telecommunications bureau", "done"]]
    cells = [line for line in _html(table(head, rows)).splitlines() if line.startswith("<td")]
    assert 'data-words="0"' in cells[2]


@pytest.mark.parametrize(
    ("head", "rows"),
    [
        (
            ["ID", "内容", "担当", "期限", "状態"],
            [
                ["T-001", "規約をまとめる 承認", "汐見市 企画部 デジタル推進課、汐見商工会", "2026-10-31", "完了"],
                ["T-002", "", "汐見交通株式会社", "2026-11-30", "未着手 期限切れ"],
            ],
        ),
        (["日付", "タイトル"], [["2026-01-24", "課題発見ワークショップ"]]),
    ],
)
def test_a_table_written_as_html_is_marked_as_the_markdown_one(head, rows):
    """A big table skips Markdown (html_table): the phone's cards and the columns' marks are the same."""
    import re

    from dxkit.escape import html_page_text, markdown_text
    from dxkit.render.site_tables import html_table

    from_markdown = _html(table(head, [[markdown_text(cell) for cell in row] for row in rows], empty="—"))
    written = html_table(
        [html_page_text(h) for h in head], [[html_page_text(cell) for cell in row] for row in rows], rows
    )

    def tags(html: str) -> list[tuple[str, list[str]]]:
        found = re.findall(r"<(table|thead|tbody|tr|th|td)\b([^>]*)>", html)
        return [(name, sorted(re.findall(r'[\w-]+="[^"]*"', attrs))) for name, attrs in found]

    assert tags(written) == tags(from_markdown)


def test_a_table_written_as_html_holds_a_person_s_text_as_text():
    from dxkit.escape import html_page_text
    from dxkit.render.site_tables import RAW_CLOSE, RAW_OPEN, html_table, raw_block

    attack = "<script>alert(1)</script> {{ 7*7 }} <!--/dxkit:raw--> **b**\n\n# h"
    block = raw_block(html_table(["ID", "内容", "状態"], [[html_page_text(attack)] * 3], [[attack] * 3]))
    assert "<script" not in block and "{{" not in block and "\n\n#" not in block
    assert block.count(RAW_OPEN) == 1 and block.count(RAW_CLOSE) == 1
