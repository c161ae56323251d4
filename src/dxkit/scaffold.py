"""Render a toolkit into a folder without losing anything a person wrote.

Every write is planned first. The plan says, for each file, what would happen:

* ``create``    — the file does not exist yet;
* ``identical`` — the file exists with exactly this content;
* ``skip``      — the file exists with other content and is kept as it is;
* ``overwrite`` — the file exists with other content and ``overwrite`` was asked for;
* ``conflict``  — something that is not a plain file (a folder, a link, a pipe) is in the way.

Conflicts are reported before anything is written, and then nothing is written at all.
The files of a plan are written together (:func:`dxkit.writing.write_all`): each to a temporary
file first, renamed into place only when all are written, so a full disk or a read-only folder
leaves the whole scaffold or nothing new, never half of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Any

from dxkit._resources import toolkits_dir
from dxkit.days_off import day_off
from dxkit.errors import ScaffoldConflict, TemplateError, UsageError, read_error
from dxkit.escape import markdown_text, yaml_string
from dxkit.loading import LoadError, NotRegularFile, load_text, read_head
from dxkit.schemas import KINDS, SCHEMA_VERSION, published_text, schema_filename
from dxkit.writing import write_all

#: Where ``init`` puts a copy of the schemas, relative to the consortium folder.
SCHEMA_FOLDER = PurePosixPath(".dxkit", "schemas", f"v{SCHEMA_VERSION}")


class Action(StrEnum):
    CREATE = "create"
    IDENTICAL = "identical"
    SKIP = "skip"
    OVERWRITE = "overwrite"
    CONFLICT = "conflict"

    def __str__(self) -> str:
        return self.value

    @property
    def writes(self) -> bool:
        return self in (Action.CREATE, Action.OVERWRITE)


@dataclass(frozen=True)
class PlannedFile:
    rel: PurePosixPath
    content: bytes


@dataclass(frozen=True)
class Step:
    rel: PurePosixPath
    action: Action
    content: bytes


# -- values from people --------------------------------------------------------------------


def clean_text(value: str, field: str) -> str:
    """A one-line value typed by a person, or a :class:`UsageError` saying what is wrong."""
    text = value.strip()
    if not text:
        raise UsageError("init.empty_value", field=field)
    if any(ch in text for ch in "\r\n\t") or any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise UsageError("init.control_character", field=field)
    if len(text) > 200:
        raise UsageError("init.too_long", field=field, limit=200)
    return text


def yaml_str(value: Any) -> str:
    """The ``yaml_str`` template filter: any value as a YAML double-quoted scalar."""
    return yaml_string(str(value))


def md_text(value: Any) -> str:
    """The ``md_text`` template filter: any value as literal Markdown text."""
    return markdown_text(str(value))


# -- rendering -----------------------------------------------------------------------------


def modeline(kind: str, depth: int = 0) -> str:
    """The ``yaml-language-server`` comment that points an editor at the local schema copy."""
    up = "../" * depth
    return f"# yaml-language-server: $schema={up}{SCHEMA_FOLDER}/{schema_filename(kind)}"


def sample_day(today: dt.date, days: int) -> dt.date:
    """The date ``days`` after ``today`` for a sample file; a future one moved to the next working day.

    The samples' deadlines and workshops then never fall on a weekend, a holiday or 年末年始
    (DX308, DX701); dates in the past are kept as they are.
    """
    date = today + dt.timedelta(days=days)
    while days > 0 and day_off(date) is not None:
        date += dt.timedelta(days=1)
    return date


def render_toolkit(toolkit: str, lang: str, context: dict[str, Any], today: dt.date) -> list[PlannedFile]:
    """Render every template of ``toolkit`` in ``lang``; YAML output is checked by the loader."""
    import jinja2

    folder = toolkits_dir() / toolkit / lang
    if not folder.is_dir():
        raise UsageError("init.unknown_language", lang=lang)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["yaml_str"] = yaml_str
    env.filters["md_text"] = md_text
    files: list[PlannedFile] = []
    for template_path in sorted(folder.rglob("*.j2")):
        rel = PurePosixPath(template_path.relative_to(folder).as_posix()[: -len(".j2")])
        depth = len(rel.parts) - 1
        helpers: dict[str, Callable[..., str]] = {
            "modeline": lambda kind, _d=depth: modeline(kind, _d),
            "day": lambda n: sample_day(today, n).isoformat(),
            "month": lambda n: (today + dt.timedelta(days=n)).strftime("%Y-%m"),
        }
        try:
            text = env.get_template(rel.as_posix() + ".j2").render(**context, **helpers)
        except jinja2.TemplateError as exc:
            raise TemplateError("init.template_broken", template=str(rel), detail=str(exc)) from None
        if rel.suffix in (".yaml", ".yml"):
            try:
                load_text(text, str(rel))
            except LoadError as exc:
                raise TemplateError("init.template_broken", template=str(rel), detail=exc.message("en")) from None
        files.append(PlannedFile(rel, text.encode("utf-8")))
    return files


def schema_files() -> list[PlannedFile]:
    """The schemas as dxkit publishes them (labels allowed), so editors validate offline."""
    return [PlannedFile(SCHEMA_FOLDER / schema_filename(kind), published_text(kind).encode("utf-8")) for kind in KINDS]


# -- planning and writing ------------------------------------------------------------------


def _blocked(dest: Path, rel: PurePosixPath) -> bool:
    """Whether a link or a non-folder stands where a folder on the way to ``rel`` must be."""
    current = dest
    for part in rel.parts[:-1]:
        current = current / part
        if current.is_symlink() or (current.exists() and not current.is_dir()):
            return True
    return False


def plan(dest: Path, files: Iterable[PlannedFile], *, overwrite: bool = False) -> list[Step]:
    steps: list[Step] = []
    for item in files:
        target = dest / item.rel
        if _blocked(dest, item.rel) or target.is_symlink() or target.is_dir():
            action = Action.CONFLICT
        else:
            action = _compare(target, item.content, overwrite)
        steps.append(Step(item.rel, action, item.content))
    return steps


def _compare(target: Path, content: bytes, overwrite: bool) -> Action:
    """What writing ``content`` to the plain file (or nothing) at ``target`` would be.

    At most one byte more than ``content`` is read, however large the file is; a named pipe or a
    device is never read and never replaced.
    """
    try:
        current, _ = read_head(target, len(content) + 1)
    except FileNotFoundError:
        return Action.CREATE
    except NotRegularFile:
        return Action.CONFLICT
    except OSError as exc:
        raise read_error(exc, str(target)) from None
    if current == content:
        return Action.IDENTICAL
    return Action.OVERWRITE if overwrite else Action.SKIP


def apply(dest: Path, steps: list[Step]) -> None:
    """Carry out a plan, all of it or nothing; refuses the whole plan if any step is a conflict."""
    conflicts = [str(s.rel) for s in steps if s.action is Action.CONFLICT]
    if conflicts:
        raise ScaffoldConflict("init.conflict", paths=", ".join(conflicts))
    if dest.exists() and not dest.is_dir():
        raise ScaffoldConflict("init.dest_not_folder", path=str(dest))
    write_all([(dest / step.rel, step.content) for step in steps if step.action.writes])


def init_files(
    *, name: str, municipality: str, lang: str, today: dt.date, ci: str = "none", pre_commit: bool = False
) -> list[PlannedFile]:
    """Everything ``dxkit init`` writes for a new consortium (CI files only when asked)."""
    from dxkit.integrations import consortium_files

    context = {
        "name": clean_text(name, "name"),
        "municipality": clean_text(municipality, "municipality"),
        "lang": lang,
    }
    extras = [PlannedFile(path, text.encode("utf-8")) for path, text in consortium_files(ci, pre_commit).items()]
    return render_toolkit("consortium", lang, context, today) + schema_files() + extras
