"""The set-up scripts say what each step does, in the reader's language, from the message catalogue."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib

import pytest

from tests.conftest import ROOT

SCRIPTS = ROOT / "scripts"
MESSAGES = tomllib.loads((ROOT / "src" / "dxkit" / "i18n" / "messages" / "script.toml").read_text(encoding="utf-8"))


def _steps() -> set[str]:
    used: set[str] = set()
    for script in SCRIPTS.glob("*.sh"):
        used |= set(re.findall(r"^\s*step (\w+)", script.read_text(encoding="utf-8"), re.M))
    return used


def test_every_step_a_script_names_has_a_message() -> None:
    used = _steps()
    assert {"venv", "install", "init", "validate", "guidebook", "bundle", "tests", "packages"} <= used
    assert used <= set(MESSAGES["script"])


@pytest.mark.parametrize(("env", "lang"), [({"DXKIT_LANG": "ja"}, "ja"), ({"DXKIT_LANG": "en"}, "en"), ({}, "ja")])
def test_a_step_prints_its_message_in_the_readers_language(env: dict[str, str], lang: str) -> None:
    done = subprocess.run(
        ["bash", "-c", f'source "{SCRIPTS / "_system.sh"}"; step init folder=my-town'],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "LANG": "C.UTF-8", **env},
        check=True,
        timeout=60,
    )
    expected = MESSAGES["script"]["init"][lang].format(folder="my-town")
    assert done.stdout == f"==> {expected}\n"
