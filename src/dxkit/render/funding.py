"""The guidebook's funding catalogue page, generated from :mod:`dxkit.funding`.

One table of every scheme the report draft names (its kind, the stages it fits and the
report's figures with their years), then one section per scheme. The page says, before any
figure, that rates, caps and deadlines change every fiscal year and where to confirm them.
"""

from __future__ import annotations

from dxkit.funding import Scheme, kind_label, load_schemes
from dxkit.i18n import translate
from dxkit.labels import label
from dxkit.reading import list_separator
from dxkit.render.markdown import table
from dxkit.render.reference import page_head


def _stages(scheme: Scheme, lang: str) -> str:
    return list_separator(lang).join(label("stage", stage, lang) for stage in scheme.stages)


def _figures(scheme: Scheme, lang: str) -> str:
    if not scheme.figures:
        return translate("funding.page.no_figures", lang)
    return translate("funding.page.figures_as_of", lang, figures=scheme.figures[lang], as_of=scheme.as_of[lang])


def _section(scheme: Scheme, lang: str) -> str:
    rows = [
        ("funding.page.id", f"`{scheme.id}`"),
        ("funding.page.provider", scheme.provider[lang]),
        ("funding.page.kind", kind_label(scheme.kind, lang)),
        ("funding.page.funds", scheme.funds[lang]),
        ("funding.page.applicants", scheme.applicants[lang]),
        ("funding.page.stages", _stages(scheme, lang)),
        ("funding.page.figures", _figures(scheme, lang)),
        ("funding.page.confirm", scheme.confirm[lang]),
    ]
    lines = [f"### {scheme.name[lang]} {{#{scheme.id}}}\n\n"]
    lines += [f"- **{translate(key, lang)}**: {text}\n" for key, text in rows]
    lines.append(f"\n{translate('funding.page.source', lang, source=scheme.source[lang])}\n\n")
    return "".join(lines)


def render_funding_page(lang: str) -> str:
    """``reference/funding.md`` in ``lang``."""
    schemes = list(load_schemes().values())
    rows = [
        (
            f"[{s.name[lang]}](#{s.id})",
            f"`{s.id}`",
            kind_label(s.kind, lang),
            _stages(s, lang),
            _figures(s, lang) if s.figures else translate("funding.page.none", lang),
        )
        for s in schemes
    ]
    columns = (
        "funding.page.scheme",
        "funding.page.id",
        "funding.page.kind",
        "funding.page.stages",
        "funding.page.figures",
    )
    header = [translate(key, lang) for key in columns]
    return "".join(
        [
            page_head(translate("funding.page.title", lang)),
            translate("funding.page.intro", lang, count=len(schemes)) + "\n\n",
            f'!!! warning "{translate("funding.page.changes_title", lang)}"\n',
            f"    {translate('funding.page.changes', lang)}\n\n",
            table(header, rows),
            f"\n## {translate('funding.page.details', lang)}\n\n",
            "".join(_section(s, lang) for s in schemes),
        ]
    )
