"""The case library's data is checked by its meta-schema and the few relations a schema cannot state."""

from __future__ import annotations

import copy
from typing import Any

from dxkit.loading import load_file
from dxkit.render.cases import CASE_FIELDS, check_cases
from tests.conftest import ROOT


def _cases() -> dict[str, Any]:
    data: dict[str, Any] = load_file(ROOT / "cases" / "cases.yaml").data
    return data


def test_the_shipped_case_library_is_sound() -> None:
    assert check_cases(_cases()) == []


def test_every_kind_of_mistake_is_named_with_its_place() -> None:
    data = _cases()
    unknown = copy.deepcopy(data)
    unknown["cases"][0]["fields"] = ["nope"]
    assert any(p.startswith("cases[0].fields[0]") and "nope" in p for p in check_cases(unknown))
    english_missing = copy.deepcopy(data)
    del english_missing["cases"][1]["summary"]["en"]
    assert any(p.startswith("cases[1].summary") and "'en'" in p for p in check_cases(english_missing))
    twice = copy.deepcopy(data)
    twice["cases"].append(copy.deepcopy(data["cases"][0]))
    assert check_cases(twice) == [f"{data['cases'][0]['id']}: duplicate id"]
    uneven = copy.deepcopy(data)
    uneven["cases"][0]["what_worked"]["en"].pop()
    assert check_cases(uneven) == [
        f"{data['cases'][0]['id']}: what_worked has a different number of points in ja and en"
    ]


def test_case_fields_include_the_consortium_fields() -> None:
    from dxkit.model.records import ENUMS

    assert set(ENUMS["field"]) - {"other"} <= set(CASE_FIELDS)
