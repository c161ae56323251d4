"""The site's SVG writer: coordinates written with one decimal at most, the same for the same value."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxkit.render.svg import num


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (-0.0, "0"),
        (-0.04, "0"),
        (48.0, "48"),
        (12.5, "12.5"),
        (99.96, "100"),
        (-3, "-3"),
        (1e20, "100000000000000000000"),
    ],
)
def test_a_coordinate_has_one_decimal_at_most_and_no_minus_zero(value, text):
    assert num(value) == text


@given(st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.integers().map(float)))
def test_whole_numbers_are_written_as_any_other_coordinate(value):
    # Whole numbers take a shorter way: the text is the one the rounding gives every value.
    rounded = f"{value:.1f}".rstrip("0").rstrip(".")
    assert num(value) == ("0" if rounded in ("", "-0") else rounded)
