"""Agenda handouts for a workshop or retrospective: plain text, Markdown, or printable HTML.

The HTML is one self-contained page with print CSS for A4, so a facilitator can print it
for the room. Every value from the file is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from dxkit.i18n import translate
from dxkit.render.lessons import _md


@dataclass(frozen=True)
class Slot:
    start: str | None
    end: str | None
    offset: int
    minutes: int
    title: str
    description: str


def slots(data: dict[str, Any]) -> list[Slot]:
    clock = None
    if data.get("start_time"):
        hours, minutes = (int(x) for x in data["start_time"].split(":"))
        clock = dt.datetime(2000, 1, 1, hours, minutes)
    out, offset = [], 0
    for step in data.get("agenda", []):
        start = end = None
        if clock is not None:
            start = (clock + dt.timedelta(minutes=offset)).strftime("%H:%M")
            end = (clock + dt.timedelta(minutes=offset + step["minutes"])).strftime("%H:%M")
        out.append(Slot(start, end, offset, step["minutes"], step["title"], step.get("description", "")))
        offset += step["minutes"]
    return out


def _facts(data: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    t = lambda key, **p: translate(key, lang, **p)  # noqa: E731
    total = sum(step["minutes"] for step in data.get("agenda", []))
    facts = [(t("agenda.date"), data["date"])]
    if data.get("start_time"):
        facts.append((t("agenda.start"), data["start_time"]))
    facts.append((t("agenda.duration"), t("agenda.minutes", minutes=data.get("duration_minutes", total))))
    if data.get("venue"):
        facts.append((t("agenda.venue"), data["venue"]))
    if data.get("headcount"):
        facts.append((t("agenda.headcount"), t("agenda.people", count=data["headcount"])))
    if data.get("tables"):
        facts.append((t("agenda.tables"), t("agenda.table_layout", **data["tables"])))
    for role in ("facilitator", "recorder", "timekeeper"):
        if data.get("facilitation", {}).get(role):
            facts.append((t(f"role.{role}"), data["facilitation"][role]))
    return facts


def _when(slot: Slot, lang: str) -> str:
    if slot.start:
        return f"{slot.start}–{slot.end}"
    return translate("agenda.offset", lang, start=slot.offset, end=slot.offset + slot.minutes)


def render_agenda_text(data: dict[str, Any], lang: str) -> str:
    lines = [data["title"], "=" * min(60, max(10, len(data["title"]) * 2)), ""]
    lines += [f"{label}: {value}" for label, value in _facts(data, lang)]
    lines += ["", translate("agenda.steps", lang)]
    for i, slot in enumerate(slots(data), 1):
        lines.append(
            f"{i:>2}. {_when(slot, lang):<13} {translate('agenda.minutes', lang, minutes=slot.minutes):>6}  {slot.title}"
        )
        if slot.description:
            lines.append(f"    {slot.description}")
    if data.get("materials"):
        lines += ["", translate("agenda.materials", lang)] + [f"- {m}" for m in data["materials"]]
    return "\n".join(lines) + "\n"


def render_agenda_md(data: dict[str, Any], lang: str) -> str:
    t = lambda key, **p: translate(key, lang, **p)  # noqa: E731
    parts = [f"# {_md(data['title'])}\n\n"]
    parts += [f"- **{label}**: {_md(str(value))}\n" for label, value in _facts(data, lang)]
    parts.append(
        f"\n## {t('agenda.steps')}\n\n| {t('agenda.time')} | {t('agenda.length')} | {t('agenda.step')} | {t('agenda.how')} |\n|---|---|---|---|\n"
    )
    parts += [
        f"| {_when(s, lang)} | {t('agenda.minutes', minutes=s.minutes)} | {_md(s.title)} | {_md(s.description)} |\n"
        for s in slots(data)
    ]
    if data.get("materials"):
        parts.append(f"\n## {t('agenda.materials')}\n\n" + "".join(f"- {_md(m)}\n" for m in data["materials"]))
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


def render_agenda_html(data: dict[str, Any], lang: str) -> str:
    t = lambda key, **p: html.escape(translate(key, lang, **p))  # noqa: E731
    e = lambda value: html.escape(str(value))  # noqa: E731
    facts = "".join(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in _facts(data, lang))
    rows = "".join(
        f'<tr><td class="time">{e(_when(s, lang))}</td><td class="minutes">{t("agenda.minutes", minutes=s.minutes)}</td>'
        f"<td><strong>{e(s.title)}</strong><br>{e(s.description)}</td></tr>"
        for s in slots(data)
    )
    materials = ""
    if data.get("materials"):
        materials = (
            f"<h2>{t('agenda.materials')}</h2><ul>" + "".join(f"<li>{e(m)}</li>" for m in data["materials"]) + "</ul>"
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{e(data["title"])}</title>\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n<h1>{e(data['title'])}</h1>\n<dl>{facts}</dl>\n"
        f"<h2>{t('agenda.steps')}</h2>\n<table><thead><tr><th>{t('agenda.time')}</th><th>{t('agenda.length')}</th>"
        f"<th>{t('agenda.step')}</th></tr></thead><tbody>{rows}</tbody></table>\n{materials}\n</body>\n</html>\n"
    )


AGENDA_RENDERERS = {"text": render_agenda_text, "md": render_agenda_md, "html": render_agenda_html}
