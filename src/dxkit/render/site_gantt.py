"""The Gantt charts of a consortium's site: one mermaid chart per stage, readable on a phone.

Mermaid (the version the site ships, :data:`dxkit.render.assets.MERMAID`) writes a Gantt
task's text inside its bar when it fits and beside the bar when it does not; text that runs
past the edge of the drawing is cut off. With every task in one chart, most titles ran off
the left edge on a phone. The site's charts are laid out so that nothing can be cut:

* One chart per stage, so each covers a shorter period and fewer rows.
* Every task is a section of its own. Mermaid writes section names in the column left of the
  bars (``leftPadding`` wide) and breaks them at ``<br>``, so each row starts with the task's
  id and its whole title, wrapped here to the column. The bar itself carries no text (a
  zero-width space, which always fits inside the bar, so mermaid never moves it outside).
* The rows are as tall as the longest title of the chart needs; at most three dates label
  the axis, so they do not run into each other in a phone's narrow chart either.
* No marker for the reader's own day: a task is shown late or not as of the day the site
  was built, which the page states above the chart.

Titles break between Japanese phrases, found by BudouX (Google's phrase segmenter); the rare
phrase wider than the column is broken between characters by a few rules of JIS X 4051 here,
as no library lays text out to a width in ems.

Mermaid measures the drawing by the element it draws in; the site's script has it draw in
the page's column (:data:`dxkit.publish.LAYOUT_JS`), so the chart is as wide as the text
beside it, and its text keeps the size set here. Everything from a person's file goes through
:func:`~dxkit.escape.mermaid_label`; only the line breaks (``<br>``) are dxkit's own.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from dataclasses import dataclass

import budoux

from dxkit.escape import mermaid_ids, mermaid_label
from dxkit.labels import label
from dxkit.model import Consortium
from dxkit.model.records import Task
from dxkit.model.vocabulary import STAGES
from dxkit.render.exports import gantt_span, gantt_spec

#: Size of the text of the rows (px), and so the height of one line of a row's title.
FONT_PX = 13
#: Width of the title column in ems of that text: twelve Japanese characters.
COLUMN_EM = 12.0
#: Mermaid writes section names 10 px from the left edge; a gap follows before the bars.
LABEL_X = 10
GAP = 14
LEFT_PADDING = LABEL_X + round(COLUMN_EM * FONT_PX) + GAP
#: Room right of the bars for half of the last date on the axis.
RIGHT_PADDING = 30
#: Space between two rows.
BAR_GAP = 6
#: At most this many dates on the axis (a phone's chart has about 150 px for the bars).
MAX_TICKS = 3
#: The text of a bar: a zero-width space (the title is in the row's section name).
NO_TEXT = "#8203;"

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
#: for Verdana where that is missing and is about as wide; mermaid asks for the narrower Trebuchet
#: MS first); any other narrow character is 0.6.
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


def _pieces(text: str, width: float) -> list[str]:
    """Where a line of ``text`` may break: between Japanese phrases (BudouX) and at spaces.

    A phrase that fits on a line is one piece, spaces and all; a longer one (an English title
    is one phrase to BudouX) is split at its spaces.
    """
    pieces: list[str] = []
    for phrase in _phrases().parse(text):
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


def row_label(task: Task) -> tuple[str, int]:
    """A task's row label in mermaid's syntax (lines joined by ``<br>``), and its number of lines."""
    lines = wrap(f"{task.id} {task.title}", COLUMN_EM)
    # A line broken at a space keeps it (#32;): a screen reader reads the lines as one text.
    escaped = [mermaid_label(line) + ("#32;" if line.endswith(" ") else "") for line in lines]
    return "<br>".join(escaped), len(lines)


@dataclass(frozen=True)
class StageChart:
    stage: str
    source: str


def _ticks(first: dt.date, last: dt.date) -> tuple[str, str]:
    """The axis's tick interval and date format for a chart from ``first`` to ``last``."""
    days = (last - first).days
    if days <= 7 * MAX_TICKS * 4:
        return f"{max(1, math.ceil(days / 7 / MAX_TICKS))}week", "%m-%d"
    months = days / 30.44
    return f"{max(1, math.ceil(months / MAX_TICKS))}month", "%Y-%m"


def _config(lines: int) -> str:
    """The chart's mermaid settings (front matter), for rows of ``lines`` lines of text."""
    settings = {
        "useMaxWidth": "true",
        "leftPadding": LEFT_PADDING,
        "rightPadding": RIGHT_PADDING,
        "fontSize": FONT_PX,
        "sectionFontSize": FONT_PX,
        "barHeight": max(20, lines * FONT_PX + 6),
        "barGap": BAR_GAP,
        # Rows alternate between two colours (mermaid's four include a yellow one).
        "numberSectionStyles": 2,
    }
    return "---\nconfig:\n  gantt:\n" + "".join(f"    {key}: {value}\n" for key, value in settings.items()) + "---\n"


def render_stage_gantts(c: Consortium, lang: str) -> list[StageChart]:
    """One mermaid Gantt chart for each stage that has tasks, in the stages' order."""
    tasks = c.tasks
    ids = mermaid_ids(range(len(tasks)), prefix="t")
    charts = []
    for stage in STAGES:
        members = [(i, t) for i, t in enumerate(tasks) if t.stage == stage]
        if not members:
            continue
        spans = [gantt_span(t) for _, t in members]
        interval, axis = _ticks(min(s for s, _ in spans), max(e for _, e in spans))
        body = [
            "gantt",
            f"    title {mermaid_label(label('stage', stage, lang))}",
            "    dateFormat YYYY-MM-DD",
            f"    axisFormat {axis}",
            f"    tickInterval {interval}",
            "    todayMarker off",
        ]
        most = 1
        for index, task in members:
            text, lines = row_label(task)
            most = max(most, lines)
            body.append(f"    section {text}")
            body.append(f"    {NO_TEXT} :{gantt_spec(task, ids[index], c.today)}")
        charts.append(StageChart(stage, _config(most) + "\n".join(body) + "\n"))
    return charts
