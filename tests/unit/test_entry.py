"""The console entry point: ``--version`` at once, and the collector tuned for one command."""

from __future__ import annotations

import datetime as dt
import gc
import os
import subprocess
import sys

import pytest

import dxkit._entry as entry
from tests.conftest import ROOT


def test_a_command_runs_with_the_collector_thresholds_for_one_command(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, int, int]] = []
    monkeypatch.setattr(sys, "argv", ["dxkit", "status"])
    monkeypatch.setattr("dxkit.cli.main", lambda: seen.append(gc.get_threshold()))
    before = gc.get_threshold()
    try:
        entry.main()
    finally:
        gc.set_threshold(*before)
    assert seen == [entry.GC_THRESHOLDS]
    assert entry.GC_THRESHOLDS[0] > 700  # fewer collections than Python's default


def test_version_answers_without_building_the_command_line() -> None:
    code = (
        "import sys, dxkit._entry as e\n"
        "sys.argv = ['dxkit', '--version']\n"
        "e.main()\n"
        "print('dxkit.cli' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=True,
    )
    assert done.stdout.startswith("dxkit ") and done.stdout.split()[-1] == "False", done.stdout


@pytest.mark.parametrize(("only", "paused"), [(True, True), (False, False)])
def test_a_commands_one_consortium_is_read_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch, only: bool, paused: bool
) -> None:
    # A big file is a million objects that outlive the command: the collector is not to walk them.
    import dxkit.validate
    from dxkit.cli._common import open_folder
    from dxkit.model import Consortium

    seen: list[bool] = []

    def opened(folder: str, **kwargs: object) -> tuple[Consortium, list[object]]:
        seen.append(gc.isenabled())
        return Consortium(root=folder, today=dt.date(2026, 10, 1)), []

    monkeypatch.setattr(dxkit.validate, "open_consortium", opened)
    try:
        open_folder(".", "ja", dt.date(2026, 10, 1), only=only)
    finally:
        gc.unfreeze()
    assert seen == [not paused] and gc.isenabled()
