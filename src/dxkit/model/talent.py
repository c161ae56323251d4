"""The talent plan and the layers of a charter: the fixed words and the questions readers ask.

The stages of the regional DX process, which talent mainly leads each and which stages want
people grown in the region come from the report draft (報告書（案）第4章3(1)①③); the labels
come from the schemas' ``x-labels``. Rules, the key-person analysis and the site read them here.
"""

from __future__ import annotations

from collections.abc import Iterable

from dxkit.model.records import ENUMS, Charter, Layer, Member, TalentStage

#: The stages of the regional DX process, in the report's order (第4章3(1)①).
PROCESS_STAGES: tuple[str, ...] = ENUMS["processStage"]

#: The talent the report says mainly leads a stage (第4章3(1)①): X talent for building
#: momentum, identifying the issue, the business model and UX operation; D talent for the
#: product, development and operation. The report names no lead for "use".
REPORT_LEAD: dict[str, str] = {
    "momentum": "x",
    "issue-identification": "x",
    "business-model": "x",
    "ux-operation": "x",
    "product-planning": "d",
    "development": "d",
    "operation": "d",
}

#: Stages the report says short-term sharing of outside people cannot carry (第4章3(1)③):
#: identifying the issue wants people who know the region (outside facilitation may be
#: added) and UX operation wants people who live there.
LOCAL_STAGES: frozenset[str] = frozenset({"issue-identification", "ux-operation"})

#: The talent types that can lead a stage which asks for ``talent``.
_COVERS: dict[str, frozenset[str]] = {"x": frozenset({"x", "xd"}), "d": frozenset({"d", "xd"})}


def covers(person_talent: str | None, wanted: str) -> bool:
    """Whether a person of ``person_talent`` can lead a stage that asks for ``wanted`` (``xd`` asks for both)."""
    if person_talent is None:
        return False
    needs = ("x", "d") if wanted == "xd" else (wanted,)
    return all(person_talent in _COVERS[n] for n in needs)


def talent_words(talent: str) -> dict[str, str]:
    """A talent type's label in every language (X人材 / X talent)."""
    return _words("talentType", talent)


def process_stage_words(stage: str) -> dict[str, str]:
    """A DX process stage's label in every language (課題特定 / Identifying the issue)."""
    return _words("processStage", stage)


def _words(definition: str, code: str) -> dict[str, str]:
    from dxkit.schemas import load_schema

    return dict(load_schema("consortium")["$defs"][definition]["x-labels"][code])


def layers_of(charter: Charter | None, member_id: str) -> list[Layer]:
    """The layers of the charter a member sits in, in the charter's order."""
    if charter is None:
        return []
    return [layer for layer in charter.layers if member_id in layer.members]


def stages_led_by(charter: Charter | None, member_id: str) -> list[TalentStage]:
    """The talent-plan stages a member leads, in the charter's order."""
    if charter is None:
        return []
    return [entry for entry in charter.talent_plan if member_id in entry.leads]


def records_talent(members: Iterable[Member]) -> bool:
    """Whether any person of these members has a talent type written down."""
    return any(person.talent is not None for member in members for person in member.people)
