"""Opening a consortium for a command that edits one of its files and reads that file itself."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from dxkit.validate import open_consortium

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shiomi" / "ja"
TODAY = dt.date(2026, 10, 1)


def test_open_consortium_leave_out_reads_every_file_but_the_one_named(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    shutil.copytree(EXAMPLE, folder)
    whole, _ = open_consortium(str(folder), lang="ja", today=TODAY)
    assert whole.has_roles and whole.members
    # Named by another spelling of the same path: still the same file.
    spelled = folder / "retrospectives" / ".." / "roles.yaml"
    part, findings = open_consortium(str(folder), lang="ja", today=TODAY, leave_out=spelled)
    assert not part.has_roles and not findings
    assert part.member_display_names("ja") == whole.member_display_names("ja")
    assert len(list(part.documents())) == len(list(whole.documents())) - 1


def test_open_consortium_leave_out_of_the_only_file_is_an_empty_consortium(tmp_path: Path) -> None:
    (tmp_path / "roles.yaml").write_text("kind: roles\nversion: 1\ntasks: []\n", encoding="utf-8")
    consortium, findings = open_consortium(str(tmp_path), lang="ja", today=TODAY, leave_out=tmp_path / "roles.yaml")
    assert not consortium.has_roles and not consortium.members and not findings
