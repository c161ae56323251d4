from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from dxkit import decidim
from dxkit.decidim import read_proposals, read_results
from dxkit.decidim_import import plan_decidim_import
from dxkit.errors import UsageError
from dxkit.i18n import t
from dxkit.loading import load_text
from dxkit.schema_check import require_valid
from tests.decidim_export import REGISTER, csv_text, json_text, proposal, proposals, write_zip


def _import(records: list[dict], register: str = REGISTER, tmp: Path | None = None) -> tuple[str, object]:
    path = (tmp or Path(".")) / "proposals.csv"
    path.write_text(csv_text(records), encoding="utf-8")
    export = read_proposals(path)
    assert export.problems == []
    plan = plan_decidim_import(export.proposals, load_text(register, "x/issues.yaml"), register)
    return plan.text, plan


def test_read_proposals_csv_keeps_japanese_text_and_provenance(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(csv_text(proposals()), encoding="utf-8")
    export = read_proposals(path)
    assert export.problems == []
    assert len(export.proposals) == 50
    first = export.proposals[0]
    assert first.id == 1
    assert first.title == "避難所の案内についての提案 その1"
    assert first.body == "避難所の案内を良くしたいです。\n地区の住民 1 人で話し合いました。"
    assert first.reference == "JA-PROP-2026-05-1"
    assert first.url is not None and first.url.endswith("/proposals/1")
    assert first.published_at is not None and first.published_at.isoformat() == "2026-05-02"
    assert (first.category, first.scope, first.supports, first.comments) == ("防災", "南地区", 3, 1)
    states = {p.id: p.state for p in export.proposals}
    assert [states[n] for n in range(1, 8)] == [
        "evaluating",
        "accepted",
        "not_answered",
        "rejected",
        "not_answered",
        "withdrawn",
        "not_answered",
    ]


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_read_proposals_detects_the_separator_and_drops_a_bom(tmp_path: Path, sep: str) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(b"\xef\xbb\xbf" + csv_text(proposals(3), sep=sep).encode("utf-8"))
    export = read_proposals(path)
    assert [p.title for p in export.proposals] == [
        "避難所の案内についての提案 その1",
        "空き家の見回りについての提案 その2",
        "商店街のにぎわいについての提案 その3",
    ]


def test_read_proposals_json_reads_as_the_csv(tmp_path: Path) -> None:
    as_csv, as_json = tmp_path / "p.csv", tmp_path / "p.json"
    as_csv.write_text(csv_text(proposals(10)), encoding="utf-8")
    as_json.write_text(json_text(proposals(10)), encoding="utf-8")
    a, b = read_proposals(as_csv), read_proposals(as_json)
    assert [(p.id, p.title, p.body, p.state, p.published_at) for p in a.proposals] == [
        (p.id, p.title, p.body, p.state, p.published_at) for p in b.proposals
    ]


def test_read_proposals_zip_picks_the_proposals_member(tmp_path: Path) -> None:
    export = read_proposals(write_zip(tmp_path / "open-data.zip", proposals(5)))
    assert len(export.proposals) == 5
    assert export.file.endswith("open-data-proposals.csv")


def test_read_proposals_zip_ignores_a_member_that_climbs_out(tmp_path: Path) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../../etc/proposals.csv", csv_text(proposals(1)))
    with pytest.raises(UsageError) as err:
        read_proposals(path)
    assert err.value.msg_id == "decidim.zip_none"
    assert "../../etc/proposals.csv" in err.value.message("en")


def test_read_proposals_zip_refuses_too_many_members_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(decidim, "MAX_MEMBERS", 2)
    with pytest.raises(UsageError) as err:
        read_proposals(write_zip(tmp_path / "open-data.zip", proposals(1)))
    assert err.value.msg_id == "decidim.zip_members"
    assert "3 個のファイル" in err.value.message("ja")


def test_read_proposals_zip_refuses_a_member_beyond_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(decidim, "MAX_FILE_BYTES", 100)
    with pytest.raises(UsageError) as err:
        read_proposals(write_zip(tmp_path / "open-data.zip", proposals(3)))
    assert err.value.msg_id == "decidim.too_large"


def test_read_proposals_reports_every_bad_row_with_row_and_column(tmp_path: Path) -> None:
    records = [proposal(1), proposal(2, id="abc"), proposal(3, published_at="2026-13-45"), proposal(4, supports="多い")]
    path = tmp_path / "p.csv"
    path.write_text(csv_text(records), encoding="utf-8")
    export = read_proposals(path)
    assert [(p.row, p.column, p.msg_id) for p in export.problems] == [
        (3, "id", "decidim.bad_id"),
        (4, "published_at", "decidim.bad_date"),
        (5, "supports", "decidim.bad_count"),
    ]
    bad = export.problems[1]
    assert t(bad.msg_id, "ja", **bad.params) == "「2026-13-45」は日付として読めません（2026-05-12 のように書きます）。"
    assert t(bad.msg_id, "en", **bad.params).startswith('"2026-13-45" cannot be read as a date')


def test_read_proposals_refuses_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(csv_text(proposals(2)).encode("cp932"))
    with pytest.raises(UsageError) as err:
        read_proposals(path)
    assert err.value.msg_id == "decidim.encoding"


def test_import_adds_fifty_issues_with_provenance_and_keeps_the_register(tmp_path: Path) -> None:
    text, _ = _import(proposals(), tmp=tmp_path)
    assert text.startswith(REGISTER)  # every byte a person wrote stays
    require_valid(text, "issues.yaml", "ja")
    data = load_text(text, "issues.yaml").data
    issues = data["issues"]
    assert len(issues) == 51
    second = issues[1]
    assert second["id"] == "I-002"
    assert second["title"] == "避難所の案内についての提案 その1"
    assert second["category"] == "disaster-prevention"  # 防災 is one of dxkit's fields
    assert second["source"] == {
        "system": "decidim",
        "id": 1,
        "reference": "JA-PROP-2026-05-1",
        "url": "https://decidim.example.jp/processes/machi-2026/f/12/proposals/1",
        "state": "evaluating",
        "published_at": "2026-05-02",
        "supports": 3,
        "comments": 1,
        "category": "防災",
        "scope": "南地区",
    }
    by_decidim = {i["source"]["id"]: i for i in issues[1:]}
    assert by_decidim[3]["status"] == "open"
    assert by_decidim[4]["status"] == "closed"  # rejected
    assert by_decidim[6]["status"] == "closed"  # withdrawn


def test_import_again_changes_no_byte(tmp_path: Path) -> None:
    once, _ = _import(proposals(), tmp=tmp_path)
    twice, plan = _import(proposals(), once, tmp=tmp_path)
    assert twice == once
    assert plan.document is None and plan.changes == 0


def test_import_changed_proposal_updates_only_its_decidim_fields(tmp_path: Path) -> None:
    once, _ = _import(proposals(), tmp=tmp_path)
    # A person works on one issue in dxkit.
    person = once
    data = load_text(person, "issues.yaml").data
    index = next(i for i, issue in enumerate(data["issues"]) if issue["id"] == "I-010")
    from dxkit.editing import editor_for

    editor = editor_for(load_text(person, "issues.yaml"), person)
    editor.set(("issues", index, "priority"), "high")
    person = editor.apply().text
    records = proposals()
    records[8] = proposal(9, title={"ja": "通院バスを増やしてほしい"}, state="withdrawn", supports=99)
    after, plan = _import(records, person, tmp=tmp_path)
    changed = [(issue, key) for issue, key, _, _ in plan.changed]
    assert changed == [("I-010", "title"), ("I-010", "source")]
    assert [issue for issue, _ in plan.closed] == ["I-010"]
    before_lines, after_lines = person.splitlines(), after.splitlines()
    differing = [(a, b) for a, b in zip(before_lines, after_lines, strict=True) if a != b]
    assert differing == [
        ("    title: 子どもの遊び場についての提案 その9", "    title: 通院バスを増やしてほしい"),
        ("    status: open", "    status: closed"),
        ("      state: accepted", "      state: withdrawn"),
        ("      supports: 27", "      supports: 99"),
    ]
    issue = next(i for i in load_text(after, "issues.yaml").data["issues"] if i["id"] == "I-010")
    assert issue["priority"] == "high"  # what a person wrote in dxkit stays


def test_import_into_a_file_without_a_list_is_refused() -> None:
    text = "kind: issues\nversion: 1\nissues: {}\n"
    with pytest.raises(UsageError) as err:
        plan_decidim_import([], load_text(text, "x/issues.yaml"), text)
    assert err.value.msg_id == "decidim.no_list"


def test_read_results_reads_a_file_decidim_would_import(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text(
        "id;title/ja;description/ja;start_date;end_date;status/id;progress;parent/id;category/id;proposal_urls\n"
        ';通院バス;<p>取組中</p>;2026-06-01;2026-09-30;;50;;;"https://d.example.jp/p/1;https://d.example.jp/p/2"\n',
        encoding="utf-8",
    )
    results, problems = read_results(path)
    assert problems == []
    (result,) = results
    assert (result.title, result.description, result.progress) == ("通院バス", "取組中", 50.0)
    assert result.proposal_urls == ("https://d.example.jp/p/1", "https://d.example.jp/p/2")
    assert result.start_date is not None and result.start_date.isoformat() == "2026-06-01"


def test_import_reads_labels_a_person_wrote_as_codes(tmp_path: Path) -> None:
    register = REGISTER + (
        "  - id: I-002\n    title: 避難所の案内についての提案 その1\n    category: disaster-prevention\n"
        "    priority: medium\n    status: 未着手\n    source: {system: Decidim, id: 1, state: 検討中}\n"
    )
    records = [proposal(1, state="withdrawn")]
    text, plan = _import(records, register, tmp=tmp_path)
    assert [issue for issue, _ in plan.closed] == ["I-002"]
    assert plan.added == []
    assert "    status: closed\n" in text


@pytest.mark.parametrize(
    ("content", "msg_id"),
    [
        (b'id;title/ja\n1;"never closed\n', "decidim.bad_csv"),
        (b"id;title/ja\n1;" + b"x" * (decidim.MAX_CELL_CHARS + 1) + b"\n", "decidim.bad_csv"),
        (b"[" * 100_000, "decidim.bad_json"),
        (b'{"id": 1}', "decidim.not_a_list"),
        (b"", "decidim.empty"),
        (b"name;age\nx;1\n", "decidim.not_proposals"),
        (b"id;title/ja\n1;a;b;c\n", "decidim.row_too_long"),
    ],
)
def test_read_proposals_refuses_broken_files_by_name(tmp_path: Path, content: bytes, msg_id: str) -> None:
    path = tmp_path / "proposals.csv"
    path.write_bytes(content)
    with pytest.raises(UsageError) as err:
        read_proposals(path)
    assert err.value.msg_id == msg_id
    assert str(path) in err.value.message("ja") and str(path) in err.value.message("en")


def test_read_proposals_zip_with_csv_and_json_reads_the_csv(tmp_path: Path) -> None:
    extra = {"decidim.example.jp-open-data-proposals.json": json_text(proposals(2)).encode("utf-8")}
    export = read_proposals(write_zip(tmp_path / "open-data.zip", proposals(4), extra))
    assert len(export.proposals) == 4 and export.file.endswith(".csv")


def test_read_proposals_zip_with_two_proposal_files_asks_for_one(tmp_path: Path) -> None:
    extra = {"other-open-data-proposals.csv": b"id;title/ja\n1;x\n"}
    with pytest.raises(UsageError) as err:
        read_proposals(write_zip(tmp_path / "open-data.zip", proposals(1), extra))
    assert err.value.msg_id == "decidim.zip_several"
