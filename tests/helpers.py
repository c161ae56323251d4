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
from dataclasses import dataclass
from pathlib import Path

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
import runpy, sys

def peak_kib():
    # Linux carries ru_maxrss over an exec (a child of a large test process would report the
    # parent's size), so the high-water mark of this process's own memory is read where it can be.
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB elsewhere

limit = int(sys.argv[1])
if limit:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
sys.argv = ["dxkit", *sys.argv[2:]]
try:
    runpy.run_module("dxkit", run_name="__main__")
finally:
    sys.stderr.write("\\n@peak_kib=%d\\n" % peak_kib())
"""


@dataclass(frozen=True)
class Measured:
    """What a measured run of ``python -m dxkit`` ended with."""

    code: int
    stdout: str
    stderr: str
    #: The child's own memory high-water mark, in KiB (0 where the system does not say).
    peak_kib: int


def run_dxkit_measured(
    args: Sequence[object],
    *,
    cwd: object | None = None,
    address_space: int | None = None,
    timeout: float = 120,
) -> Measured:
    """Run ``python -m dxkit ARGS`` in a fresh process and measure its memory peak.

    The peak is that process's own high-water mark, so what other tests ran before does not
    count. ``address_space`` caps the child's address space in bytes (``RLIMIT_AS``; skipped
    where the system has no such limit), so a runaway allocation ends as a ``MemoryError``
    inside dxkit rather than taking the machine. ``timeout`` only catches a hang; it is not a
    measure of speed. ``DXKIT_LANG`` is not passed on: tests say ``--lang``.
    """
    import os
    import subprocess
    import sys

    if address_space is not None:
        pytest.importorskip("resource")
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": src}
    env.pop("DXKIT_LANG", None)
    command = [sys.executable, "-c", _MEASURE, str(address_space or 0), *map(str, args)]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=None if cwd is None else str(cwd),
            stdin=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"dxkit {shlex.join(map(str, args))} hung for {timeout} s", pytrace=False)
    stderr, marker, peak = done.stderr.rpartition("\n@peak_kib=")
    if not marker:  # the child died before it could say
        return Measured(done.returncode, done.stdout, done.stderr, 0)
    return Measured(done.returncode, done.stdout, stderr, int(peak.strip()))


#: A hang guard for one LibreOffice run; a conversion takes a few seconds.
CONVERT_TIMEOUT_SECONDS = 300


def find_soffice(package: str) -> str:
    """LibreOffice's ``soffice``; missing, a failure in CI (``scripts/test.sh`` installs ``package``), else a skip."""
    import os
    import shutil

    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"LibreOffice (soffice) is required in CI: install {package}")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def convert_with_libreoffice(soffice: str, sources: Sequence[Path], target: str, out: Path) -> list[Path]:
    """Each of ``sources`` converted by headless LibreOffice (``--convert-to target``), in one run of it.

    LibreOffice gets a profile and a home folder of its own below ``out``, so runs never share
    state; the converted files are in ``out/converted``, named after their sources.
    """
    import os
    import subprocess

    folder = out
    home = folder / "home"
    home.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            target,
            "--outdir",
            str(folder / "converted"),
            *map(str, sources),
        ],
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=CONVERT_TIMEOUT_SECONDS,
    )
    suffix = target.split(":", 1)[0]
    converted = [folder / "converted" / f"{source.stem}.{suffix}" for source in sources]
    assert result.returncode == 0 and all(c.exists() for c in converted), result.stdout + result.stderr
    return converted
