"""The offline bundle: a wheel's own copy of the site scripts, and how the bundle script judges a platform."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from dxkit.i18n import translate
from dxkit.render import assets
from tests.conftest import ROOT


def _bundle_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dxkit_bundle_script", ROOT / "scripts" / "bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bundle = _bundle_script()

SCRIPT = b"window.drawDiagrams = function () {};\n"


def _fake_asset(content: bytes = SCRIPT) -> assets.NpmAsset:
    return assets.NpmAsset(
        package="fake-diagrams",
        version="1.0.0",
        integrity="sha512-not-used-here",
        member="package/dist/fake.min.js",
        sha256=hashlib.sha256(content).hexdigest(),
    )


@pytest.fixture
def no_npm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No npm on PATH, an empty cache, and a vendor folder of our own for the installation's copy."""
    vendor = tmp_path / "installed" / "_data" / "vendor"
    monkeypatch.setattr(assets, "vendor_dir", lambda: vendor)
    monkeypatch.setenv("DXKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    return vendor


def test_an_installation_with_its_own_copy_never_needs_npm(no_npm: Path) -> None:
    asset = _fake_asset()
    no_npm.mkdir(parents=True)
    (no_npm / asset.filename).write_bytes(SCRIPT)
    assert assets.ensure(asset) == no_npm / asset.filename


def test_without_a_copy_or_a_cache_npm_is_named(no_npm: Path) -> None:
    with pytest.raises(assets.AssetError) as caught:
        assets.ensure(_fake_asset())
    assert caught.value.msg_id == "assets.npm_missing"
    assert "npm" in caught.value.message("ja") and "npm" in caught.value.message("en")


def test_a_changed_copy_is_refused_in_both_languages(no_npm: Path) -> None:
    asset = _fake_asset()
    no_npm.mkdir(parents=True)
    (no_npm / asset.filename).write_bytes(SCRIPT + b"alert(1);\n")
    with pytest.raises(assets.AssetError) as caught:
        assets.ensure(asset)
    assert caught.value.msg_id == "bundle.vendored_mismatch"
    assert "ハッシュ値と一致しない" in caught.value.message("ja")
    assert "does not match its pinned hash" in caught.value.message("en")
    assert asset.filename in caught.value.message("en")


def test_vendor_into_copies_every_script_from_the_cache(
    no_npm: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = _fake_asset(), _fake_asset(b"var shim = 1;\n")
    two = assets.NpmAsset(two.package + "-shim", two.version, two.integrity, two.member, two.sha256)
    monkeypatch.setattr(assets, "ALL_ASSETS", (one, two))
    cache = assets.cache_dir()
    cache.mkdir(parents=True)
    (cache / one.filename).write_bytes(SCRIPT)
    (cache / two.filename).write_bytes(b"var shim = 1;\n")
    written = assets.vendor_into(tmp_path / "wheel-tree")
    assert [p.name for p in written] == [one.filename, two.filename]
    assert (tmp_path / "wheel-tree" / one.filename).read_bytes() == SCRIPT


def test_vendor_into_refuses_a_cached_file_that_does_not_match(
    no_npm: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asset = _fake_asset()
    monkeypatch.setattr(assets, "ALL_ASSETS", (asset,))
    assets.cache_dir().mkdir(parents=True)
    (assets.cache_dir() / asset.filename).write_bytes(b"tampered")
    with pytest.raises(assets.AssetError):
        assets.vendor_into(tmp_path / "wheel-tree")
    assert not (tmp_path / "wheel-tree" / asset.filename).exists()


def test_the_pinned_hashes_are_of_the_scripts_a_site_ships() -> None:
    # A site copies exactly this one; a bundle must carry it, pinned. No site loads mermaid (the
    # guidebook's diagrams are drawn ahead of time), so the bundle leaves its 3.5 MB behind.
    assert {a.package for a in assets.ALL_ASSETS} == {"iframe-worker"}
    for asset in assets.ALL_ASSETS:
        assert len(asset.sha256) == 64 and int(asset.sha256, 16) >= 0


def _item(name: str, *requires: str, extras: tuple[str, ...] = ()) -> dict[str, object]:
    item: dict[str, object] = {"metadata": {"name": name, "requires_dist": list(requires)}}
    if extras:
        item["requested_extras"] = list(extras)
    return item


INSTALLS = [
    _item("dxkit", "typer>=0.12", "mkdocs>=1.6; extra == 'site'"),
    _item("typer", "click>=8"),
    _item("click", "colorama; platform_system == 'Windows'"),
    _item("mkdocs", "colorama>=0.4; platform_system == 'Windows'", "pytest; extra == 'test'"),
    _item("holidays", "backports.zoneinfo; python_version < '3.9'", "tzdata; sys_platform == 'win32'"),
]


def test_requirements_that_only_windows_needs_are_added_for_windows() -> None:
    environment = bundle.PLATFORMS["win_amd64"].environment("3.12")
    assert bundle.unmet(INSTALLS, environment) == ["colorama", "colorama>=0.4", "tzdata"]


def test_linux_needs_none_of_them() -> None:
    environment = bundle.PLATFORMS["linux_x86_64"].environment("3.13")
    assert bundle.unmet(INSTALLS, environment) == []


def test_a_requirement_already_resolved_is_not_asked_for_again() -> None:
    installs = [*INSTALLS, _item("colorama"), _item("tzdata")]
    assert bundle.unmet(installs, bundle.PLATFORMS["win_amd64"].environment("3.11")) == []


def test_the_package_pip_found_no_wheel_for_is_named() -> None:
    missing = bundle.NoWheel("rustworkx>=0.15", "win_amd64", "3.13")
    assert missing.name == "rustworkx"
    assert (
        str(missing.error("en")) == "rustworkx has no wheel for win_amd64, Python 3.13; no bundle can be built for it."
    )
    assert "rustworkx には win_amd64、Python 3.13 向けのホイールがありません" in str(missing.error("ja"))


@pytest.mark.parametrize(
    ("platform", "venv", "install"),
    [
        (
            "win_amd64",
            r"py -3.12 -m venv %USERPROFILE%\dxkit",
            r'%USERPROFILE%\dxkit\Scripts\python -m pip install --no-index --find-links wheelhouse "dxkit[site]"',
        ),
        (
            "linux_x86_64",
            "python3.12 -m venv ~/dxkit",
            '~/dxkit/bin/python -m pip install --no-index --find-links wheelhouse "dxkit[site]"',
        ),
    ],
)
def test_the_guide_gives_the_commands_in_both_languages(platform: str, venv: str, install: str) -> None:
    guide = bundle.PLATFORMS[platform].guide
    ja, en = translate(guide, "ja", python="3.12"), translate(guide, "en", python="3.12")
    assert "インターネットなしで" in ja and "管理者" in ja and "npm" in ja
    assert "without internet" in en and "administrator" in en and "npm" in en
    for text in (ja, en):
        assert venv in text and install in text and "SHA256SUMS" in text


def test_the_script_says_in_the_readers_language_that_npm_is_needed(
    no_npm: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # No copy, no cache, no npm: the wheel cannot carry the site's scripts, and the script says why.
    for lang, words in (("en", "npm is needed"), ("ja", "npm が必要です")):
        assert bundle.main(["--check", "--platform", "win_amd64", "--python", "3.12", "--lang", lang]) == 2
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err
