"""The indicator examples by field, and writing one into a task of roles.yaml."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import PurePosixPath
from typing import Any

import pytest

from dxkit.errors import TemplateError, UsageError
from dxkit.i18n import LANGS
from dxkit.indicator_edit import plan_indicator
from dxkit.indicators import COMMON, check_catalogue, load_catalogue
from dxkit.labels import labels
from dxkit.loading import load_file, load_text
from dxkit.render.indicators import render_indicator_list, render_indicators_page
from dxkit.schema_check import require_valid
from tests.conftest import ROOT

CATALOGUE = ROOT / "toolkits" / "indicators" / "toolkit.yaml"
#: A figure or a percentage in a target-like place would be a number the report does not give.
_NUMBER = re.compile(r"[0-9０-９]")

ROLES = """# yaml-language-server: $schema=.dxkit/schemas/v1/roles.schema.json
# 役割・期限表（手で書いたコメントは残ります）
kind: roles
version: 1
tasks:
  - id: T-001
    title: 計画をまとめる
    stage: planning
    responsible: [city]
    accountable: city   # 市が説明責任
    due: "2027-06-30"
    done_criteria: 計画書が承認されている
    status: not-started

  - id: T-002
    title: デマンド交通を試行する
    stage: demonstration
    responsible: [city, bus]
    accountable: city
    due: "2027-09-30"
    done_criteria: 3 か月の試行を終えている
    status: not-started
# 末尾のコメント
"""


def _data() -> Any:
    return load_file(CATALOGUE).data


def _plan(text: str = ROLES, task: str = "T-002", ref: str = "mobility/monthly-rides", **options: Any) -> Any:
    return plan_indicator(
        load_text(text, "x/roles.yaml"),
        text,
        task,
        load_catalogue().find(ref),
        lang=options.pop("lang", "ja"),
        **options,
    )


def test_catalogue_is_sound_and_its_fields_come_from_the_charter_vocabulary() -> None:
    assert check_catalogue(_data()) == []
    catalogue = load_catalogue()
    vocabulary = labels("field", "ja")
    ids = [field.id for field in catalogue.fields]
    assert {"disaster-prevention", "mobility", "local-industry", "health-medical-care"} <= set(ids)
    for field in catalogue.fields:
        if field.id != COMMON:
            assert field.title["ja"] == vocabulary[field.id]
            assert field.title["en"] == labels("field", "en")[field.id]
        assert field.examples
    assert [f.id for f in catalogue.fields if f.priority] == ["disaster-prevention", "mobility", "local-industry"]


def test_every_example_cites_the_report_in_both_languages_and_carries_no_target() -> None:
    for field in load_catalogue().fields:
        for example in field.examples:
            assert example.stage in ("demonstration", "implementation")
            for lang in LANGS:
                assert example.name[lang] and example.measure[lang] and example.basis[lang]
                assert re.search(r"[0-9]章|図[0-9]", example.source["ja"]), example.ref
                assert re.search(r"ch\. [0-9]|fig\. [0-9]", example.source["en"]), example.ref
            # A name says what is measured, never how much is aimed for.
            assert not _NUMBER.search(example.name["ja"]), example.ref
    raw = _data()
    for field in raw["fields"]:
        for example in field["indicators"]:
            assert "target" not in example


def test_the_figures_are_the_report_s_own_values() -> None:
    figures = {e.ref: e.figure for f in load_catalogue().fields for e in f.examples if e.figure}
    assert "20%" in figures["agriculture/yield-change"]["ja"]
    assert "20%" in figures["agriculture/yield-change"]["en"]
    assert "約120名" in figures["fishery/sharing-fishers"]["ja"]
    assert "2,600" in figures["agriculture/sharing-producers"]["en"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["fields"][0].update(id="weather"), "not a value of the charter's fields"),
        (lambda d: d["fields"][0].update(title={"ja": "防災", "en": "Disaster"}), "takes its title from the schema"),
        (lambda d: d["fields"][1]["indicators"].append(d["fields"][1]["indicators"][0]), "ids must be unique"),
        (lambda d: d["fields"].append(d["fields"][0]), "appears twice"),
        (lambda d: d["fields"][0]["indicators"][0].update(target={"ja": "80%", "en": "80%"}), "target"),
        (lambda d: d["fields"][0]["indicators"][0].update(stage="planning"), "planning"),
    ],
)
def test_a_broken_catalogue_is_caught(change: Any, problem: str) -> None:
    data = copy.deepcopy(_data())
    change(data)
    problems = check_catalogue(data)
    assert any(problem in p for p in problems), problems


def test_find_names_what_there_is_when_an_example_is_unknown() -> None:
    catalogue = load_catalogue()
    assert catalogue.find("mobility/monthly-rides").ref == "mobility/monthly-rides"
    with pytest.raises(UsageError) as close:
        catalogue.find("mobility/monthly-ride")
    assert close.value.msg_id == "indicator.unknown_example_close"
    assert "mobility/monthly-rides" in close.value.message("ja")
    with pytest.raises(UsageError) as field:
        catalogue.find("weather/rain")
    assert "disaster-prevention" in field.value.message("en")
    with pytest.raises(UsageError) as bare:
        catalogue.find("mobility/")
    assert bare.value.msg_id == "indicator.bad_ref"


def test_writing_an_example_adds_only_the_indicator_and_keeps_every_other_byte() -> None:
    edit = _plan()
    assert edit.action == "create"
    example = load_catalogue().find("mobility/monthly-rides")
    added = (
        "    indicator:\n"
        f"      name: {example.name['ja']}\n"
        f"      measure: {example.measure['ja']}\n"
        "      example: mobility/monthly-rides\n"
    )
    assert edit.text == ROLES.replace("    status: not-started\n# 末尾", "    status: not-started\n" + added + "# 末尾")
    require_valid(edit.text, "x/roles.yaml", "ja")
    assert edit.document is not None
    task = edit.document.data["tasks"][1]["indicator"]
    assert "target" not in task


def test_a_target_is_written_only_when_given_and_in_the_file_s_language() -> None:
    edit = _plan(target=" 300 回 ", lang="en")
    indicator = edit.document.data["tasks"][1]["indicator"]
    assert indicator == {
        "name": "Rides per month",
        "target": "300 回",
        "measure": load_catalogue().find("mobility/monthly-rides").measure["en"],
        "example": "mobility/monthly-rides",
    }


def test_an_existing_indicator_is_kept_unless_overwrite_and_its_target_survives() -> None:
    once = _plan(target="300 回").text
    with pytest.raises(UsageError) as exists:
        _plan(once, ref="mobility/route-coverage")
    assert exists.value.msg_id == "indicator.exists"
    assert "--overwrite" in exists.value.message("ja") and "--overwrite" in exists.value.message("en")
    assert _plan(once, target="300 回").action == "identical"
    replaced = _plan(once, ref="mobility/route-coverage", overwrite=True)
    assert replaced.action == "overwrite"
    indicator = replaced.document.data["tasks"][1]["indicator"]
    assert indicator["example"] == "mobility/route-coverage"
    assert indicator["target"] == "300 回"
    assert replaced.text.count("indicator:") == 1
    assert replaced.text.startswith(ROLES.split("  - id: T-002")[0])


def test_an_unknown_task_names_the_tasks_there_are() -> None:
    with pytest.raises(UsageError) as unknown:
        _plan(task="T-099")
    assert "T-001, T-002" in unknown.value.message("ja")
    assert "--into" in unknown.value.message("en")


def test_text_from_the_file_is_never_taken_for_yaml_structure() -> None:
    hostile = ROLES.replace("デマンド交通を試行する", '"a: b # <script>"')
    edit = _plan(hostile, target="- 1: [x]")
    assert edit.document.data["tasks"][1]["title"] == "a: b # <script>"
    assert edit.document.data["tasks"][1]["indicator"]["target"] == "- 1: [x]"


@pytest.mark.parametrize("lang", LANGS)
def test_the_guidebook_page_and_the_list_show_every_example_with_labels(lang: str) -> None:
    catalogue = load_catalogue()
    page = render_indicators_page(catalogue, lang)
    listing = render_indicator_list(catalogue, lang)
    stage = labels("stage", lang)
    for field in catalogue.fields:
        assert f"## {field.title[lang]}" in page
        for example in field.examples:
            assert f"`{example.ref}`" in page
            assert example.ref in listing
            assert example.basis[lang] in page
    assert stage["demonstration"] in page and stage["implementation"] in listing
    if lang == "ja":  # a Japanese reader meets labels, never the codes
        assert "demonstration" not in page and "implementation" not in page
        assert "demonstration" not in listing and "implementation" not in listing
    source = {"ja": "報告書（案）図5-7", "en": "report draft, fig. 5-7"}[lang]
    assert source in page
    figure = catalogue.find("agriculture/yield-change").figure
    assert figure is not None and figure[lang] in page


def test_the_list_of_one_field_holds_only_that_field() -> None:
    listing = render_indicator_list(load_catalogue(), "ja", "fishery")
    assert "fishery/sharing-fishers" in listing
    assert "mobility/" not in listing
    assert "漁業" in listing
    with pytest.raises(UsageError):
        render_indicator_list(load_catalogue(), "ja", "weather")


def test_a_broken_catalogue_stops_loading_with_a_template_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import dxkit.indicators as module

    broken = copy.deepcopy(_data())
    broken["fields"][0]["id"] = "weather"
    monkeypatch.setattr(module, "load_file", lambda path: type("D", (), {"data": broken})())
    module.load_catalogue.cache_clear()
    try:
        with pytest.raises(TemplateError):
            module.load_catalogue()
    finally:
        module.load_catalogue.cache_clear()


def test_dx309_does_not_judge_a_matrix_whose_tasks_were_left_out(tmp_path: Any) -> None:
    from dxkit.validate import check_paths
    from tests.conftest import TODAY

    fixture = ROOT / "tests" / "rules" / "fixtures" / "DX309" / "bad"
    for name in ("members.yaml", "roles.yaml"):
        (tmp_path / name).write_bytes((fixture / name).read_bytes())
    assert "DX309" in {f.code for f in check_paths([str(tmp_path)], lang="ja", today=TODAY).findings}
    roles = tmp_path / "roles.yaml"
    broken = "  - id: T-004\n    title: 指標のある実証\n    stage: demonstration\n    indicator: {name: 利用回数}\n"
    roles.write_text(roles.read_text(encoding="utf-8") + broken, encoding="utf-8")  # no due, status …
    codes = {f.code for f in check_paths([str(tmp_path)], lang="ja", today=TODAY).findings}
    assert "DX309" not in codes and codes  # the schema errors are reported; the rule stays quiet


@pytest.mark.parametrize("lang", LANGS)
def test_the_site_s_roles_page_shows_the_indicator_and_its_target_as_text(lang: str) -> None:
    from dxkit.model import Consortium
    from dxkit.render.site_pages import site_pages

    charter = "kind: consortium\nversion: 1\nname: 協議会\nmunicipality: 市\npurpose: 移動\nscope: [mobility]\n"
    charter += "stage: demonstration\nkey_persons: [{name: 山田, member: city, role: 事務局}]\n"
    hostile = ROLES.replace(
        "    status: not-started\n# 末尾",
        '    indicator: {name: "<b>利用</b> [x](javascript:1)", target: "300 | 回"}\n    status: not-started\n# 末尾',
    )
    c = Consortium(root="x", today=dt.date(2026, 6, 1))
    c.add(load_text(charter, "consortium.yaml"))
    c.add(load_text(hostile, "roles.yaml"))
    page = site_pages(c, lang)[PurePosixPath("roles.md")]
    label = {"ja": "成果の指標", "en": "Outcome indicator"}[lang]
    target = {"ja": "（目標値: 300 | 回）", "en": "(target: 300 | 回)"}[lang]
    # The matrix is a table of HTML that Markdown never reads (render/site_tables.html_table).
    rows = page.split("<tr")
    row = next(r for r in rows if ">T-002<" in r)
    assert label in row and target in row
    assert "<b>利用" not in row and "&lt;b&gt;利用" in row and "[x](javascript:1)" in row
    assert "<a" not in row and "href" not in row
    assert label not in next(r for r in rows if ">T-001<" in r)
