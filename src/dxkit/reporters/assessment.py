"""Reporters for ``dxkit assess``: the self-assessment as terminal blocks, JSON, Markdown or HTML.

Reporters translate and arrange; they never print and never decide an exit code. The text
report shows what a person needs at a glance (scores, the weakest points and where to read
next, which answers came from the files); Markdown and HTML are the pages of
:mod:`dxkit.render.assessment`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING

from dxkit.escape import json_document
from dxkit.i18n import translate
from dxkit.labels import label
from dxkit.questions import QuestionSet
from dxkit.reading import Reading
from dxkit.render.assessment import (
    GROUP,
    ORIGIN,
    grounds,
    notes,
    reason_text,
    render_assessment_html,
    render_assessment_md,
    score_text,
    toolkit_titles,
)
from dxkit.reporters.analyses import jsonable
from dxkit.reporters.blocks import Document, Line, Table, Verbatim

if TYPE_CHECKING:
    # The command line imports this module at every start (for ``--format``'s choices); the
    # analysis is imported by ``assess`` alone.
    from dxkit.analyses.assessment import AssessmentReport


class AssessFormat(StrEnum):
    """The forms ``dxkit assess`` reports in."""

    text = "text"
    json = "json"
    md = "md"
    html = "html"


AssessReporter = Callable[["AssessmentReport", QuestionSet, str, Reading | None], Document]


def render_assess_text(
    report: AssessmentReport, qs: QuestionSet, lang: str, reading: Reading | None = None
) -> Document:
    """Scores by area and stage, the three weakest points with pages and toolkits, and every answer."""
    reading = reading if reading is not None else Reading()

    def t(key: str, **params: object) -> str:
        return translate(key, lang, **params)

    sep = t("listing.sep")
    questions = {q.id: q for q in qs.questions}
    if report.round_date is None or report.round_title is None:
        head = t("assess.head_none", set=qs.title[lang], version=qs.version)
    else:
        head = t(
            "assess.head",
            title=report.round_title,
            date=reading.date(report.round_date, lang),
            set=qs.title[lang],
            version=report.round_version,
        )
    blocks: list[Line | Table | Verbatim] = [Line(head)]
    if report.stage:
        blocks.append(Line(t("assess.stage", stage=label("stage", report.stage, lang))))
    overall = report.overall
    blocks.append(
        Line(
            t(
                "assess.overall",
                score=score_text(overall.score, lang),
                answered=overall.answered,
                questions=overall.questions,
            )
        )
    )
    if report.prefilled:
        blocks.append(Line(t("assess.prefilled", count=len(report.prefilled))))
    blocks.append(
        Table(
            t("assess.areas"),
            (t("assess.col.area"), t("assess.col.group"), t("assess.col.score"), t("assess.col.answered")),
            tuple(
                (
                    qs.area(line.id).title[lang],
                    t(GROUP[qs.area(line.id).group]),
                    score_text(line.score, lang),
                    t("assess.answered_of", answered=line.answered, questions=line.questions),
                )
                for line in report.areas
            ),
            ("text", "text", "code", "code"),
        )
    )
    blocks.append(
        Table(
            t("assess.stages"),
            (t("assess.col.stage"), t("assess.col.score"), t("assess.col.answered")),
            tuple(
                (
                    label("stage", line.id, lang),
                    score_text(line.score, lang),
                    t("assess.answered_of", answered=line.answered, questions=line.questions),
                )
                for line in report.stages
            ),
            ("text", "code", "code"),
        )
    )
    if report.weakest:
        blocks.append(
            Table(
                t("assess.weakest"),
                (t("assess.col.question"), t("assess.col.score"), t("assess.col.pages"), t("assess.col.toolkits")),
                tuple(
                    (
                        questions[s.question].text[lang],
                        str(s.score),
                        sep.join(qs.pages[p][lang] for p in s.pages),
                        sep.join(toolkit_titles(s.toolkits, lang)),
                    )
                    for s in report.weakest
                ),
                ("text", "code", "name", "name"),
            )
        )
    else:
        blocks.append(Line(t("assess.weakest_none")))
    blocks.append(
        Table(
            t("assess.answers"),
            (t("assess.col.question"), t("assess.col.score"), t("assess.col.origin"), t("assess.col.why")),
            tuple(
                (
                    questions[v.question].text[lang],
                    "" if v.score is None else str(v.score),
                    t(ORIGIN[v.origin]),
                    grounds(v, lang, reading),
                )
                for v in report.answers
            ),
            ("text", "code", "text", "text"),
        )
    )
    blocks += [Line(line) for line in notes(report, qs, lang)]
    if len(report.rounds) > 1:
        blocks.append(
            Table(
                t("assess.rounds"),
                (t("assess.col.date"), t("assess.col.title"), t("assess.col.version"), t("assess.col.score")),
                tuple(
                    (reading.date(r.date, lang), r.title, str(r.set_version), score_text(r.score, lang))
                    for r in reversed(report.rounds)
                ),
                ("code", "text", "code", "code"),
            )
        )
    return tuple(blocks)


def _json(report: AssessmentReport, qs: QuestionSet, lang: str, reading: Reading | None = None) -> Document:
    """The report as JSON: codes, ids and ISO dates as the files have them; each reason with its message."""
    data = jsonable(report, lang)
    assert isinstance(data, dict)
    for view, answer in zip(report.answers, data["answers"], strict=True):
        if view.reason is not None:
            answer["reason"]["message"] = reason_text(view.reason, lang, Reading())
    return (Verbatim(json_document(data) + "\n"),)


def _md(report: AssessmentReport, qs: QuestionSet, lang: str, reading: Reading | None = None) -> Document:
    return (Verbatim(render_assessment_md(report, qs, lang, reading)),)


def _html(report: AssessmentReport, qs: QuestionSet, lang: str, reading: Reading | None = None) -> Document:
    return (Verbatim(render_assessment_html(report, qs, lang, reading)),)


ASSESS_REPORTERS: Mapping[AssessFormat, AssessReporter] = {
    AssessFormat.text: render_assess_text,
    AssessFormat.json: _json,
    AssessFormat.md: _md,
    AssessFormat.html: _html,
}
