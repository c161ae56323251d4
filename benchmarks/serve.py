"""Serve a built site on 127.0.0.1 the way a web server does: text compressed with gzip.

``python -m http.server`` sends every file as it is on disk, so a page measured through it weighs what no
visitor receives: GitHub Pages, nginx and Apache answer ``Accept-Encoding: gzip`` with compressed HTML, CSS,
JavaScript, JSON, SVG and XML. This server does the same (standard library only), so the page-weight check and
the Lighthouse benchmark see the bytes a visitor's browser would receive.

    python benchmarks/serve.py SITE_DIR            # prints the address, serves until Ctrl+C
    python benchmarks/serve.py SITE_DIR --port 8000

``served_size(path)`` gives the exact number of body bytes the server sends for a file, so
``benchmarks/pages.py`` can count a page without a browser and still count what is served.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import mimetypes
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

#: zlib's default level, which nginx, Apache and most hosts use or come close to.
GZIP_LEVEL = 6
#: Types sent compressed (what nginx's ``gzip_types`` and GitHub Pages compress).
COMPRESSED_TYPES = frozenset(
    {
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "application/manifest+json",
        "image/svg+xml",
        "application/xml",
        "text/xml",
        "text/plain",
    }
)
#: Types the platform's table may lack or name differently (Windows reads them from its registry).
TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".map": "application/json",
    ".gz": "application/gzip",
}


def content_type(path: Path) -> str:
    """The type the server announces for a file (without the charset)."""
    suffix = path.suffix.lower()
    if suffix in TYPES:
        return TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def is_compressed(path: Path) -> bool:
    return content_type(path) in COMPRESSED_TYPES


@functools.lru_cache(maxsize=4096)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:
    # mtime=0 makes the bytes depend on the content only, so every run counts the same.
    return gzip.compress(Path(path).read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


def encoded_body(path: Path) -> bytes:
    """The body the server sends for ``path`` to a browser that accepts gzip."""
    if not is_compressed(path):
        return path.read_bytes()
    stat = path.stat()
    return _gzipped(str(path), stat.st_mtime_ns, stat.st_size)


def served_size(path: Path) -> int:
    """Body bytes sent for ``path`` (compressed when its type is)."""
    if not is_compressed(path):
        return path.stat().st_size
    return len(encoded_body(path))


def _accepts_gzip(header: str | None) -> bool:
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            q = params.strip().lower()
            if not q.startswith("q="):
                return True
            try:
                return float(q[2:]) > 0
            except ValueError:
                return False
    return False


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """``SimpleHTTPRequestHandler`` that sends text types gzip-compressed to browsers that accept it."""

    extensions_map = {  # noqa: RUF012  (the base class's own attribute, replaced as a whole)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
        "": "application/octet-stream",
    }

    def send_head(self) -> BinaryIO | io.BytesIO | None:
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's slash
            target = target / "index.html"
        if not target.is_file() or not is_compressed(target) or not _accepts_gzip(self.headers.get("Accept-Encoding")):
            return super().send_head()
        body = encoded_body(target)
        kind = content_type(target)
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(target.stat().st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port unless one is given); yields the base URL."""
    handler = functools.partial(CompressingHandler, directory=os.fspath(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site's folder")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        parser.error(f"not a folder: {args.site}")
    with serve(args.site, args.port) as url:
        print(f"Serving {args.site} compressed at {url} (Ctrl+C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
