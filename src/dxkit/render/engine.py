"""The engines that build dxkit's sites (the guidebook and a consortium's own site).

Material for MkDocs is in maintenance and MkDocs 2 will not run it, so the engine is a setting:
MkDocs 1.x (the default) or ProperDocs, a continuation of MkDocs 1.x that runs the same theme,
plugins and hooks. This module holds only the names, so the command line can offer them without
loading any part of a build.
"""

from __future__ import annotations

from enum import StrEnum


class Engine(StrEnum):
    """What builds a site: ``mkdocs`` (MkDocs 1.x, the default) or ``properdocs``."""

    mkdocs = "mkdocs"
    properdocs = "properdocs"
