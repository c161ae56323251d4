"""dxkit overview: the command prints, writes and refuses as it says, in both languages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import ROOT, scaffold
from tests.helpers import invoke

TODAY = "2027-06-01"


def _pref(tmp_path: Path) -> Path:
    root = tmp_path / "pref"
    shutil.copytree(ROOT / "examples" / "shiomi" / "ja", root / "shiomi")
    scaffold(root / "kita", "ja", name="北町協議会", municipality="北町")
    broken = root / "broken"
    broken.mkdir()
    (broken / "consortium.yaml").write_text("kind: consortium\nname: [\n", encoding="utf-8")
    return root


def test_overview_text_lists_every_consortium_in_japanese(tmp_path):
    root = _pref(tmp_path)
    result = invoke(["overview", str(root), "--today", TODAY], env={"COLUMNS": "200"})
    out = result.stdout
    assert "汐見市地域DX推進協議会" in out and "北町協議会" in out
    assert "推進体制の一覧" in out and "2027年6月1日" in out
    assert "推進体制 3 件（読めなかったもの 1 件" in out
    assert "規約（consortium.yaml）を使えません" in out  # the broken one is a row with its problem, not a crash
    assert "社会実証" in out and "demonstration" not in out


def test_overview_text_in_english(tmp_path):
    root = _pref(tmp_path)
    out = invoke(["overview", str(root), "--today", TODAY, "--lang", "en"], env={"COLUMNS": "200"}).stdout
    assert "Consortia under" in out and "3 consortia (1 could not be read" in out
    assert "The charter (consortium.yaml) cannot be used" in out


def test_overview_json_has_codes_counts_and_iso_dates(tmp_path):
    root = _pref(tmp_path)
    data = json.loads(invoke(["overview", str(root), "--today", TODAY, "--format", "json"]).stdout)
    rows = {Path(row["folder"]).name: row for row in data["rows"]}
    assert set(rows) == {"shiomi", "kita", "broken"}
    assert rows["shiomi"]["stage"] == "demonstration"
    assert rows["shiomi"]["last_retrospective"][:4].isdigit() and rows["shiomi"]["overdue_without_plan"] > 0
    assert rows["broken"]["problem"]["code"] == "overview.problem.charter"
    assert "consortium.yaml" in rows["broken"]["problem"]["message"]


def test_overview_html_writes_a_page_and_refuses_to_overwrite(tmp_path):
    root = _pref(tmp_path)
    page = tmp_path / "overview.html"
    result = invoke(["overview", str(root), "--today", TODAY, "--format", "html", "-o", str(page)])
    assert "推進体制 3 件の一覧を" in result.stdout
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script>" in html and "北町協議会" in html
    assert "https://" not in html and "<link" not in html
    again = invoke(["overview", str(root), "-f", "html", "-o", str(page), "--lang", "en"], exit=2)
    assert "already exists; add --overwrite" in again.stderr
    invoke(["overview", str(root), "-f", "html", "-o", str(page), "--overwrite", "--lang", "en"])
    assert '<html lang="en">' in page.read_text(encoding="utf-8")


def test_overview_missing_root_is_exit_2_with_a_message(tmp_path):
    result = invoke(["overview", str(tmp_path / "nowhere")], exit=2)
    assert "nowhere" in result.stderr and "Traceback" not in result.stderr


def test_overview_empty_root_says_none_found(tmp_path):
    wide = {"COLUMNS": "300"}
    ja = invoke(["overview", str(tmp_path)], env=wide).stdout
    en = invoke(["overview", str(tmp_path), "--lang", "en"], env=wide).stdout
    assert "推進体制（consortium.yaml のあるフォルダー）は見つかりませんでした" in ja
    assert "No consortium (a folder with consortium.yaml) was found" in en


def test_overview_text_to_a_file_is_the_table_without_terminal_codes(tmp_path):
    root = _pref(tmp_path)
    target = tmp_path / "overview.txt"
    result = invoke(["overview", str(root), "--today", TODAY, "-o", str(target), "--lang", "en"])
    assert "Wrote the overview of 3 consortia to" in result.stdout
    text = target.read_text(encoding="utf-8")
    assert "汐見市地域DX推進協議会" in text and "3 consortia (1 could not be read" in text
    assert "\x1b" not in text
