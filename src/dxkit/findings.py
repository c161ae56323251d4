"""What a check reports: one finding, with where it is and how bad it is."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
