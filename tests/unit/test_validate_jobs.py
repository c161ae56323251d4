"""Checking many consortium folders with several processes gives the report one process gives."""

from __future__ import annotations

import datetime as dt
import shutil
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from dxkit import validate
from dxkit.validate import PARALLEL_FROM_FILES, _batches, check_paths, worker_count

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "shiomi"
TODAY = dt.date(2026, 10, 1)


@pytest.fixture(scope="module")
def prefecture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five consortia: the example in both languages, twice, and one with a broken role matrix."""
    root = tmp_path_factory.mktemp("prefecture")
    for name, lang in (("a", "ja"), ("b", "en"), ("c", "ja"), ("d", "en"), ("e", "ja")):
        shutil.copytree(EXAMPLES / lang, root / name)
    roles = root / "e" / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("status: done", "status: doing", 1), encoding="utf-8")
    (root / "c" / "gates.yaml").write_text("kind: gates\nversion: 1\ngates: [\n", encoding="utf-8")
    return root


def _report(root: Path, jobs: int) -> dict[str, Any]:
    report = check_paths([str(root)], lang="ja", today=TODAY, jobs=jobs)
    return {
        "findings": [f.as_dict() for f in report.findings],
        "checked": report.checked,
        "files": report.files,
        "omitted": report.omitted,
        "skipped": [s.as_dict() for s in report.skipped],
    }


@pytest.mark.parametrize("start", ["spawn", validate.START_METHOD])
def test_two_processes_give_the_report_of_one(prefecture: Path, start: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forked (Linux) or started fresh (Windows, macOS): the same report."""
    monkeypatch.setattr(validate, "START_METHOD", start)
    one = _report(prefecture, jobs=1)
    two = _report(prefecture, jobs=2)
    assert two == one
    codes = {f["code"] for f in one["findings"]}
    assert "DX001" in codes and "DX010" in codes  # the broken files are in it
    assert one["files"] > 20


def test_folders_not_answered_by_a_broken_pool_are_checked_here(
    prefecture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures
    from concurrent.futures.process import BrokenProcessPool

    class Broken:
        """A pool whose worker died: every answer is BrokenProcessPool."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def __enter__(self) -> Broken:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
            pass

        def submit(self, *args: object) -> Future[object]:
            future: Future[object] = Future()
            future.set_exception(BrokenProcessPool("a worker was killed"))
            return future

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Broken)
    assert _report(prefecture, jobs=2) == _report(prefecture, jobs=1)


@pytest.mark.parametrize(
    ("jobs", "files", "folders", "cores", "expected"),
    [
        (0, PARALLEL_FROM_FILES - 1, 200, 8, 1),  # too few files to be worth a process
        (0, PARALLEL_FROM_FILES, 1, 8, 1),  # one consortium is read by one process
        (0, PARALLEL_FROM_FILES, 200, 2, 2),
        (0, 50_000, 5_000, 64, validate.MAX_WORKERS),
        (0, PARALLEL_FROM_FILES, 3, 8, 3),  # never more processes than folders
        (4, 12, 2, 1, 2),  # asked for: as many as there are folders
        (1, 50_000, 5_000, 8, 1),
    ],
)
def test_worker_count(
    jobs: int, files: int, folders: int, cores: int, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validate, "usable_cores", lambda: cores)
    assert worker_count(jobs, files=files, folders=folders) == expected


def test_batches_keep_the_folder_order_and_share_the_files() -> None:
    groups: list[Any] = [(f"c{i}", [object()] * size) for i, size in enumerate([6] * 40 + [30, 1, 1, 1])]
    batches = _batches(groups, 8)
    assert [i for batch in batches for i in batch] == list(range(len(groups)))
    assert 6 <= len(batches) <= 8
    sizes = [sum(len(groups[i][1]) for i in batch) for batch in batches]
    assert max(sizes) <= 2 * sum(sizes) / len(batches) + 30
    assert _batches(groups[:1], 8) == [[0]]


# A command checking five folders with two workers, where the first folder a worker takes
# presses Ctrl+C for the whole process group (as a terminal does) and then goes on.
_CTRL_C = """
import os, signal, sys, time
# Ctrl+C as a terminal has it, even when the tests run where a shell left it ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)
from dxkit import validate
from dxkit.cli import main

checked = validate.check_consortium

def check_and_press_ctrl_c(*args, **kwargs):
    if os.getpid() != int(os.environ["DXKIT_TEST_MAIN"]) and not os.environ.get("PRESSED"):
        os.environ["PRESSED"] = "1"
        os.killpg(0, signal.SIGINT)
        time.sleep(0.2)
    return checked(*args, **kwargs)

validate.check_consortium = check_and_press_ctrl_c
os.environ["DXKIT_TEST_MAIN"] = str(os.getpid())
sys.argv = ["dxkit", "validate", sys.argv[1], "--jobs", "2", "--today", "2026-10-01"]
main()
"""


@pytest.mark.skipif(validate.START_METHOD != "fork", reason="the workers are forked only on Linux")
def test_ctrl_c_stops_the_command_and_no_worker_prints_a_traceback(prefecture: Path) -> None:
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-c", _CTRL_C, str(prefecture)],
        capture_output=True,
        text=True,
        timeout=120,
        start_new_session=True,  # its own process group: Ctrl+C reaches it and its workers only
    )
    assert run.returncode == 130, run.stderr
    assert "Traceback" not in run.stderr and "KeyboardInterrupt" not in run.stderr, run.stderr
    assert run.stderr == ""


def test_ctrl_c_while_workers_run_is_noted_not_raised() -> None:
    """Raised in the middle of the pool's wait, KeyboardInterrupt could leave a lock taken."""
    import signal

    # Ctrl+C as a terminal has it, even when the tests run where a shell left it ignored.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with validate._CtrlC() as ctrl_c:
            signal.raise_signal(signal.SIGINT)
            assert ctrl_c.pressed
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, previous)
