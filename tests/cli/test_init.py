from __future__ import annotations

import re

import pytest

from dxkit.schemas import KINDS
from tests.helpers import invoke


def test_init_no_input_creates_and_reports(tmp_path, lang):
    dest = tmp_path / "x"
    result = invoke(["init", str(dest), "--no-input", "--lang", lang])
    assert re.search(r"^create\s+.*consortium\.yaml$", result.stdout, re.M)
    created = 9 + len(KINDS)  # the scaffold's nine files (data.yaml among them) and the schema of every kind
    summary = f"作成 {created} 件" if lang == "ja" else f"{created} created"
    assert summary in result.stdout
    assert ("次に: dxkit validate" if lang == "ja" else "Next: dxkit validate") in result.stdout
    assert result.stderr == ""
    assert (dest / "roles.yaml").is_file()


def test_init_then_validate_exits_zero(tmp_path, lang):
    dest = tmp_path / "x"
    invoke(["init", str(dest), "--no-input", "--lang", lang])
    result = invoke(["validate", str(dest), "--lang", lang])
    assert ("問題は見つかりませんでした" if lang == "ja" else "No problems found") in result.stdout


def test_init_uses_name_and_municipality(tmp_path):
    dest = tmp_path / "x"
    invoke(["init", str(dest), "--no-input", "--name", "海のまちDX協議会", "--municipality", "海野町"])
    text = (dest / "consortium.yaml").read_text(encoding="utf-8")
    assert 'name: "海のまちDX協議会"' in text and 'municipality: "海野町"' in text


def test_init_default_names_follow_language(tmp_path):
    invoke(["init", str(tmp_path / "en"), "--no-input", "--lang", "en"])
    assert '"Sample City Regional DX Consortium"' in (tmp_path / "en/consortium.yaml").read_text(encoding="utf-8")
    invoke(["init", str(tmp_path / "ja"), "--no-input"])
    assert '"サンプル市地域DX推進協議会"' in (tmp_path / "ja/consortium.yaml").read_text(encoding="utf-8")


def test_init_rerun_over_edited_folder_skips_and_says_so(tmp_path, lang):
    dest = tmp_path / "x"
    invoke(["init", str(dest), "--no-input", "--lang", lang])
    roles = dest / "roles.yaml"
    roles.write_bytes(roles.read_bytes() + b"# my note\n")
    before = roles.read_bytes()
    result = invoke(["init", str(dest), "--no-input", "--lang", lang])
    assert re.search(r"^skip\s+.*roles\.yaml$", result.stdout, re.M)
    assert re.search(r"^identical\s+.*members\.yaml$", result.stdout, re.M)
    assert "--overwrite" in result.stdout
    assert roles.read_bytes() == before


def test_init_dry_run_writes_nothing(tmp_path, lang):
    dest = tmp_path / "x"
    result = invoke(["init", str(dest), "--no-input", "--dry-run", "--lang", lang])
    assert not dest.exists()
    assert ("何も書き込んでいません" if lang == "ja" else "nothing was written") in result.stdout


def test_init_conflict_exits_2_and_writes_nothing(tmp_path, lang):
    dest = tmp_path / "x"
    (dest / "roles.yaml").mkdir(parents=True)
    result = invoke(["init", str(dest), "--no-input", "--lang", lang], exit=2)
    assert "roles.yaml" in result.stderr
    assert ("何も書き込みませんでした" if lang == "ja" else "nothing was written") in result.stderr
    assert sorted(p.name for p in dest.iterdir()) == ["roles.yaml"]


def test_init_destination_is_a_file_exits_2(tmp_path):
    target = tmp_path / "file"
    target.write_text("mine", encoding="utf-8")
    result = invoke(["init", str(target), "--no-input", "--lang", "en"], exit=2)
    assert target.read_text(encoding="utf-8") == "mine"
    assert result.stderr.startswith("Error: ") and str(target) in result.stderr


@pytest.mark.parametrize("bad", ["", "a\nb"])
def test_init_bad_name_is_a_usage_error(tmp_path, bad, lang):
    result = invoke(["init", str(tmp_path / "x"), "--no-input", "--name", bad, "--lang", lang], exit=2)
    assert ("エラー: " if lang == "ja" else "Error: ") in result.stderr
    assert not (tmp_path / "x").exists()


def test_init_prompts_on_a_terminal(tmp_path, monkeypatch, lang):
    import dxkit.cli.init as init_module

    monkeypatch.setattr(init_module, "_is_terminal", lambda: True)
    answers = "山里村\n山里村DX協議会\n" if lang == "ja" else "Yamazato\nYamazato DX Council\n"
    result = invoke(["init", str(tmp_path / "x"), "--lang", lang], input=answers)
    assert ("中心となる自治体の名称" if lang == "ja" else "Municipality at the centre") in result.stdout
    name = "山里村DX協議会" if lang == "ja" else "Yamazato DX Council"
    assert f'"{name}"' in (tmp_path / "x/consortium.yaml").read_text(encoding="utf-8")


def test_init_no_input_never_prompts(tmp_path, monkeypatch):
    import dxkit.cli.init as init_module

    monkeypatch.setattr(init_module, "_is_terminal", lambda: True)
    result = invoke(["init", str(tmp_path / "x"), "--no-input"], input="")
    assert "自治体の名称" not in result.stdout
