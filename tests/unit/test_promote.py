from __future__ import annotations

import pytest

from dxkit.errors import UsageError
from dxkit.loading import load_text
from dxkit.promote import Promotion, normalise_title, plan_promotion
from dxkit.schema_check import require_valid as check_promoted

REGISTER = """# yaml-language-server: $schema=.dxkit/schemas/v1/issues.schema.json
# 地域課題の一覧（手で書いたコメントは残ります）
kind: issues
version: 1
issues:
  # 最初の課題
  - id: I-001
    title: 高齢者が通院の足を確保できない   # 行末のコメント
    category: mobility
    priority: high

  - id: I-002
    title: "大雨のとき 避難情報が届かない"
    category: disaster-prevention
    priority: medium
    evidence: [前回の大雨]

# ファイル末尾のコメント
"""

WORKSHOP = """kind: workshop
version: 1
type: issue-discovery
title: 住民ワークショップ
date: "2026-01-24"
duration_minutes: 60
agenda:
  - {title: 話し合い, minutes: 60}
outputs:
  issues:
    - {title: "大雨のとき、避難情報が届かない", votes: 9, category: disaster-prevention}
    - {title: 空き家が増えて見回りが追いつかない, votes: 12, category: public-services}
    - {title: 商店街に人が来ない, votes: 4}
    - {title: 子どもの遊び場が少ない, votes: 0, category: education}
"""


def _plan(register: str = REGISTER, workshop: str = WORKSHOP) -> Promotion:
    return plan_promotion(
        load_text(workshop, "x/workshops/2026-01-24-issue-discovery.yaml"),
        load_text(register, "x/issues.yaml"),
        register,
    )


def test_promote_appends_new_issues_and_keeps_every_byte_before_them() -> None:
    result = _plan()
    assert [e["id"] for e in result.added] == ["I-003", "I-004", "I-005"]
    assert [e["title"] for e in result.added] == [
        "空き家が増えて見回りが追いつかない",
        "商店街に人が来ない",
        "子どもの遊び場が少ない",
    ]
    assert result.skipped == [("大雨のとき、避難情報が届かない", "I-002")]
    head, _ = REGISTER.split("\n# ファイル末尾のコメント\n")
    assert result.text.startswith(head)
    assert result.text.endswith("\n# ファイル末尾のコメント\n")
    removed = result.text.replace(head, "", 1)
    assert "I-003" in removed and "I-001" not in removed


def test_promote_result_is_valid_and_carries_origin() -> None:
    result = _plan()
    check_promoted(result.text, "x/issues.yaml", "ja")
    data = load_text(result.text, "x/issues.yaml").data["issues"]
    added = {i["id"]: i for i in data}["I-003"]
    assert added["found_in"] == {
        "source": "workshop",
        "ref": "2026-01-24-issue-discovery.yaml",
        "date": "2026-01-24",
        "votes": 12,
    }
    assert added["priority"] == "high" and added["status"] == "open"
    assert {i["id"]: i for i in data}["I-005"]["priority"] == "low"
    assert {i["id"]: i for i in data}["I-004"]["category"] == "other"


def test_promote_follows_the_files_spacing_and_indentation() -> None:
    result = _plan()
    assert "\n\n  - id: I-003\n" in result.text
    compact = (
        REGISTER.replace("\n\n  - id: I-002", "\n  - id: I-002")
        .replace("  - id:", "    - id:")
        .replace("    title", "      title")
        .replace("    category", "      category")
        .replace("    priority", "      priority")
        .replace("    evidence", "      evidence")
        .replace("  # 最初", "    # 最初")
    )
    assert load_text(compact, "c.yaml").data["issues"][1]["id"] == "I-002"
    result = _plan(compact)
    assert "\n    - id: I-003\n      title:" in result.text
    assert "\n\n    - id: I-003" not in result.text


def test_promote_twice_adds_nothing_the_second_time() -> None:
    first = _plan()
    second = _plan(first.text)
    assert second.added == [] and second.text == first.text


def test_promote_into_an_empty_flow_list_makes_a_block_list_and_keeps_the_comment() -> None:
    register = "kind: issues\nversion: 1\nissues: []   # まだない\n"
    result = _plan(register)
    data = load_text(result.text, "x/issues.yaml").data
    assert [i["id"] for i in data["issues"]] == ["I-001", "I-002", "I-003", "I-004"]
    assert result.text.startswith("kind: issues\nversion: 1\nissues:   # まだない\n  - id: I-001\n")


def test_promote_keeps_crlf_line_endings() -> None:
    register = REGISTER.replace("\n", "\r\n")
    result = _plan(register)
    assert "\r\n  - id: I-003\r\n" in result.text
    assert "\n" not in result.text.replace("\r\n", "")


def test_promote_file_without_final_newline() -> None:
    register = REGISTER.rstrip("\n").replace("\n\n# ファイル末尾のコメント", "")
    result = _plan(register)
    assert result.text.startswith(register + "\n")
    check_promoted(result.text, "x/issues.yaml", "en")


def test_promote_refuses_a_result_that_would_not_validate() -> None:
    with pytest.raises(UsageError):
        check_promoted("kind: issues\nversion: 1\nissues: [{id: x}]\n", "x/issues.yaml", "en")


@pytest.mark.parametrize(
    ("a", "b"), [("大雨のとき、避難情報が届かない", "大雨のとき 避難情報が届かない"), ("ＡＢＣ Bus", "abcbus")]
)
def test_normalise_title_ignores_width_case_and_spacing(a: str, b: str) -> None:
    assert normalise_title(a) == normalise_title(b)
