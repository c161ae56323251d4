"""The site's SVG drawings as the tests read them: parsed, and checked to hold nothing but their own kinds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

#: A drawing in a page's Markdown (render/svg.py, ``figure``): one line of raw HTML.
FIGURE = '<figure class="dxkit-diagram'
DRAWING = re.compile(re.escape(FIGURE) + r'[^"]*">(<svg .*?</svg>)</figure>')
SVG = "{http://www.w3.org/2000/svg}"
#: The only elements and attributes the site's drawings are made of: nothing that runs or links.
ELEMENTS = {f"{SVG}{name}" for name in ("svg", "title", "desc", "g", "rect", "line", "text")}
ATTRIBUTES = {
    "viewBox", "role", "aria-labelledby", "id", "class", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "rx",
    "fill", "stroke", "stroke-width", "stroke-dasharray", "font-size", "font-weight", "text-anchor",
    "data-state", "data-kind",
}  # fmt: skip
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]")


def assert_drawing(source: str) -> ET.Element:
    """A drawing of well-formed SVG made only of its own kinds of elements; the attack only as text."""
    assert "\n" not in source and not RAW_CONTROL.search(source)
    root = ET.fromstring(source)
    for element in root.iter():
        assert element.tag in ELEMENTS, element.tag
        assert set(element.attrib) <= ATTRIBUTES, element.attrib
    return root


def texts_of(root: ET.Element, parent_class: str) -> list[str]:
    """The text of each ``<g class=parent_class>`` of a drawing, its lines put together."""
    return [
        "".join(t.text or "" for t in g.iter(f"{SVG}text"))
        for g in root.iter(f"{SVG}g")
        if g.get("class") == parent_class
    ]
