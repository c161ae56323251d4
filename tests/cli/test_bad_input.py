"""Hostile and broken inputs through the real entry point: a message, a position, an exit code.

Never a traceback, and the file is never changed.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

MEMBERS = "kind: members\nversion: 1\nmembers:\n  - id: city\n    name: 市役所\n    type: municipality\n"


def _bomb() -> str:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _big() -> bytes:
    row = b"  - id: T-0001\n    title: x\n"
    return b"kind: roles\nversion: 1\ntasks:\n" + row * (50 * 1024 * 1024 // len(row))


CASES: dict[str, tuple[bytes, str, int]] = {
    # name: (content, expected code, expected line)
    "empty": (b"", "DX001", 1),
    "comment_only": (b"# nothing here\n", "DX001", 1),
    "syntax": (b"kind: members\nversion: 1\nmembers: [\n", "DX001", 4),
    "tabs": (b"kind: members\n\tversion: 1\n", "DX001", 2),
    "unclosed_quote": (b"kind: 'members\nversion: 1\n", "DX001", 3),
    "duplicate_key": (MEMBERS.encode() + b"version: 1\n", "DX003", 7),
    "no_boolean": (MEMBERS.replace("version: 1", "version: no").encode(), "DX010", 2),
    "unquoted_date": (b"kind: issues\nversion: 1\nissues: []\ndate: 2026-13-45\n", "DX010", 4),
    "python_tag": (b"kind: members\nversion: !!python/object/apply:os.system [touch pwned]\n", "DX004", 2),
    "alias_bomb": (_bomb().encode(), "DX005", 1),
    "nesting": (b"[" * 10_000 + b"]" * 10_000, "DX005", 1),
    "single_long_line": (b"kind: members\nversion: 1\nx: " + b"a" * (10 * 1024 * 1024) + b"\n", "DX005", 1),
    "fifty_megabytes": (_big(), "DX005", 1),
    "shift_jis": (MEMBERS.encode("cp932"), "DX002", 5),
    "utf16": (MEMBERS.encode("utf-16"), "DX002", 1),
    "binary": (bytes(range(256)) * 4, "DX002", 1),
    "multi_document": (MEMBERS.encode() + b"---\n" + MEMBERS.encode(), "DX001", 7),
    "json_wrong_kind": (b'{"kind": "member", "version": 1}', "DX006", 1),
    "huge_integer": (b"kind: members\nversion: 1\nx: " + b"9" * 5000 + b"\n", "DX005", 3),
    "control_character": (MEMBERS.replace("市役所", "市役所\x1b[2J").encode(), "DX001", 5),
}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DXKIT_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "dxkit", "validate", *args, "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gives_a_located_message(tmp_path: Path, name: str):
    content, code, line = CASES[name]
    target = tmp_path / "members.yaml"
    target.write_bytes(content)
    result = _run(str(target))
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert findings[0]["code"] == code, findings
    assert findings[0]["line"] == line
    assert findings[0]["file"] == str(target)
    assert target.read_bytes() == content
    assert not (tmp_path / "pwned").exists()


def test_bom_is_a_warning_and_exit_zero(tmp_path):
    target = tmp_path / "members.yaml"
    target.write_bytes(codecs.BOM_UTF8 + MEMBERS.encode())
    result = _run(str(target))
    assert result.returncode == 0
    assert next(f["code"] for f in json.loads(result.stdout)["findings"]) == "DX007"


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("directory", "No governance files were found"),
        ("missing", "No such file or folder"),
        ("broken_symlink", "points to nothing"),
    ],
)
def test_unusable_paths_exit_2_without_traceback(tmp_path, kind, said):
    target = tmp_path / "x.yaml"
    if kind == "directory":
        target.mkdir()
    elif kind == "broken_symlink":
        target.symlink_to(tmp_path / "nowhere.yaml")
    result = _run(str(target))
    # The entry point turns a crash into exit 2 as well: the message tells the two apart.
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert "Internal error" not in result.stderr
    assert said in result.stderr + result.stdout
    assert json.loads(result.stdout)["summary"]["files"] == 0


@pytest.mark.parametrize(
    ("args", "said", "not_said"),
    [
        ([], "報告", "report"),
        (["--lang", "en"], "report", "報告"),
        (["--lang=en"], "report", "報告"),
    ],
)
def test_internal_errors_are_reported_briefly(tmp_path, args, said, not_said):
    script = (
        "import dxkit.validate as v\n"
        "def boom(*a, **k):\n    raise RuntimeError('x')\n"
        "v.check_paths = boom\n"
        "import dxkit.cli.validate as c\nc.check_paths = boom\n"
        f"from dxkit.cli import main\nimport sys\nsys.argv=['dxkit','validate','.',*{args!r}]\nmain()\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DXKIT_LANG"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "RuntimeError" in result.stderr
    assert said in result.stderr
    assert not_said not in result.stderr
