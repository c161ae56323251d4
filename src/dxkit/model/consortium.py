"""The loaded consortium: every file of every kind, normalised once, with positions.

Rules, analyses and renderers read this and nothing else: none of them looks at the raw
data of a file again. A consortium may hold several files of one kind (a role matrix split
by fiscal year, say); the model keeps every one of them, in the order they were read, and
offers their entries as one sequence (``tasks`` across every roles file, and so on), so no
file of a kind is ever dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from dxkit.loading import Document
from dxkit.model.loc import Loc
from dxkit.model.records import (
    Action,
    Assessment,
    Charter,
    CostPlan,
    DataFile,
    Dataset,
    DataSharing,
    FacilitiesFile,
    Facility,
    Gate,
    GatesFile,
    Issue,
    IssuesFile,
    Member,
    MembersFile,
    Retrospective,
    RolesFile,
    Task,
    Workshop,
)

#: A record of any file kind, as the model builds it from a document.
FileRecord = (
    Charter
    | MembersFile
    | RolesFile
    | GatesFile
    | IssuesFile
    | CostPlan
    | DataFile
    | Workshop
    | Retrospective
    | FacilitiesFile
    | Assessment
)

_BUILDERS: dict[str, type[FileRecord]] = {
    "consortium": Charter,
    "members": MembersFile,
    "roles": RolesFile,
    "gates": GatesFile,
    "issues": IssuesFile,
    "plan": CostPlan,
    "data": DataFile,
    "workshop": Workshop,
    "retrospective": Retrospective,
    "facilities": FacilitiesFile,
    "assessment": Assessment,
}


def read_record(doc: Document) -> FileRecord:
    """The typed record of one schema-valid document."""
    kind = doc.kind
    if kind not in _BUILDERS:
        raise KeyError(kind)
    return _BUILDERS[kind].from_data(doc.data, Loc(doc))


@dataclass(frozen=True, slots=True)
class TryItem:
    """An action a retrospective decided: a KPT Try or a failure-analysis countermeasure."""

    retrospective: Retrospective
    action: Action
    #: ``kpt`` or ``failure_analysis``: where in the retrospective it was written.
    section: str


@dataclass
class Consortium:
    """One consortium folder, as every reader sees it (schema-valid files only)."""

    root: str
    today: dt.date
    charters: list[Charter] = field(default_factory=list)
    member_files: list[MembersFile] = field(default_factory=list)
    role_files: list[RolesFile] = field(default_factory=list)
    gate_files: list[GatesFile] = field(default_factory=list)
    issue_files: list[IssuesFile] = field(default_factory=list)
    #: The three-year cost and revenue plans (``plan.yaml``), one per file.
    plans: list[CostPlan] = field(default_factory=list)
    data_files: list[DataFile] = field(default_factory=list)
    workshops: list[Workshop] = field(default_factory=list)
    retrospectives: list[Retrospective] = field(default_factory=list)
    facility_files: list[FacilitiesFile] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    #: Kinds of which a file, or some entries of a file, were left out for schema errors: a
    #: rule that judges by what is absent (an unknown member, a missing decision) does not
    #: judge these kinds.
    incomplete: set[str] = field(default_factory=set)
    #: Files that could not be read at all (too large, not a regular file, not YAML …), by the
    #: kind their name or first lines say; ``None`` when neither says. A command that needs a
    #: kind refuses to report on the rest (:meth:`refused_for`).
    refused: dict[str | None, list[str]] = field(default_factory=dict)

    def refused_for(self, kinds: tuple[str, ...]) -> list[str]:
        """The files of ``kinds`` (or of no known kind) that could not be read, sorted."""
        found = [path for kind in (*kinds, None) for path in self.refused.get(kind, [])]
        return sorted(set(found))

    def add(self, doc: Document) -> FileRecord:
        """Add one schema-valid document; every file is kept, whatever its kind."""
        record = read_record(doc)
        if isinstance(record, Charter):
            self.charters.append(record)
        elif isinstance(record, MembersFile):
            self.member_files.append(record)
        elif isinstance(record, RolesFile):
            self.role_files.append(record)
        elif isinstance(record, GatesFile):
            self.gate_files.append(record)
        elif isinstance(record, IssuesFile):
            self.issue_files.append(record)
        elif isinstance(record, CostPlan):
            self.plans.append(record)
        elif isinstance(record, DataFile):
            self.data_files.append(record)
        elif isinstance(record, Workshop):
            self.workshops.append(record)
        elif isinstance(record, FacilitiesFile):
            self.facility_files.append(record)
        elif isinstance(record, Assessment):
            self.assessments.append(record)
        else:
            self.retrospectives.append(record)
        return record

    # -- the consortium's entries, across all of its files ------------------------------

    @property
    def charter(self) -> Charter | None:
        """The charter (``consortium.yaml``); the first one read when there are several."""
        return self.charters[0] if self.charters else None

    @property
    def members(self) -> list[Member]:
        return [m for f in self.member_files for m in f.members]

    @property
    def tasks(self) -> list[Task]:
        return [t for f in self.role_files for t in f.tasks]

    @property
    def gates(self) -> list[Gate]:
        return [g for f in self.gate_files for g in f.gates]

    @property
    def issues(self) -> list[Issue]:
        return [i for f in self.issue_files for i in f.issues]

    @property
    def facilities(self) -> list[Facility]:
        return [x for f in self.facility_files for x in f.facilities]

    @property
    def datasets(self) -> list[Dataset]:
        return [d for f in self.data_files for d in f.datasets]

    @property
    def data_sharing(self) -> list[DataSharing]:
        return [s for f in self.data_files for s in f.sharing]

    @property
    def has_members(self) -> bool:
        return bool(self.member_files)

    @property
    def has_roles(self) -> bool:
        return bool(self.role_files)

    @property
    def has_gates(self) -> bool:
        return bool(self.gate_files)

    @property
    def has_issues(self) -> bool:
        return bool(self.issue_files)

    @property
    def has_facilities(self) -> bool:
        return bool(self.facility_files)

    @property
    def has_data(self) -> bool:
        return bool(self.data_files)

    def documents(self) -> Iterator[Document]:
        """Every document of the consortium, charter first."""
        for group in (
            self.charters,
            self.member_files,
            self.role_files,
            self.gate_files,
            self.issue_files,
            self.plans,
            self.data_files,
            self.workshops,
            self.retrospectives,
            self.facility_files,
            self.assessments,
        ):
            for record in group:
                yield record.at.doc

    # -- questions many readers ask -------------------------------------------------------

    def member_names(self) -> dict[str, str]:
        """Each member id and the organisation's name."""
        return {m.id: m.name for m in self.members}

    def member_display_names(self, lang: str = "ja") -> dict[str, str]:
        """Each member id and how a person reads it: the organisation's name.

        Where two members share a name, each of them reads as 名前（id） (``name (id)`` in
        English), so a reader can tell them apart and an import can map the text back.
        """
        count: dict[str, int] = {}
        for member in self.members:
            count[member.name] = count.get(member.name, 0) + 1
        shown: dict[str, str] = {}
        for member in self.members:
            if count[member.name] > 1:
                shown[member.id] = member_with_id(member.name, member.id, lang)
            else:
                shown[member.id] = member.name
        return shown

    def member_display(self, member_id: str, lang: str = "ja") -> str:
        """How a person reads one member reference (the id itself when it is unknown)."""
        return self.member_display_names(lang).get(member_id, member_id)

    def member_from_display(self, text: str) -> str | None:
        """The member id a person meant by ``text``: an id, a unique name, or 名前（id）.

        Both languages' forms are understood; a name two members share is ambiguous on its
        own and means nobody (``None``), as does a text that names no member.
        """
        return self.member_texts().get(text.strip())

    def member_texts(self) -> dict[str, str]:
        """Every text :meth:`member_from_display` understands, with the member id it means.

        Built in one pass for a reader of many texts (``dxkit import``), so that each text is
        one lookup, not a pass over every member. Where texts collide the first kind wins: an id,
        then a name no other member has, then 名前（id）, then ``name (id)``, each in file order.
        """
        members = self.members
        texts = {m.id: m.id for m in members}
        by_name: dict[str, list[str]] = {}
        for member in members:
            by_name.setdefault(member.name, []).append(member.id)
        for name, ids in by_name.items():
            if len(ids) == 1:
                texts.setdefault(name, ids[0])
        for lang in ("ja", "en"):
            for member in members:
                texts.setdefault(member_with_id(member.name, member.id, lang), member.id)
        return texts

    def member_ids(self) -> set[str] | None:
        """The member ids, or ``None`` when no valid members file is known."""
        if not self.member_files:
            return None
        return {m.id for m in self.members}

    def member_name(self, member_id: str) -> str:
        """The organisation's name for an id (the id itself when it is unknown)."""
        for member in self.members:
            if member.id == member_id:
                return member.name
        return member_id

    def iter_tries(self) -> Iterator[TryItem]:
        """Every Try and countermeasure that any retrospective decided, in file order."""
        for retro in self.retrospectives:
            if retro.kpt is not None:
                for action in retro.kpt.try_:
                    yield TryItem(retro, action, "kpt")
            if retro.failure_analysis is not None:
                for action in retro.failure_analysis.countermeasures:
                    yield TryItem(retro, action, "failure_analysis")

    def last_retrospective(self) -> Retrospective | None:
        """The newest retrospective (by date, then by file name), if any."""
        if not self.retrospectives:
            return None
        return max(self.retrospectives, key=lambda r: (r.date, r.at.file))

    def last_activity(self) -> dt.date | None:
        """The date of the newest retrospective, if any."""
        newest = self.last_retrospective()
        return newest.date if newest is not None else None


def member_with_id(name: str, member_id: str, lang: str) -> str:
    """A member's name with its id after it: 名前（id） in Japanese, ``name (id)`` in English."""
    return f"{name}（{member_id}）" if lang == "ja" else f"{name} ({member_id})"
