"""A command never reports on part of a consortium as if it were the whole.

A file that cannot be read at all (too large, not YAML, a named pipe) of a kind a command
needs stops that command with exit code 2, naming the file; a command that does not read that
kind runs, and says in a note what it left out.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dxkit.loading import MAX_FILE_BYTES
from tests.conftest import scaffold
from tests.helpers import invoke

TODAY = "2026-10-01"
STOPPED = {"ja": "ここで止めました", "en": "dxkit stopped here"}
NOTE = {"ja": "除いて集計しました", "en": "were left out"}


@pytest.fixture
def folder(tmp_path: Path, lang: str) -> Path:
    return scaffold(tmp_path / "town", lang)


def _too_large(path: Path) -> None:
    """Past the size limit, as a role matrix of 30,000 tasks is."""
    head = path.read_bytes()
    path.write_bytes(head + b"# " + b"x" * (MAX_FILE_BYTES + 10) + b"\n")


@pytest.mark.parametrize(
    "command",
    [["status"], ["keyperson"], ["export", "roles", "-f", "csv"], ["site", "build", "-o", "SITE"]],
)
def test_a_refused_role_matrix_stops_the_commands_that_read_it(
    folder: Path, lang: str, command: list[str], tmp_path: Path
) -> None:
    _too_large(folder / "roles.yaml")
    args = [str(tmp_path / "site") if part == "SITE" else part for part in command]
    result = invoke([*args, str(folder), "--today", TODAY, "--lang", lang], exit=2)
    assert STOPPED[lang] in result.stderr and "roles.yaml" in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("command", [["gate"], ["export", "issues", "-f", "csv"]])
def test_a_command_that_does_not_read_the_refused_kind_runs_and_says_so(
    folder: Path, lang: str, command: list[str]
) -> None:
    _too_large(folder / "roles.yaml")
    result = invoke([*command, str(folder), "--today", TODAY, "--lang", lang])
    assert NOTE[lang] in result.stderr and "roles.yaml" in result.stderr
    assert result.stdout


def test_a_split_role_matrix_is_known_by_its_kind_line(folder: Path, lang: str) -> None:
    # roles-2027.yaml (the split the size limit invites) is not YAML: its name says no kind,
    # its first line does.
    (folder / "roles-2027.yaml").write_text("kind: roles\nversion: 1\ntasks: [\n", encoding="utf-8")
    result = invoke(["status", str(folder), "--today", TODAY, "--lang", lang], exit=2)
    assert "roles-2027.yaml" in result.stderr and STOPPED[lang] in result.stderr
    assert invoke(["gate", str(folder), "--today", TODAY, "--lang", lang]).stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_file_that_says_no_kind_stops_every_command(folder: Path, lang: str) -> None:
    # A named pipe is never opened to sniff its kind, so what it would have been cannot be told
    # and no command can know it does not need it.
    os.mkfifo(folder / "notes.yaml")
    for command in (["status"], ["gate"], ["keyperson"]):
        result = invoke([*command, str(folder), "--today", TODAY, "--lang", lang], exit=2)
        assert "notes.yaml" in result.stderr and STOPPED[lang] in result.stderr


def test_schema_errors_leave_entries_out_with_a_note_not_a_stop(folder: Path, lang: str) -> None:
    roles = folder / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("stage: planning", "stage: someday", 1), "utf-8")
    result = invoke(["status", str(folder), "--today", TODAY, "--lang", lang])
    assert NOTE[lang] in result.stderr and "roles.yaml" in result.stderr
