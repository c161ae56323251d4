"""``dxkit new indicator``: list the indicator examples, and write one into a task of roles.yaml."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from filelock import FileLock

import dxkit.writing
from dxkit.i18n import translate
from dxkit.indicators import load_catalogue
from dxkit.labels import label
from dxkit.loading import load_file
from dxkit.writing import lock_path
from tests.conftest import TODAY
from tests.helpers import invoke

EXAMPLE = "agriculture/yield-change"
ADDED = {"ja": "追加", "en": "add"}
BLANK = {"ja": "目標値は空欄です", "en": "The target is blank"}
FIGURE = {"ja": "参考（出典：報告書（案）図5-7）", "en": "For reference (Source: report draft, fig. 5-7)"}
PLANNING = {"ja": "計画策定の段階", "en": "at the planning stage"}


def _task(roles: Path, task_id: str) -> dict[str, object]:
    tasks = load_file(roles).data["tasks"]
    task: dict[str, object] = next(t for t in tasks if t["id"] == task_id)
    return task


def test_without_an_example_it_lists_every_field_with_labels(lang: str) -> None:
    result = invoke(["new", "indicator", "--lang", lang])
    catalogue = load_catalogue()
    for field in catalogue.fields:
        assert field.title[lang] in result.stdout
        for example in field.examples:
            assert example.ref in result.stdout
    assert f"[{label('stage', 'demonstration', lang)}]" in result.stdout
    assert "dxkit new indicator" in result.stdout and "--task" in result.stdout


def test_a_field_alone_lists_that_field(lang: str) -> None:
    result = invoke(["new", "indicator", "mobility", "--lang", lang])
    assert "mobility/monthly-rides" in result.stdout
    assert "fishery/" not in result.stdout


def test_it_writes_the_example_into_the_task_and_says_what_is_left_to_do(sample: Path, lang: str) -> None:
    roles = sample / "roles.yaml"
    before = roles.read_text(encoding="utf-8")
    result = invoke(["new", "indicator", EXAMPLE, "--task", "T-002", "--dir", str(sample), "--lang", lang])
    example = load_catalogue().find(EXAMPLE)
    indicator = _task(roles, "T-002")["indicator"]
    assert indicator == {"name": example.name[lang], "measure": example.measure[lang], "example": EXAMPLE}
    assert ADDED[lang] in result.stdout and "T-002" in result.stdout and example.name[lang] in result.stdout
    assert BLANK[lang] in result.stdout
    assert FIGURE[lang] in result.stdout and "20%" in result.stdout
    assert PLANNING[lang] in result.stdout  # the scaffolded T-002 is a planning task
    after = roles.read_text(encoding="utf-8")
    # Four lines were inserted in one place; every other line is as it was.
    opcodes = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False).get_opcodes()
    changes = [(tag, j2 - j1) for tag, _, _, j1, j2 in opcodes if tag != "equal"]
    assert changes == [("insert", 4)]
    invoke(["validate", str(sample), "--lang", lang, "--today", TODAY.isoformat()], exit=0)


def test_the_words_follow_the_charter_s_language_without_lang(sample: Path, lang: str) -> None:
    roles = sample / "roles.yaml"
    invoke(["new", "indicator", "mobility/monthly-rides", "--task", "T-003", "--dir", str(sample)])
    name = _task(roles, "T-003")["indicator"]
    assert isinstance(name, dict)
    assert name["name"] == load_catalogue().find("mobility/monthly-rides").name[lang]


def test_target_is_written_and_an_existing_indicator_needs_overwrite(sample: Path, lang: str) -> None:
    roles = sample / "roles.yaml"
    args = ["new", "indicator", EXAMPLE, "--task", "T-002", "--dir", str(sample), "--lang", lang]
    first = invoke([*args, "--target", "15% 以上"])
    assert BLANK[lang] not in first.stdout
    refused = invoke(["new", "indicator", "agriculture/forecast-error", *args[3:]], exit=2)
    assert "--overwrite" in refused.stderr and "T-002" in refused.stderr
    assert _task(roles, "T-002")["indicator"]["example"] == EXAMPLE  # type: ignore[index]
    same = invoke([*args, "--target", "15% 以上"])
    assert {"ja": "何も変えませんでした", "en": "nothing changed"}[lang] in same.stdout
    invoke(["new", "indicator", "agriculture/forecast-error", *args[3:], "--overwrite"])
    indicator = _task(roles, "T-002")["indicator"]
    assert indicator["example"] == "agriculture/forecast-error"  # type: ignore[index]
    assert indicator["target"] == "15% 以上"  # type: ignore[index]


def test_dry_run_shows_the_new_file_and_writes_nothing(sample: Path, lang: str) -> None:
    roles = sample / "roles.yaml"
    before = roles.read_bytes()
    result = invoke(["new", "indicator", EXAMPLE, "--task", "T-002", "--dir", str(sample), "--dry-run", "--lang", lang])
    assert ADDED[lang] in result.stdout and load_catalogue().find(EXAMPLE).name[lang] in result.stdout
    assert translate("init.dry_run", lang) in result.stdout
    assert roles.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["agriculture/yeild-change", "--task", "T-002"], {"ja": "agriculture/yield-change", "en": "did you mean"}),
        (["weather/rain", "--task", "T-002"], {"ja": "使える分野", "en": "Fields:"}),
        ([EXAMPLE], {"ja": "--task", "en": "--task"}),
        ([EXAMPLE, "--task", "T-999"], {"ja": "タスク T-999 はありません", "en": "has no task T-999"}),
    ],
)
def test_mistakes_are_usage_errors_that_say_what_to_do(
    sample: Path, lang: str, args: list[str], said: dict[str, str]
) -> None:
    before = (sample / "roles.yaml").read_bytes()
    result = invoke(["new", "indicator", *args, "--dir", str(sample), "--lang", lang], exit=2)
    assert said[lang] in result.stderr
    assert "Traceback" not in result.output
    assert (sample / "roles.yaml").read_bytes() == before


def test_a_file_another_command_is_editing_is_left_alone(
    sample: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dxkit.writing, "LOCK_TIMEOUT", 0.2)
    roles = sample / "roles.yaml"
    before = roles.read_bytes()
    with FileLock(str(lock_path(roles)), timeout=5):
        result = invoke(["new", "indicator", EXAMPLE, "--task", "T-002", "--dir", str(sample), "--lang", lang], exit=2)
    assert {"ja": "もう一度実行してください", "en": "run"}[lang] in result.stderr
    assert roles.read_bytes() == before


def test_into_names_another_matrix(sample: Path, lang: str) -> None:
    other = sample / "roles-2027.yaml"
    other.write_bytes((sample / "roles.yaml").read_bytes())
    invoke(["new", "indicator", EXAMPLE, "--task", "T-003", "--into", str(other), "--lang", lang])
    assert "indicator" in _task(other, "T-003")
    assert "indicator" not in _task(sample / "roles.yaml", "T-003")
