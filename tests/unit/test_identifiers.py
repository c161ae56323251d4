"""The check digits of 法人番号 and 全国地方公共団体コード, proven on published numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxkit.i18n import translate
from dxkit.identifiers import (
    corporate_number_check_digit,
    corporate_number_is_valid,
    local_government_code_check_digit,
    local_government_code_is_valid,
)
from dxkit.validate import check_paths
from tests.conftest import TODAY

#: 法人番号 as published on the National Tax Agency's site: 国税庁 itself, and the worked
#: example of the formula (基礎番号 123456789012 → 7).
CORPORATE_NUMBERS = ["7000012050002", "7123456789012"]
#: 全国地方公共団体コード published by the Ministry of Internal Affairs and Communications:
#: 札幌市 (a leading zero, a remainder that leaves 2), 東京都, 千代田区.
LOCAL_GOVERNMENT_CODES = ["011002", "130001", "131016"]


@pytest.mark.parametrize("number", CORPORATE_NUMBERS)
def test_corporate_number_check_digit_of_published_number_is_its_first_digit(number: str) -> None:
    assert corporate_number_check_digit(number) == int(number[0])
    assert corporate_number_is_valid(number)


@pytest.mark.parametrize("code", LOCAL_GOVERNMENT_CODES)
def test_local_government_code_check_digit_of_published_code_is_its_last_digit(code: str) -> None:
    assert local_government_code_check_digit(code) == int(code[-1])
    assert local_government_code_is_valid(code)


@pytest.mark.parametrize("number", CORPORATE_NUMBERS)
def test_corporate_number_with_any_other_first_digit_is_invalid(number: str) -> None:
    for digit in "0123456789".replace(number[0], ""):
        wrong = digit + number[1:]
        assert not corporate_number_is_valid(wrong)
        assert corporate_number_check_digit(wrong) == int(number[0])


@pytest.mark.parametrize("code", LOCAL_GOVERNMENT_CODES)
def test_local_government_code_with_any_other_last_digit_is_invalid(code: str) -> None:
    for digit in "0123456789".replace(code[-1], ""):
        wrong = code[:-1] + digit
        assert not local_government_code_is_valid(wrong)
        assert local_government_code_check_digit(wrong) == int(code[-1])


def test_corporate_number_single_digit_change_in_the_base_is_caught_unless_it_swaps_0_and_9() -> None:
    number = "7000012050002"
    for i in range(1, 13):
        for digit in "0123456789":
            if digit != number[i]:
                changed = number[:i] + digit + number[i + 1 :]
                # The sum moves by 1 or 2 times the change: only a change of 9 leaves it the same mod 9.
                assert corporate_number_is_valid(changed) == (abs(int(digit) - int(number[i])) == 9)


def test_local_government_code_remainders_zero_and_one_give_one_and_zero() -> None:
    # 00000: the sum is 0, 11 − 0 = 11, check digit 1. 00006: the sum is 12, remainder 1,
    # 11 − 1 = 10, check digit 0. The ones digit keeps both to one digit.
    assert local_government_code_check_digit("000000") == 1
    assert local_government_code_check_digit("000069") == 0


@pytest.mark.parametrize("value", ["", "123", "７００００１２０５０００２", "700001205000a", "70000120500021"])
def test_corporate_number_of_wrong_form_is_refused(value: str) -> None:
    with pytest.raises(ValueError):
        corporate_number_check_digit(value)


@pytest.mark.parametrize("value", ["", "13101", "１３１０１６", "13101x", "1310160"])
def test_local_government_code_of_wrong_form_is_refused(value: str) -> None:
    with pytest.raises(ValueError):
        local_government_code_check_digit(value)


def test_identifiers_in_members_file_keep_leading_zeros_and_ask_for_quotes(tmp_path: Path, lang: str) -> None:
    (tmp_path / "members.yaml").write_text(
        "kind: members\nversion: 1\nmembers:\n"
        "  - {id: sapporo, name: 札幌市, type: municipality, local_government_code: 011002}\n"
        "  - {id: tokyo, name: 東京都, type: prefecture, local_government_code: 130001}\n"
        '  - {id: nta, name: 国税庁, type: other, corporate_number: "1000012050002"}\n',
        encoding="utf-8",
    )
    findings = check_paths([str(tmp_path)], lang=lang, today=TODAY).findings
    # 011002 stays text with its zero and is valid; 130001 reads as a number: quote it.
    assert [(f.code, f.line) for f in findings] == [("DX010", 5), ("DX204", 6)]
    assert translate("schema.hint.quote", lang).strip() in findings[0].message
    expected = {
        "ja": "1000012050002 の検査用数字（先頭の1桁）は 7 のはず",
        "en": "1000012050002 of 'nta' should have 7 as",
    }
    assert expected[lang] in findings[1].message
