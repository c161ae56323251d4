from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePosixPath

import pytest

from dxkit.errors import ScaffoldConflict, UsageError
from dxkit.loading import load_file
from dxkit.rules import Selection
from dxkit.scaffold import Action, PlannedFile, apply, init_files, plan
from dxkit.validate import check_paths
from dxkit.writing import write_atomic
from tests.conftest import TODAY, scaffold


def _files(tmp: Path) -> dict[str, bytes]:
    return {str(p.relative_to(tmp)): p.read_bytes() for p in sorted(tmp.rglob("*")) if p.is_file()}


def test_init_files_cover_every_kind_and_folder(lang):
    names = {str(f.rel) for f in init_files(name="N", municipality="M", lang=lang, today=TODAY)}
    for expected in (
        "consortium.yaml",
        "members.yaml",
        "roles.yaml",
        "gates.yaml",
        "issues.yaml",
        "data.yaml",
        "README.md",
        "workshops/README.md",
        "retrospectives/README.md",
        ".dxkit/schemas/v1/roles.schema.json",
    ):
        assert expected in names


def test_scaffold_validates_clean(sample, lang):
    report = check_paths([str(sample)], lang=lang, today=TODAY)
    assert report.findings == []
    assert report.files == len(list(sample.glob("*.yaml")))


def test_scaffold_stays_clean_until_its_first_deadline(sample, lang):
    later = TODAY + dt.timedelta(days=59)
    assert check_paths([str(sample)], lang=lang, today=later).findings == []


def test_scaffold_modeline_points_at_local_schema(sample):
    for name in ("consortium", "members", "roles", "gates", "issues", "data"):
        first = (sample / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=.dxkit/schemas/v1/{name}.schema.json"
        assert (sample / ".dxkit/schemas/v1" / f"{name}.schema.json").is_file()


def test_scaffold_language_of_content(sample, lang):
    text = (sample / "roles.yaml").read_text(encoding="utf-8")
    assert ("住民" in text) == (lang == "ja")
    assert load_file(sample / "consortium.yaml").data["language"] == lang


@pytest.mark.parametrize(
    "hostile",
    ['Foo: "bar" # x', "- [ ] {a: 1}", "!!python/object:os.system", "*alias &anchor", "`rm -rf` <b>x</b> | #"],
)
def test_scaffold_quotes_any_name_safely(tmp_path, hostile):
    dest = scaffold(tmp_path / "c", "en", name=hostile, municipality=hostile)
    doc = load_file(dest / "consortium.yaml")
    assert doc.data["name"] == hostile and doc.data["municipality"] == hostile
    assert check_paths([str(dest)], lang="en", today=TODAY).errors == 0


@pytest.mark.parametrize("bad", ["", "   ", "line\nbreak", "tab\there", "x" * 201, "bell\x07"])
def test_scaffold_refuses_unusable_names(bad):
    with pytest.raises(UsageError):
        init_files(name=bad, municipality="M", lang="ja", today=TODAY)


def test_rerun_keeps_edited_files_byte_identical(sample, lang):
    roles = sample / "roles.yaml"
    edited = roles.read_bytes().replace(b"T-001", b"T-101")
    roles.write_bytes(edited)
    (sample / "members.yaml").unlink()
    before = _files(sample)
    steps = plan(sample, init_files(name="x", municipality="y", lang=lang, today=TODAY))
    actions = {str(s.rel): s.action for s in steps}
    assert actions["roles.yaml"] is Action.SKIP
    assert actions["members.yaml"] is Action.CREATE
    assert actions[".dxkit/schemas/v1/roles.schema.json"] is Action.IDENTICAL
    apply(sample, steps)
    after = _files(sample)
    assert after["roles.yaml"] == edited
    for name, content in before.items():
        assert after[name] == content
    assert "members.yaml" in after


def test_rerun_with_same_inputs_is_all_identical(tmp_path):
    dest = scaffold(tmp_path / "c", "ja")
    steps = plan(dest, init_files(name="テスト協議会", municipality="テスト市", lang="ja", today=TODAY))
    assert {s.action for s in steps} == {Action.IDENTICAL}


def test_overwrite_replaces_only_when_asked(sample, lang):
    roles = sample / "roles.yaml"
    roles.write_text("kind: roles\n", encoding="utf-8")
    files = init_files(name="テスト協議会", municipality="テスト市", lang=lang, today=TODAY)
    steps = plan(sample, files, overwrite=True)
    assert {str(s.rel): s.action for s in steps}["roles.yaml"] is Action.OVERWRITE
    apply(sample, steps)
    assert roles.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_conflict_writes_nothing(tmp_path):
    dest = tmp_path / "c"
    (dest / "roles.yaml").mkdir(parents=True)
    (dest / "workshops").write_text("a file where a folder must be", encoding="utf-8")
    before = _files(dest)
    steps = plan(dest, init_files(name="n", municipality="m", lang="ja", today=TODAY))
    conflicts = {str(s.rel) for s in steps if s.action is Action.CONFLICT}
    assert conflicts == {"roles.yaml", "workshops/README.md"}
    with pytest.raises(ScaffoldConflict) as info:
        apply(dest, steps)
    assert "roles.yaml" in info.value.message("en")
    assert _files(dest) == before


def test_symlinked_target_is_a_conflict(tmp_path):
    dest = tmp_path / "c"
    dest.mkdir()
    outside = tmp_path / "outside.yaml"
    outside.write_text("mine\n", encoding="utf-8")
    (dest / "roles.yaml").symlink_to(outside)
    steps = plan(dest, [PlannedFile(PurePosixPath("roles.yaml"), b"new\n")])
    assert steps[0].action is Action.CONFLICT
    assert outside.read_text(encoding="utf-8") == "mine\n"


def test_write_atomic_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "a" / "b.yaml"
    write_atomic(target, b"x: 1\n")
    write_atomic(target, b"x: 2\n")
    assert target.read_bytes() == b"x: 2\n"
    assert [p.name for p in target.parent.iterdir()] == ["b.yaml"]


def test_selection_config_merge():
    base = Selection()
    merged = base.merged_with_config({"select": ["DX3"], "ignore": ["DX305"]})
    assert merged.allows("DX301") and not merged.allows("DX305") and not merged.allows("DX101")
    assert merged.allows("DX001")  # reading errors cannot be ignored
    cli = Selection(select=("DX1",), ignore=("DX102",)).merged_with_config({"select": ["DX3"], "ignore": ["DX101"]})
    assert cli.select == ("DX1",) and set(cli.ignore) == {"DX101", "DX102"}
