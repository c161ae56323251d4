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

:func:`load_checked`, :func:`read_for_edit` and :func:`write_edit` read the file a command works
on and write the edit back: atomically, only when the result is valid for its schema and the file
still holds what was read, all while the command holds the file's lock
(:func:`dxkit.writing.locked`), so two dxkit commands never edit one file at once.

Why a position-based editor, and not ruamel.yaml's round trip
-------------------------------------------------------------
Measured with ``python benchmarks/edit_layer.py --rounds 2`` (2 cores shared with other work,
load average 2.2 falling to 1.0, Python 3.11, ruamel.yaml 0.19.1 with ``typ="rt"``,
``preserve_quotes``, a line width of 2**20 and indents mapping=2, sequence=4, offset=2; best of
two runs for (b), one for (a)):

==============================================  ========================  ======================
                                                (a) ruamel round trip     (b) this editor
==============================================  ========================  ======================
34 example and ``dxkit init`` files, unchanged  34 of 34 identical        untouched (no edit)
the same files, one scalar changed in each      1 line differs in each    1 line differs in each
10,000-task roles.yaml (3.67 MiB), no change    load 34.8 s, dump 19.4 s  0.00 s
the same file, 3 cells changed                  53.4 s, without a proof   2.6 s with the proof
==============================================  ========================  ======================

For scale: the strict loader alone reads that file in 2.9 s (0.9 s with the cyclic collector
paused, as the layer does while it parses); the editor takes 3.6 s when it reads the original
data itself instead of reusing the caller's; the whole ``dxkit import`` command with an exported
workbook takes 10.1 s with no change and 14.3 s with 3 changed cells.

Both keep every file dxkit ships or scaffolds byte for byte, so fidelity does not decide. Time
does: ruamel needs twenty times as long for a three-cell change, far more than the whole import
command, and its load alone is twelve times the strict loader's; a pre-commit hook or a CI job on
a large consortium would wait for it. ruamel would also put a second YAML reader, with its own
rules for what a file says, in the path of every edit, while the proof would still have to re-read
the result with the strict loader on top of it; and it would add a runtime dependency dxkit does
not have today. The editor costs code of its own, which the unit and property tests in
``tests/unit/test_edit*.py`` hold to the same promise on random edits of real and generated files.
"""

from __future__ import annotations

from dxkit.editing.editor import Edited, Editor, editor_for
from dxkit.editing.files import load_checked, read_for_edit, write_edit
from dxkit.editing.render import InvalidEdit

__all__ = ["Edited", "Editor", "InvalidEdit", "editor_for", "load_checked", "read_for_edit", "write_edit"]
