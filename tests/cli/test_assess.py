"""dxkit assess and dxkit new assessment, as people run them on the example consortium."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import ROOT
from tests.helpers import invoke

TODAY = "2026-10-01"
SHIOMI = ROOT / "examples" / "shiomi"


def test_assess_in_japanese_shows_scores_titles_and_which_answers_came_from_the_files():
    out = invoke(["assess", str(SHIOMI / "ja"), "--today", TODAY]).stdout
    assert "社会実証の中間の自己診断（2026年9月30日（水））" in out
    assert "全体の点数: 2.1 / 3（20/20 問に回答）" in out
    assert "14 問は推進体制のファイルから答えを埋めました" in out
    assert "ファイルから" in out and "記入" in out
    # The next pages by their guidebook titles, the toolkits by theirs, the stage by its label.
    assert "ステージゲート" in out and "ゲート審査" in out and "人材の育成・共有・" in out
    assert "ステージ: 社会実証" in out
    for code in ("projects/", ".md", "demonstration", "gate-review", "prefill", "network-fit"):
        assert code not in out, code


def test_assess_in_english_reads_the_english_example():
    out = invoke(["assess", str(SHIOMI / "en"), "--today", TODAY, "--lang", "en"]).stdout
    assert "Mid-demonstration self-assessment (Wed 30 Sep 2026)" in out
    assert "Overall: 2.1 / 3 (20 of 20 questions answered)" in out
    assert "14 answers were filled in from the consortium's files" in out
    assert "Stage gates" in out and "Gate review" in out
    assert "Scores by stage" in out and "implementation" in out


def test_assess_json_keeps_codes_and_marks_prefilled_answers():
    data = json.loads(invoke(["assess", str(SHIOMI / "ja"), "--today", TODAY, "--format", "json"]).stdout)
    origins = {a["question"]: a["origin"] for a in data["answers"]}
    assert origins["done-criteria"] == "prefill" and origins["vision-linked"] == "file"
    assert len(data["prefilled"]) == 14
    assert [w["question"] for w in data["weakest"]][:1] == ["gate-decided"]
    assert data["weakest"][0]["pages"] == ["projects/stage-gates"]
    reason = next(a["reason"] for a in data["answers"] if a["question"] == "gate-decided")
    assert reason["code"] == "assess.pre.gate.open" and "G2" in reason["message"]


def test_assess_json_reasons_read_member_types_as_labels(tmp_path):
    folder = tmp_path / "shiomi"
    shutil.copytree(SHIOMI / "en", folder)
    members = folder / "members.yaml"
    members.write_text(members.read_text(encoding="utf-8").replace("type: local-media", "type: other"), "utf-8")
    data = json.loads(invoke(["assess", str(folder), "--today", TODAY, "-f", "json", "--lang", "en"]).stdout)
    reason = next(a["reason"] for a in data["answers"] if a["question"] == "stakeholders")
    assert reason == {"code": "assess.pre.stakeholders.missing", "message": "Not among the members: Local media."}


@pytest.mark.parametrize(
    ("lang", "said"),
    [("ja", "メンバーへ説明しています。（ファイルからは 2 点） |"), ("en", "briefing. (the files say 2) |")],
)
def test_a_written_score_that_differs_from_the_files_shows_both(lang, said):
    page = invoke(["assess", str(SHIOMI / lang), "--today", TODAY, "-f", "md", "--lang", lang]).stdout
    assert said in page
    assert page.count("（ファイルからは" if lang == "ja" else "(the files say") == 1


def test_assess_html_page_has_the_chart_and_is_not_overwritten_unasked(tmp_path):
    page = tmp_path / "assessment.html"
    args = ["assess", str(SHIOMI / "ja"), "--today", TODAY, "-f", "html", "-o", str(page)]
    assert str(page) in invoke(args).stdout
    html = page.read_text(encoding="utf-8")
    assert '<html lang="ja">' in html and "<svg" in html and '<title id="assess-chart-title">' in html
    assert "src=" not in html and "<script" not in html and "<link" not in html
    again = invoke(args, exit=2)
    assert "--overwrite" in again.stderr
    invoke([*args, "--overwrite"])


def test_assess_text_to_a_file_is_refused():
    result = invoke(["assess", str(SHIOMI / "ja"), "-o", "x.txt", "--lang", "en"], exit=2)
    assert "--output needs --format md, html or json." in result.stderr


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_new_assessment_starts_a_round_that_validates_and_becomes_the_newest(tmp_path, lang):
    folder = tmp_path / "shiomi"
    shutil.copytree(SHIOMI / lang, folder)
    result = invoke(["new", "assessment", "-d", str(folder), "--date", "2026-10-15", "--lang", lang])
    path = folder / "assessments" / "2026-10-15-assessment.yaml"
    assert path.is_file()
    assert ("次に:" if lang == "ja" else "Next:") in result.stdout
    invoke(["validate", str(path)])
    second = invoke(["new", "assessment", "-d", str(folder), "--date", "2026-10-15", "--lang", lang])
    assert "2026-10-15-assessment-2.yaml" in second.stdout
    report = json.loads(invoke(["assess", str(folder), "--today", "2026-10-16", "-f", "json"]).stdout)
    assert report["round_file"].endswith("assessments/2026-10-15-assessment-2.yaml")
    assert [r["date"] for r in report["rounds"]] == ["2026-09-30", "2026-10-15", "2026-10-15"]
    # The new round holds no score: what the files answer is filled in, the rest is unanswered.
    assert {a["origin"] for a in report["answers"]} == {"prefill", "none"}


def test_site_shows_the_assessment_page_with_its_chart(tmp_path):
    pytest.importorskip("mkdocs")
    folder = tmp_path / "shiomi"
    shutil.copytree(SHIOMI / "ja", folder)
    round_file = folder / "assessments" / "2026-09-30-assessment.yaml"
    text = round_file.read_text(encoding="utf-8")
    round_file.write_text(text.replace("社会実証の中間の自己診断", "<script>alert(1)</script>"), encoding="utf-8")
    out = tmp_path / "site"
    invoke(["site", "build", str(folder), "--out", str(out), "--today", TODAY])
    page = (out / "assessment.html").read_text(encoding="utf-8")
    assert "dxkit-assessment-chart" in page and ">要因と実践ごとの自己診断の点数</title>" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script" in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "自己診断" in index
