"""Parse-only micro-benchmark: libyaml (what dxkit reads with) against faster YAML parsers.

    python benchmarks/parse.py [--consortia 300] [--rounds 3] [--data DIR] [--setup]

Every file of a ``benchmarks/generate.py`` data set is read into memory once; then each
candidate parses all of them, round after round in alternation, and the best and median
wall times are printed beside the ratio to PyYAML's C loader. Only the parsing is timed:
no schema, no rule, no file system.

Candidates missing from the running Python are listed as "not installed". ``--setup``
creates ``benchmarks/.parse-venv`` with PyYAML and every candidate from PyPI and runs the
benchmark there, so the numbers can be reproduced without touching the project's own
environment.

The table says how fast a parser is, not whether dxkit may use it: most candidates give
no source positions, and several read ``0x1F`` as 31 or ``~`` as text. ``--census`` adds how
many files would qualify for rapidyaml's JSON emitter, which is fast but not strict.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = HERE / ".parse-venv"
PACKAGES = [
    "pyyaml",
    "rapidyaml",
    "yaml-rs",
    "fastyaml-rs",
    "ryaml",
    "pyyaml-rs",
    "libfyaml",
    "ruamel.yaml",
    "ruamel.yaml.clib",
]

Parse = Callable[[bytes], Any]


def _pyyaml() -> dict[str, Parse]:
    import yaml

    loader = yaml.CSafeLoader

    def events(raw: bytes) -> None:
        for _ in yaml.parse(raw, Loader=loader):
            pass

    return {
        "PyYAML CSafeLoader load": lambda raw: yaml.load(raw, Loader=loader),
        "libyaml compose (CSafeLoader)": lambda raw: yaml.compose(raw, Loader=loader),
        "libyaml events": events,
    }


def _dxkit() -> dict[str, Parse]:
    sys.path.insert(0, str(ROOT / "src"))
    from dxkit.loading import load_bytes

    return {"dxkit load_bytes (strict, positions)": lambda raw: load_bytes(raw, "f.yaml")}


def _ryml() -> dict[str, Parse]:
    import ryml

    none = ryml.NONE

    def walk(raw: bytes) -> Any:
        tree = ryml.parse_in_arena(raw)
        return _ryml_value(tree, tree.root_id(), none)

    def via_json(raw: bytes) -> Any:
        tree = ryml.parse_in_arena(raw)
        return json.loads(ryml.emit_json_malloc(tree, tree.root_id()))

    def strict_json(raw: bytes) -> Any:
        """The JSON path with the checks it would need (positions, tree, stderr not included)."""
        if not fast_path_qualifies(raw):
            return walk(raw)
        tree = ryml.parse_in_arena(raw)
        root = tree.root_id()
        if tree.is_stream(root):
            raise ValueError("several documents")
        value = json.loads(ryml.emit_json_malloc(tree, root), object_pairs_hook=_no_duplicates)
        _depth(value, 0)
        return value

    return {
        "rapidyaml parse_in_arena": ryml.parse_in_arena,
        "rapidyaml parse + tree walk": walk,
        "rapidyaml parse + emit_json + json.loads": via_json,
        "rapidyaml JSON path + filter, duplicates, depth": strict_json,
    }


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _depth(value: Any, depth: int) -> None:
    if depth > 64:
        raise ValueError("too deep")
    children = value.values() if value.__class__ is dict else value
    for child in children:
        if child.__class__ is dict or child.__class__ is list:
            _depth(child, depth + 1)


def _ryml_value(tree: Any, node: int, none: int) -> Any:
    """Plain values from a rapidyaml tree through its Python API (one call per question)."""
    if tree.is_map(node):
        result = {}
        child = tree.first_child(node)
        while child != none:
            key = tree.key(child)
            result["" if key is None else bytes(key).decode()] = _ryml_value(tree, child, none)
            child = tree.next_sibling(child)
        return result
    if tree.is_seq(node):
        items = []
        child = tree.first_child(node)
        while child != none:
            items.append(_ryml_value(tree, child, none))
            child = tree.next_sibling(child)
        return items
    value = tree.val(node)
    if value is None or tree.val_is_null(node):
        return None
    text = bytes(value).decode()
    if tree.is_val_quoted(node):
        return text
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"[-+]?(?:0|[1-9][0-9]*)", text):
        return int(text)
    return text


def _rust_and_others() -> dict[str, Parse]:
    found: dict[str, Parse] = {}
    try:
        import yaml_rs

        found["yaml-rs loads"] = lambda raw: yaml_rs.loads(raw.decode(), parse_datetime=False)
    except ImportError:
        found["yaml-rs loads"] = None  # type: ignore[assignment]
    try:
        import fast_yaml

        found["fastyaml-rs safe_load"] = fast_yaml.safe_load
    except ImportError:
        found["fastyaml-rs safe_load"] = None  # type: ignore[assignment]
    try:
        import ryaml

        found["ryaml loads"] = lambda raw: ryaml.loads(raw.decode())
    except ImportError:
        found["ryaml loads"] = None  # type: ignore[assignment]
    try:
        import pyyaml_rs

        found["pyyaml-rs safe_load"] = lambda raw: pyyaml_rs.safe_load(raw.decode())
    except ImportError:
        found["pyyaml-rs safe_load"] = None  # type: ignore[assignment]
    try:
        import libfyaml

        found["libfyaml loads + to_python"] = lambda raw: libfyaml.loads(raw.decode()).to_python()
    except ImportError:
        found["libfyaml loads + to_python"] = None  # type: ignore[assignment]
    try:
        from ruamel.yaml import YAML

        ruamel = YAML(typ="safe", pure=False)
        found["ruamel.yaml safe (C)"] = ruamel.load
    except ImportError:
        found["ruamel.yaml safe (C)"] = None  # type: ignore[assignment]
    return found


def candidates() -> dict[str, Parse | None]:
    found: dict[str, Parse | None] = {}
    for group, names in (
        (_pyyaml, ["PyYAML CSafeLoader load"]),
        (_dxkit, ["dxkit load_bytes (strict, positions)"]),
        (_ryml, ["rapidyaml parse_in_arena"]),
    ):
        try:
            found.update(group())
        except ImportError:
            found.update(dict.fromkeys(names))
    found.update(_rust_and_others())
    return found


# -- the JSON fast path: which files could rapidyaml's JSON emitter read without a misreading --

#: A node starts after white space, a flow indicator or ``:`` (JSON-like flow); the text is
#: searched with a newline in front, so the start of the file counts too.
_NODE_START = rb"[\s\[\]{},:]"
#: Tags, anchors and aliases, which the emitter drops or leaves unresolved (``&`` alone is text).
_UNSAFE_PROPERTY = re.compile(_NODE_START + rb"[!&*][^\s,\[\]{}]")
#: Plain scalars the emitter reads differently from dxkit: null spellings, numbers JSON lacks,
#: ``.nan`` (rewritten), huge integers. False alarms (inside quotes) only cost the slow path.
_UNSAFE_PLAIN = re.compile(
    _NODE_START
    + rb"(?:~|Null|NULL|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|[+][0-9.]|-0[0-9]|[-+]?\.[0-9]|[0-9]+\.(?![0-9])"
    + rb"|[0-9.]+[eE]|[0-9]{400,})"
)


def fast_path_qualifies(raw: bytes) -> bool:
    """True when nothing in the bytes is what rapidyaml's JSON emitter is known to misread."""
    raw = b"\n" + raw
    return _UNSAFE_PROPERTY.search(raw) is None and _UNSAFE_PLAIN.search(raw) is None


def census(paths: list[Path]) -> tuple[int, int, list[str]]:
    total = 0
    ok = 0
    failing: list[str] = []
    for path in paths:
        total += 1
        if fast_path_qualifies(path.read_bytes()):
            ok += 1
        else:
            failing.append(str(path))
    return ok, total, failing


# -- timing -----------------------------------------------------------------------------------


def time_once(parse: Parse, blobs: list[bytes]) -> tuple[float, int]:
    failures = 0
    gc.collect()
    start = time.perf_counter()
    for raw in blobs:
        try:
            parse(raw)
        except Exception:
            failures += 1
    return time.perf_counter() - start, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consortia", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", type=Path, default=None, help="an existing generate.py output folder")
    parser.add_argument("--setup", action="store_true", help=f"install the candidates into {VENV} and run there")
    parser.add_argument("--census", type=Path, nargs="*", default=None, help="folders of real files to count")
    parser.add_argument("--only", action="append", default=[], help="run only candidates whose name has this")
    args = parser.parse_args(argv)

    if args.setup:
        python = VENV / "bin" / "python"
        if not python.exists():
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
            subprocess.run(
                [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PACKAGES],
                check=True,
            )
        rest = [a for a in (argv if argv is not None else sys.argv[1:]) if a != "--setup"]
        return subprocess.run([str(python), str(Path(__file__).resolve()), *rest], check=False).returncode

    with tempfile.TemporaryDirectory(prefix="dxkit-parse-") as tmp:
        data = args.data
        if data is None:
            sys.path.insert(0, str(HERE))
            from generate import generate

            data = Path(tmp) / "data"
            generate(data, args.consortia, 0, seed=7)
        paths = sorted(data.rglob("*.yaml"))
        blobs = [p.read_bytes() for p in paths]
        size = sum(len(b) for b in blobs)
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
            f"{len(blobs)} files, {size / 1e6:.1f} MB, best of {args.rounds} (alternating)"
        )
        found = candidates()
        runnable = {
            n: f for n, f in found.items() if f is not None and (not args.only or any(o in n for o in args.only))
        }
        samples: dict[str, list[float]] = {name: [] for name in runnable}
        failed: dict[str, int] = dict.fromkeys(runnable, 0)
        for _ in range(args.rounds):
            for name, parse in runnable.items():
                seconds, failures = time_once(parse, blobs)
                samples[name].append(seconds)
                failed[name] = max(failed[name], failures)
        base = samples.get("PyYAML CSafeLoader load")
        base_best = min(base) if base else None
        print(f"\n| {'parser':<48} | best s | median s | ÷ PyYAML C | files refused |")
        print(f"|{'-' * 50}|-------:|---------:|-----------:|--------------:|")
        for name, found_parse in found.items():
            if found_parse is None:
                print(f"| {name:<48} | not installed |  |  |  |")
                continue
            if name not in samples:
                continue
            best = min(samples[name])
            ratio = f"{best / base_best:.3f}" if base_best else ""
            print(
                f"| {name:<48} | {best:6.3f} | {statistics.median(samples[name]):8.3f} | {ratio:>10} |"
                f" {failed[name]:>13} |"
            )

        if args.census is not None:
            print("\nJSON fast path: files whose bytes hold nothing the emitter misreads")
            folders = [data, *args.census]
            for folder in folders:
                ok, total, _ = census(sorted(folder.rglob("*.yaml")))
                label = "benchmark set" if folder == data else str(folder)
                print(f"  {label}: {ok} of {total} ({100 * ok / max(total, 1):.0f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
