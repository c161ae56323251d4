"""The one edit layer: every command that changes a person's file goes through it.

(Decision and measurements are filled in below.)
"""

from __future__ import annotations

from dxkit.editing.editor import Edited, Editor, editor_for
from dxkit.editing.files import load_checked, write_edit
from dxkit.editing.render import InvalidEdit

__all__ = ["Edited", "Editor", "InvalidEdit", "editor_for", "load_checked", "write_edit"]
