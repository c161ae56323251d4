"""A prefecture's view across consortia: one row per consortium folder found under a root.

A prefectural support team keeps many consortia side by side (or receives them in one
folder) and wants to see at a glance where each stands. :func:`build_overview` finds every
folder under the root that holds a charter (:func:`dxkit.discovery.consortium_folders`), and
for each one runs what dxkit already has, nothing of its own: the checks of ``dxkit validate``
(:func:`dxkit.validate.check_consortium`) for the counts of errors and warnings, and on the
model that ``dxkit status`` reads (the files valid as a whole, as
:func:`dxkit.validate.load_consortium` reads them; taken from the same reading) the status,
gate and key-person analyses, and where a consortium has filled in a self-assessment, the
scores of ``dxkit assess``.

Nothing is read outside the root: folders are walked without following links, and a file
whose link leads out of the root is neither read nor counted. A consortium
whose charter cannot be used, or whose files the analyses need cannot be read, is a row with
its problem; the run goes on with the next one. Nothing here prints; texts from findings are in
the language asked for, everything else is codes, ISO dates and message ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from dxkit.analyses import Reason
from dxkit.analyses.assessment import build_assessment
from dxkit.analyses.gates import build_gate_report
from dxkit.analyses.keyperson import analyse as analyse_keypersons
from dxkit.analyses.status import build_status
from dxkit.discovery import CHARTER_NAMES, consortium_folders, consortium_targets
from dxkit.errors import DxkitError, UsageError, os_error
from dxkit.findings import Severity
from dxkit.model import Consortium
from dxkit.reading import uses_japanese_era
from dxkit.validate import ALL_RULES, Report, check_consortium

#: The kinds the analyses of a row read: one of them unreadable would make the row look complete and not be.
NEEDS = ("consortium", "members", "roles", "gates", "retrospective")


@dataclass
class AreaScore:
    """The mean score (0–3) of one area of the self-assessment; ``None`` when none of its questions is answered."""

    area: str
    score: float | None


@dataclass
class AssessmentSummary:
    """The newest self-assessment round of a consortium, scored as ``dxkit assess`` scores it."""

    #: ISO date of the newest round.
    date: str | None
    overall: float | None
    answered: int
    questions: int
    areas: list[AreaScore] = field(default_factory=list)


def summarise_assessment(consortium: Consortium) -> AssessmentSummary | None:
    """The scores of :func:`dxkit.analyses.assessment.build_assessment`, for a consortium with a round; else ``None``.

    A consortium that has never filled in an assessment gets no scores here, even though
    ``dxkit assess`` would pre-fill some from its files: the overview shows what was assessed.
    """
    if not consortium.assessments:
        return None
    report = build_assessment(consortium)
    overall = report.overall
    areas = [AreaScore(line.id, line.score) for line in report.areas]
    return AssessmentSummary(report.round_date, overall.score, overall.answered, overall.questions, areas)


@dataclass
class GateReadiness:
    """The gate that closes a consortium's current stage, and how much of it is ready."""

    id: str
    from_stage: str
    to_stage: str
    #: Criteria met with evidence, of all the gate's criteria.
    ready: int
    criteria: int
    #: The decision taken on the gate, if any (``go``, ``no-go`` …).
    outcome: str | None


@dataclass
class ConsortiumRow:
    """One consortium as the overview shows it; ``None`` where the row could not say."""

    folder: str
    name: str | None = None
    municipality: str | None = None
    stage: str | None = None
    gate: GateReadiness | None = None
    overdue_with_plan: int | None = None
    overdue_without_plan: int | None = None
    keyperson_risks: int | None = None
    #: ISO date of the newest retrospective.
    last_retrospective: str | None = None
    errors: int = 0
    warnings: int = 0
    #: Whether the counts of errors and warnings stopped at a limit (so they are lower bounds).
    at_least: bool = False
    assessment: AssessmentSummary | None = None
    #: Why the row could not be filled (the charter unusable, a needed file unreadable …).
    problem: Reason | None = None
    #: Files with problems that the analyses left out.
    left_out: list[str] = field(default_factory=list)
    #: Whether the consortium writes dates in the Japanese era (令和).
    japanese_era: bool = False


@dataclass
class Overview:
    root: str
    today: str
    rows: list[ConsortiumRow] = field(default_factory=list)


def build_overview(root: str, *, lang: str, today: dt.date) -> Overview:
    """One row per consortium under ``root``, in the order of their folders."""
    base = Path(root)
    if not base.is_dir():
        raise UsageError("analysis.no_folder", folder=root)
    within = base.resolve()
    overview = Overview(root=root, today=today.isoformat())
    for folder in consortium_folders(root):
        row = ConsortiumRow(folder=folder)
        try:
            _fill(row, within, lang=lang, today=today)
        except DxkitError as err:
            row.problem = Reason("overview.problem.error", {"message": err.message(lang)})
        except OSError as exc:  # a file removed or made unreadable while the run read it
            row.problem = Reason("overview.problem.error", {"message": os_error(exc).message(lang)})
        overview.rows.append(row)
    return overview


def _fill(row: ConsortiumRow, within: Path, *, lang: str, today: dt.date) -> None:
    folder = row.folder
    targets = consortium_targets(folder, within=within)
    # One reading: the rules check it, and the files valid as a whole make the model the analyses read.
    consortium = Consortium(root=folder, today=today)
    shown, omitted, skipped = check_consortium(
        folder, targets, lang=lang, today=today, selection=ALL_RULES, whole=consortium
    )
    checked = Report(findings=shown, omitted=omitted)
    row.errors, row.warnings, row.at_least = checked.errors, checked.warnings, checked.at_least
    charter = consortium.charter
    if charter is None:
        first = next((f for f in shown if f.severity is Severity.ERROR and Path(f.file).name in CHARTER_NAMES), None)
        if first is not None:
            where = f"{first.file}:{first.line}:{first.column}"
            row.problem = Reason("overview.problem.charter", {"where": where, "message": first.message})
        else:
            row.problem = Reason("overview.problem.no_charter", {"folder": folder})
        return
    row.name, row.municipality, row.stage = charter.name, charter.municipality, charter.stage
    row.japanese_era = uses_japanese_era(consortium)
    unreadable = consortium.refused_for(NEEDS)
    if unreadable:
        row.problem = Reason("overview.problem.unreadable", {"files": ", ".join(unreadable)})
        return
    refused = [path for paths in consortium.refused.values() for path in paths]
    row.left_out = sorted({*refused, *(s.file for s in skipped)})
    status = build_status(consortium)
    row.overdue_with_plan = len(status.overdue_explained)
    row.overdue_without_plan = len(status.overdue_unexplained)
    row.last_retrospective = status.last_retrospective
    current = build_gate_report(consortium).current
    if current is not None:
        total = len(current.criteria)
        outcome = current.decision.outcome if current.decision else None
        row.gate = GateReadiness(
            current.id, current.from_stage, current.to_stage, total - len(current.missing), total, outcome
        )
    row.keyperson_risks = len(analyse_keypersons(consortium).risks)
    row.assessment = summarise_assessment(consortium)
