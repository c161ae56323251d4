"""Japanese and English messages.

Every user-facing text lives in :mod:`dxkit.i18n.catalog` under one id, with both
languages side by side so a missing translation is visible in review and caught by a test.
Japanese is the default: it is the language of the people dxkit is for.
"""

from __future__ import annotations

import os
from typing import Any

LANGS: tuple[str, ...] = ("ja", "en")
DEFAULT_LANG = "ja"


def resolve_lang(explicit: str | None = None) -> str:
    """The language to speak: an explicit choice, else ``DXKIT_LANG``, else Japanese."""
    for candidate in (explicit, os.environ.get("DXKIT_LANG")):
        if candidate:
            short = candidate.strip().lower()[:2]
            if short in LANGS:
                return short
    return DEFAULT_LANG


def translate(msg_id: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    from dxkit.i18n.catalog import MESSAGES

    entry = MESSAGES.get(msg_id)
    if entry is None:
        raise KeyError(f"no message {msg_id!r}")
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**params)


t = translate
