"""Dated artifacts made from toolkits: workshop plans and retrospectives (``dxkit new``).

A new file is named ``YYYY-MM-DD-slug.yaml``. The slug is made from the title's plain
letters and digits only, so any title — Japanese, spaces, ``../`` — gives a safe name;
a title with none falls back to the toolkit's id. An existing file is never replaced:
the next free name (``-2``, ``-3`` …) is taken, and the file is created with an exclusive
link so even a concurrent run cannot clobber it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dxkit._resources import toolkits_dir
from dxkit.errors import TemplateError, UsageError
from dxkit.i18n import translate
from dxkit.loading import LoadError, load_text
from dxkit.scaffold import clean_text, modeline
from dxkit.toolkits import KIND_FOLDERS, Toolkit, scale_minutes, seating

SLUG_MAX = 48
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def slugify(title: str, fallback: str) -> str:
    """ASCII words of ``title`` joined by hyphens, or ``fallback`` when it has fewer than two.

    A Japanese title (or one like "../etc") has no usable ASCII words; the toolkit id names
    the file instead, and the title stays inside it.
    """
    text = unicodedata.normalize("NFKC", title).lower()
    words = re.findall(r"[a-z0-9]+", text.encode("ascii", "ignore").decode("ascii"))
    if sum(1 for word in words if not word.isdigit()) < 2:
        return fallback
    return "-".join(words)[:SLUG_MAX].strip("-")


@dataclass(frozen=True)
class NewArtifact:
    path: Path
    content: bytes


def free_path(folder: Path, date: str, slug: str) -> Path:
    candidate = folder / f"{date}-{slug}.yaml"
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{date}-{slug}-{number}.yaml"
        number += 1
    return candidate


def render_artifact(
    toolkit: Toolkit,
    *,
    lang: str,
    date: dt.date,
    title: str | None,
    minutes: int | None,
    headcount: int | None,
    start_time: str | None = None,
    gate: str | None = None,
) -> tuple[str, str]:
    """The YAML text of a new workshop plan or retrospective from ``toolkit``, and its title."""
    import jinja2

    from dxkit.scaffold import yaml_str

    minutes = toolkit.duration["default"] if minutes is None else minutes
    headcount = toolkit.participants["default"] if headcount is None else headcount
    toolkit.check_minutes(minutes)
    toolkit.check_headcount(headcount)
    if start_time is not None and not _TIME.match(start_time):
        raise UsageError("new.bad_time", value=start_time)
    title = clean_text(title, "title") if title else toolkit.title[lang]
    scaled = scale_minutes([s.weight for s in toolkit.steps], minutes)
    agenda = [
        {"title": s.title[lang], "minutes": m, "description": s.description[lang]}
        for s, m in zip(toolkit.steps, scaled, strict=True)
    ]
    tables, seats = seating(headcount, toolkit.participants["per_table"])
    folder = toolkits_dir() / KIND_FOLDERS[toolkit.kind]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
        trim_blocks=False,
    )
    env.filters["yaml_str"] = yaml_str
    name = f"{toolkit.kind}.yaml.j2"
    context: dict[str, Any] = {
        "toolkit": toolkit,
        "lang": lang,
        "title": title,
        "date": date.isoformat(),
        "minutes": minutes,
        "headcount": headcount,
        "tables": tables,
        "seats": seats,
        "agenda": agenda,
        "start_time": start_time,
        "gate": gate,
        "placeholder": translate("placeholder", lang),
        "modeline": modeline,
        "say": lambda key, **p: translate(key, lang, **p),
    }
    try:
        text = env.get_template(name).render(**context)
    except jinja2.TemplateError as exc:
        raise TemplateError("init.template_broken", template=name, detail=str(exc)) from None
    try:
        load_text(text, name)
    except LoadError as exc:
        raise TemplateError("init.template_broken", template=name, detail=exc.message("en")) from None
    return text, title


def plan_artifact(consortium_dir: Path, toolkit: Toolkit, text: str, *, date: dt.date, title: str) -> NewArtifact:
    folder = consortium_dir / KIND_FOLDERS[toolkit.kind]
    if folder.exists() and (folder.is_symlink() or not folder.is_dir()):
        raise UsageError("new.folder_blocked", folder=str(folder))
    path = free_path(folder, date.isoformat(), slugify(title, toolkit.id))
    return NewArtifact(path, text.encode("utf-8"))
