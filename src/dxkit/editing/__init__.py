"""The one edit layer: every command that changes a person's file goes through it.

``dxkit import`` and ``dxkit promote`` change files that people wrote by hand, with comments,
blank lines, their own quoting, CRLF or a byte-order mark. The editor composes the file's node
tree (libyaml, its own, independent of the reading loader), splices only the spans that change
(block and flow style alike), re-reads the result with the strict loader and compares it with
the intended data; any difference is an :class:`~dxkit.errors.EditError` and nothing is written.

Two ways were weighed with ``benchmarks/edit_layer.py`` (2 cores, Python 3.11, a busy machine):

* ruamel.yaml's round trip (``typ="rt"``, ``preserve_quotes``, wide lines, explicit indents)
  reproduces all 34 example and ``dxkit init`` files byte for byte, and a one-scalar change
  differs in one line, as this editor does; but on a 10,000-task ``roles.yaml`` (3.1 MiB) it
  took 38 s to load and 22 s to dump;
* this editor on the same shape of file (10,000 tasks, 3.67 MiB): three changed cells in 3.84 s
  when the command already holds the parsed file (as ``import`` does), 5.45 s reading its own
  base, with three lines differing; the strict loader alone took 3.85 s, 0.93 s with the cyclic
  garbage collector paused (the parsed tree has no cycles, see :func:`dxkit.editing.tree.no_gc`).

Same fidelity, an order of magnitude apart in time, and an editor that proves each edit: this
one was kept.
"""

from __future__ import annotations

from dxkit.editing.editor import Edited, Editor, editor_for
from dxkit.editing.files import load_checked, write_edit
from dxkit.editing.render import InvalidEdit

__all__ = ["Edited", "Editor", "InvalidEdit", "editor_for", "load_checked", "write_edit"]
