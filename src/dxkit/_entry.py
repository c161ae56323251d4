"""The console entry point. ``dxkit --version`` answers before the command line is built."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from dxkit import __version__

        sys.stdout.write(f"dxkit {__version__}\n")
        return
    from dxkit.cli import main as cli_main

    cli_main()
