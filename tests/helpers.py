"""The one way tests run the command line in-process.

Under ``typer.testing.CliRunner`` a crash is exit code 1 — the same code as "findings at error
severity" — and the exception sits in ``result.exception``, not in the output. So a test that
only checks ``exit_code == 1``, or that ``"Traceback"`` is not in the output, passes on a crash.
:func:`invoke` fails the test on any exception other than ``SystemExit`` and asserts the exit
code the test expects.

With the Typer this project uses, the result keeps the streams apart: ``result.stdout`` is
standard output only, ``result.stderr`` standard error only, and ``result.output`` both,
interleaved as a person would see them.
"""

from __future__ import annotations

import shlex
import traceback
from collections.abc import Mapping, Sequence

import pytest
from typer.testing import CliRunner, Result

from dxkit.cli import app

_runner = CliRunner()


def invoke(
    args: Sequence[str],
    *,
    exit: int = 0,
    input: str | None = None,
    env: Mapping[str, str | None] | None = None,
) -> Result:
    """Run ``dxkit ARGS``; fail the test if it crashed or ended with another code than ``exit``."""
    args = [str(a) for a in args]
    result = _runner.invoke(app, args, input=input, env=env)
    command = "dxkit " + shlex.join(args)
    error = result.exception
    if error is not None and not isinstance(error, SystemExit):
        where = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        pytest.fail(f"{command} crashed instead of ending with a code:\n{where}", pytrace=False)
    if result.exit_code != exit:
        pytest.fail(
            f"{command} ended with {result.exit_code}, expected {exit}\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}",
            pytrace=False,
        )
    return result


_MEASURE = """
import resource, runpy, sys

def peak_kib():
    # Linux carries ru_maxrss over an exec (a child of a large test process would report the
    # parent's size), so the high-water mark of this process's own memory is read where it can be.
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

sys.argv = ["dxkit", *sys.argv[1:]]
try:
    runpy.run_module("dxkit", run_name="__main__")
finally:
    sys.stderr.write("\\n@peak_kib=%d\\n" % peak_kib())
"""


def run_dxkit_measured(args: Sequence[str], *, timeout: float = 120) -> tuple[int, str, str, int]:
    """Run ``python -m dxkit ARGS`` in a fresh process: ``(exit code, stdout, stderr, peak RSS in KiB)``.

    The peak is that process's own high-water mark, so what other tests ran before does not
    count. ``timeout`` only catches a hang; it is not a measure of speed.
    """
    import os
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": src}
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    stderr, _, peak = done.stderr.rpartition("\n@peak_kib=")
    return done.returncode, done.stdout, stderr, int(peak.strip())
