"""The self-assessment (``dxkit assess``): where a consortium stands, area by area and stage by stage.

The questions live in the question set ``toolkits/assessment/questions.yaml`` (bilingual, each
citing the report draft); a round's answers live in an ``assessment`` file. Each question scores
0-3. Where the consortium's own files already answer a question (a key person without a deputy,
tasks without done criteria, no financial institution among the members, an undecided gate …),
the answer is pre-filled from the analyses dxkit already has and marked as such; a score written
in the round always wins over a pre-fill.

The question set has an id and a version, and every question says in which version it was added
(``since``) and, once retired, the last version that asked it (``until``). A round records the set
and version it answered, so it still scores when the questions change: answers to questions the
current version no longer asks are reported as removed, questions added since count as unanswered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from dxkit.analyses import Reason
from dxkit.analyses.gates import GateReport, build_gate_report
from dxkit.analyses.keyperson import KeyPersonReport, analyse
from dxkit.analyses.status import StatusReport, build_status
from dxkit.model import Consortium
from dxkit.model.records import Assessment
from dxkit.model.vocabulary import STAGES
from dxkit.questions import Question, QuestionSet, load_question_set

#: The highest score of one question.
TOP_SCORE = 3
#: How many of the weakest points the report names.
WEAKEST = 3
#: The member types the report draft names as the core of a consortium (ch. 5 3(1)①).
CORE_TYPES = ("municipality", "financial-institution", "local-media", "education-research", "telecom-bureau")
#: A retrospective within this many days counts as recent.
RECENT_DAYS = 92


# -- pre-fill from the consortium's files ---------------------------------------------------


@dataclass(frozen=True)
class Prefill:
    """A score the consortium's files give a question, and why."""

    score: int
    reason: Reason


class _Facts:
    """The analyses the pre-fills read, each made once and only when a pre-fill asks for it."""

    def __init__(self, c: Consortium) -> None:
        self.c = c
        self._status: StatusReport | None = None
        self._gates: GateReport | None = None
        self._keyperson: KeyPersonReport | None = None

    @property
    def status(self) -> StatusReport:
        if self._status is None:
            self._status = build_status(self.c)
        return self._status

    @property
    def gates(self) -> GateReport:
        if self._gates is None:
            self._gates = build_gate_report(self.c)
        return self._gates

    @property
    def keyperson(self) -> KeyPersonReport:
        if self._keyperson is None:
            self._keyperson = analyse(self.c)
        return self._keyperson


def _share(done: int, total: int) -> int:
    """A score from the share of entries that do what a practice asks: all 3, most 2, some 1, none 0."""
    if done == total:
        return 3
    if done * 5 >= total * 4:
        return 2
    return 1 if done else 0


def _key_person(f: _Facts) -> Prefill | None:
    charter = f.c.charter
    if charter is None:
        return None
    people = charter.key_persons
    if not people:
        return Prefill(0, Reason("assess.pre.key_person.none"))
    without = [p.name for p in people if p.deputy is None]
    if without:
        return Prefill(1, Reason("assess.pre.key_person.no_deputy", {"count": len(without), "total": len(people)}))
    if f.c.has_members:
        risky = [r for r in f.keyperson.risks if r.kind in ("shared-deputy", "rotation")]
        if risky:
            return Prefill(2, Reason("assess.pre.key_person.risk", {"count": len(risky)}))
    return Prefill(3, Reason("assess.pre.key_person.ok", {"total": len(people)}))


def _vision_linked(f: _Facts) -> Prefill | None:
    charter = f.c.charter
    if charter is None:
        return None
    if charter.vision is None:
        return Prefill(0, Reason("assess.pre.vision.none"))
    if charter.vision.comprehensive_plan is None:
        return Prefill(1, Reason("assess.pre.vision.no_plan"))
    return Prefill(2, Reason("assess.pre.vision.linked", {"plan": charter.vision.comprehensive_plan.title}))


def _issues_from_workshops(f: _Facts) -> Prefill | None:
    if not f.c.has_issues:
        return None
    issues = f.c.issues
    if not issues:
        return Prefill(0, Reason("assess.pre.issues.none"))
    found = sum(1 for i in issues if i.found_in is not None and i.found_in.source in ("workshop", "hearing"))
    score = _share(found, len(issues)) if f.c.workshops or not found else 1
    return Prefill(score, Reason("assess.pre.issues.found", {"count": found, "total": len(issues)}))


def _missing_types(c: Consortium) -> list[str]:
    present = {m.type for m in c.members}
    return [t for t in CORE_TYPES if t not in present]


def _stakeholders(f: _Facts) -> Prefill | None:
    if not f.c.has_members:
        return None
    missing = _missing_types(f.c)
    have = len(CORE_TYPES) - len(missing)
    score = 3 if have == len(CORE_TYPES) else 2 if have == len(CORE_TYPES) - 1 else 1 if have >= 2 else 0
    if not missing:
        return Prefill(score, Reason("assess.pre.stakeholders.all", {"total": len(CORE_TYPES)}))
    return Prefill(score, Reason("assess.pre.stakeholders.missing", {"types": missing}))


def _financial_institution(f: _Facts) -> Prefill | None:
    if not f.c.has_members:
        return None
    banks = {m.id for m in f.c.members if m.type == "financial-institution"}
    if not banks:
        return Prefill(0, Reason("assess.pre.bank.none"))
    working = any(banks & {*t.accountable, *t.responsible} for t in f.c.tasks)
    if working:
        return Prefill(3, Reason("assess.pre.bank.tasks"))
    return Prefill(2, Reason("assess.pre.bank.member"))


def _viability_criteria(f: _Facts) -> Prefill | None:
    if not f.c.has_gates:
        return None
    criteria = [c for g in f.c.gates for c in g.criteria.viability]
    if not criteria:
        return Prefill(0, Reason("assess.pre.viability.none"))
    met = sum(1 for c in criteria if c.met)
    score = 3 if met == len(criteria) else 2 if met else 1
    return Prefill(score, Reason("assess.pre.viability.met", {"count": met, "total": len(criteria)}))


def _one_accountable(f: _Facts) -> Prefill | None:
    tasks = f.c.tasks
    if not tasks:
        return None
    good = sum(1 for t in tasks if len(t.accountable) == 1)
    return Prefill(_share(good, len(tasks)), Reason("assess.pre.accountable", {"count": good, "total": len(tasks)}))


def _done_criteria(f: _Facts) -> Prefill | None:
    tasks = f.c.tasks
    if not tasks:
        return None
    good = sum(1 for t in tasks if t.done_criteria)
    return Prefill(_share(good, len(tasks)), Reason("assess.pre.done", {"count": good, "total": len(tasks)}))


def _delays_explained(f: _Facts) -> Prefill | None:
    if not f.c.tasks:
        return None
    explained, unexplained = len(f.status.overdue_explained), len(f.status.overdue_unexplained)
    total = explained + unexplained
    if not total:
        return None  # nothing is late: the files cannot tell how a delay would be handled
    return Prefill(_share(explained, total), Reason("assess.pre.delays", {"count": explained, "total": total}))


def _gate_decided(f: _Facts) -> Prefill | None:
    if not f.c.has_gates or f.c.charter is None:
        return None
    current = f.gates.current
    if current is None:
        return Prefill(0, Reason("assess.pre.gate.none"))
    if current.decision is not None:
        return Prefill(3, Reason("assess.pre.gate.decided", {"gate": current.id, "date": current.decision.date}))
    if not current.criteria:
        return Prefill(0, Reason("assess.pre.gate.no_criteria", {"gate": current.id}))
    score = 2 if not current.missing else 1
    return Prefill(score, Reason("assess.pre.gate.open", {"gate": current.id, "missing": len(current.missing)}))


def _failures_published(f: _Facts) -> Prefill | None:
    charter = f.c.charter
    if charter is None:
        return None
    publish = bool(charter.sharing is not None and charter.sharing.publish_failures)
    analysed = sum(1 for r in f.c.retrospectives if r.format == "failure-analysis")
    score = (2 if publish else 0) + (1 if analysed else 0)
    key = "assess.pre.failures.published" if publish else "assess.pre.failures.unpublished"
    return Prefill(score, Reason(key, {"count": analysed}))


def _retrospectives_regular(f: _Facts) -> Prefill | None:
    if f.c.charter is None:
        return None
    days = f.status.days_since_retrospective
    if days is None:
        return Prefill(0, Reason("assess.pre.retro.none"))
    count = len(f.c.retrospectives)
    score = (3 if count >= 2 else 2) if days <= RECENT_DAYS else 1 if days <= 2 * RECENT_DAYS else 0
    return Prefill(score, Reason("assess.pre.retro.last", {"count": count, "date": f.status.last_retrospective}))


def _continuity_plan(f: _Facts) -> Prefill | None:
    charter = f.c.charter
    if charter is None:
        return None
    if charter.continuity is None:
        return Prefill(0, Reason("assess.pre.continuity.none"))
    covered = bool(charter.key_persons) and all(p.deputy is not None for p in charter.key_persons)
    if covered:
        return Prefill(3, Reason("assess.pre.continuity.deputies"))
    return Prefill(2, Reason("assess.pre.continuity.written"))


def _inter_regional(f: _Facts) -> Prefill | None:
    charter = f.c.charter
    if charter is None:
        return None
    if charter.sharing is None:
        return Prefill(0, Reason("assess.pre.sharing.none"))
    if charter.sharing.publish_failures:
        return Prefill(3, Reason("assess.pre.sharing.failures"))
    return Prefill(2, Reason("assess.pre.sharing.written"))


def _personal_data(f: _Facts) -> Prefill | None:
    charter = f.c.charter
    if charter is None:
        return None
    policy = charter.data_policy
    if policy is None:
        return Prefill(0, Reason("assess.pre.data.none"))
    if not policy.personal_data:
        return None  # no personal data: the question is for the people who know what is planned
    has = [x for x in (policy.advisory_check, policy.individual_control) if x]
    return Prefill(1 + len(has), Reason("assess.pre.data.checks", {"count": len(has)}))


#: Every pre-fill by the name a question gives in ``prefill``.
PREFILLS: dict[str, Callable[[_Facts], Prefill | None]] = {
    "key-person": _key_person,
    "vision-linked": _vision_linked,
    "issues-from-workshops": _issues_from_workshops,
    "stakeholders": _stakeholders,
    "financial-institution": _financial_institution,
    "viability-criteria": _viability_criteria,
    "one-accountable": _one_accountable,
    "done-criteria": _done_criteria,
    "delays-explained": _delays_explained,
    "gate-decided": _gate_decided,
    "failures-published": _failures_published,
    "retrospectives-regular": _retrospectives_regular,
    "continuity-plan": _continuity_plan,
    "inter-regional": _inter_regional,
    "personal-data": _personal_data,
}


def check_prefills(qs: QuestionSet) -> list[str]:
    """The questions of ``qs`` that name a pre-fill dxkit does not have, as sentences."""
    return [
        f"question {q.id}: unknown prefill {q.prefill!r}"
        for q in qs.questions
        if q.prefill and q.prefill not in PREFILLS
    ]


def prefill(c: Consortium, questions: tuple[Question, ...]) -> dict[str, Prefill]:
    """The answers the files of ``c`` give, by question id (questions they cannot answer are left out)."""
    facts = _Facts(c)
    found: dict[str, Prefill] = {}
    for q in questions:
        if q.prefill is not None:
            answer = PREFILLS[q.prefill](facts)
            if answer is not None:
                found[q.id] = answer
    return found


# -- scoring -------------------------------------------------------------------------------


@dataclass
class AnswerView:
    question: str
    area: str
    stage: str
    #: ``file`` (written in the round), ``prefill`` (from the consortium's files) or ``none``.
    origin: str
    score: int | None
    note: str | None = None
    #: Why the files give the pre-filled score; also kept when a written score wins over it.
    reason: Reason | None = None
    prefill_score: int | None = None


@dataclass
class ScoreLine:
    id: str
    score: float | None  # the mean score (0-3) of the answered questions, ``None`` when none is answered
    answered: int
    questions: int


@dataclass
class NextStep:
    question: str
    score: int
    pages: list[str]
    toolkits: list[str]


@dataclass
class RoundLine:
    file: str
    date: str
    title: str
    set_version: int
    answered: int
    score: float | None  # from the scores written in the round only


@dataclass
class AssessmentReport:
    question_set: str
    version: int
    stage: str | None
    round_file: str | None
    round_title: str | None
    round_date: str | None
    round_version: int | None
    answers: list[AnswerView]
    areas: list[ScoreLine]
    stages: list[ScoreLine]
    overall: ScoreLine
    weakest: list[NextStep]
    prefilled: list[str] = field(default_factory=list)
    #: Questions the round answered that the current version no longer asks.
    removed: list[str] = field(default_factory=list)
    #: Questions added after the version the round answered.
    added: list[str] = field(default_factory=list)
    #: Answers to ids the question set never had.
    unknown: list[str] = field(default_factory=list)
    #: Rounds of another question set (not scored).
    other_sets: list[str] = field(default_factory=list)
    rounds: list[RoundLine] = field(default_factory=list)


def _mean(scores: list[int]) -> float | None:
    return round(sum(scores) / len(scores), 2) if scores else None


def _line(key: str, views: list[AnswerView]) -> ScoreLine:
    scores = [v.score for v in views if v.score is not None]
    return ScoreLine(key, _mean(scores), len(scores), len(views))


def _rounds_of(c: Consortium, qs: QuestionSet) -> tuple[list[Assessment], list[str]]:
    ours = [a for a in c.assessments if a.question_set.id == qs.id]
    others = sorted(a.at.file for a in c.assessments if a.question_set.id != qs.id)
    # Rounds of one day in the order ``dxkit new assessment`` names them: -2 after the first, -10 after -9.
    return sorted(ours, key=lambda a: (a.date, len(a.at.file), a.at.file)), others


def _written(round_: Assessment | None) -> dict[str, tuple[int | None, str | None]]:
    if round_ is None:
        return {}
    return {a.question: (a.score, a.note) for a in round_.answers}


def _round_line(round_: Assessment, qs: QuestionSet) -> RoundLine:
    asked = {q.id for q in qs.asked()}
    scores = [a.score for a in round_.answers if a.score is not None and a.question in asked]
    return RoundLine(
        round_.at.file, round_.date.isoformat(), round_.title, round_.question_set.version, len(scores), _mean(scores)
    )


def build_assessment(c: Consortium, qs: QuestionSet | None = None) -> AssessmentReport:
    """Score the newest round of ``c`` (pre-filled from its files) against the current question set."""
    qs = qs if qs is not None else load_question_set()
    problems = check_prefills(qs)
    if problems:
        from dxkit.errors import TemplateError

        raise TemplateError("init.template_broken", template="questions.yaml", detail="; ".join(problems))
    rounds, others = _rounds_of(c, qs)
    newest = rounds[-1] if rounds else None
    asked = qs.asked()
    written = _written(newest)
    filled = prefill(c, asked)
    views: list[AnswerView] = []
    for q in asked:
        score, note = written.get(q.id, (None, None))
        pre = filled.get(q.id)
        origin = "file" if score is not None else "prefill" if pre is not None else "none"
        views.append(
            AnswerView(
                question=q.id,
                area=q.area,
                stage=q.stage,
                origin=origin,
                score=score if score is not None else pre.score if pre is not None else None,
                note=note,
                reason=pre.reason if pre is not None else None,
                prefill_score=pre.score if pre is not None else None,
            )
        )
    stage = (newest.stage if newest is not None else None) or (c.charter.stage if c.charter else None)
    known = {q.id for q in qs.questions}
    round_version = newest.question_set.version if newest is not None else None
    return AssessmentReport(
        question_set=qs.id,
        version=qs.version,
        stage=stage,
        round_file=newest.at.file if newest is not None else None,
        round_title=newest.title if newest is not None else None,
        round_date=newest.date.isoformat() if newest is not None else None,
        round_version=round_version,
        answers=views,
        areas=[_line(a.id, [v for v in views if v.area == a.id]) for a in qs.areas],
        stages=[_line(s, [v for v in views if v.stage == s]) for s in STAGES],
        overall=_line("overall", views),
        weakest=_weakest(views, qs, stage),
        prefilled=[v.question for v in views if v.origin == "prefill"],
        removed=[q for q in written if q in known and q not in {a.id for a in asked}],
        added=[q.id for q in asked if round_version is not None and q.since > round_version],
        unknown=[q for q in written if q not in known],
        other_sets=others,
        rounds=[_round_line(r, qs) for r in rounds],
    )


def _weakest(views: list[AnswerView], qs: QuestionSet, stage: str | None) -> list[NextStep]:
    """The lowest-scored questions, those of the stages reached so far first."""
    reached = STAGES.index(stage) if stage in STAGES else len(STAGES) - 1
    order = {q.id: i for i, q in enumerate(qs.questions)}
    scored = [v for v in views if v.score is not None and v.score < TOP_SCORE]
    scored.sort(key=lambda v: (STAGES.index(v.stage) > reached, v.score, STAGES.index(v.stage), order[v.question]))
    by_id = {q.id: q for q in qs.questions}
    return [
        NextStep(v.question, v.score or 0, list(by_id[v.question].pages), list(by_id[v.question].toolkits))
        for v in scored[:WEAKEST]
    ]
