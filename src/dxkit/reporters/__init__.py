"""Reporters turn a validation report into text; they never print and never pick an exit code.

``REPORTERS`` is the one catalogue the CLI builds its ``--format`` choices from.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from dxkit.findings import Finding, Severity
from dxkit.i18n import translate
from dxkit.validate import Report

Reporter = Callable[[Report, str], str]


def summary(report: Report, lang: str) -> str:
    if not report.findings:
        return translate("report.clean", lang, files=report.files)
    return translate(
        "report.summary", lang, errors=report.errors, warnings=report.warnings, files=report.files
    )


def render_text(report: Report, lang: str) -> str:
    """One line per finding, ``file:line:col: CODE [severity] message``, then a summary."""
    lines = []
    for f in report.findings:
        severity = translate(f"severity.{f.severity.value}", lang)
        lines.append(f"{f.file}:{f.line}:{f.column}: {f.code} [{severity}] {f.message}")
    if lines:
        lines.append("")
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


def render_json(report: Report, lang: str) -> str:
    data = {
        "version": 1,
        "language": lang,
        "summary": {
            "files": report.files,
            "errors": report.errors,
            "warnings": report.warnings,
        },
        "findings": [f.as_dict() for f in report.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(f: Finding) -> str:
    level = "error" if f.severity is Severity.ERROR else "warning"
    props = ",".join(
        f"{k}={_escape_property(str(v))}"
        for k, v in (
            ("file", f.file),
            ("line", f.line),
            ("col", f.column),
            ("title", f"{f.code} {f.name}".strip()),
        )
    )
    return f"::{level} {props}::{_escape_data(f.message)}"


def render_github(report: Report, lang: str) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""
    lines = [_annotation(f) for f in report.findings]
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
}
