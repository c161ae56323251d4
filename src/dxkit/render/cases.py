"""The case library: structured case data rendered into one page per case plus an index.

Each case page carries its fields as Material tags, so the tags index on the case index
page lists the cases by field: a reader filters by clicking a field.
"""

from __future__ import annotations

from typing import Any

from dxkit.i18n import translate
from dxkit.labels import label
from dxkit.meta_schemas import load_meta_schema, meta_errors
from dxkit.render.markdown import table
from dxkit.render.reference import page_head

#: The fields and technologies a case can name, in the meta-schema's order.
CASE_FIELDS: tuple[str, ...] = tuple(load_meta_schema("cases")["$defs"]["field"]["enum"])
#: Fields of the case library that a consortium's files do not have, so no schema labels them.
_CASE_ONLY_FIELD = {
    "data-platform": "field.data-platform",
    "consortium-structure": "field.consortium-structure",
    "talent": "field.talent",
}
#: The technologies a case can name, each with its label.
_TECHNOLOGY = {
    "local-5g": "tech.local-5g",
    "lpwa": "tech.lpwa",
    "bwa": "tech.bwa",
    "satellite": "tech.satellite",
    "haps": "tech.haps",
    "fiber": "tech.fiber",
    "catv": "tech.catv",
    "cloud": "tech.cloud",
    "ai": "tech.ai",
    "app": "tech.app",
}
TECHNOLOGIES: tuple[str, ...] = tuple(load_meta_schema("cases")["$defs"]["technology"]["enum"])


def _where(path: Any) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".") or "cases.yaml"


def check_cases(data: Any) -> list[str]:
    """Problems with the case data, as plain sentences (empty when it is sound).

    The shape is the meta-schema's (``meta_schemas/cases.schema.json``); unique ids, a label
    for every technology, and as many Japanese as English points are checked here.
    """
    problems = [f"{_where(e.absolute_path)}: {e.message}" for e in meta_errors("cases", data)]
    if problems:
        return problems
    seen: set[str] = set()
    for case in data["cases"]:
        cid = case["id"]
        if cid in seen:
            problems.append(f"{cid}: duplicate id")
        seen.add(cid)
        if len(case["what_worked"]["ja"]) != len(case["what_worked"]["en"]):
            problems.append(f"{cid}: what_worked has a different number of points in ja and en")
    problems += [f"technology {t}: no label" for t in TECHNOLOGIES if t not in _TECHNOLOGY]
    return problems


def field_label(name: str, lang: str) -> str:
    """The label of a case's field: the schemas' label, or the catalogue's for a case-only field."""
    if name in _CASE_ONLY_FIELD:
        return translate(_CASE_ONLY_FIELD[name], lang)
    return label("field", name, lang)


def _tech(name: str, lang: str) -> str:
    return translate(_TECHNOLOGY[name], lang)


def render_case_page(case: dict[str, Any], lang: str) -> str:
    tags = "".join(f"  - {field_label(f, lang)}\n" for f in case["fields"])
    sep = "、" if lang == "ja" else ", "
    lines = [
        f"---\ntags:\n{tags}---\n\n",
        page_head(case["name"][lang]),
        f"**{translate('case.place', lang)}**: {case['place'][lang]}  \n",
        *(
            [
                f"**{translate('case.based_in', lang)}**: "
                + translate("case.based_in_cited", lang, place=based["place"][lang], source=based["source"][lang])
                + "  \n"
            ]
            if (based := case.get("based_in"))
            else []
        ),
        f"**{translate('case.fields', lang)}**: {sep.join(field_label(f, lang) for f in case['fields'])}  \n",
    ]
    if case["technologies"]:
        lines.append(
            f"**{translate('case.technologies', lang)}**: {sep.join(_tech(t, lang) for t in case['technologies'])}  \n"
        )
    lines += [
        f"\n## {translate('case.summary', lang)}\n\n{case['summary'][lang]}\n\n",
        f"## {translate('case.structure', lang)}\n\n{case['structure'][lang]}\n\n",
        f"## {translate('case.what_worked', lang)}\n\n",
        "".join(f"- {point}\n" for point in case["what_worked"][lang]),
        f"\n{translate('case.source', lang, source=case['source'][lang])}\n\n",
        f"[{translate('case.back', lang)}](index.md)\n",
    ]
    return "".join(lines)


def _place(case: dict[str, Any], lang: str) -> str:
    """Where the work happens, and where the company is based when the report places it elsewhere."""
    based = case.get("based_in")
    if not based:
        return str(case["place"][lang])
    return translate("case.based_in_short", lang, place=case["place"][lang], based_in=based["place"][lang])


def render_case_index(cases: list[dict[str, Any]], lang: str) -> str:
    sep = "、" if lang == "ja" else ", "
    rows = [
        (f"[{c['name'][lang]}]({c['id']}.md)", _place(c, lang), sep.join(field_label(f, lang) for f in c["fields"]))
        for c in cases
    ]
    prefectures: dict[str, list[dict[str, Any]]] = {}
    for c in cases:  # in the order the library first names each prefecture
        prefectures.setdefault(c["prefecture"][lang], []).append(c)
    by_prefecture = [
        (name, len(members), sep.join(f"[{c['name'][lang]}]({c['id']}.md)" for c in members))
        for name, members in prefectures.items()
    ]
    by_field = []
    for name in CASE_FIELDS:
        members = [c for c in cases if name in c["fields"]]
        if members:
            links = sep.join(f"[{c['name'][lang]}]({c['id']}.md)" for c in members)
            by_field.append((field_label(name, lang), len(members), links))
    return "".join(
        [
            page_head(translate("case.index_title", lang)),
            translate("case.index_intro", lang, count=len(cases)) + "\n\n",
            table([translate(h, lang) for h in ("case.col.case", "case.place", "case.fields")], rows),
            f"\n## {translate('case.by_field', lang)}\n\n",
            table([translate(h, lang) for h in ("case.fields", "case.col.count", "case.col.case")], by_field),
            f"\n## {translate('case.by_prefecture', lang)}\n\n{translate('case.by_prefecture_intro', lang)}\n\n",
            table(
                [translate(h, lang) for h in ("case.col.prefecture", "case.col.count", "case.col.case")], by_prefecture
            ),
        ]
    )
