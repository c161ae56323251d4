"""The test helper itself: a crash or a wrong exit code fails the test that ran the command."""

from __future__ import annotations

import pytest

from tests.conftest import TODAY
from tests.helpers import invoke


def _crash(*args: object, **kwargs: object) -> object:
    raise RuntimeError("planted bug")


def test_invoke_fails_on_a_crash_even_when_exit_1_is_expected(sample, monkeypatch):
    import dxkit.validate

    monkeypatch.setattr(dxkit.validate, "check_paths", _crash)
    monkeypatch.setattr("dxkit.cli.validate.check_paths", _crash, raising=False)
    with pytest.raises(pytest.fail.Exception, match="crashed") as failure:
        invoke(["validate", str(sample)], exit=1)
    assert "RuntimeError: planted bug" in str(failure.value)


def test_invoke_fails_on_another_exit_code(sample):
    with pytest.raises(pytest.fail.Exception, match="ended with 0, expected 1"):
        invoke(["validate", str(sample), "--today", TODAY.isoformat()], exit=1)


def test_invoke_keeps_stdout_and_stderr_apart(tmp_path):
    result = invoke(["validate", str(tmp_path), "--lang", "en", "--format", "json"], exit=2)
    assert "No governance files" in result.stderr
    assert "No governance files" not in result.stdout
    assert result.stdout.strip()  # the (empty) machine report still goes to stdout
