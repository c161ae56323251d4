"""Agenda handouts from a workshop record, in text, Markdown and HTML, with hostile values."""

from __future__ import annotations

from dxkit.loading import load_text
from dxkit.model import read_record
from dxkit.model.records import Retrospective, Workshop
from dxkit.render.agenda import (
    AGENDA_RENDERERS,
    render_agenda_html,
    render_agenda_md,
    render_agenda_text,
    slots,
)

WORKSHOP = """kind: workshop
version: 1
type: hearing
title: "<b>夜の回</b> & 話し合い"
date: 2026-12-05
start_time: "18:30"
duration_minutes: 60
venue: "公民館\\x1b]0;title\\x07"
headcount: 14
tables: {count: 3, size: 5}
facilitation: {facilitator: 山田}
agenda:
  - {title: はじめに, minutes: 10, description: 趣旨}
  - {title: "話す | 聞く", minutes: 50}
materials: [付箋, "<script>alert(1)</script>"]
"""


def _workshop(text: str = WORKSHOP) -> Workshop:
    record = read_record(load_text(text, "workshops/2026-12-05-hearing.yaml"))
    assert isinstance(record, Workshop)
    return record


def test_slots_have_clock_times_when_a_start_is_given():
    times = [(s.start, s.end) for s in slots(_workshop())]
    assert times == [("18:30", "18:40"), ("18:40", "19:30")]
    offsets = [(s.start, s.offset) for s in slots(_workshop().replace(start_time=None))]
    assert offsets == [(None, 0), (None, 10)]


def test_text_handout_in_both_languages():
    ja = render_agenda_text(_workshop(), "ja")
    en = render_agenda_text(_workshop(), "en")
    assert "18:30–18:40" in ja and "10 分" in ja and "進行表" in ja and "準備物" in ja
    assert "10 min" in en and "Agenda" in en and "3 tables of up to 5" in en


def test_text_handout_shows_escape_sequences_instead_of_running_them():
    text = render_agenda_text(_workshop(), "ja")
    assert "\x1b" not in text and "\x07" not in text
    assert "公民館\\x1b]0;title\\x07" in text


def test_markdown_escapes_table_breaking_text():
    md = render_agenda_md(_workshop(), "en")
    assert "話す \\| 聞く" in md and "&lt;script\\>" in md and "<script>" not in md
    assert "&lt;b\\>夜の回&lt;/b\\> &amp; 話し合い" in md
    assert "\x1b" not in md


def test_html_is_escaped_printable_a4():
    html = render_agenda_html(_workshop(), "ja")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;夜の回&lt;/b&gt; &amp; 話し合い" in html
    assert "@page { size: A4" in html and 'lang="ja"' in html
    assert "\x1b" not in html


def test_a_retrospective_has_an_agenda_too():
    retro = read_record(
        load_text(
            "kind: retrospective\nversion: 1\nformat: kpt\ntitle: 振り返り\ndate: 2026-12-10\n"
            "agenda:\n  - {title: Keep, minutes: 15}\n  - {title: Try, minutes: 15}\n",
            "retrospectives/2026-12-10-kpt.yaml",
        )
    )
    assert isinstance(retro, Retrospective)
    text = AGENDA_RENDERERS["text"](retro, "en")
    assert "30 min" in text and " 2. min 15–30" in text
