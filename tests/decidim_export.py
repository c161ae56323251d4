"""Decidim open-data exports of proposals, written as Decidim's proposal serializer writes them.

The columns are the serializer's keys flattened by ``/`` (``Decidim::Exporters::CSV``), for an
organisation whose locale is ``ja``; the values are Japanese, as a Japanese municipality's
Decidim would publish them.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

COLUMNS = (
    "id",
    "category/id",
    "category/name/ja",
    "scope/id",
    "scope/name/ja",
    "participatory_space/id",
    "participatory_space/url",
    "component/id",
    "title/ja",
    "body/ja",
    "state",
    "reference",
    "answer/ja",
    "supports",
    "endorsements/total_count",
    "endorsements/user_endorsements",
    "comments",
    "attachments",
    "followers",
    "published_at",
    "url",
    "meeting_urls",
    "related_proposals",
    "is_amend",
    "original_proposal/title",
    "original_proposal/url",
)

_TOPICS = ("通院バス", "避難所の案内", "空き家の見回り", "商店街のにぎわい", "子どもの遊び場")
_CATEGORIES = ("モビリティ", "防災", "行政・公共サービス", "地場産業", "教育")
_SCOPES = ("北地区", "南地区", "中央地区")
_BASE = "https://decidim.example.jp/processes/machi-2026/f/12/proposals"


def proposal(number: int, **changes: Any) -> dict[str, Any]:
    """One proposal as the serializer's hash (nested), with ``changes`` applied on top."""
    topic = _TOPICS[number % len(_TOPICS)]
    record: dict[str, Any] = {
        "id": number,
        "category": {"id": number % 5 + 1, "name": {"ja": _CATEGORIES[number % 5]}},
        "scope": {"id": number % 3 + 1, "name": {"ja": _SCOPES[number % 3]}},
        "participatory_space": {"id": 3, "url": "https://decidim.example.jp/processes/machi-2026"},
        "component": {"id": 12},
        "title": {"ja": f"{topic}についての提案 その{number}"},
        "body": {"ja": f"<p>{topic}を良くしたいです。</p><p>地区の住民 {number} 人で話し合いました。</p>"},
        "state": "",
        "reference": f"JA-PROP-2026-05-{number}",
        "answer": {"ja": ""},
        "supports": number * 3,
        "endorsements": {"total_count": number % 4, "user_endorsements": []},
        "comments": number % 7,
        "attachments": 0,
        "followers": 1,
        "published_at": f"2026-05-{number % 28 + 1:02d} 10:00:00 +0900",
        "url": f"{_BASE}/{number}",
        "meeting_urls": [],
        "related_proposals": [],
        "is_amend": False,
        "original_proposal": {"title": None, "url": None},
    }
    record.update(changes)
    return record


def proposals(count: int = 50) -> list[dict[str, Any]]:
    states = ("", "evaluating", "accepted", "", "rejected", "", "withdrawn")
    return [proposal(n, state=states[n % len(states)]) for n in range(1, count + 1)]


def _flat(value: Any, prefix: str, out: dict[str, str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flat(item, f"{prefix}/{key}" if prefix else key, out)
    elif isinstance(value, list):
        out[prefix] = ";".join(str(v) for v in value)
    elif value is None:
        out[prefix] = ""
    elif isinstance(value, bool):
        out[prefix] = "true" if value else "false"
    else:
        out[prefix] = str(value)


def csv_text(records: list[dict[str, Any]], sep: str = ";") -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records:
        flat: dict[str, str] = {}
        _flat(record, "", flat)
        writer.writerow([flat.get(column, "") for column in COLUMNS])
    return out.getvalue()


def json_text(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2)


def write_zip(path: Path, records: list[dict[str, Any]], extra: dict[str, bytes] | None = None) -> Path:
    """The open-data ZIP: the proposals CSV next to the files of other resources."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("decidim.example.jp-open-data-proposals.csv", csv_text(records).encode("utf-8"))
        archive.writestr("decidim.example.jp-open-data-proposal_comments.csv", b"id;body/ja\n")
        archive.writestr("decidim.example.jp-open-data-results.csv", b"id;title/ja\n")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


REGISTER = """# yaml-language-server: $schema=.dxkit/schemas/v1/issues.schema.json
# 地域課題の一覧（手で書いたコメントは残ります）
kind: issues
version: 1
issues:
  # ワークショップで見つけた課題
  - id: I-001
    title: 高齢者が通院の足を確保できない
    category: mobility
    priority: high
"""
