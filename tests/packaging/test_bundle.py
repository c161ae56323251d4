"""Build the offline bundle, install it with no index at all, and use it as a municipal PC would."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from dxkit.render.assets import IFRAME_WORKER

ROOT = Path(__file__).parents[2]
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        sys.platform != "linux" or platform.machine() != "x86_64", reason="the Linux bundle installs on Linux x86_64"
    ),
    pytest.mark.skipif(PYTHON not in ("3.11", "3.12", "3.13"), reason="bundles are made for Python 3.11-3.13"),
]


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bundle.py"), "--lang", "en", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=1200,
    )


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    done = _script("--platform", "linux_x86_64", "--python", PYTHON, "--out", str(out))
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    folder = out / f"linux_x86_64-py{PYTHON.replace('.', '')}"
    assert f"Done: {folder}" in done.stdout
    return folder


def test_the_bundle_lists_every_file_with_its_hash(bundle: Path) -> None:
    wheels = sorted(p.name for p in (bundle / "wheelhouse").iterdir())
    assert all(name.endswith(".whl") for name in wheels)
    for needed in ("dxkit-", "mkdocs-", "mkdocs_material-", "typer-", "rustworkx-", "feedgen-"):
        assert any(name.startswith(needed) for name in wheels), needed
    # dxkit's wheel carries the one script a site ships; no site loads mermaid, so it is not inside.
    wheel = next(bundle / "wheelhouse" / name for name in wheels if name.startswith("dxkit-"))
    with zipfile.ZipFile(wheel) as archive:
        vendored = [n for n in archive.namelist() if "/_data/vendor/" in n]
    assert vendored and all("iframe-worker" in n for n in vendored), vendored
    sums = {}
    for line in (bundle / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
    assert set(sums) == {f"wheelhouse/{name}" for name in wheels} | {"INSTALL.txt"}
    for name, digest in sums.items():
        assert hashlib.sha256((bundle / name).read_bytes()).hexdigest() == digest, name
    guide = (bundle / "INSTALL.txt").read_text(encoding="utf-8")
    assert guide.index("インターネットなしで") < guide.index("without internet")
    assert f"python{PYTHON} -m venv ~/dxkit" in guide
    assert '--no-index --find-links wheelhouse "dxkit[site]"' in guide


def test_it_installs_offline_and_builds_a_site_without_npm(bundle: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / "bin"
    # No index, and a proxy that answers nothing: any attempt to reach the network fails.
    offline = {
        "PATH": str(bindir),  # no npm, no system tools
        "HOME": str(tmp_path / "home"),
        "DXKIT_CACHE_DIR": str(tmp_path / "empty-cache"),
        "HTTP_PROXY": "http://127.0.0.1:9",
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "PIP_CONFIG_FILE": os.devnull,
        "LANG": "C.UTF-8",
    }
    install = subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "--no-index", "--find-links", "wheelhouse", "dxkit[site]"],
        cwd=bundle,
        capture_output=True,
        text=True,
        env=offline,
    )
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]
    work = tmp_path / "work"
    work.mkdir()

    def dxkit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(bindir / "dxkit"), *args], cwd=work, capture_output=True, text=True, env=offline)

    init = dxkit("init", "umi", "--no-input", "--name", "海野町地域DX推進協議会", "--municipality", "海野町")
    assert init.returncode == 0, init.stderr
    assert "create    umi/roles.yaml" in init.stdout and (work / "umi" / "consortium.yaml").is_file()
    check = dxkit("validate", "umi")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "問題は見つかりませんでした" in check.stdout
    check_en = dxkit("validate", "umi", "--lang", "en")
    assert check_en.returncode == 0 and "No problems found" in check_en.stdout
    site = dxkit("site", "build", "umi", "--out", "public")
    assert site.returncode == 0, site.stdout + site.stderr
    public = work / "public"
    index = (public / "index.html").read_text(encoding="utf-8")
    assert "海野町地域DX推進協議会" in index
    for page in ("members.html", "roles.html", "gates.html", "issues.html"):
        html = (public / page).read_text(encoding="utf-8")
        assert "海野町地域DX推進協議会" in html, page
        assert 'src="http' not in html and 'href="https://fonts' not in html, page
    # The script the site ships came from inside the installed wheel, byte for byte the pinned one; the
    # site draws its diagrams itself and loads no mermaid.
    shipped = public / "assets" / "vendor" / "iframe-worker-shim.js"
    assert hashlib.sha256(shipped.read_bytes()).hexdigest() == IFRAME_WORKER.sha256
    assert not (public / "assets" / "vendor" / "mermaid.min.js").exists()
    for page in ("members.html", "roles.html"):
        assert "mermaid" not in (public / page).read_text(encoding="utf-8"), page
    assert not (tmp_path / "empty-cache").exists()


def test_a_wheelhouse_missing_a_dependency_is_caught_before_it_ships(bundle: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("dxkit_bundle_script_slow", ROOT / "scripts" / "bundle.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = script
    spec.loader.exec_module(script)
    wheelhouse = tmp_path / "wheelhouse"
    shutil.copytree(bundle / "wheelhouse", wheelhouse)
    for wheel in wheelhouse.glob("jinja2-*.whl"):
        wheel.unlink()
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(script.NoWheel) as caught:
        script.installable_offline(wheelhouse, script.PLATFORMS["linux_x86_64"], PYTHON, work, "en")
    assert caught.value.name.lower() == "jinja2"


def test_every_dependency_has_a_wheel_for_windows_on_each_python() -> None:
    done = _script("--check", "--platform", "win_amd64")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    for python in ("3.11", "3.12", "3.13"):
        assert f"win_amd64, Python {python}: all " in done.stdout, python
