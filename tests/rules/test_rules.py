"""Every rule and core check is proven to fire on its 'bad' fixtures and not on its 'good' ones.

Each fixture folder is a small consortium. ``fixtures/<CODE>/bad`` and ``…/good`` exist for
every code; further cases sit beside them as ``bad-<what>`` and ``good-<what>`` (a second
file of a kind, say). A 'bad' folder yields findings of exactly its code (nothing else); a
'good' folder yields no finding at all, in either language.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from dxkit.rules import iter_rules
from dxkit.validate import check_paths
from tests.conftest import TODAY

FIXTURES = Path(__file__).parent / "fixtures"
CODES = [rule.code for rule in iter_rules()]


def cases(prefix: str) -> list[tuple[str, str]]:
    """``(code, case)`` for every fixture folder of a code whose name starts with ``prefix``."""
    return sorted(
        (code, case.name)
        for code in CODES
        for case in (FIXTURES / code).iterdir()
        if case.name == prefix or case.name.startswith(prefix + "-")
    )


def test_every_registered_code_has_a_fixture_pair() -> None:
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(CODES)
    for code in CODES:
        names = {p.name for p in (FIXTURES / code).iterdir()}
        assert {"bad", "good"} <= names, code
        assert all(n.split("-", 1)[0] in ("bad", "good") for n in names), (code, names)


@pytest.mark.parametrize(("code", "case"), cases("bad"))
def test_rule_fires_on_bad_fixture(code: str, case: str, lang: str) -> None:
    report = check_paths([str(FIXTURES / code / case)], lang=lang, today=TODAY)
    codes = {f.code for f in report.findings}
    assert codes == {code}
    for finding in report.findings:
        assert finding.line >= 1 and finding.column >= 1
        assert finding.message


@pytest.mark.parametrize(("code", "case"), cases("good"))
def test_rule_is_quiet_on_good_fixture(code: str, case: str, lang: str) -> None:
    report = check_paths([str(FIXTURES / code / case)], lang=lang, today=TODAY)
    assert report.findings == []


@pytest.mark.parametrize(
    ("code", "file", "line"),
    [
        ("DX101", "consortium.yaml", 8),
        ("DX102", "consortium.yaml", 13),
        ("DX103", "consortium.yaml", 15),
        ("DX110", "consortium.yaml", 15),
        ("DX111", "consortium.yaml", 17),
        ("DX112", "consortium.yaml", 17),
        ("DX113", "consortium.yaml", 15),
        ("DX114", "consortium.yaml", 17),
        ("DX201", "members.yaml", 3),
        ("DX202", "members.yaml", 10),
        ("DX203", "members.yaml", 11),
        ("DX204", "members.yaml", 13),
        ("DX205", "members.yaml", 7),
        ("DX206", "members.yaml", 11),
        ("DX301", "roles.yaml", 8),
        ("DX302", "roles.yaml", 8),
        ("DX303", "roles.yaml", 7),
        ("DX304", "roles.yaml", 4),
        ("DX305", "roles.yaml", 9),
        ("DX306", "roles.yaml", 12),
        ("DX307", "roles.yaml", 15),
        ("DX309", "roles.yaml", 14),
        ("DX310", "roles.yaml", 11),
        ("DX401", "consortium.yaml", 14),
        ("DX403", "gates.yaml", 23),
        ("DX404", "plan.yaml", 5),
        ("DX501", "issues.yaml", 8),
        ("DX008", "2026-05-01-gate-review.yaml", 8),
        ("DX009", "consortium-2025.yaml", 2),
        ("DX601", "2026-05-01-kpt.yaml", 10),
        ("DX602", "2026-01-10-kpt.yaml", 5),
        ("DX603", "roles.yaml", 9),
        ("DX851", "facilities.yaml", 7),
        ("DX852", "facilities.yaml", 7),
        ("DX853", "facilities.yaml", 8),
        ("DX854", "facilities.yaml", 14),
        ("DX855", "facilities.yaml", 12),
        ("DX856", "facilities.yaml", 10),
        ("DX901", "plan.yaml", 10),
        ("DX902", "plan.yaml", 24),
        ("DX903", "plan.yaml", 5),
    ],
)
def test_rule_points_at_the_right_line(code: str, file: str, line: int) -> None:
    report = check_paths([str(FIXTURES / code / "bad")], lang="en", today=TODAY)
    first = report.findings[0]
    assert (Path(first.file).name, first.line) == (file, line)


@pytest.mark.parametrize(
    ("code", "file", "line"),
    [
        ("DX203", "members-2027.yaml", 9),
        ("DX301", "roles-2027.yaml", 8),
        ("DX302", "roles-2027.yaml", 8),
        ("DX303", "roles-2027.yaml", 12),
        ("DX304", "roles-2027.yaml", 4),
        ("DX305", "roles-2027.yaml", 9),
        ("DX401", "consortium.yaml", 14),
    ],
)
def test_rule_checks_the_second_file_of_a_kind(code: str, file: str, line: int) -> None:
    report = check_paths([str(FIXTURES / code / "bad-second-file")], lang="en", today=TODAY)
    assert [(Path(f.file).name, f.line) for f in report.findings] == [(file, line)]


@pytest.mark.parametrize(
    ("code", "file", "line", "first"),
    [
        ("DX202", "members-2027.yaml", 7, "members.yaml:7"),
        ("DX306", "roles-2027.yaml", 12, "roles.yaml:4"),
        ("DX501", "issues-2027.yaml", 8, "issues.yaml:4"),
        ("DX851", "facilities-2027.yaml", 7, "facilities.yaml:4"),
    ],
)
def test_duplicate_id_in_another_file_names_the_first(
    code: str, file: str, line: int, first: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(FIXTURES / code / "bad-across-files")
    (finding,) = check_paths(["."], lang=lang, today=TODAY).findings
    assert (finding.file, finding.line) == (file, line)
    assert first in finding.message
    assert f"{file}:" not in finding.message


def test_rule_severities_and_names_follow_conventions() -> None:
    for rule in iter_rules():
        assert rule.code.startswith("DX") and len(rule.code) == 5 and rule.code[2:].isdigit()
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert not rule.name.startswith("no-")
        assert rule.guide.endswith(".md")


def test_overdue_rule_depends_on_today() -> None:
    bad = FIXTURES / "DX305" / "bad"
    assert check_paths([str(bad)], lang="ja", today=dt.date(2026, 3, 31)).findings == []
    assert check_paths([str(bad)], lang="ja", today=dt.date(2026, 4, 1)).errors == 1


def test_charter_config_ignores_rules(tmp_path: Path) -> None:
    dest = tmp_path / "c"
    shutil.copytree(FIXTURES / "DX101" / "bad", dest)
    charter = dest / "consortium.yaml"
    charter.write_text(charter.read_text(encoding="utf-8") + "config:\n  ignore: [DX101]\n", encoding="utf-8")
    assert check_paths([str(dest)], lang="ja", today=TODAY).findings == []


def test_charter_config_selects_rules(tmp_path: Path) -> None:
    dest = tmp_path / "c"
    shutil.copytree(FIXTURES / "DX101" / "bad", dest)
    charter = dest / "consortium.yaml"
    charter.write_text(charter.read_text(encoding="utf-8") + "config:\n  select: [DX3]\n", encoding="utf-8")
    assert check_paths([str(dest)], lang="ja", today=TODAY).findings == []
    (dest / "consortium.yaml").write_text(charter.read_text(encoding="utf-8").replace("DX3", "DX1"), encoding="utf-8")
    assert {f.code for f in check_paths([str(dest)], lang="ja", today=TODAY).findings} == {"DX101"}


def test_only_the_first_charter_sets_the_configuration(tmp_path: Path) -> None:
    dest = tmp_path / "c"
    shutil.copytree(FIXTURES / "DX009" / "bad", dest)
    old = dest / "consortium-2025.yaml"
    old.write_text(old.read_text(encoding="utf-8") + "config:\n  ignore: [DX009]\n", encoding="utf-8")
    (finding,) = check_paths([str(dest)], lang="en", today=TODAY).findings
    assert (finding.code, Path(finding.file).name) == ("DX009", "consortium-2025.yaml")
    assert f"{dest / 'consortium.yaml'}:1" in finding.message


def test_a_record_of_placeholders_only_is_not_a_retrospective(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    shutil.copytree(FIXTURES / "DX603" / "bad", folder)
    record = folder / "retrospectives" / "2026-05-20-kpt.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("keep: []", 'keep: ["〔記入〕"]'), encoding="utf-8")
    codes = [f.code for f in check_paths([str(folder)], lang="ja", today=TODAY).findings]
    assert "DX603" in codes and "DX602" not in codes
    written = record.read_text(encoding="utf-8").replace('keep: ["〔記入〕"]', "keep: [夜の回がよかった]")
    record.write_text(written, encoding="utf-8")
    codes = [f.code for f in check_paths([str(folder)], lang="ja", today=TODAY).findings]
    assert "DX603" not in codes and "DX602" not in codes


@pytest.mark.parametrize(("typed", "hint"), [("bnak", "bank"), ("citty", "city"), ("zzz", None)])
def test_a_misspelt_member_id_gets_a_suggestion(typed: str, hint: str | None) -> None:
    from dxkit.rules.registry import get_rule, suggest

    params = {"task": "T-1", "field": "responsible", "member": typed, **suggest(typed, {"bank", "city", "univ"})}
    for lang, words in (("ja", "もしかして"), ("en", "Did you mean")):
        message = get_rule("DX303").render_message(lang, params)
        assert (f"{words} {hint}" in message) if hint else (words not in message), message


@pytest.mark.parametrize(
    ("calendar", "ja", "en"),
    [
        ("gregorian", "期限の2026年3月31日（火）を", "due date Tue 31 Mar 2026;"),
        ("japanese-era", "期限の令和8年3月31日（火）を", "due date Tue 31 Mar 2026;"),
    ],
)
def test_date_in_a_rule_message_reads_as_people_read_it(tmp_path: Path, calendar: str, ja: str, en: str) -> None:
    dest = tmp_path / "c"
    shutil.copytree(FIXTURES / "DX305" / "bad", dest)
    charter = (FIXTURES / "DX009" / "bad" / "consortium.yaml").read_text(encoding="utf-8")
    (dest / "consortium.yaml").write_text(charter + f"calendar: {calendar}\n", encoding="utf-8")
    for lang, expected in (("ja", ja), ("en", en)):
        messages = [f.message for f in check_paths([str(dest)], lang=lang, today=TODAY).findings if f.code == "DX305"]
        assert messages and expected in messages[0], messages
        assert "2026-03-31" not in messages[0]
