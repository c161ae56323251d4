"""Agreements and official documents as Word files, filled from the consortium's files.

``dxkit new agreement KIND`` writes one of :data:`AGREEMENT_KINDS`:

* ``establishment``: the consortium's 設置要綱 (terms of establishment) in 例規 style, from the
  charter's name, purpose, fields, key persons' roles, meetings and decision making, and the
  members;
* ``partnership``: a 連携協定 between members (all, or those chosen), with each member's
  contribution from ``members.yaml`` and the withdrawal rule of the charter's continuity section;
* ``testbed``: an agreement for a member's testbed (facilities for trials) used by others;
* ``data-use``: an agreement for one member's data provided to and used by others, with the
  charter's data policy;
* ``consent``: a consent form for residents, from the charter's data policy;
* ``advisory``: the terms of reference of the advisory body that checks the handling of
  personal data.

Each is a :class:`~dxkit.render.docx_layout.Paper`, laid out like the charter's Word file (A4,
Mincho, real Word numbering for 条・項・号). What only a person can supply (a date of signing, a
signature, a testbed's site, a number of members) is a :class:`~dxkit.render.docx_layout.Blank`,
highlighted, never an invented value. Text from the files is escaped for Word
(:func:`~dxkit.escape.docx_text`) before it enters a sentence, and again by the layout; people
are never named, only organisations and roles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from dxkit.errors import UsageError
from dxkit.escape import docx_text
from dxkit.i18n import DEFAULT_LANG, translate
from dxkit.labels import labels
from dxkit.model import Consortium
from dxkit.model.records import Charter, DataPolicy, Member
from dxkit.reading import list_separator
from dxkit.render.docx_layout import Article, Blank, Clause, Line, Paper, Text, render_paper

#: The member type that usually provides, by kind: a campus testbed (report ch. 5 3(1)①), the city's data.
_PROVIDER_TYPES = {"testbed": ("education-research",), "data-use": ("municipality",)}


@dataclass(frozen=True)
class Parties:
    """Who a document binds: the provider (testbed, data-use) and the other parties."""

    provider: Member | None
    others: tuple[Member, ...]

    @property
    def all(self) -> tuple[Member, ...]:
        return ((self.provider,) if self.provider else ()) + self.others


#: How a reader names each kind of document.
_KIND_TITLES = {
    "establishment": "agreement.kind.establishment",
    "partnership": "agreement.kind.partnership",
    "testbed": "agreement.kind.testbed",
    "data-use": "agreement.kind.data-use",
    "consent": "agreement.kind.consent",
    "advisory": "agreement.kind.advisory",
}
_PREAMBLES = {"testbed": "agreement.testbed.preamble", "data-use": "agreement.data-use.preamble"}


def kind_title(kind: str, lang: str) -> str:
    """How a reader names a kind of document: 連携協定書, partnership agreement."""
    return translate(_KIND_TITLES[kind], lang)


class AgreementError(UsageError):
    """A document of one kind cannot be made as asked; the message names the kind in the reader's language."""

    def __init__(self, msg_id: str, kind: str, **params: Any) -> None:
        super().__init__(msg_id, kind=kind, **params)

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return translate(self.msg_id, lang, **{**self.params, "title": kind_title(self.params["kind"], lang)})


def choose_parties(
    c: Consortium, kind: str, *, members: Sequence[str] | None = None, provider: str | None = None
) -> Parties:
    """The parties of a ``kind`` document: ``members`` (ids; all members when not given) and ``provider``.

    The provider of a testbed or data-use agreement is ``provider``, else the one member of the
    type that usually provides it (a university for a testbed, the municipality for data); with
    none or several such members, the command asks for ``--provider``.
    """
    known = ", ".join(m.id for m in c.members)
    by_id = {m.id: m for m in c.members}
    if not c.members:
        raise UsageError("agreement.no_members")
    for wanted in [*(members or ()), *([provider] if provider else [])]:
        if wanted not in by_id:
            raise UsageError("agreement.unknown_member", member=wanted, known=known)
    if kind not in ("partnership", "testbed", "data-use"):
        if members is not None:
            raise AgreementError("agreement.option_unused", option="--members", kind=kind)
        if provider is not None:
            raise AgreementError("agreement.option_unused", option="--provider", kind=kind)
        return Parties(None, tuple(c.members))
    chosen = tuple(by_id[i] for i in dict.fromkeys(members)) if members else tuple(c.members)
    if kind == "partnership":
        if provider is not None:
            raise AgreementError("agreement.option_unused", option="--provider", kind=kind)
        if len(chosen) < 2:
            raise AgreementError("agreement.too_few_parties", kind=kind, known=known)
        return Parties(None, chosen)
    if provider is None:
        candidates = [m for m in chosen if m.type in _PROVIDER_TYPES[kind]]
        if len(candidates) != 1:
            raise AgreementError("agreement.no_provider", kind=kind, known=known)
        provider = candidates[0].id
    others = tuple(m for m in chosen if m.id != provider)
    if not others:
        raise AgreementError("agreement.too_few_parties", kind=kind, known=known)
    return Parties(by_id[provider], others)


# -- sentences ---------------------------------------------------------------------------------------


class _Writer:
    """The sentences of one document in one language, with the files' text escaped before it enters them."""

    def __init__(self, c: Consortium, lang: str) -> None:
        assert c.charter is not None, "an agreement needs a consortium with a charter"
        self.c = c
        self.charter: Charter = c.charter
        self.lang = lang
        self.names = {k: docx_text(v) for k, v in c.member_display_names(lang).items()}
        self.name = docx_text(self.charter.name)

    def t(self, msg_id: str, **params: Any) -> str:
        safe = {k: docx_text(v) if isinstance(v, str) else v for k, v in params.items()}
        return translate(msg_id, self.lang, **safe)

    def blank(self, msg_id: str) -> Blank:
        return Blank(self.t(msg_id))

    def around(self, before: str, middle: str | Blank, after: str, **params: Any) -> Text:
        """The message ``before``, ``middle``, the message ``after``: a sentence with a place to fill in."""
        return (self.t(before, **params), middle, self.t(after, **params))

    def party_list(self, members: Sequence[Member]) -> str:
        names = [self.names[m.id] for m in members]
        if len(names) == 1:
            return names[0]
        if len(names) == 2:
            return names[0] + self.t("agreement.parties.pair") + names[1]
        return self.t("agreement.parties.join").join(names[:-1]) + self.t("agreement.parties.last") + names[-1]

    def fields(self) -> str:
        shown = labels("field", self.lang)
        return list_separator(self.lang).join(docx_text(shown.get(f, f)) for f in self.charter.scope)

    def purpose(self) -> Clause:
        return Clause(self.t("agreement.common.purpose_quote"), quote=self.charter.purpose)

    def secretariat(self) -> str | Blank:
        """The member hosting the secretariat: the municipality, when there is exactly one."""
        hosts = [m for m in self.c.members if m.type == "municipality"]
        return self.names[hosts[0].id] if len(hosts) == 1 else self.blank("agreement.blank.secretariat")

    def signatures(self, parties: Sequence[Member]) -> tuple[Line, ...]:
        lines = [
            Line(self.t("agreement.common.closing", count=len(parties)), space_before=1),
            Line((self.t("agreement.sign.date"), self.blank("agreement.blank.date")), space_before=1),
        ]
        for member in parties:
            lines += [
                Line(self.t("agreement.sign.name", name=self.names[member.id]), indent=12, space_before=1),
                Line((self.t("agreement.sign.address"), self.blank("agreement.blank.address")), indent=12),
                Line(
                    (
                        self.t("agreement.sign.representative"),
                        self.blank("agreement.blank.representative"),
                        self.t("agreement.sign.seal"),
                    ),
                    indent=12,
                ),
            ]
        return tuple(lines)

    def in_force(self, document: str) -> tuple[Line, ...]:
        return (
            Line(self.t("agreement.supplementary"), indent=3, space_before=1),
            Line(
                self.around(
                    "agreement.supplementary.in_force.before",
                    self.blank("agreement.blank.date"),
                    "agreement.supplementary.in_force.after",
                    document=self.t(document),
                ),
                indent=1,
            ),
        )

    def consult(self) -> Article:
        return Article(self.t("agreement.common.consult.caption"), (Clause(self.t("agreement.common.consult")),))

    def term(self, *extra: Clause) -> Article:
        clause = Clause(
            self.around(
                "agreement.common.term.before", self.blank("agreement.blank.date"), "agreement.common.term.after"
            )
        )
        return Article(self.t("agreement.common.term.caption"), (clause, *extra))


# -- the documents -------------------------------------------------------------------------------------


def _establishment(w: _Writer, parties: Parties) -> Paper:
    charter = w.charter
    articles = [
        Article(
            w.t("agreement.establishment.setup.caption"),
            (Clause(w.t("agreement.establishment.setup", name=w.name, municipality=charter.municipality)),),
        ),
        Article(
            w.t("agreement.establishment.purpose.caption"),
            (Clause(w.t("agreement.establishment.purpose"), quote=charter.purpose),),
        ),
    ]
    functions: list[Text] = []
    if charter.scope:
        functions.append(w.t("agreement.establishment.functions.fields", fields=w.fields()))
    functions += [w.t(f"agreement.establishment.functions.{k}") for k in ("issues", "trials", "sharing", "other")]
    articles.append(
        Article(
            w.t("agreement.establishment.functions.caption"),
            (Clause(w.t("agreement.establishment.functions"), items=tuple(functions)),),
        )
    )
    types = labels("memberType", w.lang)
    members = tuple(
        w.t("agreement.establishment.organisation.member", name=w.names[m.id], type=types.get(m.type, m.type))
        for m in parties.all
    )
    articles.append(
        Article(
            w.t("agreement.establishment.organisation.caption"),
            (
                Clause(w.t("agreement.establishment.organisation"), items=members),
                Clause(w.t("agreement.establishment.organisation.join")),
            ),
        )
    )
    if charter.key_persons:
        officers = tuple(
            w.t("agreement.establishment.officers.item", role=p.role, member=w.names.get(p.member, docx_text(p.member)))
            for p in charter.key_persons
        )
        clauses = [Clause(w.t("agreement.establishment.officers"), items=officers)]
        if any(p.deputy is not None for p in charter.key_persons):
            clauses.append(Clause(w.t("agreement.establishment.officers.deputy")))
        articles.append(Article(w.t("agreement.establishment.officers.caption"), tuple(clauses)))
    meeting: list[Clause] = []
    if charter.meetings is not None:
        cadence = labels("Meetings.cadence", w.lang).get(charter.meetings.cadence, charter.meetings.cadence)
        meeting.append(Clause(w.t("agreement.establishment.meetings.cadence", cadence=cadence)))
        if charter.meetings.format:
            meeting.append(Clause(w.t("agreement.establishment.meetings.format"), quote=charter.meetings.format))
    decision = charter.decision_making
    if decision is not None:
        method = labels("DecisionMaking.method", w.lang).get(decision.method, decision.method)
        meeting.append(Clause(w.t("agreement.establishment.meetings.method", method=method)))
        if decision.quorum:
            meeting.append(Clause(w.t("agreement.establishment.meetings.quorum"), quote=decision.quorum))
        if decision.escalation:
            meeting.append(Clause(w.t("agreement.establishment.meetings.escalation"), quote=decision.escalation))
    if meeting:
        articles.append(Article(w.t("agreement.establishment.meetings.caption"), tuple(meeting)))
    articles += [
        Article(
            w.t("agreement.establishment.secretariat.caption"),
            (
                Clause(
                    w.around(
                        "agreement.establishment.secretariat.before",
                        w.secretariat(),
                        "agreement.establishment.secretariat.after",
                    )
                ),
            ),
        ),
        Article(
            w.t("agreement.common.supplementary_rules.caption"),
            (Clause(w.t("agreement.establishment.supplementary_rules")),),
        ),
    ]
    return Paper(
        title=w.t("agreement.establishment.title", name=w.name),
        articles=tuple(articles),
        tail=w.in_force("agreement.establishment.document"),
    )


def _partnership(w: _Writer, parties: Parties) -> Paper:
    charter = w.charter
    matters: list[Text] = []
    if charter.scope:
        matters.append(w.t("agreement.partnership.matters.fields", fields=w.fields()))
    matters += [w.t(f"agreement.partnership.matters.{k}") for k in ("trials", "outreach", "sharing")]
    roles: list[Text] = []
    for member in parties.others:
        if member.contributes:
            contributes = list_separator(w.lang).join(docx_text(x) for x in member.contributes)
            roles.append(w.t("agreement.partnership.roles.item", member=w.names[member.id], contributes=contributes))
        else:
            roles.append(
                (
                    w.t("agreement.partnership.roles.item", member=w.names[member.id], contributes=""),
                    w.blank("agreement.blank.text"),
                )
            )
    withdrawal = (
        Clause(w.t("agreement.partnership.withdrawal"), quote=charter.continuity.member_withdrawal)
        if charter.continuity is not None
        else Clause(w.t("agreement.partnership.withdrawal.none"))
    )
    confidentiality = [Clause(w.t("agreement.partnership.confidentiality"))]
    if charter.data_policy is not None:
        confidentiality.append(Clause(w.t("agreement.common.data_policy"), quote=charter.data_policy.handling))
    articles = (
        Article(
            w.t("agreement.partnership.purpose.caption"), (Clause(w.t("agreement.partnership.purpose")), w.purpose())
        ),
        Article(
            w.t("agreement.partnership.matters.caption"),
            (Clause(w.t("agreement.partnership.matters"), items=tuple(matters)),),
        ),
        Article(
            w.t("agreement.partnership.roles.caption"),
            (
                Clause(w.t("agreement.partnership.roles"), items=tuple(roles)),
                Clause(w.t("agreement.partnership.roles.schedule")),
            ),
        ),
        Article(w.t("agreement.partnership.confidentiality.caption"), tuple(confidentiality)),
        Article(w.t("agreement.common.costs.caption"), (Clause(w.t("agreement.partnership.costs")),)),
        Article(w.t("agreement.partnership.withdrawal.caption"), (withdrawal,)),
        w.term(),
        w.consult(),
    )
    preamble = w.t("agreement.partnership.preamble", parties=w.party_list(parties.others), name=w.name)
    return Paper(
        title=w.t("agreement.partnership.title", name=w.name),
        head=(Line(preamble, space_before=1),),
        articles=articles,
        tail=w.signatures(parties.others),
    )


def _provider_preamble(w: _Writer, kind: str, parties: Parties) -> Line:
    assert parties.provider is not None
    text = w.t(
        _PREAMBLES[kind],
        provider=w.names[parties.provider.id],
        users=w.party_list(parties.others),
        name=w.name,
    )
    return Line(text, space_before=1)


def _testbed(w: _Writer, parties: Parties) -> Paper:
    policy = w.charter.data_policy
    if policy is not None and policy.personal_data:
        data = (Clause(w.t("agreement.common.data_policy"), quote=policy.handling),)
    else:
        data = (Clause(w.t("agreement.testbed.data.none")),)
    scope = (
        (w.t("agreement.testbed.scope.place"), w.blank("agreement.blank.text")),
        (w.t("agreement.testbed.scope.equipment"), w.blank("agreement.blank.text")),
        (w.t("agreement.testbed.scope.period"), w.blank("agreement.blank.period")),
    )
    articles = (
        Article(w.t("agreement.testbed.purpose.caption"), (Clause(w.t("agreement.testbed.purpose")),)),
        Article(w.t("agreement.testbed.scope.caption"), (Clause(w.t("agreement.testbed.scope"), items=scope),)),
        Article(
            w.t("agreement.testbed.plan.caption"),
            (Clause(w.t("agreement.testbed.plan")), Clause(w.t("agreement.testbed.plan.report"))),
        ),
        Article(
            w.t("agreement.testbed.safety.caption"),
            (Clause(w.t("agreement.testbed.safety")), Clause(w.t("agreement.testbed.safety.permits"))),
        ),
        Article(w.t("agreement.testbed.data.caption"), data),
        Article(w.t("agreement.common.costs.caption"), (Clause(w.t("agreement.testbed.costs")),)),
        Article(w.t("agreement.testbed.damage.caption"), (Clause(w.t("agreement.testbed.damage")),)),
        Article(w.t("agreement.testbed.restore.caption"), (Clause(w.t("agreement.testbed.restore")),)),
        w.consult(),
    )
    return Paper(
        title=w.t("agreement.testbed.title"),
        head=(_provider_preamble(w, "testbed", parties),),
        articles=articles,
        tail=w.signatures(parties.all),
    )


def _data_use(w: _Writer, parties: Parties) -> Paper:
    policy = w.charter.data_policy
    if policy is not None and policy.personal_data:
        personal = [Clause(w.t("agreement.common.data_policy"), quote=policy.handling)]
        if policy.advisory_check:
            personal.append(Clause(w.t("agreement.data-use.personal.advisory"), quote=policy.advisory_check))
        if policy.individual_control:
            personal.append(Clause(w.t("agreement.data-use.personal.control"), quote=policy.individual_control))
    else:
        personal = [Clause(w.t("agreement.data-use.personal.none"))]
    data = (
        (w.t("agreement.data-use.data.name"), w.blank("agreement.blank.text")),
        (w.t("agreement.data-use.data.items"), w.blank("agreement.blank.text")),
        (w.t("agreement.data-use.data.delivery"), w.blank("agreement.blank.text")),
    )
    articles = (
        Article(w.t("agreement.data-use.purpose.caption"), (Clause(w.t("agreement.data-use.purpose")),)),
        Article(w.t("agreement.data-use.data.caption"), (Clause(w.t("agreement.data-use.data"), items=data),)),
        Article(
            w.t("agreement.data-use.use.caption"),
            (Clause(w.t("agreement.data-use.use")), w.purpose(), Clause(w.t("agreement.data-use.use.other"))),
        ),
        Article(w.t("agreement.data-use.personal.caption"), tuple(personal)),
        Article(
            w.t("agreement.data-use.security.caption"),
            tuple(Clause(w.t(f"agreement.data-use.security{k}")) for k in ("", ".third_party", ".incident")),
        ),
        Article(w.t("agreement.data-use.results.caption"), (Clause(w.t("agreement.data-use.results")),)),
        w.term(Clause(w.t("agreement.data-use.end"))),
        w.consult(),
    )
    return Paper(
        title=w.t("agreement.data-use.title"),
        head=(_provider_preamble(w, "data-use", parties),),
        articles=articles,
        tail=w.signatures(parties.all),
    )


def _personal_policy(w: _Writer, kind: str) -> DataPolicy:
    policy = w.charter.data_policy
    if policy is None:
        raise AgreementError("agreement.no_data_policy", kind)
    if not policy.personal_data:
        raise AgreementError("agreement.no_personal_data", kind)
    return policy


def _consent(w: _Writer, parties: Parties) -> Paper:
    policy = _personal_policy(w, "consent")
    lines = [
        Line(w.t("agreement.consent.to", name=w.name), space_before=1),
        Line(w.t("agreement.consent.intro", name=w.name), space_before=1),
        Line(w.t("agreement.consent.purpose"), bold=True, space_before=1),
        Line(w.charter.purpose, indent=1),
        Line(w.t("agreement.consent.handling"), bold=True, space_before=1),
        Line(policy.handling, indent=1),
    ]
    if policy.advisory_check:
        lines += [
            Line(w.t("agreement.consent.advisory"), bold=True, space_before=1),
            Line(policy.advisory_check, indent=1),
        ]
    lines += [
        Line(w.t("agreement.consent.control"), bold=True, space_before=1),
        Line(policy.individual_control or w.t("agreement.consent.control.none"), indent=1),
        Line(w.t("agreement.consent.voluntary"), bold=True, space_before=1),
        Line(w.t("agreement.consent.voluntary.text"), indent=1),
        Line(w.t("agreement.consent.contact"), bold=True, space_before=1),
        Line((w.secretariat(),), indent=1),
        Line((w.t("agreement.consent.contact.phone"), w.blank("agreement.blank.text")), indent=1),
        Line(w.t("agreement.consent.check"), space_before=2),
        Line((w.t("agreement.consent.date"), w.blank("agreement.blank.date")), space_before=1),
        Line((w.t("agreement.consent.name"), Blank(w.t("agreement.consent.blank.signature"))), space_before=1),
        Line((w.t("agreement.consent.address"), w.blank("agreement.blank.address")), space_before=1),
        Line((w.t("agreement.consent.guardian"), Blank(w.t("agreement.consent.blank.signature"))), space_before=1),
    ]
    return Paper(title=w.t("agreement.consent.title"), tail=tuple(lines))


def _advisory(w: _Writer, parties: Parties) -> Paper:
    policy = _personal_policy(w, "advisory")
    duties = tuple(w.t(f"agreement.advisory.duties.{k}") for k in ("before", "consent", "secondary", "after", "other"))
    duty_clauses = [Clause(w.t("agreement.advisory.duties"), items=duties)]
    if policy.advisory_check:
        duty_clauses.append(Clause(w.t("agreement.advisory.duties.charter"), quote=policy.advisory_check))
    members = tuple(w.t(f"agreement.advisory.members.{k}") for k in ("law", "security", "residents"))
    articles = (
        Article(w.t("agreement.advisory.setup.caption"), (Clause(w.t("agreement.advisory.setup", name=w.name)),)),
        Article(w.t("agreement.advisory.duties.caption"), tuple(duty_clauses)),
        Article(
            w.t("agreement.advisory.members.caption"),
            (
                Clause(
                    w.around(
                        "agreement.advisory.members.before",
                        w.blank("agreement.blank.count"),
                        "agreement.advisory.members.after",
                    ),
                    items=members,
                ),
            ),
        ),
        Article(
            w.t("agreement.advisory.term.caption"),
            (
                Clause(
                    w.around(
                        "agreement.advisory.term.before",
                        w.blank("agreement.blank.count"),
                        "agreement.advisory.term.after",
                    )
                ),
            ),
        ),
        Article(
            w.t("agreement.advisory.meetings.caption"),
            (Clause(w.t("agreement.advisory.meetings")), Clause(w.t("agreement.advisory.meetings.conflict"))),
        ),
        Article(w.t("agreement.advisory.report.caption"), (Clause(w.t("agreement.advisory.report")),)),
        Article(w.t("agreement.advisory.secrecy.caption"), (Clause(w.t("agreement.advisory.secrecy")),)),
        Article(w.t("agreement.advisory.secretariat.caption"), (Clause(w.t("agreement.advisory.secretariat")),)),
        Article(
            w.t("agreement.common.supplementary_rules.caption"),
            (Clause(w.t("agreement.advisory.supplementary_rules")),),
        ),
    )
    return Paper(
        title=w.t("agreement.advisory.title", name=w.name),
        articles=articles,
        tail=w.in_force("agreement.advisory.document"),
    )


#: Every kind of document by the name ``dxkit new agreement KIND`` takes, in the order help lists them.
AGREEMENTS: dict[str, Callable[[_Writer, Parties], Paper]] = {
    "establishment": _establishment,
    "partnership": _partnership,
    "testbed": _testbed,
    "data-use": _data_use,
    "consent": _consent,
    "advisory": _advisory,
}
AGREEMENT_KINDS = tuple(AGREEMENTS)


def agreement_paper(c: Consortium, kind: str, lang: str, parties: Parties) -> Paper:
    """The document ``kind`` of ``c`` in ``lang`` between ``parties`` (see :func:`choose_parties`)."""
    if c.charter is None:
        raise UsageError("agreement.no_charter", folder=c.root)
    return AGREEMENTS[kind](_Writer(c, lang), parties)


def render_agreement_docx(c: Consortium, kind: str, lang: str, parties: Parties) -> bytes:
    """The document ``kind`` of ``c`` as a .docx file in ``lang``."""
    return render_paper(agreement_paper(c, kind, lang, parties), lang)
