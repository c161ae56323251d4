"""The lessons feed: published retrospectives as Atom and JSON Feed 1.1, for other regions (横展開).

The report asks consortia to treat an analysed failure as a result (報告書（案）第3章3(3)①)
and asks for outreach that shares failure cases with the staff of other municipalities
(第3章3(5)②). A feed lets a prefecture or a national collection gather those lessons without
asking each consortium: ``dxkit site build`` writes :data:`ATOM_FILE` and :data:`JSON_FILE`
beside the lessons page, and ``dxkit lessons ROOT --all --format json`` writes one JSON Feed of
every consortium below a folder.

What goes in (:func:`dxkit.analyses.lessons.published`): only retrospectives marked
``publish: true`` (or a failure analysis marked so), and nothing when the charter says
``sharing.publish_lessons: false``. People are named only when the charter says
``sharing.publish_names: true``: otherwise the feed lists no participants and no owners, and
every person's name the consortium's files hold is replaced in every text by the neutral label
(:func:`dxkit.render.people.public_view`, the mechanism the site uses). Even then, a person's
name appears only where ``site.people`` publishes it on the site.

Every text is a person's: the Atom document is written by feedgen (which escapes markup) from
text without controls or the characters XML forbids (:func:`dxkit.escape.atom_text`); the JSON
document by :func:`dxkit.escape.json_document`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from dxkit.analyses.lessons import Item, published, shares_lessons
from dxkit.escape import atom_text
from dxkit.i18n import translate
from dxkit.labels import label
from dxkit.model import Consortium
from dxkit.reading import Reading, list_separator
from dxkit.render.addresses import page_address
from dxkit.render.people import NamePolicy, name_policy, public_view

#: The files the site writes beside ``lessons.html``.
ATOM_FILE = "lessons.xml"
JSON_FILE = "lessons.json"
LESSONS_PAGE = "lessons.html"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
#: A retrospective has a date, not a time: it is dated at midnight, Japan time.
_JST = dt.timezone(dt.timedelta(hours=9))


@dataclass(frozen=True)
class Change:
    """Something the consortium changes or tries next; ``owner`` only when the charter names people."""

    text: str
    owner: str | None
    due: str | None
    done: bool


@dataclass(frozen=True)
class Entry:
    """One published lesson, as the feed says it: names already hidden, codes kept as codes."""

    id: str
    consortium: str
    title: str
    date: str
    format: str
    stage: str | None
    field: str | None
    target: str | None
    result: str | None
    happened: tuple[str, ...]
    why: tuple[tuple[str, str], ...]
    changed: tuple[Change, ...]
    learned: tuple[str, ...]
    participants: tuple[str, ...]


def names_shared(c: Consortium) -> bool:
    """Whether the charter lets the feed name people (``sharing.publish_names``, no by default)."""
    sharing = c.charter.sharing if c.charter is not None else None
    return sharing is not None and sharing.publish_names is True


def feed_policy(c: Consortium, lang: str) -> NamePolicy:
    """The names the feed of ``c`` may show: none unless the charter allows it, then the site's."""
    return name_policy(c, lang, kinds=None if names_shared(c) else frozenset())


def consortium_name(c: Consortium) -> str:
    """The consortium's name from its charter; its folder's name when it has no charter yet."""
    charter = c.charter
    return charter.name if charter is not None else Path(c.root).resolve().name


def _relative(file: str, root: str) -> str:
    try:
        return PurePath(os.path.relpath(file, root)).as_posix()
    except ValueError:  # another drive on Windows
        return PurePath(file).name


def _entry_id(consortium: str, file: str) -> str:
    digest = hashlib.sha256(f"{consortium}\n{file}".encode()).hexdigest()[:32]
    return f"urn:dxkit:lesson:{digest}"


#: The lists of records a feed is made from (:func:`feed_entries`); the public view copies no other.
_FEED_RECORDS = frozenset({"charters", "member_files", "retrospectives"})


def feed_entries(c: Consortium, lang: str) -> list[Entry]:
    """The published lessons of ``c``, newest first, with every name the charter does not publish hidden."""
    if not shares_lessons(c):
        return []
    policy = feed_policy(c, lang)
    # What the entries are made of: the charter, the members' names and the retrospectives.
    view = public_view(c, policy, only=_FEED_RECORDS)
    reading = Reading.of(view)
    named = names_shared(c)
    name = policy.hide(consortium_name(view))

    def change(item: Item) -> Change:
        owner = reading.member(item.owner, lang) if named and item.owner else None
        return Change(item.text, owner, item.due, item.done)

    return [
        Entry(
            _entry_id(name, _relative(p.file, c.root)),
            name,
            p.title,
            p.date,
            p.format,
            p.stage,
            p.field,
            p.target,
            p.result,
            tuple(p.happened),
            tuple(p.why),
            tuple(change(i) for i in p.changed),
            tuple(p.learned),
            tuple(reading.member(m, lang) for m in p.participants) if named else (),
        )
        for p in published(view)
    ]


def _moment(date: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(date), dt.time(), _JST)


def _tags(entry: Entry, lang: str) -> list[tuple[str, str, str]]:
    """``(scheme, code, label)`` of the entry's format, stage and field."""
    tags = [("format", entry.format, label("Retrospective.format", entry.format, lang))]
    if entry.stage:
        tags.append(("stage", entry.stage, label("stage", entry.stage, lang)))
    if entry.field:
        tags.append(("field", entry.field, label("field", entry.field, lang)))
    return tags


def _facts(entry: Entry) -> list[tuple[str, str, str]]:
    """``(message id, enum, code)`` of the entry's stage and field, where it has them."""
    facts = [("feed.stage", "stage", entry.stage), ("feed.field", "field", entry.field)]
    return [(msg_id, enum, code) for msg_id, enum, code in facts if code]


def content_text(entry: Entry, lang: str, reading: Reading | None = None) -> str:
    """The entry as plain text: what happened, why, what changes next, what was learned."""
    reading = reading if reading is not None else Reading()

    def t(msg_id: str, **params: Any) -> str:
        return translate(msg_id, lang, **params)

    parts = [t("feed.about", consortium=entry.consortium, date=reading.date(entry.date, lang))]
    facts = [f"{t(msg_id)}: {label(enum, code, lang)}" for msg_id, enum, code in _facts(entry)]
    if facts:
        parts.append(" / ".join(facts))
    missed = [f"{t(msg_id)}: {text}" for msg_id, text in (("feed.target", entry.target), ("feed.result", entry.result))]
    sections: list[tuple[str, list[str]]] = [
        ("feed.happened", [line for line in missed if entry.target] + list(entry.happened)),
        ("feed.why", [f"{label('Cause.category', category, lang)}: {cause}" for category, cause in entry.why]),
        ("feed.changed", [_change_text(c, lang, reading) for c in entry.changed]),
        ("feed.learned", list(entry.learned)),
        ("feed.participants", list(entry.participants)),
    ]
    for msg_id, lines in sections:
        if lines:
            parts.append(t(msg_id) + "\n" + "\n".join(f"- {line}" for line in lines))
    return "\n\n".join(parts)


def _change_text(change: Change, lang: str, reading: Reading) -> str:
    extras = []
    if change.owner:
        extras.append(translate("feed.owner", lang, owner=change.owner))
    if change.due:
        extras.append(translate("feed.due", lang, due=reading.date(change.due, lang)))
    if change.done:
        extras.append(translate("feed.done", lang))
    joined = list_separator(lang).join(extras)
    return change.text + (translate("feed.extras", lang, extras=joined) if extras else "")


def feed_title(consortium: str | None, lang: str) -> str:
    """The feed's title: the consortium's lessons, or the lessons of every consortium gathered."""
    if consortium is None:
        return translate("feed.title_all", lang)
    return translate("feed.title", lang, consortium=consortium)


def render_atom(
    entries: list[Entry],
    lang: str,
    *,
    title: str,
    updated: dt.date,
    reading: Reading | None = None,
    page: str = LESSONS_PAGE,
    self_href: str = ATOM_FILE,
) -> bytes:
    """An Atom document (RFC 4287) of ``entries``; links are full addresses, or relative to the feed's own place.

    The feed's id does not depend on where it is published, so giving the site an address later
    does not make it a new feed for its subscribers.
    """
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(_entry_id(title, ATOM_FILE).replace(":lesson:", ":feed:"))
    feed.title(atom_text(title))
    feed.subtitle(atom_text(translate("feed.description", lang)))
    feed.language(lang)
    feed.generator("dxkit")
    feed.link(href=self_href, rel="self", type="application/atom+xml")
    feed.link(href=page, rel="alternate", type="text/html")
    newest = max((dt.date.fromisoformat(e.date) for e in entries), default=updated)
    feed.updated(dt.datetime.combine(newest, dt.time(), _JST))
    for entry in entries:
        item = feed.add_entry(order="append")
        item.id(entry.id)
        item.title(atom_text(entry.title))
        item.author(name=atom_text(entry.consortium))
        item.published(_moment(entry.date))
        item.updated(_moment(entry.date))
        item.link(href=page, rel="alternate", type="text/html")
        item.content(atom_text(content_text(entry, lang, reading)), type="text")
        for scheme, code, shown in _tags(entry, lang):
            item.category(term=code, scheme=f"urn:dxkit:{scheme}", label=atom_text(shown))
    data: bytes = feed.atom_str(pretty=True)
    return data


def json_feed(
    entries: list[Entry],
    lang: str,
    *,
    title: str,
    reading: Reading | None = None,
    page: str | None = LESSONS_PAGE,
    self_href: str | None = JSON_FILE,
) -> dict[str, Any]:
    """A JSON Feed 1.1 of ``entries`` as data; dxkit's structured fields are under ``_dxkit``.

    ``page`` and ``self_href`` are the feed's home page and its own address, full addresses as
    JSON Feed 1.1 expects them; both are optional there, and left out when ``None`` (a site
    whose charter gives no ``site.url``, a collection printed on standard output). An item's
    ``url`` is the home page.
    """
    feed: dict[str, Any] = {"version": JSON_FEED_VERSION, "title": title}
    if page is not None:
        feed["home_page_url"] = page
    if self_href is not None:
        feed["feed_url"] = self_href
    feed["description"] = translate("feed.description", lang)
    feed["language"] = lang
    feed["items"] = [_json_item(entry, lang, reading, page) for entry in entries]
    return feed


def _json_item(entry: Entry, lang: str, reading: Reading | None, page: str | None) -> dict[str, Any]:
    item: dict[str, Any] = {"id": entry.id}
    if page is not None:
        item["url"] = page
    item |= {
        "title": entry.title,
        "content_text": content_text(entry, lang, reading),
        "date_published": _moment(entry.date).isoformat(),
        "authors": [{"name": entry.consortium}],
        "tags": [shown for _scheme, _code, shown in _tags(entry, lang)],
        "language": lang,
        "_dxkit": {
            "consortium": entry.consortium,
            "date": entry.date,
            "format": entry.format,
            "stage": entry.stage,
            "field": entry.field,
            "target": entry.target,
            "result": entry.result,
            "what_happened": list(entry.happened),
            "why": [
                {"category": category, "category_label": label("Cause.category", category, lang), "cause": cause}
                for category, cause in entry.why
            ],
            "what_we_changed": [
                {"text": c.text, "owner": c.owner, "due": c.due, "done": c.done} for c in entry.changed
            ],
            "learned": list(entry.learned),
            "participants": list(entry.participants),
        },
    }
    return item


#: The front matter that asks the site's hook (:mod:`dxkit.render.site_hooks`) for the feed links.
FEED_META = "dxkit_feeds"  # read by name in site_hooks.on_post_page


def site_feeds(c: Consortium, lang: str) -> dict[str, bytes]:
    """The feed files of a consortium's site, by name; none when the charter does not share lessons."""
    from dxkit.escape import json_document

    if not shares_lessons(c):
        return {}
    entries = feed_entries(c, lang)
    reading = Reading.of(c)  # dates only: names are already resolved, and hidden, in the entries
    title = feed_title(entries[0].consortium if entries else feed_policy(c, lang).hide(consortium_name(c)), lang)
    page, atom_href, json_href = (page_address(c, name) for name in (LESSONS_PAGE, ATOM_FILE, JSON_FILE))
    atom = render_atom(
        entries,
        lang,
        title=title,
        updated=c.today,
        reading=reading,
        page=page or LESSONS_PAGE,
        self_href=atom_href or ATOM_FILE,
    )
    feed = json_feed(entries, lang, title=title, reading=reading, page=page, self_href=json_href)
    data = json_document(feed) + "\n"
    return {ATOM_FILE: atom, JSON_FILE: data.encode("utf-8")}


def with_feed_links(page: str, lang: str) -> str:
    """The lessons page with a visible link to each feed, and the front matter that adds them to its head."""
    atom = f"[{translate('feed.atom', lang)}]({ATOM_FILE})"
    json = f"[{translate('feed.json', lang)}]({JSON_FILE})"
    note = translate("feed.subscribe", lang, atom=atom, json=json)
    return f"---\n{FEED_META}: true\n---\n\n{page.rstrip()}\n\n{note}\n"


def head_links(lang: str, here: str = ".") -> str:
    """The ``<link rel="alternate">`` elements of the lessons page, relative to its folder ``here``."""
    from posixpath import relpath

    from dxkit.escape import html_attr

    links = (
        ("application/atom+xml", "feed.atom", ATOM_FILE),
        ("application/feed+json", "feed.json", JSON_FILE),
    )
    return "".join(
        f'<link rel="alternate" type="{kind}" title="{html_attr(translate(key, lang))}" href="{relpath(name, here)}">\n'
        for kind, key, name in links
    )
