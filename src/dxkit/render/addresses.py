"""Where the pages of a consortium's published site live, when the charter says (``site.url``).

A site built by ``dxkit site build`` works from any folder and links its pages relatively.
Documents read away from the site (a feed reader, a search engine reading JSON-LD) need full
addresses instead; the charter may give the site's address (``https://`` only, checked by the
schema), and these functions build the addresses of its pages from it. Without it they give
``None``, and each document says what it does then.
"""

from __future__ import annotations

from urllib.parse import urljoin

from dxkit.model import Consortium


def site_base(c: Consortium) -> str | None:
    """The site's address from the charter, ending in ``/`` so that pages resolve below it."""
    charter = c.charter
    url = charter.site.url if charter is not None and charter.site is not None else None
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def page_address(c: Consortium, page: str) -> str | None:
    """The full address of ``page`` (a path inside the built site, e.g. ``lessons.html``)."""
    base = site_base(c)
    return urljoin(base, page) if base is not None else None
