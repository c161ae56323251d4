"""Publishing: the offline bundle and the workflows that build and publish the guidebook."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml

from dxkit.render.bundle import main as bundle_main
from dxkit.render.bundle import zip_site
from tests.conftest import ROOT


def test_bundle_puts_everything_under_one_folder(tmp_path: Path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<h1>x</h1>", encoding="utf-8")
    (site / "en" / "index.html").write_text("<h1>y</h1>", encoding="utf-8")
    out = zip_site(site, tmp_path / "out" / "b.zip")
    assert zipfile.ZipFile(out).namelist() == ["dxkit-guidebook/en/index.html", "dxkit-guidebook/index.html"]


def test_bundle_refuses_an_unbuilt_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert bundle_main([str(tmp_path), str(tmp_path / "b.zip")]) == 2
    assert "build the site first" in capsys.readouterr().err
    assert not (tmp_path / "b.zip").exists()


def _workflow(name: str) -> dict:
    return yaml.load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_ci_workflow_runs_the_readme_test_command():
    steps = _workflow("ci.yml")["jobs"]["test"]["steps"]
    assert {"run": "bash scripts/test.sh"} in steps
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_guidebook_workflow_builds_publishes_and_keeps_the_bundle():
    jobs = _workflow("guidebook.yml")["jobs"]
    steps = jobs["build"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert runs == ["bash scripts/guidebook.sh"]
    script = (ROOT / "scripts" / "guidebook.sh").read_text(encoding="utf-8")
    # MkDocs unless DXKIT_ENGINE names ProperDocs; either way a strict build of the same mkdocs.yml.
    assert 'ENGINE="${DXKIT_ENGINE:-mkdocs}"' in script and '"$ENGINE" build --strict' in script
    assert "--config-file mkdocs.yml" in script
    assert "dxkit.render.bundle site dist/dxkit-guidebook-offline.zip" in script
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/upload-artifact") for u in uses)
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
