"""Build offline install bundles: dxkit and every dependency as wheels, per platform and Python.

    python scripts/bundle.py [--platform win_amd64|linux_x86_64]... [--python 3.11]... [--out DIR] [--check]

Each bundle is ``OUT/<platform>-py3XX/`` with ``wheelhouse/`` (dxkit's own wheel, built with the
site's browser scripts inside so that ``dxkit site build`` never needs npm, and every dependency of
``dxkit[site]`` as a binary wheel), ``SHA256SUMS`` and ``INSTALL.txt`` (Japanese, then English).
``--check`` only asks the package index whether every dependency has a wheel for each platform and
Python, and fails naming the first package that has none. Wheels come from ``pip download
--only-binary=:all:``, so no package is ever built from source on the user's PC. A dependency the index
offers only as source is built here into a wheel, and taken only if that wheel is pure Python
(``none-any``, the same file for every platform); one that compiles code fails the bundle, named.
Last, ``dxkit[site]`` is resolved from the finished wheelhouse alone (``--no-index``), as the PC will.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from packaging.markers import Marker  # noqa: E402
from packaging.requirements import Requirement  # noqa: E402
from packaging.utils import canonicalize_name  # noqa: E402

from dxkit.errors import DxkitError  # noqa: E402
from dxkit.i18n import resolve_lang, translate  # noqa: E402
from dxkit.render.assets import vendor_into  # noqa: E402


@dataclass(frozen=True)
class Platform:
    name: str
    #: pip's ``--platform`` tags; pip widens a manylinux tag to the older ones it implies.
    tags: tuple[str, ...]
    guide: str
    newline: str
    #: Environment markers of the platform (pip judges ``; sys_platform == "win32"`` by the machine it runs on).
    markers: dict[str, str]

    def environment(self, python: str) -> dict[str, str]:
        return {
            **self.markers,
            "python_version": python,
            "python_full_version": f"{python}.0",
            "implementation_name": "cpython",
            "implementation_version": f"{python}.0",
            "platform_python_implementation": "CPython",
        }


PLATFORMS = {
    "win_amd64": Platform(
        "win_amd64",
        ("win_amd64",),
        "bundle.guide_windows",
        "\r\n",
        {"os_name": "nt", "sys_platform": "win32", "platform_system": "Windows", "platform_machine": "AMD64"},
    ),
    "linux_x86_64": Platform(
        "linux_x86_64",
        ("manylinux_2_28_x86_64", "manylinux2014_x86_64"),
        "bundle.guide_linux",
        "\n",
        {"os_name": "posix", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64"},
    ),
}
PYTHONS = ("3.11", "3.12", "3.13")
#: What a person installs; the extra brings MkDocs for ``dxkit site build``.
EXTRA = "site"
#: The parts of the repository a wheel is built from (pyproject.toml names the rest).
SOURCES = ("src", "schemas", "toolkits", "pyproject.toml", "README.md", "LICENSE")
GUIDE = "INSTALL.txt"


class BundleError(Exception):
    """A bundle could not be made; the message says which package, platform and Python."""


class NoWheel(Exception):
    """The package index has no wheel of ``requirement`` for the platform and Python."""

    def __init__(self, requirement: str, platform: str, python: str) -> None:
        super().__init__(requirement)
        self.requirement = requirement
        self.name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
        self.platform = platform
        self.python = python

    def error(self, lang: str) -> BundleError:
        return BundleError(
            translate("bundle.no_wheel", lang, package=self.name, platform=self.platform, python=self.python)
        )


def resolve(wheel: Path, platform: Platform, python: str, work: Path, lang: str) -> Path:
    """Which packages ``dxkit[site]`` installs on ``platform`` (pip's JSON report), every one from a wheel.

    A package offered only as source is built into ``work/local``; its wheel is kept only if it is pure
    Python. Anything else (or a package with neither) raises :class:`BundleError` naming the package.
    """
    local = work / "local"
    local.mkdir(exist_ok=True)
    report = work / f"report-{platform.name}-{python}.json"
    tried: set[str] = set()
    more: list[str] = []
    while True:
        try:
            _pip(
                [
                    "install",
                    "--dry-run",
                    "--ignore-installed",
                    "--quiet",
                    "--target",
                    str(work / "target"),
                    "--report",
                    str(report),
                    *_target(platform, python, local),
                    f"{wheel}[{EXTRA}]",
                    *more,
                ],
                platform.name,
                python,
                lang,
            )
        except NoWheel as missing:
            if missing.name.lower() in tried:
                raise missing.error(lang) from None
            tried.add(missing.name.lower())
            built = work / "built"
            try:
                _pip(["wheel", "--no-deps", "--wheel-dir", str(built), missing.requirement], "any", "-", lang)
            except (NoWheel, BundleError):
                raise missing.error(lang) from None
            for made in sorted(built.glob("*.whl")):
                if not made.name.endswith("-none-any.whl"):
                    raise missing.error(lang) from None
                shutil.move(str(made), local / made.name)
                say(lang, "bundle.pure", package=missing.name)
            continue
        wanted = unmet(json.loads(report.read_text(encoding="utf-8"))["install"], platform.environment(python))
        if not wanted:
            return report
        if set(wanted) <= set(more):
            raise BundleError(
                translate("bundle.no_wheel", lang, package=wanted[0], platform=platform.name, python=python)
            )
        more = sorted(set(more) | set(wanted))


def unmet(installs: list[dict[str, Any]], environment: dict[str, str]) -> list[str]:
    """Requirements that hold on the target platform but that pip, judging by this machine, left out."""
    have = {canonicalize_name(item["metadata"]["name"]) for item in installs}
    wanted = []
    for item in installs:
        extras = ["", *item.get("requested_extras", [])]
        if canonicalize_name(item["metadata"]["name"]) == "dxkit":
            extras.append(EXTRA)
        for text in item["metadata"].get("requires_dist", []):
            requirement = Requirement(text)
            if canonicalize_name(requirement.name) in have or requirement.marker is None:
                continue
            if any(_holds(requirement.marker, {**environment, "extra": extra}) for extra in extras):
                requirement.marker = None
                wanted.append(str(requirement))
    return sorted(set(wanted))


def _holds(marker: Marker, environment: dict[str, str]) -> bool:
    return marker.evaluate(environment)


def say(lang: str, msg_id: str, **params: object) -> None:
    print(translate(msg_id, lang, **params), flush=True)


def build_wheel(work: Path, lang: str) -> Path:
    """dxkit's wheel from a copy of the sources, with the site's scripts in ``dxkit/_data/vendor``."""
    say(lang, "bundle.wheel")
    tree = work / "tree"
    tree.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, tree / name)
    vendor_into(tree / "src" / "dxkit" / "_data" / "vendor")
    out = work / "wheel"
    _pip(["wheel", "--no-deps", "--wheel-dir", str(out), str(tree)], "any", "-", lang)
    wheels = sorted(out.glob("dxkit-*.whl"))
    if len(wheels) != 1:
        raise BundleError(f"expected one dxkit wheel in {out}, found {[w.name for w in wheels]}")
    return wheels[0]


def _target(platform: Platform, python: str, local: Path | None = None) -> list[str]:
    flags = ["--only-binary=:all:", "--implementation", "cp", "--python-version", python]
    for tag in platform.tags:
        flags += ["--platform", tag]
    return flags if local is None else [*flags, "--find-links", str(local)]


def _pip(args: list[str], platform: str, python: str, lang: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    if done.returncode != 0:
        missing = re.search(r"No matching distribution found for (\S+)", done.stderr)
        if missing:
            raise NoWheel(missing.group(1), platform, python)
        detail = (done.stderr.strip() or done.stdout.strip())[-1500:]
        raise BundleError(translate("bundle.pip_failed", lang, platform=platform, python=python, detail=detail))
    return done.stdout


def check(wheel: Path, platform: Platform, python: str, work: Path, lang: str) -> int:
    """How many packages resolve to wheels for ``platform`` and ``python``; fails naming one that does not."""
    say(lang, "bundle.check", platform=platform.name, python=python)
    report = resolve(wheel, platform, python, work, lang)
    installs = json.loads(report.read_text(encoding="utf-8"))["install"]
    for item in installs:
        url = item["download_info"]["url"]
        if not url.endswith(".whl"):
            name = item["metadata"]["name"]
            raise BundleError(translate("bundle.no_wheel", lang, package=name, platform=platform.name, python=python))
    say(lang, "bundle.checked", platform=platform.name, python=python, count=len(installs))
    return len(installs)


def bundle(wheel: Path, platform: Platform, python: str, out: Path, work: Path, lang: str) -> Path:
    """Write ``out/<platform>-py3XX/`` with its wheelhouse, SHA256SUMS and guide."""
    check(wheel, platform, python, work, lang)
    folder = out / f"{platform.name}-py{python.replace('.', '')}"
    wheelhouse = folder / "wheelhouse"
    say(lang, "bundle.download", folder=folder, platform=platform.name, python=python)
    if wheelhouse.is_dir():
        shutil.rmtree(wheelhouse)  # a bundle is made whole each time, never topped up
    wheelhouse.mkdir(parents=True)
    _pip(
        [
            "download",
            "--quiet",
            "--dest",
            str(wheelhouse),
            *_target(platform, python, work / "local"),
            f"{wheel}[{EXTRA}]",
        ],
        platform.name,
        python,
        lang,
    )
    if not (wheelhouse / wheel.name).is_file():
        shutil.copy2(wheel, wheelhouse / wheel.name)
    strays = sorted(p.name for p in wheelhouse.iterdir() if p.suffix != ".whl")
    if strays:
        raise BundleError(translate("bundle.no_wheel", lang, package=strays[0], platform=platform.name, python=python))
    installable_offline(wheelhouse, platform, python, work, lang)
    wheels = sorted(wheelhouse.glob("*.whl"))
    guide = "\n".join(translate(platform.guide, code, python=python) for code in ("ja", "en"))
    (folder / GUIDE).write_text(guide.replace("\n", platform.newline), encoding="utf-8", newline="")
    lines = [
        f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(folder).as_posix()}"
        for path in [*wheels, folder / GUIDE]
    ]
    (folder / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    say(lang, "bundle.done", folder=folder, count=len(wheels), guide=GUIDE)
    return folder


def installable_offline(wheelhouse: Path, platform: Platform, python: str, work: Path, lang: str) -> None:
    """Resolve ``dxkit[site]`` from ``wheelhouse`` alone, as the PC will; fails naming what is missing."""
    report = work / f"offline-{platform.name}-{python}.json"
    _pip(
        [
            "install",
            "--dry-run",
            "--ignore-installed",
            "--quiet",
            "--no-index",
            "--find-links",
            str(wheelhouse),
            "--target",
            str(work / "target"),
            "--report",
            str(report),
            *_target(platform, python),
            f"dxkit[{EXTRA}]",
        ],
        platform.name,
        python,
        lang,
    )
    wanted = unmet(json.loads(report.read_text(encoding="utf-8"))["install"], platform.environment(python))
    if wanted:
        raise BundleError(translate("bundle.no_wheel", lang, package=wanted[0], platform=platform.name, python=python))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bundle", description=__doc__.splitlines()[0])
    parser.add_argument("--platform", action="append", choices=sorted(PLATFORMS), help="default: all")
    parser.add_argument("--python", action="append", choices=PYTHONS, help="default: 3.11, 3.12 and 3.13")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "bundle")
    parser.add_argument("--check", action="store_true", help="only check that every dependency has a wheel")
    parser.add_argument("--lang", choices=("ja", "en"))
    args = parser.parse_args(argv)
    lang = resolve_lang(args.lang)
    platforms = [PLATFORMS[name] for name in args.platform or sorted(PLATFORMS)]
    pythons = args.python or list(PYTHONS)
    try:
        with tempfile.TemporaryDirectory(prefix="dxkit-bundle-") as tmp:
            work = Path(tmp)
            wheel = build_wheel(work, lang)
            for platform in platforms:
                for python in pythons:
                    if args.check:
                        check(wheel, platform, python, work, lang)
                    else:
                        bundle(wheel, platform, python, args.out.resolve(), work, lang)
    except BundleError as exc:
        print(exc, file=sys.stderr)
        return 1
    except NoWheel as exc:
        print(exc.error(lang), file=sys.stderr)
        return 1
    except DxkitError as exc:  # npm missing to fetch the site's scripts, a file that cannot be written
        print(exc.message(lang), file=sys.stderr)
        return 2
    except OSError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
