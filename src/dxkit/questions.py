"""The self-assessment question set that ships in ``toolkits/assessment/questions.yaml``.

A question set has an id and a version, areas (the causes of stalled regional DX and the
practices the report draft names), the guidebook pages its questions point to (with their
titles in both languages) and its questions. Every question says in which version it was added
(``since``) and, once retired, the last version that asked it (``until``), so a round answered
against an older version still scores. The shape is checked by
``meta_schemas/question-set.schema.json``; this module checks what a schema cannot say.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Area:
    id: str
    group: str  # cause or practice
    title: dict[str, str]
    source: dict[str, str]


@dataclass(frozen=True)
class Question:
    id: str
    since: int
    area: str
    stage: str
    text: dict[str, str]
    source: dict[str, str]
    pages: tuple[str, ...]
    toolkits: tuple[str, ...]
    until: int | None = None
    prefill: str | None = None

    def asked_in(self, version: int) -> bool:
        return self.since <= version and (self.until is None or version <= self.until)


@dataclass(frozen=True)
class QuestionSet:
    id: str
    version: int
    title: dict[str, str]
    scale: dict[int, dict[str, str]]
    areas: tuple[Area, ...]
    pages: dict[str, dict[str, str]]
    questions: tuple[Question, ...]

    def asked(self, version: int | None = None) -> tuple[Question, ...]:
        """The questions of ``version`` (the current one when not given), in the set's order."""
        wanted = self.version if version is None else version
        return tuple(q for q in self.questions if q.asked_in(wanted))

    def area(self, area_id: str) -> Area:
        return next(a for a in self.areas if a.id == area_id)


def question_set_path() -> Path:
    from dxkit._resources import toolkits_dir

    return toolkits_dir() / "assessment" / "questions.yaml"


def check_question_set(data: Any, known_toolkits: set[str] | None = None) -> list[str]:
    """Problems with a question set, as sentences (empty when it is sound).

    The shape is checked by ``meta_schemas/question-set.schema.json``; what a schema cannot say
    (areas, pages and toolkits that exist; unique ids; versions in order) is checked here. Which
    pre-fills exist is :func:`dxkit.analyses.assessment.check_prefills`'s to say.
    """
    from dxkit.meta_schemas import meta_errors

    problems = [
        f"{'.'.join(str(p) for p in e.absolute_path) or 'questions.yaml'}: {e.message}"
        for e in meta_errors("question-set", data)
    ]
    if problems:
        return problems
    areas = {a["id"] for a in data["areas"]}
    ids = [q["id"] for q in data["questions"]]
    if len(set(ids)) != len(ids):
        problems.append("question ids must be unique")
    for q in data["questions"]:
        where = f"question {q['id']}"
        if q["area"] not in areas:
            problems.append(f"{where}: unknown area {q['area']!r}")
        problems += [f"{where}: page {p!r} is not in pages" for p in q["pages"] if p not in data["pages"]]
        if known_toolkits is not None:
            problems += [f"{where}: unknown toolkit {t!r}" for t in q["toolkits"] if t not in known_toolkits]
        if q["since"] > data["version"] or q.get("until", q["since"]) < q["since"]:
            problems.append(f"{where}: since/until out of order for version {data['version']}")
    return problems


def read_question_set(data: dict[str, Any]) -> QuestionSet:
    """The typed question set of checked ``data``."""
    return QuestionSet(
        id=data["id"],
        version=data["version"],
        title=dict(data["title"]),
        scale={int(k): dict(v) for k, v in data["scale"].items()},
        areas=tuple(Area(a["id"], a["group"], dict(a["title"]), dict(a["source"])) for a in data["areas"]),
        pages={k: dict(v) for k, v in data["pages"].items()},
        questions=tuple(
            Question(
                id=q["id"],
                since=q["since"],
                until=q.get("until"),
                area=q["area"],
                stage=q["stage"],
                prefill=q.get("prefill"),
                text=dict(q["text"]),
                source=dict(q["source"]),
                pages=tuple(q["pages"]),
                toolkits=tuple(q["toolkits"]),
            )
            for q in data["questions"]
        ),
    )


@cache
def load_question_set() -> QuestionSet:
    """The question set dxkit ships; a broken one is a :class:`~dxkit.errors.TemplateError`."""
    from dxkit.errors import TemplateError
    from dxkit.loading import LoadError, load_file

    path = question_set_path()
    try:
        data = load_file(path, "questions.yaml").data
    except LoadError as exc:
        raise TemplateError("init.template_broken", template="questions.yaml", detail=exc.message("en")) from None
    problems = check_question_set(data)
    if problems:
        raise TemplateError("init.template_broken", template="questions.yaml", detail="; ".join(problems))
    return read_question_set(data)
