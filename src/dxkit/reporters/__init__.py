"""Reporters turn a validation report into text; they never print and never pick an exit code.

``REPORTERS`` is the one catalogue the CLI builds its ``--format`` choices from. Messages and
file names carry text from people's files, so every reporter writes them through the writer
of its format (:mod:`dxkit.escape`): each report is well-formed whatever they hold, and can be
printed on a terminal as it is (no control character reaches it raw).
"""

from __future__ import annotations

from collections.abc import Callable

from dxkit.escape import json_document, terminal_text, uri_path, xml_markup
from dxkit.findings import Finding, Severity
from dxkit.i18n import translate
from dxkit.i18n.terms import SEVERITY
from dxkit.validate import Report

Reporter = Callable[[Report, str], str]


def summary(report: Report, lang: str) -> str:
    if not report.findings:
        return translate("report.clean", lang, files=report.files)
    return translate("report.summary", lang, errors=report.errors, warnings=report.warnings, files=report.files)


def render_text(report: Report, lang: str) -> str:
    """One line per finding, ``file:line:col: CODE [severity] message``, then a summary."""
    lines = []
    for f in report.findings:
        severity = translate(SEVERITY[f.severity.value], lang)
        # File names and messages carry text from people's files: no control character passes.
        lines.append(terminal_text(f"{f.file}:{f.line}:{f.column}: {f.code} [{severity}] {f.message}"))
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
    return json_document(data) + "\n"


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
    return terminal_text(f"::{level} {props}::{_escape_data(f.message)}")


def render_github(report: Report, lang: str) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""
    lines = [_annotation(f) for f in report.findings]
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


def render_junit(report: Report, lang: str) -> str:
    """JUnit XML (GitLab, Jenkins): one test case per file; error findings fail it.

    Every value goes through :func:`~dxkit.escape.xml_markup`: the report is well-formed and
    holds no control character whatever the messages and file names contain.
    """
    by_file: dict[str, list[Finding]] = {name: [] for name in report.checked}
    for f in report.findings:
        by_file.setdefault(f.file, []).append(f)
    failed = sum(1 for fs in by_file.values() if any(f.severity is Severity.ERROR for f in fs))
    cases = []
    for name, found in by_file.items():
        # One finding a line: each message keeps to its own line, whatever breaks it held.
        body = "\n".join(
            xml_markup(f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}").replace("\n", " ")
            for f in found
        )
        errors = [f for f in found if f.severity is Severity.ERROR]
        inner = ""
        if errors:
            first = errors[0]
            kind, message = xml_markup(first.code, attribute=True), xml_markup(first.message, attribute=True)
            inner = f'<failure type="{kind}" message="{message}">{body}</failure>'
        elif found:
            inner = f"<system-out>{body}</system-out>"
        cases.append(
            f'    <testcase classname="dxkit.validate" name="{xml_markup(name, attribute=True)}">{inner}</testcase>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="dxkit" tests="{len(by_file)}" failures="{failed}">\n'
        f'  <testsuite name="dxkit validate" tests="{len(by_file)}" failures="{failed}">\n'
        + "\n".join(cases)
        + ("\n" if cases else "")
        + "  </testsuite>\n</testsuites>\n"
    )


def render_sarif(report: Report, lang: str) -> str:
    """SARIF 2.1.0 for code-scanning dashboards; file names are percent-encoded URI references."""
    from dxkit import __version__
    from dxkit.rules import iter_rules

    rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.title[lang]},
            "fullDescription": {"text": r.docs[lang]["what"]},
            "defaultConfiguration": {"level": "error" if r.severity is Severity.ERROR else "warning"},
        }
        for r in iter_rules()
    ]
    results = [
        {
            "ruleId": f.code,
            "level": "error" if f.severity is Severity.ERROR else "warning",
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri_path(f.file)},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        for f in report.findings
    ]
    data = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "dxkit", "version": __version__, "rules": rules}}, "results": results}],
    }
    return json_document(data) + "\n"


REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "junit": render_junit,
    "sarif": render_sarif,
}
