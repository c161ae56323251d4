from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dxkit.decidim import read_results
from dxkit.editing import editor_for
from dxkit.loading import load_text
from tests.decidim_export import proposal, proposals, write_zip
from tests.helpers import invoke

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shiomi" / "ja"


@pytest.fixture
def town(tmp_path: Path) -> Path:
    folder = tmp_path / "shiomi"
    shutil.copytree(EXAMPLE, folder)
    return folder


def _link_tasks(register: Path, decidim_id: int, tasks: list[str]) -> None:
    text = register.read_text(encoding="utf-8")
    doc = load_text(text, str(register))
    index = next(i for i, issue in enumerate(doc.data["issues"]) if (issue.get("source") or {}).get("id") == decidim_id)
    editor = editor_for(doc, text)
    editor.add_key(("issues", index), "tasks", tasks)
    register.write_text(editor.apply().text, encoding="utf-8")


def test_import_decidim_zip_adds_issues_and_a_second_run_changes_no_byte(town: Path, tmp_path: Path) -> None:
    export = write_zip(tmp_path / "open-data.zip", proposals())
    register = town / "issues.yaml"
    before = register.read_bytes()
    result = invoke(["import", "decidim", export, "--into", register])
    assert "追加    I-009 避難所の案内についての提案 その1（Decidim JA-PROP-2026-05-1、検討中）" in result.stdout
    assert "に書き込みました（追加 50 件、更新 0 件）。" in result.stdout
    after = register.read_bytes()
    assert after.startswith(before.rstrip(b"\n"))  # the hand-written issues stay byte for byte
    again = invoke(["import", "decidim", export, "--into", register, "--lang", "en"])
    assert "already matches the Decidim export; nothing changed." in again.stdout
    assert register.read_bytes() == after


def test_import_decidim_bad_rows_write_nothing_and_name_row_and_column(town: Path, tmp_path: Path) -> None:
    path = tmp_path / "proposals.csv"
    from tests.decidim_export import csv_text

    path.write_text(csv_text([proposal(1), proposal(2, title={"ja": ""})]), encoding="utf-8")
    register = town / "issues.yaml"
    before = register.read_bytes()
    result = invoke(["import", "decidim", path, "--into", register], exit=2)
    assert f"{path}: 3 行目・列 title/ja: タイトルが空です。" in result.stderr
    assert "何も書き込みませんでした" in result.stderr
    assert register.read_bytes() == before
    en = invoke(["import", "decidim", path, "--into", register, "--lang", "en"], exit=2)
    assert f"{path}: row 3, column title/ja: The title is empty." in en.stderr


def test_import_from_an_unknown_source_is_a_usage_error(town: Path, tmp_path: Path) -> None:
    result = invoke(["import", "consul", tmp_path / "x.csv", "--into", town / "issues.yaml"], exit=2)
    assert "「consul」からは取り込めません" in result.stderr


def test_export_issues_for_decidim_round_trips_through_the_parser(town: Path, tmp_path: Path) -> None:
    records = proposals(3)
    records[0] = proposal(1, title={"ja": '=HYPERLINK("http://evil.example")'})
    invoke(["import", "decidim", write_zip(tmp_path / "open-data.zip", records), "--into", town / "issues.yaml"])
    _link_tasks(town / "issues.yaml", 2, ["T-001", "T-005"])
    out = tmp_path / "results.csv"
    invoke(["export", "issues", town, "-f", "decidim", "-o", out])
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    header = raw.decode("utf-8").splitlines()[0]
    assert (
        header
        == "id;title/ja;description/ja;start_date;end_date;status/id;progress;parent/id;category/id;proposal_urls"
    )
    assert ";\"'=HYPERLINK(" in raw.decode("utf-8")  # a person's text never becomes a formula
    results, problems = read_results(out)
    assert problems == []
    by_url = {r.proposal_urls[0].rsplit("/", 1)[1]: r for r in results}
    assert sorted(by_url) == ["1", "2", "3"]
    assert by_url["1"].title == '=HYPERLINK("http://evil.example")'
    linked = by_url["2"]
    assert linked.title == "空き家の見回りについての提案 その2"
    assert linked.progress is not None and 0 <= linked.progress <= 100
    assert "dxkit での状態: 未着手" in linked.description
    assert "タスク 2 件のうち" in linked.description
    assert "ゲート「計画策定 → 社会実証」の判断（2026年4月20日（月））: 進む" in linked.description
    assert linked.start_date is not None and linked.end_date is not None
    assert "ゲートの判断はまだありません。" in by_url["3"].description
    assert by_url["3"].progress is None
    os.remove(out)
    invoke(["export", "issues", town, "-f", "decidim", "-o", out, "--lang", "en"])
    header_en = out.read_text(encoding="utf-8").splitlines()[0]
    assert header_en.startswith("id;title/en;description/en;")
    results_en, _ = read_results(out, "en")
    assert "Status in dxkit: Open" in {r.proposal_urls[0][-1]: r for r in results_en}["2"].description


def test_import_decidim_dry_run_shows_the_plan_and_writes_nothing(town: Path, tmp_path: Path) -> None:
    register = town / "issues.yaml"
    before = register.read_bytes()
    result = invoke(["import", "decidim", write_zip(tmp_path / "o.zip", proposals(2)), "--into", register, "--dry-run"])
    assert "追加    I-009" in result.stdout and "追加    I-010" in result.stdout
    assert register.read_bytes() == before
