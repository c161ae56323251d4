"""``dxkit.overview``: every consortium under a root is one row, its numbers are those of the analyses."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from dxkit.analyses.assessment import build_assessment
from dxkit.analyses.gates import build_gate_report
from dxkit.analyses.keyperson import analyse
from dxkit.analyses.status import build_status
from dxkit.errors import UsageError
from dxkit.overview import build_overview
from dxkit.reporters.overview import cells, render_html_page
from dxkit.validate import check_paths, open_consortium
from tests.conftest import scaffold

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shiomi" / "ja"
LATER = dt.date(2027, 6, 1)  # the scaffold's deadlines (relative to 2026-06-01) are past by then


def _tree(root: Path) -> Path:
    scaffold(root / "north", "ja", name="北町協議会", municipality="北町")
    scaffold(root / "north" / "harbour", "ja", name="港地区協議会", municipality="北町")
    scaffold(root / "south", "en", name="South Consortium", municipality="South Town")
    scaffold(root / ".hidden" / "secret", "ja", name="隠し協議会")
    scaffold(root / "site" / "built", "ja", name="出力協議会")
    return root


def test_overview_one_row_per_consortium_nested_included_hidden_and_site_skipped(tmp_path):
    root = _tree(tmp_path / "pref")
    overview = build_overview(str(root), lang="ja", today=LATER)
    names = {Path(row.folder).relative_to(root).as_posix(): row.name for row in overview.rows}
    assert names == {"north": "北町協議会", "north/harbour": "港地区協議会", "south": "South Consortium"}


def test_overview_numbers_are_those_of_status_gate_keyperson_and_validate(tmp_path):
    root = _tree(tmp_path / "pref")
    overview = build_overview(str(root), lang="ja", today=LATER)
    for row in overview.rows:
        consortium, _ = open_consortium(row.folder, lang="ja", today=LATER)
        status = build_status(consortium)
        assert row.overdue_with_plan == len(status.overdue_explained)
        assert row.overdue_without_plan == len(status.overdue_unexplained)
        assert row.last_retrospective == status.last_retrospective
        assert row.keyperson_risks == len(analyse(consortium).risks)
        current = build_gate_report(consortium).current
        assert current is not None and row.gate is not None
        assert (row.gate.id, row.gate.criteria) == (current.id, len(current.criteria))
        assert row.gate.ready == len(current.criteria) - len(current.missing)
        assert row.stage == consortium.charter.stage  # type: ignore[union-attr]
        report = check_paths([row.folder], lang="ja", today=LATER)
        nested = [f for f in report.findings if Path(f.file).parent.name == "harbour" and row.folder.endswith("north")]
        assert row.errors == report.errors - sum(f.severity.value == "error" for f in nested)
        assert row.problem is None
    assert sum(row.overdue_without_plan or 0 for row in overview.rows) > 0


def test_overview_unreadable_consortium_is_a_row_with_its_problem(tmp_path):
    root = _tree(tmp_path / "pref")
    broken = root / "broken"
    broken.mkdir()
    (broken / "consortium.yaml").write_text("kind: consortium\nname: [unclosed\n", encoding="utf-8")
    (root / "south" / "roles.yaml").write_bytes(b"\xff\xfe not utf-8 \x00")
    overview = build_overview(str(root), lang="en", today=LATER)
    rows = {Path(row.folder).name: row for row in overview.rows}
    assert rows["broken"].problem is not None and rows["broken"].problem.msg_id == "overview.problem.charter"
    assert rows["broken"].errors >= 1 and rows["broken"].name is None
    assert "broken/consortium.yaml:" in rows["broken"].problem.params["where"].replace(os.sep, "/")
    south = rows["south"]
    assert south.problem is not None and south.problem.msg_id == "overview.problem.unreadable"
    assert "roles.yaml" in south.problem.params["files"] and south.overdue_without_plan is None
    assert south.name == "South Consortium"
    assert rows["north"].problem is None  # the others are still read
    ja = cells(rows["broken"], "ja")[11].text
    en = cells(rows["broken"], "en")[11].text
    assert "規約（consortium.yaml）を使えません" in ja and "The charter (consortium.yaml) cannot be used" in en


def test_overview_schema_error_leaves_the_file_out_and_says_so(tmp_path):
    root = tmp_path / "pref"
    scaffold(root / "a", "ja")
    roles = root / "a" / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("due: ", "due: not-a-date-", 1), encoding="utf-8")
    (row,) = build_overview(str(root), lang="ja", today=LATER).rows
    assert row.problem is None and row.errors >= 1
    assert [Path(f).name for f in row.left_out] == ["roles.yaml"]
    assert "問題のあるファイルを除いて集計" in cells(row, "ja")[11].text
    assert "Files with problems left out" in cells(row, "en")[11].text


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_overview_follows_no_link_out_of_the_root(tmp_path):
    outside = scaffold(tmp_path / "outside", "ja", name="外の協議会")
    secret = tmp_path / "secret.yaml"
    secret.write_text("kind: members\nversion: 1\nmembers:\n  - {id: x, name: 外の秘密, type: municipality}\n")
    root = tmp_path / "pref"
    scaffold(root / "a", "ja")
    try:
        (root / "linked").symlink_to(outside, target_is_directory=True)
        (root / "a" / "extra-members.yaml").symlink_to(secret)
    except OSError:
        pytest.skip("symbolic links cannot be made here")
    (row,) = build_overview(str(root), lang="ja", today=LATER).rows
    assert Path(row.folder).name == "a"
    consortium, _ = open_consortium(row.folder, lang="ja", today=LATER)
    assert "外の秘密" in consortium.member_names().values()  # a plain analysis would read it …
    assert row.keyperson_risks == len(analyse(_without(consortium, "x")).risks)  # … the overview does not


def _without(consortium, member_id):  # the consortium as it is without the linked file
    files = [f for f in consortium.member_files if all(m.id != member_id for m in f.members)]
    return dataclasses.replace(consortium, member_files=files)


def test_overview_charter_of_another_kind_is_a_row_that_says_so(tmp_path):
    root = tmp_path / "pref"
    scaffold(root / "a", "ja")
    members = (root / "a" / "members.yaml").read_text(encoding="utf-8")
    (root / "a" / "consortium.yaml").write_text(members, encoding="utf-8")
    (row,) = build_overview(str(root), lang="ja", today=LATER).rows
    assert row.problem is not None and row.name is None
    assert "kind: consortium" in cells(row, "ja")[11].text and "kind: consortium" in cells(row, "en")[11].text


def test_overview_root_that_is_not_a_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError) as caught:
        build_overview(str(tmp_path / "nowhere"), lang="ja", today=LATER)
    assert caught.value.msg_id == "analysis.no_folder"


def test_overview_html_escapes_every_value_and_loads_nothing(tmp_path):
    root = tmp_path / "pref"
    scaffold(root / "x", "ja", name='<img src=x onerror="alert(1)">協議会', municipality="<b>町</b>")
    overview = build_overview(str(root), lang="ja", today=LATER)
    page = render_html_page(overview, "ja")
    assert "<img" not in page and "<b>" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;協議会" in page
    assert "&lt;b&gt;町&lt;/b&gt;" in page
    assert "http://" not in page and "https://" not in page and " src=" not in page.replace("src=x", "")
    assert "default-src &#x27;none&#x27;" in page
    assert '<html lang="ja">' in page and "推進体制" in page and "次のゲートの準備" in page
    english = render_html_page(overview, "en")
    assert '<html lang="en">' in english and "Next gate readiness" in english


def test_overview_dates_read_as_people_write_them(tmp_path):
    root = tmp_path / "pref"
    shutil.copytree(EXAMPLE, root / "shiomi")
    scaffold(root / "new", "ja")
    new, shiomi = build_overview(str(root), lang="ja", today=LATER).rows
    assert shiomi.last_retrospective is not None
    year, month, day = (int(p) for p in shiomi.last_retrospective.split("-"))
    assert cells(shiomi, "ja")[7].text.startswith(f"{year}年{month}月{day}日")
    assert cells(shiomi, "en")[7].text.endswith(f" {year}") and "年" not in cells(shiomi, "en")[7].text
    assert cells(shiomi, "ja")[2].text == "社会実証" and cells(shiomi, "en")[2].text == "demonstration"
    assert (cells(new, "ja")[7].text, cells(new, "en")[7].text) == ("なし", "none")


def test_overview_assessment_scores_are_those_of_assess_and_shown_only_where_present(tmp_path):
    root = tmp_path / "pref"
    scaffold(root / "a", "ja")
    plain = build_overview(str(root), lang="ja", today=LATER)
    assert plain.rows[0].assessment is None and "評価" not in render_html_page(plain, "ja")
    shutil.copytree(EXAMPLE, root / "shiomi")
    scored = build_overview(str(root), lang="ja", today=LATER)
    row = next(r for r in scored.rows if r.folder.endswith("shiomi"))
    consortium, _ = open_consortium(row.folder, lang="ja", today=LATER)
    report = build_assessment(consortium)
    assert row.assessment is not None and row.assessment.overall == report.overall.score is not None
    assert [a.score for a in row.assessment.areas] == [line.score for line in report.areas]
    year, month, day = (int(p) for p in str(report.round_date).split("-"))
    ja, en = cells(row, "ja")[10].text, cells(row, "en")[10].text
    assert ja.startswith(f"{report.overall.score:g} / 3（{year}年{month}月{day}日") and "問に回答" in ja
    assert en.startswith(f"{report.overall.score:g} / 3 (") and "questions answered" in en
    assert '<th scope="col"><button type="button">評価</button></th>' in render_html_page(scored, "ja")
    assert cells(scored.rows[0], "ja")[10].text == ""  # the other consortium has none
