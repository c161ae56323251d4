"""The page of ``dxkit overview --format html``: it sorts, runs no one's script and loads nothing."""

from __future__ import annotations

import datetime as dt

from dxkit.overview import build_overview
from dxkit.reporters.overview import render_html_page
from tests.conftest import scaffold

XSS = "<img src=x onerror=alert(1)>"


def test_overview_page_sorts_by_a_column_and_shows_names_as_text(visit, tmp_path):
    root = tmp_path / "pref"
    scaffold(root / "a", "ja", name=f"甲{XSS}協議会", municipality="甲町")
    scaffold(root / "b", "ja", name="乙協議会", municipality="乙町")
    for name in ("one", "two"):  # two files that are not YAML: two more errors for 乙
        (root / "b" / "workshops" / f"{name}.yaml").write_text("kind: workshop\n: [\n", encoding="utf-8")
    page = tmp_path / "overview.html"
    overview = build_overview(str(root), lang="ja", today=dt.date(2027, 6, 1))
    page.write_text(render_html_page(overview, "ja"), encoding="utf-8")
    by_errors = [row.name for row in sorted(overview.rows, key=lambda row: row.errors)]
    assert overview.rows[0].errors != overview.rows[1].errors
    v = visit()
    dialogs: list[str] = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    v.page.goto(page.as_uri())
    first_cells = "Array.from(document.querySelectorAll('tbody tr')).map(r => r.cells[0].textContent)"
    assert v.page.evaluate(first_cells) == [f"甲{XSS}協議会", "乙協議会"]
    errors = v.page.get_by_role("button", name="エラー", exact=True)
    errors.click()
    v.page.wait_for_function("document.querySelector('th[aria-sort=ascending]') !== null")
    assert v.page.evaluate(first_cells) == by_errors
    errors.click()  # the second press sorts from the most errors down (the arrow is not part of the name)
    v.page.wait_for_function("document.querySelector('th[aria-sort=descending]') !== null")
    assert v.page.evaluate(first_cells) == by_errors[::-1]
    assert v.page.locator("img").count() == 0 and dialogs == []
    assert v.errors == [] and v.external_requests() == []
