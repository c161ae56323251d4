"""The member network of a consortium's site, drawn as SVG (the members page).

The network is the one :mod:`dxkit.analyses.keyperson` analyses (:func:`build_graph`), with its
key-person candidates and the members it would split without. Each connected part is laid out
on its own by a force-directed layout (rustworkx's ``spring_layout``, a fixed seed, so the same
files give the same drawing) in a square as large as its number of members needs; the squares
are set in rows, the largest first, so a member with no relation does not push the rest into a
corner. Each member is a box with its name wrapped between phrases (as the Gantt charts wrap
titles); key-person candidates have a thick border and members the network would split
without a dashed one, and each box's ``<title>`` says so in words, with whom it is connected.

Every name goes through :func:`~dxkit.escape.svg_text`. A network of more than
:data:`MAX_MEMBERS` members would not be readable as a drawing: the page says so instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dxkit.analyses.keyperson import KeyPersonReport, build_graph
from dxkit.i18n import translate
from dxkit.model import Consortium
from dxkit.reading import list_separator
from dxkit.render import svg
from dxkit.render.site_gantt import wrap

if TYPE_CHECKING:
    import networkx as nx

#: More members than this and the page says the drawing is left out.
MAX_MEMBERS = 150
#: Text size of a name (px), a line's height, and the width of a box's text in ems.
FONT_PX = 12
LINE_PX = 15
NAME_EM = 8.0
#: A name is cut after this many lines (the whole name is in the box's title).
MAX_LINES = 3
BOX_W = round(NAME_EM * FONT_PX) + 12
#: Room for one member in a part's square, and the drawing's width.
CELL_PX = 150
WIDTH = 720
MARGIN = 8
SEED = 20261
HUB_STROKE = "#1a237e"
CUT_STROKE = "#b71c1c"


@dataclass(frozen=True)
class Network:
    """The members page's drawing, or (``svg`` empty) the reason it is left out."""

    svg: str
    members: int
    note: str = ""


def _layout(graph: nx.Graph[str], nodes: list[str], side: float) -> dict[str, tuple[float, float]]:
    """Positions of one connected part's ``nodes`` inside a square of ``side`` px."""
    if len(nodes) == 1:
        return {nodes[0]: (side / 2, side / 2)}
    import rustworkx as rx

    part = rx.PyGraph()
    index = {node: part.add_node(node) for node in nodes}
    part.add_edges_from_no_data(sorted((index[a], index[b]) for a, b in graph.subgraph(nodes).edges))
    raw = rx.spring_layout(part, seed=SEED)
    xs, ys = [raw[i][0] for i in index.values()], [raw[i][1] for i in index.values()]
    pad_x, pad_y = BOX_W / 2 + MARGIN, LINE_PX * MAX_LINES / 2 + MARGIN

    def scale(value: float, low: float, high: float, pad: float) -> float:
        return side / 2 if high - low < 1e-9 else pad + (value - low) / (high - low) * (side - 2 * pad)

    placed = {
        node: (scale(raw[i][0], min(xs), max(xs), pad_x), scale(raw[i][1], min(ys), max(ys), pad_y))
        for node, i in index.items()
    }
    return _apart(placed, side, pad_x, pad_y)


#: Room a box needs around its centre, with a gap; rounds of pushing overlapping boxes apart.
_ROOM_X, _ROOM_Y = BOX_W + 6, LINE_PX * MAX_LINES + 14
_ROUNDS = 30


def _apart(
    placed: dict[str, tuple[float, float]], side: float, pad_x: float, pad_y: float
) -> dict[str, tuple[float, float]]:
    """The positions with overlapping boxes pushed apart (a few rounds), kept inside the square.

    A force-directed layout places members by their relations, not by the size of their names,
    so two boxes may cover each other; each round moves every overlapping pair apart along the
    direction in which they overlap least. The order is fixed, so the result is too.
    """
    nodes = sorted(placed)
    at = {node: list(placed[node]) for node in nodes}
    for _ in range(_ROUNDS):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                dx, dy = at[b][0] - at[a][0], at[b][1] - at[a][1]
                over_x, over_y = _ROOM_X - abs(dx), _ROOM_Y - abs(dy)
                if over_x <= 0 or over_y <= 0:
                    continue
                moved = True
                axis, over, delta = (0, over_x, dx) if over_x / _ROOM_X < over_y / _ROOM_Y else (1, over_y, dy)
                push = over / 2 * (1 if delta >= 0 else -1)
                at[a][axis] -= push
                at[b][axis] += push
        for point in at.values():
            point[0] = min(max(point[0], pad_x), side - pad_x)
            point[1] = min(max(point[1], pad_y), side - pad_y)
        if not moved:
            break
    return {node: (x, y) for node, (x, y) in at.items()}


def _positions(graph: nx.Graph[str]) -> tuple[dict[str, tuple[float, float]], float]:
    """Every member's position, each connected part in its own square, and the drawing's height."""
    import networkx as nx

    parts = sorted((sorted(part) for part in nx.connected_components(graph)), key=lambda p: (-len(p), p))
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes in parts:
        side = min(WIDTH, CELL_PX * max(1.0, math.sqrt(len(nodes)) * 1.3)) if len(nodes) > 1 else CELL_PX
        if x + side > WIDTH and x > 0:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in _layout(graph, nodes, side).items():
            placed[node] = (x + px, y + py)
        x, row_height = x + side, max(row_height, side)
    return placed, y + row_height


def render_network(c: Consortium, report: KeyPersonReport, lang: str) -> Network:
    """The member network of ``c`` as an SVG drawing, marked as ``report`` (its analysis) found."""
    # The network's members (one node per id) are counted first: a network too large to draw
    # is never built, so networkx (about 0.2 s to import) is not imported for it.
    members = len({m.id for m in c.members})
    if members == 0:
        return Network("", 0)
    if members > MAX_MEMBERS:
        return Network("", members, translate("svg.network.too_large", lang, members=members))
    graph = build_graph(c)
    hubs = {cand.member for cand in report.candidates if cand.score > 0}
    cut = set(report.articulation_points)
    names = {node: str(graph.nodes[node].get("name", node)) for node in graph.nodes}
    where, height = _positions(graph)
    body = []
    for a, b in sorted(tuple(sorted(edge)) for edge in graph.edges):
        (x1, y1), (x2, y2) = where[a], where[b]
        body.append(f"<line{svg.attrs(class_='dxkit-edge', x1=x1, y1=y1, x2=x2, y2=y2, stroke='#9e9e9e')}/>")
    sep = list_separator(lang)
    for node in sorted(graph.nodes):
        x, y = where[node]
        lines = wrap(names[node], NAME_EM) or [node]
        if len(lines) > MAX_LINES:
            lines = [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1].rstrip() + "…"]
        box_h = len(lines) * LINE_PX + 8
        notes = [names[node]]
        notes += [translate("svg.network.hub", lang)] if node in hubs else []
        notes += [translate("svg.network.cut", lang)] if node in cut else []
        linked = sorted(names[n] for n in graph.neighbors(node))
        if linked:
            notes.append(translate("svg.network.links", lang, names=sep.join(linked)))
        border: dict[str, str | float] = (
            {"stroke": HUB_STROKE, "stroke_width": 3} if node in hubs else {"stroke": "#5c6bc0", "stroke_width": 1}
        )
        if node in cut:
            border = {**border, "stroke": CUT_STROKE, "stroke_dasharray": "5 3"}
        rect = svg.attrs(x=x - BOX_W / 2, y=y - box_h / 2, width=BOX_W, height=box_h, rx=4, fill="#e8eaf6", **border)
        texts = "".join(
            svg.text(x, y - box_h / 2 + 4 + (i + 1) * LINE_PX - 3, line, font_size=FONT_PX, text_anchor="middle")
            for i, line in enumerate(lines)
        )
        kind = " ".join(k for k, on in (("hub", node in hubs), ("cut", node in cut)) if on) or None
        said = svg.title(("、" if lang == "ja" else "; ").join(notes))
        body.append(f"<g{svg.attrs(class_='dxkit-node', data_kind=kind)}>{said}<rect{rect}/>{texts}</g>")
    none = translate("svg.network.none", lang)
    description = translate(
        "svg.network.desc",
        lang,
        members=members,
        relations=graph.number_of_edges(),
        hubs=sep.join(sorted(names[n] for n in hubs)) or none,
        cut=sep.join(sorted(names[n] for n in cut)) or none,
    )
    drawing = svg.document(
        "network", WIDTH, height, translate("svg.network.title", lang), description, body, class_="dxkit-network"
    )
    return Network(drawing, members)
