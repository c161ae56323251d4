"""Lighthouse performance of the guidebook and of a consortium's site, served compressed on 127.0.0.1.

    python benchmarks/lighthouse.py                       # builds both sites, 3 runs per page
    python benchmarks/lighthouse.py --guidebook site --site /tmp/shiomi-site --runs 5

Lighthouse is pinned to one exact 12.x version in ``benchmarks/.lighthouse/package.json`` (with its
``package-lock.json``) and installed there with ``npm ci`` on the first run. Each page is audited N times with
Debian's Chromium (``CHROME_PATH=/usr/bin/chromium``, ``--headless=new --no-sandbox``), performance only, with
Lighthouse's defaults: the mobile form factor and simulated throttling. The sites are served by
``benchmarks/serve.py``, which compresses text as any web server does.

Pages: the home page and a page with a diagram of each site (the guidebook's stage gates, drawn by
mermaid; the consortium site's role matrix with its Gantt charts and its members page with the network).
Prints a Markdown table of the median run per page (score, FCP, LCP, TBT, CLS, bytes transferred, and
Lighthouse's benchmark index of the machine in that run: simulated throttling scales the CPU time it
observes, so a machine busy with other work shows a lower index and a longer TBT).

It needs no internet once Lighthouse is installed: every request of every run is read back from the report
and the run fails if one left 127.0.0.1.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from serve import serve  # noqa: E402

TOOL = HERE / ".lighthouse"
CHROMIUM = "/usr/bin/chromium"
#: The example the consortium site is built from, and the date its deadlines are judged against.
EXAMPLE = ROOT / "examples" / "shiomi" / "ja"
TODAY = "2026-10-01"
GUIDEBOOK_PAGES = ("index.html", "projects/stage-gates.html")
SITE_PAGES = ("index.html", "roles.html", "members.html")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"


def lighthouse_bin() -> Path:
    return TOOL / "node_modules" / ".bin" / ("lighthouse.cmd" if os.name == "nt" else "lighthouse")


def install() -> str:
    """``npm ci`` the pinned Lighthouse unless it is there already; returns its version."""
    package = TOOL / "node_modules" / "lighthouse" / "package.json"
    pinned: str = json.loads((TOOL / "package.json").read_text(encoding="utf-8"))["dependencies"]["lighthouse"]
    installed = json.loads(package.read_text(encoding="utf-8"))["version"] if package.is_file() else None
    if installed != pinned:
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("npm is missing (Debian: apt-get install npm)")
        print(f"installing Lighthouse {pinned} into {TOOL} (npm ci)", file=sys.stderr, flush=True)
        subprocess.run(
            [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TOOL, check=True
        )
    return pinned


def build_guidebook(out: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return out


def build_site(folder: Path, out: Path) -> Path:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    subprocess.run(
        [sys.executable, "-m", "dxkit", "site", "build", str(folder), "--out", str(out), "--today", TODAY],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out


@dataclasses.dataclass(frozen=True)
class Run:
    version: str
    score: float
    fcp: float  # ms
    lcp: float  # ms
    tbt: float  # ms
    cls: float
    bytes: int
    requests: tuple[str, ...]
    benchmark_index: float  # Lighthouse's measure of the machine's speed at the start of the run


def audit(url: str, report: Path) -> Run:
    """One Lighthouse run on ``url``: its performance numbers and every URL it requested."""
    argv = [
        str(lighthouse_bin()),
        url,
        "--only-categories=performance",
        f"--chrome-flags={CHROME_FLAGS}",
        "--output=json",
        f"--output-path={report}",
        "--disable-full-page-screenshot",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise SystemExit(f"Lighthouse could not audit {url}: {data['runtimeError']}")
    audits = data["audits"]
    requests = [item["url"] for item in audits["network-requests"]["details"]["items"]]
    return Run(
        version=str(data["lighthouseVersion"]),
        score=float(data["categories"]["performance"]["score"]),
        fcp=float(audits["first-contentful-paint"]["numericValue"]),
        lcp=float(audits["largest-contentful-paint"]["numericValue"]),
        tbt=float(audits["total-blocking-time"]["numericValue"]),
        cls=float(audits["cumulative-layout-shift"]["numericValue"]),
        bytes=int(audits["total-byte-weight"]["numericValue"]),
        requests=tuple(requests),
        benchmark_index=float(data.get("environment", {}).get("benchmarkIndex", 0)),
    )


def outside(requests: tuple[str, ...]) -> list[str]:
    """Requests that left the machine (data: and the like stay)."""
    parts = [(u, urlsplit(u)) for u in requests]
    local = ("127.0.0.1", "localhost")
    return [u for u, p in parts if p.scheme in ("http", "https", "ws", "wss") and p.hostname not in local]


def median_run(runs: list[Run]) -> Run:
    """The run with the median score (Lighthouse's own advice: report one whole run, not a mix of runs)."""
    ordered = sorted(runs, key=lambda r: (r.score, -r.lcp))
    return ordered[(len(ordered) - 1) // 2]


def row(name: str, runs: list[Run]) -> str:
    m = median_run(runs)
    scores = ", ".join(f"{r.score:.2f}" for r in runs)
    return (
        f"| {name} | **{m.score:.2f}** ({scores}) | {m.fcp / 1000:.2f} s | {m.lcp / 1000:.2f} s "
        f"| {m.tbt:.0f} ms | {m.cls:.3f} | {m.bytes:,} | {m.benchmark_index:.0f} |"
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Lighthouse performance (mobile, simulated throttling) of both sites, served compressed."
    )
    parser.add_argument("--guidebook", type=Path, help="a built guidebook (default: build one with mkdocs)")
    parser.add_argument("--site", type=Path, help="a built consortium site (default: build examples/shiomi/ja)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (default 3)")
    parser.add_argument("--reports", type=Path, help="keep every run's Lighthouse JSON report in this folder")
    parser.add_argument("--skip-guidebook", action="store_true", help="audit the consortium site only")
    parser.add_argument("--skip-site", action="store_true", help="audit the guidebook only")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    for name in ("guidebook", "site"):
        folder = getattr(args, name)
        if folder is not None and not (folder / "index.html").is_file():
            parser.error(f"--{name}: not a built site (no index.html): {folder}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing (Debian: apt-get install chromium)")
    started = time.perf_counter()
    version = install()
    with tempfile.TemporaryDirectory(prefix="dxkit-lighthouse-") as tmp:
        work = Path(tmp)
        sites: list[tuple[str, Path, tuple[str, ...]]] = []
        if not args.skip_guidebook:
            guidebook = args.guidebook or build_guidebook(work / "guidebook")
            sites.append(("guidebook", guidebook, GUIDEBOOK_PAGES))
        if not args.skip_site:
            site = args.site or build_site(EXAMPLE, work / "site")
            sites.append(("consortium site", site, SITE_PAGES))
        lines = [
            "| page | performance (median; every run) | FCP | LCP | TBT | CLS | bytes transferred | benchmark index |",
            "|---|---|---|---|---|---|---|---|",
        ]
        leaked: list[str] = []
        seen_version = version
        for label, folder, pages in sites:
            with serve(folder) as base:
                for page in pages:
                    runs = []
                    for n in range(args.runs):
                        print(f"{label} {page}: run {n + 1}/{args.runs}", file=sys.stderr, flush=True)
                        runs.append(audit(base + page, work / "report.json"))
                        if args.reports is not None:
                            args.reports.mkdir(parents=True, exist_ok=True)
                            name = f"{label.split()[0]}-{page.replace('/', '-').removesuffix('.html')}-{n + 1}.json"
                            shutil.copyfile(work / "report.json", args.reports / name)
                    leaked += [u for r in runs for u in outside(r.requests)]
                    seen_version = runs[0].version
                    lines.append(row(f"{label}: `{page}`", runs))
    print(f"Lighthouse {seen_version}, {CHROMIUM}, mobile, simulated throttling, {args.runs} runs per page\n")
    print("\n".join(lines))
    print(f"\n{time.perf_counter() - started:.0f} s in all")
    if leaked:
        print(f"requests left 127.0.0.1: {sorted(set(leaked))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
