"""dxkit validate on a facility and network inventory: what a person reads, and the exit code."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import TODAY
from tests.helpers import invoke

FIXTURES = Path(__file__).parents[1] / "rules" / "fixtures"


def test_an_unplanned_renewal_is_a_warning_that_names_the_facility_and_the_year(lang):
    result = invoke(["validate", str(FIXTURES / "DX854" / "bad"), "--lang", lang, "--today", TODAY.isoformat()])
    assert "facilities.yaml:14:22: DX854" in result.stdout
    if lang == "ja":
        assert "[警告]" in result.stdout and "中央公民館）の公設の光回線は 2025年度に更新の時期" in result.stdout
    else:
        assert (
            "[warning]" in result.stdout
            and "has a public connection (Fibre) due for renewal in FY2025" in result.stdout
        )


def test_an_unknown_owner_is_an_error_with_a_suggestion(lang):
    result = invoke(["validate", str(FIXTURES / "DX852" / "bad"), "--lang", lang, "--today", TODAY.isoformat()], exit=1)
    assert result.stdout.count(": DX852 ") == 2
    assert ("もしかして city？" if lang == "ja" else "Did you mean city?") in result.stdout


def test_the_example_inventory_raises_nothing_of_its_own(lang):
    result = invoke(["validate", "examples/shiomi/" + lang, "--lang", lang, "--today", "2026-10-01"], exit=1)
    assert "facilities.yaml" not in result.stdout and "DX85" not in result.stdout
