"""The Gantt charts of a consortium's site: one SVG drawing per stage, readable on a phone and on A4.

dxkit draws the charts itself (:mod:`dxkit.render.svg`), so a page needs no script to show them,
they print as they are, and the page stays small inside a closed network:

* One chart per stage, so each covers a shorter period and fewer rows.
* Each row starts with the task's id and its whole title, wrapped to a column of
  :data:`COLUMN_EM` ems left of the bars; the row is as tall as its title needs. Nothing is
  written inside a bar, so no text can run past a bar or the drawing's edge.
* At most :data:`MAX_TICKS` dates label the axis, written as the site writes dates
  (:mod:`dxkit.dates`), so they never run into each other.
* Each chart is drawn twice, at its own size in pixels: wide for a desktop and for paper, and
  narrow (shorter bars, fewer dates) for a phone; the site's style sheet shows one of them, so
  no text is ever shrunk and no chart is cut or scrolls on a phone.
* No marker for the reader's own day: a task is shown late or not as of the day the site was
  built, which the page states above the chart. Each bar's ``<title>`` says the task, its
  dates and its state, so its colour is never the only way to know it.

Titles break between Japanese phrases, found by BudouX (Google's phrase segmenter); the rare
phrase wider than the column is broken between characters by a few rules of JIS X 4051 here,
as no library lays text out to a width in ems. Everything from a person's file goes
through :func:`~dxkit.escape.svg_text`.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import budoux

from dxkit.dates import format_date, format_month
from dxkit.i18n import translate
from dxkit.labels import label
from dxkit.model import Consortium
from dxkit.model.records import Task
from dxkit.model.vocabulary import STAGES, is_overdue
from dxkit.reading import uses_japanese_era
from dxkit.render import svg
from dxkit.render.exports import gantt_span

#: Size of the text of the rows (px), and so the height of one line of a row's title.
FONT_PX = 13
#: Width of the title column in ems of that text: twelve Japanese characters.
COLUMN_EM = 12.0
#: Titles start this far from the left edge; a gap follows before the bars.
LABEL_X = 4
GAP = 14
LEFT_PADDING = LABEL_X + round(COLUMN_EM * FONT_PX) + GAP
#: Width of the bars' part of the drawing, and room right of it for half of the last date.
BARS_PX = 400
RIGHT_PADDING = 60
#: The same in the chart drawn for a phone (a column of about 358 px on a screen 390 px wide).
NARROW_BARS_PX = 140
NARROW_RIGHT_PADDING = 36
#: Height of one line of a title; space above and below a row's text.
LINE_PX = 17
ROW_PAD = 5
#: Height of the chart's title and of the axis with its dates, above the rows.
HEAD_PX = 26
AXIS_PX = 22
#: At most this many months on the axis; a chart this many days long or shorter shows its first
#: and last day instead.
MAX_TICKS = 3
SHORT_DAYS = 62

#: Characters that may not start a line (Japanese line breaking, JIS X 4051 in short).
_NO_START = set(
    "、。，．,.・：；:;？！?!ー‐ヽヾゝゞ々）］｝」』】〕〉》)]}〟’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
#: Narrow characters after which a word may break: a space, a hyphen, a slash.
_BREAK_AFTER = set(" -/")
#: Characters that may not end a line.
_NO_END = set("（［｛「『【〔〈《([{〝‘“")


def _is_wide(ch: str) -> bool:
    """Whether a font draws ``ch`` a full em wide (ambiguous ones too: Japanese fonts do)."""
    return unicodedata.east_asian_width(ch) in "WFA"


#: Widths of narrow characters in ems, as wide as in DejaVu Sans or a little wider (it stands in
#: for Verdana where that is missing and is about as wide); any other narrow character is 0.6.
_NARROW_EM = {
    **dict.fromkeys(" ijlI.,:;!|'`", 0.34),
    **dict.fromkeys("frt()[]{}-/", 0.44),
    **dict.fromkeys("mwMW%@", 1.0),
    **dict.fromkeys('<>=+~^_*"', 0.84),
    **dict.fromkeys("ABCDEFGHJKLNOPQRSTUVXYZ0123456789#&", 0.72),
}


class _Widths(dict[str, float]):
    """Each character's width in ems, worked out the first time the character is met."""

    def __missing__(self, ch: str) -> float:
        width = self[ch] = 1.0 if _is_wide(ch) else _NARROW_EM.get(ch, 0.6)
        return width


#: A chart of 10,000 titles measures millions of characters, drawn from a few thousand.
_WIDTHS = _Widths()


def text_width(text: str) -> float:
    """The width of ``text`` in ems, erring wide: 1 for full-width characters, less for others."""
    return sum(map(_WIDTHS.__getitem__, text))


def _atoms(text: str) -> list[str]:
    """Pieces of ``text`` that a line may not break inside, down to single characters.

    Used for a phrase too long for one line: words of narrow letters stay whole (they end
    after a hyphen or a slash: ``evacuation-`` ``information``), each wide character is a piece,
    a character that may not start a line joins the piece before it, and one that may not end
    a line joins the piece after it.
    """
    atoms: list[str] = []
    for ch in text:
        if atoms and (
            ch in _NO_START
            or atoms[-1][-1] in _NO_END
            or (ch != " " and not _is_wide(ch) and atoms[-1][-1] not in _BREAK_AFTER and not _is_wide(atoms[-1][-1]))
        ):
            atoms[-1] += ch
        else:
            atoms.append(ch)
    return atoms


@functools.cache
def _phrases() -> budoux.Parser:
    return budoux.load_default_japanese_parser()


#: BudouX decides whether a phrase starts at a character from the three characters before it
#: and the two after it (its unigram, bigram and trigram features), and from nothing else.
_BEFORE = 3
_AFTER = 2


@functools.lru_cache(maxsize=1 << 14)
def _parsed(text: str) -> tuple[str, ...]:
    return tuple(_phrases().parse(text))


def _starts(chunks: Sequence[str]) -> list[int]:
    """Where each chunk but the first starts in the text they make."""
    return list(itertools.accumulate(len(chunk) for chunk in chunks[:-1]))


def phrases(text: str) -> list[str]:
    """BudouX's phrases of ``text``: the same as its parser's, the text after the first space parsed once.

    A chart's row is a task's id, a space and its title, and many tasks share a title (a
    monthly report, a yearly review). As a phrase's start depends only on the characters
    around it (:data:`_BEFORE`, :data:`_AFTER`), the title's phrases from its fourth character
    on are those of the title alone, whatever id is before it, and are parsed once for each
    title; the rest is parsed from the id and the title's first characters.
    """
    cut = text.find(" ") + 1
    head_length = cut + _BEFORE + _AFTER
    if cut == 0 or len(text) < head_length:
        return list(_phrases().parse(text))
    head = _phrases().parse(text[:head_length])
    starts = [i for i in _starts(head) if i < cut + _BEFORE]
    starts += [cut + j for j in _starts(_parsed(text[cut:])) if j >= _BEFORE]
    return [text[a:b] for a, b in itertools.pairwise([0, *starts, len(text)])]


def _pieces(text: str, width: float) -> list[str]:
    """Where a line of ``text`` may break: between Japanese phrases (BudouX) and at spaces.

    A phrase that fits on a line is one piece, spaces and all; a longer one (an English title
    is one phrase to BudouX) is split at its spaces.
    """
    pieces: list[str] = []
    for phrase in phrases(text):
        if text_width(phrase) <= width:
            pieces.append(phrase)
        else:
            pieces += [part for part in re.split("( )", phrase) if part]
    return pieces


#: A line ends between two phrases once it is this full; a shorter one takes the next
#: phrase's first characters instead, so a narrow column is not left half empty.
FILL = 0.7


def wrap(text: str, width: float) -> list[str]:
    """``text`` (its white space made single spaces) in lines of at most ``width`` ems.

    Lines break between phrases and at spaces, and inside a phrase (between characters, never
    inside a word of narrow letters unless it is wider than a line) when the line would
    otherwise stay less than :data:`FILL` full. A line that ends at a space keeps it, so the
    lines put together are the text again.
    """
    lines: list[str] = []
    line = ""
    pieces = _pieces(" ".join(text.split()), width)
    while pieces:
        piece = pieces.pop(0)
        if piece == " " or text_width(line + piece) <= width:
            line += piece
            continue
        smaller = _atoms(piece)
        if len(smaller) > 1 and (not line.strip() or text_width(line) < FILL * width):
            pieces[:0] = smaller
        elif line.strip():
            lines.append(line)
            line = ""
            pieces.insert(0, piece)
        else:  # one word wider than a line: cut it where the line is full
            cut = next((i for i in range(len(piece) - 1, 0, -1) if text_width(piece[:i]) <= width), 1)
            lines.append(piece[:cut])
            pieces.insert(0, piece[cut:])
    if line.strip():
        lines.append(line)
    return lines


#: How a bar is filled, by the task's state (the page's table and each bar's title say it in words).
FILL_BY_STATE = {"done": "#9e9e9e", "overdue": "#b71c1c", "in-progress": "#3949ab", "other": "#9fa8da"}


def _state(task: Task, today: dt.date) -> str:
    if task.status == "done":
        return "done"
    if is_overdue(task, today):
        return "overdue"
    return "in-progress" if task.status == "in-progress" else "other"


def _ticks(
    first: dt.date, last: dt.date, lang: str, *, narrow: bool = False, era: bool = False
) -> list[tuple[dt.date, str, str]]:
    """The dates on the axis from ``first`` to ``last``: each day, its label and its text's anchor.

    A chart of up to :data:`SHORT_DAYS` days is marked at its first and last day (the labels
    stand inside the bars' part, so they cannot meet; a ``narrow`` one has room for the first
    only); a longer one at the first day of at most :data:`MAX_TICKS` months (two when
    ``narrow``), evenly spaced.
    """
    if (last - first).days <= SHORT_DAYS:
        ends = [
            (first, format_date(first, lang, japanese_era=era), "start"),
            (last, format_date(last, lang, japanese_era=era), "end"),
        ]
        return ends[:1] if narrow else ends
    most = 2 if narrow else MAX_TICKS
    months = (last.year - first.year) * 12 + last.month - first.month
    step = max(1, math.ceil(months / most))
    out: list[tuple[dt.date, str, str]] = []
    index = first.year * 12 + first.month - 1 + (first.day > 1)
    while len(out) < most:
        year, month = divmod(index, 12)
        day = dt.date(year, month + 1, 1)
        if day > last:
            break
        out.append((day, format_month(year, month + 1, lang, japanese_era=era), "middle"))
        index += step
    return out


@dataclass(frozen=True)
class StageChart:
    """One stage's chart: the stage's code, its SVG drawings (wide, and ``narrow`` for a phone), its bars."""

    stage: str
    svg: str
    narrow: str
    bars: int


@dataclass(frozen=True)
class _Row:
    """A task's row as both drawings of its chart show it; only its bar's ``x`` and width differ.

    Each part is finished SVG (attributes, or elements with the task's text escaped), so a
    stage's wide and narrow drawings wrap, word and escape each title once.
    """

    #: The row's band: its attributes before ``width`` and after it.
    band_head: str
    band_tail: str
    #: The lines of the row's title as ``<text>`` elements.
    lines: str
    #: The bar: its attributes before ``x``, between ``x`` and ``width``, after ``width``; its ``<title>``.
    bar_head: str
    bar_y: str
    bar_tail: str
    bar_title: str
    start: dt.date
    end: dt.date


#: :func:`~dxkit.render.svg.attrs` of the values rows share (a state's fill, a row's height, a
#: day's place on the axis), written once for all of them.
_attrs = functools.lru_cache(maxsize=1 << 12)(svg.attrs)


def _rows(
    tasks: list[Task], spans: list[tuple[dt.date, dt.date]], today: dt.date, lang: str, era: bool
) -> tuple[list[_Row], float]:
    """The rows of a stage's chart, top to bottom, and the drawing's height."""
    rows = []
    y = float(HEAD_PX + AXIS_PX)
    font = svg.attrs(font_size=FONT_PX)
    dates: dict[dt.date, str] = {}  # thousands of tasks start and end on a few hundred days

    def date(day: dt.date) -> str:
        text = dates.get(day)
        if text is None:
            text = dates[day] = format_date(day, lang, japanese_era=era)
        return text

    for index, (task, (start, end)) in enumerate(zip(tasks, spans, strict=True)):
        title = f"{task.id} {task.title}"
        lines = wrap(title, COLUMN_EM) or [task.id]
        row_height = len(lines) * LINE_PX + 2 * ROW_PAD
        state = _state(task, today)
        status = translate(
            "svg.gantt.bar",
            lang,
            title=title,
            start=date(start),
            end=date(end),
            status=label("Task.status", task.status, lang),
        )
        if state == "overdue":
            status += translate("svg.gantt.overdue", lang)
        texts = "".join(
            f"<text{svg.attrs(x=LABEL_X, y=y + ROW_PAD + (i + 1) * LINE_PX - 4)}{font}>{svg.content(line)}</text>"
            for i, line in enumerate(lines)
        )
        bar_height = min(row_height - 2 * ROW_PAD, 18)
        rows.append(
            _Row(
                band_head=svg.attrs(x=0, y=y),
                band_tail=_attrs(height=row_height, fill="#f5f5f5" if index % 2 == 0 else "#ffffff"),
                lines=texts,
                bar_head=_attrs(class_="dxkit-bar", data_state=state),
                bar_y=svg.attrs(y=y + (row_height - bar_height) / 2),
                bar_tail=_attrs(height=bar_height, rx=3, fill=FILL_BY_STATE[state]),
                bar_title=svg.title(status),
                start=start,
                end=end,
            )
        )
        y += row_height
    return rows, y + 4


def _chart(
    stage: str,
    rows: list[_Row],
    height: float,
    first: dt.date,
    last: dt.date,
    lang: str,
    *,
    narrow: bool = False,
    era: bool = False,
) -> str:
    """One stage's chart as an SVG drawing, wide or ``narrow``, from its ``rows``."""
    bars_px, right = (NARROW_BARS_PX, NARROW_RIGHT_PADDING) if narrow else (BARS_PX, RIGHT_PADDING)
    name = label("stage", stage, lang)
    length = max(1, (last - first).days)

    def x(day: dt.date) -> float:
        return LEFT_PADDING + bars_px * (day - first).days / length

    top = HEAD_PX + AXIS_PX
    width = LEFT_PADDING + bars_px + right
    # Drawn in this order: the rows' bands, the axis's lines, then the text and the bars.
    band_width = svg.attrs(width=width)
    bands = [f"<rect{row.band_head}{band_width}{row.band_tail}/>" for row in rows]
    grid: list[str] = []
    body = [svg.text(LABEL_X, 18, name, class_="dxkit-gantt-title", font_size=FONT_PX + 2, font_weight="bold")]
    for day, text, anchor in _ticks(first, last, lang, narrow=narrow, era=era):
        grid.append(f"<line{svg.attrs(x1=x(day), y1=top - 4, x2=x(day), y2=height, stroke='#bdbdbd')}/>")
        body.append(
            svg.text(x(day), HEAD_PX + 12, text, class_="dxkit-tick", font_size=FONT_PX - 1, text_anchor=anchor)
        )
    for row in rows:
        left = x(row.start)
        bar = f"{row.bar_head}{_attrs(x=left)}{row.bar_y}{_attrs(width=max(2.0, x(row.end) - left))}"
        body.append(f'<g class="dxkit-row">{row.lines}<rect{bar}{row.bar_tail}>{row.bar_title}</rect></g>')
    period = {
        "first": format_date(first, lang, japanese_era=era),
        "last": format_date(last, lang, japanese_era=era),
    }
    description = translate("svg.gantt.desc", lang, stage=name, tasks=len(rows), **period)
    return svg.document(
        f"gantt-{stage}" + ("-narrow" if narrow else ""),
        width,
        height,
        translate("svg.gantt.title", lang, stage=name),
        description,
        [*bands, *grid, *body],
        class_="dxkit-gantt",
    )


def render_stage_gantts(c: Consortium, lang: str, tasks_of: Sequence[Task] | None = None) -> list[StageChart]:
    """One SVG Gantt chart for each stage that has tasks (of ``tasks_of``, else all), in the stages' order."""
    charts = []
    chosen = c.tasks if tasks_of is None else tasks_of
    era = uses_japanese_era(c)
    for stage in STAGES:
        tasks = [t for t in chosen if t.stage == stage]
        if tasks:
            spans = [gantt_span(t) for t in tasks]
            first, last = min(s for s, _ in spans), max(e for _, e in spans)
            rows, height = _rows(tasks, spans, c.today, lang, era)
            wide = _chart(stage, rows, height, first, last, lang, era=era)
            narrow = _chart(stage, rows, height, first, last, lang, narrow=True, era=era)
            charts.append(StageChart(stage, wide, narrow, len(tasks)))
    return charts
