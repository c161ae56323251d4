"""The lessons page: Markdown gathered from every retrospective, in the reader's language."""

from __future__ import annotations

from typing import Any

from dxkit.analyses.lessons import Item, Lessons
from dxkit.escape import markdown_text
from dxkit.i18n import translate
from dxkit.labels import label
from dxkit.render.markdown import table


def _item(item: Item, lang: str) -> str:
    text = markdown_text(item.text)
    line = f"- {text} （{item.date}）" if lang == "ja" else f"- {text} ({item.date})"
    extras = []
    if item.owner:
        extras.append(translate("lessons.owner", lang, owner=markdown_text(item.owner)))
    if item.due:
        extras.append(translate("lessons.due", lang, due=item.due))
    if item.done:
        extras.append(translate("lessons.done", lang))
    return line + (" — " + ", ".join(extras) if extras else "") + "\n"


def render_lessons(lessons: Lessons, lang: str, title: str | None = None) -> str:
    """The lessons page in ``lang``; every text from the retrospectives is escaped Markdown."""

    def t(key: str, **params: Any) -> str:
        return translate(f"lessons.{key}", lang, **params)

    parts = [f"# {markdown_text(title) if title else t('title')}\n\n", t("intro", count=lessons.retrospectives) + "\n"]
    for key, items in (
        ("keep", lessons.keep),
        ("problem", lessons.problem),
        ("learned", lessons.learned),
        ("try", lessons.tries),
    ):
        if items:
            parts.append(f"\n## {t(key)}\n\n" + "".join(_item(i, lang) for i in items))
    if lessons.failures:
        parts.append(f"\n## {t('failures')}\n\n{t('failures_intro')}\n")
        for failure in lessons.failures:
            heading = markdown_text(failure.title)
            parts.append(
                f"\n### {heading} （{failure.date}）\n\n" if lang == "ja" else f"\n### {heading} ({failure.date})\n\n"
            )
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
                parts.append(
                    f"\n{t('countermeasures')}:\n\n" + "".join(_item(i, lang) for i in failure.countermeasures)
                )
        if lessons.cause_counts:
            parts.append(
                f"\n### {t('cause_counts')}\n\n"
                + table(
                    [t("category"), t("count")],
                    [[label("Cause.category", cat, lang), n] for cat, n in lessons.cause_counts.items()],
                )
            )
    if lessons.unowned:
        parts.append(
            f"\n## {t('unowned')}\n\n{t('unowned_intro')}\n\n" + "".join(_item(i, lang) for i in lessons.unowned)
        )
    return "".join(parts)
