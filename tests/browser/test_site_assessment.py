"""The self-assessment page of a consortium's site: the chart shows, nothing is fetched from outside."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.browser.conftest import SCREENSHOTS, _QuietHandler
from tests.cli.test_site import hostile_copy
from tests.helpers import invoke

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("assessment-site")
    folder = hostile_copy(base, "ja")
    out = base / "site"
    invoke(["site", "build", str(folder), "--out", str(out), "--today", "2026-10-01"])
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_assessment_page_shows_the_chart_and_makes_no_outside_request(visit, site_url):
    v = visit()
    v.page.goto(site_url + "assessment.html", wait_until="load")
    chart = v.page.locator("svg.dxkit-assessment-chart")
    chart.wait_for(state="visible")
    assert (chart.bounding_box() or {}).get("width", 0) > 300
    assert chart.locator("rect").count() == 8
    assert chart.locator("title").first.text_content() == "要因と実践ごとの自己診断の点数"
    assert "利用環境（通信基盤）" in (chart.locator("desc").text_content() or "")
    assert (v.page.locator("h1").first.text_content() or "").startswith("自己診断")
    assert v.page.get_by_role("link", name="自己診断").count() >= 1  # in the site's navigation
    assert v.errors == [] and v.external_requests() == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    v.page.screenshot(path=str(SCREENSHOTS / "site-assessment.png"), full_page=True)
