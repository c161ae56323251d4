from __future__ import annotations

import pytest

from dxkit.findings import Finding
from dxkit.loading import load_text
from dxkit.schema_check import check_schema, format_path, guess_kind

ROLES = """kind: roles
version: 1
tasks:
  - id: T-001
    title: ワークショップ
    stage: planning
    responsible: [city]
    accountable: city
    due: "2026-06-30"
    done_criteria: 記録がある
    status: not-started
"""


def _messages(text: str, lang: str, path: str = "roles.yaml") -> list[Finding]:
    return check_schema(load_text(text, path), lang)


def test_valid_document_has_no_findings(lang: str) -> None:
    assert _messages(ROLES, lang) == []


@pytest.mark.parametrize(
    ("old", "new", "line", "ja", "en"),
    [
        ('due: "2026-06-30"', "due: 2026/06/30", 9, "YYYY-MM-DD", "YYYY-MM-DD"),
        ('due: "2026-06-30"', "due: 2026-13-45", 9, "存在しない日付", "not a real date"),
        ("status: not-started", "status: doing", 11, "使える値", "allowed values"),
        ("title: ワークショップ", "title: 12", 5, "引用符", "quotes"),
        ("stage: planning", "stage: 1", 6, "使える値", "allowed values"),
        (
            "    done_criteria: 記録がある\n",
            "    done_critera: 記録がある\n",
            10,
            "done_critera",
            "Did you mean done_criteria?",
        ),
        ("    title: ワークショップ\n", "", 4, "title（タスク名）", "title (Title)"),
        ("    title: ワークショップ", "    title: ''", 5, "空です", "is empty"),
        ("responsible: [city]", "responsible: [City]", 7, "メンバー id", "member id"),
        ("version: 1", "version: 2", 2, "バージョン 2", "version 2"),
    ],
)
def test_schema_errors_read_like_a_person_wrote_them(
    lang: str, old: str, new: str, line: int, ja: str, en: str
) -> None:
    text = ROLES.replace(old, new)
    assert text != ROLES
    findings = _messages(text, lang)
    assert len(findings) == 1, findings
    finding = findings[0]
    assert finding.code == "DX010"
    assert finding.line == line
    assert (ja if lang == "ja" else en) in finding.message
    assert "is not of type" not in finding.message and "does not match" not in finding.message


def test_boolean_hint_for_yes_no(lang: str) -> None:
    charter_like = "kind: issues\nversion: 1\nissues: []\nextra: no\n"
    findings = _messages(charter_like, lang, "issues.yaml")
    assert findings and findings[0].line == 4


def test_accountable_any_of_is_explained() -> None:
    findings = _messages(ROLES.replace("accountable: city", "accountable: Shi Yakusho"), "en")
    assert len(findings) == 1
    assert "member id" in findings[0].message


def test_missing_kind_guesses_from_file_name(lang: str) -> None:
    findings = _messages(ROLES.replace("kind: roles\n", ""), lang)
    assert findings[0].code == "DX006"
    assert "kind: roles" in findings[0].message


def test_unknown_kind_suggests_the_closest(lang: str) -> None:
    findings = _messages(ROLES.replace("kind: roles", "kind: role"), lang)
    assert findings[0].code == "DX006" and "roles" in findings[0].message


def test_top_level_list_is_explained(lang: str) -> None:
    findings = _messages("- a\n- b\n", lang)
    assert findings[0].code == "DX006"


def test_format_path() -> None:
    assert format_path(("tasks", 3, "due")) == "tasks[3].due"
    assert format_path(()) == ""


@pytest.mark.parametrize(
    ("path", "kind"),
    [("x/roles.yaml", "roles"), ("x/workshops/2026-01-01-a.yaml", "workshop"), ("x/other.yaml", None)],
)
def test_guess_kind(path: str, kind: str | None) -> None:
    assert guess_kind(path) == kind


def _every_error(kind: str, data: dict[str, object]) -> list[tuple[str, tuple[object, ...], str]]:
    from dxkit.schemas import validator_for

    return [(e.validator, tuple(e.absolute_path), e.message) for e in validator_for(kind).iter_errors(data)]


@pytest.mark.parametrize(
    "plant",
    [
        pytest.param({3: ("status", "doing"), 17: ("due", "2026/13/45")}, id="two entries"),
        pytest.param({0: ("accountable", 5)}, id="first entry, anyOf"),
        pytest.param({29: ("title", 12)}, id="last entry"),
        pytest.param({5: ("responsible", []), 6: ("stage", 1)}, id="empty list in one entry, bad value in the next"),
    ],
)
def test_only_bad_entries_are_explained_and_the_errors_are_those_of_the_whole_file(
    plant: dict[int, tuple[str, object]],
) -> None:
    from dxkit.schema_check import _explained_errors
    from dxkit.schemas import fast_validator_for

    data = load_text(ROLES, "roles.yaml").data
    task = data["tasks"][0]
    data["tasks"] = [{**task, "id": f"T-{i + 1:03d}"} for i in range(30)]
    for index, (key, value) in plant.items():
        data["tasks"][index][key] = value
    fast = fast_validator_for("roles")
    if fast is None:
        pytest.skip("jsonschema-rs is not installed")
    assert not fast.is_valid(data)
    explained = [(e.validator, tuple(e.absolute_path), e.message) for e in _explained_errors("roles", data, fast)]
    assert explained == _every_error("roles", data)
    assert explained


def test_an_error_outside_the_entries_is_explained_from_the_whole_file() -> None:
    from dxkit.schema_check import _explained_errors
    from dxkit.schemas import fast_validator_for

    data = load_text(ROLES, "roles.yaml").data
    data["version"] = "one"
    data["tasks"][0]["status"] = "doing"
    fast = fast_validator_for("roles")
    if fast is None:
        pytest.skip("jsonschema-rs is not installed")
    explained = [(e.validator, tuple(e.absolute_path), e.message) for e in _explained_errors("roles", data, fast)]
    assert explained == _every_error("roles", data)
    assert {path[0] for _, path, _ in explained} == {"version", "tasks"}
