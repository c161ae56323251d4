"""The example charter's funding deadlines reach the calendar export beside the task deadlines."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers import invoke


@pytest.fixture
def shiomi(tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    dest = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    monkeypatch.chdir(dest)
    return dest


def test_example_calendar_holds_the_funding_deadlines(shiomi: Path, lang: str) -> None:
    from icalendar import Calendar

    invoke(["export", "roles", "-f", "ics", "-o", "roles.ics", "--today", "2026-10-01", "--lang", lang])
    calendar = Calendar.from_ical((shiomi / "roles.ics").read_bytes())
    funding = {str(e["summary"]): e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("funding.")}
    if lang == "ja":
        expected = {
            "【申請期限】地域情報化アドバイザー": dt.date(2026, 5, 29),
            "【報告期限】地域情報化アドバイザー": dt.date(2027, 3, 19),
            "【申請期限】地方財政措置（市町村におけるCIO補佐官等の任用等）": dt.date(2027, 1, 29),
            "【報告期限】地方財政措置（市町村におけるCIO補佐官等の任用等）": dt.date(2028, 4, 28),
        }
        words = ("状況: 採択・決定", "担当: 汐見市", "金額: 4,800,000円", "年度ごとに変わります")
    else:
        expected = {
            "[Application due] Regional ICT advisers": dt.date(2026, 5, 29),
            "[Report due] Regional ICT advisers": dt.date(2027, 3, 19),
            "[Application due] Local finance measure: municipalities appointing CIO aides and similar": dt.date(
                2027, 1, 29
            ),
            "[Report due] Local finance measure: municipalities appointing CIO aides and similar": dt.date(2028, 4, 28),
        }
        words = ("Status: Granted", "Owner: Shiomi City", "Amount: ¥4,800,000", "change every year")
    assert {summary: event["dtstart"].dt for summary, event in funding.items()} == expected
    text = "\n".join(str(e["description"]) for e in funding.values())
    for word in words:
        assert word in text, word
    assert "regional-ict-adviser" not in "".join(funding)  # people read the scheme's name, not its id
    tasks = [e for e in calendar.walk("VEVENT") if not str(e["uid"]).startswith("funding.")]
    assert len(tasks) == 32
