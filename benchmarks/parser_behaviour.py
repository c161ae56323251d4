"""How rapidyaml reads the inputs dxkit's loader makes promises about, beside what dxkit does today.

    python benchmarks/parser_behaviour.py              # needs rapidyaml (``parse.py --setup`` installs it)
    python benchmarks/parser_behaviour.py --fuzz 20000 # random YAML-like text: who reads, who refuses

For every case of ``tests/unit/test_loading.py`` and ``tests/cli/test_bad_input.py``, and the edge cases a
reading parser must survive (tabs, duplicate keys, 10,000 levels of nesting, alias bombs, a 5,000-digit
integer, ``0x1F``, ``1_000``, ``.inf``, ``012``, ``+1``, block scalars, flow style, several documents, empty
and comment-only files, CRLF, a BOM, NUL bytes, invalid UTF-8, raw control characters), one row says:

* dxkit: the value, or the message id with line:column that ``dxkit.loading`` gives;
* rapidyaml: its parse error and location, or what its JSON emitter makes of the tree, and what the
  tree holds that the emitter hides (tags, anchors, aliases, several documents);
* how many bytes rapidyaml wrote to the process's standard error by itself;
* whether the two agree (same value, or an error on the same line).

Bytes are decoded by dxkit first, as they would be whatever the parser: encodings and size limits do
not depend on the parser.
"""

from __future__ import annotations

import codecs
import itertools
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from dxkit.loading import MAX_FILE_BYTES, LoadError, decode, load_bytes  # noqa: E402

MEMBERS = "kind: members\nversion: 1\nmembers:\n  - id: city\n    name: 市役所\n    type: municipality\n"


def _bomb(levels: int) -> str:
    names = "abcdefghij"
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in itertools.pairwise(names[:levels]):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


CASES: dict[str, bytes] = {
    # tests/unit/test_loading.py
    "yaml 1.1 words": b"a: no\nb: NO\nc: off\nd: yes\ne: On\nf: y\n",
    "true false null numbers": b"a: true\nb: false\nc: null\nd: ~\ne:\nf: 12\ng: 1.5\nh: 012\ni: 0x1F\n",
    "dates": b"a: 2026-04-01\nb: 2025-13-45\nc: 2026-04-01T10:00:00\n",
    "duplicate key": b"kind: roles\nversion: 1\nkind: members\n",
    "python tag": b"a: !!python/object/apply:os.system [echo hi]\n",
    "timestamp tag": b"a: !!timestamp 2026-01-01\n",
    "custom tag": b"a: !custom x\n",
    "binary tag": b"a: !!binary aGk=\n",
    "standard tag, bad value": b"a: !!bool yes\n",
    "str tag on a number": b"a: !!str 5\n",
    "alias bomb (8 levels)": _bomb(8).encode(),
    "small alias": b"base: &b {x: 1}\nother: *b\n",
    "recursive alias": b"a: &a [*a]\n",
    "undefined alias": b"a: *nowhere\n",
    "nesting 10,000 (flow)": b"[" * 10_000 + b"]" * 10_000,
    "nesting 69 (flow)": b"a: " + b"[" * 69 + b"]" * 69,
    "nesting 10,000 (block)": b"- " * 10_000 + b"x\n",
    "empty": b"",
    "comment only": b"# only a comment\n",
    "tab indentation": b"a: 1\n\tb: 2\n",
    "unclosed quote": b"a: 'open\nb: 2\n",
    "two documents": b"a: 1\n---\nb: 2\n",
    "one explicit document": b"---\na: 1\n",
    "mapping value in a value": b"a: b: c\n",
    "complex key": b"? [a, b]\n: 1\n",
    "json": b'{"kind": "roles", "n": [1, 2]}',
    # tests/cli/test_bad_input.py
    "unclosed bracket": b"kind: members\nversion: 1\nmembers: [\n",
    "tab in members": b"kind: members\n\tversion: 1\n",
    "multi document members": MEMBERS.encode() + b"---\n" + MEMBERS.encode(),
    "json wrong kind": b'{"kind": "member", "version": 1}',
    "version: no": MEMBERS.replace("version: 1", "version: no").encode(),
    "impossible date": b"kind: issues\nversion: 1\nissues: []\ndate: 2026-13-45\n",
    # more edge cases
    "5,000-digit integer": b"a: " + b"9" * 5000 + b"\n",
    "numbers YAML has and JSON lacks": b"a: +1\nb: -012\nc: 1.e3\nd: .5\ne: 0e0\nf: 1.\n",
    "1_000, .inf, .NaN": b"a: 1_000\nb: .inf\nc: .NaN\nd: -.inf\n",
    "null spellings": b"a: ~\nb: null\nc: Null\nd: NULL\ne:\n",
    "block scalars": b"a: |\n  x\n  y\nb: >\n  p\n  q\nc: |-\n  z\n",
    "flow style": b"{a: 1, b: [1, {c: d}], e: 'x'}",
    "crlf": b"a: 1\r\nb: [x, y]\r\n",
    "bom": codecs.BOM_UTF8 + b"a: 1\n",
    "missing colon": b"a: 1\nb\nc: 2\n",
    "bad list indent": b"a:\n  - 1\n - 2\n",
    "reserved indicator @": b"a: @x\n",
    "reserved indicator `": b"a: `x\n",
    "raw ESC control character": b"a: x\x1b[31my\n",
    "raw BEL in quotes": b'a: "x\x07y"\n',
    "escaped NUL and ESC": b'a: "x\\0y\\e"\n',
    "unknown escape": b'a: "x\\qy"\n',
    "NUL byte": b"kind: x\nab\x00\x01",
    "invalid UTF-8": b"a: \xff\xfe\n",
    "hostile text": b'a: "</script><img onerror=x>"\nb: =HYPERLINK("x")\nc: \'graph TD; A-->B\'\n',
}


def _dxkit(raw: bytes) -> tuple[str, Any]:
    try:
        doc = load_bytes(raw, "f.yaml")
    except LoadError as err:
        return "error", (err.msg_id, err.position.line, err.position.column)
    except Exception as exc:  # a crash is a finding of this table
        return "crash", f"{type(exc).__name__}: {str(exc)[:60]}"
    return "value", doc.data


class _CapturedStderr:
    """What C++ code writes to file descriptor 2 while this block runs."""

    def __enter__(self) -> _CapturedStderr:
        sys.stderr.flush()
        self._saved = os.dup(2)
        self._file = tempfile.TemporaryFile()
        os.dup2(self._file.fileno(), 2)
        self.text = b""
        return self

    def __exit__(self, *exc: object) -> None:
        os.dup2(self._saved, 2)
        os.close(self._saved)
        self._file.seek(0)
        self.text = self._file.read()
        self._file.close()


def _tree_facts(ryml: Any, tree: Any) -> list[str]:
    facts = []
    root = tree.root_id()
    if tree.is_stream(root):
        facts.append(f"stream of {tree.num_children(root)} documents")
    tags = refs = anchors = 0
    for node in range(tree.size()):
        tags += bool(tree.has_val_tag(node)) + bool(tree.has_key_tag(node))
        refs += bool(tree.is_val_ref(node)) + bool(tree.is_key_ref(node))
        anchors += bool(tree.has_val_anchor(node)) + bool(tree.has_key_anchor(node))
        if tree.is_map(node):
            keys = []
            child = tree.first_child(node)
            while child != ryml.NONE:
                keys.append(bytes(tree.key(child)))
                child = tree.next_sibling(child)
            if len(keys) != len(set(keys)):
                facts.append("duplicate keys kept")
    for count, what in ((tags, "tags"), (refs, "unresolved aliases"), (anchors, "anchors")):
        if count:
            facts.append(f"{count} {what}")
    return facts


def _ryml(ryml: Any, raw: bytes) -> tuple[str, Any, list[str], int]:
    if len(raw) > MAX_FILE_BYTES:
        return "n/a", "refused by size before parsing", [], 0
    try:
        text, _ = decode(raw, "f.yaml")
    except LoadError as err:
        return "error", (err.msg_id, err.position.line, err.position.column), ["decoded by dxkit"], 0
    with _CapturedStderr() as noise:
        try:
            tree = ryml.parse_in_arena(text.encode("utf-8"))
        except ryml.ExceptionParse as exc:
            loc = exc.errdata_parse.ymlloc
            outcome: tuple[str, Any, list[str]] = ("error", (exc.msg, loc.line, loc.col), [])
        else:
            facts = _tree_facts(ryml, tree)
            root = tree.root_id()
            if not tree.has_children(root) and not tree.has_val(root):
                outcome = ("value", None, [*facts, "empty tree"])
            else:
                try:
                    emitted = ryml.emit_json_malloc(tree, root)
                except ryml.ExceptionVisit as exc:
                    outcome = ("error", (f"emitter: {exc.msg}", 0, 0), facts)
                else:
                    try:
                        outcome = ("value", json.loads(emitted), facts)
                    except (ValueError, RecursionError) as exc:
                        outcome = ("json-error", f"{type(exc).__name__}: {emitted[:50]!r}", facts)
    return (*outcome, len(noise.text))


def _short(kind: str, value: Any) -> str:
    if kind == "error" and isinstance(value, tuple):
        what, line, column = value
        return f"{what} @ {line}:{column}"
    text = json.dumps(value, ensure_ascii=False) if kind == "value" else str(value)
    return text if len(text) <= 70 else text[:67] + "..."


def _agree(dx: tuple[str, Any], ry: tuple[str, Any, list[str], int]) -> bool:
    if ry[0] == "n/a":
        return True
    if dx[0] == "value":
        return ry[0] == "value" and ry[1] == dx[1] and not ry[2]
    if dx[0] == "error":
        return ry[0] == "error" and ry[1][1] == dx[1][1]
    return False


_FUZZ_ALPHABET = [*"abc:-[]{}|>'\"#%@`,?\n ", "  ", "- ", ": ", "---\n", "日本", "\n  ", "\n- "]


def fuzz(ryml: Any, count: int, seed: int = 7) -> None:
    """Random YAML-like text (no tags, anchors, aliases, nulls or numbers): who reads what.

    Those features are left out so that a difference is one of syntax, not of the value
    rules dxkit adds on top of either parser.
    """
    import collections
    import random

    sys.path.insert(0, str(HERE))
    from parse import _ryml_value

    rng = random.Random(seed)
    outcomes: collections.Counter[str] = collections.Counter()
    example: dict[str, str] = {}
    with _CapturedStderr():
        for _ in range(count):
            text = "".join(rng.choice(_FUZZ_ALPHABET) for _ in range(rng.randrange(1, 30)))
            try:
                dx: tuple[str, Any] = ("read", load_bytes(text.encode(), "f.yaml").data)
            except LoadError as err:
                dx = ("refused", err.msg_id)
            try:
                tree = ryml.parse_in_arena(text.encode())
            except ryml.ExceptionParse:
                ry: tuple[str, Any] = ("refused", None)
            else:
                root = tree.root_id()
                if tree.is_stream(root):
                    ry = ("read", "a stream of documents")
                elif not tree.has_children(root) and not tree.has_val(root):
                    ry = ("read", "nothing")
                else:
                    ry = ("read", _ryml_value(tree, root, ryml.NONE))
            if dx[0] == ry[0] == "read":
                key = "both read, same values" if dx[1] == ry[1] else "both read, values differ"
            elif dx[0] == ry[0]:
                key = "both refuse"
            elif dx[0] == "refused":
                key = f"only libyaml refuses ({dx[1]})"
            else:
                key = "only rapidyaml refuses"
            outcomes[key] += 1
            example.setdefault(key, text)
    print(f"\n{count} random YAML-like texts (seed {seed}):\n")
    print("| outcome | texts | example |")
    print("|---|---:|---|")
    for key, n in outcomes.most_common():
        shown = repr(example[key]).replace("|", "\\|")
        print(f"| {key} | {n} | `` {shown} `` |")


def main() -> int:
    try:
        import ryml
    except ImportError:
        print("rapidyaml is not installed: pip install rapidyaml (or run benchmarks/parse.py --setup)")
        return 2
    if len(sys.argv) > 2 and sys.argv[1] == "--fuzz":
        fuzz(ryml, int(sys.argv[2]))
        return 0
    print("| case | dxkit (libyaml) | rapidyaml | tree holds | stderr bytes | agree |")
    print("|---|---|---|---|---:|---|")
    disagree = 0
    for name, raw in CASES.items():
        dx = _dxkit(raw)
        ry = _ryml(ryml, raw)
        agree = _agree(dx, ry)
        disagree += not agree
        cells = [name, _short(*dx), _short(ry[0], ry[1]), ", ".join(ry[2]), str(ry[3]), "yes" if agree else "**no**"]
        print("| " + " | ".join(c.replace("|", "\\|").replace("\n", "\\n") for c in cells) + " |")
    print(f"\n{disagree} of {len(CASES)} cases disagree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
