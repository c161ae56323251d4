"""The charter as a Word document (.docx) that municipal staff edit and circulate.

The articles are made from the consortium's files (:func:`charter_articles`: the name,
purpose and fields, the members by name and type, the layers, decision making, meetings, the
key persons, the talent plan and the data policy) and laid out by :func:`render_charter_docx` with python-docx, the
maintained library for writing Word files, in the layout all of dxkit's Word documents share
(:mod:`dxkit.render.docx_layout`: A4, Mincho, 例規 style with real Word numbering for 条・項・号).
The date under the title is the day of the export as people read it, by the era when the
charter asks for it.

Names of people follow the site's rule (:mod:`dxkit.render.people`): the document is made from
the consortium's public view, so a kind of person the charter does not publish under
``site.people`` is not named, here as on the site. Every text from the files passes through
:func:`~dxkit.escape.docx_text`; python-docx writes it as the text of a run, never as a field
code or a hyperlink.
"""

from __future__ import annotations

import datetime as dt

from dxkit.dates import format_date
from dxkit.i18n import translate
from dxkit.labels import labels
from dxkit.model import Consortium
from dxkit.model.records import Charter
from dxkit.reading import list_separator, uses_japanese_era
from dxkit.render.docx_layout import Article, Clause, Line, Paper, render_paper
from dxkit.render.people import name_policy, public_view


def charter_articles(c: Consortium, lang: str) -> list[Article]:
    """The articles of the charter of ``c`` in ``lang``, from the files; names as the site shows them.

    ``c`` must have a charter. The model is first turned into its public view
    (:func:`~dxkit.render.people.public_view`), so an unpublished name appears nowhere.
    """
    policy = name_policy(c, lang)
    view = public_view(c, policy)
    charter = view.charter
    assert charter is not None, "charter_articles needs a consortium with a charter"
    names = view.member_display_names(lang)
    articles: list[Article] = []

    purpose = [
        Clause(translate("docx.purpose.scope", lang, name=charter.name)),
        Clause(translate("docx.purpose.lead", lang), quote=charter.purpose),
    ]
    if charter.scope:
        fields = labels("field", lang)
        purpose.append(
            Clause(
                translate("docx.purpose.fields", lang, municipality=charter.municipality),
                items=tuple(fields.get(f, f) for f in charter.scope),
            )
        )
    if charter.vision is not None:
        purpose.append(Clause(translate("docx.purpose.vision", lang), quote=charter.vision.statement))
    articles.append(Article(translate("docx.purpose.caption", lang), tuple(purpose)))

    types = labels("memberType", lang)
    member_items = tuple(
        translate("docx.members.item", lang, name=names[m.id], type=types.get(m.type, m.type)) for m in view.members
    )
    members = (
        Clause(translate("docx.members.lead", lang), items=member_items)
        if member_items
        else Clause(translate("docx.members.none", lang))
    )
    articles.append(Article(translate("docx.members.caption", lang), (members,)))
    articles += _layers_article(charter, names, lang)

    decision = charter.decision_making
    if decision is not None:
        method = labels("DecisionMaking.method", lang).get(decision.method, decision.method)
        clauses = [Clause(translate("docx.decision.method", lang, method=method))]
        if decision.quorum:
            clauses.append(Clause(translate("docx.decision.quorum", lang), quote=decision.quorum))
        if decision.escalation:
            clauses.append(Clause(translate("docx.decision.escalation", lang), quote=decision.escalation))
        articles.append(Article(translate("docx.decision.caption", lang), tuple(clauses)))

    meetings = charter.meetings
    if meetings is not None:
        cadence = labels("Meetings.cadence", lang).get(meetings.cadence, meetings.cadence)
        clauses = [Clause(translate("docx.meetings.cadence", lang, cadence=cadence))]
        if meetings.format:
            clauses.append(Clause(translate("docx.meetings.format", lang), quote=meetings.format))
        articles.append(Article(translate("docx.meetings.caption", lang), tuple(clauses)))

    if charter.key_persons:
        shown = policy.shows("key_persons")
        people = []
        for person in charter.key_persons:
            member = names.get(person.member, person.member)
            if shown:
                text = translate("docx.key_persons.named", lang, role=person.role, name=person.name, member=member)
            else:
                text = translate("docx.key_persons.unnamed", lang, role=person.role, member=member)
            if person.deputy is not None:
                deputy_member = names.get(person.deputy.member, person.deputy.member)
                if shown:
                    deputy = translate(
                        "docx.key_persons.deputy_named", lang, name=person.deputy.name, member=deputy_member
                    )
                elif person.deputy.member == person.member:
                    deputy = translate("docx.key_persons.deputy_same", lang)
                else:
                    deputy = translate("docx.key_persons.deputy_unnamed", lang, member=deputy_member)
                text += list_separator(lang) + deputy
            people.append(text)
        clauses = [Clause(translate("docx.key_persons.lead", lang), items=tuple(people))]
        if not shown:
            clauses.append(Clause(translate("docx.key_persons.unpublished", lang)))
        articles.append(Article(translate("docx.key_persons.caption", lang), tuple(clauses)))
    articles += _talent_plan_article(charter, names, lang)

    data = charter.data_policy
    if data is not None:
        clauses = [
            Clause(translate("docx.data.personal" if data.personal_data else "docx.data.no_personal", lang)),
            Clause(translate("docx.data.handling", lang), quote=data.handling),
        ]
        if data.advisory_check:
            clauses.append(Clause(translate("docx.data.advisory", lang), quote=data.advisory_check))
        if data.individual_control:
            clauses.append(Clause(translate("docx.data.control", lang), quote=data.individual_control))
        articles.append(Article(translate("docx.data.caption", lang), tuple(clauses)))
    return articles


def _names(ids: tuple[str, ...], names: dict[str, str], lang: str) -> str:
    return list_separator(lang).join(names.get(i, i) for i in ids)


def _layers_article(charter: Charter, names: dict[str, str], lang: str) -> list[Article]:
    """The article on the bodies of the consortium (its layers), when the charter has them."""
    if not charter.layers:
        return []
    kinds = labels("Layer.type", lang)
    items = []
    for layer in charter.layers:
        kind = translate("talent.docx.layer_type", lang, type=kinds[layer.type]) if layer.type else ""
        members = _names(layer.members, names, lang)
        text = translate("talent.docx.layer", lang, name=layer.name, type=kind, members=members)
        if layer.purpose:
            text += translate("talent.docx.layer_purpose", lang, purpose=layer.purpose)
        items.append(text)
    clause = Clause(translate("talent.docx.layers_lead", lang), items=tuple(items))
    return [Article(translate("talent.docx.layers_caption", lang), (clause,))]


def _talent_plan_article(charter: Charter, names: dict[str, str], lang: str) -> list[Article]:
    """The article on how the consortium finds the talent of each DX process stage."""
    if not charter.talent_plan:
        return []
    stages, talents = labels("processStage", lang), labels("talentType", lang)
    sourcing = labels("TalentStage.sourcing", lang)
    items = []
    for entry in charter.talent_plan:
        leads = _names(entry.leads, names, lang) if entry.leads else translate("talent.no_lead", lang)
        params = {"talent": talents[entry.talent], "sourcing": sourcing[entry.sourcing], "leads": leads}
        items.append(translate("talent.docx.stage", lang, stage=stages[entry.stage], **params))
    clause = Clause(translate("talent.docx.plan_lead", lang), items=tuple(items))
    return [Article(translate("talent.docx.plan_caption", lang), (clause,))]


def render_charter_docx(c: Consortium, lang: str, *, stamp: dt.date) -> bytes:
    """The charter of ``c`` as a .docx file in ``lang``, dated ``stamp`` (the day of the export)."""
    charter = c.charter
    assert charter is not None, "render_charter_docx needs a consortium with a charter"
    stamp_text = format_date(stamp, lang, japanese_era=uses_japanese_era(c))
    paper = Paper(
        title=translate("docx.title", lang, name=charter.name),
        head=(Line(translate("docx.as_of", lang, date=stamp_text), align="right"),),
        articles=tuple(charter_articles(c, lang)),
    )
    return render_paper(paper, lang)
