"""Reports of ``dxkit lessons --all``: the published lessons gathered from many consortia."""

from __future__ import annotations

from dataclasses import dataclass, field

from dxkit.escape import json_document
from dxkit.i18n import translate
from dxkit.reading import Reading
from dxkit.render.feed import Entry, feed_title, json_feed
from dxkit.reporters.blocks import Document, Line, Table, Verbatim


@dataclass
class Collection:
    """The published lessons of every consortium read below a folder, newest first."""

    consortia: int
    entries: list[Entry] = field(default_factory=list)


def render_collection_text(collection: Collection, lang: str, reading: Reading | None = None) -> Document:
    """A table of the lessons gathered: consortium, date and title, and how many there are."""
    reading = reading if reading is not None else Reading()

    def t(msg_id: str, **params: object) -> str:
        return translate(msg_id, lang, **params)

    rows = tuple((e.consortium, reading.date(e.date, lang), e.title) for e in collection.entries)
    count = Line(t("feed.count", count=collection.consortia, lessons=len(collection.entries)))
    if not rows:
        return (count,)
    columns = (t("feed.consortium_col"), t("feed.date_col"), t("feed.title_col"))
    return (Table(feed_title(None, lang), columns, rows, ("name", "code", "text")), count)


def render_collection_json(collection: Collection, lang: str, reading: Reading | None = None) -> Document:
    """The lessons gathered as one JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    feed = json_feed(collection.entries, lang, title=feed_title(None, lang), reading=reading, page=None, self_href=None)
    return (Verbatim(json_document(feed) + "\n"),)
