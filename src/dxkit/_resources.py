"""Locate the data folders (``schemas/``, ``toolkits/``) in a wheel or in a checkout.

A built wheel carries them as ``dxkit/_data/...``; an editable install or a plain
checkout does not, so we fall back to the repository's top-level folders.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the folder ``name`` (``"schemas"`` or ``"toolkits"``)."""
    bundled = _PACKAGE_DIR / "_data" / name
    if bundled.is_dir():
        return bundled
    checkout = _PACKAGE_DIR.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"dxkit data folder {name!r} is missing from this installation")


def vendor_dir() -> Path:
    """Where a bundled wheel carries the site's browser scripts (absent in a checkout or a plain wheel)."""
    return _PACKAGE_DIR / "_data" / "vendor"


def schemas_dir() -> Path:
    return data_dir("schemas")


def toolkits_dir() -> Path:
    return data_dir("toolkits")
