"""What a check reports: one finding, with where it is and how bad it is.

A report shows at most :data:`MAX_FINDINGS_PER_FILE` findings of one file; the rest of that
file is one :class:`Omitted` entry that keeps their count by severity, so a file with 300,000
problems costs a reader one screen, and an error that is not shown still fails the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: How many findings of one file a report shows (the first ones by position).
MAX_FINDINGS_PER_FILE = 100


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem in one file.

    ``message`` is already in the reader's language. ``code`` names the rule or the core
    check (``DX010`` for schema violations, with ``schema_path`` saying which keyword).
    """

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    name: str = ""
    schema_path: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "name": self.name,
            "message": self.message,
        }
        if self.schema_path is not None:
            data["schema_path"] = self.schema_path
        return data


@dataclass(frozen=True)
class Omitted:
    """The findings of one file that a report leaves out, counted by severity."""

    file: str
    errors: int
    warnings: int
    #: Counting stopped at a limit (:data:`dxkit.schema_check.MAX_SCHEMA_ERRORS`): at least this many.
    at_least: bool = False

    @property
    def count(self) -> int:
        return self.errors + self.warnings

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "count": self.count,
            "errors": self.errors,
            "warnings": self.warnings,
            "at_least": self.at_least,
        }


def cap_per_file(
    findings: list[Finding], unlisted: dict[str, tuple[int, bool]] | None = None, *, limit: int = MAX_FINDINGS_PER_FILE
) -> tuple[list[Finding], list[Omitted]]:
    """The first ``limit`` findings of each file by position, and what is left out of each.

    ``unlisted`` holds, per file, errors a check found but never turned into findings (the
    schema check describes only as many as can be shown) and whether that count is a lower
    bound; they are counted with the rest of that file.
    """
    unlisted = unlisted or {}
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(finding.file, []).append(finding)
    shown: list[Finding] = []
    omitted: list[Omitted] = []
    for file in sorted(by_file.keys() | unlisted.keys()):
        group = sorted(by_file.get(file, ()), key=lambda f: f.sort_key)
        extra, at_least = unlisted.get(file, (0, False))
        shown.extend(group[:limit])
        rest = group[limit:]
        errors = sum(1 for f in rest if f.severity is Severity.ERROR) + extra
        warnings = len(rest) - (errors - extra)
        if errors or warnings or at_least:
            omitted.append(Omitted(file, errors, warnings, at_least))
    return shown, omitted
