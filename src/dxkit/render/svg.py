"""A small SVG writer for the diagrams of a consortium's site (the member network, the Gantt charts).

The site draws its diagrams in Python, so a page needs no script to show them, prints them as
they are and stays small. Every piece of text goes through :func:`~dxkit.escape.svg_text`
(content, or a quoted attribute): a member called ``</text><script>`` is text in the drawing.
Numbers are dxkit's own and written with at most one decimal, so the same input always gives
the same file.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from dxkit.escape import svg_text

SVG_NS = "http://www.w3.org/2000/svg"


def content(text: str) -> str:
    """A person's text as the content of an element (:func:`~dxkit.escape.svg_text`)."""
    return svg_text(text)


def num(value: float) -> str:
    """A coordinate as SVG text: one decimal at most, no ``-0``."""
    if type(value) is int or (type(value) is float and value.is_integer()):
        # Most coordinates are whole numbers: written as the rounding below writes them.
        return str(int(value))
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


@functools.cache
def _name(key: str) -> str:
    return key.rstrip("_").replace("_", "-")


@functools.lru_cache(maxsize=4096)
def _attribute(value: str) -> str:
    # A drawing repeats the same few values (classes, fills, states) in every row: escape each once.
    return svg_text(value, attribute=True)


_NUMBERS = (int, float)


def attrs(**values: str | float | None) -> str:
    """Attributes in the order given (``class_`` for ``class``, ``_`` for ``-``); ``None`` is left out."""
    out = ""
    for key, value in values.items():
        if value is not None:
            out += f' {_name(key)}="{num(value) if isinstance(value, _NUMBERS) else _attribute(value)}"'
    return out


def text(x: float, y: float, words: str, **extra: str | float | None) -> str:
    """A ``<text>`` element at ``(x, y)`` whose content is a person's text, escaped."""
    return f"<text{attrs(x=x, y=y, **extra)}>{content(words)}</text>"


def title(words: str) -> str:
    """A ``<title>`` child: the name a screen reader or a pointer's tooltip gives its element."""
    return f"<title>{content(words)}</title>"


def document(
    ident: str, width: float, height: float, label: str, description: str, body: Iterable[str], *, class_: str
) -> str:
    """A whole ``<svg>`` drawing, named for screen readers by its ``<title>`` and ``<desc>``.

    ``ident`` must be unique on the page and is dxkit's own (ASCII letters, digits and ``-``).
    The drawing is one line of markup with no blank line, so Markdown passes it on untouched.
    """
    head = (
        f"<svg{attrs(xmlns=SVG_NS, class_=class_, width=width, height=height)}"
        f' viewBox="0 0 {num(width)} {num(height)}" role="img"'
        f' aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{content(label)}</title>'
        f'<desc id="{ident}-desc">{content(description)}</desc>'
    )
    return head + "".join(body) + "</svg>"


def figure(svg: str, *, screen: str = "") -> str:
    """The drawing as a block of raw HTML in a page's Markdown: scrolls on a narrow screen.

    ``screen`` (``wide`` or ``narrow``) marks one of two drawings of a diagram, one for a
    desktop and paper, one for a phone; the site's style sheet shows one of them.
    """
    shown = f" dxkit-{screen}" if screen else ""
    return f'<figure class="dxkit-diagram{shown}">{svg}</figure>\n'
