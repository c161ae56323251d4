"""How each command grows with the size of one consortium: time and peak memory per size, and the growth per 10×.

    python benchmarks/scale.py [--rounds 3] [--tasks 300 3000 10000] [--members 600 6000] [--data DIR]

Two series, each on one consortium made by ``generate.py --scale`` (Japanese text, valid):

- tasks: 300 / 3,000 / 10,000 tasks with 600 members, through ``validate``, ``status``,
  ``keyperson``, ``export roles`` (xlsx), ``export roles -f ics``, ``site build`` and
  ``import`` of the workbook ``export roles`` writes, unchanged (made once per size before the
  rounds, and imported into a copy of the consortium in the output folder: the generated
  consortium is never written to, and the copy's ``roles.yaml`` is checked to be byte for byte
  what it was after the last round, as an import with nothing to change must leave it);
- members: 600 / 6,000 members with 3,000 tasks, through ``keyperson``.

Every command runs as its own process of the real command line (``python -m dxkit``), round after
round in alternation; printed as Markdown are the median wall time, the median user CPU time and the
peak resident memory of the child (``os.wait4``), and per command the growth ratio per 10× of size
(user time, or wall time where the system gives no user time, and memory; 1.0 is flat, 10 is linear).
Generated consortia are kept under ``--data`` (by default a folder in the system's temporary folder),
so a second run does not generate them again.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate_scale  # noqa: E402

TODAY = "2026-10-01"
SEED = 7
# A marker written last: a folder without it was cut short and is generated again.
DONE = ".generated"


@dataclass
class Sample:
    wall: float
    user: float
    rss_kib: int


def consortium(data: Path, tasks: int, members: int) -> Path:
    """The generated consortium of that size, made once and kept under ``data``."""
    folder = data / f"t{tasks}-m{members}-s{SEED}"
    if not (folder / DONE).exists():
        folder.mkdir(parents=True, exist_ok=True)
        generate_scale(folder, tasks, members, SEED)
        (folder / DONE).write_text("", encoding="utf-8")
    return folder


def import_case(folder: Path, out: Path) -> Path:
    """A copy of the consortium in ``out`` and, inside it, the workbook ``export roles`` makes of it.

    ``import`` takes the file's lock (a lock file beside ``roles.yaml``) even when it has nothing
    to change, so it runs on the copy, never on the generated consortium.
    """
    copy = out / f"import-{folder.name}"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns(DONE))
    run_once(["export", "roles", str(copy), "-o", str(copy / "roles.xlsx"), "--today", TODAY, "--lang", "ja"])
    return copy


def unchanged_import(copy: Path, before: bytes) -> None:
    """Stop if the import of the unchanged workbook changed ``roles.yaml``: then it measured a write."""
    if (copy / "roles.yaml").read_bytes() != before:
        raise SystemExit(f"import of an unchanged workbook changed {copy / 'roles.yaml'}")


def commands(folder: Path, out: Path, series: str, copy: Path | None = None) -> dict[str, list[str]]:
    """The command lines measured on one consortium (outputs go to ``out``, never into ``folder``).

    ``copy`` is the consortium's copy made by :func:`import_case` that ``import`` writes into.
    """
    common = ["--today", TODAY, "--lang", "ja"]
    if series == "members":
        return {"keyperson": ["keyperson", str(folder), "--format", "json", *common]}
    imported: dict[str, list[str]] = {}
    if copy is not None:
        workbook, into = str(copy / "roles.xlsx"), str(copy / "roles.yaml")
        imported = {"import (no change)": ["import", workbook, "--into", into, "--lang", "ja"]}
    return {
        "validate": ["validate", str(folder), "--format", "json", "--exit-zero", *common],
        "status": ["status", str(folder), *common],
        "keyperson": ["keyperson", str(folder), "--format", "json", *common],
        "export roles (xlsx)": ["export", "roles", str(folder), "-o", str(out / "roles.xlsx"), "--overwrite", *common],
        "export roles -f ics": [
            "export",
            "roles",
            str(folder),
            "-f",
            "ics",
            "-o",
            str(out / "roles.ics"),
            "--overwrite",
            *common,
        ],
        "site build": ["site", "build", str(folder), "--out", str(out / "site"), *common],
        **imported,
    }


def run_once(argv: list[str]) -> Sample:
    """Run one command to its end; its wall time, user CPU time and peak RSS (KiB on Linux)."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "dxkit", *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait4 = getattr(os, "wait4", None)
    if wait4 is None:  # Windows: no rusage of a child; time only
        _, err = child.communicate()
        code, user, rss = child.returncode, 0.0, 0
    else:
        assert child.stderr is not None
        err = child.stderr.read()
        _, status, usage = wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        code, user, rss = child.returncode, usage.ru_utime, usage.ru_maxrss
    wall = time.perf_counter() - start
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} ended with {code}:\n{err.decode('utf-8', 'replace')[-2000:]}")
    return Sample(wall, user, rss)


def measure(cases: dict[int, dict[str, list[str]]], rounds: int) -> dict[str, dict[int, list[Sample]]]:
    """Every command at every size, in alternation, ``rounds`` times."""
    results: dict[str, dict[int, list[Sample]]] = {}
    for _ in range(rounds):
        for size, named in cases.items():
            for name, argv in named.items():
                results.setdefault(name, {}).setdefault(size, []).append(run_once(argv))
    return results


def growth(small: float, large: float, ratio: float) -> str:
    """``large / small`` brought to a 10× step in size (``ratio`` is how many times larger the size is)."""
    if small <= 0 or large <= 0 or ratio <= 1:
        return "—"
    return f"{(large / small) ** (1 / math.log10(ratio)):.1f}"


def table(title: str, unit: str, results: dict[str, dict[int, list[Sample]]]) -> str:
    sizes = sorted({size for per_size in results.values() for size in per_size})
    head = " | ".join(f"{size:,} {unit}: median s / user s / peak MiB" for size in sizes)
    lines = [
        f"### {title}",
        "",
        f"| command | {head} | growth per 10× (user time / memory) |",
        "|---|" + "---|" * len(sizes) + "---|",
    ]
    for name, per_size in results.items():
        cells = []
        medians: list[tuple[int, float, float]] = []
        for size in sizes:
            samples = per_size[size]
            wall = statistics.median(s.wall for s in samples)
            user = statistics.median(s.user for s in samples)
            rss = max(s.rss_kib for s in samples) / 1024
            # User CPU time grows with the work alone; wall time also with whatever else the machine runs.
            medians.append((size, user or wall, rss))
            cells.append(f"{wall:.2f} / {user:.2f} / {rss:.0f}")
        (n0, t0, m0), (n1, t1, m1) = medians[0], medians[-1]
        step = n1 / n0 if n0 else 0
        lines.append(f"| `{name}` | " + " | ".join(cells) + f" | {growth(t0, t1, step)} / {growth(m0, m1, step)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tasks", type=int, nargs="+", default=[300, 3000, 10_000])
    parser.add_argument("--members", type=int, nargs="+", default=[600, 6000])
    parser.add_argument("--series-members", type=int, default=600, help="members in the tasks series")
    parser.add_argument("--series-tasks", type=int, default=3000, help="tasks in the members series")
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(tempfile.gettempdir()) / "dxkit-scale",
        help="where generated consortia are kept between runs",
    )
    args = parser.parse_args(argv)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; {args.rounds} rounds, alternating; --today {TODAY}\n"
    )
    with tempfile.TemporaryDirectory(prefix="dxkit-scale-out-") as tmp:
        out = Path(tmp)
        by_tasks = {}
        copies: dict[Path, bytes] = {}
        for n in sorted(args.tasks):
            folder = consortium(args.data, n, args.series_members)
            copy = import_case(folder, out)
            copies[copy] = (copy / "roles.yaml").read_bytes()
            by_tasks[n] = commands(folder, out, "tasks", copy)
        by_members = {
            n: commands(consortium(args.data, args.series_tasks, n), out, "members") for n in sorted(args.members)
        }
        tasks_series = measure(by_tasks, args.rounds)
        for copy, before in copies.items():
            unchanged_import(copy, before)
        print(table(f"Tasks ({args.series_members:,} members)", "tasks", tasks_series))
        print()
        print(table(f"Members ({args.series_tasks:,} tasks)", "members", measure(by_members, args.rounds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
