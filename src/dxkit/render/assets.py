"""Browser scripts that the built sites host themselves, fetched from the npm registry.

Sites built by dxkit must work inside closed networks, so no page may load a script from a
CDN. Each script is taken from its npm package with ``npm pack`` (pinned version, checked
against its registry integrity hash) and cached locally.

A site ships one: iframe-worker, which lets search work from ``file://``. An offline install
bundle (``scripts/bundle.sh``) builds dxkit's wheel with it inside (``dxkit/_data/vendor/``); an
installation that has it never runs npm. It is checked against the SHA-256 of the file itself
before it is used. mermaid is pinned here too, but no site loads it: only
``scripts/diagrams.py`` uses it, to draw the guidebook's diagrams ahead of time
(:mod:`dxkit.render.diagrams`), so the bundle does not carry it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dxkit._resources import vendor_dir
from dxkit.errors import MissingTool
from dxkit.writing import write_atomic


@dataclass(frozen=True)
class NpmAsset:
    package: str
    version: str
    integrity: str
    member: str
    #: SHA-256 of ``member`` itself, for the copy a bundled wheel carries.
    sha256: str

    @property
    def filename(self) -> str:
        return f"{self.package}-{self.version}-{Path(self.member).name}"


#: Used by ``scripts/diagrams.py`` only (the guidebook's drawings); no site and no bundle has it.
MERMAID = NpmAsset(
    package="mermaid",
    version="11.17.2",
    integrity="sha512-V6K3C8EBdEsPFZXSKMJe6ppQOENxuHARr9GvHX4hh47lAbhMRD9qf4oEK7LoaRQxULMa80/qt5gHO73aCleBBg==",
    member="package/dist/mermaid.min.js",
    sha256="581ed7d74bd9048d0e3a91363927d72ef22942d7722546b27f7cc29e35390eb8",
)

#: Lets search work from file:// (the offline bundle); Material's offline plugin expects it.
IFRAME_WORKER = NpmAsset(
    package="iframe-worker",
    version="1.0.4",
    integrity="sha512-roeaaI+Lg1LJNfgpCjoRe/+WzEjy9+Z08LoEvu85MCPbBjwm+qXz8Ag5U05lHa6V1CysZyGzE0SOkAtSUA5q7Q==",
    member="package/shim/index.js",
    sha256="e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609",
)

#: Every script a built site may host; an offline bundle carries all of them (mermaid is not one).
ALL_ASSETS: tuple[NpmAsset, ...] = (IFRAME_WORKER,)


class AssetError(MissingTool):
    """A self-hosted script could not be obtained; the message says what to do."""


def cache_dir() -> Path:
    base = os.environ.get("DXKIT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "dxkit"
    )
    return Path(base) / "vendor"


def _integrity(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


def bundled(asset: NpmAsset) -> Path | None:
    """The copy of ``asset`` inside this installation (an offline bundle's wheel), if there is one."""
    path = vendor_dir() / asset.filename
    if not path.is_file():
        return None
    if hashlib.sha256(path.read_bytes()).hexdigest() != asset.sha256:
        raise AssetError("bundle.vendored_mismatch", file=str(path))
    return path


def ensure(asset: NpmAsset) -> Path:
    """The file of ``asset``: the installation's own copy, else the cache, fetching and checking it on first use."""
    inside = bundled(asset)
    if inside is not None:
        return inside
    target = cache_dir() / asset.filename
    if target.is_file():
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise AssetError("assets.npm_missing", package=f"{asset.package} {asset.version}")
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            [npm, "pack", f"{asset.package}@{asset.version}", "--json", "--silent"],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            detail = result.stderr.strip()[-500:] or f"exit {result.returncode}"
            raise AssetError("assets.npm_failed", package=f"{asset.package}@{asset.version}", detail=detail)
        packed = json.loads(result.stdout)[0]
        tarball = Path(tmp) / packed["filename"]
        if _integrity(tarball) != asset.integrity:
            raise AssetError("assets.integrity", file=tarball.name, cache=str(cache_dir()))
        with tarfile.open(tarball, "r:gz") as archive:
            member = archive.extractfile(asset.member)
            if member is None:
                raise AssetError(
                    "assets.member_missing", member=asset.member, file=tarball.name, cache=str(cache_dir())
                )
            data = member.read()
    write_atomic(target, data)
    return target


def vendor_into(folder: Path) -> list[Path]:
    """Copy every site script into ``folder`` (for a wheel that needs no npm), checking each one."""
    written = []
    for asset in ALL_ASSETS:
        source = ensure(asset)
        data = source.read_bytes()
        if hashlib.sha256(data).hexdigest() != asset.sha256:
            raise AssetError("bundle.vendored_mismatch", file=str(source))
        target = folder / asset.filename
        write_atomic(target, data)
        written.append(target)
    return written
