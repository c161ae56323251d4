"""``dxkit validate`` and ``dxkit site build`` on a consortium with a data inventory."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT
from tests.helpers import invoke

FIXTURES = ROOT / "tests" / "rules" / "fixtures"


def test_validate_names_personal_data_passed_on_without_an_arrangement(tmp_path: Path, lang: str) -> None:
    folder = tmp_path / "c"
    shutil.copytree(FIXTURES / "DX807" / "bad-task", folder)
    result = invoke(["validate", str(folder), "--lang", lang], exit=1)
    line = next(line for line in result.stdout.splitlines() if "DX807" in line)
    assert "roles.yaml:11:16" in line
    expected = {
        "ja": "個人データを含むデータ D-002 を「shinkin」が使うことになっていますが",
        "en": "Member 'shinkin' is to use dataset D-002, which holds personal data",
    }[lang]
    assert expected in line
    # A sharing arrangement from the holder to the member clears it.
    data = folder / "data.yaml"
    text = data.read_text(encoding="utf-8").replace("recipients: [univ]", "recipients: [univ, shinkin]")
    data.write_text(text, encoding="utf-8")
    assert "DX807" not in invoke(["validate", str(folder), "--lang", lang]).stdout


def test_site_build_publishes_the_inventory_page_in_its_navigation(tmp_path: Path, lang: str) -> None:
    folder = tmp_path / "c"
    shutil.copytree(ROOT / "examples" / "shiomi" / lang, folder)
    out = tmp_path / "site"
    invoke(["site", "build", str(folder), "--out", str(out), "--lang", lang, "--today", "2026-10-01"])
    page = (out / "data.html").read_text(encoding="utf-8")
    title = {"ja": "データの一覧", "en": "Data inventory"}[lang]
    held = {"ja": "避難行動要支援者名簿", "en": "Register of residents who need help to evacuate"}[lang]
    assert "<h1" in page and title in page and held in page
    assert 'href="data.html"' in (out / "index.html").read_text(encoding="utf-8")
    # The description of what the register holds stays in the file: the site says only that it holds personal data.
    assert {"ja": "氏名・住所・連絡先", "en": "name, address and contact details"}[lang] not in page
