"""Reporters turn a validation report into text; they never print and never pick an exit code.

``REPORTERS`` is the one catalogue the CLI builds its ``--format`` choices from. Messages and
file names carry text from people's files, so every reporter writes them through the writer
of its format (:mod:`dxkit.escape`): each report is well-formed whatever they hold, and can be
printed on a terminal as it is (no control character reaches it raw).

The report holds at most :data:`~dxkit.findings.MAX_FINDINGS_PER_FILE` findings of a file;
every reporter adds, after them, the line that counts the rest of that file
(:func:`omitted_message`).
"""

from __future__ import annotations

from collections.abc import Callable

from dxkit.escape import json_document, terminal_text, uri_path, xml_markup
from dxkit.findings import MAX_FINDINGS_PER_FILE, Finding, Omitted, Severity
from dxkit.i18n import translate
from dxkit.i18n.terms import SEVERITY
from dxkit.validate import Report, Skipped

Reporter = Callable[[Report, str], str]


def summary(report: Report, lang: str) -> str:
    if not report.findings and not report.omitted:
        return translate("report.clean", lang, files=report.files)
    text = translate("report.summary", lang, errors=report.errors, warnings=report.warnings, files=report.files)
    return text + translate("report.at_least", lang) if report.at_least else text


def omitted_message(omitted: Omitted, lang: str) -> str:
    """ "… and N more findings in this file", with the count of each severity."""
    from dxkit.schema_check import MAX_SCHEMA_ERRORS

    return translate(
        "report.omitted_at_least" if omitted.at_least else "report.omitted",
        lang,
        count=omitted.count,
        errors=omitted.errors,
        warnings=omitted.warnings,
        limit=MAX_FINDINGS_PER_FILE,
        checked=MAX_SCHEMA_ERRORS,
    )


def skipped_message(skipped: Skipped, lang: str) -> str:
    """Why the rules checked a file with schema errors only in part, or not at all."""
    if not skipped.partly:
        return translate("partial.file", lang)
    return translate("partial.entries", lang, entries=translate("partial.and", lang).join(skipped.entries))


def _by_file(report: Report) -> dict[str, tuple[list[Finding], Omitted | None]]:
    """Each file that has findings, in report order, with its findings and what was left out."""
    files: dict[str, tuple[list[Finding], Omitted | None]] = {}
    omitted = {o.file: o for o in report.omitted}
    for f in report.findings:
        files.setdefault(f.file, ([], omitted.get(f.file)))[0].append(f)
    for o in report.omitted:
        files.setdefault(o.file, ([], o))
    for skipped in report.skipped:
        files.setdefault(skipped.file, ([], None))
    return files


def render_text(report: Report, lang: str) -> str:
    """One line per finding, ``file:line:col: CODE [severity] message``, then a summary."""
    lines = []
    skipped = {s.file: s for s in report.skipped}
    for file, (found, omitted) in _by_file(report).items():
        for f in found:
            severity = translate(SEVERITY[f.severity.value], lang)
            # File names and messages carry text from people's files: no control character passes.
            lines.append(terminal_text(f"{f.file}:{f.line}:{f.column}: {f.code} [{severity}] {f.message}"))
        if omitted is not None:
            lines.append(terminal_text(f"{file}: {omitted_message(omitted, lang)}"))
        if file in skipped:
            lines.append(terminal_text(f"{file}: {skipped_message(skipped[file], lang)}"))
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
            "at_least": report.at_least,
        },
        "findings": [f.as_dict() for f in report.findings],
        "omitted": [{**o.as_dict(), "message": omitted_message(o, lang)} for o in report.omitted],
        "rules_skipped": [{**s.as_dict(), "message": skipped_message(s, lang)} for s in report.skipped],
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
    lines: list[str] = []
    skipped = {s.file: s for s in report.skipped}
    for file, (found, omitted) in _by_file(report).items():
        lines.extend(_annotation(f) for f in found)
        props = f"file={_escape_property(file)},title=dxkit"
        if omitted is not None:
            lines.append(terminal_text(f"::notice {props}::{_escape_data(omitted_message(omitted, lang))}"))
        if file in skipped:
            lines.append(terminal_text(f"::notice {props}::{_escape_data(skipped_message(skipped[file], lang))}"))
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


def render_junit(report: Report, lang: str) -> str:
    """JUnit XML (GitLab, Jenkins): one test case per file; error findings fail it.

    Every value goes through :func:`~dxkit.escape.xml_markup`: the report is well-formed and
    holds no control character whatever the messages and file names contain.
    """
    by_file: dict[str, tuple[list[Finding], Omitted | None]] = {name: ([], None) for name in report.checked}
    by_file.update(_by_file(report))
    failed = sum(
        1
        for fs, omitted in by_file.values()
        if any(f.severity is Severity.ERROR for f in fs) or (omitted is not None and omitted.errors)
    )
    skipped = {s.file: s for s in report.skipped}
    cases = []
    for name, (found, omitted) in by_file.items():
        lines = [f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}" for f in found]
        if omitted is not None:
            lines.append(f"{name}: {omitted_message(omitted, lang)}")
        if name in skipped:
            lines.append(f"{name}: {skipped_message(skipped[name], lang)}")
        # One finding a line: each message keeps to its own line, whatever breaks it held.
        body = "\n".join(xml_markup(line).replace("\n", " ") for line in lines)
        errors = [f for f in found if f.severity is Severity.ERROR]
        inner = ""
        if errors:
            first = errors[0]
            kind, message = xml_markup(first.code, attribute=True), xml_markup(first.message, attribute=True)
            inner = f'<failure type="{kind}" message="{message}">{body}</failure>'
        elif omitted is not None and omitted.errors:  # every error of the file is among those left out
            message = xml_markup(omitted_message(omitted, lang), attribute=True)
            inner = f'<failure type="dxkit" message="{message}">{body}</failure>'
        elif lines:
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
    # Findings left out of the report are a notification of the run, one per file.
    notifications = [
        {
            "level": "error" if o.errors else "warning",
            "message": {"text": omitted_message(o, lang)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri_path(o.file)}}}],
            "properties": o.as_dict(),
        }
        for o in report.omitted
    ] + [
        {
            "level": "note",
            "message": {"text": skipped_message(s, lang)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri_path(s.file)}}}],
            "properties": s.as_dict(),
        }
        for s in report.skipped
    ]
    run: dict[str, object] = {
        "tool": {"driver": {"name": "dxkit", "version": __version__, "rules": rules}},
        "results": results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notifications}]
    data = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json_document(data) + "\n"


REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "junit": render_junit,
    "sarif": render_sarif,
}
