"""A preview server for a built site (``dxkit site serve``): files of one folder, nothing else.

It stands on the standard library's :class:`http.server.SimpleHTTPRequestHandler` (a preview
needs no other dependency) and replaces the parts a hostile request could reach:

* the path is checked before it touches the file system (:func:`resolve_request`): a NUL or any
  control character, an encoded slash, backslash or NUL, a ``.`` or ``..`` segment, a malformed
  percent-encoding, percent-encoded bytes that are not UTF-8, a drive letter or an overlong path
  get ``400``; anything that is not a regular file inside the site gets ``404`` (no folder
  listings, no link that leads out of the folder);
* only ``GET`` and ``HEAD`` are answered (others get the standard library's ``501``);
* while bound to the loopback address, a request naming another host (DNS rebinding: a web
  page that points its own name at 127.0.0.1) gets ``400``;
* no traceback is ever printed: a failure while answering is one short line;
* the log is one line per request (address, method, path, status), and everything in it that
  came from the request passes through :func:`dxkit.escape.terminal_text`, so a request line
  cannot move the cursor or set the window title of the terminal that shows it.
"""

from __future__ import annotations

import http.server
import ipaddress
import os
import re
import socket
import stat
import sys
import urllib.parse
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from dxkit.escape import terminal_text

#: The longest request path answered (bytes, before decoding); the site's own paths are far shorter.
MAX_PATH_LENGTH = 2048

#: How much of a request's path a log line shows.
LOGGED_PATH_LENGTH = 120

#: How long a connection may stay silent before it is closed (seconds).
IDLE_TIMEOUT = 30

_PERCENT_MALFORMED = re.compile(r"%(?![0-9A-Fa-f]{2})")
#: Percent-encoded NUL, slash and backslash: a segment must not hide a separator.
_PERCENT_SEPARATOR = re.compile(r"%(?:00|2[Ff]|5[Cc])")
_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


@dataclass(frozen=True)
class Redirect:
    """The request named a folder without the final slash: send the browser to ``location``."""

    location: str


def resolve_request(root: Path, target: str) -> Path | Redirect | int:
    """The file of the site at ``root`` that the request target ``target`` names, or a status.

    ``400`` for a malformed or suspicious path, ``404`` for one that names no regular file
    inside ``root``; a folder with an ``index.html`` is a :class:`Redirect` to its slash form
    (so relative links work) or, with the slash, its ``index.html``.
    """
    if not target.startswith("/") or len(target) > MAX_PATH_LENGTH:
        return 400
    if any(not (0x20 < ord(ch) < 0x7F) for ch in target):
        return 400  # a request target is printable ASCII; anything else is percent-encoded
    path = target.split("?", 1)[0].split("#", 1)[0]
    if _PERCENT_MALFORMED.search(path) or _PERCENT_SEPARATOR.search(path):
        return 400
    try:
        decoded = urllib.parse.unquote(path, errors="strict")
    except UnicodeDecodeError:
        return 400
    if any(_is_control(ch) or ch in "\\:" for ch in decoded):
        return 400
    segments = decoded.split("/")
    if any(segment in (".", "..") for segment in segments):
        return 400
    parts = [segment for segment in segments if segment]
    try:
        base = root.resolve()
        candidate = base.joinpath(*parts)
        if candidate.is_dir():
            if not (candidate / "index.html").is_file():
                return 404
            if not decoded.endswith("/"):
                return Redirect(path + "/")
            candidate = candidate / "index.html"
        found = candidate.resolve()
        if not found.is_relative_to(base) or not found.is_file():
            return 404
    except (OSError, RuntimeError, ValueError):
        return 404  # a name too long, a link loop: nothing the site can hold
    return found


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or 0x7F <= code < 0xA0


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Answers ``GET`` and ``HEAD`` for the files of one built site (see the module's notes)."""

    timeout = IDLE_TIMEOUT
    server_version = "dxkit"
    sys_version = ""

    def __init__(self, *args: Any, directory: str, allowed_hosts: frozenset[str] | None, **kwargs: Any) -> None:
        self.allowed_hosts = allowed_hosts
        super().__init__(*args, directory=directory, **kwargs)

    def send_head(self) -> BinaryIO | None:
        if not self._host_allowed():
            self.send_error(400)
            return None
        found = resolve_request(Path(self.directory), self.path)
        if isinstance(found, int):
            self.send_error(found)
            return None
        if isinstance(found, Redirect):
            self.send_response(301)
            self.send_header("Location", found.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        try:
            handle = found.open("rb")
        except OSError:
            self.send_error(404)
            return None
        try:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                handle.close()
                self.send_error(404)
                return None
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(found)))
            self.send_header("Content-Length", str(status.st_size))
            self.send_header("Last-Modified", self.date_time_string(int(status.st_mtime)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
        except BaseException:
            handle.close()
            raise
        return handle

    def _host_allowed(self) -> bool:
        if self.allowed_hosts is None:
            return True
        host = self.headers.get("Host")
        if host is None:
            return True  # HTTP/1.0 without a Host header names no other site
        name = host.strip().lower()
        if name.startswith("["):
            name = name.split("]", 1)[0] + "]"
        elif name.count(":") == 1:
            name = name.split(":", 1)[0]
        return name in self.allowed_hosts

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404)
        return None

    # -- the log: one escaped line per request ------------------------------------------

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        code_value = code.value if isinstance(code, http.HTTPStatus) else code
        method = (self.command or "-")[:16]
        target = self.path if getattr(self, "path", None) else "-"
        if len(target) > LOGGED_PATH_LENGTH:
            target = target[:LOGGED_PATH_LENGTH] + "…"
        self._log(f"{method} {target} {code_value}")

    def log_error(self, format: str, *args: Any) -> None:
        """Nothing: the request's own log line already shows its status."""

    def log_message(self, format: str, *args: Any) -> None:
        self._log(format % args)

    def _log(self, text: str) -> None:
        sys.stderr.write(terminal_text(f"{self.address_string()} {text}") + "\n")


class SiteServer(http.server.ThreadingHTTPServer):
    """The threading server with a one-line report instead of a traceback for a failed request."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return  # the browser went away or stayed silent: nothing to report
        name = type(error).__name__ if error is not None else "error"
        sys.stderr.write(terminal_text(f"{client_address[0]} request failed ({name})") + "\n")


class SiteServer6(SiteServer):
    address_family = socket.AF_INET6


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine (127.0.0.0/8, ``::1``, ``localhost``)."""
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def make_server(host: str, port: int, folder: Path) -> SiteServer:
    """A server for the files of ``folder`` on ``host``:``port`` (``OSError`` if it cannot listen).

    Bound to the loopback address, it answers only requests that name a loopback host.
    """
    allowed = frozenset({*_LOOPBACK_NAMES, host.lower()}) if is_loopback(host) else None
    handler = partial(SiteHandler, directory=str(folder), allowed_hosts=allowed)
    server_class = SiteServer6 if ":" in host else SiteServer
    return server_class((host.strip("[]"), port), handler)


def url_of(server: SiteServer) -> str:
    """The address a browser opens to see what ``server`` serves."""
    host, port = server.server_address[:2]
    shown = host.decode() if isinstance(host, bytes) else str(host)
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"
