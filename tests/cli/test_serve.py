"""dxkit site serve: a port it cannot take is a message, not a crash, and is known before building."""

from __future__ import annotations

import socket

from tests.helpers import invoke


def test_site_serve_on_a_busy_port_says_so_before_building(sample, lang, monkeypatch):
    import dxkit.cli.site

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("the site was built although the port is busy")

    monkeypatch.setattr(dxkit.cli.site, "_build", no_build)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = invoke(["site", "serve", str(sample), "--port", str(port), "--lang", lang], exit=2)
    assert result.stderr.startswith("エラー: " if lang == "ja" else "Error: ")
    assert str(port) in result.stderr and "--port" in result.stderr
    assert result.stdout == ""
