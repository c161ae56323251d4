"""Every rule and core check is proven to fire on its 'bad' fixture and not on its 'good' one.

Each fixture folder is a small consortium. A 'bad' folder yields findings of exactly its code
(nothing else); a 'good' folder yields no finding at all, in either language.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dxkit.rules import iter_rules
from dxkit.validate import check_paths
from tests.conftest import TODAY

FIXTURES = Path(__file__).parent / "fixtures"
CODES = [rule.code for rule in iter_rules()]


def test_every_registered_code_has_a_fixture_pair():
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(CODES)


@pytest.mark.parametrize("code", CODES)
def test_rule_fires_on_bad_fixture(code, lang):
    report = check_paths([str(FIXTURES / code / "bad")], lang=lang, today=TODAY)
    codes = {f.code for f in report.findings}
    assert codes == {code}
    for finding in report.findings:
        assert finding.line >= 1 and finding.column >= 1
        assert finding.message


@pytest.mark.parametrize("code", CODES)
def test_rule_is_quiet_on_good_fixture(code, lang):
    report = check_paths([str(FIXTURES / code / "good")], lang=lang, today=TODAY)
    assert report.findings == []


@pytest.mark.parametrize(
    ("code", "file", "line"),
    [
        ("DX101", "consortium.yaml", 8),
        ("DX102", "consortium.yaml", 13),
        ("DX201", "members.yaml", 3),
        ("DX202", "members.yaml", 10),
        ("DX203", "members.yaml", 11),
        ("DX301", "roles.yaml", 8),
        ("DX302", "roles.yaml", 8),
        ("DX303", "roles.yaml", 7),
        ("DX304", "roles.yaml", 4),
        ("DX305", "roles.yaml", 9),
        ("DX306", "roles.yaml", 12),
        ("DX401", "consortium.yaml", 14),
        ("DX501", "issues.yaml", 8),
        ("DX008", "2026-05-01-gate-review.yaml", 8),
        ("DX601", "2026-05-01-kpt.yaml", 10),
        ("DX602", "roles.yaml", 1),
    ],
)
def test_rule_points_at_the_right_line(code, file, line):
    report = check_paths([str(FIXTURES / code / "bad")], lang="en", today=TODAY)
    first = report.findings[0]
    assert (Path(first.file).name, first.line) == (file, line)


def test_rule_severities_and_names_follow_conventions():
    for rule in iter_rules():
        assert rule.code.startswith("DX") and len(rule.code) == 5 and rule.code[2:].isdigit()
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert not rule.name.startswith("no-")
        assert rule.guide.endswith(".md")


def test_overdue_rule_depends_on_today():
    bad = FIXTURES / "DX305" / "bad"
    import datetime as dt

    assert check_paths([str(bad)], lang="ja", today=dt.date(2026, 3, 31)).findings == []
    assert check_paths([str(bad)], lang="ja", today=dt.date(2026, 4, 1)).errors == 1


def test_charter_config_ignores_rules(tmp_path):
    import shutil

    dest = tmp_path / "c"
    shutil.copytree(FIXTURES / "DX101" / "bad", dest)
    charter = dest / "consortium.yaml"
    charter.write_text(charter.read_text(encoding="utf-8") + "config:\n  ignore: [DX101]\n", encoding="utf-8")
    assert check_paths([str(dest)], lang="ja", today=TODAY).findings == []
