"""The command line coerces its values without pydantic, exactly as Typer would.

:mod:`dxkit.cli._click_texts` coerces the values whose result is certain and hands every other
value to Typer. Each parameter of the whole command line is checked here against Typer's own
coercion, on values a person types (right and wrong) and on random text: the same value comes
back, or the same error with the same pydantic error type, which the usage message reads.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer._click import exceptions as click_errors
from typer._click.core import Context as ClickContext
from typer._coercion import build_runtime_param

from dxkit.cli import app
from dxkit.cli._click_texts import _commands, _NotQuick, _pydantic_error, _quick_value, _QuickParam

ROOT = Path(__file__).resolve().parents[2]


def _params() -> list[tuple[str, Any, Any]]:
    root = typer.main.get_command(app)
    found = []
    for command, ctx in _commands(root, ClickContext(root, info_name="dxkit")):
        for param in command.get_params(ctx):
            found.append((f"{ctx.command_path} {param.name}", param, ctx))
    return found


PARAMS = _params()
IDS = [where for where, _, _ in PARAMS]


def _leaf(annotation: Any) -> Any:
    return get_args(annotation)[0] if get_origin(annotation) is list else annotation


def _samples(param: Any, ctx: Any) -> list[Any]:
    """Values a person might give ``param``, right and wrong."""
    descriptor = param.type_descriptor
    leaf = _leaf(descriptor.annotation)
    info = descriptor.parameter_info
    texts: list[Any] = ["", " ", "x", "日本語", "-", "\x00", "ｘ"]
    if isinstance(leaf, type) and issubclass(leaf, Enum):
        for choice in leaf:
            texts += [choice, choice.value, choice.value.upper(), f" {choice.value}", f"{choice.value}x"]
    if leaf is int:
        edges = [b for b in (info.min, info.max) if b is not None]
        texts += ["0", "7", "-3", "007", "+5", " 5", "1_000", "1.0", "1e3", "٣", "９", "99999999999999999999", 0, 3]
        texts += [str(b + d) for b in edges for d in (-1, 0, 1)] + [b + d for b in edges for d in (-1, 0, 1)]
    if leaf is bool:
        texts += [True, False, "true", "0", "yes", "on"]
    if isinstance(leaf, type) and issubclass(leaf, Path):
        texts += [".", "examples/shiomi/ja", "examples/shiomi/ja/charter.yaml", "no/such/place", "a\x00b", Path(".")]
    default = param.get_default(ctx, call=False)
    if default is not None and not callable(default):
        texts.append(default)
    if get_origin(descriptor.annotation) is list:
        return [tuple(texts[:3]), tuple(t for t in texts if isinstance(t, str))[-3:], ()]
    return texts


def _outcome(runtime: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    """What coercing ``value`` gives: the value, or the error with what a usage message reads."""
    try:
        return "value", runtime._coerce_value(value, param=param, ctx=ctx)
    except click_errors.BadParameter as err:
        detail = _pydantic_error(err)
        return "error", (type(err).__name__, err.message, detail.get("type"), detail.get("input"))


def _same(where: str, param: Any, ctx: Any, value: Any) -> None:
    descriptor = param.type_descriptor
    info = descriptor.parameter_info
    quick = _QuickParam(parameter_info=info, annotation=descriptor.annotation, descriptor=descriptor)
    typer_own = build_runtime_param(descriptor)
    assert _outcome(quick, value, param, ctx) == _outcome(typer_own, value, param, ctx), f"{where}: {value!r}"


@pytest.mark.parametrize(("where", "param", "ctx"), PARAMS, ids=IDS)
def test_every_parameter_coerces_what_people_type_as_typer_does(where: str, param: Any, ctx: Any) -> None:
    if param.type_descriptor.file_annotation is not None:
        pytest.skip("files are opened by Typer")
    old = os.getcwd()
    os.chdir(ROOT)  # the sample paths are the repository's own
    try:
        for value in _samples(param, ctx):
            _same(where, param, ctx, value)
    finally:
        os.chdir(old)


@pytest.mark.parametrize(("where", "param", "ctx"), PARAMS, ids=IDS)
def test_every_parameter_takes_its_default_and_its_choices_without_typer(where: str, param: Any, ctx: Any) -> None:
    # A parameter of a kind the quick coercion does not know would bring pydantic back to every run.
    descriptor = param.type_descriptor
    info = descriptor.parameter_info
    default = param.get_default(ctx, call=False)
    values = [] if default is None or callable(default) else [default]
    leaf = _leaf(descriptor.annotation)
    if isinstance(leaf, type) and issubclass(leaf, Enum):
        values += [c.value for c in leaf]
    for value in values:
        if get_origin(descriptor.annotation) is list and not isinstance(value, list | tuple):
            value = (value,)
        try:
            _quick_value(descriptor.annotation, info, value, param, ctx)
        except _NotQuick:
            pytest.fail(f"{where}: {value!r} ({descriptor.annotation!r}) is left to Typer")


@pytest.mark.parametrize(("where", "param", "ctx"), [p for p in PARAMS if p[1].type_descriptor.file_annotation is None])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=12))
def test_random_text_coerces_as_typer_does(where: str, param: Any, ctx: Any, text: str) -> None:
    value: Any = (text,) if get_origin(param.type_descriptor.annotation) is list else text
    if param.type_descriptor.annotation is bool:
        value = text  # a flag given text only from an environment variable or a test
    _same(where, param, ctx, value)


def test_validate_runs_without_importing_pydantic() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from dxkit._entry import main\n"
        "sys.argv = ['dxkit', 'validate', 'examples/shiomi/ja', '--format', 'json', '--jobs', '1',\n"
        "            '--today', '2026-10-01']\n"
        "out = io.StringIO()\n"
        "try:\n"
        "    with contextlib.redirect_stdout(out):\n"
        "        main()\n"
        "except SystemExit as stop:\n"
        "    code = stop.code\n"
        "pydantic = sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic')\n"
        "print(json.dumps({'code': code, 'pydantic': pydantic, 'report': json.loads(out.getvalue())}))\n"
    )
    command = [sys.executable, "-c", "import json\n" + code]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.stderr == ""
    seen = json.loads(done.stdout)
    assert seen["pydantic"] == []
    assert seen["code"] == 1  # the example holds one error on purpose
    assert seen["report"]["summary"]["files"] == 16


def test_a_wrong_value_still_reads_as_typers_usage_error() -> None:
    from tests.helpers import invoke

    result = invoke(["validate", "examples/shiomi/ja", "--jobs", "zero"], exit=2)
    assert "zero" in result.stderr
    result = invoke(["validate", "examples/shiomi/ja", "--format", "yaml"], exit=2)
    assert "yaml" in result.stderr and "json" in result.stderr
