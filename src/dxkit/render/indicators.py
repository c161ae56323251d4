"""The indicator examples by field, as a guidebook page and as a list for the terminal.

Both are made from the one catalogue (:mod:`dxkit.indicators`), so the page, the command's list
and what ``dxkit new indicator`` writes cannot differ.
"""

from __future__ import annotations

from dxkit.escape import markdown_text, terminal_text
from dxkit.i18n import translate
from dxkit.indicators import Catalogue, Field
from dxkit.labels import label


def _t(key: str, lang: str, **params: object) -> str:
    return translate(f"indicator.{key}", lang, **params)


def _heading(field: Field, lang: str) -> str:
    title = field.title[lang]
    return f"{title}（{field.id}）" if lang == "ja" else f"{title} ({field.id})"


def render_indicator_list(catalogue: Catalogue, lang: str, field_id: str | None = None) -> str:
    """The examples (of one field, or of all), one per line under its field, for the terminal."""
    fields = [catalogue.field(field_id)] if field_id else list(catalogue.fields)
    lines: list[str] = []
    for field in fields:
        head = _heading(field, lang)
        if field.priority:
            head += "　" + _t("priority", lang) if lang == "ja" else f" - {_t('priority', lang)}"
        lines.append(terminal_text(head))
        width = max(len(example.ref) for example in field.examples)
        for example in field.examples:
            stage = label("stage", example.stage, lang)
            lines.append(terminal_text(f"  {example.ref:<{width}}  [{stage}] {example.name[lang]}"))
        lines.append("")
    lines.append(_t("list_hint", lang, example=fields[0].examples[0].ref))
    return "\n".join(lines) + "\n"


def render_indicators_page(catalogue: Catalogue, lang: str) -> str:
    """The guidebook's page of indicator examples, field by field."""
    from dxkit.render.reference import page_head

    example = catalogue.fields[0].examples[0].ref
    commands = f"dxkit new indicator --lang {lang}\ndxkit new indicator {example} --task T-001"
    parts = [
        page_head(_t("page.title", lang)),
        _t("page.intro", lang) + "\n\n",
        _t("page.write", lang) + "\n\n",
        f"```bash\n{commands}\n```\n",
    ]
    for field in catalogue.fields:
        about = markdown_text(field.about[lang]).rstrip("。.")
        cited = about + _t("page.cited", lang, source=field.source[lang])
        parts.append(f"\n## {markdown_text(_heading(field, lang))}\n\n{cited}\n")
        for item in field.examples:
            rows = [
                (_t("page.id", lang), f"`{item.ref}`"),
                (_t("page.stage", lang), markdown_text(label("stage", item.stage, lang))),
                (_t("page.measure", lang), markdown_text(item.measure[lang])),
                (_t("page.basis", lang), markdown_text(item.basis[lang])),
                (_t("page.source", lang), markdown_text(_t("page.source_value", lang, source=item.source[lang]))),
            ]
            if item.figure:
                rows.append((_t("page.figure", lang), markdown_text(item.figure[lang])))
            parts.append(f"\n### {markdown_text(item.name[lang])}\n\n")
            parts.append("".join(f"- **{name}**: {value}\n" for name, value in rows))
    return "".join(parts)
