"""Reporters turn a validation report into text; they never print and never pick an exit code.

``REPORTERS`` is the one catalogue the CLI builds its ``--format`` choices from.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from dxkit.escape import terminal_text, xml_text
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
    return terminal_text(f"::{level} {props}::{_escape_data(f.message)}")


def render_github(report: Report, lang: str) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""
    lines = [_annotation(f) for f in report.findings]
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


def render_junit(report: Report, lang: str) -> str:
    """JUnit XML (GitLab, Jenkins): one test case per file; error findings fail it."""
    from xml.sax.saxutils import escape, quoteattr

    by_file: dict[str, list[Finding]] = {name: [] for name in report.checked}
    for f in report.findings:
        by_file.setdefault(f.file, []).append(f)
    failed = sum(1 for fs in by_file.values() if any(f.severity is Severity.ERROR for f in fs))
    cases = []
    for name, found in by_file.items():
        body = "\n".join(f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}" for f in found)
        # Characters XML 1.0 forbids are dropped, so the report is always well-formed.
        body, name = xml_text(body), xml_text(name)
        errors = [f for f in found if f.severity is Severity.ERROR]
        inner = ""
        if errors:
            first = errors[0]
            message = quoteattr(xml_text(first.message))
            inner = f"<failure type={quoteattr(first.code)} message={message}>{escape(body)}</failure>"
        elif found:
            inner = f"<system-out>{escape(body)}</system-out>"
        cases.append(f'    <testcase classname="dxkit.validate" name={quoteattr(name)}>{inner}</testcase>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="dxkit" tests="{len(by_file)}" failures="{failed}">\n'
        f'  <testsuite name="dxkit validate" tests="{len(by_file)}" failures="{failed}">\n'
        + "\n".join(cases)
        + ("\n" if cases else "")
        + "  </testsuite>\n</testsuites>\n"
    )


def render_sarif(report: Report, lang: str) -> str:
    """SARIF 2.1.0 for code-scanning dashboards."""
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
                        "artifactLocation": {"uri": f.file.replace("\\", "/")},
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
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "junit": render_junit,
    "sarif": render_sarif,
}
