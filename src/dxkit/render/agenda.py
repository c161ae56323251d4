"""Agenda handouts for a workshop or retrospective: plain text, Markdown, or printable HTML.

The HTML is one self-contained page with print CSS for A4, so a facilitator can print it
for the room. Every value from the file goes through the escaping of its format
(:mod:`dxkit.escape`): terminal text, Markdown or HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from dxkit.dates import format_date
from dxkit.escape import html_attr, html_text, markdown_text, terminal_text
from dxkit.i18n import translate
from dxkit.model.records import Retrospective, Workshop
from dxkit.render.markdown import table

#: What an agenda is read from.
AgendaSource = Workshop | Retrospective


@dataclass(frozen=True)
class Slot:
    start: str | None
    end: str | None
    offset: int
    minutes: int
    title: str
    description: str


def slots(source: AgendaSource) -> list[Slot]:
    """The agenda's steps with their clock times (when a start time is given) or offsets."""
    clock = None
    if source.start_time:
        hours, minutes = (int(x) for x in source.start_time.split(":"))
        clock = dt.datetime(2000, 1, 1, hours, minutes)
    out, offset = [], 0
    for step in source.agenda:
        start = end = None
        if clock is not None:
            start = (clock + dt.timedelta(minutes=offset)).strftime("%H:%M")
            end = (clock + dt.timedelta(minutes=offset + step.minutes)).strftime("%H:%M")
        out.append(Slot(start, end, offset, step.minutes, step.title, step.description or ""))
        offset += step.minutes
    return out


def _facts(source: AgendaSource, lang: str, japanese_era: bool) -> list[tuple[str, str]]:
    """``(label, value)`` pairs for the handout's head; values are plain, unescaped text.

    The date reads as people write it (``2026年12月13日（日）``, by the Japanese era when the
    charter asks for it, ``Sun 13 Dec 2026`` in English).
    """

    def t(key: str, **params: Any) -> str:
        return translate(key, lang, **params)

    total = sum(step.minutes for step in source.agenda)
    facts = [(t("agenda.date"), format_date(source.date, lang, japanese_era=japanese_era))]
    if source.start_time:
        facts.append((t("agenda.start"), source.start_time))
    duration = source.duration_minutes if source.duration_minutes is not None else total
    facts.append((t("agenda.duration"), t("agenda.minutes", minutes=duration)))
    if source.venue:
        facts.append((t("agenda.venue"), source.venue))
    if source.headcount:
        facts.append((t("agenda.headcount"), t("agenda.people", count=source.headcount)))
    if isinstance(source, Workshop):
        if source.tables:
            facts.append(
                (t("agenda.tables"), t("agenda.table_layout", count=source.tables.count, size=source.tables.size))
            )
        roles = source.facilitation
        if roles is not None:
            for role, person in (
                ("facilitator", roles.facilitator),
                ("recorder", roles.recorder),
                ("timekeeper", roles.timekeeper),
            ):
                if person:
                    facts.append((t(f"role.{role}"), person))
    return facts


def _materials(source: AgendaSource) -> tuple[str, ...]:
    return source.materials if isinstance(source, Workshop) else ()


def _when(slot: Slot, lang: str) -> str:
    if slot.start:
        return f"{slot.start}–{slot.end}"
    return translate("agenda.offset", lang, start=slot.offset, end=slot.offset + slot.minutes)


def render_agenda_text(record: AgendaSource, lang: str, *, japanese_era: bool = False) -> str:
    """A plain-text handout for a terminal or a printer; control characters are shown, not run."""
    shown = terminal_text
    title = shown(record.title)
    lines = [title, "=" * min(60, max(10, len(record.title) * 2)), ""]
    lines += [f"{label}: {shown(value)}" for label, value in _facts(record, lang, japanese_era)]
    lines += ["", translate("agenda.steps", lang)]
    for i, slot in enumerate(slots(record), 1):
        minutes = translate("agenda.minutes", lang, minutes=slot.minutes)
        lines.append(f"{i:>2}. {_when(slot, lang):<13} {minutes:>6}  {shown(slot.title)}")
        if slot.description:
            lines.append(f"    {shown(slot.description)}")
    materials = _materials(record)
    if materials:
        lines += ["", translate("agenda.materials", lang)] + [f"- {shown(m)}" for m in materials]
    return "\n".join(lines) + "\n"


def render_agenda_md(record: AgendaSource, lang: str, *, japanese_era: bool = False) -> str:
    """A Markdown handout; every value from the file is escaped Markdown text."""

    def t(key: str, **params: Any) -> str:
        return translate(key, lang, **params)

    parts = [f"# {markdown_text(record.title)}\n\n"]
    parts += [f"- **{label}**: {markdown_text(value)}\n" for label, value in _facts(record, lang, japanese_era)]
    parts.append(f"\n## {t('agenda.steps')}\n\n")
    parts.append(
        table(
            [t("agenda.time"), t("agenda.length"), t("agenda.step"), t("agenda.how")],
            [
                [
                    _when(s, lang),
                    t("agenda.minutes", minutes=s.minutes),
                    markdown_text(s.title),
                    markdown_text(s.description),
                ]
                for s in slots(record)
            ],
        )
    )
    materials = _materials(record)
    if materials:
        parts.append(f"\n## {t('agenda.materials')}\n\n" + "".join(f"- {markdown_text(m)}\n" for m in materials))
    return "".join(parts)


_CSS = """
@page { size: A4; margin: 15mm 14mm; }
body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif; font-size: 10.5pt;
       line-height: 1.55; color: #111; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 4mm; border-bottom: 2px solid #1a237e; padding-bottom: 2mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0; }
dt { font-weight: bold; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #777; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
th { background: #e8eaf6; }
td.time { white-space: nowrap; width: 24mm; }
td.minutes { white-space: nowrap; width: 14mm; text-align: right; }
tr { break-inside: avoid; }
ul { margin: 0; padding-left: 5mm; }
@media print { a { color: inherit; text-decoration: none; } }
"""


def render_agenda_html(record: AgendaSource, lang: str, *, japanese_era: bool = False) -> str:
    """One printable A4 page; every value, label included, is escaped HTML text."""

    def t(key: str, **params: Any) -> str:
        return html_text(translate(key, lang, **params))

    e = html_text
    facts = "".join(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in _facts(record, lang, japanese_era))
    rows = "".join(
        f'<tr><td class="time">{e(_when(s, lang))}</td>'
        f'<td class="minutes">{t("agenda.minutes", minutes=s.minutes)}</td>'
        f"<td><strong>{e(s.title)}</strong><br>{e(s.description)}</td></tr>"
        for s in slots(record)
    )
    materials = _materials(record)
    listed = ""
    if materials:
        listed = f"<h2>{t('agenda.materials')}</h2><ul>" + "".join(f"<li>{e(m)}</li>" for m in materials) + "</ul>"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_attr(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{e(record.title)}</title>\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n<h1>{e(record.title)}</h1>\n<dl>{facts}</dl>\n"
        f"<h2>{t('agenda.steps')}</h2>\n<table><thead><tr><th>{t('agenda.time')}</th><th>{t('agenda.length')}</th>"
        f"<th>{t('agenda.step')}</th></tr></thead><tbody>{rows}</tbody></table>\n{listed}\n</body>\n</html>\n"
    )


class AgendaRenderer(Protocol):
    """A handout format: a record and a language, and whether dates go by the Japanese era."""

    def __call__(self, record: AgendaSource, lang: str, *, japanese_era: bool = False) -> str: ...


#: The handout formats, by the name ``dxkit agenda --format`` takes.
AGENDA_RENDERERS: dict[str, AgendaRenderer] = {
    "text": render_agenda_text,
    "md": render_agenda_md,
    "html": render_agenda_html,
}
