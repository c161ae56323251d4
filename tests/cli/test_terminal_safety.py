"""Text from a consortium's files reaches a terminal as text: no escape sequence, no markup."""

from __future__ import annotations

import shutil
from pathlib import Path
from xml.etree import ElementTree

from tests.conftest import ROOT
from tests.helpers import invoke

#: Sets the window title, writes the clipboard (OSC 52) and clears the screen, if let through.
ESCAPES = "\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J"
MARKUP = "[bold red]X[/bold red] [link=https://example.invalid]click[/link]"


def _hostile(tmp_path: Path) -> Path:
    dest = tmp_path / "c"
    shutil.copytree(ROOT / "examples" / "shiomi" / "ja", dest)
    roles = dest / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    # T-021 is overdue without a recovery plan at 2026-10-01, so status lists it.
    start = text.index("id: T-021")
    line_start = text.index("title:", start)
    line_end = text.index("\n", line_start)
    escaped = (ESCAPES + MARKUP).replace("\x1b", "\\e").replace("\x07", "\\a")
    roles.write_text(text[:line_start] + f'title: "{escaped}"' + text[line_end:], encoding="utf-8")
    return dest


def test_status_shows_escape_sequences_and_markup_as_text(tmp_path: Path) -> None:
    folder = _hostile(tmp_path)
    result = invoke(["status", str(folder), "--today", "2026-10-01", "--lang", "en"], env={"COLUMNS": "400"})
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b]0;pwned\\x07" in result.stdout
    assert MARKUP in result.stdout


def test_validate_text_and_junit_carry_no_control_character(tmp_path: Path) -> None:
    folder = _hostile(tmp_path)
    (folder / "roles.yaml").write_text(
        (folder / "roles.yaml").read_text(encoding="utf-8").replace("status: in-progress", 'status: "\\e[2Jx"', 1),
        encoding="utf-8",
    )
    text = invoke(["validate", str(folder), "--today", "2026-10-01", "--lang", "en"], exit=1)
    assert "\x1b" not in text.stdout and "\\x1b[2Jx" in text.stdout
    junit = invoke(["validate", str(folder), "--format", "junit", "--today", "2026-10-01"], exit=1)
    ElementTree.fromstring(junit.stdout.encode("utf-8"))  # well-formed despite the control characters
    assert "\x1b" not in junit.stdout
