"""The lessons page: Markdown gathered from every retrospective, in the reader's language."""

from __future__ import annotations

from typing import Any

from dxkit.analyses.lessons import Item, Lessons
from dxkit.escape import markdown_text
from dxkit.i18n import translate
from dxkit.labels import label
from dxkit.reading import Reading
from dxkit.render.markdown import table


def _item(item: Item, lang: str, reading: Reading) -> str:
    text = markdown_text(item.text)
    date = markdown_text(reading.date(item.date, lang))
    line = f"- {text} （{date}）" if lang == "ja" else f"- {text} ({date})"
    extras = []
    if item.owner:
        extras.append(translate("lessons.owner", lang, owner=markdown_text(reading.member(item.owner, lang))))
    if item.due:
        extras.append(translate("lessons.due", lang, due=markdown_text(reading.date(item.due, lang))))
    if item.done:
        extras.append(translate("lessons.done", lang))
    return line + (" — " + ", ".join(extras) if extras else "") + "\n"


def render_lessons(lessons: Lessons, lang: str, title: str | None = None, *, reading: Reading | None = None) -> str:
    """The lessons page in ``lang``; every text from the retrospectives is escaped Markdown.

    Dates read as ``reading`` writes them (:class:`~dxkit.reading.Reading`; the Gregorian
    calendar when not given).
    """

    def t(key: str, **params: Any) -> str:
        return translate(f"lessons.{key}", lang, **params)

    reading = reading if reading is not None else Reading()

    def item(entry: Item) -> str:
        return _item(entry, lang, reading)

    parts = [f"# {markdown_text(title) if title else t('title')}\n\n", t("intro", count=lessons.retrospectives) + "\n"]
    for key, items in (
        ("keep", lessons.keep),
        ("problem", lessons.problem),
        ("learned", lessons.learned),
        ("try", lessons.tries),
    ):
        if items:
            parts.append(f"\n## {t(key)}\n\n" + "".join(item(i) for i in items))
    if lessons.failures:
        parts.append(f"\n## {t('failures')}\n\n{t('failures_intro')}\n")
        for failure in lessons.failures:
            heading = markdown_text(failure.title)
            date = markdown_text(reading.date(failure.date, lang))
            parts.append(f"\n### {heading} （{date}）\n\n" if lang == "ja" else f"\n### {heading} ({date})\n\n")
            parts.append(
                f"- {t('target')}: {markdown_text(failure.target)}\n- {t('result')}: {markdown_text(failure.result)}\n"
            )
            parts.append(f"- {t('publish')}: {t('yes') if failure.publish else t('no')}\n\n")
            parts.append(
                table(
                    [t("category"), t("cause")],
                    [[label("Cause.category", cat, lang), markdown_text(cause)] for cat, cause in failure.causes],
                )
            )
            if failure.countermeasures:
                parts.append(f"\n{t('countermeasures')}:\n\n" + "".join(item(i) for i in failure.countermeasures))
        if lessons.cause_counts:
            parts.append(
                f"\n### {t('cause_counts')}\n\n"
                + table(
                    [t("category"), t("count")],
                    [[label("Cause.category", cat, lang), n] for cat, n in lessons.cause_counts.items()],
                )
            )
    if lessons.unowned:
        parts.append(f"\n## {t('unowned')}\n\n{t('unowned_intro')}\n\n" + "".join(item(i) for i in lessons.unowned))
    return "".join(parts)
