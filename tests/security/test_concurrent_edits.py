"""No lost update: two dxkit commands never edit one person's file at the same time.

Every command that edits a file (``import``, ``promote``) holds the file's lock from reading it to
replacing it, and replaces it only if it still holds what was read. These tests run real,
concurrent processes, hold the lock from outside, change the file behind a command's back and
end a command abruptly while it holds the lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock
from openpyxl import load_workbook

import dxkit.writing
from dxkit.loading import load_file
from dxkit.writing import lock_path, locked, replace_if_unchanged
from tests.conftest import ROOT
from tests.helpers import invoke

SRC = ROOT / "src"
RUN_AGAIN = {"ja": "もう一度実行してください", "en": "run again"}
BUSY = {"ja": "別の dxkit コマンドが変更中です", "en": "is being changed by another dxkit command"}
CHANGED = {"ja": "取り込みの途中で変更された", "en": "changed while importing"}
#: A generous bound that only catches a hang; each command takes about a second.
HANG = 120


@pytest.fixture
def shiomi(tmp_path: Path, lang: str) -> Path:
    dest = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    return dest


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands run in this process give up on a held lock after a fifth of a second."""
    monkeypatch.setattr(dxkit.writing, "LOCK_TIMEOUT", 0.2)


def _dxkit(*args: str, cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("DXKIT_LANG", None)
    return subprocess.Popen(
        [sys.executable, "-m", "dxkit", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _workbook(folder: Path, lang: str, name: str, cells: dict[tuple[str, int], object]) -> Path:
    """An export of ``folder`` with some cells changed, by task id and column number."""
    path = folder / name
    invoke(["export", "roles", str(folder), "-o", str(path), "--lang", lang])
    book = load_workbook(path)
    sheet = book.worksheets[0]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    for (task_id, column), value in cells.items():
        sheet.cell(rows[task_id], column).value = value
    book.save(path)
    return path


def _titles(roles: Path) -> dict[str, str]:
    return {t["id"]: t["title"] for t in load_file(roles).data["tasks"]}


def test_two_concurrent_imports_never_lose_an_edit(tmp_path: Path) -> None:
    # Twenty rounds, each with two processes started together, each changing another task of one
    # roles.yaml from its own export. After every round each edit is in the file, or its command
    # failed with "run again" and exit code 2 and its edit is absent: never exit 0 with the edit
    # lost. The languages alternate by round, so the message is checked in both.
    folder = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / "en", folder)
    roles = folder / "roles.yaml"
    original = roles.read_bytes()
    untouched = _titles(roles)
    edits = {"a": ("T-004", "edited in workbook a"), "b": ("T-021", "edited in workbook b")}
    books = {name: _workbook(folder, "en", f"{name}.xlsx", {(task, 2): title}) for name, (task, title) in edits.items()}
    outcomes = {"kept": 0, "run again": 0}
    for round_number in range(20):
        roles.write_bytes(original)
        langs = {"a": "ja", "b": "en"} if round_number % 2 else {"a": "en", "b": "ja"}
        procs = {name: _dxkit("import", str(books[name]), "--lang", langs[name], cwd=folder) for name in edits}
        results = {name: (*proc.communicate(timeout=HANG), proc.returncode) for name, proc in procs.items()}
        titles = _titles(roles)
        for name, (out, err, code) in results.items():
            task, title = edits[name]
            kept = titles[task] == title
            where = f"round {round_number}, workbook {name}: exit {code}\n{out}\n{err}"
            if code == 0:
                assert kept, "exit 0, but the edit is lost: " + where
                outcomes["kept"] += 1
            else:
                assert code == 2 and RUN_AGAIN[langs[name]] in err and not kept, where
                outcomes["run again"] += 1
        assert {k: v for k, v in titles.items() if k not in ("T-004", "T-021")} == {
            k: v for k, v in untouched.items() if k not in ("T-004", "T-021")
        }
    assert sum(outcomes.values()) == 40


def test_second_writer_waits_then_fails_with_run_again(shiomi: Path, lang: str, short_wait: None) -> None:
    roles = shiomi / "roles.yaml"
    book = _workbook(shiomi, lang, "mine.xlsx", {("T-004", 2): "mine"})
    before = roles.read_bytes()
    with FileLock(str(lock_path(roles)), timeout=5):  # another dxkit command holds roles.yaml
        result = invoke(["import", str(book), "--into", str(roles), "--lang", lang], exit=2)
    assert BUSY[lang] in result.stderr and RUN_AGAIN[lang] in result.stderr and "roles.yaml" in result.stderr
    assert roles.read_bytes() == before
    invoke(["import", str(book), "--into", str(roles), "--lang", lang])  # once it is free, the import runs
    assert _titles(roles)["T-004"] == "mine"


def test_promote_takes_the_register_lock_too(shiomi: Path, lang: str, short_wait: None) -> None:
    register = shiomi / "issues.yaml"
    workshop = next(iter(sorted((shiomi / "workshops").glob("*.yaml"))))
    before = register.read_bytes()
    with FileLock(str(lock_path(register)), timeout=5):
        result = invoke(["promote", str(workshop), "--into", str(register), "--lang", lang], exit=2)
    assert BUSY[lang] in result.stderr and "issues.yaml" in result.stderr
    assert register.read_bytes() == before
    invoke(["promote", str(workshop), "--into", str(register), "--dry-run", "--lang", lang])  # a dry run takes no lock


def test_file_changed_behind_the_commands_back_is_not_overwritten(
    shiomi: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An editor saves roles.yaml while the import works on it: the import sees the bytes changed.
    import dxkit.sheet_import

    roles = shiomi / "roles.yaml"
    book = _workbook(shiomi, lang, "mine.xlsx", {("T-004", 2): "mine"})
    plan_import = dxkit.sheet_import.plan_import
    saved = roles.read_text(encoding="utf-8") + "# saved by an editor meanwhile\n"

    def plan_then_someone_saves(*args: object, **kwargs: object) -> object:
        plan = plan_import(*args, **kwargs)  # type: ignore[arg-type]
        roles.write_text(saved, encoding="utf-8")
        return plan

    monkeypatch.setattr(dxkit.sheet_import, "plan_import", plan_then_someone_saves)
    result = invoke(["import", str(book), "--into", str(roles), "--lang", lang], exit=2)
    assert CHANGED[lang] in result.stderr and RUN_AGAIN[lang] in result.stderr and "roles.yaml" in result.stderr
    assert roles.read_text(encoding="utf-8") == saved


def test_replace_if_unchanged_compares_and_replaces_under_the_lock(tmp_path: Path, short_wait: None) -> None:
    path = tmp_path / "roles.yaml"
    path.write_bytes(b"one")
    assert not replace_if_unchanged(path, b"other", b"two") and path.read_bytes() == b"one"
    assert replace_if_unchanged(path, b"one", b"two") and path.read_bytes() == b"two"
    with FileLock(str(lock_path(path)), timeout=5), pytest.raises(dxkit.errors.EditConflict):
        replace_if_unchanged(path, b"two", b"three")
    assert path.read_bytes() == b"two"
    with locked(path), locked(path):  # the lock nests within one command
        assert replace_if_unchanged(path, b"two", b"three")
    assert path.read_bytes() == b"three"


def _free(path: Path) -> bool:
    try:
        with FileLock(str(lock_path(path)), timeout=0):
            return True
    except TimeoutError:
        return False


def test_lock_is_released_after_a_failing_import(shiomi: Path, lang: str, short_wait: None) -> None:
    roles = shiomi / "roles.yaml"
    bad = _workbook(shiomi, lang, "bad.xlsx", {("T-004", 13): "finished"})  # not a status
    conflicting = _workbook(shiomi, lang, "conflicting.xlsx", {("T-004", 13): "cancelled"})
    good = _workbook(shiomi, lang, "good.xlsx", {("T-004", 13): "blocked"})
    invoke(["import", str(bad), "--into", str(roles), "--lang", lang], exit=2)
    assert _free(roles)
    invoke(["import", str(good), "--into", str(roles), "--lang", lang])
    assert load_file(roles).data["tasks"][3]["status"] == "blocked"
    invoke(["import", str(conflicting), "--into", str(roles), "--lang", lang], exit=1)  # a conflict: exit 1
    assert _free(roles)


def test_lock_is_released_when_a_command_dies_holding_it(shiomi: Path, lang: str, short_wait: None) -> None:
    roles = shiomi / "roles.yaml"
    book = _workbook(shiomi, lang, "mine.xlsx", {("T-004", 2): "mine"})
    code = "import os, sys; from pathlib import Path; from dxkit.writing import locked\n"
    code += "with locked(Path(sys.argv[1])):\n    os._exit(3)\n"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    died = subprocess.run([sys.executable, "-c", code, str(roles)], env=env, timeout=HANG, check=False)
    assert died.returncode == 3
    invoke(["import", str(book), "--into", str(roles), "--lang", lang])
    assert _titles(roles)["T-004"] == "mine"


def test_lock_files_are_not_consortium_files(shiomi: Path, lang: str, tmp_path: Path) -> None:
    book = _workbook(shiomi, lang, "mine.xlsx", {("T-004", 2): "mine"})
    validate = ["validate", str(shiomi), "--format", "json", "--today", "2026-10-01", "--lang", lang]
    clean = invoke(validate, exit=1)  # the example has findings on purpose
    invoke(["import", str(book), "--into", str(shiomi / "roles.yaml"), "--lang", lang])
    # Windows removes a lock file on release; elsewhere it stays, so put some in place everywhere.
    for name in (".roles.yaml.lock", ".issues.yaml.lock", "workshops/.2026-07-12-a.yaml.lock"):
        (shiomi / name).write_bytes(b"")
    shutil.copy(ROOT / "examples" / "shiomi" / lang / "roles.yaml", shiomi / "roles.yaml")
    again = invoke(validate, exit=1)
    assert again.stdout == clean.stdout and ".lock" not in again.stdout
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / ".roles.yaml.lock").write_bytes(b"")
    result = invoke(["init", str(fresh), "--municipality", "汐見市", "--name", "汐見協議会", "--lang", lang])
    assert ".lock" not in result.stdout
    invoke(["validate", str(fresh), "--lang", lang])


def test_init_overwrite_waits_for_a_file_being_changed(tmp_path: Path, lang: str, short_wait: None) -> None:
    folder = tmp_path / "town"
    invoke(["init", str(folder), "--lang", lang])
    roles = folder / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8") + "# 編集中\n", encoding="utf-8")
    before = {path.name: path.read_bytes() for path in folder.glob("*.yaml")}
    with FileLock(str(lock_path(roles)), timeout=5):  # an import is changing roles.yaml
        result = invoke(["init", str(folder), "--overwrite", "--lang", lang], exit=2)
    assert BUSY[lang] in result.stderr and "roles.yaml" in result.stderr
    assert {path.name: path.read_bytes() for path in folder.glob("*.yaml")} == before  # all or nothing
    invoke(["init", str(folder), "--overwrite", "--lang", lang])
    assert "# 編集中" not in roles.read_text(encoding="utf-8")
