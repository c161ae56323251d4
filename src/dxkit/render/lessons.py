"""The lessons page: Markdown gathered from every retrospective, in the reader's language."""

from __future__ import annotations

from dxkit.analyses.lessons import Item, Lessons
from dxkit.i18n import translate


def _md(text: str) -> str:
    """Text from a person's file, safe inside Markdown (no markup, no HTML)."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>#|{}":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def _item(item: Item, lang: str) -> str:
    line = f"- {_md(item.text)} （{item.date}）" if lang == "ja" else f"- {_md(item.text)} ({item.date})"
    extras = []
    if item.owner:
        extras.append(translate("lessons.owner", lang, owner=_md(item.owner)))
    if item.due:
        extras.append(translate("lessons.due", lang, due=item.due))
    if item.done:
        extras.append(translate("lessons.done", lang))
    return line + (" — " + ", ".join(extras) if extras else "") + "\n"


def render_lessons(lessons: Lessons, lang: str, title: str | None = None) -> str:
    t = lambda key, **p: translate(f"lessons.{key}", lang, **p)  # noqa: E731
    parts = [f"# {_md(title) if title else t('title')}\n\n", t("intro", count=lessons.retrospectives) + "\n"]
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
            parts.append(
                f"\n### {_md(failure.title)} （{failure.date}）\n\n"
                if lang == "ja"
                else f"\n### {_md(failure.title)} ({failure.date})\n\n"
            )
            parts.append(f"- {t('target')}: {_md(failure.target)}\n- {t('result')}: {_md(failure.result)}\n")
            parts.append(f"- {t('publish')}: {t('yes') if failure.publish else t('no')}\n\n")
            parts.append(f"| {t('category')} | {t('cause')} |\n|---|---|\n")
            parts += [f"| {translate(f'cause.{cat}', lang)} | {_md(cause)} |\n" for cat, cause in failure.causes]
            if failure.countermeasures:
                parts.append(
                    f"\n{t('countermeasures')}:\n\n" + "".join(_item(i, lang) for i in failure.countermeasures)
                )
        if lessons.cause_counts:
            parts.append(f"\n### {t('cause_counts')}\n\n| {t('category')} | {t('count')} |\n|---|---|\n")
            parts += [f"| {translate(f'cause.{cat}', lang)} | {n} |\n" for cat, n in lessons.cause_counts.items()]
    if lessons.unowned:
        parts.append(
            f"\n## {t('unowned')}\n\n{t('unowned_intro')}\n\n" + "".join(_item(i, lang) for i in lessons.unowned)
        )
    return "".join(parts)
