"""Bounded work on any input: every hostile file ends in a clear finding, never a hang or a climb.

Each hostile case runs ``python -m dxkit validate`` (and ``status``, ``export``, ``site build`` for
the named pipe) in a child process whose address space is capped at 1 GiB, with a 60 s guard that
only catches a hang. The child's peak resident memory must stay under 200 MB; it is the child's
own high-water mark (:func:`tests.helpers.run_dxkit_measured`), so what the test process itself
or other children used does not count. Time is not asserted: a busy machine must not fail a test.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from dxkit.errors import exit_code_for_findings
from dxkit.findings import MAX_FINDINGS_PER_FILE, Finding, Omitted, Severity, cap_per_file
from dxkit.loading import (
    MAX_ALIAS_EXPANSION,
    MAX_FILE_BYTES,
    MAX_NODES,
    MAX_SAFE_INTEGER,
    LoadError,
    Position,
    build,
    load_text,
    parse,
    read_regular,
)
from dxkit.reporters import REPORTERS
from dxkit.schema_check import MAX_SCHEMA_ERRORS
from dxkit.sheet import Column, parse_cell
from dxkit.validate import Report
from tests.conftest import scaffold
from tests.helpers import Measured, invoke, run_dxkit_measured

TODAY = "2026-06-01"
#: The memory every hostile case must stay under, and the address-space cap of the child.
PEAK_RSS_LIMIT = 200 * 1024 * 1024
ADDRESS_SPACE = 1024**3
#: Only a hang reaches this.
HANG_GUARD_SECONDS = 60

posix_only = pytest.mark.skipif(os.name == "nt", reason="named pipes and /dev/zero are POSIX")


def run_dxkit(*args: str | Path) -> Measured:
    """``python -m dxkit ARGS`` in a child with 1 GiB of address space; its exit code, output and peak."""
    return run_dxkit_measured(args, address_space=ADDRESS_SPACE, timeout=HANG_GUARD_SECONDS)


def assert_bounded(run: Measured) -> None:
    assert "Traceback" not in run.stderr, run.stderr
    assert "内部エラー" not in run.stderr and "internal error" not in run.stderr, run.stderr
    if sys.platform != "win32":
        assert 0 < run.peak_kib * 1024 < PEAK_RSS_LIMIT, f"peak RSS {run.peak_kib / 2**10:.0f} MiB"


def validate(folder: Path, lang: str, *extra: str) -> Measured:
    run = run_dxkit("validate", folder, "--lang", lang, "--today", TODAY, *extra)
    assert_bounded(run)
    return run


def finding_lines(stdout: str, name: str) -> list[str]:
    return [line for line in stdout.splitlines() if f"{name}:" in line and ": DX" in line]


@pytest.fixture
def folder(tmp_path: Path, lang: str) -> Path:
    return scaffold(tmp_path / "consortium", lang)


def _replace(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.unlink()
    path.write_text(text, encoding="utf-8")
    return path


# -- files that are not regular files ------------------------------------------------------------


@posix_only
def test_validate_fifo_is_not_a_regular_file_and_does_not_hang(folder: Path, lang: str) -> None:
    (folder / "issues.yaml").unlink()
    os.mkfifo(folder / "issues.yaml")
    run = validate(folder, lang)
    assert run.code == 1
    [line] = finding_lines(run.stdout, "issues.yaml")
    assert "issues.yaml:1:1: DX001" in line
    assert ("名前付きパイプ（FIFO）" if lang == "ja" else "named pipe (FIFO), not a regular file") in line


@posix_only
def test_validate_fifo_with_another_name_is_not_opened_to_sniff_its_kind(folder: Path, lang: str) -> None:
    os.mkfifo(folder / "notes.yaml")
    run = validate(folder, lang)
    assert run.code == 1
    assert ("名前付きパイプ" if lang == "ja" else "named pipe") in "".join(finding_lines(run.stdout, "notes.yaml"))


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_validate_link_to_dev_zero_is_refused_before_reading(folder: Path, lang: str) -> None:
    (folder / "roles.yaml").unlink()
    os.symlink("/dev/zero", folder / "roles.yaml")
    run = validate(folder, lang)
    assert run.code == 1
    [line] = finding_lines(run.stdout, "roles.yaml")
    assert "roles.yaml:1:1: DX001" in line
    assert ("デバイス" if lang == "ja" else "a device (or a link to one") in line


@posix_only
def test_status_and_export_leave_a_fifo_out_and_say_so(folder: Path, lang: str) -> None:
    (folder / "issues.yaml").unlink()
    os.mkfifo(folder / "issues.yaml")
    status = run_dxkit("status", folder, "--lang", lang, "--today", TODAY)
    assert_bounded(status)
    assert status.code == 0
    assert "issues.yaml" in status.stderr
    export = run_dxkit("export", "roles", folder, "--format", "csv", "--lang", lang, "--today", TODAY)
    assert_bounded(export)
    assert export.code == 0 and "issues.yaml" in export.stderr


@posix_only
def test_site_build_stops_at_a_fifo_it_would_publish(folder: Path, lang: str, tmp_path: Path) -> None:
    # A site without its issue register would look complete: the build stops, naming the file.
    pytest.importorskip("mkdocs")
    (folder / "issues.yaml").unlink()
    os.mkfifo(folder / "issues.yaml")
    run = run_dxkit("site", "build", folder, "--out", tmp_path / "site", "--lang", lang, "--today", TODAY)
    assert_bounded(run)
    assert run.code == 2, run.stderr
    assert "issues.yaml" in run.stderr
    assert not (tmp_path / "site").exists()


@posix_only
def test_read_regular_refuses_a_fifo_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    with pytest.raises(LoadError) as info:
        read_regular(tmp_path / "pipe.yaml")
    assert info.value.msg_id == "load.not_regular.fifo"
    with pytest.raises(LoadError):
        read_regular(tmp_path / "pipe.yaml", limit=10, head=True)


@posix_only
def test_read_regular_refuses_a_socket(tmp_path: Path, lang: str) -> None:
    import socket

    path = tmp_path / "sock.yaml"
    if len(str(path)) > 100:  # pragma: no cover - AF_UNIX paths are short
        pytest.skip("temporary path too long for a socket")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        with pytest.raises(LoadError) as info:
            read_regular(path)
    finally:
        server.close()
    assert info.value.msg_id == "load.not_regular.socket"
    assert ("ソケット" if lang == "ja" else "socket") in info.value.message(lang)


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="no /proc")
def test_read_regular_caps_what_is_read_not_what_stat_says() -> None:
    # Files in /proc report a size of 0 and hold more: the cap holds for the bytes read.
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(LoadError) as info:
        read_regular(Path("/proc/self/status"), limit=16)
    assert info.value.msg_id == "load.too_large"
    assert len(read_regular(Path("/proc/self/status"), limit=16, head=True)) == 16


def test_read_regular_reads_a_plain_file_and_names_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"kind: roles\n")
    assert read_regular(tmp_path / "a.yaml") == b"kind: roles\n"
    with pytest.raises(LoadError) as info:
        read_regular(tmp_path)
    assert info.value.msg_id == "load.is_directory"


# -- large, dense and deep files ------------------------------------------------------------------


def test_validate_million_list_items_stop_at_the_node_limit_with_a_position(folder: Path, lang: str) -> None:
    path = _replace(folder, "roles.yaml", "kind: roles\nversion: 1\ntasks:\n" + "- a\n" * 1_000_000)
    assert path.stat().st_size < MAX_FILE_BYTES
    run = validate(folder, lang)
    assert run.code == 1
    [line] = finding_lines(run.stdout, "roles.yaml")
    # Seven nodes come before the list items: the mapping, kind, roles, version, 1, tasks, the list.
    assert f"roles.yaml:{3 + MAX_NODES - 6}:3: DX005" in line
    assert str(MAX_NODES) in line
    assert ("値が多すぎます" if lang == "ja" else "too many values") in line


def test_validate_45000_aliases_end_in_one_finding(folder: Path, lang: str) -> None:
    _replace(folder, "roles.yaml", "kind: roles\nversion: 1\ntasks: [&t {id: 1}, " + ", ".join(["*t"] * 45_000) + "]\n")
    run = validate(folder, lang)
    assert run.code == 1
    [line] = finding_lines(run.stdout, "roles.yaml")
    assert "roles.yaml:3:" in line and "DX005" in line and str(MAX_ALIAS_EXPANSION) in line
    assert len(run.stdout.splitlines()) < 20


def test_validate_45000_invalid_tasks_written_out_show_100_and_count_the_rest(folder: Path, lang: str) -> None:
    # The same data without aliases loads (135,007 nodes): the schema check is what must stay bounded.
    _replace(folder, "roles.yaml", "kind: roles\nversion: 1\ntasks: [" + ", ".join(["{id: 1}"] * 45_001) + "]\n")
    run = validate(folder, lang, "--format", "json")
    assert run.code == 1
    data = json.loads(run.stdout)
    roles = [f for f in data["findings"] if f["file"].endswith("roles.yaml")]
    assert len(roles) == MAX_FINDINGS_PER_FILE
    [omitted] = data["omitted"]
    assert omitted["file"].endswith("roles.yaml") and omitted["at_least"] is True
    assert omitted["errors"] == MAX_SCHEMA_ERRORS - MAX_FINDINGS_PER_FILE
    assert data["summary"]["errors"] >= MAX_SCHEMA_ERRORS and data["summary"]["at_least"] is True


def test_validate_5000_digit_number_is_a_finding(folder: Path, lang: str) -> None:
    text = (folder / "roles.yaml").read_text(encoding="utf-8").replace("version: 1", "version: " + "9" * 5000, 1)
    _replace(folder, "roles.yaml", text)
    run = validate(folder, lang)
    assert run.code == 1
    [line] = finding_lines(run.stdout, "roles.yaml")
    assert "DX005" in line and f"±{MAX_SAFE_INTEGER}" in line


def test_validate_6_mib_file_is_refused_by_size(folder: Path, lang: str) -> None:
    _replace(folder, "roles.yaml", "kind: roles\nversion: 1\n# " + "x" * (6 * 1024 * 1024) + "\n")
    run = validate(folder, lang)
    assert run.code == 1
    [line] = finding_lines(run.stdout, "roles.yaml")
    assert "roles.yaml:1:1: DX005" in line and "6.0 MiB" in line


def test_validate_deep_nesting_is_refused(folder: Path, lang: str) -> None:
    _replace(folder, "roles.yaml", "kind: roles\nversion: 1\ntasks: " + "[" * 10_000 + "]" * 10_000 + "\n")
    run = validate(folder, lang)
    assert run.code == 1
    [line] = finding_lines(run.stdout, "roles.yaml")
    assert "DX005" in line and ("入れ子が深すぎます" if lang == "ja" else "Nesting is too deep") in line


# -- the node limit, in-process ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "limit", "position"),
    [
        ("- a\n- b\n- c\n- d\n", 4, Position(4, 3)),  # the list, a, b, c: the fifth node is d
        ("[a, b, c, d, e]\n", 4, Position(1, 11)),
        ("k: v\nl: w\nm: x\n", 5, Position(3, 1)),  # the mapping, k, v, l, w: then the key m
        ("k: v\nl: [w, x]\n", 4, Position(2, 4)),  # the mapping, k, v, l: then the value of l
        ("- [a, b]\n- [c]\n", 4, Position(2, 3)),  # the list, [a, b], a, b: then [c]
        ("k: v\nl: [w, x]\n", 5, Position(2, 5)),  # the first entry of a flow list
        ("- {a: b}\n", 2, Position(1, 4)),  # the first key of a flow mapping
    ],
)
def test_parse_points_at_the_node_that_crossed_the_limit(text: str, limit: int, position: Position) -> None:
    with pytest.raises(LoadError) as info:
        parse(text, "f.yaml", limit=limit)
    assert (info.value.code, info.value.msg_id, info.value.position) == ("DX005", "load.too_many_nodes", position)
    parse(text, "f.yaml", limit=100)  # every node fits: it parses


def test_parse_counts_tagged_nodes_too() -> None:
    with pytest.raises(LoadError):
        parse("[!!str a, !!str b, !!str c, !!str d]\n", "f.yaml", limit=4)


def test_build_counts_aliases_as_what_they_expand_to(monkeypatch: pytest.MonkeyPatch) -> None:
    import dxkit.loading as loading

    text = "a: &x {k: 1, l: 2}\nb: [*x, *x, *x]\n"
    assert load_text(text, "f").data["b"] == [{"k": 1, "l": 2}] * 3
    # 9 nodes are written; each alias adds the mapping, its two keys and two values.
    monkeypatch.setattr(loading, "MAX_NODES", 9 + 3 * 5)
    build(parse(text, "f"), "f")
    monkeypatch.setattr(loading, "MAX_NODES", 9 + 3 * 5 - 1)
    with pytest.raises(LoadError) as info:
        build(parse(text, "f"), "f")
    # An alias reuses its anchor's node, so the position is in the anchor's node: here its last value.
    assert (info.value.msg_id, info.value.position) == ("load.too_many_nodes", Position(1, 17))


def test_node_limit_leaves_room_for_the_largest_benchmark_matrix() -> None:
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    text = generate.roles_yaml(random.Random(7), False, tasks=10_000)
    assert len(load_text(text, "roles.yaml").data["tasks"]) == 10_000


# -- findings per file --------------------------------------------------------------------------------


def _finding(line: int, severity: Severity = Severity.ERROR, file: str = "roles.yaml") -> Finding:
    return Finding(file, line, 1, severity, "DX010" if severity is Severity.ERROR else "DX601", "m")


def test_cap_per_file_keeps_the_first_by_position_and_counts_the_rest_exactly() -> None:
    findings = [_finding(n, Severity.WARNING if n % 3 else Severity.ERROR) for n in range(250, 0, -1)]
    findings.append(_finding(1, file="other.yaml"))
    shown, omitted = cap_per_file(findings, {"roles.yaml": (7, False)})
    roles = [f for f in shown if f.file == "roles.yaml"]
    assert [f.line for f in roles] == list(range(1, MAX_FINDINGS_PER_FILE + 1))
    hidden = [n for n in range(MAX_FINDINGS_PER_FILE + 1, 251)]
    assert omitted == [
        Omitted("roles.yaml", sum(1 for n in hidden if n % 3 == 0) + 7, sum(1 for n in hidden if n % 3), False)
    ]


def test_an_error_left_out_of_the_report_still_fails_the_run(lang: str) -> None:
    # Every shown finding is a warning; the only error is beyond the cap.
    findings = [_finding(n, Severity.WARNING) for n in range(1, MAX_FINDINGS_PER_FILE + 1)]
    findings.append(_finding(MAX_FINDINGS_PER_FILE + 1, Severity.ERROR))
    shown, omitted = cap_per_file(findings)
    report = Report(findings=shown, files=1, checked=["roles.yaml"], omitted=omitted)
    assert report.errors == 1 and report.warnings == MAX_FINDINGS_PER_FILE
    assert exit_code_for_findings(report.errors) == 1
    junit = REPORTERS["junit"](report, lang)
    assert 'failures="1"' in junit and "<failure" in junit
    sarif = json.loads(REPORTERS["sarif"](report, lang))
    [note] = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error" and note["properties"]["errors"] == 1


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit", "sarif"])
def test_every_reporter_says_how_many_more_findings_a_file_has(fmt: str, lang: str) -> None:
    findings = [_finding(n) for n in range(1, 131)]
    shown, omitted = cap_per_file(findings)
    report = Report(findings=shown, files=1, checked=["roles.yaml"], omitted=omitted)
    out = REPORTERS[fmt](report, lang)
    expected = "ほかに 30 件の指摘があります" if lang == "ja" else "and 30 more findings in this file"
    assert expected in out
    assert out.count("roles.yaml:") >= (MAX_FINDINGS_PER_FILE if fmt in ("text", "junit") else 0)
    if fmt == "text":
        assert out.splitlines()[MAX_FINDINGS_PER_FILE].startswith("roles.yaml: ")
        assert ("エラー 130 件" if lang == "ja" else "Errors: 130") in out


def test_validate_file_with_many_errors_shows_the_first_and_counts_exactly(folder: Path, lang: str) -> None:
    # 25 tasks that each lack six required fields and have a bad id: 175 errors.
    _replace(folder, "roles.yaml", "kind: roles\nversion: 1\ntasks: [" + ", ".join(["{id: 1}"] * 25) + "]\n")
    result = invoke(["validate", str(folder), "--lang", lang, "--today", TODAY, "--format", "json"], exit=1)
    data = json.loads(result.stdout)
    roles = [f for f in data["findings"] if f["file"].endswith("roles.yaml")]
    [omitted] = data["omitted"]
    assert len(roles) == MAX_FINDINGS_PER_FILE
    assert omitted["errors"] + len(roles) == 175 and omitted["at_least"] is False
    assert [f["line"] for f in roles] == sorted(f["line"] for f in roles)


# -- numbers from a spreadsheet ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("9" * 5000, "sheet.integer_range"),
        (str(MAX_SAFE_INTEGER + 1), "sheet.integer_range"),
        (float("inf"), "sheet.bad_integer"),
        ("²", None),
        ("１２", None),
        ("1.5", "sheet.bad_integer"),
    ],
)
def test_sheet_integer_cells_outside_the_range_are_a_problem_not_a_crash(raw: object, expected: str | None) -> None:
    column = Column("votes", "integer", 10)
    value, msg_id, params = parse_cell(raw, column, [], None)
    assert msg_id == expected
    if expected is None:
        assert isinstance(value, int)
    else:
        assert len(str(params["value"])) <= 40
