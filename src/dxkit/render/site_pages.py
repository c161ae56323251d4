"""Markdown pages of a consortium's own site, generated from its governance files.

Pages read the consortium model (every file of every kind). Every string that comes from a
person's file goes through :func:`~dxkit.escape.markdown_text` or, inside the SVG diagrams,
through :func:`~dxkit.escape.svg_text`, or, in the role matrix (a table of HTML that Markdown
never reads, :func:`~dxkit.render.site_tables.html_table`), through
:func:`~dxkit.escape.html_page_text`; page names are the files' names only when
those are plain words, generated otherwise. Nothing a member types can become markup, a link
or a script on the site.

People's names appear only where the charter publishes them (:mod:`dxkit.render.people`):
the pages are made from the public view of the consortium, in which every unpublished name
is already replaced, and the tables that would list people show organisations, roles and
counts instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import PurePosixPath
from typing import Any, TypeVar

from dxkit.analyses.assessment import build_assessment
from dxkit.analyses.gates import build_gate_report
from dxkit.analyses.keyperson import analyse
from dxkit.analyses.lessons import gather
from dxkit.dates import fiscal_year, format_fiscal_year
from dxkit.errors import UsageError
from dxkit.escape import html_page_text, json_script, markdown_text
from dxkit.funding import display_name
from dxkit.i18n import translate
from dxkit.i18n.terms import CRITERION_STATE, LENS
from dxkit.labels import label
from dxkit.model import Consortium
from dxkit.model.records import Charter, Dataset, Indicator, Member, Retrospective, Task, Workshop
from dxkit.model.vocabulary import LENSES, STAGES, is_overdue
from dxkit.questions import load_question_set
from dxkit.reading import Reading, uses_japanese_era
from dxkit.render.agenda import slots
from dxkit.render.assessment import render_assessment_md
from dxkit.render.lessons import render_lessons
from dxkit.render.linked import render_jsonld
from dxkit.render.markdown import table
from dxkit.render.people import NamePolicy, name_policy, public_view
from dxkit.render.site_facilities import render_facilities_page
from dxkit.render.site_gantt import render_stage_gantts
from dxkit.render.site_network import render_network
from dxkit.render.site_tables import html_table, raw_block
from dxkit.render.svg import figure

R = TypeVar("R", Workshop, Retrospective)

#: A file name that can be a page name (and a link) as it is.
_PLAIN_NAME = re.compile(r"\w[\w.-]*")

#: The charter's settings the overview lists, by field name.
_CHARTER_FIELD = {
    "method": "site.field.method",
    "quorum": "site.field.quorum",
    "escalation": "site.field.escalation",
    "cadence": "site.field.cadence",
    "format": "site.field.format",
    "personal_data": "site.field.personal_data",
    "handling": "site.field.handling",
    "advisory_check": "site.field.advisory_check",
    "individual_control": "site.field.individual_control",
    "member_withdrawal": "site.field.member_withdrawal",
    "staff_rotation": "site.field.staff_rotation",
    "inter_regional": "site.field.inter_regional",
    "publish_failures": "site.field.publish_failures",
}
#: The charter's settings whose values are codes of an enum, and that enum.
_CHARTER_ENUM = {"method": "DecisionMaking.method", "cadence": "Meetings.cadence"}
#: The official identifiers a member may carry, as the members page shows them: label, field.
_MEMBER_IDENTIFIERS = (
    ("ident.corporate_number", "corporate_number"),
    ("ident.local_government_code", "local_government_code"),
)
#: The index page of each folder of dated pages.
_FOLDER_TITLE = {"workshops": "site.workshops", "retrospectives": "site.retrospectives"}


class Labels:
    """Labels in the site's language, followed by the other language when both are asked for.

    Parameters are put into the label as they are: escape a person's text before passing it.
    Values of the consortium's files read as :class:`~dxkit.reading.Reading` shows them:
    member names for ids, dates as people write them.
    """

    def __init__(self, lang: str, bilingual: bool, reading: Reading | None = None) -> None:
        self.lang = lang
        self.other = ("en" if lang == "ja" else "ja") if bilingual else None
        self.reading = reading if reading is not None else Reading()

    def date(self, value: dt.date | str | None) -> str:
        """A date as people read it (``2026年12月13日（日）``); ``""`` for none.

        Its spaces (``Sun 13 Dec 2026``) do not break: a date is one word, kept on one line.
        """
        return markdown_text(self.reading.date(value, self.lang)).replace(" ", "\u00a0")

    def member(self, member_id: str) -> str:
        """A member reference as escaped Markdown: the organisation's name."""
        return markdown_text(self.reading.member(member_id, self.lang))

    def members(self, member_ids: Sequence[str]) -> str:
        """Several member references as escaped Markdown, joined as the language joins a list."""
        return markdown_text(self.reading.members(member_ids, self.lang))

    def __call__(self, key: str, **params: Any) -> str:
        text = translate(key, self.lang, **params)
        if self.other and not params:
            return self._both(text, translate(key, self.other))
        return text

    def only(self, key: str, **params: Any) -> str:
        return translate(key, self.lang, **params)

    def label(self, enum_name: str, value: str, *, only: bool = False) -> str:
        """The schema's label of an enum value, in both languages like a heading unless ``only``."""
        text = label(enum_name, value, self.lang)
        if self.other and not only:
            return self._both(text, label(enum_name, value, self.other))
        return text

    @staticmethod
    def _both(text: str, second: str) -> str:
        return f"{text} / {second}" if second != text else text


def _table(head: list[str], rows: list[list[str]]) -> str:
    return table(head, rows, empty="—")


def _key_persons(c: Consortium, charter: Charter, L: Labels, people: NamePolicy) -> str:
    """The key persons: with their names when the charter publishes them, else role and member only."""
    md = markdown_text
    member = L.member

    if people.shows("key_persons"):
        head = [L("site.col.name"), L("site.col.member"), L("site.col.role"), L("site.col.deputy")]
        rows = [
            [md(p.name), member(p.member), md(p.role), md(p.deputy.name) if p.deputy else L.only("site.none")]
            for p in charter.key_persons
        ]
    else:
        head = [L("site.col.role"), L("site.col.member"), L("site.col.deputy")]
        rows = [
            [
                md(p.role),
                member(p.member),
                L.only("site.deputy_of", member=member(p.deputy.member)) if p.deputy else L.only("site.none"),
            ]
            for p in charter.key_persons
        ]
    return _table(head, rows)


def _page_overview(c: Consortium, charter: Charter, L: Labels, people: NamePolicy) -> str:
    md = markdown_text
    parts = [
        f"# {md(charter.name)}\n\n",
        f"**{L('site.municipality')}**: {md(charter.municipality)}  \n",
        f"**{L('site.stage')}**: {L.label('stage', charter.stage)}\n\n",
    ]
    vision = charter.vision
    if vision is not None:
        parts.append(f"## {L('site.vision')}\n\n{md(vision.statement)}\n\n")
        plan = vision.comprehensive_plan
        if plan is not None:
            where = md(plan.title) + (f" — {md(plan.section)}" if plan.section else "")
            parts.append(f"{L('site.plan')}: {where}\n\n")
    parts.append(f"## {L('site.purpose')}\n\n{md(charter.purpose)}\n\n")
    parts.append(f"{L('site.scope')}: " + "、".join(L.label("field", f, only=True) for f in charter.scope) + "\n\n")
    parts.append(f"## {L('site.key_persons')}\n\n")
    parts.append(_key_persons(c, charter, L, people))
    sections: list[tuple[object, str, tuple[str, ...]]] = [
        (charter.decision_making, "site.decision", ("method", "quorum", "escalation")),
        (charter.meetings, "site.meetings", ("cadence", "format")),
        (
            charter.data_policy,
            "site.data_policy",
            ("personal_data", "handling", "advisory_check", "individual_control"),
        ),
        (charter.continuity, "site.continuity", ("member_withdrawal", "staff_rotation")),
        (charter.sharing, "site.sharing", ("inter_regional", "publish_failures")),
    ]
    for section, heading, fields in sections:
        if section is None:
            continue
        parts.append(f"\n## {L(heading)}\n\n")
        for name in fields:
            value = getattr(section, name)
            if value is None:
                continue
            if isinstance(value, bool):
                shown = L.only("lessons.yes" if value else "lessons.no")
            elif name in _CHARTER_ENUM:
                shown = L.label(_CHARTER_ENUM[name], value, only=True)
            else:
                shown = md(str(value))
            parts.append(f"- **{L(_CHARTER_FIELD[name])}**: {shown}\n")
    parts.append(_funding(charter, L))
    return "".join(parts)


def _funding(charter: Charter, L: Labels) -> str:
    """The charter's schemes in use: each by its catalogue name, with status, money and deadlines."""
    if not charter.funding:
        return ""
    md = markdown_text
    head = [
        L(key)
        for key in (
            "funding.site.scheme",
            "funding.site.status",
            "funding.site.fiscal_year",
            "funding.site.amount",
            "funding.site.owner",
            "funding.site.application_due",
            "funding.site.report_due",
            "funding.site.reported",
        )
    ]
    rows = [
        [
            md(display_name(use.scheme, use.name, L.lang)),
            L.label("FundingUse.status", use.status, only=True),
            L.only("funding.site.year", year=use.fiscal_year) if use.fiscal_year is not None else "",
            L.only("funding.site.yen", amount=f"{use.amount:,}") if use.amount is not None else "",
            L.member(use.owner) if use.owner else "",
            L.date(use.application_due),
            L.date(use.report_due),
            L.date(use.reported),
        ]
        for use in charter.funding
    ]
    return f"\n## {L('funding.site.title')}\n\n{L.only('funding.site.changes')}\n\n" + _table(head, rows)


def _page_members(c: Consortium, L: Labels, people: NamePolicy) -> str:
    md = markdown_text
    named = people.shows("member_contacts")
    parts = [f"# {L('site.members')}\n\n"]
    by_type: dict[str, list[Member]] = {}
    for m in c.members:
        by_type.setdefault(m.type, []).append(m)

    def contacts(m: Member) -> str:
        return "、".join(md(p.name) for p in m.people) if named else str(len(m.people))

    for kind, group in by_type.items():
        # An identifier gets a column in a group where at least one member has it.
        ids = [(key, field) for key, field in _MEMBER_IDENTIFIERS if any(getattr(m, field) for m in group)]
        parts.append(f"## {L.label('memberType', kind)}\n\n")
        parts.append(
            _table(
                [
                    L("site.col.name"),
                    *(L(key) for key, _ in ids),
                    L("site.col.contributes"),
                    L("site.col.people" if named else "site.col.contacts"),
                ],
                [
                    [
                        md(m.name),
                        *(md(getattr(m, field) or "") for _, field in ids),
                        "、".join(md(x) for x in m.contributes),
                        contacts(m),
                    ]
                    for m in group
                ],
            )
            + "\n"
        )
    if c.charter is not None:
        parts.append(_structure(c.charter, L))
    report = analyse(c)
    network = render_network(c, report, L.lang)
    drawing = figure(network.svg) if network.svg else (network.note + "\n" if network.note else "")
    parts.append(f"## {L('site.network')}\n\n{L.only('site.network_intro')}\n\n{drawing}")
    return "".join(parts)


def _structure(charter: Charter, L: Labels) -> str:
    """The charter's layers and talent plan, by organisation only.

    People's talent types and skill levels stay in members.yaml: the site never shows them,
    whatever the charter publishes of their names.
    """
    md = markdown_text
    parts = []
    if charter.layers:
        parts.append(f"## {L('talent.layers')}\n\n{L.only('talent.layers_intro')}\n\n")
        head = [L("talent.col.layer"), L("talent.col.layer_type"), L("talent.col.purpose"), L("site.members")]
        rows = [
            [
                md(layer.name),
                L.label("Layer.type", layer.type, only=True) if layer.type else "",
                md(layer.purpose or ""),
                L.members(layer.members),
            ]
            for layer in charter.layers
        ]
        parts.append(_table(head, rows) + "\n")
    if charter.talent_plan:
        parts.append(f"## {L('talent.plan')}\n\n{L.only('talent.plan_intro')}\n\n")
        head = [
            L("talent.col.stage"),
            L("talent.col.talent"),
            L("talent.col.sourcing"),
            L("talent.col.leads"),
            L("talent.col.note"),
        ]
        rows = [
            [
                L.label("processStage", entry.stage, only=True),
                L.label("talentType", entry.talent, only=True),
                L.label("TalentStage.sourcing", entry.sourcing, only=True),
                L.members(entry.leads) if entry.leads else L.only("talent.no_lead"),
                md(entry.note or ""),
            ]
            for entry in charter.talent_plan
        ]
        parts.append(_table(head, rows) + "\n")
    return "".join(parts)


def _indicator(indicator: Indicator, L: Labels) -> str:
    """A task's indicator as escaped Markdown: what is measured and the target, or that none is set."""
    name = markdown_text(indicator.name)
    if indicator.target:
        return L.only("indicator.site.value", name=name, target=markdown_text(indicator.target))
    return L.only("indicator.site.no_target", name=name)


#: A role matrix of more tasks than this is split into pages by 年度 (fiscal year) and stage,
#: each of at most this many tasks, so that no page is too big to load on a phone (about
#: 300 KB compressed, with its Gantt charts); a page index lists the parts.
ROLES_PAGE_TASKS = 1000


class _RowWords:
    """What the rows of a role matrix share, each looked up, read and escaped once for all of them.

    Labels, stages and states, the organisations of a RACI cell and due dates repeat from row
    to row (a matrix of 10,000 tasks has a few hundred of each); a task's own texts do not, and
    are escaped as they come.
    """

    def __init__(self, c: Consortium, L: Labels) -> None:
        self.L, self.today = L, c.today
        self.done = L.only("site.col.done")
        self.indicator = L.only("indicator.site.label")
        self.consulted = L.only("raci.consulted")
        self.informed = L.only("raci.informed")
        self.late = L.only("site.overdue")
        self._members: dict[tuple[str, ...], str] = {}
        self._dates: dict[dt.date, str] = {}
        self._labels: dict[tuple[str, str], str] = {}
        self._html: dict[str, str] = {}

    def members(self, ids: tuple[str, ...]) -> str:
        text = self._members.get(ids)
        if text is None:
            text = self._members[ids] = self.L.reading.members(ids, self.L.lang)
        return text

    def date(self, day: dt.date) -> str:
        text = self._dates.get(day)
        if text is None:
            text = self._dates[day] = self.L.reading.date(day, self.L.lang).replace(" ", "\u00a0")
        return text

    def label(self, enum_name: str, value: str) -> str:
        text = self._labels.get((enum_name, value))
        if text is None:
            text = self._labels[enum_name, value] = self.L.label(enum_name, value, only=True)
        return text

    def html(self, text: str) -> str:
        """:func:`~dxkit.escape.html_page_text` of a text that repeats."""
        escaped = self._html.get(text)
        if escaped is None:
            escaped = self._html[text] = html_page_text(text)
        return escaped


def _role_row(task: Task, words: _RowWords) -> tuple[list[str], list[str]]:
    """A task's row of the role matrix: its cells as HTML and the text a reader sees in them."""
    status = words.label("Task.status", task.status)
    late = words.late if is_overdue(task, words.today) else ""
    # Below the title: the criterion of done, and who is consulted (C) and informed (I).
    # They are read with the task rather than compared across rows, and four columns of
    # organisation names would not fit beside each other on a desktop.
    notes = [(words.done, task.done_criteria or "")]
    if task.indicator is not None:
        indicator = task.indicator
        key = "indicator.site.value" if indicator.target else "indicator.site.no_target"
        notes.append(
            (words.indicator, translate(key, words.L.lang, name=indicator.name, target=indicator.target or ""))
        )
    notes += [(words.consulted, words.members(task.consulted)), (words.informed, words.members(task.informed))]
    notes = [(name, value) for name, value in notes if value]
    stage = words.label("stage", task.stage)
    responsible = words.members(task.responsible)
    accountable = words.members(task.accountable)
    due = words.date(task.due)
    h, once = html_page_text, words.html
    cells = [
        h(task.id),
        h(task.title) + "".join(f"<br><small>{once(name)}: {h(value)}</small>" for name, value in notes),
        once(stage),
        once(responsible),
        once(accountable),
        once(due),
        once(status) + (f" <strong>{once(late)}</strong>" if late else ""),
    ]
    texts = [
        task.id,
        task.title + "".join(f"{name}: {value}" for name, value in notes),
        stage,
        responsible,
        accountable,
        due,
        status + (f" {late}" if late else ""),
    ]
    return cells, texts


def _searched(html_block: str) -> str:
    """A block of HTML that Markdown passes on as it is, and the search index reads."""
    return f"\n\n{html_block}\n"


def _roles_body(c: Consortium, tasks: Sequence[Task], L: Labels, *, searched: bool) -> str:
    """The matrix of ``tasks``, their delays and their Gantt charts (one a stage).

    The tables are in the search index when ``searched`` (one page for the whole matrix);
    the parts of a big matrix keep only their headings there.
    """
    block = _searched if searched else raw_block
    words = _RowWords(c, L)
    rows = [_role_row(task, words) for task in tasks]
    head = [
        L("site.col.id"),
        L("col.title"),
        L("site.stage"),
        L("col.responsible"),
        L("col.accountable"),
        L("col.due"),
        L("site.col.status"),
    ]
    parts = [block(html_table([html_page_text(x) for x in head], [r[0] for r in rows], [r[1] for r in rows]))]
    late = [t for t in tasks if t.delay is not None]
    if late:
        h = html_page_text
        delay_rows = []
        for t in late:
            assert t.delay is not None
            new_due = L.reading.date(t.delay.new_due, L.lang).replace(" ", "\u00a0")
            delay_rows.append([t.id, t.delay.reason or "", t.delay.recovery_plan or "", new_due])
        delay_head = [L("site.col.id"), L("col.reason"), L("col.recovery"), L("col.new_due")]
        parts.append(f"\n## {L('site.delays')}\n")
        parts.append(
            block(html_table([h(x) for x in delay_head], [[h(x) for x in row] for row in delay_rows], delay_rows))
        )
    # One chart per stage, each laid out so that its titles are never cut (render/site_gantt.py).
    parts.append(f"\n## {L('site.gantt')}\n")
    charts = "".join(
        figure(chart.svg, screen="wide") + figure(chart.narrow, screen="narrow")
        for chart in render_stage_gantts(c, L.lang, tasks)
    )
    parts.append(raw_block(charts))
    return "".join(parts)


def _role_parts(c: Consortium, L: Labels) -> list[tuple[str, str, list[Task]]]:
    """The parts of a big role matrix: page name, title and tasks, by 年度 then stage."""
    era = uses_japanese_era(c)
    groups: dict[tuple[int, int], list[Task]] = {}
    for task in c.tasks:
        order = STAGES.index(task.stage) if task.stage in STAGES else len(STAGES)
        groups.setdefault((fiscal_year(task.due), order), []).append(task)
    parts = []
    for (year, _), tasks in sorted(groups.items()):
        stage = tasks[0].stage
        chunks = [tasks[i : i + ROLES_PAGE_TASKS] for i in range(0, len(tasks), ROLES_PAGE_TASKS)]
        for number, chunk in enumerate(chunks, 1):
            title = translate(
                "site.roles_part",
                L.lang,
                year=format_fiscal_year(year, L.lang, japanese_era=era),
                stage=L.label("stage", stage, only=True),
            )
            name = f"{year}-{stage}"
            if len(chunks) > 1:
                title += f" ({number}/{len(chunks)})"
                name += f"-{number}"
            parts.append((f"roles/{name}.md", title, chunk))
    return parts


def _pages_roles(c: Consortium, L: Labels) -> dict[PurePosixPath, str]:
    """The role matrix: one page, or a page index and parts when it has many tasks."""
    intro = L.only("site.roles_intro", today=L.date(c.today)) + "\n\n"
    if len(c.tasks) <= ROLES_PAGE_TASKS:
        page = f"# {L('site.roles')}\n\n" + intro + _roles_body(c, c.tasks, L, searched=True)
        return {PurePosixPath("roles.md"): page}
    pages: dict[PurePosixPath, str] = {}
    rows = []
    for name, title, tasks in _role_parts(c, L):
        pages[PurePosixPath(name)] = (
            f"# {L('site.roles')}: {markdown_text(title)}\n\n"
            + intro
            + f"[{L.only('site.roles_index')}](../roles.md)\n\n"
            + _roles_body(c, tasks, L, searched=False)
        )
        rows.append([f"[{markdown_text(title)}]({name})", str(len(tasks))])
    index = f"# {L('site.roles')}\n\n" + intro + L.only("site.roles_parts_intro", tasks=len(c.tasks)) + "\n\n"
    index += _table([L("site.col.part"), L("site.col.tasks")], rows)
    return {PurePosixPath("roles.md"): index, **pages}


def _page_gates(c: Consortium, L: Labels) -> str:
    md = markdown_text
    report = build_gate_report(c)
    parts = [f"# {L('site.gates')}\n\n"]
    for gate in report.gates:
        transition = f"{L.label('stage', gate.from_stage, only=True)} → {L.label('stage', gate.to_stage, only=True)}"
        parts.append(f"## {md(gate.id)}: {transition}\n\n")
        if gate.planned:
            parts.append(f"{L('site.planned')}: {L.date(gate.planned)}\n\n")
        for lens in LENSES:
            rows = [
                [md(cr.id), md(cr.text), L.only(CRITERION_STATE[cr.state]), "<br>".join(md(e) for e in cr.evidence)]
                for cr in gate.criteria
                if cr.lens == lens
            ]
            parts.append(
                f"### {L(LENS[lens])}\n\n"
                + _table([L("site.col.id"), L("col.criterion"), L("col.state"), L("col.evidence")], rows)
                + "\n"
            )
        if gate.decision:
            d = gate.decision
            outcome = L.label("Decision.outcome", d.outcome, only=True)
            parts.append(
                f"**{L('col.decision')}**: {outcome} "
                + L.only("raci.decided", date=L.date(d.date), members=L.members(d.decided_by))
                + (f" — {md(d.notes)}" if d.notes else "")
                + "\n\n"
            )
        else:
            parts.append(f"**{L('col.decision')}**: {L.only('gate.undecided')}\n\n")
    return "".join(parts)


def _page_issues(c: Consortium, L: Labels) -> str:
    md = markdown_text
    rows = [
        [
            md(i.id),
            md(i.title),
            L.label("field", i.category, only=True),
            L.label("Issue.priority", i.priority, only=True),
            L.label("Issue.status", i.status, only=True) if i.status else "",
            "<br>".join(md(e) for e in i.evidence),
        ]
        for i in c.issues
    ]
    return f"# {L('site.issues')}\n\n" + _table(
        [
            L("site.col.id"),
            L("col.title"),
            L("site.col.category"),
            L("site.col.priority"),
            L("site.col.status"),
            L("col.evidence"),
        ],
        rows,
    )


def _access(dataset: Dataset, L: Labels) -> str:
    """Who may see a dataset: the label of its access, with the licence of open data after it."""
    shown = L.label("access", dataset.access, only=True)
    if dataset.licence is None:
        return shown
    return L.only("inventory.licensed", access=shown, licence=markdown_text(dataset.licence))


def _page_data(c: Consortium, L: Labels) -> str:
    """The data inventory: what each dataset is and who holds it, never the data itself."""
    md = markdown_text
    titles = {d.id: d.title for d in reversed(c.datasets)}  # the first entry of an id names it
    rows = [
        [
            md(d.id),
            md(d.title),
            L.member(d.holder),
            L.only("inventory.personal.yes" if d.personal_data else "inventory.personal.no"),
            _access(d, L),
            md(d.retention or ""),
        ]
        for d in c.datasets
    ]
    parts = [
        f"# {L('inventory.title')}\n\n{L.only('inventory.intro')}\n\n## {L('inventory.datasets')}\n\n",
        _table(
            [
                L("site.col.id"),
                L("inventory.col.title"),
                L("inventory.col.holder"),
                L("inventory.col.personal"),
                L("inventory.col.access"),
                L("inventory.col.retention"),
            ],
            rows,
        ),
    ]
    if c.data_sharing:
        shared = [
            [
                md(titles.get(s.dataset, s.dataset)),
                L.member(s.provider),
                L.members(s.recipients),
                md(s.purpose),
                L.date(s.until),
            ]
            for s in c.data_sharing
        ]
        parts.append(f"\n## {L('inventory.sharing')}\n\n")
        parts.append(
            _table(
                [
                    L("inventory.col.title"),
                    L("inventory.col.provider"),
                    L("inventory.col.recipients"),
                    L("inventory.col.purpose"),
                    L("inventory.col.until"),
                ],
                shared,
            )
        )
    return "".join(parts)


def _agenda_table(record: Workshop, L: Labels) -> str:
    rows = [
        [
            (f"{s.start}–{s.end}" if s.start else str(s.offset)),
            L.only("agenda.minutes", minutes=s.minutes),
            markdown_text(s.title),
            markdown_text(s.description),
        ]
        for s in slots(record)
    ]
    return _table([L("agenda.time"), L("agenda.length"), L("agenda.step"), L("agenda.how")], rows)


def _headcount(record: Workshop | Retrospective, L: Labels) -> str:
    """How many took part (by member type where the file says so): a count, never names."""
    groups = record.participants if isinstance(record, Workshop) else ()
    total = sum(p.count for p in groups) if groups else record.headcount
    if total is None:
        return ""
    text = L.only("site.people_count", count=total)
    if groups:
        by_type = ("、" if L.lang == "ja" else ", ").join(
            L.only("site.by_type", type=L.label("memberType", p.type, only=True), count=p.count) for p in groups
        )
        text += f"（{by_type}）" if L.lang == "ja" else f" ({by_type})"
    return f"**{L('site.participants')}**: {text}\n\n"


def _facilitation(workshop: Workshop, L: Labels, people: NamePolicy) -> str:
    """Who runs the workshop: the names when the charter publishes them, else only the roles."""
    roles = workshop.facilitation
    if roles is None:
        return ""
    named = people.shows("workshop_facilitation")
    lines = [
        f"- {L.only(key)}: {markdown_text(value) if named else people.placeholder}\n"
        for key, value in (
            ("role.facilitator", roles.facilitator),
            ("role.recorder", roles.recorder),
            ("role.timekeeper", roles.timekeeper),
        )
        if value
    ]
    return f"## {L('site.facilitation')}\n\n" + "".join(lines) + "\n"


def _page_workshop(workshop: Workshop, L: Labels, people: NamePolicy) -> str:
    md = markdown_text
    parts = [
        f"# {md(workshop.title)}\n\n",
        f"{L.date(workshop.date)} ・ {L.only('agenda.minutes', minutes=workshop.duration_minutes)}\n\n",
        _headcount(workshop, L),
        _facilitation(workshop, L, people),
        f"## {L('agenda.steps')}\n\n",
        _agenda_table(workshop, L),
    ]
    outputs = workshop.outputs
    if outputs is None:
        return "".join(parts)
    if outputs.issues:
        rows = [
            [
                md(i.title),
                str(i.votes) if i.votes is not None else "",
                L.label("field", i.category, only=True) if i.category else "",
            ]
            for i in outputs.issues
        ]
        parts.append(
            f"\n## {L('site.found_issues')}\n\n"
            + _table([L("col.title"), L("site.col.votes"), L("site.col.category")], rows)
        )
    for title, items in (
        ("site.outputs.ideas", outputs.ideas),
        ("site.outputs.decisions", outputs.decisions),
        ("site.outputs.notes", outputs.notes),
    ):
        if items:
            parts.append(f"\n## {L(title)}\n\n" + "".join(f"- {md(x)}\n" for x in items))
    return "".join(parts)


def _items(label: str, texts: Sequence[str], L: Labels) -> str:
    if not texts:
        return ""
    return f"## {L(label)}\n\n" + "".join(f"- {markdown_text(x)}\n" for x in texts) + "\n"


def _page_retrospective(retro: Retrospective, L: Labels) -> str:
    md = markdown_text
    parts = [f"# {md(retro.title)}\n\n", f"{L.date(retro.date)}\n\n", _headcount(retro, L)]
    if retro.participants:
        # Members are organisations; the people who came are counted, never named.
        taking_part = L.members(retro.participants)
        parts.append(f"**{L('site.participating_members')}**: {taking_part}\n\n")
    if retro.kpt is not None:
        parts.append(_items("lessons.keep", retro.kpt.keep, L))
        parts.append(_items("lessons.problem", retro.kpt.problem, L))
        parts.append(_items("lessons.try", [a.text for a in retro.kpt.try_], L))
    if retro.four_l is not None:
        parts.append(_items("site.4l.liked", retro.four_l.liked, L))
        parts.append(_items("site.4l.learned", retro.four_l.learned, L))
        parts.append(_items("site.4l.lacked", retro.four_l.lacked, L))
        parts.append(_items("site.4l.longed_for", retro.four_l.longed_for, L))
    review = retro.gate_review
    if review is not None:
        parts.append(f"## {L('site.gate_review', gate=md(review.gate))}\n\n{md(review.summary)}\n\n")
        parts += [f"- {md(p)}\n" for p in review.open_points]
    analysis = retro.failure_analysis
    if analysis is not None:
        parts.append(
            f"## {L('lessons.failures')}\n\n- {L('lessons.target')}: {md(analysis.target)}\n"
            f"- {L('lessons.result')}: {md(analysis.result)}\n\n"
        )
        parts.append(
            _table(
                [L("lessons.category"), L("lessons.cause")],
                [
                    [L.label("Cause.category", cause.category or "other", only=True), md(cause.cause)]
                    for cause in analysis.causes
                ],
            )
        )
    return "".join(parts)


def _linked_data(c: Consortium, lang: str, people: NamePolicy) -> str:
    """The consortium as JSON-LD (:mod:`dxkit.render.linked`), a raw HTML block at the page's end.

    Markdown passes the block as it is, so only :func:`~dxkit.escape.json_script` stands
    between a member's name and the page: nothing in it can close the element.
    """
    return f'\n\n<script type="application/ld+json">{json_script(render_jsonld(c, lang, people))}</script>\n'


def page_names(
    records: Sequence[Workshop | Retrospective], fallback: str, people: NamePolicy | None = None
) -> list[str]:
    """A page name for each record: its file's name when that is a plain word, else generated.

    Names are unique and never ``index.md`` (the folder's own index), so no page replaces
    another, and every name is safe in a Markdown link as it is. A file named after a person
    whose name the charter does not publish gets a generated name (page names reach the
    address bar, the sitemap and the search index).
    """
    taken = {"index.md"}
    names = []
    for number, record in enumerate(records, 1):
        stem = PurePosixPath(record.at.file).stem
        name = f"{stem}.md"
        if not _PLAIN_NAME.fullmatch(stem) or name in taken or (people is not None and people.reveals(stem)):
            name = f"{fallback}-{number}.md"
            while name in taken:
                name = f"{fallback}-{number}-{len(taken)}.md"
        taken.add(name)
        names.append(name)
    return names


def _dated_pages(
    folder: str, records: Sequence[R], render: Callable[[R, Labels], str], L: Labels, people: NamePolicy
) -> dict[PurePosixPath, str]:
    ordered = sorted(records, key=lambda r: (r.date, r.at.file))
    if not ordered:
        return {}
    pages: dict[PurePosixPath, str] = {}
    rows = []
    for record, name in zip(ordered, page_names(ordered, folder.rstrip("s"), people), strict=True):
        pages[PurePosixPath(folder, name)] = render(record, L)
        rows.append([L.date(record.date), f"[{markdown_text(record.title)}]({name})"])
    pages[PurePosixPath(folder, "index.md")] = f"# {L(_FOLDER_TITLE[folder])}\n\n" + _table(
        [L("col.date"), L("col.title")], rows
    )
    return pages


def site_pages(
    c: Consortium, lang: str, *, bilingual: bool = False, people: NamePolicy | None = None
) -> dict[PurePosixPath, str]:
    """Every page of the site, by path under ``docs/`` (the consortium must have a charter).

    ``people`` is the charter's policy on names (:func:`~dxkit.render.people.name_policy`
    of ``c`` when not given); the pages are made from the public view of ``c`` it gives.
    """
    if c.charter is None:
        raise UsageError("site.no_charter", folder=c.root)
    people = people if people is not None else name_policy(c, lang)
    c = public_view(c, people)
    charter = c.charter
    assert charter is not None
    L = Labels(lang, bilingual, Reading.of(c))
    pages: dict[PurePosixPath, str] = {
        PurePosixPath("index.md"): _page_overview(c, charter, L, people) + _linked_data(c, lang, people)
    }
    if c.has_members:
        pages[PurePosixPath("members.md")] = _page_members(c, L, people)
    if c.has_roles:
        pages.update(_pages_roles(c, L))
    if c.has_gates:
        pages[PurePosixPath("gates.md")] = _page_gates(c, L)
    if c.has_issues:
        pages[PurePosixPath("issues.md")] = _page_issues(c, L)
    if c.has_facilities:
        pages[PurePosixPath("facilities.md")] = render_facilities_page(c, L)
    if c.has_data:
        pages[PurePosixPath("data.md")] = _page_data(c, L)
    pages.update(_dated_pages("workshops", c.workshops, lambda w, labels: _page_workshop(w, labels, people), L, people))
    pages.update(
        _dated_pages(
            "retrospectives",
            c.retrospectives,
            _page_retrospective,
            L,
            people,
        )
    )
    if c.retrospectives:
        pages[PurePosixPath("lessons.md")] = render_lessons(gather(c), lang, reading=L.reading)
    if c.assessments:
        questions = load_question_set()
        pages[PurePosixPath("assessment.md")] = render_assessment_md(
            build_assessment(c, questions), questions, lang, L.reading
        )
    return pages
