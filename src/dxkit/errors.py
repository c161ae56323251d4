"""The one hierarchy of expected failures.

Every error carries a message id and parameters so that it can be shown in either
language; ``str(err)`` gives the Japanese text, ``err.message("en")`` the English.
The CLI maps every ``DxkitError`` to a message and an exit code in one place.
"""

from __future__ import annotations

from typing import Any

from dxkit.i18n import DEFAULT_LANG, translate


class DxkitError(Exception):
    """An expected failure with a message for the user."""

    exit_code = 2

    def __init__(self, msg_id: str, **params: Any) -> None:
        super().__init__(msg_id)
        self.msg_id = msg_id
        self.params = params

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return translate(self.msg_id, lang, **self.params)

    def __str__(self) -> str:
        return self.message(DEFAULT_LANG)


class UsageError(DxkitError):
    """The command was asked for something it cannot do (exit 2)."""


class ScaffoldConflict(DxkitError):
    """Writing would destroy something; nothing was written (exit 2)."""


class TemplateError(DxkitError):
    """A toolkit template is broken; a bug in dxkit or in a custom toolkit (exit 2)."""
