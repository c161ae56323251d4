"""The page-weight check, the compressing server and the Lighthouse script, at a tiny size.

Lighthouse itself is not run here (it is a benchmark): only its script's command line is.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers import invoke

pytestmark = pytest.mark.slow

BENCHMARKS = ROOT / "benchmarks"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _import(name: str):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return __import__(name)
    finally:
        sys.path.pop(0)


def _get(url: str, encoding: str | None = "gzip") -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return dict(response.headers), response.read()


def test_server_compresses_text_as_a_web_server_does(tmp_path: Path):
    serve = _import("serve")
    text = "<!doctype html><p>協議会</p>" * 200
    (tmp_path / "index.html").write_text(text, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "index.html").write_text("<p>sub</p>", encoding="utf-8")
    (tmp_path / "data.json").write_text('{"a": 1}' * 100, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + bytes(500))
    with serve.serve(tmp_path) as url:
        headers, body = _get(url + "index.html")
        assert headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
        assert gzip.decompress(body).decode("utf-8") == text
        assert int(headers["Content-Length"]) == len(body) == serve.served_size(tmp_path / "index.html")
        assert len(body) < len(text.encode("utf-8")) / 10
        headers, body = _get(url)  # the folder's index.html
        assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == text.encode("utf-8")
        headers, body = _get(url + "data.json")
        assert headers["Content-Type"] == "application/json" and headers["Content-Encoding"] == "gzip"
        headers, body = _get(url + "logo.png")  # already compressed: sent as it is
        assert "Content-Encoding" not in headers and len(body) == 504 == serve.served_size(tmp_path / "logo.png")
        for refused in (None, "br", "gzip;q=0"):
            headers, body = _get(url + "index.html", refused)
            assert "Content-Encoding" not in headers and body.decode("utf-8") == text, refused
        with pytest.raises(urllib.error.HTTPError) as missing:
            _get(url + "nothing.html")
        assert missing.value.code == 404
        missing.value.close()


def _tiny_site(tmp_path: Path) -> Path:
    folder = tmp_path / "consortium"
    made = subprocess.run(
        [sys.executable, str(BENCHMARKS / "generate.py"), str(folder), "--scale", "--tasks", "20", "--members", "12"],
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert made.returncode == 0, made.stderr[-3000:]
    out = tmp_path / "site"
    invoke(["site", "build", str(folder), "--out", str(out), "--today", "2026-10-01"])
    return out


def test_page_weight_script_counts_every_page_and_fails_over_the_limit(tmp_path: Path):
    site = _tiny_site(tmp_path)
    argv = [sys.executable, str(BENCHMARKS / "pages.py"), str(site), "--top", "3"]
    within = subprocess.run([*argv, "--verify", "1"], capture_output=True, text=True, env=ENV, timeout=300)
    assert within.returncode == 0, within.stdout + within.stderr[-3000:]
    pages = len(list(site.rglob("*.html")))
    assert f"{pages} pages; maximum " in within.stdout and "0 over 300.0 KB" in within.stdout
    assert "| `index.html` |" in within.stdout or "| `roles.html` |" in within.stdout
    assert "verification differs" not in within.stdout
    over = subprocess.run([*argv, "--limit-kb", "20"], capture_output=True, text=True, env=ENV, timeout=300)
    assert over.returncode == 1, over.stdout + over.stderr[-3000:]
    assert "**over**" in over.stdout and f"{pages} over 20.0 KB" in over.stdout
    missing = subprocess.run([*argv[:2], str(tmp_path / "nothing")], capture_output=True, text=True, env=ENV)
    assert missing.returncode == 2 and "not a built site" in missing.stderr


def test_lighthouse_script_parses_its_arguments_without_running_lighthouse(tmp_path: Path):
    lighthouse = _import("lighthouse")
    helped = subprocess.run(
        [sys.executable, str(BENCHMARKS / "lighthouse.py"), "--help"], capture_output=True, text=True, env=ENV
    )
    assert helped.returncode == 0 and "--runs" in helped.stdout and "--guidebook" in helped.stdout
    (tmp_path / "index.html").write_text("<p>x</p>", encoding="utf-8")
    args = lighthouse.parse_args(["--guidebook", str(tmp_path), "--site", str(tmp_path), "--runs", "5"])
    assert (args.guidebook, args.site, args.runs) == (tmp_path, tmp_path, 5)
    assert lighthouse.parse_args([]).runs == 3
    for wrong in (["--runs", "0"], ["--site", str(tmp_path / "none")]):
        with pytest.raises(SystemExit) as stopped:
            lighthouse.parse_args(wrong)
        assert stopped.value.code == 2
    pinned = (BENCHMARKS / ".lighthouse" / "package.json").read_text(encoding="utf-8")
    assert '"lighthouse": "12.' in pinned  # an exact 12.x version, installed from the lock file
    assert lighthouse.outside(("http://127.0.0.1:8000/a.css", "data:image/png;base64,AA", "https://unpkg.com/x")) == [
        "https://unpkg.com/x"
    ]
