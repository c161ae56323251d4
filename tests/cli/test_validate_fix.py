"""``dxkit validate --fix``: labels become codes and dates ISO, through the edit layer, under the lock."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import dxkit.writing
from dxkit.loading import load_file
from dxkit.writing import lock_path
from tests.conftest import ROOT
from tests.helpers import invoke

TODAY = "2026-09-01"
HANG = 60
REWROTE = {"ja": "書き換えました", "en": "rewritten as"}
NOTHING = {"ja": "書き換える値はありませんでした", "en": "Nothing to rewrite"}


@pytest.fixture
def shiomi(tmp_path: Path, lang: str) -> Path:
    dest = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    return dest


def _replace(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace ``old`` in ``path``; the 1-based line of the first replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def test_fix_rewrites_labels_and_dates_and_keeps_everything_else(shiomi: Path, lang: str) -> None:
    roles = shiomi / "roles.yaml"
    original = roles.read_text(encoding="utf-8")
    status_label = "完了" if lang == "ja" else "not started"
    status_code = "done" if lang == "ja" else "not-started"
    status_line = _replace(roles, f"status: {status_code}", f"status: {status_label}  # 手で書いた")
    date_line = _replace(roles, 'start: "2025-09-01"', 'start: "2025/9/1"')
    charter = shiomi / "consortium.yaml"
    stage_line = _replace(charter, "stage: demonstration", "stage: 社会実証")
    before = invoke(["validate", str(shiomi), "--today", TODAY, "--lang", lang], exit=1)
    assert "2025-09-01" in before.stdout  # without --fix the date is an error that shows the ISO form
    assert f"roles.yaml:{status_line}:" not in before.stdout  # a label is no error

    result = invoke(["validate", str(shiomi), "--fix", "--today", TODAY, "--lang", lang])
    lines = result.stderr.splitlines()
    assert any(f"roles.yaml:{status_line}:13:" in line and status_label in line for line in lines), lines
    assert any(f"roles.yaml:{date_line}:12:" in line and "2025-09-01" in line for line in lines), lines
    assert any(f"consortium.yaml:{stage_line}:8:" in line and "demonstration" in line for line in lines), lines
    assert sum(REWROTE[lang] in line and ".yaml:" in line for line in lines) == 3
    # The task is named by its id, as findings name it, not by its position (tasks[3]).
    status_task = next(t["id"] for t in load_file(roles).data["tasks"] if t["status"] == status_code)
    [status_said] = [line for line in lines if f"roles.yaml:{status_line}:" in line]
    assert status_task in status_said and "tasks[" not in status_said, status_said
    assert "DX010" not in result.stdout
    fixed = roles.read_text(encoding="utf-8")
    expected = original.replace(f"status: {status_code}", f"status: {status_code}  # 手で書いた", 1)
    assert fixed == expected, "only the values changed: comments, quoting and layout stay"
    assert charter.read_text(encoding="utf-8") == (ROOT / "examples/shiomi" / lang / "consortium.yaml").read_text(
        encoding="utf-8"
    )


def test_fix_output_keeps_a_json_report_whole(shiomi: Path, lang: str) -> None:
    import json

    _replace(shiomi / "members.yaml", "type: municipality", "type: 自治体")
    result = invoke(["validate", str(shiomi), "--fix", "--format", "json", "--today", TODAY, "--lang", lang])
    json.loads(result.stdout)
    assert "自治体" in result.stderr
    assert load_file(shiomi / "members.yaml").data["members"][0]["type"] == "municipality"


def test_fix_on_canonical_files_changes_nothing_and_takes_no_lock(shiomi: Path, lang: str) -> None:
    files = sorted(p for p in shiomi.rglob("*") if p.is_file())
    before = {p: p.read_bytes() for p in files}
    result = invoke(["validate", str(shiomi), "--fix", "--today", TODAY, "--lang", lang])
    assert NOTHING[lang] in result.stderr
    assert sorted(p for p in shiomi.rglob("*") if p.is_file()) == files, "no lock file was made"
    assert {p: p.read_bytes() for p in files} == before


def test_fix_keeps_crlf_and_the_byte_order_mark(tmp_path: Path, lang: str) -> None:
    source = (ROOT / "examples" / "shiomi" / lang / "members.yaml").read_text(encoding="utf-8")
    path = tmp_path / "members.yaml"
    text = source.replace("type: municipality", "type: 自治体", 1)
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    invoke(["validate", str(path), "--fix", "--lang", lang])  # DX007 (the mark) is a warning
    assert path.read_bytes() == b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode("utf-8")


def test_fix_leaves_a_file_with_other_errors_fixed_and_reports_the_rest(shiomi: Path, lang: str) -> None:
    roles = shiomi / "roles.yaml"
    _replace(roles, "stage: planning", "stage: 計画策定")
    _replace(roles, "stage: planning", "stage: plan")
    result = invoke(["validate", str(roles), "--fix", "--today", TODAY, "--lang", lang], exit=1)
    assert "DX010" in result.stdout and "plan" in result.stdout
    assert "stage: 計画策定" not in roles.read_text(encoding="utf-8")


_HOLD = """
import sys
from filelock import FileLock
with FileLock(sys.argv[1], timeout=10):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_fix_refuses_while_another_process_holds_the_lock(
    shiomi: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dxkit.writing, "LOCK_TIMEOUT", 0.2)
    roles = shiomi / "roles.yaml"
    _replace(roles, "stage: planning", "stage: 計画策定")
    before = roles.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(lock_path(roles))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = invoke(["validate", str(shiomi), "--fix", "--today", TODAY, "--lang", lang], exit=2)
    finally:
        holder.communicate("", timeout=HANG)
    busy = "別の dxkit コマンドが変更中です" if lang == "ja" else "is being changed by another dxkit command"
    assert busy in result.stderr and "roles.yaml" in result.stderr
    assert roles.read_bytes() == before
    invoke(["validate", str(shiomi), "--fix", "--today", TODAY, "--lang", lang])
    assert "stage: 計画策定" not in roles.read_text(encoding="utf-8")


def test_fix_is_in_the_help(lang: str) -> None:
    result = invoke(["validate", "--help", "--lang", lang])
    assert "--fix" in result.stdout
