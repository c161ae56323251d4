"""Rules on self-assessment rounds (``assessments/``): DX96x.

They read the question set dxkit ships (:mod:`dxkit.questions`) and judge only the rounds that
answer it; a round of another question set is named by DX962 and otherwise left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.model import Consortium, Loc
from dxkit.questions import load_question_set
from dxkit.rules.registry import Hit, place, rule, suggest

_GUIDE = "projects/self-assessment.md"


@rule("DX960", "unknown-question", Severity.WARNING, guide=_GUIDE)
def check_unknown_question(c: Consortium) -> Iterator[Hit]:
    qs = load_question_set()
    known = {q.id for q in qs.questions}
    for round_ in c.assessments:
        if round_.question_set.id != qs.id:
            continue
        for answer in round_.answers:
            if answer.question not in known:
                yield Hit(answer.at / "question", {"question": answer.question, **suggest(answer.question, known)})


@rule("DX961", "duplicate-answer", Severity.ERROR, guide=_GUIDE)
def check_duplicate_answer(c: Consortium) -> Iterator[Hit]:
    for round_ in c.assessments:
        first: dict[str, Loc] = {}
        for answer in round_.answers:
            at = answer.at / "question"
            if answer.question in first:
                yield Hit(at, {"question": answer.question, "first": place(first[answer.question])})
            else:
                first[answer.question] = at


@rule("DX962", "unknown-question-set", Severity.WARNING, guide=_GUIDE)
def check_unknown_question_set(c: Consortium) -> Iterator[Hit]:
    qs = load_question_set()
    for round_ in c.assessments:
        if round_.question_set.id != qs.id:
            yield Hit(
                round_.question_set.at / "id",
                {"set": round_.question_set.id, "known": qs.id},
            )


@rule("DX963", "newer-question-set", Severity.WARNING, guide=_GUIDE)
def check_newer_question_set(c: Consortium) -> Iterator[Hit]:
    qs = load_question_set()
    for round_ in c.assessments:
        ref = round_.question_set
        if ref.id == qs.id and ref.version > qs.version:
            yield Hit(ref.at / "version", {"version": ref.version, "current": qs.version})
