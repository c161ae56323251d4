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
    Charter,
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
FileRecord = Charter | MembersFile | RolesFile | GatesFile | IssuesFile | Workshop | Retrospective

_BUILDERS: dict[str, type[FileRecord]] = {
    "consortium": Charter,
    "members": MembersFile,
    "roles": RolesFile,
    "gates": GatesFile,
    "issues": IssuesFile,
    "workshop": Workshop,
    "retrospective": Retrospective,
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
    workshops: list[Workshop] = field(default_factory=list)
    retrospectives: list[Retrospective] = field(default_factory=list)

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
        elif isinstance(record, Workshop):
            self.workshops.append(record)
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

    def documents(self) -> Iterator[Document]:
        """Every document of the consortium, charter first."""
        for group in (
            self.charters,
            self.member_files,
            self.role_files,
            self.gate_files,
            self.issue_files,
            self.workshops,
            self.retrospectives,
        ):
            for record in group:
                yield record.at.doc

    # -- questions many readers ask -------------------------------------------------------

    def member_names(self) -> dict[str, str]:
        """Each member id and the organisation's name."""
        return {m.id: m.name for m in self.members}

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
