"""Build the sdist and, from it, the wheel; install the wheel in a fresh venv; use it."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # Without --sdist/--wheel, build makes the sdist first and the wheel from that sdist,
    # which is how a package index user gets it.
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    wheels = list(out.glob("dxkit-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_carries_schemas_and_toolkits(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "dxkit/_data/schemas/roles.schema.json" in names
    assert "dxkit/_data/toolkits/consortium/ja/roles.yaml.j2" in names
    assert "dxkit/_data/toolkits/consortium/en/roles.yaml.j2" in names
    # The message catalogue is data inside the package, every namespace file of it.
    messages = sorted(p.name for p in (ROOT / "src/dxkit/i18n/messages").glob("*.toml"))
    assert messages
    assert (
        sorted(n.removeprefix("dxkit/i18n/messages/") for n in names if n.startswith("dxkit/i18n/messages/"))
        == messages
    )


def test_wheel_installs_and_runs_in_a_fresh_venv(wheel: Path, tmp_path: Path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    pip = [str(bindir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True, text=True)
    dxkit = str(bindir / "dxkit")
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    for lang in ("ja", "en"):
        init = subprocess.run(
            [dxkit, "init", f"c-{lang}", "--no-input", "--lang", lang],
            cwd=work,
            capture_output=True,
            text=True,
            env=env,
        )
        assert init.returncode == 0, init.stderr
        check = subprocess.run(
            [dxkit, "validate", f"c-{lang}", "--lang", lang], cwd=work, capture_output=True, text=True, env=env
        )
        assert check.returncode == 0, check.stdout + check.stderr
    # The installed package must not be reading this checkout.
    where = subprocess.run(
        [str(bindir / "python"), "-c", "import dxkit._resources as r; print(r.schemas_dir())"],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert "_data" in where and str(ROOT) not in where
