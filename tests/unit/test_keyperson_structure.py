"""``dxkit keyperson`` shows the charter's layers and who leads each stage of the talent plan."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dxkit.analyses.keyperson import analyse
from dxkit.model import Consortium
from dxkit.reading import Reading
from dxkit.reporters.analyses import KEYPERSON_REPORTERS, AnalysisFormat, render_keyperson
from dxkit.reporters.blocks import Table, Verbatim
from dxkit.validate import open_consortium
from tests.conftest import ROOT
from tests.helpers import invoke

SHIOMI = ROOT / "examples" / "shiomi"
TODAY = "2026-10-01"


def _shiomi(lang: str) -> Consortium:
    consortium, _ = open_consortium(str(SHIOMI / lang), lang=lang, today=dt.date.fromisoformat(TODAY))
    return consortium


def test_analysis_gathers_layers_and_the_people_of_each_stage() -> None:
    report = analyse(_shiomi("ja"))
    assert [(layer.id, layer.type) for layer in report.layers] == [
        ("board", "board"),
        ("support", "support"),
        ("lab", "community"),
    ]
    assert report.layers[0].members == ["city-dx", "shiomi-shinkin", "shiomi-univ", "aohama-pref"]
    stages = {entry.stage: entry for entry in report.talent_plan}
    assert stages["operation"].leads == ["shiomi-catv"] and stages["operation"].people == ["村瀬 大地"]
    # Someone of both talents counts for an X stage: the deputy of the city's DX division is xd.
    assert stages["ux-operation"].people == ["浜野 恵子", "岸本 翔太", "田中 愛子"]


@pytest.mark.parametrize(
    ("lang", "layers", "plan", "board", "row"),
    [
        (
            "ja",
            "体制の階層",
            "人材計画（段階ごとの主導）",
            ("運営委員会", "意思決定"),
            ("運用・メンテナンス", "D人材", "地域で育成", "汐見ケーブルテレビ株式会社", "村瀬 大地"),
        ),
        (
            "en",
            "Layers of the consortium",
            "Talent plan (who leads each stage)",
            ("Steering board", "Decision-making board"),
            ("Operation and maintenance", "D talent", "Grow locally", "Shiomi Cable TV Co., Ltd.", "Daichi Murase"),
        ),
    ],
)
def test_keyperson_tables_show_labels_and_names(
    lang: str, layers: str, plan: str, board: tuple[str, str], row: tuple[str, ...]
) -> None:
    c = _shiomi(lang)
    blocks = render_keyperson(analyse(c), lang, Reading.of(c))
    tables = {b.title: b for b in blocks if isinstance(b, Table)}
    assert tables[layers].rows[0][:2] == board
    assert c.member_name("aohama-pref") in tables[layers].rows[0][2]
    assert row in tables[plan].rows
    titles = [b.title for b in blocks if isinstance(b, Table)]
    assert titles.index(layers) < titles.index(plan)


def test_keyperson_json_keeps_codes_and_ids() -> None:
    (block,) = KEYPERSON_REPORTERS[AnalysisFormat.json](analyse(_shiomi("en")), "en")
    assert isinstance(block, Verbatim)
    data = json.loads(block.text)
    assert data["layers"][2]["members"][0] == "city-dx"
    assert {"stage": "development", "talent": "d", "sourcing": "share"}.items() <= data["talent_plan"][4].items()


def test_keyperson_command_prints_the_structure(lang: str) -> None:
    out = invoke(["keyperson", str(SHIOMI / lang), "--today", TODAY, "--lang", lang], env={"COLUMNS": "240"}).stdout
    if lang == "ja":
        assert "体制の階層" in out and "事業化支援チーム（2階）" in out and "共創の場「しおみラボ」（1階）" in out
        assert "人材計画（段階ごとの主導）" in out and "育成と外部人材の組み合わせ" in out
        assert "ux-operation" not in out and "combine" not in out
    else:
        assert "Layers of the consortium" in out and "Business-building team (upper storey)" in out
        assert "Talent plan (who leads each stage)" in out and "Grow locally, with outside help" in out


def test_keyperson_without_layers_or_plan_prints_neither(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    charter = (SHIOMI / "en" / "consortium.yaml").read_text(encoding="utf-8")
    start, end = charter.index("layers:"), charter.index("meetings:")
    charter = charter[:start] + charter[end:]
    start, end = charter.index("talent_plan:"), charter.index("sharing:")
    (folder / "consortium.yaml").write_text(charter[:start] + charter[end:], encoding="utf-8")
    (folder / "members.yaml").write_bytes((SHIOMI / "en" / "members.yaml").read_bytes())
    out = invoke(["keyperson", str(folder), "--today", TODAY, "--lang", "en"], env={"COLUMNS": "240"}).stdout
    assert "Key-person candidates" in out
    assert "Layers of the consortium" not in out and "Talent plan" not in out
