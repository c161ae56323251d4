"""Files reached twice (through a link, or named twice) are checked once, as the resolved path says."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dxkit.discovery import LoadError, Target, _real, _walk_keyed, iter_targets

MEMBERS = "kind: members\nversion: 1\nmembers: []\n"


def _targets(*paths: str) -> list[Target]:
    found = list(iter_targets(paths))
    assert not [item for item in found if isinstance(item, LoadError)]
    return [item for item in found if isinstance(item, Target)]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a" / "workshops").mkdir(parents=True)
    (tmp_path / "a" / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    (tmp_path / "a" / "workshops" / "w1.yaml").write_text("kind: workshop\n", encoding="utf-8")
    try:
        (tmp_path / "b").symlink_to(tmp_path / "a", target_is_directory=True)
        (tmp_path / "a" / "workshops" / "again.yaml").symlink_to(tmp_path / "a" / "workshops" / "w1.yaml")
    except OSError:
        pytest.skip("this system does not let this user make links")
    return tmp_path


def test_resolved_path_is_the_systems(tree: Path) -> None:
    folders: dict[str, str] = {}
    for path in [
        tree / "a" / "members.yaml",
        tree / "b" / "members.yaml",
        tree / "b" / "workshops" / "again.yaml",
        Path("a/members.yaml"),
        Path("b/workshops/../members.yaml"),
        Path("a/workshops/again.yaml"),
        Path("missing.yaml"),
        Path("a/.."),
    ]:
        assert _real(path, folders) == os.path.realpath(path), path


def test_a_file_linked_in_the_same_folder_is_checked_once(tree: Path) -> None:
    shown = [t.display for t in _targets("a")]
    assert shown.count(os.path.join("a", "members.yaml")) == 1
    # w1.yaml and the link to it are one file: whichever the walk meets first is kept.
    workshops = [name for name in shown if "workshops" in name]
    assert len(workshops) == 1


def test_a_folder_named_twice_through_a_link_is_checked_once(tree: Path) -> None:
    assert len(_targets("a", "b")) == len(_targets("a"))
    assert {t.display.split(os.sep)[0] for t in _targets("a", "b")} == {"a"}


def test_every_walked_file_is_keyed_by_its_resolved_path(tree: Path) -> None:
    # The walk resolves a file from its folder's resolved path without asking the system; only a
    # link is resolved on its own. A link to a folder inside the tree is not entered.
    (tree / "a" / "inner").symlink_to(tree / "a" / "workshops", target_is_directory=True)
    for start in ("a", "b", str(tree / "b"), "./a/", "a/workshops/.."):
        keyed = list(_walk_keyed(Path(start), start))
        assert len(keyed) == 3, start
        for target, key in keyed:
            assert key == os.path.realpath(target.path), (start, target)
            assert target.display == os.path.normpath(target.display)
        assert not [t for t, _ in keyed if "inner" in t.display]
