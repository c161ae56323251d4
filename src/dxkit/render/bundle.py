"""Zip a built site into an offline bundle that works when opened from ``file://``.

    python -m dxkit.render.bundle SITE_DIR OUT.zip

Everything sits under one top-level folder, so unzipping never scatters files; the
bundle's ``index.html`` opens the site. Entries are sorted and dated like the files,
so the same site gives the same bundle.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path


def zip_site(site: Path, out: Path, folder: str = "dxkit-guidebook") -> Path:
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site} has no index.html; build the site first")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(out.suffix + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            archive.write(path, f"{folder}/{path.relative_to(site).as_posix()}")
    partial.replace(out)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m dxkit.render.bundle SITE_DIR OUT.zip", file=sys.stderr)
        return 2
    try:
        out = zip_site(Path(args[0]), Path(args[1]))
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"wrote {out} ({out.stat().st_size / 1_048_576:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
