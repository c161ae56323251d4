"""MkDocs hooks for the guidebook: the same offline machinery ``dxkit site`` uses, and page titles.

MkDocs takes a page's title from its ``# `` heading as HTML text (``Role &amp; deadline
matrix``). Material prints that text as it is in the navigation and the footer, but escapes it
again for the footer links' ``aria-label``, so a screen reader would read ``&amp;`` aloud. The
title is HTML already; marking it as markup lets every template print it once, as it is.
"""

from typing import Any

from markupsafe import Markup
from mkdocs.structure.pages import Page

from dxkit.render.site_hooks import on_post_build, on_post_page  # noqa: F401


def on_page_content(html: str, page: Page, **kwargs: Any) -> str:
    # Only a title read from the heading is HTML; one given in the nav or front matter is text.
    heading = getattr(page, "_title_from_render", None)
    if heading and "title" not in page.meta and page.title == heading:
        page.title = Markup(heading)
    return html
