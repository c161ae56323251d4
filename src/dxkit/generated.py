"""Files generated from a single source and committed: write them, or check they are fresh."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def stale(files: dict[Path, str]) -> list[Path]:
    """The files whose content on disk differs from what the source says (or that are missing)."""
    return [path for path, text in files.items() if not path.is_file() or path.read_text(encoding="utf-8") != text]


def main(prog: str, build: Callable[[Path], dict[Path, str]], argv: list[str] | None = None) -> int:
    """``--write`` regenerates the stale files; ``--check`` lists them and exits 1 if there are any."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    files = build(args.root)
    outdated = stale(files)
    if args.check:
        for path in outdated:
            print(f"stale: {path.relative_to(args.root)}", file=sys.stderr)
        return 1 if outdated else 0
    for path in outdated:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[path], encoding="utf-8")
        print(f"wrote {path.relative_to(args.root)}")
    return 0
