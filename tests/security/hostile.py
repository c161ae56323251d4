"""A consortium in which every string a person types is an attack, built from the example.

Which strings are a person's free text is read from the schemas, not listed by hand: every
string the schema leaves free (no ``enum``, ``const``, ``pattern`` or ``format``) gets the
payload appended, so a field added later is attacked too. Ids go as far as their patterns
allow: the tasks are renamed after mermaid's statement words. One workshop and one
retrospective file get names that are themselves markup.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from dxkit.loading import load_file
from dxkit.schemas import load_schema, resolve
from tests.conftest import ROOT

#: Each piece is distinct, so a test can ask for it by name.
IMG = "<img src=x onerror=alert('img')>"
SCRIPT = "<script>alert('script')</script>"
LINK = "[link](javascript:alert('link'))"
#: MkDocs, Jinja and macros plugins would print ``XSSQ49`` and ``XSSQJINJA``.
JINJA = "XSSQ{{ 7*7 }}"
JINJA_BLOCK = "XSSQ{% if true %}JINJA{% endif %}"
PAYLOAD = f" {IMG} {SCRIPT} {LINK} {JINJA} {JINJA_BLOCK}"
#: Terminal, calendar, CI and XML attacks: window title, clipboard write (OSC 52), clear screen,
#: a bare CR and a CRLF that start a calendar property, an 8-bit CSI, line and bidi separators,
#: and a GitHub Actions workflow command after an encoded newline.
CONTROLS = (
    "\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J\rMETHOD:CANCEL\r\nX-INJECTED:1\n::warning::injected"
    "\x9b31m\x85\u2028\u202e%0A::error::encoded\x00\x7f"
)
#: What a page would show if a template had been evaluated.
EVALUATED = ("XSSQ49", "XSSQJINJA")

#: Task ids that are statements in a mermaid Gantt chart (the pattern allows them).
TASK_IDS = ("click", "section", "excludes", "title", "dateFormat", "todayMarker", "end", "style")
#: File names that are markup: ``)`` ends a Markdown link, ``<img>`` is HTML.
WORKSHOP_FILE = "2026-07-12-a)<img src=x onerror=alert('file')>.yaml"
RETROSPECTIVE_FILE = "2026-09-01-[b](javascript:alert('file')){{ 7*7 }}.yaml"
#: Text a browser would show for the hostile file names if they reached a page.
FILE_MARKUP = ("onerror=alert('file')", "javascript:alert('file')")


def _free_text(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "string" and not any(k in schema for k in ("enum", "const", "pattern", "format"))


def _attack(value: Any, schema: dict[str, Any], root: dict[str, Any], payload: str) -> Any:
    schema = resolve(schema, root)
    for branch in [*schema.get("anyOf", ()), *schema.get("oneOf", ())]:
        branch = resolve(branch, root)
        if (branch.get("type") == "array") == isinstance(value, list):
            return _attack(value, branch, root, payload)
    if isinstance(value, dict):
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        return {
            key: _attack(item, props.get(key, extra if isinstance(extra, dict) else {}), root, payload)
            for key, item in value.items()
        }
    if isinstance(value, list):
        items = schema.get("items")
        return [_attack(item, items if isinstance(items, dict) else {}, root, payload) for item in value]
    if isinstance(value, str) and _free_text(schema):
        return value + payload
    return value


def _rename(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {key: _rename(item, names) for key, item in value.items()}
    if isinstance(value, list):
        return [_rename(item, names) for item in value]
    return names.get(value, value) if isinstance(value, str) else value


#: The charter setting that publishes every kind of person's name on the site.
PUBLISH_PEOPLE = dict.fromkeys(("key_persons", "member_contacts", "workshop_facilitation"), True)


def clean_consortium(dest: Path, lang: str = "ja") -> Path:
    """The example consortium untouched but for the setting that publishes people's names."""
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    charter = dest / "consortium.yaml"
    data = load_file(charter).data
    data.setdefault("site", {})["people"] = dict(PUBLISH_PEOPLE)
    charter.write_text(json.dumps(data, ensure_ascii=True, indent=2) + "\n", encoding="utf-8")
    return dest


def hostile_consortium(dest: Path, lang: str = "ja", *, controls: bool = False) -> Path:
    """Copy the example consortium in ``lang`` to ``dest`` with every free string attacked.

    With ``controls``, :data:`CONTROLS` is planted too (after the markup payload). The charter
    publishes every kind of person's name on the site, so that the site shows every attacked
    string (hidden names are tested in test_personal_data.py).
    """
    payload = PAYLOAD + (CONTROLS if controls else "")
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    roles = load_file(dest / "roles.yaml").data
    names = {task["id"]: new for task, new in zip(roles["tasks"], TASK_IDS, strict=False)}
    for path in sorted(dest.rglob("*.yaml")):
        data = load_file(path).data
        kind = data["kind"]
        schema = load_schema(kind)
        attacked = _rename(_attack(data, schema, schema, payload), names)
        if kind == "consortium":
            attacked.setdefault("site", {})["people"] = dict(PUBLISH_PEOPLE)
        # JSON is YAML; ASCII escapes keep every character exactly as planted.
        path.write_text(json.dumps(attacked, ensure_ascii=True, indent=2) + "\n", encoding="utf-8")
    workshop = sorted((dest / "workshops").glob("*.yaml"))[-1]
    workshop.rename(workshop.with_name(WORKSHOP_FILE))
    retrospective = sorted((dest / "retrospectives").glob("*.yaml"))[-1]
    retrospective.rename(retrospective.with_name(RETROSPECTIVE_FILE))
    return dest
