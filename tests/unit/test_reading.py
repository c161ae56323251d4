"""dxkit.reading: how a consortium's values read (member names, dates in 西暦 or 和暦)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePosixPath

import pytest

from dxkit.dates import format_month
from dxkit.reading import Reading, japanese_era_near, uses_japanese_era
from dxkit.validate import open_consortium
from tests.conftest import TODAY, scaffold

DAY = dt.date(2026, 12, 13)


@pytest.mark.parametrize(
    ("lang", "era", "shown"),
    [
        ("ja", False, "2026年12月13日（日）"),
        ("ja", True, "令和8年12月13日（日）"),
        ("en", False, "Sun 13 Dec 2026"),
        ("en", True, "Sun 13 Dec 2026"),  # English has no era
    ],
)
def test_dates_read_as_people_write_them(lang, era, shown):
    reading = Reading(japanese_era=era)
    assert reading.date(DAY, lang) == shown
    assert reading.date("2026-12-13", lang) == shown
    assert reading.date(None, lang) == "" and reading.date("", lang) == ""
    assert reading.date("いつか", lang) == "いつか"  # not a date: shown as written


@pytest.mark.parametrize(
    ("lang", "era", "shown"),
    [("ja", False, "2027年12月"), ("ja", True, "令和9年12月"), ("en", False, "Dec 2027"), ("en", True, "Dec 2027")],
)
def test_months_read_as_people_write_them(lang, era, shown):
    assert Reading(japanese_era=era).month("2027-12", lang) == shown
    assert format_month(2027, 12, lang, japanese_era=era) == shown
    assert Reading().month("12月ごろ", lang) == "12月ごろ"


def test_the_first_year_of_an_era_is_gannen():
    assert format_month(2019, 5, "ja", japanese_era=True) == "令和元年5月"
    assert format_month(2019, 4, "ja", japanese_era=True) == "平成31年4月"


def _two_of_one_name(folder: Path, lang: str, *, era: bool = False) -> Path:
    scaffold(folder, lang)
    members = folder / "members.yaml"
    text = members.read_text(encoding="utf-8")
    # The scaffold's bank and university now share one name.
    name = "同名の組織" if lang == "ja" else "Same Name Ltd"
    lines = text.splitlines()
    ids = []
    for index, line in enumerate(lines):
        if line.strip().startswith("- id: "):
            ids.append(line.split(": ", 1)[1].strip())
            if len(ids) in (2, 3):
                lines[index + 1] = f"    name: {name}"
    members.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if era:
        charter = folder / "consortium.yaml"
        charter.write_text(charter.read_text(encoding="utf-8") + "calendar: japanese-era\n", encoding="utf-8")
    return folder


def test_equal_names_read_with_their_ids_on_the_site_and_in_the_terminal(tmp_path, lang):
    from dxkit.analyses.status import build_status
    from dxkit.render.site_pages import site_pages
    from dxkit.reporters.analyses import render_status

    folder = _two_of_one_name(tmp_path / "c", lang)
    c, problems = open_consortium(str(folder), lang=lang, today=TODAY)
    assert [p for p in problems if p.severity.value == "error"] == []
    twins = [m for m in c.members if m.name in ("同名の組織", "Same Name Ltd")]
    assert len(twins) == 2
    reading = Reading.of(c)
    shown = {reading.member(m.id, lang) for m in twins}
    expected = {f"{m.name}（{m.id}）" if lang == "ja" else f"{m.name} ({m.id})" for m in twins}
    assert shown == expected
    roles = site_pages(c, lang)[PurePosixPath("roles.md")]
    involved = {mid for t in c.tasks for mid in (*t.responsible, *t.accountable, *t.consulted, *t.informed)}
    for m in twins:
        if m.id in involved:
            assert reading.member(m.id, lang) in roles
    load = render_status(build_status(c), lang, reading)
    cells = {cell for block in load if hasattr(block, "rows") for row in block.rows for cell in row}
    assert expected <= cells
    others = {m.name for m in c.members} - {m.name for m in twins}
    assert others <= cells  # a unique name is shown alone


def test_the_charter_chooses_the_calendar(tmp_path, lang):
    plain = scaffold(tmp_path / "plain", lang)
    era = _two_of_one_name(tmp_path / "era", lang, era=True)
    for folder, expected in ((plain, False), (era, True)):
        c, _ = open_consortium(str(folder), lang=lang, today=TODAY)
        assert uses_japanese_era(c) is expected and Reading.of(c).japanese_era is expected
        assert japanese_era_near(folder / "workshops" / "README.md") is expected
    assert japanese_era_near(tmp_path / "nowhere" / "file.yaml") is False
