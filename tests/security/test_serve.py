"""``dxkit site serve`` answers hostile requests with 400/404 and never prints a traceback.

Requests are sent as raw bytes over a socket (a client library would clean them up first); the
server runs in a thread on a free port, and once end to end through ``python -m dxkit``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dxkit.serving
from dxkit.i18n import translate
from dxkit.serving import make_server, resolve_request
from tests.conftest import ROOT
from tests.helpers import invoke

PAGE = "<!doctype html><title>site</title>"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "assets").mkdir(parents=True)
    (root / "workshops").mkdir()
    (root / "empty").mkdir()
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    (root / "assets" / "app.js").write_text("console.log(1);", encoding="utf-8")
    (root / "workshops" / "index.html").write_text("workshops", encoding="utf-8")
    (root / "日本語.html").write_text("ja", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for the web", encoding="utf-8")
    with contextlib.suppress(OSError):  # Windows without the right to make links
        (root / "leak.html").symlink_to(tmp_path / "secret.txt")
    return root


@pytest.fixture
def port(site: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[int]:
    server = make_server("127.0.0.1", 0, site)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def send(port: int, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send ``request`` as it is; the status, headers and body of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as conn:
        conn.sendall(request)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    answer = b"".join(chunks)
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers, body


def get(
    port: int, target: str | bytes, method: str = "GET", host: str | None = None
) -> tuple[int, dict[str, str], bytes]:
    raw = target if isinstance(target, bytes) else target.encode("latin-1")
    host_line = f"Host: {host or f'127.0.0.1:{port}'}\r\n".encode()
    return send(port, method.encode() + b" " + raw + b" HTTP/1.1\r\n" + host_line + b"Connection: close\r\n\r\n")


BAD = {
    "/index.html%00.txt": 400,
    "/%00": 400,
    "/../secret.txt": 400,
    "/assets/../../secret.txt": 400,
    "/%2e%2e/secret.txt": 400,
    "/%2E%2E%2Fsecret.txt": 400,
    "/assets%2fapp.js": 400,
    "/assets%5Capp.js": 400,
    "/assets\\app.js": 400,
    "/%ff%fe": 400,
    "/%c0%af": 400,  # an overlong UTF-8 encoding of "/"
    "/%zz": 400,
    "/%": 400,
    "/%1b]0;title%07": 400,
    "/C:/Windows/win.ini": 400,
    "http://evil.example/index.html": 400,
    "*": 400,
    "/" + "a" * 3000: 400,
    "/" + "a" * 300 + ".html": 404,  # a name too long for the file system
    "/nothing.html": 404,
    "/empty/": 404,
    "/empty": 404,
    "/assets/": 404,  # no folder listings
}


@pytest.mark.parametrize(("target", "status"), BAD.items(), ids=[t[:40] for t in BAD])
def test_bad_path_gets_400_or_404_and_no_traceback(port, capsys, target, status):
    code, _, body = get(port, target)
    assert code == status
    assert b"not for the web" not in body
    assert "Traceback" not in capsys.readouterr().err


def test_a_link_out_of_the_site_is_not_followed(port, site, capsys):
    if not (site / "leak.html").is_symlink():
        pytest.skip("this system cannot make a symbolic link")
    code, _, body = get(port, "/leak.html")
    assert code == 404 and b"not for the web" not in body


@pytest.mark.parametrize(
    ("target", "body"),
    [
        ("/", PAGE.encode()),
        ("/index.html", PAGE.encode()),
        ("/index.html?v=1#top", PAGE.encode()),
        ("/workshops/", b"workshops"),
        ("/assets/app.js", b"console.log(1);"),
        ("/%E6%97%A5%E6%9C%AC%E8%AA%9E.html", b"ja"),
    ],
)
def test_the_files_of_the_site_are_served(port, target, body):
    code, headers, got = get(port, target)
    assert code == 200 and got == body
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_a_folder_without_its_slash_is_redirected(port):
    code, headers, _ = get(port, "/workshops")
    assert code == 301 and headers["Location"] == "/workshops/"


def test_head_answers_without_a_body(port):
    code, headers, body = get(port, "/index.html", method="HEAD")
    assert code == 200 and body == b"" and headers["Content-Length"] == str(len(PAGE.encode()))


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH"])
def test_only_get_and_head_are_answered(port, capsys, method):
    code, _, body = get(port, "/index.html", method=method)
    assert code == 501 and PAGE.encode() not in body
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1.evil.example"])
def test_a_request_for_another_host_is_refused_on_loopback(port, host):
    # A web page can point its own name at 127.0.0.1 (DNS rebinding); its requests name that host.
    assert get(port, "/index.html", host=host)[0] == 400


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]"])
def test_loopback_names_are_answered(port, host):
    assert get(port, "/index.html", host=f"{host}:{port}")[0] == 200


def test_malformed_requests_get_an_answer_and_no_traceback(port, capsys):
    for request in (
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 40,  # a TLS hello
        b"GET\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
        b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X: " + b"y" * 70000 + b"\r\n\r\n",
    ):
        with socket.create_connection(("127.0.0.1", port), timeout=20) as conn:
            conn.sendall(request)
            conn.shutdown(socket.SHUT_WR)  # and no more: a request without its line end ends here
            answer = conn.recv(1024)
        # An error answer (without a status line for a request too broken to have a version), or none.
        assert b" 200 " not in answer.split(b"\r\n", 1)[0] and PAGE.encode() not in answer
    assert "Traceback" not in capsys.readouterr().err


def test_log_lines_show_escape_sequences_as_text(port, capsys):
    send(port, b"GET /\x1b]0;pwned\x07\x1b[2J HTTP/1.0\r\n\r\n")
    get(port, "/index.html", method="\x1b[31mGET")
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b]0;pwned\\x07" in err
    assert "Traceback" not in err


def test_log_lines_are_short(port, capsys):
    get(port, "/" + "a" * 3000)
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert len(line) < 200 and line.endswith("400")


def test_a_failure_while_answering_is_one_line(port, capsys, monkeypatch):
    def broken(root: Path, target: str) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(dxkit.serving, "resolve_request", broken)
    with socket.create_connection(("127.0.0.1", port), timeout=20) as conn:
        conn.sendall(b"GET / HTTP/1.0\r\n\r\n")
        conn.recv(1024)
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RuntimeError" in err


def test_resolve_request_never_leaves_the_site(site):
    for target in ("/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "//secret.txt"):
        found = resolve_request(site, target)
        assert not isinstance(found, Path) or found.is_relative_to(site.resolve())


# -- the command ---------------------------------------------------------------------------


class _Recorded(Exception):
    pass


def _record_server(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    calls: list[tuple[str, int]] = []

    def refuse(host: str, port: int, folder: Path) -> Any:
        calls.append((host, port))
        raise OSError("not listening in this test")

    monkeypatch.setattr(dxkit.serving, "make_server", refuse)
    return calls


def test_serve_binds_the_loopback_address_unless_told(sample, monkeypatch, lang):
    calls = _record_server(monkeypatch)
    invoke(["site", "serve", str(sample), "--port", "0", "--lang", lang], exit=2)
    invoke(["site", "serve", str(sample), "--port", "0", "--host", "192.0.2.1", "--lang", lang], exit=2)
    assert calls == [("127.0.0.1", 0), ("192.0.2.1", 0)]


def test_serve_on_another_address_warns_that_the_network_can_see_it(sample, monkeypatch, lang):
    import dxkit.cli.site

    monkeypatch.setattr(dxkit.cli.site, "_build", lambda *args: (None, lang))
    monkeypatch.setattr(dxkit.serving.SiteServer, "serve_forever", lambda self, *args: None)
    result = invoke(["site", "serve", str(sample), "--port", "0", "--host", "0.0.0.0", "--lang", lang])
    assert translate("site.serving_network", lang, host="0.0.0.0") in result.stderr
    assert "http://0.0.0.0:" in result.stdout


def test_help_says_another_host_publishes_the_site():
    assert "ネットワーク" in translate("help.site.host", "ja")
    assert "network" in translate("help.site.host", "en")


def test_site_serve_end_to_end_answers_a_nul_path_without_a_traceback(sample, lang):
    pytest.importorskip("material")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONUNBUFFERED": "1", "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dxkit", "site", "serve", str(sample), "--port", "0", "--lang", lang],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # printed once the site is built and the port is taken
        assert line.startswith("http://127.0.0.1:" if lang == "ja" else "Serving on http://127.0.0.1:"), line
        port = int(line.split("127.0.0.1:", 1)[1].split("/", 1)[0])
        assert get(port, "/index.html%00.txt")[0] == 400
        assert get(port, "/index.html")[0] == 200
    finally:
        if os.name == "nt":
            proc.terminate()
        else:
            proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert "Traceback" not in err
    assert "/index.html%00.txt 400" in err
