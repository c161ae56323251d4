"""SECURITY.md says what dxkit guarantees, Japanese first, and the README links it in both languages."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_security_policy_is_japanese_first_then_english_and_says_where_to_report():
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    japanese, english = text.index("## dxkit が守ること"), text.index("## What dxkit guarantees")
    assert japanese < english
    assert text.count("security@dxkit.example") == 2
    for words in (("エスケープ", "escaping"), ("数式", "formula"), ("上限", "limits"), ("ロック", "lock")):
        assert words[0] in text[:english] and words[1].lower() in text[english:].lower(), words
    # Japanese sentences in plain style: no ASCII semicolon in the Japanese half.
    assert ";" not in re.sub(r"`[^`]*`", "", text[:english])


def test_readme_links_the_policy_in_both_languages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    english = readme.index("# dxkit (English)")
    assert "(SECURITY.md)" in readme[:english] and "(SECURITY.md)" in readme[english:]
