"""The self-assessment: the question set it ships, pre-fill from the files, versions, and its pages."""

from __future__ import annotations

import copy
import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dxkit.analyses.assessment import PREFILLS, build_assessment, check_prefills
from dxkit.escape import markdown_text
from dxkit.loading import load_file, load_text
from dxkit.model import Consortium
from dxkit.questions import check_question_set, load_question_set, question_set_path, read_question_set
from dxkit.render.assessment import notes, render_assessment_md, render_assessment_svg, render_round_yaml
from dxkit.schemas import validator_for
from dxkit.toolkits import load_toolkits
from dxkit.validate import open_consortium
from tests.conftest import ROOT

SHIOMI = ROOT / "examples" / "shiomi"
TODAY = dt.date(2026, 10, 1)


def _raw() -> dict:
    return load_file(question_set_path()).data


def _shiomi(lang: str = "ja") -> Consortium:
    consortium, _ = open_consortium(str(SHIOMI / lang), lang=lang, today=TODAY)
    return consortium


def test_question_set_shipped_is_sound_and_cites_the_report():
    known = {tk.id for kind in ("workshop", "retrospective") for tk in load_toolkits(kind).values()}
    data = _raw()
    assert check_question_set(data, known) == []
    for q in data["questions"]:
        assert q["source"]["ja"].startswith("報告書 "), q["id"]
        assert q["source"]["en"].startswith("report ch. "), q["id"]
        assert q["text"]["ja"] != q["text"]["en"]
    assert {q["area"] for q in data["questions"]} == {a["id"] for a in data["areas"]}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_question_set_page_titles_are_the_guidebook_titles(lang):
    for path, titles in load_question_set().pages.items():
        page = ROOT / "docs" / lang / f"{path}.md"
        heading = next(line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
        assert heading == f"# {titles[lang]}", path


def test_question_set_check_names_unknown_area_prefill_and_page():
    data = copy.deepcopy(_raw())
    data["questions"][0]["area"] = "weather"
    data["questions"][2]["pages"] = ["nowhere/page"]
    problems = "\n".join(check_question_set(data))
    assert "unknown area 'weather'" in problems
    assert "page 'nowhere/page' is not in pages" in problems
    data = copy.deepcopy(_raw())
    data["questions"][1]["prefill"] = "horoscope"
    assert check_prefills(read_question_set(data)) == [
        f"question {data['questions'][1]['id']}: unknown prefill 'horoscope'"
    ]


def test_every_prefill_is_used_by_a_question():
    used = {q.prefill for q in load_question_set().questions if q.prefill}
    assert used == set(PREFILLS)


def test_assess_on_shiomi_prefills_from_the_files_and_written_scores_win():
    report = build_assessment(_shiomi())
    by_id = {v.question: v for v in report.answers}
    assert len(report.prefilled) >= 5
    # The example's tasks all have done criteria and one accountable member: pre-filled full marks.
    assert (by_id["done-criteria"].origin, by_id["done-criteria"].score) == ("prefill", 3)
    assert by_id["done-criteria"].reason is not None and by_id["done-criteria"].reason.params["total"] == 32
    # Gate G2 is still undecided at the example's stage.
    assert by_id["gate-decided"].origin == "prefill" and by_id["gate-decided"].reason.params["gate"] == "G2"
    # The round writes 3 for the vision; the files alone would say 2. The written score wins.
    vision = by_id["vision-linked"]
    assert (vision.origin, vision.score, vision.prefill_score) == ("file", 3, 2)
    assert by_id["revenue-core"].origin == "file" and by_id["revenue-core"].score == 0
    assert report.round_file is not None and report.round_file.endswith("2026-09-30-assessment.yaml")
    assert report.stage == "demonstration"
    assert len(report.weakest) == 3 and all(step.score < 3 for step in report.weakest)
    # The weakest points of the stages reached come first: nothing of implementation before them.
    stages = [by_id[s.question].stage for s in report.weakest]
    assert "implementation" not in stages


def _with_round(answers: str, version: int = 1, set_id: str = "regional-dx-self-check") -> Consortium:
    text = (
        "kind: assessment\nversion: 1\ntitle: R\ndate: '2026-04-01'\n"
        f"question_set: {{id: {set_id}, version: {version}}}\nanswers:\n{answers}"
    )
    doc = load_text(text, "assessments/2026-04-01-r.yaml")
    assert list(validator_for("assessment").iter_errors(doc.data)) == []
    c = Consortium(root=".", today=TODAY)
    c.add(doc)
    return c


def test_a_round_of_an_older_version_still_scores_and_names_removed_and_added_questions():
    data = copy.deepcopy(_raw())
    data["version"] = 2
    retired = next(q for q in data["questions"] if q["id"] == "network-upkeep")
    retired["until"] = 1
    added = copy.deepcopy(retired)
    added.update(id="network-resilience", since=2)
    added.pop("until")
    data["questions"].append(added)
    assert check_question_set(data) == []
    qs = read_question_set(data)
    c = _with_round("  - {question: network-upkeep, score: 1}\n  - {question: network-fit, score: 2}\n")
    report = build_assessment(c, qs)
    assert report.version == 2 and report.round_version == 1
    assert report.removed == ["network-upkeep"]
    assert report.added == ["network-resilience"]
    by_id = {v.question: v for v in report.answers}
    assert "network-upkeep" not in by_id
    assert by_id["network-resilience"].origin == "none"
    assert by_id["network-fit"].score == 2
    network = next(line for line in report.areas if line.id == "network")
    assert (network.score, network.answered, network.questions) == (2.0, 1, 2)


def test_answers_to_unknown_ids_and_rounds_of_another_set_are_reported_not_scored():
    c = _with_round("  - {question: no-such-question, score: 3}\n")
    report = build_assessment(c)
    assert report.unknown == ["no-such-question"]
    assert report.overall.answered == 0
    other = _with_round("  - {question: network-fit, score: 3}\n", set_id="someone-elses")
    report = build_assessment(other)
    assert report.round_file is None and report.other_sets == ["assessments/2026-04-01-r.yaml"]


def test_without_any_file_nothing_is_prefilled_and_nothing_is_weakest():
    report = build_assessment(Consortium(root=".", today=TODAY))
    assert report.prefilled == [] and report.weakest == []
    assert report.overall.score is None and report.overall.questions == len(load_question_set().asked())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_chart_is_svg_with_title_desc_and_one_bar_per_area(lang):
    qs = load_question_set()
    report = build_assessment(_shiomi(lang), qs)
    svg = render_assessment_svg(report, qs, lang)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    title, desc = root.find(f"{ns}title"), root.find(f"{ns}desc")
    assert title is not None and desc is not None
    assert title.text == (
        "要因と実践ごとの自己診断の点数" if lang == "ja" else "Self-assessment scores by cause and practice"
    )
    assert qs.areas[0].title[lang] in (desc.text or "")
    assert len(root.findall(f"{ns}rect")) == len(qs.areas)
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_page_escapes_what_people_wrote():
    c = _with_round('  - {question: network-fit, score: 1, note: "<script>alert(1)</script> **x**"}\n')
    qs = load_question_set()
    page = render_assessment_md(build_assessment(c, qs), qs, "ja")
    assert "<script>" not in page
    assert markdown_text("<script>alert(1)</script> **x**") in page
    assert "# 自己診断" in page and "<svg" in page


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_new_round_lists_every_question_and_reads_back_valid(lang):
    qs = load_question_set()
    text = render_round_yaml(qs, lang, date="2026-10-15", title='"a" # not: a comment')
    doc = load_text(text, "assessments/2026-10-15-assessment.yaml")
    assert list(validator_for("assessment").iter_errors(doc.data)) == []
    assert doc.data["title"] == '"a" # not: a comment'
    assert [a["question"] for a in doc.data["answers"]] == [q.id for q in qs.asked()]
    assert doc.data["question_set"] == {"id": qs.id, "version": qs.version}
    cite = "（出典：報告書 " if lang == "ja" else " (source: report ch. "
    assert text.count(cite) == len(qs.asked())


def test_example_rounds_answer_the_same_questions_in_both_languages():
    def answered(lang: str) -> list[tuple[str, int | None]]:
        path = next((SHIOMI / lang / "assessments").glob("*.yaml"))
        return [(a["question"], a.get("score")) for a in load_file(Path(path)).data["answers"]]

    assert answered("ja") == answered("en")
    assert re.search(r"[ぁ-ん]", (SHIOMI / "ja" / "assessments" / "2026-09-30-assessment.yaml").read_text("utf-8"))


def test_notes_name_removed_and_added_questions_by_their_text_in_both_languages():
    data = copy.deepcopy(_raw())
    data["version"] = 2
    next(q for q in data["questions"] if q["id"] == "network-upkeep")["until"] = 1
    qs = read_question_set(data)
    report = build_assessment(_with_round("  - {question: network-upkeep, score: 1}\n"), qs)
    upkeep = next(q for q in qs.questions if q.id == "network-upkeep")
    ja, en = notes(report, qs, "ja"), notes(report, qs, "en")
    assert ja == [f"この回が答えた質問のうち、今の版では問われないもの: 「{upkeep.text['ja']}」"]
    assert en == [f"Questions this round answered that the current version no longer asks: “{upkeep.text['en']}”"]
