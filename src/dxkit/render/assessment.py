"""The self-assessment as people read it: a bar chart (SVG), a Markdown page and an HTML page.

The chart is drawn here, in Python, as plain SVG with a ``<title>`` and a ``<desc>``: no
script, no font and no image is fetched, so it shows the same on a closed network and in
print. Every text in it, ours or a person's, goes through :func:`~dxkit.escape.html_text`
(SVG inline in HTML is parsed as HTML); in Markdown, a person's text goes through
:func:`~dxkit.escape.markdown_text`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from dxkit.escape import html_attr, html_text, markdown_text
from dxkit.i18n import translate
from dxkit.labels import label
from dxkit.questions import QuestionSet
from dxkit.reading import Reading
from dxkit.render.markdown import table

if TYPE_CHECKING:
    # Only for types: every command line start imports this module through the reporters,
    # and the analyses it reports on are imported by the one command that runs them.
    from dxkit.analyses import Reason
    from dxkit.analyses.assessment import AnswerView, AssessmentReport, ScoreLine

#: Where an answer came from (:attr:`AnswerView.origin`), as people read it.
ORIGIN = {"file": "assess.origin.file", "prefill": "assess.origin.prefill", "none": "assess.origin.none"}
#: The two kinds of area (:attr:`~dxkit.analyses.assessment.Area.group`).
GROUP = {"cause": "assess.group.cause", "practice": "assess.group.practice"}

#: The chart's geometry, in SVG user units.
_LABEL_WIDTH = 300
_BAR_WIDTH = 360
_ROW = 34
_TOP = 16
_SCORE_WIDTH = 90


def score_text(value: float | None, lang: str) -> str:
    """A mean score as people read it (``2.3 / 3``), or "unanswered"."""
    if value is None:
        return translate("assess.no_score", lang)
    return translate("assess.score_value", lang, score=f"{value:.1f}")


def reason_text(reason: Reason, lang: str, reading: Reading) -> str:
    """A pre-fill's reason in ``lang``: member types as labels, dates as people read them."""
    params: dict[str, Any] = dict(reason.params)
    if isinstance(params.get("types"), list):
        params["types"] = translate("listing.sep", lang).join(label("memberType", t, lang) for t in params["types"])
    if isinstance(params.get("date"), str):
        params["date"] = reading.date(params["date"], lang)
    return translate(reason.msg_id, lang, **params)


def toolkit_titles(ids: Iterable[str], lang: str) -> list[str]:
    """The titles of the workshop and retrospective toolkits ``ids``, in the order given."""
    from dxkit.toolkits import load_toolkits

    known = {tk.id: tk.title for kind in ("workshop", "retrospective") for tk in load_toolkits(kind).values()}
    return [known[i][lang] if i in known else i for i in ids]


def render_assessment_svg(report: AssessmentReport, qs: QuestionSet, lang: str) -> str:
    """A horizontal bar chart of the mean score of each area (0-3), with its title and description."""
    from dxkit.analyses.assessment import TOP_SCORE

    e = html_text
    rows = report.areas
    height = _TOP * 2 + _ROW * len(rows) + 20
    width = _LABEL_WIDTH + _BAR_WIDTH + _SCORE_WIDTH
    summary = translate("listing.sep", lang).join(
        f"{qs.area(line.id).title[lang]} {score_text(line.score, lang)}" for line in rows
    )
    title = translate("assess.chart.title", lang)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dxkit-assessment-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-labelledby="assess-chart-title assess-chart-desc">',
        f'<title id="assess-chart-title">{e(title)}</title>',
        f'<desc id="assess-chart-desc">{e(translate("assess.chart.desc", lang, summary=summary))}</desc>',
    ]
    for step in range(TOP_SCORE + 1):
        x = _LABEL_WIDTH + _BAR_WIDTH * step / TOP_SCORE
        bottom = _TOP + _ROW * len(rows)
        parts.append(f'<line x1="{x:.1f}" y1="{_TOP - 4}" x2="{x:.1f}" y2="{bottom}" stroke="#bbb" stroke-width="1"/>')
        parts.append(f'<text x="{x:.1f}" y="{bottom + 16}" font-size="12" text-anchor="middle">{step}</text>')
    for index, line in enumerate(rows):
        y = _TOP + _ROW * index
        area = qs.area(line.id)
        colour = "#3949ab" if area.group == "cause" else "#00897b"
        parts.append(
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + _ROW / 2 + 5:.1f}" font-size="14" text-anchor="end">'
            f"{e(area.title[lang])}</text>"
        )
        length = _BAR_WIDTH * (line.score or 0) / TOP_SCORE
        parts.append(
            f'<rect x="{_LABEL_WIDTH}" y="{y + 6}" width="{length:.1f}" height="{_ROW - 12}" fill="{colour}">'
            f"<title>{e(area.title[lang])}: {e(score_text(line.score, lang))}</title></rect>"
        )
        parts.append(
            f'<text x="{_LABEL_WIDTH + length + 6:.1f}" y="{y + _ROW / 2 + 5:.1f}" font-size="13">'
            f"{e(score_text(line.score, lang))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _head(report: AssessmentReport, qs: QuestionSet, lang: str, reading: Reading) -> str:
    if report.round_date is None or report.round_title is None:
        return translate("assess.head_none", lang, set=qs.title[lang], version=qs.version)
    return translate(
        "assess.head",
        lang,
        title=report.round_title,
        date=reading.date(report.round_date, lang),
        set=qs.title[lang],
        version=report.round_version,
    )


def _overall(report: AssessmentReport, lang: str) -> str:
    line = report.overall
    return translate(
        "assess.overall", lang, score=score_text(line.score, lang), answered=line.answered, questions=line.questions
    )


def _answered(line: ScoreLine, lang: str) -> str:
    return translate("assess.answered_of", lang, answered=line.answered, questions=line.questions)


def _ids(ids: list[str]) -> str:
    return ", ".join(ids)


def render_assessment_md(report: AssessmentReport, qs: QuestionSet, lang: str, reading: Reading | None = None) -> str:
    """The self-assessment page (Markdown, with the chart inline) as the consortium's site shows it."""
    reading = reading if reading is not None else Reading()

    def t(key: str, **params: Any) -> str:
        return translate(key, lang, **params)

    m = markdown_text
    questions = {q.id: q for q in qs.questions}
    scale = t("listing.sep").join(f"{n} {qs.scale[n][lang]}" for n in sorted(qs.scale))
    parts = [
        f"# {t('assess.title')}\n\n",
        f"{t('assess.page.intro')}\n\n",
        f"{m(_head(report, qs, lang, reading))}\n\n",
        f"{m(_overall(report, lang))}\n\n",
    ]
    if report.stage:
        parts.append(f"{m(t('assess.stage', stage=label('stage', report.stage, lang)))}\n\n")
    if report.prefilled:
        parts.append(f"{m(t('assess.prefilled', count=len(report.prefilled)))}\n\n")
    parts.append(f'<div class="dxkit-chart">\n{render_assessment_svg(report, qs, lang)}\n</div>\n\n')
    parts.append(f"## {t('assess.weakest')}\n\n")
    if report.weakest:
        parts.append(
            table(
                [t("assess.col.question"), t("assess.col.score"), t("assess.col.pages"), t("assess.col.toolkits")],
                [
                    [
                        m(questions[step.question].text[lang]),
                        str(step.score),
                        m(t("listing.sep").join(qs.pages[p][lang] for p in step.pages)),
                        m(t("listing.sep").join(toolkit_titles(step.toolkits, lang))),
                    ]
                    for step in report.weakest
                ],
            )
        )
    else:
        parts.append(f"{t('assess.weakest_none')}\n")
    parts.append(f"\n## {t('assess.areas')}\n\n")
    parts.append(
        table(
            [t("assess.col.area"), t("assess.col.group"), t("assess.col.score"), t("assess.col.answered")],
            [
                [
                    m(qs.area(line.id).title[lang]),
                    t(GROUP[qs.area(line.id).group]),
                    m(score_text(line.score, lang)),
                    m(_answered(line, lang)),
                ]
                for line in report.areas
            ],
        )
    )
    parts.append(f"\n## {t('assess.stages')}\n\n")
    parts.append(
        table(
            [t("assess.col.stage"), t("assess.col.score"), t("assess.col.answered")],
            [
                [m(label("stage", line.id, lang)), m(score_text(line.score, lang)), m(_answered(line, lang))]
                for line in report.stages
            ],
        )
    )
    parts.append(f"\n## {t('assess.answers')}\n\n{m(t('assess.page.scale', scale=scale))}\n\n")
    parts.append(
        table(
            [
                t("assess.col.question"),
                t("assess.col.score"),
                t("assess.col.origin"),
                t("assess.col.why"),
                t("assess.col.source"),
            ],
            [
                [
                    m(questions[v.question].text[lang]),
                    "" if v.score is None else str(v.score),
                    t(ORIGIN[v.origin]),
                    m(grounds(v, lang, reading)),
                    m(questions[v.question].source[lang]),
                ]
                for v in report.answers
            ],
        )
    )
    parts += [f"\n{m(line)}\n" for line in notes(report, qs, lang)]
    if report.rounds:
        parts.append(f"\n## {t('assess.rounds')}\n\n")
        parts.append(
            table(
                [t("assess.col.date"), t("assess.col.title"), t("assess.col.version"), t("assess.col.score")],
                [
                    [
                        m(reading.date(r.date, lang)).replace(" ", "\u00a0"),
                        m(r.title),
                        str(r.set_version),
                        m(score_text(r.score, lang)),
                    ]
                    for r in reversed(report.rounds)
                ],
            )
        )
    return "".join(parts)


def grounds(view: AnswerView, lang: str, reading: Reading) -> str:
    """What an answer rests on: the note written in the round, or the files' reason for a pre-fill.

    A written score that differs from what the files give says so, so a reader sees both.
    """
    if view.origin != "file":
        return reason_text(view.reason, lang, reading) if view.reason is not None else ""
    text = view.note or ""
    if view.prefill_score is not None and view.prefill_score != view.score:
        said = translate("assess.files_say", lang, score=view.prefill_score)
        text = f"{text}{said}" if lang == "ja" else f"{text} {said}".strip()
    return text


def notes(report: AssessmentReport, qs: QuestionSet, lang: str) -> list[str]:
    """Sentences about answers that are not scored: removed, added, unknown, another question set.

    Questions of the set are named by their text; an id the set never had can only be named as
    it was written.
    """
    texts = {q.id: q.text[lang] for q in qs.questions}
    sep = translate("listing.sep", lang)

    def named(ids: list[str]) -> str:
        return sep.join(f"「{texts[i]}」" if lang == "ja" else f"“{texts[i]}”" for i in ids)

    out = []
    if report.removed:
        out.append(translate("assess.removed", lang, questions=named(report.removed)))
    if report.added:
        out.append(translate("assess.added", lang, version=report.round_version, questions=named(report.added)))
    if report.unknown:
        out.append(translate("assess.unknown", lang, questions=_ids(report.unknown)))
    if report.other_sets:
        out.append(translate("assess.other_sets", lang, files=_ids(report.other_sets)))
    return out


_CSS = """
body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif; font-size: 10.5pt;
       line-height: 1.55; color: #111; max-width: 190mm; margin: 0 auto; padding: 0 4mm; }
h1 { font-size: 16pt; border-bottom: 2px solid #1a237e; padding-bottom: 2mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #777; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
th { background: #e8eaf6; }
tr { break-inside: avoid; }
svg text { font-family: inherit; fill: #111; }
"""


def render_assessment_html(report: AssessmentReport, qs: QuestionSet, lang: str, reading: Reading | None = None) -> str:
    """One standalone HTML page: the chart, the weakest points and the answers; every text escaped."""
    reading = reading if reading is not None else Reading()
    e = html_text

    def t(key: str, **params: Any) -> str:
        return e(translate(key, lang, **params))

    questions = {q.id: q for q in qs.questions}
    sep = translate("listing.sep", lang)

    def rows(cells: Iterable[Iterable[str]]) -> str:
        return "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)

    def head(*names: str) -> str:
        return "<thead><tr>" + "".join(f"<th>{t(n)}</th>" for n in names) + "</tr></thead>"

    weakest = rows(
        [
            e(questions[s.question].text[lang]),
            str(s.score),
            e(sep.join(qs.pages[p][lang] for p in s.pages)),
            e(sep.join(toolkit_titles(s.toolkits, lang))),
        ]
        for s in report.weakest
    )
    answers = rows(
        [
            e(questions[v.question].text[lang]),
            "" if v.score is None else str(v.score),
            t(ORIGIN[v.origin]),
            e(grounds(v, lang, reading)),
            e(questions[v.question].source[lang]),
        ]
        for v in report.answers
    )
    overall = t(
        "assess.overall",
        score=score_text(report.overall.score, lang),
        answered=report.overall.answered,
        questions=report.overall.questions,
    )
    extra = "".join(f"<p>{e(line)}</p>" for line in notes(report, qs, lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{html_attr(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{t("assess.title")}</title>\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n<h1>{t('assess.title')}</h1>\n"
        f"<p>{t('assess.page.intro')}</p>\n<p>{e(_head(report, qs, lang, reading))}</p>\n<p>{overall}</p>\n"
        f"{render_assessment_svg(report, qs, lang)}\n"
        f"<h2>{t('assess.weakest')}</h2>\n<table>"
        f"{head('assess.col.question', 'assess.col.score', 'assess.col.pages', 'assess.col.toolkits')}"
        f"<tbody>{weakest}</tbody></table>\n"
        f"<h2>{t('assess.answers')}</h2>\n<table>"
        f"{head('assess.col.question', 'assess.col.score', 'assess.col.origin', 'assess.col.why', 'assess.col.source')}"
        f"<tbody>{answers}</tbody></table>\n{extra}\n</body>\n</html>\n"
    )


def render_round_yaml(qs: QuestionSet, lang: str, *, date: str, title: str | None = None) -> str:
    """A new round (``dxkit new assessment``): every current question listed, none scored yet.

    Each question stands as one entry with its area, text and source in a comment above it, so a
    person adds ``score:`` (and a ``note:``) under the ones they can answer; a question whose
    answer the files give says so. The title is a person's text and is written as a YAML string.
    """
    from dxkit.escape import yaml_string
    from dxkit.scaffold import modeline

    def t(key: str, **params: Any) -> str:
        return translate(key, lang, **params)

    shown = title if title else t("assess.new.title", date=Reading().date(date, lang))
    lines = [
        modeline("assessment", 1),
        f"# {qs.title[lang]}",
        f"# {t('assess.new.score_hint')}",
        "kind: assessment",
        "version: 1",
        f"title: {yaml_string(shown)}",
        f'date: "{date}"',
        f"language: {lang}",
        "question_set:",
        f"  id: {qs.id}",
        f"  version: {qs.version}",
        "answers:",
    ]
    for q in qs.asked():
        hint = f" — {t('assess.new.prefill_hint')}" if q.prefill else ""
        source = f"（出典：{q.source[lang]}）" if lang == "ja" else f" (source: {q.source[lang]})"
        lines.append(f"  # [{qs.area(q.area).title[lang]}] {q.text[lang]}{source}{hint}")
        lines.append(f"  - question: {q.id}")
    return "\n".join(lines) + "\n"


def render_question_set_section(lang: str) -> str:
    """The check sheet on the guidebook's toolkits page: every current question, its source and its pages."""
    from dxkit.questions import load_question_set

    qs = load_question_set()

    def t(key: str, **params: Any) -> str:
        return translate(key, lang, **params)

    sep = t("listing.sep")
    rows = [
        [
            qs.area(q.area).title[lang],
            label("stage", q.stage, lang),
            q.text[lang],
            q.source[lang],
            sep.join(f"[{qs.pages[p][lang]}](../{p}.md)" for p in q.pages),
            t("assess.ref.yes") if q.prefill else "",
        ]
        for q in qs.asked()
    ]
    scale = sep.join(f"{n} {qs.scale[n][lang]}" for n in sorted(qs.scale))
    return (
        f"\n## {t('assess.ref.heading', title=qs.title[lang], version=qs.version)}\n\n"
        f"{t('assess.ref.intro', id=qs.id)}\n\n{t('assess.page.scale', scale=scale)}\n\n"
        + table(
            [
                t("assess.col.area"),
                t("assess.col.stage"),
                t("assess.col.question"),
                t("assess.col.source"),
                t("assess.col.pages"),
                t("assess.ref.prefill"),
            ],
            rows,
        )
        + f"\n```bash\ndxkit new assessment --lang {lang}\ndxkit assess --lang {lang}\n```\n"
    )
