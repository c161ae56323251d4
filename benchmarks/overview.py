"""Time ``dxkit overview`` over many consortia, against ``dxkit validate`` on the same folder.

    python benchmarks/overview.py [--consortia 200] [--invalid 20] [--rounds 3] [--data DIR]

The overview checks every consortium as ``dxkit validate`` does and then runs the status,
gate and key-person analyses on each, so ``validate`` on the same files is its floor. Commands
run in alternation, round after round; printed are min / median / max wall time, peak memory,
and the ratio overview ÷ validate. The aim is 200 consortia in well under 10 s on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from run import measure, show  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consortia", type=int, default=200)
    parser.add_argument("--invalid", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", type=Path, default=None, help="where to generate (default: a temporary folder)")
    args = parser.parse_args(argv)
    dxkit = [sys.executable, "-m", "dxkit"]
    # One fixed day, so every round judges the same deadlines.
    common = ["--today", dt.date(2026, 10, 1).isoformat(), "--lang", "ja"]
    with tempfile.TemporaryDirectory(prefix="dxkit-overview-") as tmp:
        data = args.data or Path(tmp) / "data"
        data.mkdir(parents=True, exist_ok=True)
        generate(data, args.consortia, args.invalid, seed=7)
        page = Path(tmp) / "overview.html"
        commands = {
            "dxkit overview (text)": [[*dxkit, "overview", str(data), *common]],
            "dxkit overview (json)": [[*dxkit, "overview", str(data), "--format", "json", *common]],
            "dxkit overview (html)": [
                [*dxkit, "overview", str(data), "--format", "html", "-o", str(page), "--overwrite", *common]
            ],
            "dxkit validate": [[*dxkit, "validate", str(data), "--format", "json", "--exit-zero", *common]],
        }
        results = measure(commands, args.rounds)
    show(f"{args.consortia} consortia ({args.consortia * 6} files), {args.rounds} rounds", results, None, None)
    floor = results["dxkit validate"]["median"]
    for name, result in results.items():
        if name != "dxkit validate":
            print(f"{name} ÷ dxkit validate: {result['median'] / floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
