"""Help pages and usage errors speak the user's language, and wrap instead of being cut.

Every help page of the command tree is read in Japanese and in English, at 80 and at 60
columns; every kind of usage error is provoked in both languages. None may show a text of
Click's or Typer's own (``Show this message and exit.``, ``[required]``, ``<bool>``,
``Invalid value for …``), a Rich panel, or a ``…`` where a line was cut.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st

from dxkit.cli import app
from dxkit.cli._click_texts import missing_hooks
from dxkit.cli._common import HELP_LANG, DxkitCommand, DxkitSubgroup
from dxkit.cli._help import NO_LINE_END, NO_LINE_START, cells, wrap
from dxkit.cli.tree import describe
from dxkit.i18n import t
from dxkit.render.reference import CommandDoc
from tests.helpers import invoke

ROOT = Path(__file__).resolve().parents[2]

#: Texts of Click's and Typer's own that dxkit replaces: none may reach a person.
CLICK_TEXTS = (
    "Show this message and exit",
    "<bool>",
    "<str>",
    "<path>",
    "<int>",
    "Try '",
    "Invalid value",
    "Value error",
    "is not one of",
    "Input should be",
    "Possible options",
    "Got unexpected extra",
    "No such option",
    "No such command",
    "requires an argument",
    "does not take a value",
    "Choose from",
    "x>=",
    "<=x",
    "Traceback",
)
#: Rich's panels and the mark of a cut line.
DRAWN = ("╭", "╰", "│", "─", "…")
#: English words of a help page or an error, which a Japanese page must not show.
ENGLISH = (
    "Usage",
    "Arguments",
    "Options",
    "Commands",
    "required",
    "default",
    "Error",
    "Missing",
    "Did you mean",
    "Aborted",
    "for help",
    "values:",
)
JAPANESE = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")


def _paths(doc: CommandDoc) -> list[tuple[str, ...]]:
    return [doc.path, *(p for sub in doc.subcommands for p in _paths(sub))]


def _docs(doc: CommandDoc) -> list[CommandDoc]:
    return [doc, *(d for sub in doc.subcommands for d in _docs(sub))]


TREE = describe()
PATHS = _paths(TREE)

_DUMP = """
import json, os, sys
from typer.testing import CliRunner
from dxkit.cli import app
runner = CliRunner()
pages = {}
for columns in sys.argv[2:]:
    os.environ["COLUMNS"] = columns
    for path in json.loads(sys.argv[1]):
        result = runner.invoke(app, [*path, "--help"])
        pages[columns + " " + " ".join(path)] = [result.exit_code, result.stdout, result.stderr]
print(json.dumps(pages))
"""


@cache
def help_pages(lang: str) -> dict[str, tuple[int, str, str]]:
    """Every help page (``"80 export"`` → exit code, stdout, stderr), as ``DXKIT_LANG=lang`` shows it.

    Help texts are fixed when the command line is built, so each language needs its own process.
    """
    env = {**os.environ, "DXKIT_LANG": lang, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", _DUMP, json.dumps(PATHS), "80", "60"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    return {key: (code, out, err) for key, (code, out, err) in json.loads(done.stdout).items()}


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_typer_still_has_the_hooks_dxkit_relies_on() -> None:
    # dxkit.cli._click_texts reads Typer's internals; an upgrade that removes one must fail here.
    assert missing_hooks(typer.main.get_command(app)) == []


def test_command_tree_every_command_lays_out_its_own_help() -> None:
    root = typer.main.get_command(app)

    def walk(command: object, path: str) -> list[str]:
        wrong = [] if isinstance(command, DxkitCommand | DxkitSubgroup) else [path or "dxkit"]
        for name, sub in getattr(command, "commands", {}).items():
            wrong += walk(sub, f"{path} {name}".strip())
        return wrong

    assert walk(root, "") == []
    assert len(PATHS) >= 19  # the walk sees the subcommands of groups too


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("columns", [80, 60])
def test_help_every_page_wraps_in_its_language_without_click_texts(lang: str, columns: int) -> None:
    pages = help_pages(lang)
    for doc in _docs(TREE):
        key = f"{columns} {' '.join(doc.path)}"
        code, out, err = pages[key]
        assert code == 0 and err == "", key
        for text in (*CLICK_TEXTS, *DRAWN, *(ENGLISH if lang == "ja" else ())):
            assert text not in out, f"{key}: {text!r}\n{out}"
        too_wide = [line for line in out.splitlines() if cells(line) > columns]
        assert too_wide == [], key
        if lang == "en":
            assert not JAPANESE.search(out), f"{key}: Japanese in the English help\n{out}"
        assert out.startswith(t("cli.help.usage", lang) + "dxkit"), key
        # Wrapping only breaks lines: every help text of the page is there in full.
        expected = [t("cli.help.help_option", lang)]
        expected += [t(doc.help_id, lang)] if doc.help_id else []
        expected += [t(p.help_id, lang) for p in doc.params if p.help_id]
        expected += [t(s.help_id, lang) for s in doc.subcommands if s.help_id]
        for text in expected:
            assert _squeezed(text) in _squeezed(out), f"{key}: {text!r} is not there whole\n{out}"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_help_sections_and_notes_come_from_the_catalogue(lang: str) -> None:
    out = help_pages(lang)["80 export"][1]
    for msg_id in ("cli.help.arguments", "cli.help.options", "cli.metavar.kind", "cli.metavar.date"):
        assert t(msg_id, lang) in out
    assert t("cli.help.required", lang) in out
    assert t("cli.help.default", lang, value="--bom") in out
    assert "-f, --format xlsx|csv|ics|md|mermaid|docx" in out
    # A flag takes no value, so it shows none; an on/off pair shows both names.
    assert re.search(r"^  --overwrite +\S", out, re.MULTILINE)
    assert "--bom / --no-bom" in out
    root = help_pages(lang)["80 "][1]
    assert t("cli.help.commands", lang) in root and "\n  status " in root
    serve = help_pages(lang)["80 site serve"][1]
    assert t("cli.help.between", lang, min=0, max=65535) in serve


def test_help_japanese_lines_never_start_with_closing_punctuation() -> None:
    for key, (_, out, _) in help_pages("ja").items():
        for line in out.splitlines():
            text = line.strip()
            assert not text or text[0] not in NO_LINE_START, f"{key}: {line!r}"
            assert not text or text[-1] not in NO_LINE_END, f"{key}: {line!r}"


#: Each kind of usage error: the command line, and what the message must contain in each language.
USAGE_ERRORS: dict[str, tuple[list[str], str, dict[str, tuple[str, ...]]]] = {
    "bad choice": (
        ["status", "--lang", "jp"],
        "dxkit status",
        {"ja": ("--lang に「jp」は指定できません", "ja、en"), "en": ("--lang does not take 'jp'", "ja, en")},
    ),
    "bad choice, short name": (
        ["validate", "-f", "xml"],
        "dxkit validate",
        {"ja": ("-f に「xml」", "text、json、github、junit、sarif"), "en": ("-f does not take 'xml'", "sarif")},
    ),
    "not an integer": (
        ["status", "--soon", "x"],
        "dxkit status",
        {"ja": ("--soon には整数を指定してください", "「x」"), "en": ("--soon takes a whole number", "'x'")},
    ),
    "below the minimum": (
        ["keyperson", "--top", "0"],
        "dxkit keyperson",
        {"ja": ("--top には 1 以上の数", "0"), "en": ("--top must be at least 1", "(it was 0)")},
    ),
    "out of range": (
        ["site", "serve", "--port", "99999"],
        "dxkit site serve",
        {"ja": ("--port には 0 から 65535 までの数", "99999"), "en": ("--port must be between 0 and 65535", "99999")},
    ),
    "missing argument": (
        ["export"],
        "dxkit export",
        {"ja": ("<種類> を指定してください", "roles、issues"), "en": ("Missing argument KIND", "roles, issues")},
    ),
    "missing option value": (
        ["status", "--today"],
        "dxkit status",
        {"ja": ("--today の後に <日付> を指定してください",), "en": ("--today needs a value (DATE)",)},
    ),
    "missing choice value": (
        ["status", "--lang"],
        "dxkit status",
        {"ja": ("--lang の後に ja、en のいずれか",), "en": ("--lang needs a value: one of ja, en",)},
    ),
    "flag given a value": (
        ["lessons", "--overwrite=yes"],
        "dxkit lessons",
        {"ja": ("--overwrite は値をとりません",), "en": ("--overwrite takes no value",)},
    ),
    "no such option": (
        ["status", "--formt", "json"],
        "dxkit status",
        {
            "ja": ("--formt というオプションはありません", "もしかして --format"),
            "en": ("no option --formt", "--format?"),
        },
    ),
    "extra arguments": (
        ["status", "a", "b"],
        "dxkit status",
        {"ja": ("引数が多すぎます", "b"), "en": ("Too many arguments", "Not expected: b")},
    ),
    "no such command": (
        ["stat"],
        "dxkit",
        {"ja": ("stat というコマンドはありません", "もしかして status"), "en": ("no command stat", "status?")},
    ),
    "no such subcommand": (
        ["site", "buld"],
        "dxkit site",
        {"ja": ("buld というコマンドはありません", "build"), "en": ("no command buld", "build?")},
    ),
    "missing command": (
        ["new", "--"],
        "dxkit new",
        {
            "ja": ("コマンドを指定してください", "workshop、retrospective"),
            "en": ("Missing command", "workshop, retrospective"),
        },
    ),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("case", sorted(USAGE_ERRORS))
def test_usage_error_is_told_in_the_language_with_usage_and_hint(case: str, lang: str) -> None:
    args, command, expected = USAGE_ERRORS[case]
    result = invoke(args, exit=2, env={"DXKIT_LANG": lang, "COLUMNS": "80"})
    err = result.stderr
    assert result.stdout == ""
    assert err.startswith(t("cli.error_prefix", lang)), err
    for fragment in expected[lang]:
        assert fragment in err, f"{fragment!r} not in\n{err}"
    for text in (*CLICK_TEXTS, *DRAWN, *(ENGLISH if lang == "ja" else ())):
        assert text not in err, f"{text!r} in\n{err}"
    if lang == "en":
        assert not JAPANESE.search(err), err
    lines = err.splitlines()
    assert len(lines) == 3, err
    assert lines[1].startswith(t("cli.help.usage", lang) + command), err
    assert lines[-1] == t("cli.help.hint", lang, command=command, option="-h"), err


def test_usage_error_speaks_the_language_of_a_valid_lang_option() -> None:
    # --lang on the command line wins over DXKIT_LANG, wherever the error is.
    english = invoke(["status", "--soon", "x", "--lang", "en"], exit=2, env={"DXKIT_LANG": "ja"})
    assert english.stderr.startswith("Error: --soon takes a whole number")
    after = invoke(["status", "--formt", "--lang=en"], exit=2, env={"DXKIT_LANG": "ja"})
    assert after.stderr.startswith("Error: There is no option --formt")
    japanese = invoke(["status", "a", "b", "--lang", "ja"], exit=2, env={"DXKIT_LANG": "en"})
    assert japanese.stderr.startswith("エラー: 引数が多すぎます")
    # An invalid --lang cannot choose: the message follows DXKIT_LANG, then Japanese.
    assert invoke(["status", "--lang", "EN"], exit=2, env={"DXKIT_LANG": "en"}).stderr.startswith("Error: ")
    assert invoke(["status", "--lang", "EN"], exit=2, env={"DXKIT_LANG": None}).stderr.startswith("エラー: ")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_usage_error_names_the_option_as_it_was_typed(lang: str) -> None:
    short = invoke(["status", "-f", "yaml", "--lang", lang], exit=2).stderr
    long = invoke(["status", "--format", "yaml", "--lang", lang], exit=2).stderr
    assert short.splitlines()[0].split()[1] == "-f"
    assert long.splitlines()[0].split()[1] == "--format"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_usage_error_shows_a_hostile_value_as_text(lang: str) -> None:
    result = invoke(["status", "--soon", "\x1b[2J", "--lang", lang], exit=2)
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr


def test_group_given_nothing_shows_its_help() -> None:
    result = invoke(["new"], exit=2)
    assert result.stdout.startswith(t("cli.help.usage", HELP_LANG) + "dxkit new") and "workshop" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_prompt_given_up_is_aborted_in_the_language(lang: str, tmp_path: Path, monkeypatch) -> None:
    from dxkit.cli import init as init_command

    monkeypatch.setattr(init_command, "_is_terminal", lambda: True)
    result = invoke(["init", str(tmp_path / "c"), "--lang", lang], exit=2, input="")
    assert result.stderr.strip().endswith(t("cli.usage.aborted", lang))
    assert "Aborted!" not in result.output and not (tmp_path / "c").exists()


# Wrapping, on its own.

WORDS = st.lists(
    st.one_of(
        st.text("あいうえおかきくけこ漢字推進体制。、「」（）・ー", min_size=1, max_size=12),
        st.text("abcdefxyz-_.=/019", min_size=1, max_size=14),
    ),
    min_size=1,
    max_size=20,
)


@settings(max_examples=200, deadline=None)
@given(words=WORDS, width=st.integers(min_value=4, max_value=60), spaces=st.lists(st.booleans(), max_size=20))
def test_wrap_fits_the_width_and_loses_nothing(words: list[str], width: int, spaces: list[bool]) -> None:
    text = ""
    for number, word in enumerate(words):
        text += word + (" " if number < len(spaces) and spaces[number] else "")
    lines = wrap(text, width)
    assert all(cells(line) <= width for line in lines)
    assert _squeezed("".join(lines)) == _squeezed(text)


def test_wrap_breaks_japanese_between_characters_and_keeps_latin_words_whole() -> None:
    text = "既存のファイルは上書きしません。--overwrite を付けると roles.xlsx を置き換えます。"
    lines = wrap(text, 20)
    assert all(cells(line) <= 20 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    words = {w for line in lines for w in re.findall(r"[\x21-\x7e]+", line)}
    assert {"--overwrite", "roles.xlsx"} <= words
    assert all(line[:1] not in NO_LINE_START for line in lines)


def test_wrap_keeps_brackets_with_their_words() -> None:
    # 「（」 may not end a line and 「）」「。」 may not start one.
    lines = wrap("あいうえお（かき）。くけこ", 12)
    assert lines == ["あいうえお", "（かき）。く", "けこ"]


def test_wrap_folds_a_word_longer_than_the_line() -> None:
    assert wrap("a" * 25, 10) == ["a" * 10, "a" * 10, "a" * 5]
