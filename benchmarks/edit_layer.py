"""Measure the two ways of editing a person's YAML file that dxkit weighed (see ``dxkit.editing``).

    python benchmarks/edit_layer.py [--tasks 10000] [--rounds 3] [--skip-cli] [--skip-ruamel]

(a) ruamel.yaml's round trip (``typ="rt"``, ``preserve_quotes=True``, a wide line, explicit
    indents mapping=2, sequence=4, offset=2): load, change, dump;
(b) dxkit's position-based editor: compose the node tree, splice the changed spans, re-read the
    result with the strict loader and compare it with the intended data.

Measured:

1. byte for byte, on every example file (``examples/shiomi``) and every YAML file ``dxkit init``
   writes, in both languages: does (a) reproduce the file unchanged, and how many lines differ
   when one scalar is changed, with (a) and with (b) (one is the ideal);
2. on a generated roles.yaml with ``--tasks`` tasks in the shape of ``benchmarks/generate.py``:
   the strict loader alone (the floor every command pays), (a) load, (a) dump with no change,
   (a) load + 3 changed cells + dump, (b) no change, (b) 3 changed cells; the best of
   ``--rounds`` runs, each in a fresh state;
3. unless ``--skip-cli``: wall time of ``dxkit import`` on that file from an exported workbook,
   with no change and with 3 changed cells (the whole command: loading, schema checks, reading
   the workbook, editing, proving, writing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import gc
import io
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from generate import consortium_yaml, members_yaml, roles_yaml  # noqa: E402

from dxkit.editing import Editor  # noqa: E402
from dxkit.loading import load_text  # noqa: E402

CHANGES = [((1234, "status"), "blocked"), ((5678, "due"), "2027-12-24"), ((9012, "title"), "題を変えた")]


def big_roles(tasks: int, seed: int = 7) -> str:
    """A role matrix of ``tasks`` tasks, in the shape ``generate.py`` writes."""
    return roles_yaml(random.Random(seed), broken=False, tasks=tasks)


# -- the two ways ------------------------------------------------------------------------------


def ruamel_yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 20
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def ruamel_load(text: str) -> Any:
    return ruamel_yaml().load(text)


def ruamel_dump(data: Any) -> str:
    out = io.StringIO()
    ruamel_yaml().dump(data, out)
    return out.getvalue()


def ruamel_edit(text: str, changes: list[tuple[tuple[Any, ...], Any]]) -> str:
    data = ruamel_load(text)
    for path, value in changes:
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = type(node[path[-1]])(value) if isinstance(node[path[-1]], str) else value
    return ruamel_dump(data)


def editor_edit(text: str, changes: list[tuple[tuple[Any, ...], Any]]) -> str:
    editor = Editor(text, "roles.yaml")
    for path, value in changes:
        editor.set(path, value)
    return editor.apply().text


# -- 1. byte for byte ----------------------------------------------------------------------------


def corpus() -> dict[str, str]:
    from dxkit.scaffold import init_files

    files = {
        str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").rglob("*.yaml"))
    }
    for lang in ("ja", "en"):
        for item in init_files(name="テスト協議会", municipality="テスト市", lang=lang, today=dt.date(2026, 6, 1)):
            if str(item.rel).endswith(".yaml") and not str(item.rel).startswith("."):
                files[f"dxkit init --lang {lang}: {item.rel}"] = item.content.decode("utf-8")
    return files


def first_text_leaf(data: Any, path: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
    """The path of the first text value below a mapping key, in file order."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and key not in ("kind",):
                return (*path, key)
            found = first_text_leaf(value, (*path, key))
            if found:
                return found
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found = first_text_leaf(value, (*path, index))
            if found:
                return found
    return None


def differing_lines(before: str, after: str) -> int:
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def byte_for_byte(with_ruamel: bool) -> None:
    files = corpus()
    identical = 0
    ruamel_lines: list[int] = []
    editor_lines: list[int] = []
    print(f"1. byte for byte on {len(files)} files (examples and dxkit init output, ja and en)")
    for name, text in files.items():
        data = load_text(text, name).data
        path = first_text_leaf(data)
        if path is None:
            continue
        old = data
        for part in path:
            old = old[part]
        change = [(path, old + " (edited)")]
        edited = editor_edit(text, change)
        editor_lines.append(differing_lines(text, edited))
        if with_ruamel:
            same = ruamel_dump(ruamel_load(text)) == text
            identical += same
            ruamel_lines.append(differing_lines(text, ruamel_edit(text, change)))
            if not same:
                print(f"   (a) not reproduced: {name}")
    if with_ruamel:
        print(f"   (a) ruamel round trip reproduces {identical}/{len(files)} files unchanged")
        print(
            f"   (a) one changed scalar: lines differing per file: max {max(ruamel_lines)}, total {sum(ruamel_lines)}"
        )
    print(f"   (b) one changed scalar: lines differing per file: max {max(editor_lines)}, total {sum(editor_lines)}")


# -- 2. the large file -----------------------------------------------------------------------------


def best(rounds: int, work: Callable[[], Any]) -> tuple[float, Any]:
    times = []
    result = None
    for _ in range(rounds):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def large_file(text: str, rounds: int, with_ruamel: bool) -> None:
    changes = [(("tasks", index, key), value) for (index, key), value in CHANGES]
    size = len(text.encode("utf-8"))
    print(f"2. roles.yaml with {text.count('  - id: ')} tasks, {size / 1024 / 1024:.2f} MiB; best of {rounds}")
    seconds, doc = best(rounds, lambda: load_text(text, "roles.yaml"))
    print(f"   strict loader alone (load_text)            {seconds:8.2f} s")
    seconds, _ = best(rounds, lambda: _without_gc(lambda: load_text(text, "roles.yaml")))
    print(f"   strict loader alone, collector paused      {seconds:8.2f} s")
    seconds, _ = best(rounds, lambda: Editor(text, "roles.yaml", base=doc.data).apply())
    print(f"   (b) editor, no change                      {seconds:8.2f} s")
    seconds, edited = best(rounds, lambda: editor_edit(text, changes))
    lines = differing_lines(text, edited)
    print(f"   (b) editor, 3 cells (reads its own base)   {seconds:8.2f} s   lines differing: {lines}")
    seconds, _ = best(rounds, lambda: _with_base(text, doc.data, changes))
    print(f"   (b) editor, 3 cells (base given, as import) {seconds:7.2f} s")
    if not with_ruamel:
        return
    # Tens of seconds each: measured once. A change does not alter the cost of a dump, so the
    # 3-cell edit is the load plus a dump of the changed data.
    seconds_load, data = best(1, lambda: ruamel_load(text))
    print(f"   (a) ruamel load                            {seconds_load:8.2f} s")
    seconds, dumped = best(1, lambda: ruamel_dump(data))
    print(f"   (a) ruamel dump, no change                 {seconds:8.2f} s   identical: {dumped == text}")
    for (index, key), value in CHANGES:
        old = data["tasks"][index][key]
        data["tasks"][index][key] = type(old)(value)
    seconds, edited = best(1, lambda: ruamel_dump(data))
    lines = differing_lines(text, edited)
    print(f"   (a) ruamel, 3 cells: load + change + dump  {seconds_load + seconds:8.2f} s   lines differing: {lines}")


def _without_gc(work: Callable[[], Any]) -> Any:
    gc.disable()
    try:
        return work()
    finally:
        gc.enable()


def _with_base(text: str, base: Any, changes: list[tuple[tuple[Any, ...], Any]]) -> str:
    editor = Editor(text, "roles.yaml", base=base)
    for path, value in changes:
        editor.set(path, value)
    return editor.apply().text


# -- 3. the command ----------------------------------------------------------------------------------


def cli(text: str, rounds: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rng = random.Random(7)
        (folder / "consortium.yaml").write_text(consortium_yaml(0), encoding="utf-8")
        (folder / "members.yaml").write_text(members_yaml(rng), encoding="utf-8")
        roles = folder / "roles.yaml"
        roles.write_text(text, encoding="utf-8")
        workbook = folder / "roles.xlsx"
        dxkit = [sys.executable, "-m", "dxkit"]

        def run(*args: str) -> float:
            start = time.perf_counter()
            done = subprocess.run([*dxkit, *args], cwd=folder, env=env, capture_output=True, text=True, check=False)
            elapsed = time.perf_counter() - start
            if done.returncode != 0:
                raise SystemExit(f"dxkit {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
            return elapsed

        export = run("export", "roles", ".", "-o", str(workbook), "--lang", "ja", "--today", "2026-10-01")
        print(f"3. dxkit import on that file (export took {export:.1f} s); best of {rounds}")
        unchanged = min(run("import", str(workbook), "--lang", "ja") for _ in range(rounds))
        print(f"   (b) dxkit import, no change                {unchanged:8.2f} s")
        from openpyxl import load_workbook

        book = load_workbook(workbook)
        sheet = book.worksheets[0]
        columns = {"status": 13, "due": 9, "title": 2}
        for (index, key), value in CHANGES:
            cell = sheet.cell(index + 2, columns[key])
            cell.value = dt.datetime.fromisoformat(value) if key == "due" else value
        changed_book = folder / "changed.xlsx"
        book.save(changed_book)
        times = []
        for _ in range(rounds):
            roles.write_text(text, encoding="utf-8")
            times.append(run("import", str(changed_book), "--lang", "ja"))
        after = roles.read_text(encoding="utf-8")
        lines = differing_lines(text, after)
        print(f"   (b) dxkit import, 3 cells                  {min(times):8.2f} s   lines differing: {lines}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--skip-ruamel", action="store_true")
    args = parser.parse_args()
    with_ruamel = not args.skip_ruamel
    version = "-"
    if with_ruamel:
        try:
            import ruamel.yaml

            version = ruamel.yaml.__version__
        except ImportError:
            print("ruamel.yaml is not installed: measuring (b) only (pip install ruamel.yaml)")
            with_ruamel = False
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Python {platform.python_version()}, {os.cpu_count()} cores (load {load}), ruamel.yaml {version}")
    byte_for_byte(with_ruamel)
    text = big_roles(args.tasks)
    large_file(text, args.rounds, with_ruamel)
    if not args.skip_cli:
        cli(text, args.rounds)
    print("load at the end: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
