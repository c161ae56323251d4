"""Time dxkit against check-jsonschema and the YAML parse floor, on the same files, in one run.

    python benchmarks/run.py [--consortia 1000] [--invalid 100] [--rounds 5]

Commands are run in alternation, round after round, so a slow moment of the machine hits all
of them alike. Printed: min / median / max wall time, the median CPU time (user + system, of
every process a command started), the ratios dxkit ÷ check-jsonschema and dxkit ÷ parse floor
(of wall times), peak memory, and cold-start times. ``dxkit validate`` checks many consortium
folders with one process per core; ``--jobs 1`` shows the same work in one process. check-jsonschema is installed (with
ruamel.yaml.clib, its fastest setup) into ``benchmarks/.peer-venv`` on first use.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

KINDS = ("consortium", "members", "roles", "gates", "issues", "retrospective")
PATTERNS = {"retrospective": "retrospectives/*.yaml"}
PEER_PACKAGES = ["check-jsonschema", "ruamel.yaml.clib"]
FLOOR = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as handle:\n"
    "        yaml.load(handle.read(), Loader=yaml.CSafeLoader)\n"
)


def peer_venv(path: Path) -> Path:
    bindir = path / "bin"
    if not (bindir / "check-jsonschema").exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(path)
        subprocess.run(
            [str(bindir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PEER_PACKAGES],
            check=True,
        )
    return bindir


def files_of(data: Path, kind: str) -> list[str]:
    pattern = PATTERNS.get(kind, f"{kind}.yaml")
    return sorted(str(p) for p in data.glob(f"*/{pattern}"))


def timed(cmd: list[list[str]]) -> tuple[float, int, float]:
    """Wall time of running the commands one after the other, the largest peak RSS (KiB), and the
    CPU time (user + system, seconds) of the commands and every process they started."""
    gnu_time = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    peak = 0
    cpu = 0.0
    start = time.perf_counter()
    for argv in cmd:
        if gnu_time:
            with tempfile.NamedTemporaryFile("r") as out:
                subprocess.run(
                    [gnu_time, "-f", "%M %U %S", "-o", out.name, *argv],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    check=False,
                )
                text = out.read().strip().splitlines()
                fields = text[-1].split() if text else []
                if len(fields) == 3 and fields[0].isdigit():
                    peak = max(peak, int(fields[0]))
                    cpu += float(fields[1]) + float(fields[2])
        else:
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, peak, cpu


def measure(commands: dict[str, list[list[str]]], rounds: int) -> dict[str, dict[str, float]]:
    samples: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, int] = {name: 0 for name in commands}
    for _ in range(rounds):
        for name, cmd in commands.items():
            seconds, peak, cpu = timed(cmd)
            samples[name].append(seconds)
            cpus[name].append(cpu)
            peaks[name] = max(peaks[name], peak)
    return {
        name: {
            "min": min(s),
            "median": statistics.median(s),
            "max": max(s),
            "rss_mib": peaks[name] / 1024,
            "cpu": statistics.median(cpus[name]),
        }
        for name, s in samples.items()
    }


def show(title: str, results: dict[str, dict[str, float]], base: str | None, floor: str | None) -> None:
    print(f"\n{title}")
    head = f"{'command':<32}{'min s':>8}{'median s':>10}{'max s':>8}{'CPU s':>8}{'peak MiB':>10}"
    print(f"{head}{'÷ peer':>9}{'÷ floor':>9}")
    for name, r in results.items():
        vs_peer = f"{r['median'] / results[base]['median']:.2f}" if base and name != base else ""
        vs_floor = f"{r['median'] / results[floor]['median']:.2f}" if floor and name != floor else ""
        print(
            f"{name:<32}{r['min']:>8.3f}{r['median']:>10.3f}{r['max']:>8.3f}{r['cpu']:>8.2f}{r['rss_mib']:>10.1f}"
            f"{vs_peer:>9}{vs_floor:>9}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consortia", type=int, default=1000)
    parser.add_argument("--invalid", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--data", type=Path, default=None, help="where to generate (default: a temporary folder)")
    parser.add_argument("--peer-venv", type=Path, default=HERE / ".peer-venv")
    parser.add_argument(
        "--peer-in-env",
        action="store_true",
        help="use the check-jsonschema installed beside this Python (the smoke test does)",
    )
    args = parser.parse_args(argv)

    dxkit = str(Path(sys.executable).with_name("dxkit"))
    if args.peer_in_env:
        peer = str(Path(sys.executable).with_name("check-jsonschema"))
    else:
        peer = str(peer_venv(args.peer_venv) / "check-jsonschema")
    peer_version = subprocess.run([peer, "--version"], capture_output=True, text=True).stdout.strip()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    print(
        f"dxkit: {subprocess.run([dxkit, '--version'], capture_output=True, text=True).stdout.strip()}; "
        f"peer: {peer_version}"
    )

    with tempfile.TemporaryDirectory(prefix="dxkit-bench-") as tmp:
        data = args.data or Path(tmp) / "data"
        if not data.exists():
            generate(data, args.consortia, args.invalid, seed=7)
        files = {kind: files_of(data, kind) for kind in KINDS}
        total = sum(len(v) for v in files.values())
        schemas = ROOT / "schemas"
        common = ["--today", "2026-10-01", "--format", "json"]
        commands = {
            "dxkit validate": [[dxkit, "validate", str(data), *common]],
            "dxkit validate --jobs 1": [[dxkit, "validate", str(data), "--jobs", "1", *common]],
            "dxkit validate (schema)": [[dxkit, "validate", str(data), "--select", "DX0", *common]],
            "check-jsonschema": [
                [peer, "--schemafile", str(schemas / f"{kind}.schema.json"), *files[kind]] for kind in KINDS
            ],
            "parse floor (C loader)": [[sys.executable, "-c", FLOOR, *(f for kind in KINDS for f in files[kind])]],
        }
        print(
            f"data: {args.consortia} consortia, {total} files, {args.invalid} planted errors; "
            f"{args.rounds} rounds, alternating"
        )
        show("Validating every file", measure(commands, args.rounds), "check-jsonschema", "parse floor (C loader)")

        small = ROOT / "examples" / "shiomi" / "ja"
        small_files = {kind: [str(p) for p in sorted(small.glob(PATTERNS.get(kind, f"{kind}.yaml")))] for kind in KINDS}
        cold = {
            "dxkit --version": [[dxkit, "--version"]],
            "check-jsonschema --version": [[peer, "--version"]],
            "dxkit validate (12 files)": [[dxkit, "validate", str(small), *common]],
            "check-jsonschema (12 files)": [
                [peer, "--schemafile", str(schemas / f"{kind}.schema.json"), *small_files[kind]]
                for kind in KINDS
                if small_files[kind]
            ],
        }
        results = measure(cold, max(args.rounds, 5))
        print("\nCold start")
        print(f"{'command':<30}{'min s':>8}{'median s':>10}{'max s':>8}")
        for name, r in results.items():
            print(f"{name:<30}{r['min']:>8.3f}{r['median']:>10.3f}{r['max']:>8.3f}")
        version_ratio = results["dxkit --version"]["median"] / results["check-jsonschema --version"]["median"]
        small_ratio = results["dxkit validate (12 files)"]["median"] / results["check-jsonschema (12 files)"]["median"]
        print(f"\ndxkit --version ÷ check-jsonschema --version: {version_ratio:.2f}")
        print(f"dxkit validate ÷ check-jsonschema on a 12-file consortium: {small_ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
