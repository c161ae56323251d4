"""What validate says when there is little to say: one message for an empty folder."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import invoke


def test_an_empty_folder_gets_one_message(tmp_path: Path, lang: str) -> None:
    result = invoke(["validate", str(tmp_path), "--lang", lang], exit=2)
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert ("運営ファイルが見つかりませんでした" if lang == "ja" else "No governance files") in lines[0]
    # Not also "no problems (0 files)".
    assert ("問題は見つかりませんでした" if lang == "ja" else "No problems") not in result.output


def test_an_empty_folder_still_gets_a_machine_document(tmp_path: Path, lang: str) -> None:
    result = invoke(["validate", str(tmp_path), "--lang", lang, "--format", "json"], exit=2)
    assert json.loads(result.stdout)["summary"]["files"] == 0
