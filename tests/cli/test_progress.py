"""Progress for long work: a bar on a terminal, nothing in a pipe or in CI."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dxkit.cli import _progress
from dxkit.i18n import translate
from dxkit.validate import check_paths
from tests.conftest import TODAY

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    return {**env, "PYTHONPATH": SRC, "TERM": "xterm", **extra}


def _dxkit(*args: str) -> list[str]:
    return [sys.executable, "-m", "dxkit", *args]


def test_the_core_reports_each_file_and_the_end(sample: Path, lang: str) -> None:
    seen: list[tuple[int, int]] = []
    report = check_paths([str(sample)], lang=lang, today=TODAY, progress=lambda done, total: seen.append((done, total)))
    total = report.files
    assert total > 1
    assert seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert {t for _, t in seen} == {total}


@pytest.mark.parametrize("args", [("validate",), ("site", "build", "-o")])
def test_piped_output_has_no_progress_text(sample: Path, lang: str, tmp_path: Path, args: tuple[str, ...]) -> None:
    command = list(args)
    if args[0] == "site":
        pytest.importorskip("mkdocs", reason="site build needs the site extras")
        command.append(str(tmp_path / "out"))
    done = subprocess.run(
        _dxkit(*command, "--lang", lang, "--today", TODAY.isoformat()),
        cwd=sample,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    for text in (done.stdout, done.stderr):
        assert "\x1b" not in text and "━" not in text
        assert translate("progress.site", lang) not in text
        assert translate("progress.validate", lang) not in text


def _on_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run with standard error on a pseudo-terminal; what the terminal received."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE, stderr=follower, env=env, timeout=120, check=False)
    finally:
        os.close(follower)
    received = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end is closed
            break
        if not chunk:
            break
        received += chunk
    os.close(leader)
    return received.decode("utf-8", errors="replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_terminal_shows_the_bar_and_ci_does_not(sample: Path, lang: str, tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="site build needs the site extras")

    def build(out: str) -> list[str]:
        return _dxkit("site", "build", "-o", str(tmp_path / out), "--lang", lang, "--today", TODAY.isoformat())

    assert translate("progress.site", lang) in _on_terminal(build("out"), sample, _env())
    assert translate("progress.site", lang) not in _on_terminal(build("out2"), sample, _env(CI="true"))


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_is_wanted_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert not _progress.wanted()
    monkeypatch.setattr(sys, "stderr", _Tty())
    assert _progress.wanted()
    monkeypatch.setenv("CI", "1")
    assert not _progress.wanted()
    monkeypatch.delenv("CI")
    monkeypatch.setenv("TERM", "dumb")
    assert not _progress.wanted()


def test_quick_work_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Tty()
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(sys, "stderr", terminal)
    with _progress.progress("x", delay=3600) as report:
        for done in range(10):
            report(done, 10)
    assert terminal.getvalue() == ""
