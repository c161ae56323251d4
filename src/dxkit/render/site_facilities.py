"""The facilities page of a consortium's site: each facility, its role in a disaster, its connections.

One table, one row per facility of every ``facilities`` file. Every string from a person's file
goes through :func:`~dxkit.escape.markdown_text`; codes are shown as the schema's labels, member
ids as the organisations' names, task ids with the task's title and fiscal years as people
read them (``2027年度``, ``令和9年度`` where the charter asks for the era).

The address of a facility is not published: a facility may be a room in someone's house, and
the area (``area``) says well enough where it is. Notes are not published either; they are
working notes (contracts, faults) for the members.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from dxkit.dates import format_fiscal_year
from dxkit.escape import markdown_text
from dxkit.model import Consortium
from dxkit.model.records import Connection, Facility
from dxkit.reading import Reading
from dxkit.render.markdown import table


class SiteLabels(Protocol):
    """What the page needs of the site's labels (:class:`dxkit.render.site_pages.Labels`)."""

    lang: str
    reading: Reading

    def __call__(self, key: str, **params: Any) -> str: ...

    def only(self, key: str, **params: Any) -> str: ...

    def label(self, enum_name: str, value: str, *, only: bool = False) -> str: ...

    def member(self, member_id: str) -> str: ...

    def members(self, member_ids: Sequence[str]) -> str: ...


def _year(year: int, L: SiteLabels) -> str:
    return format_fiscal_year(year, L.lang, japanese_era=L.reading.japanese_era)


def _connection(connection: Connection, L: SiteLabels) -> str:
    """One connection in words: 光回線（公設、汐見市、2011年度整備、2028年度に更新予定）."""
    details = []
    if connection.ownership is not None:
        details.append(L.label("Connection.ownership", connection.ownership, only=True))
    if connection.owner is not None:
        details.append(L.member(connection.owner))
    if connection.built is not None:
        details.append(L.only("facilities.built", year=_year(connection.built, L)))
    if connection.renewal_due is not None:
        details.append(L.only("facilities.renewal_due", year=_year(connection.renewal_due, L)))
    kind = L.label("Connection.type", connection.type, only=True)
    if not details:
        return kind
    return L.only("facilities.connection", kind=kind, details=L.only("facilities.separator").join(details))


def _tasks(facility: Facility, titles: dict[str, str]) -> str:
    return "<br>".join(markdown_text(f"{task} {titles[task]}" if task in titles else task) for task in facility.used_by)


def render_facilities_page(c: Consortium, L: SiteLabels) -> str:
    """The facilities page, in Markdown, of the (public view of the) consortium ``c``."""
    md = markdown_text
    titles = {task.id: task.title for task in c.tasks}
    separator = L.only("facilities.separator")
    rows = [
        [
            md(f.id),
            md(f.name),
            L.label("Facility.type", f.type, only=True),
            md(f.area) if f.area else "",
            L.member(f.owner) if f.owner else "",
            separator.join(L.label("Facility.disaster_roles", role, only=True) for role in f.disaster_roles),
            "<br>".join(_connection(x, L) for x in f.connections) or L.only("facilities.no_connection"),
            _tasks(f, titles),
        ]
        for f in c.facilities
    ]
    head = [
        L("site.col.id"),
        L("facilities.col.name"),
        L("facilities.col.type"),
        L("facilities.col.area"),
        L("facilities.col.owner"),
        L("facilities.col.disaster_roles"),
        L("facilities.col.connections"),
        L("facilities.col.used_by"),
    ]
    return f"# {L('facilities.title')}\n\n{L.only('facilities.intro')}\n\n" + table(head, rows, empty="—")
