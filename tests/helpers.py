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
