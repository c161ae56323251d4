"""Rules on the charter's talent plan and layers (``consortium.yaml``): DX120–DX129."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.i18n import LANGS, translate
from dxkit.model import Consortium
from dxkit.model.talent import LOCAL_STAGES, PROCESS_STAGES, REPORT_LEAD, process_stage_words
from dxkit.rules.registry import Hit, iter_duplicate_ids, known_member_ids, rule, suggest


@rule("DX120", "talent-stage-without-lead", Severity.WARNING, guide="people/dx-process.md")
def check_talent_stage_without_lead(c: Consortium) -> Iterator[Hit]:
    for charter in c.charters:
        for entry in charter.talent_plan:
            if not entry.leads:
                yield Hit(entry.at / "stage", {"stage": process_stage_words(entry.stage)})


@rule("DX121", "unknown-talent-lead", Severity.ERROR, guide="people/dx-process.md")
def check_unknown_talent_lead(c: Consortium) -> Iterator[Hit]:
    ids = known_member_ids(c)
    if ids is None:
        return
    for charter in c.charters:
        for entry in charter.talent_plan:
            for i, lead in enumerate(entry.leads):
                if lead not in ids:
                    yield Hit(
                        entry.at / "leads" / i,
                        {"stage": process_stage_words(entry.stage), "member": lead, **suggest(lead, ids)},
                    )


@rule("DX122", "local-stage-only-shared", Severity.WARNING, guide="people/talent.md")
def check_local_stage_only_shared(c: Consortium) -> Iterator[Hit]:
    for charter in c.charters:
        for entry in charter.talent_plan:
            if entry.stage in LOCAL_STAGES and entry.sourcing == "share":
                yield Hit(entry.at / "sourcing", {"stage": process_stage_words(entry.stage)})


@rule("DX123", "unknown-layer-member", Severity.ERROR, guide="consortium/index.md")
def check_unknown_layer_member(c: Consortium) -> Iterator[Hit]:
    ids = known_member_ids(c)
    if ids is None:
        return
    for charter in c.charters:
        for layer in charter.layers:
            for i, member in enumerate(layer.members):
                if member not in ids:
                    yield Hit(
                        layer.at / "members" / i,
                        {"layer": layer.name, "member": member, **suggest(member, ids)},
                    )


@rule("DX124", "duplicate-layer-id", Severity.ERROR, guide="consortium/index.md")
def check_duplicate_layer_id(c: Consortium) -> Iterator[Hit]:
    for charter in c.charters:
        yield from iter_duplicate_ids(charter.layers)


@rule("DX125", "talent-plan-missing-stage", Severity.WARNING, guide="people/dx-process.md")
def check_talent_plan_missing_stage(c: Consortium) -> Iterator[Hit]:
    for charter in c.charters:
        if not charter.talent_plan:
            continue
        planned = {entry.stage for entry in charter.talent_plan}
        missing = [stage for stage in PROCESS_STAGES if stage in REPORT_LEAD and stage not in planned]
        if missing:
            words = [process_stage_words(stage) for stage in missing]
            stages = {lang: translate("listing.sep", lang).join(w[lang] for w in words) for lang in LANGS}
            yield Hit(charter.at / "talent_plan", {"stages": stages}, key=True)
