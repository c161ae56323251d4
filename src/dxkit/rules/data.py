"""Rules on the data inventory (``data.yaml``): DX8xx.

They follow the report's conditions for using personal data with the region's trust
(報告書（案）第3章3(4)②): every personal dataset has a basis for its use, an advisory check
that is independent of the people who use it, and a written arrangement before it passes
from one member to another. Open data carries its terms of use, and no personal data is
ever published as open data.
"""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.i18n import LANGS
from dxkit.model import Consortium
from dxkit.model.records import Dataset
from dxkit.rules.registry import Hit, iter_duplicate_ids, known_member_ids, rule, shown_date, suggest
from dxkit.schemas import field_title

_GUIDE = "projects/data-inventory.md"


def _inventory_known(c: Consortium) -> bool:
    """Whether every dataset of the consortium is known: no data file was left out or refused."""
    return "data" not in c.incomplete and not c.refused.get("data")


def _field(entries: str, key: str) -> dict[str, str]:
    """How a message names a field of an entry of data.yaml: its title, with the key a person types."""
    titles = {lang: field_title("data", (entries, 0, key), lang) or key for lang in LANGS}
    return {lang: f"{titles[lang]}（{key}）" if lang == "ja" else f"{titles[lang]} ({key})" for lang in LANGS}


def _by_id(c: Consortium) -> dict[str, Dataset]:
    """Each dataset id and its first entry."""
    found: dict[str, Dataset] = {}
    for dataset in c.datasets:
        found.setdefault(dataset.id, dataset)
    return found


def _arranged(c: Consortium, dataset: Dataset) -> set[str]:
    """The members an arrangement provides ``dataset`` to."""
    return {member for s in c.data_sharing if s.dataset == dataset.id for member in s.recipients}


@rule("DX801", "duplicate-dataset-id", Severity.ERROR, guide=_GUIDE)
def check_duplicate_dataset_id(c: Consortium) -> Iterator[Hit]:
    yield from iter_duplicate_ids(c.datasets)


@rule("DX802", "unknown-data-member", Severity.ERROR, guide=_GUIDE)
def check_unknown_data_member(c: Consortium) -> Iterator[Hit]:
    ids = known_member_ids(c)
    if ids is None:
        return
    for dataset in c.datasets:
        if dataset.holder not in ids:
            params = {"dataset": dataset.id, "field": _field("datasets", "holder"), "member": dataset.holder}
            yield Hit(dataset.at / "holder", {**params, **suggest(dataset.holder, ids)})
        for index, member in enumerate(dataset.users):
            if member not in ids:
                params = {"dataset": dataset.id, "field": _field("datasets", "users"), "member": member}
                yield Hit(dataset.at / "users" / index, {**params, **suggest(member, ids)})
    for sharing in c.data_sharing:
        if sharing.provider not in ids:
            params = {"dataset": sharing.dataset, "field": _field("sharing", "provider"), "member": sharing.provider}
            yield Hit(sharing.at / "provider", {**params, **suggest(sharing.provider, ids)})
        for index, member in enumerate(sharing.recipients):
            if member not in ids:
                params = {"dataset": sharing.dataset, "field": _field("sharing", "recipients"), "member": member}
                yield Hit(sharing.at / "recipients" / index, {**params, **suggest(member, ids)})


@rule("DX803", "personal-data-without-legal-basis", Severity.ERROR, guide=_GUIDE)
def check_personal_data_without_legal_basis(c: Consortium) -> Iterator[Hit]:
    for dataset in c.datasets:
        if dataset.personal_data and dataset.legal_basis is None:
            yield Hit(dataset.at / "personal_data", {"dataset": dataset.id, "title": dataset.title})


@rule("DX804", "personal-data-without-advisory-check", Severity.WARNING, guide=_GUIDE)
def check_personal_data_without_advisory_check(c: Consortium) -> Iterator[Hit]:
    charter = c.charter
    if charter is None or "consortium" in c.incomplete:
        return
    policy = charter.data_policy
    if policy is not None and (policy.advisory_check is not None or policy.personal_data):
        return  # checked, or DX103 already asks for the check on the charter itself
    for dataset in c.datasets:
        if dataset.personal_data:
            yield Hit(dataset.at / "personal_data", {"dataset": dataset.id, "title": dataset.title})


@rule("DX805", "data-policy-denies-personal-data", Severity.ERROR, guide=_GUIDE)
def check_data_policy_denies_personal_data(c: Consortium) -> Iterator[Hit]:
    charter = c.charter
    if charter is None or charter.data_policy is None or charter.data_policy.personal_data:
        return
    for dataset in c.datasets:
        if dataset.personal_data:
            yield Hit(dataset.at / "personal_data", {"dataset": dataset.id, "title": dataset.title})


@rule("DX806", "unknown-task-dataset", Severity.ERROR, guide=_GUIDE)
def check_unknown_task_dataset(c: Consortium) -> Iterator[Hit]:
    if not _inventory_known(c):
        return
    known = set(_by_id(c))
    for task in c.tasks:
        for index, dataset_id in enumerate(task.datasets):
            if dataset_id not in known:
                params = {"task": task.id, "dataset": dataset_id, **suggest(dataset_id, known)}
                yield Hit(task.at / "datasets" / index, params)


@rule("DX807", "personal-data-shared-without-arrangement", Severity.ERROR, guide=_GUIDE)
def check_personal_data_shared_without_arrangement(c: Consortium) -> Iterator[Hit]:
    datasets = _by_id(c)
    for dataset in c.datasets:
        if not dataset.personal_data:
            continue
        arranged = _arranged(c, dataset) | {dataset.holder}
        for index, member in enumerate(dataset.users):
            if member not in arranged:
                yield Hit(dataset.at / "users" / index, {"dataset": dataset.id, "member": member})
    for task in c.tasks:
        for index, dataset_id in enumerate(task.datasets):
            used = datasets.get(dataset_id)
            if used is None or not used.personal_data:
                continue
            arranged = _arranged(c, used) | {used.holder}
            for member in task.responsible:
                if member not in arranged:
                    yield Hit(task.at / "datasets" / index, {"dataset": dataset_id, "member": member})


@rule("DX808", "personal-data-sharing-without-agreement", Severity.ERROR, guide=_GUIDE)
def check_personal_data_sharing_without_agreement(c: Consortium) -> Iterator[Hit]:
    datasets = _by_id(c)
    for sharing in c.data_sharing:
        shared = datasets.get(sharing.dataset)
        if shared is not None and shared.personal_data and sharing.agreement is None:
            yield Hit(sharing.at / "dataset", {"dataset": sharing.dataset, "provider": sharing.provider})


@rule("DX809", "unknown-shared-dataset", Severity.ERROR, guide=_GUIDE)
def check_unknown_shared_dataset(c: Consortium) -> Iterator[Hit]:
    if not _inventory_known(c):
        return
    known = set(_by_id(c))
    for sharing in c.data_sharing:
        if sharing.dataset not in known:
            yield Hit(sharing.at / "dataset", {"dataset": sharing.dataset, **suggest(sharing.dataset, known)})


@rule("DX810", "open-personal-data", Severity.ERROR, guide=_GUIDE)
def check_open_personal_data(c: Consortium) -> Iterator[Hit]:
    for dataset in c.datasets:
        if dataset.personal_data and dataset.access == "open":
            yield Hit(dataset.at / "access", {"dataset": dataset.id, "title": dataset.title})


@rule("DX811", "open-data-without-licence", Severity.WARNING, guide=_GUIDE)
def check_open_data_without_licence(c: Consortium) -> Iterator[Hit]:
    for dataset in c.datasets:
        if dataset.access == "open" and dataset.licence is None:
            yield Hit(dataset.at / "access", {"dataset": dataset.id, "title": dataset.title})


@rule("DX812", "personal-data-without-retention", Severity.WARNING, guide=_GUIDE)
def check_personal_data_without_retention(c: Consortium) -> Iterator[Hit]:
    for dataset in c.datasets:
        if dataset.personal_data and dataset.retention is None:
            yield Hit(dataset.at / "personal_data", {"dataset": dataset.id, "title": dataset.title})


@rule("DX813", "sharing-arrangement-ended", Severity.WARNING, guide=_GUIDE)
def check_sharing_arrangement_ended(c: Consortium) -> Iterator[Hit]:
    for sharing in c.data_sharing:
        until = sharing.until
        if until is None or until >= c.today:
            continue
        receivers = set(sharing.recipients)
        for task in c.tasks:
            if task.status in ("done", "cancelled") or sharing.dataset not in task.datasets:
                continue
            if receivers & set(task.responsible):
                params = {"dataset": sharing.dataset, "until": shown_date(until, c), "task": task.id}
                yield Hit(sharing.at / "until", params)
                break
