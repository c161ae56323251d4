"""Everyday faults are messages: a read-only folder, a full disk, a file that vanished.

Each fault must end in a message that names the path and says what to do, exit code 2, no
traceback and no "internal error", and a folder exactly as it was (no half-written file, no
temporary file, no folder left behind). The faults are made three ways:

* for real, as another user: tests run as root, which ignores file modes, so the command runs
  as ``nobody`` (``setpriv``/``runuser``) against a folder that user cannot write;
* for real, on a tiny or read-only file system in a private mount namespace (``unshare -m``
  with a tmpfs), where the machine allows it;
* injected in-process: ``os.write``, ``os.fsync``, ``os.replace`` or ``tempfile.mkstemp`` as
  :mod:`dxkit.writing` sees them raise ``ENOSPC``, ``EDQUOT`` or ``EROFS`` after N calls.
"""

from __future__ import annotations

import errno
import functools
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dxkit.writing
from dxkit.errors import UsageError, WriteError
from dxkit.scaffold import init_files
from tests.conftest import ROOT, TODAY, scaffold
from tests.helpers import invoke

SHOWN = {
    "disk_full": {"ja": "ディスクの空きがありません", "en": "the disk is full"},
    "read_only": {"ja": "読み取り専用の場所です", "en": "the file system is read-only"},
    "permission": {"ja": "書き込む権限がありません", "en": "Permission denied writing"},
    "read_missing": {"ja": "見つかりません", "en": "does not exist"},
    "folder_missing": {"ja": "フォルダがなくなっています", "en": "its folder is gone"},
    "name_too_long": {"ja": "名前が長すぎます", "en": "the name is too long"},
    "is_folder": {"ja": "その名前のフォルダがあります", "en": "a folder has that name"},
    "not_a_folder": {"ja": "途中のフォルダの名前でファイルがあります", "en": "a file stands where one of its folders"},
    "read_permission": {"ja": "読む権限がありません", "en": "Permission denied reading"},
}
NOTHING_CHANGED = {"ja": "何も書き換えていません", "en": "nothing was changed"}


# -- helpers -------------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder (``None``) under ``folder``, by relative path.

    An empty lock file (``.roles.yaml.lock``, see :func:`dxkit.writing.locked`) is left out: on
    Linux and macOS it stays after a command by design, and it holds nothing of anyone's.
    """
    if not folder.exists():
        return {}
    return {
        path.relative_to(folder).as_posix(): (None if path.is_dir() else path.read_bytes())
        for path in sorted(folder.rglob("*"))
        if not (path.name.startswith(".") and path.name.endswith(".lock") and path.stat().st_size == 0)
    }


def assert_refused(stdout: str, stderr: str, *, lang: str, kind: str, path: str) -> None:
    """The run ended in the message of ``kind`` naming ``path``, without any trace of a crash."""
    prefix = "エラー: " if lang == "ja" else "Error: "
    assert stderr.startswith(prefix), stderr
    assert SHOWN[kind][lang] in stderr, stderr
    assert path in stderr, stderr
    for text in (stdout, stderr):
        assert "Traceback" not in text
        assert "内部エラー" not in text and "Internal error" not in text


class _Faulty:
    """A stand-in for a module as :mod:`dxkit.writing` sees it, where one function fails after N calls."""

    def __init__(self, module: Any, name: str, after: int, code: int, once: bool = False) -> None:
        self._module, self._name, self._after, self._code, self._once = module, name, after, code, once
        self.calls = 0

    def __getattr__(self, attr: str) -> Any:
        real = getattr(self._module, attr)
        if attr != self._name:
            return real

        def faulty(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls > self._after and not (self._once and self.calls > self._after + 1):
                raise OSError(self._code, os.strerror(self._code))
            return real(*args, **kwargs)

        return faulty


def inject(
    monkeypatch: pytest.MonkeyPatch, name: str, *, after: int = 0, code: int = errno.ENOSPC, once: bool = False
) -> _Faulty:
    """Make ``os.<name>`` (or ``tempfile.mkstemp``) fail inside dxkit.writing after ``after`` calls.

    The fault stays (a disk that is full stays full), or with ``once`` hits only one call.
    """
    module = tempfile if name == "mkstemp" else os
    faulty = _Faulty(module, name, after, code, once)
    monkeypatch.setattr(dxkit.writing, module.__name__, faulty)
    return faulty


@pytest.fixture
def shiomi(tmp_path: Path, lang: str) -> Path:
    dest = tmp_path / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, dest)
    return dest


def edited_workbook(folder: Path, lang: str, where: Path) -> Path:
    """An export of ``folder``'s role matrix with one title changed, saved at ``where``."""
    from openpyxl import load_workbook

    exported = where.with_name("exported.xlsx")
    invoke(["export", "roles", str(folder), "-o", str(exported), "--lang", lang, "--today", "2026-10-01"])
    book = load_workbook(exported)
    sheet = book.worksheets[0]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(rows["T-015"], 2).value = "changed in the workbook"
    book.save(where)
    exported.unlink()
    return where


def writing_commands(folder: Path, workbook: Path, lang: str) -> dict[str, tuple[list[str], str]]:
    """Every command that writes into ``folder``: its arguments and the file it writes."""
    workshop = folder / "workshops" / "2026-01-24-issue-discovery.yaml"
    return {
        "import": (["import", str(workbook), "--into", str(folder / "roles.yaml")], "roles.yaml"),
        "promote": (["promote", str(workshop)], "issues.yaml"),
        "new": (["new", "workshop", "issue-discovery", "--dir", str(folder), "--date", "2026-11-02"], "workshops"),
        "export": (["export", "roles", str(folder), "-o", str(folder / "roles.xlsx")], "roles.xlsx"),
        "lessons": (["lessons", str(folder), "-o", str(folder / "lessons.md")], "lessons.md"),
        "init --overwrite": (["init", str(folder), "--overwrite", "--no-input"], str(folder)),
        "schema export": (["schema", "export", str(folder / "schemas")], "schemas"),
    }


COMMANDS = ["import", "promote", "new", "export", "lessons", "init --overwrite", "schema export"]


# -- dxkit.writing on its own ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["write", "fsync", "replace"])
def test_write_atomic_failing_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, name):
    target = tmp_path / "roles.yaml"
    target.write_bytes(b"old\n")
    inject(monkeypatch, name)
    with pytest.raises(WriteError) as caught:
        dxkit.writing.write_atomic(target, b"new\n")
    assert caught.value.msg_id == "write.disk_full" and caught.value.params["path"] == str(target)
    assert snapshot(tmp_path) == {"roles.yaml": b"old\n"}


def test_write_atomic_into_new_folders_removes_them_when_it_fails(tmp_path, monkeypatch):
    inject(monkeypatch, "write")
    with pytest.raises(WriteError):
        dxkit.writing.write_atomic(tmp_path / "a" / "b" / "out.md", b"x")
    assert snapshot(tmp_path) == {}


def test_write_temp_without_permission_bits_still_writes(tmp_path, monkeypatch):
    # FAT and some network shares refuse chmod: the file is written all the same.
    inject(monkeypatch, "chmod", code=errno.EPERM)
    dxkit.writing.write_atomic(tmp_path / "out.md", b"content")
    assert snapshot(tmp_path) == {"out.md": b"content"}


@pytest.mark.skipif(os.name == "nt", reason="Windows has no group and other permission bits")
def test_write_atomic_keeps_the_permission_bits_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "roles.yaml"
    target.write_bytes(b"old\n")
    target.chmod(0o664)
    dxkit.writing.write_atomic(target, b"new\n")
    assert target.stat().st_mode & 0o777 == 0o664 and target.read_bytes() == b"new\n"


def test_create_new_without_hard_links_creates_the_file_exclusively(tmp_path, monkeypatch):
    inject(monkeypatch, "link", code=errno.EPERM)  # what exFAT answers
    dxkit.writing.create_new(tmp_path / "w" / "a.yaml", b"a: 1\n")
    assert snapshot(tmp_path) == {"w": None, "w/a.yaml": b"a: 1\n"}
    with pytest.raises(UsageError):
        dxkit.writing.create_new(tmp_path / "w" / "a.yaml", b"other\n")
    assert snapshot(tmp_path) == {"w": None, "w/a.yaml": b"a: 1\n"}


def test_create_new_without_hard_links_on_a_full_disk_leaves_nothing(tmp_path, monkeypatch):
    inject(monkeypatch, "link", code=errno.EPERM)
    written = []
    real_write = os.write

    def write_once(fd: int, data: Any) -> int:
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(fd)
        return real_write(fd, data)

    monkeypatch.setattr(dxkit.writing.os, "write", write_once)  # the temp file, then the exclusive one
    with pytest.raises(WriteError) as caught:
        dxkit.writing.create_new(tmp_path / "a.yaml", b"a: 1\n")
    assert caught.value.msg_id == "write.disk_full"
    assert snapshot(tmp_path) == {}


def test_write_all_that_cannot_put_a_file_back_keeps_it_under_a_second_name(tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_bytes(b"old a\n")
    inject(monkeypatch, "replace", after=1)  # the second rename fails, and so does putting back
    with pytest.raises(WriteError):
        dxkit.writing.write_all([(tmp_path / "a.yaml", b"new a\n"), (tmp_path / "b.yaml", b"b\n")])
    kept = {name: data for name, data in snapshot(tmp_path).items() if name.endswith(".old")}
    assert list(kept.values()) == [b"old a\n"]
    assert not [name for name in snapshot(tmp_path) if name.endswith(".tmp")]


@pytest.mark.parametrize("after", [0, 1, 2])
def test_write_all_failing_at_any_rename_puts_every_file_back(tmp_path, monkeypatch, after):
    (tmp_path / "a.yaml").write_bytes(b"old a\n")
    (tmp_path / "b.yaml").write_bytes(b"old b\n")
    before = snapshot(tmp_path)
    inject(monkeypatch, "replace", after=after, once=True)  # the renames back must work
    files = [(tmp_path / "a.yaml", b"new a\n"), (tmp_path / "new" / "c.yaml", b"c\n"), (tmp_path / "b.yaml", b"nb\n")]
    with pytest.raises(WriteError):
        dxkit.writing.write_all(files)
    assert snapshot(tmp_path) == before


def test_write_all_writes_every_file_when_nothing_fails(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"old a\n")
    dxkit.writing.write_all([(tmp_path / "a.yaml", b"new a\n"), (tmp_path / "n" / "c.yaml", b"c\n")])
    assert snapshot(tmp_path) == {"a.yaml": b"new a\n", "n": None, "n/c.yaml": b"c\n"}


# -- init: all of the scaffold or nothing new --------------------------------------------------


@pytest.mark.parametrize("name", ["write", "fsync", "replace", "mkstemp"])
@pytest.mark.parametrize("after", [0, 7, 14])
def test_init_on_a_full_disk_leaves_nothing_and_reports_no_create(tmp_path, monkeypatch, lang, name, after):
    dest = tmp_path / "new" / "consortium"
    inject(monkeypatch, name, after=after)
    result = invoke(["init", str(dest), "--no-input", "--lang", lang], exit=2)
    assert_refused(result.stdout, result.stderr, lang=lang, kind="disk_full", path=str(dest))
    assert NOTHING_CHANGED[lang] in result.stderr.replace("Nothing", "nothing")
    assert "create" not in result.stdout
    assert snapshot(tmp_path) == {}


def test_init_into_a_partial_folder_on_a_full_disk_adds_nothing(tmp_path, monkeypatch, lang):
    dest = scaffold(tmp_path / "c", lang)
    for name in ("roles.yaml", "gates.yaml", "workshops/README.md"):
        (dest / name).unlink()
    (dest / "members.yaml").write_bytes(b"# my own members file\n")
    before = snapshot(tmp_path)
    inject(monkeypatch, "replace", after=2, once=True)
    result = invoke(["init", str(dest), "--no-input", "--overwrite", "--lang", lang], exit=2)
    assert_refused(result.stdout, result.stderr, lang=lang, kind="disk_full", path=str(dest))
    assert snapshot(tmp_path) == before


def test_init_reports_after_writing_exactly_what_it_did(tmp_path, lang):
    dest = scaffold(tmp_path / "c", lang)
    (dest / "roles.yaml").unlink()
    result = invoke(["init", str(dest), "--no-input", "--lang", lang])
    created = [line for line in result.stdout.splitlines() if line.startswith("create")]
    assert created == [f"create    {dest / 'roles.yaml'}"]
    assert (dest / "roles.yaml").is_file()


def test_init_file_vanishing_while_planning_is_created(tmp_path, monkeypatch, lang):
    import dxkit.scaffold

    dest = scaffold(tmp_path / "c", lang)
    real = dxkit.scaffold.read_head  # how the plan reads an existing file (a regular file, capped)

    def vanish(path: Path, size: int) -> tuple[bytes, int]:
        if path.name == "roles.yaml" and path.parent == dest:
            path.unlink()
        return real(path, size)

    monkeypatch.setattr(dxkit.scaffold, "read_head", vanish)
    result = invoke(["init", str(dest), "--no-input", "--lang", lang])
    assert f"create    {dest / 'roles.yaml'}" in result.stdout
    monkeypatch.undo()
    assert (dest / "roles.yaml").read_bytes() == (tmp_path / "c" / "roles.yaml").read_bytes()


# -- every writing command, read-only and full, injected ---------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("code", "kind"), [(errno.EROFS, "read_only"), (errno.ENOSPC, "disk_full")])
def test_writing_command_refused_by_the_system_changes_nothing(
    shiomi, tmp_path, monkeypatch, lang, command, code, kind
):
    workbook = edited_workbook(shiomi, lang, tmp_path / "edited.xlsx") if command == "import" else tmp_path / "none"
    args, written = writing_commands(shiomi, workbook, lang)[command]
    before = snapshot(shiomi)
    inject(monkeypatch, "mkstemp" if code == errno.EROFS else "write", code=code)
    result = invoke([*args, "--lang", lang], exit=2)
    assert_refused(result.stdout, result.stderr, lang=lang, kind=kind, path=written)
    assert snapshot(shiomi) == before


def test_a_full_quota_is_a_full_disk(shiomi, monkeypatch, lang):
    inject(monkeypatch, "fsync", code=errno.EDQUOT)
    target = shiomi / "roles.xlsx"
    result = invoke(["export", "roles", str(shiomi), "-o", str(target), "--lang", lang], exit=2)
    assert_refused(result.stdout, result.stderr, lang=lang, kind="disk_full", path=str(target))
    assert not target.exists()


def test_export_to_a_name_too_long_says_so(shiomi, lang):
    before = snapshot(shiomi)
    target = shiomi / ("x" * 300 + ".xlsx")
    result = invoke(["export", "roles", str(shiomi), "-o", str(target), "--lang", lang], exit=2)
    assert_refused(result.stdout, result.stderr, lang=lang, kind="name_too_long", path=str(target))
    assert snapshot(shiomi) == before


@pytest.mark.skipif(os.name == "nt", reason="Windows answers a rename onto a folder with a permission error")
def test_export_over_a_folder_says_it_is_a_folder(shiomi, lang):
    target = shiomi / "out.xlsx"
    target.mkdir()
    before = snapshot(shiomi)
    result = invoke(["export", "roles", str(shiomi), "-o", str(target), "--overwrite", "--lang", lang], exit=2)
    assert_refused(result.stdout, result.stderr, lang=lang, kind="is_folder", path=str(target))
    assert snapshot(shiomi) == before


def test_export_below_a_file_says_a_file_is_in_the_way(shiomi, lang):
    before = snapshot(shiomi)
    target = shiomi / "roles.yaml" / "sub" / "out.xlsx"
    result = invoke(["export", "roles", str(shiomi), "-o", str(target), "--lang", lang], exit=2)
    assert_refused(result.stdout, result.stderr, lang=lang, kind="not_a_folder", path=str(target))
    assert snapshot(shiomi) == before


# -- files that vanish ---------------------------------------------------------------------


def test_import_target_vanishing_after_reading_the_sheet_is_a_message(shiomi, tmp_path, monkeypatch, lang):
    import dxkit.validate

    workbook = edited_workbook(shiomi, lang, tmp_path / "edited.xlsx")
    roles = shiomi / "roles.yaml"
    real = dxkit.validate.open_consortium

    # import reads the workbook first, then the consortium, then roles.yaml's bytes to edit.
    def open_then_vanish(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        roles.unlink()
        return found

    monkeypatch.setattr(dxkit.validate, "open_consortium", open_then_vanish)
    result = invoke(["import", str(workbook), "--into", str(roles), "--lang", lang], exit=2)
    assert_refused(result.stdout, result.stderr, lang=lang, kind="read_missing", path=str(roles))
    assert not roles.exists()


def test_promote_register_vanishing_after_checking_it_is_a_message(shiomi, monkeypatch, lang):
    import dxkit.editing.files
    from dxkit.i18n import t

    register = shiomi / "issues.yaml"
    real = dxkit.editing.files.load_checked

    # promote checks the register, then reads the bytes it edits: the file goes in between.
    def load_then_vanish(path: Path, kinds: tuple[str, ...], language: str) -> Any:
        doc = real(path, kinds, language)
        if path == register:
            register.unlink()
        return doc

    monkeypatch.setattr(dxkit.editing.files, "load_checked", load_then_vanish)
    workshop = shiomi / "workshops" / "2026-01-24-issue-discovery.yaml"
    result = invoke(["promote", str(workshop), "--lang", lang], exit=2)
    assert t("promote.changed", lang, file=str(register)) in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not register.exists()


def test_export_source_vanishing_between_listing_and_reading_is_a_message(shiomi, monkeypatch, lang):
    import dxkit.validate

    roles = shiomi / "roles.yaml"
    real = dxkit.validate.load_file

    def vanish(path: Path, display: str | None = None) -> Any:
        if path == roles:
            roles.unlink()
        return real(path, display)

    monkeypatch.setattr(dxkit.validate, "load_file", vanish)
    result = invoke(["export", "roles", str(shiomi), "-f", "csv", "--lang", lang], exit=2)
    assert "roles.yaml" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("エラー: " if lang == "ja" else "Error: ") == 1
    assert result.stdout == ""


def test_folder_removed_while_writing_is_a_message(shiomi, monkeypatch, lang):
    target = shiomi / "out" / "roles.csv"
    real = os.replace

    def remove_folder_first(src: str, dst: Any) -> None:
        shutil.rmtree(target.parent)
        real(src, dst)

    fake = _Faulty(os, "unused", 0, 0)
    monkeypatch.setattr(dxkit.writing, "os", fake)
    monkeypatch.setattr(fake, "replace", remove_folder_first, raising=False)
    result = invoke(["export", "roles", str(shiomi), "-f", "csv", "-o", str(target), "--lang", lang], exit=2)
    assert_refused(result.stdout, result.stderr, lang=lang, kind="folder_missing", path=str(target))


def test_an_os_error_reaching_the_command_line_names_its_file(sample, monkeypatch, lang):
    import dxkit.analyses.lessons

    def refused(*args: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied", str(sample / "retrospectives" / "x.yaml"))

    monkeypatch.setattr(dxkit.analyses.lessons, "gather", refused)
    result = invoke(["lessons", str(sample), "--lang", lang], exit=2)
    assert_refused(result.stdout, result.stderr, lang=lang, kind="read_permission", path="x.yaml")


def test_an_os_error_without_a_file_is_still_a_message(sample, monkeypatch, lang):
    import dxkit.analyses.lessons

    def refused(*args: Any) -> Any:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(dxkit.analyses.lessons, "gather", refused)
    result = invoke(["lessons", str(sample), "--lang", lang], exit=2)
    assert "Input/output error" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith("エラー: " if lang == "ja" else "Error: ")


# -- site build: the old site stays when the new one cannot be written ---------------------------


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    pytest.importorskip("material")
    root = tmp_path_factory.mktemp("faults-site")
    folder = root / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / "en", folder)
    out = root / "site"
    invoke(["site", "build", str(folder), "--out", str(out), "--today", "2026-10-01"])
    return folder, out


def test_site_build_on_a_full_disk_keeps_the_site_that_was_there(built_once, monkeypatch, lang):
    folder, out = built_once
    before = snapshot(out.parent)
    copied = []
    real = shutil.copy2

    def fill_up(src: Any, dst: Any, **kwargs: Any) -> Any:
        if len(copied) > 5:
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        copied.append(dst)
        return real(src, dst, **kwargs)

    monkeypatch.setattr(shutil, "copy2", fill_up)
    result = invoke(["site", "build", str(folder), "--out", str(out), "--today", "2026-10-01", "--lang", lang], exit=2)
    assert_refused(result.stdout, result.stderr, lang=lang, kind="disk_full", path=str(out))
    assert snapshot(out.parent) == before


# -- for real: another user, a folder that user cannot write ---------------------------------


SRC = ROOT / "src"
PROBE = "import sys, yaml, typer, openpyxl, jsonschema, dxkit.cli; print('%d.%d' % sys.version_info[:2])"


def _python_path() -> str:
    paths = [str(SRC), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    return os.pathsep.join(dict.fromkeys(paths))


@functools.cache
def other_user() -> list[str] | str:
    """The command prefix that runs Python as a user file modes apply to, or why there is none."""
    if os.name == "nt":
        return "Windows has no POSIX file modes to test against"
    if os.geteuid() != 0:
        return [sys.executable]  # not root: file modes already apply to us
    if shutil.which("setpriv"):
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    elif shutil.which("runuser"):
        prefix = ["runuser", "-u", "nobody", "--"]
    else:
        return "running as root without setpriv or runuser to become another user"
    version = "{}.{}".format(*sys.version_info[:2])
    candidates = [
        sys.executable,
        os.path.realpath(sys.executable),
        getattr(sys, "_base_executable", sys.executable),
        shutil.which(f"python{version}", path="/usr/local/bin:/usr/bin:/bin"),
    ]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": _python_path(), "PYTHONDONTWRITEBYTECODE": "1"}
    for python in dict.fromkeys(c for c in candidates if c):
        found = subprocess.run([*prefix, python, "-c", PROBE], capture_output=True, text=True, env=env, check=False)
        if found.returncode == 0 and found.stdout.strip() == version:
            return [*prefix, python]
    return f"no Python {version} that the user nobody may run can import dxkit and its dependencies"


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder outside pytest's private temporary tree (mode 0700), which the other user can read."""
    root = Path(tempfile.mkdtemp(prefix="dxkit-faults-"))
    root.chmod(0o755)
    try:
        yield root
    finally:
        for path in [root, *root.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(root)


def make_read_only(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        path.chmod(0o555 if path.is_dir() else 0o444)
    folder.chmod(0o555)


def run_as_other_user(args: list[str]) -> subprocess.CompletedProcess[str]:
    prefix = other_user()
    if isinstance(prefix, str):
        pytest.skip(prefix)
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": _python_path(),
        "PYTHONDONTWRITEBYTECODE": "1",
        "COLUMNS": "200",
        "HOME": tempfile.gettempdir(),
    }
    return subprocess.run(
        [*prefix, "-m", "dxkit", *args], capture_output=True, text=True, env=env, cwd="/", timeout=120, check=False
    )


@pytest.fixture
def read_only_consortium(shared_folder: Path, lang: str) -> tuple[Path, Path]:
    folder = shared_folder / "shiomi"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
    workbook = edited_workbook(folder, lang, shared_folder / "edited.xlsx")
    roles = folder / "roles.yaml"
    roles.write_bytes(roles.read_bytes() + b"# edited, so that init --overwrite has something to write\n")
    for path in [shared_folder, *shared_folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    make_read_only(folder)
    return folder, workbook


@pytest.mark.parametrize("command", COMMANDS)
def test_writing_command_in_a_folder_the_user_cannot_write(read_only_consortium, lang, command):
    folder, workbook = read_only_consortium
    args, written = writing_commands(folder, workbook, lang)[command]
    before = snapshot(folder)
    result = run_as_other_user([*args, "--lang", lang])
    assert result.returncode == 2, result.stdout + result.stderr
    assert_refused(result.stdout, result.stderr, lang=lang, kind="permission", path=written)
    assert snapshot(folder) == before


def test_init_in_a_folder_the_user_cannot_write(shared_folder, lang):
    parent = shared_folder / "locked"
    parent.mkdir()
    parent.chmod(0o555)
    result = run_as_other_user(["init", str(parent / "c"), "--no-input", "--lang", lang])
    assert result.returncode == 2, result.stdout + result.stderr
    assert_refused(result.stdout, result.stderr, lang=lang, kind="permission", path=str(parent / "c"))
    assert "create" not in result.stdout
    assert snapshot(parent) == {}


def test_import_of_a_workbook_the_user_cannot_read(read_only_consortium, lang):
    folder, workbook = read_only_consortium
    before = snapshot(folder)
    workbook.chmod(0o600)
    result = run_as_other_user(["import", str(workbook), "--into", str(folder / "roles.yaml"), "--lang", lang])
    # dxkit's workbook reader names the file and why it cannot be read.
    assert result.returncode == 2, result.stdout + result.stderr
    assert str(workbook) in result.stderr and "Traceback" not in result.stderr
    assert snapshot(folder) == before


# -- for real: a full and a read-only file system (a private mount namespace) --------------------


DRIVER = textwrap.dedent(
    """
    import json, os, subprocess, sys
    mount, runs = sys.argv[1], json.loads(sys.argv[2])
    results = []
    for args in runs:
        done = subprocess.run([sys.executable, "-m", "dxkit", *args], capture_output=True, text=True)
        files = sorted(os.path.relpath(os.path.join(d, n), mount) for d, ds, fs in os.walk(mount) for n in ds + fs)
        results.append({"rc": done.returncode, "stdout": done.stdout, "stderr": done.stderr, "files": files})
    print(json.dumps(results))
    """
)


@functools.cache
def private_mounts() -> str | None:
    """Why a private mount namespace with a tmpfs cannot be made here (``None`` when it can)."""
    if os.name == "nt" or not shutil.which("unshare"):
        return "no unshare on this system"
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root"
    with tempfile.TemporaryDirectory() as where:
        probe = subprocess.run(
            ["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {where}"],
            capture_output=True,
            check=False,
        )
    return None if probe.returncode == 0 else "this system does not allow a private tmpfs mount"


def on_tmpfs(mount: Path, size: int, setup: str, runs: list[list[str]]) -> list[dict[str, Any]]:
    """Run each of ``runs`` (dxkit arguments) with ``mount`` a tmpfs of ``size`` bytes, after ``setup``."""
    reason = private_mounts()
    if reason:
        pytest.skip(reason)
    script = f'mount -t tmpfs -o size={size} tmpfs "$0" && {setup} exec "$1" -c "$2" "$0" "$3"'
    env = {**os.environ, "PYTHONPATH": _python_path(), "COLUMNS": "200"}
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, str(mount), sys.executable, DRIVER, json.dumps(runs)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


def test_init_on_a_really_full_disk_leaves_nothing(tmp_path, lang):
    files = init_files(name="x", municipality="y", lang=lang, today=TODAY)
    pages = sum(-(-len(f.content) // 4096) for f in files)
    mount = tmp_path / "small"
    mount.mkdir()
    [run] = on_tmpfs(mount, pages // 2 * 4096, "", [["init", str(mount / "c"), "--no-input", "--lang", lang]])
    assert run["rc"] == 2
    assert_refused(run["stdout"], run["stderr"], lang=lang, kind="disk_full", path=str(mount / "c"))
    assert run["files"] == [] and "create" not in run["stdout"]


def test_writing_commands_on_a_really_read_only_file_system(tmp_path, lang):
    mount = tmp_path / "ro"
    mount.mkdir()
    folder = mount / "shiomi"
    source = ROOT / "examples" / "shiomi" / lang
    setup = f'cp -r "{source}" "{folder}" && mount -o remount,ro "$0" &&'
    runs = [
        ["export", "roles", str(folder), "-o", str(folder / "roles.xlsx"), "--lang", lang],
        ["lessons", str(folder), "-o", str(folder / "lessons.md"), "--lang", lang],
        ["new", "workshop", "issue-discovery", "--dir", str(folder), "--date", "2026-11-02", "--lang", lang],
        ["promote", str(folder / "workshops" / "2026-01-24-issue-discovery.yaml"), "--lang", lang],
    ]
    results = on_tmpfs(mount, 4 * 1024 * 1024, setup, runs)
    listing = results[0]["files"]
    for run, written in zip(results, ["roles.xlsx", "lessons.md", "workshops", "issues.yaml"], strict=True):
        assert run["rc"] == 2, run
        assert_refused(run["stdout"], run["stderr"], lang=lang, kind="read_only", path=written)
        assert run["files"] == listing
