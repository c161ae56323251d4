"""Japan's official identifiers of organisations and their check digits.

* 法人番号 (corporate number, 13 digits): the first digit checks the other twelve. The formula
  is fixed by 法人番号の指定等に関する省令 (平成26年財務省令第70号) 第2条:
  ``9 − ((Σ_{n=1..12} P_n × Q_n) mod 9)``, where ``P_n`` is the n-th digit of the twelve counted
  from the right and ``Q_n`` is 1 for odd ``n`` and 2 for even ``n``.
* 全国地方公共団体コード (local government code, 6 digits, JIS X 0402): the last digit checks
  the first five: the ones digit of ``11 − ((d1×6 + d2×5 + d3×4 + d4×3 + d5×2) mod 11)``.

python-stdnum knows the corporate number (``stdnum.jp.cn``) but not the local government code;
both formulas are a few lines fixed by law and standard, so this module holds them itself
rather than add a dependency for half of them. Both functions take the digits as text (so
leading zeros stay) and expect exactly the right number of ASCII digits: the schema checks
the form, these functions only the arithmetic.
"""

from __future__ import annotations

CORPORATE_NUMBER_LENGTH = 13
LOCAL_GOVERNMENT_CODE_LENGTH = 6

_LOCAL_GOVERNMENT_WEIGHTS = (6, 5, 4, 3, 2)


def _digits(value: str, length: int) -> list[int]:
    if len(value) != length or not (value.isascii() and value.isdigit()):
        raise ValueError(f"expected {length} ASCII digits, got {value!r}")
    return [int(ch) for ch in value]


def corporate_number_check_digit(number: str) -> int:
    """The check digit (the first digit) a 13-digit 法人番号 should have."""
    base = _digits(number, CORPORATE_NUMBER_LENGTH)[1:]
    total = sum(p * (1 if n % 2 else 2) for n, p in enumerate(reversed(base), start=1))
    return 9 - total % 9


def local_government_code_check_digit(code: str) -> int:
    """The check digit (the last digit) a 6-digit 全国地方公共団体コード should have."""
    head = _digits(code, LOCAL_GOVERNMENT_CODE_LENGTH)[:5]
    total = sum(d * w for d, w in zip(head, _LOCAL_GOVERNMENT_WEIGHTS, strict=True))
    return (11 - total % 11) % 10


def corporate_number_is_valid(number: str) -> bool:
    """Whether a 13-digit 法人番号's first digit is its check digit."""
    return int(number[0]) == corporate_number_check_digit(number)


def local_government_code_is_valid(code: str) -> bool:
    """Whether a 6-digit 全国地方公共団体コード's last digit is its check digit."""
    return int(code[-1]) == local_government_code_check_digit(code)
