"""The funding catalogue page, in Chromium: a reader goes from the table to a scheme's section."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("path", "link", "warning"),
    [
        ("reference/funding.html", "CYDER", "年度ごとに変わります"),
        ("en/reference/funding.html", "Regional ICT advisers", "change every year"),
    ],
)
def test_catalogue_table_leads_to_the_schemes_section(visit, server, path, link, warning):
    v = visit()
    v.page.goto(server + path, wait_until="networkidle")
    assert warning in v.page.locator(".admonition.warning").inner_text()
    v.page.locator("article table").get_by_role("link", name=link, exact=True).click()
    target = v.page.evaluate("location.hash").lstrip("#")
    heading = v.page.locator(f"h3#{target}")
    heading.wait_for(state="visible")
    assert link in heading.inner_text()
    assert v.errors == [] and v.external_requests() == []
