from __future__ import annotations

from dxkit.render.agenda import render_agenda_html, render_agenda_md, render_agenda_text, slots

DATA = {
    "title": "<b>夜の回</b> & 話し合い",
    "date": "2026-12-05",
    "start_time": "18:30",
    "duration_minutes": 60,
    "venue": "公民館",
    "headcount": 14,
    "tables": {"count": 3, "size": 5},
    "facilitation": {"facilitator": "山田"},
    "agenda": [{"title": "はじめに", "minutes": 10, "description": "趣旨"}, {"title": "話す | 聞く", "minutes": 50}],
    "materials": ["付箋", "<script>alert(1)</script>"],
}


def test_slots_have_clock_times_when_a_start_is_given():
    times = [(s.start, s.end) for s in slots(DATA)]
    assert times == [("18:30", "18:40"), ("18:40", "19:30")]
    offsets = [(s.start, s.offset) for s in slots({**DATA, "start_time": None})]
    assert offsets == [(None, 0), (None, 10)]


def test_text_handout_in_both_languages():
    ja = render_agenda_text(DATA, "ja")
    en = render_agenda_text(DATA, "en")
    assert "18:30–18:40" in ja and "10 分" in ja and "進行表" in ja and "準備物" in ja
    assert "10 min" in en and "Agenda" in en and "3 tables of up to 5" in en


def test_markdown_escapes_table_breaking_text():
    md = render_agenda_md(DATA, "en")
    assert "話す \\| 聞く" in md and "\\<script\\>" in md


def test_html_is_escaped_printable_a4():
    html = render_agenda_html(DATA, "ja")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;夜の回&lt;/b&gt; &amp; 話し合い" in html
    assert "@page { size: A4" in html and 'lang="ja"' in html
