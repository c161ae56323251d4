"""Typed records of every governance file, generated from ``schemas/``: do not edit.

Regenerate with ``python -m dxkit.model.codegen --write``; a test fails when this file
is stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

from dxkit.model.loc import Loc
from dxkit.model.record import Record


def _one_or_many(value: str | list[str]) -> tuple[str, ...]:
    """A field that takes one id or a list of ids, as a tuple of ids."""
    return (value,) if isinstance(value, str) else tuple(value)


_Record = TypeVar("_Record")


def _records(build: Callable[[Mapping[str, Any], Loc], _Record], values: list[Any], at: Loc) -> tuple[_Record, ...]:
    """The record of every entry of a list, each at its index below ``at`` (the list's place)."""
    return tuple(build(x, at / i) for i, x in enumerate(values))


def _code(enum: str, value: str) -> str:
    """The code of an enum value written as its code or as one of its labels (完了 is ``done``)."""
    return LABEL_CODES[enum].get(value, value)


#: The allowed values of every enumerated field, by ``$defs`` name or ``kind.path``.
ENUMS: dict[str, tuple[str, ...]] = {
    "Cause.category": ("purpose", "roles", "technology", "network", "talent", "funding", "data", "other"),
    "Charter.calendar": ("gregorian", "japanese-era"),
    "Connection.ownership": ("public", "private"),
    "Connection.type": ("fibre", "mobile", "local-5g", "wifi", "lpwa", "bwa", "satellite", "catv", "other"),
    "Decision.outcome": ("go", "hold", "recycle", "stop"),
    "DecisionMaking.method": ("consensus", "majority", "chair"),
    "Facility.disaster_roles": ("designated-shelter", "welfare-shelter", "evacuation-site", "disaster-base"),
    "Facility.type": ("school", "community-centre", "hospital", "clinic", "government-office", "gymnasium", "library", "welfare", "other"),
    "FoundIn.source": ("workshop", "hearing", "survey", "data", "other"),
    "FundingUse.status": ("planned", "applied", "granted", "not-granted", "finished"),
    "Issue.dx_fit": ("yes", "partly", "no", "unknown"),
    "Issue.priority": ("high", "medium", "low"),
    "Issue.status": ("open", "in-progress", "closed"),
    "IssueSource.state": ("not_answered", "evaluating", "accepted", "rejected", "withdrawn", "other"),
    "IssueSource.system": ("decidim",),
    "Layer.type": ("board", "support", "working-group", "community", "other"),
    "Meetings.cadence": ("weekly", "biweekly", "monthly", "quarterly", "other"),
    "Retrospective.format": ("kpt", "gate-review", "failure-analysis", "four-l"),
    "TalentStage.sourcing": ("grow", "share", "combine"),
    "Task.status": ("not-started", "in-progress", "blocked", "done", "cancelled"),
    "Workshop.type": ("issue-discovery", "stakeholder-mapping", "ideation", "prototype-review", "consensus", "hearing", "other"),
    "access": ("open", "consortium", "restricted"),
    "costType": ("initial", "running", "renewal", "saas", "other"),
    "dssRole": ("business-architect", "designer", "data-scientist", "software-engineer", "cybersecurity"),
    "field": ("disaster-prevention", "mobility", "local-industry", "health-medical-care", "agriculture", "fishery", "tourism", "education", "public-services", "other"),
    "language": ("ja", "en"),
    "memberType": ("municipality", "financial-institution", "local-media", "education-research", "telecom-bureau", "ict-business", "local-business", "civic-tech", "resident-group", "prefecture", "other"),
    "processStage": ("momentum", "issue-identification", "business-model", "product-planning", "development", "operation", "ux-operation", "use"),
    "revenuePoint": ("fees", "local-assets", "saas-offering", "advertising", "data", "other"),
    "skillLevel": ("a", "b", "c", "d"),
    "stage": ("planning", "demonstration", "implementation"),
    "talentType": ("x", "d", "xd"),
}

#: The labels (``x-labels``, both languages) a file may hold instead of an enum's code, with
#: the code each stands for; the model keeps codes only.
LABEL_CODES: dict[str, dict[str, str]] = {
    "Cause.category": {"目的の不一致": "purpose", "Purpose": "purpose", "役割分担": "roles", "Roles": "roles", "技術": "technology", "Technology": "technology", "通信環境": "network", "Network": "network", "人材": "talent", "Talent": "talent", "費用・事業性": "funding", "Funding": "funding", "データ": "data", "Data": "data", "その他": "other", "Other": "other"},
    "Charter.calendar": {"西暦": "gregorian", "Gregorian": "gregorian", "和暦": "japanese-era", "Japanese era": "japanese-era"},
    "Connection.ownership": {"公設": "public", "Public": "public", "民設": "private", "Private": "private"},
    "Connection.type": {"光回線": "fibre", "Fibre": "fibre", "携帯電話網（4G・5G）": "mobile", "Mobile network (4G/5G)": "mobile", "ローカル5G": "local-5g", "Local 5G": "local-5g", "Wi-Fi": "wifi", "LPWA": "lpwa", "地域BWA": "bwa", "Regional BWA": "bwa", "衛星インターネット": "satellite", "Satellite internet": "satellite", "CATV網": "catv", "Cable TV network": "catv", "その他": "other", "Other": "other"},
    "Decision.outcome": {"進む": "go", "保留": "hold", "やり直し": "recycle", "中止": "stop"},
    "DecisionMaking.method": {"合意": "consensus", "Consensus": "consensus", "多数決": "majority", "Majority vote": "majority", "座長一任": "chair", "The chair decides": "chair"},
    "Facility.disaster_roles": {"指定避難所": "designated-shelter", "Designated shelter": "designated-shelter", "福祉避難所": "welfare-shelter", "Welfare shelter": "welfare-shelter", "指定緊急避難場所": "evacuation-site", "Emergency evacuation site": "evacuation-site", "防災拠点": "disaster-base", "Disaster response base": "disaster-base"},
    "Facility.type": {"学校": "school", "School": "school", "公民館": "community-centre", "Community centre": "community-centre", "病院": "hospital", "Hospital": "hospital", "診療所": "clinic", "Clinic": "clinic", "庁舎": "government-office", "Government office": "government-office", "体育館": "gymnasium", "Gymnasium": "gymnasium", "図書館": "library", "Library": "library", "福祉施設": "welfare", "Welfare facility": "welfare", "その他": "other", "Other": "other"},
    "FoundIn.source": {"ワークショップ": "workshop", "Workshop": "workshop", "ヒアリング": "hearing", "Hearing": "hearing", "アンケート": "survey", "Survey": "survey", "データ分析": "data", "Data analysis": "data", "その他": "other", "Other": "other"},
    "FundingUse.status": {"予定": "planned", "Planned": "planned", "申請済み": "applied", "Applied": "applied", "採択・決定": "granted", "Granted": "granted", "不採択": "not-granted", "Not granted": "not-granted", "終了": "finished", "Finished": "finished"},
    "Issue.dx_fit": {"解決できる": "yes", "Yes": "yes", "一部": "partly", "Partly": "partly", "できない": "no", "No": "no", "未検討": "unknown", "Not yet considered": "unknown"},
    "Issue.priority": {"高": "high", "中": "medium", "低": "low"},
    "Issue.status": {"未着手": "open", "Open": "open", "取組中": "in-progress", "In progress": "in-progress", "解決・終了": "closed", "Closed": "closed"},
    "IssueSource.state": {"未回答": "not_answered", "Not answered": "not_answered", "検討中": "evaluating", "Evaluating": "evaluating", "採用": "accepted", "Accepted": "accepted", "不採用": "rejected", "Rejected": "rejected", "取り下げ": "withdrawn", "Withdrawn": "withdrawn", "その他": "other", "Other": "other"},
    "IssueSource.system": {"Decidim": "decidim"},
    "Layer.type": {"意思決定": "board", "Decision-making board": "board", "事業化の支援": "support", "Business-building support": "support", "ワーキンググループ": "working-group", "Working group": "working-group", "共創コミュニティ": "community", "Co-creation community": "community", "その他": "other", "Other": "other"},
    "Meetings.cadence": {"毎週": "weekly", "Weekly": "weekly", "隔週": "biweekly", "Every two weeks": "biweekly", "毎月": "monthly", "Monthly": "monthly", "四半期ごと": "quarterly", "Quarterly": "quarterly", "その他": "other", "Other": "other"},
    "Retrospective.format": {"KPT": "kpt", "ゲート審査": "gate-review", "Gate review": "gate-review", "失敗分析": "failure-analysis", "Failure analysis": "failure-analysis", "4L": "four-l"},
    "TalentStage.sourcing": {"地域で育成": "grow", "Grow locally": "grow", "共有・外部人材": "share", "Share or bring in": "share", "育成と外部人材の組み合わせ": "combine", "Grow locally, with outside help": "combine"},
    "Task.status": {"未着手": "not-started", "not started": "not-started", "進行中": "in-progress", "in progress": "in-progress", "停滞": "blocked", "完了": "done", "中止": "cancelled"},
    "Workshop.type": {"課題発見": "issue-discovery", "Issue discovery": "issue-discovery", "関係者マップ・キーパーソン探し": "stakeholder-mapping", "Stakeholder map and key-person search": "stakeholder-mapping", "アイデア出し": "ideation", "Ideation": "ideation", "試作の検証": "prototype-review", "Prototype review": "prototype-review", "合意形成": "consensus", "Reaching agreement": "consensus", "ヒアリング": "hearing", "Hearing": "hearing", "その他": "other", "Other": "other"},
    "access": {"オープンデータ": "open", "Open data": "open", "推進体制の中で共有": "consortium", "Shared within the consortium": "consortium", "限られた団体のみ": "restricted", "Restricted": "restricted"},
    "costType": {"整備費": "initial", "Set-up": "initial", "運営費": "running", "Running cost": "running", "更新費": "renewal", "Renewal": "renewal", "SaaS利用料": "saas", "SaaS fee": "saas", "その他の費用": "other", "Other cost": "other"},
    "dssRole": {"ビジネスアーキテクト": "business-architect", "Business architect": "business-architect", "デザイナー": "designer", "Designer": "designer", "データサイエンティスト": "data-scientist", "Data scientist": "data-scientist", "ソフトウェアエンジニア": "software-engineer", "Software engineer": "software-engineer", "サイバーセキュリティ": "cybersecurity", "Cyber security": "cybersecurity"},
    "field": {"防災": "disaster-prevention", "Disaster prevention": "disaster-prevention", "モビリティ": "mobility", "Mobility": "mobility", "地場産業": "local-industry", "Local industry": "local-industry", "健康・医療・介護": "health-medical-care", "Health, medical and care": "health-medical-care", "農業": "agriculture", "Agriculture": "agriculture", "漁業": "fishery", "Fishery": "fishery", "観光": "tourism", "Tourism": "tourism", "教育": "education", "Education": "education", "行政・公共サービス": "public-services", "Public services": "public-services", "その他": "other", "Other": "other"},
    "language": {"日本語": "ja", "Japanese": "ja", "英語": "en", "English": "en"},
    "memberType": {"自治体": "municipality", "Municipality": "municipality", "地域金融機関": "financial-institution", "Regional financial institutions": "financial-institution", "地域メディア": "local-media", "Local media": "local-media", "教育・研究機関": "education-research", "Education and research": "education-research", "総合通信局": "telecom-bureau", "Regional telecommunications bureau": "telecom-bureau", "地域のICT事業者": "ict-business", "Local ICT businesses": "ict-business", "地域の事業者": "local-business", "Local businesses": "local-business", "シビックテック": "civic-tech", "Civic tech": "civic-tech", "住民・住民団体": "resident-group", "Residents": "resident-group", "都道府県": "prefecture", "Prefecture": "prefecture", "その他": "other", "Other": "other"},
    "processStage": {"機運醸成": "momentum", "Building momentum": "momentum", "課題特定": "issue-identification", "Identifying the issue": "issue-identification", "ビジネスモデル企画": "business-model", "Planning the business model": "business-model", "プロダクト企画": "product-planning", "Planning the product": "product-planning", "開発": "development", "Development": "development", "運用・メンテナンス": "operation", "Operation and maintenance": "operation", "UXオペレーション": "ux-operation", "UX operation": "ux-operation", "利用": "use", "Use": "use"},
    "revenuePoint": {"利用料": "fees", "User fees": "fees", "地域資産の活用": "local-assets", "Local assets": "local-assets", "他地域へのSaaS提供": "saas-offering", "SaaS for other regions": "saas-offering", "広告": "advertising", "Advertising": "advertising", "データの活用": "data", "Data": "data", "その他の収入": "other", "Other revenue": "other"},
    "skillLevel": {"a（高い実践力と専門性）": "a", "a (strong practice and expertise)": "a", "b（一定の実践力と専門性）": "b", "b (some practice and expertise)": "b", "c（説明できる程度の理解）": "c", "c (understands it well enough to explain)": "c", "d（位置づけや関連の理解）": "d", "d (knows where it fits)": "d"},
    "stage": {"計画策定": "planning", "社会実証": "demonstration", "実装・展開": "implementation"},
    "talentType": {"X人材": "x", "X talent": "x", "D人材": "d", "D talent": "d", "X人材とD人材の両方": "xd", "Both X and D": "xd"},
}


class ComprehensivePlan(Record):
    """総合計画との関係 / Comprehensive plan."""

    __slots__ = ("at", "section", "title")
    FIELDS = ("title", "section")

    at: Final[Loc]
    title: Final[str]
    section: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        title: str,
        section: str | None = None,
    ) -> None:
        self.at = at
        self.title = title
        self.section = section

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> ComprehensivePlan:
        return cls(
            at=at,
            title=data["title"],
            section=data.get("section"),
        )


class Vision(Record):
    """ビジョン / Vision."""

    __slots__ = ("at", "comprehensive_plan", "statement")
    FIELDS = ("statement", "comprehensive_plan")

    at: Final[Loc]
    statement: Final[str]
    comprehensive_plan: Final[ComprehensivePlan | None]

    def __init__(
        self,
        *,
        at: Loc,
        statement: str,
        comprehensive_plan: ComprehensivePlan | None = None,
    ) -> None:
        self.at = at
        self.statement = statement
        self.comprehensive_plan = comprehensive_plan

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Vision:
        return cls(
            at=at,
            statement=data["statement"],
            comprehensive_plan=ComprehensivePlan.from_data(data["comprehensive_plan"], at / "comprehensive_plan") if "comprehensive_plan" in data else None,
        )


class Deputy(Record):
    """代理 / Deputy."""

    __slots__ = ("at", "member", "name", "post")
    FIELDS = ("name", "member", "post")

    at: Final[Loc]
    name: Final[str]
    member: Final[str]
    post: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        name: str,
        member: str,
        post: str | None = None,
    ) -> None:
        self.at = at
        self.name = name
        self.member = member
        self.post = post

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Deputy:
        return cls(
            at=at,
            name=data["name"],
            member=data["member"],
            post=data.get("post"),
        )


class KeyPerson(Record):
    """KeyPerson."""

    __slots__ = ("at", "deputy", "member", "name", "role", "rotation_expected")
    FIELDS = ("name", "member", "role", "deputy", "rotation_expected")

    at: Final[Loc]
    name: Final[str]
    member: Final[str]
    role: Final[str]
    deputy: Final[Deputy | None]
    rotation_expected: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        name: str,
        member: str,
        role: str,
        deputy: Deputy | None = None,
        rotation_expected: str | None = None,
    ) -> None:
        self.at = at
        self.name = name
        self.member = member
        self.role = role
        self.deputy = deputy
        self.rotation_expected = rotation_expected

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> KeyPerson:
        return cls(
            at=at,
            name=data["name"],
            member=data["member"],
            role=data["role"],
            deputy=Deputy.from_data(data["deputy"], at / "deputy") if "deputy" in data else None,
            rotation_expected=data.get("rotation_expected"),
        )


class DecisionMaking(Record):
    """意思決定 / Decision making."""

    __slots__ = ("at", "escalation", "method", "quorum")
    FIELDS = ("method", "quorum", "escalation")

    at: Final[Loc]
    method: Final[str]
    quorum: Final[str | None]
    escalation: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        method: str,
        quorum: str | None = None,
        escalation: str | None = None,
    ) -> None:
        self.at = at
        self.method = method
        self.quorum = quorum
        self.escalation = escalation

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> DecisionMaking:
        return cls(
            at=at,
            method=_code("DecisionMaking.method", data["method"]),
            quorum=data.get("quorum"),
            escalation=data.get("escalation"),
        )


class Layer(Record):
    """Layer."""

    __slots__ = ("at", "id", "members", "name", "purpose", "type")
    FIELDS = ("id", "name", "members", "type", "purpose")

    at: Final[Loc]
    id: Final[str]
    name: Final[str]
    members: Final[tuple[str, ...]]
    type: Final[str | None]
    purpose: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        id: str,
        name: str,
        members: tuple[str, ...],
        type: str | None = None,
        purpose: str | None = None,
    ) -> None:
        self.at = at
        self.id = id
        self.name = name
        self.members = members
        self.type = type
        self.purpose = purpose

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Layer:
        return cls(
            at=at,
            id=data["id"],
            name=data["name"],
            members=tuple(data["members"]),
            type=_code("Layer.type", data["type"]) if "type" in data else None,
            purpose=data.get("purpose"),
        )


class Meetings(Record):
    """会議 / Meetings."""

    __slots__ = ("at", "cadence", "format")
    FIELDS = ("cadence", "format")

    at: Final[Loc]
    cadence: Final[str]
    format: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        cadence: str,
        format: str | None = None,
    ) -> None:
        self.at = at
        self.cadence = cadence
        self.format = format

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Meetings:
        return cls(
            at=at,
            cadence=_code("Meetings.cadence", data["cadence"]),
            format=data.get("format"),
        )


class DataPolicy(Record):
    """データの方針 / Data policy."""

    __slots__ = ("advisory_check", "at", "handling", "individual_control", "personal_data")
    FIELDS = ("personal_data", "handling", "advisory_check", "individual_control")

    at: Final[Loc]
    personal_data: Final[bool]
    handling: Final[str]
    advisory_check: Final[str | None]
    individual_control: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        personal_data: bool,
        handling: str,
        advisory_check: str | None = None,
        individual_control: str | None = None,
    ) -> None:
        self.at = at
        self.personal_data = personal_data
        self.handling = handling
        self.advisory_check = advisory_check
        self.individual_control = individual_control

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> DataPolicy:
        return cls(
            at=at,
            personal_data=data["personal_data"],
            handling=data["handling"],
            advisory_check=data.get("advisory_check"),
            individual_control=data.get("individual_control"),
        )


class Continuity(Record):
    """継続性 / Continuity."""

    __slots__ = ("at", "member_withdrawal", "staff_rotation")
    FIELDS = ("member_withdrawal", "staff_rotation")

    at: Final[Loc]
    member_withdrawal: Final[str]
    staff_rotation: Final[str]

    def __init__(
        self,
        *,
        at: Loc,
        member_withdrawal: str,
        staff_rotation: str,
    ) -> None:
        self.at = at
        self.member_withdrawal = member_withdrawal
        self.staff_rotation = staff_rotation

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Continuity:
        return cls(
            at=at,
            member_withdrawal=data["member_withdrawal"],
            staff_rotation=data["staff_rotation"],
        )


class TalentStage(Record):
    """TalentStage."""

    __slots__ = ("at", "leads", "note", "sourcing", "stage", "talent")
    FIELDS = ("stage", "talent", "sourcing", "leads", "note")

    at: Final[Loc]
    stage: Final[str]
    talent: Final[str]
    sourcing: Final[str]
    leads: Final[tuple[str, ...]]
    note: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        stage: str,
        talent: str,
        sourcing: str,
        leads: tuple[str, ...] = (),
        note: str | None = None,
    ) -> None:
        self.at = at
        self.stage = stage
        self.talent = talent
        self.sourcing = sourcing
        self.leads = leads
        self.note = note

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> TalentStage:
        return cls(
            at=at,
            stage=_code("processStage", data["stage"]),
            talent=_code("talentType", data["talent"]),
            sourcing=_code("TalentStage.sourcing", data["sourcing"]),
            leads=tuple(data["leads"]) if "leads" in data else (),
            note=data.get("note"),
        )


class Sharing(Record):
    """地域間の共有 / Inter-regional sharing."""

    __slots__ = ("at", "inter_regional", "publish_failures", "publish_lessons", "publish_names")
    FIELDS = ("inter_regional", "publish_lessons", "publish_names", "publish_failures")

    at: Final[Loc]
    inter_regional: Final[str]
    publish_lessons: Final[bool | None]
    publish_names: Final[bool | None]
    publish_failures: Final[bool | None]

    def __init__(
        self,
        *,
        at: Loc,
        inter_regional: str,
        publish_lessons: bool | None = None,
        publish_names: bool | None = None,
        publish_failures: bool | None = None,
    ) -> None:
        self.at = at
        self.inter_regional = inter_regional
        self.publish_lessons = publish_lessons
        self.publish_names = publish_names
        self.publish_failures = publish_failures

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Sharing:
        return cls(
            at=at,
            inter_regional=data["inter_regional"],
            publish_lessons=data.get("publish_lessons"),
            publish_names=data.get("publish_names"),
            publish_failures=data.get("publish_failures"),
        )


class FundingUse(Record):
    """活用する制度 / Scheme in use."""

    __slots__ = ("amount", "application_due", "at", "fiscal_year", "name", "owner", "purpose", "report_due", "reported", "scheme", "status")
    FIELDS = ("scheme", "status", "name", "fiscal_year", "amount", "purpose", "owner", "application_due", "report_due", "reported")

    at: Final[Loc]
    scheme: Final[str]
    status: Final[str]
    name: Final[str | None]
    fiscal_year: Final[int | None]
    amount: Final[int | None]
    purpose: Final[str | None]
    owner: Final[str | None]
    application_due: Final[dt.date | None]
    report_due: Final[dt.date | None]
    reported: Final[dt.date | None]

    def __init__(
        self,
        *,
        at: Loc,
        scheme: str,
        status: str,
        name: str | None = None,
        fiscal_year: int | None = None,
        amount: int | None = None,
        purpose: str | None = None,
        owner: str | None = None,
        application_due: dt.date | None = None,
        report_due: dt.date | None = None,
        reported: dt.date | None = None,
    ) -> None:
        self.at = at
        self.scheme = scheme
        self.status = status
        self.name = name
        self.fiscal_year = fiscal_year
        self.amount = amount
        self.purpose = purpose
        self.owner = owner
        self.application_due = application_due
        self.report_due = report_due
        self.reported = reported

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> FundingUse:
        return cls(
            at=at,
            scheme=data["scheme"],
            status=_code("FundingUse.status", data["status"]),
            name=data.get("name"),
            fiscal_year=data.get("fiscal_year"),
            amount=data.get("amount"),
            purpose=data.get("purpose"),
            owner=data.get("owner"),
            application_due=dt.date.fromisoformat(data["application_due"]) if "application_due" in data else None,
            report_due=dt.date.fromisoformat(data["report_due"]) if "report_due" in data else None,
            reported=dt.date.fromisoformat(data["reported"]) if "reported" in data else None,
        )


class PublishedNames(Record):
    """サイトに載せる氏名 / Names on the site."""

    __slots__ = ("at", "key_persons", "member_contacts", "workshop_facilitation")
    FIELDS = ("key_persons", "member_contacts", "workshop_facilitation")

    at: Final[Loc]
    key_persons: Final[bool | None]
    member_contacts: Final[bool | None]
    workshop_facilitation: Final[bool | None]

    def __init__(
        self,
        *,
        at: Loc,
        key_persons: bool | None = None,
        member_contacts: bool | None = None,
        workshop_facilitation: bool | None = None,
    ) -> None:
        self.at = at
        self.key_persons = key_persons
        self.member_contacts = member_contacts
        self.workshop_facilitation = workshop_facilitation

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> PublishedNames:
        return cls(
            at=at,
            key_persons=data.get("key_persons"),
            member_contacts=data.get("member_contacts"),
            workshop_facilitation=data.get("workshop_facilitation"),
        )


class SiteSettings(Record):
    """サイト / Site."""

    __slots__ = ("at", "bilingual_labels", "people", "url")
    FIELDS = ("url", "bilingual_labels", "people")

    at: Final[Loc]
    url: Final[str | None]
    bilingual_labels: Final[bool | None]
    people: Final[PublishedNames | None]

    def __init__(
        self,
        *,
        at: Loc,
        url: str | None = None,
        bilingual_labels: bool | None = None,
        people: PublishedNames | None = None,
    ) -> None:
        self.at = at
        self.url = url
        self.bilingual_labels = bilingual_labels
        self.people = people

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> SiteSettings:
        return cls(
            at=at,
            url=data.get("url"),
            bilingual_labels=data.get("bilingual_labels"),
            people=PublishedNames.from_data(data["people"], at / "people") if "people" in data else None,
        )


class CheckConfig(Record):
    """dxkit の設定 / dxkit settings."""

    __slots__ = ("at", "ignore", "select")
    FIELDS = ("select", "ignore")

    at: Final[Loc]
    select: Final[tuple[str, ...]]
    ignore: Final[tuple[str, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
    ) -> None:
        self.at = at
        self.select = select
        self.ignore = ignore

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> CheckConfig:
        return cls(
            at=at,
            select=tuple(data["select"]) if "select" in data else (),
            ignore=tuple(data["ignore"]) if "ignore" in data else (),
        )


class Charter(Record):
    """推進体制の規約 / Consortium charter."""

    __slots__ = ("at", "calendar", "config", "continuity", "data_policy", "decision_making", "funding", "key_persons", "language", "layers", "meetings", "municipality", "name", "purpose", "scope", "sharing", "site", "stage", "talent_plan", "vision")
    FIELDS = ("name", "municipality", "purpose", "scope", "key_persons", "stage", "language", "calendar", "vision", "decision_making", "layers", "meetings", "data_policy", "continuity", "talent_plan", "sharing", "funding", "site", "config")

    at: Final[Loc]
    name: Final[str]
    municipality: Final[str]
    purpose: Final[str]
    scope: Final[tuple[str, ...]]
    key_persons: Final[tuple[KeyPerson, ...]]
    stage: Final[str]
    language: Final[str | None]
    calendar: Final[str | None]
    vision: Final[Vision | None]
    decision_making: Final[DecisionMaking | None]
    layers: Final[tuple[Layer, ...]]
    meetings: Final[Meetings | None]
    data_policy: Final[DataPolicy | None]
    continuity: Final[Continuity | None]
    talent_plan: Final[tuple[TalentStage, ...]]
    sharing: Final[Sharing | None]
    funding: Final[tuple[FundingUse, ...]]
    site: Final[SiteSettings | None]
    config: Final[CheckConfig | None]

    def __init__(
        self,
        *,
        at: Loc,
        name: str,
        municipality: str,
        purpose: str,
        scope: tuple[str, ...],
        key_persons: tuple[KeyPerson, ...],
        stage: str,
        language: str | None = None,
        calendar: str | None = None,
        vision: Vision | None = None,
        decision_making: DecisionMaking | None = None,
        layers: tuple[Layer, ...] = (),
        meetings: Meetings | None = None,
        data_policy: DataPolicy | None = None,
        continuity: Continuity | None = None,
        talent_plan: tuple[TalentStage, ...] = (),
        sharing: Sharing | None = None,
        funding: tuple[FundingUse, ...] = (),
        site: SiteSettings | None = None,
        config: CheckConfig | None = None,
    ) -> None:
        self.at = at
        self.name = name
        self.municipality = municipality
        self.purpose = purpose
        self.scope = scope
        self.key_persons = key_persons
        self.stage = stage
        self.language = language
        self.calendar = calendar
        self.vision = vision
        self.decision_making = decision_making
        self.layers = layers
        self.meetings = meetings
        self.data_policy = data_policy
        self.continuity = continuity
        self.talent_plan = talent_plan
        self.sharing = sharing
        self.funding = funding
        self.site = site
        self.config = config

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Charter:
        return cls(
            at=at,
            name=data["name"],
            municipality=data["municipality"],
            purpose=data["purpose"],
            scope=tuple(_code("field", x) for x in data["scope"]),
            key_persons=_records(KeyPerson.from_data, data["key_persons"], at / "key_persons"),
            stage=_code("stage", data["stage"]),
            language=_code("language", data["language"]) if "language" in data else None,
            calendar=_code("Charter.calendar", data["calendar"]) if "calendar" in data else None,
            vision=Vision.from_data(data["vision"], at / "vision") if "vision" in data else None,
            decision_making=DecisionMaking.from_data(data["decision_making"], at / "decision_making") if "decision_making" in data else None,
            layers=_records(Layer.from_data, data["layers"], at / "layers") if "layers" in data else (),
            meetings=Meetings.from_data(data["meetings"], at / "meetings") if "meetings" in data else None,
            data_policy=DataPolicy.from_data(data["data_policy"], at / "data_policy") if "data_policy" in data else None,
            continuity=Continuity.from_data(data["continuity"], at / "continuity") if "continuity" in data else None,
            talent_plan=_records(TalentStage.from_data, data["talent_plan"], at / "talent_plan") if "talent_plan" in data else (),
            sharing=Sharing.from_data(data["sharing"], at / "sharing") if "sharing" in data else None,
            funding=_records(FundingUse.from_data, data["funding"], at / "funding") if "funding" in data else (),
            site=SiteSettings.from_data(data["site"], at / "site") if "site" in data else None,
            config=CheckConfig.from_data(data["config"], at / "config") if "config" in data else None,
        )


class SkillLevels(Record):
    """スキルのレベル / Skill levels."""

    __slots__ = ("at", "business", "data", "personal", "security", "technology")
    FIELDS = ("business", "data", "technology", "security", "personal")

    at: Final[Loc]
    business: Final[str | None]
    data: Final[str | None]
    technology: Final[str | None]
    security: Final[str | None]
    personal: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        business: str | None = None,
        data: str | None = None,
        technology: str | None = None,
        security: str | None = None,
        personal: str | None = None,
    ) -> None:
        self.at = at
        self.business = business
        self.data = data
        self.technology = technology
        self.security = security
        self.personal = personal

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> SkillLevels:
        return cls(
            at=at,
            business=_code("skillLevel", data["business"]) if "business" in data else None,
            data=_code("skillLevel", data["data"]) if "data" in data else None,
            technology=_code("skillLevel", data["technology"]) if "technology" in data else None,
            security=_code("skillLevel", data["security"]) if "security" in data else None,
            personal=_code("skillLevel", data["personal"]) if "personal" in data else None,
        )


class Person(Record):
    """Person."""

    __slots__ = ("at", "dss_role", "name", "post", "rotation_expected", "skills", "talent")
    FIELDS = ("name", "post", "rotation_expected", "talent", "dss_role", "skills")

    at: Final[Loc]
    name: Final[str]
    post: Final[str | None]
    rotation_expected: Final[str | None]
    talent: Final[str | None]
    dss_role: Final[str | None]
    skills: Final[SkillLevels | None]

    def __init__(
        self,
        *,
        at: Loc,
        name: str,
        post: str | None = None,
        rotation_expected: str | None = None,
        talent: str | None = None,
        dss_role: str | None = None,
        skills: SkillLevels | None = None,
    ) -> None:
        self.at = at
        self.name = name
        self.post = post
        self.rotation_expected = rotation_expected
        self.talent = talent
        self.dss_role = dss_role
        self.skills = skills

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Person:
        return cls(
            at=at,
            name=data["name"],
            post=data.get("post"),
            rotation_expected=data.get("rotation_expected"),
            talent=_code("talentType", data["talent"]) if "talent" in data else None,
            dss_role=_code("dssRole", data["dss_role"]) if "dss_role" in data else None,
            skills=SkillLevels.from_data(data["skills"], at / "skills") if "skills" in data else None,
        )


class Relation(Record):
    """Relation."""

    __slots__ = ("at", "kind", "with_")
    FIELDS = ("with_", "kind")

    at: Final[Loc]
    with_: Final[str]
    kind: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        with_: str,
        kind: str | None = None,
    ) -> None:
        self.at = at
        self.with_ = with_
        self.kind = kind

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Relation:
        return cls(
            at=at,
            with_=data["with"],
            kind=data.get("kind"),
        )


class Member(Record):
    """Member."""

    __slots__ = ("at", "contributes", "corporate_number", "id", "joined", "local_government_code", "name", "people", "relations", "type")
    FIELDS = ("id", "name", "type", "corporate_number", "local_government_code", "contributes", "people", "relations", "joined")

    at: Final[Loc]
    id: Final[str]
    name: Final[str]
    type: Final[str]
    corporate_number: Final[str | None]
    local_government_code: Final[str | None]
    contributes: Final[tuple[str, ...]]
    people: Final[tuple[Person, ...]]
    relations: Final[tuple[Relation, ...]]
    joined: Final[dt.date | None]

    def __init__(
        self,
        *,
        at: Loc,
        id: str,
        name: str,
        type: str,
        corporate_number: str | None = None,
        local_government_code: str | None = None,
        contributes: tuple[str, ...] = (),
        people: tuple[Person, ...] = (),
        relations: tuple[Relation, ...] = (),
        joined: dt.date | None = None,
    ) -> None:
        self.at = at
        self.id = id
        self.name = name
        self.type = type
        self.corporate_number = corporate_number
        self.local_government_code = local_government_code
        self.contributes = contributes
        self.people = people
        self.relations = relations
        self.joined = joined

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Member:
        return cls(
            at=at,
            id=data["id"],
            name=data["name"],
            type=_code("memberType", data["type"]),
            corporate_number=data.get("corporate_number"),
            local_government_code=data.get("local_government_code"),
            contributes=tuple(data["contributes"]) if "contributes" in data else (),
            people=_records(Person.from_data, data["people"], at / "people") if "people" in data else (),
            relations=_records(Relation.from_data, data["relations"], at / "relations") if "relations" in data else (),
            joined=dt.date.fromisoformat(data["joined"]) if "joined" in data else None,
        )


class MembersFile(Record):
    """メンバー / Members."""

    __slots__ = ("at", "members")
    FIELDS = ("members",)

    at: Final[Loc]
    members: Final[tuple[Member, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        members: tuple[Member, ...],
    ) -> None:
        self.at = at
        self.members = members

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> MembersFile:
        return cls(
            at=at,
            members=_records(Member.from_data, data["members"], at / "members"),
        )


class Indicator(Record):
    """指標 / Indicator."""

    __slots__ = ("at", "example", "measure", "name", "target")
    FIELDS = ("name", "target", "measure", "example")

    at: Final[Loc]
    name: Final[str]
    target: Final[str | None]
    measure: Final[str | None]
    example: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        name: str,
        target: str | None = None,
        measure: str | None = None,
        example: str | None = None,
    ) -> None:
        self.at = at
        self.name = name
        self.target = target
        self.measure = measure
        self.example = example

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Indicator:
        return cls(
            at=at,
            name=data["name"],
            target=data.get("target"),
            measure=data.get("measure"),
            example=data.get("example"),
        )


class Delay(Record):
    """遅延の説明 / Delay."""

    __slots__ = ("at", "new_due", "reason", "recovery_plan")
    FIELDS = ("reason", "recovery_plan", "new_due")

    at: Final[Loc]
    reason: Final[str | None]
    recovery_plan: Final[str | None]
    new_due: Final[dt.date | None]

    def __init__(
        self,
        *,
        at: Loc,
        reason: str | None = None,
        recovery_plan: str | None = None,
        new_due: dt.date | None = None,
    ) -> None:
        self.at = at
        self.reason = reason
        self.recovery_plan = recovery_plan
        self.new_due = new_due

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Delay:
        return cls(
            at=at,
            reason=data.get("reason"),
            recovery_plan=data.get("recovery_plan"),
            new_due=dt.date.fromisoformat(data["new_due"]) if "new_due" in data else None,
        )


class Task(Record):
    """Task."""

    __slots__ = ("accountable", "at", "consulted", "datasets", "delay", "done_criteria", "due", "id", "indicator", "informed", "responsible", "stage", "start", "status", "title")
    FIELDS = ("id", "title", "stage", "responsible", "accountable", "due", "status", "consulted", "informed", "start", "done_criteria", "indicator", "datasets", "delay")

    at: Final[Loc]
    id: Final[str]
    title: Final[str]
    stage: Final[str]
    responsible: Final[tuple[str, ...]]
    accountable: Final[tuple[str, ...]]
    due: Final[dt.date]
    status: Final[str]
    consulted: Final[tuple[str, ...]]
    informed: Final[tuple[str, ...]]
    start: Final[dt.date | None]
    done_criteria: Final[str | None]
    indicator: Final[Indicator | None]
    datasets: Final[tuple[str, ...]]
    delay: Final[Delay | None]

    def __init__(
        self,
        *,
        at: Loc,
        id: str,
        title: str,
        stage: str,
        responsible: tuple[str, ...],
        accountable: tuple[str, ...],
        due: dt.date,
        status: str,
        consulted: tuple[str, ...] = (),
        informed: tuple[str, ...] = (),
        start: dt.date | None = None,
        done_criteria: str | None = None,
        indicator: Indicator | None = None,
        datasets: tuple[str, ...] = (),
        delay: Delay | None = None,
    ) -> None:
        self.at = at
        self.id = id
        self.title = title
        self.stage = stage
        self.responsible = responsible
        self.accountable = accountable
        self.due = due
        self.status = status
        self.consulted = consulted
        self.informed = informed
        self.start = start
        self.done_criteria = done_criteria
        self.indicator = indicator
        self.datasets = datasets
        self.delay = delay

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Task:
        return cls(
            at=at,
            id=data["id"],
            title=data["title"],
            stage=_code("stage", data["stage"]),
            responsible=tuple(data["responsible"]),
            accountable=_one_or_many(data["accountable"]),
            due=dt.date.fromisoformat(data["due"]),
            status=_code("Task.status", data["status"]),
            consulted=tuple(data["consulted"]) if "consulted" in data else (),
            informed=tuple(data["informed"]) if "informed" in data else (),
            start=dt.date.fromisoformat(data["start"]) if "start" in data else None,
            done_criteria=data.get("done_criteria"),
            indicator=Indicator.from_data(data["indicator"], at / "indicator") if "indicator" in data else None,
            datasets=tuple(data["datasets"]) if "datasets" in data else (),
            delay=Delay.from_data(data["delay"], at / "delay") if "delay" in data else None,
        )


class RolesFile(Record):
    """役割・期限表 / Role & deadline matrix."""

    __slots__ = ("at", "tasks")
    FIELDS = ("tasks",)

    at: Final[Loc]
    tasks: Final[tuple[Task, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        tasks: tuple[Task, ...],
    ) -> None:
        self.at = at
        self.tasks = tasks

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> RolesFile:
        return cls(
            at=at,
            tasks=_records(Task.from_data, data["tasks"], at / "tasks"),
        )


class Criterion(Record):
    """Criterion."""

    __slots__ = ("at", "evidence", "id", "met", "text")
    FIELDS = ("id", "text", "evidence", "met")

    at: Final[Loc]
    id: Final[str]
    text: Final[str]
    evidence: Final[tuple[str, ...]]
    met: Final[bool | None]

    def __init__(
        self,
        *,
        at: Loc,
        id: str,
        text: str,
        evidence: tuple[str, ...] = (),
        met: bool | None = None,
    ) -> None:
        self.at = at
        self.id = id
        self.text = text
        self.evidence = evidence
        self.met = met

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Criterion:
        return cls(
            at=at,
            id=data["id"],
            text=data["text"],
            evidence=tuple(data["evidence"]) if "evidence" in data else (),
            met=data.get("met"),
        )


class Criteria(Record):
    """基準 / Criteria."""

    __slots__ = ("at", "desirability", "feasibility", "viability")
    FIELDS = ("desirability", "feasibility", "viability")

    at: Final[Loc]
    desirability: Final[tuple[Criterion, ...]]
    feasibility: Final[tuple[Criterion, ...]]
    viability: Final[tuple[Criterion, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        desirability: tuple[Criterion, ...],
        feasibility: tuple[Criterion, ...],
        viability: tuple[Criterion, ...],
    ) -> None:
        self.at = at
        self.desirability = desirability
        self.feasibility = feasibility
        self.viability = viability

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Criteria:
        return cls(
            at=at,
            desirability=_records(Criterion.from_data, data["desirability"], at / "desirability"),
            feasibility=_records(Criterion.from_data, data["feasibility"], at / "feasibility"),
            viability=_records(Criterion.from_data, data["viability"], at / "viability"),
        )


class Decision(Record):
    """判断 / Decision."""

    __slots__ = ("at", "date", "decided_by", "notes", "outcome")
    FIELDS = ("outcome", "date", "decided_by", "notes")

    at: Final[Loc]
    outcome: Final[str]
    date: Final[dt.date]
    decided_by: Final[tuple[str, ...]]
    notes: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        outcome: str,
        date: dt.date,
        decided_by: tuple[str, ...],
        notes: str | None = None,
    ) -> None:
        self.at = at
        self.outcome = outcome
        self.date = date
        self.decided_by = decided_by
        self.notes = notes

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Decision:
        return cls(
            at=at,
            outcome=_code("Decision.outcome", data["outcome"]),
            date=dt.date.fromisoformat(data["date"]),
            decided_by=tuple(data["decided_by"]),
            notes=data.get("notes"),
        )


class Gate(Record):
    """Gate."""

    __slots__ = ("at", "criteria", "decision", "from_", "id", "planned", "to")
    FIELDS = ("id", "from_", "to", "criteria", "planned", "decision")

    at: Final[Loc]
    id: Final[str]
    from_: Final[str]
    to: Final[str]
    criteria: Final[Criteria]
    planned: Final[dt.date | None]
    decision: Final[Decision | None]

    def __init__(
        self,
        *,
        at: Loc,
        id: str,
        from_: str,
        to: str,
        criteria: Criteria,
        planned: dt.date | None = None,
        decision: Decision | None = None,
    ) -> None:
        self.at = at
        self.id = id
        self.from_ = from_
        self.to = to
        self.criteria = criteria
        self.planned = planned
        self.decision = decision

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Gate:
        return cls(
            at=at,
            id=data["id"],
            from_=_code("stage", data["from"]),
            to=_code("stage", data["to"]),
            criteria=Criteria.from_data(data["criteria"], at / "criteria"),
            planned=dt.date.fromisoformat(data["planned"]) if "planned" in data else None,
            decision=Decision.from_data(data["decision"], at / "decision") if "decision" in data else None,
        )


class GatesFile(Record):
    """ステージゲート / Stage gates."""

    __slots__ = ("at", "gates")
    FIELDS = ("gates",)

    at: Final[Loc]
    gates: Final[tuple[Gate, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        gates: tuple[Gate, ...],
    ) -> None:
        self.at = at
        self.gates = gates

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> GatesFile:
        return cls(
            at=at,
            gates=_records(Gate.from_data, data["gates"], at / "gates"),
        )


class FoundIn(Record):
    """発見の場 / Found in."""

    __slots__ = ("at", "date", "ref", "source", "votes")
    FIELDS = ("source", "ref", "date", "votes")

    at: Final[Loc]
    source: Final[str]
    ref: Final[str | None]
    date: Final[dt.date | None]
    votes: Final[int | None]

    def __init__(
        self,
        *,
        at: Loc,
        source: str,
        ref: str | None = None,
        date: dt.date | None = None,
        votes: int | None = None,
    ) -> None:
        self.at = at
        self.source = source
        self.ref = ref
        self.date = date
        self.votes = votes

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> FoundIn:
        return cls(
            at=at,
            source=_code("FoundIn.source", data["source"]),
            ref=data.get("ref"),
            date=dt.date.fromisoformat(data["date"]) if "date" in data else None,
            votes=data.get("votes"),
        )


class IssueSource(Record):
    """取り込み元 / Imported from."""

    __slots__ = ("at", "category", "comments", "id", "published_at", "reference", "scope", "state", "supports", "system", "url")
    FIELDS = ("system", "id", "reference", "url", "state", "published_at", "supports", "comments", "category", "scope")

    at: Final[Loc]
    system: Final[str]
    id: Final[int | None]
    reference: Final[str | None]
    url: Final[str | None]
    state: Final[str | None]
    published_at: Final[dt.date | None]
    supports: Final[int | None]
    comments: Final[int | None]
    category: Final[str | None]
    scope: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        system: str,
        id: int | None = None,
        reference: str | None = None,
        url: str | None = None,
        state: str | None = None,
        published_at: dt.date | None = None,
        supports: int | None = None,
        comments: int | None = None,
        category: str | None = None,
        scope: str | None = None,
    ) -> None:
        self.at = at
        self.system = system
        self.id = id
        self.reference = reference
        self.url = url
        self.state = state
        self.published_at = published_at
        self.supports = supports
        self.comments = comments
        self.category = category
        self.scope = scope

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> IssueSource:
        return cls(
            at=at,
            system=_code("IssueSource.system", data["system"]),
            id=data.get("id"),
            reference=data.get("reference"),
            url=data.get("url"),
            state=_code("IssueSource.state", data["state"]) if "state" in data else None,
            published_at=dt.date.fromisoformat(data["published_at"]) if "published_at" in data else None,
            supports=data.get("supports"),
            comments=data.get("comments"),
            category=data.get("category"),
            scope=data.get("scope"),
        )


class Issue(Record):
    """Issue."""

    __slots__ = ("affected", "at", "category", "description", "dx_fit", "evidence", "found_in", "id", "priority", "source", "status", "tasks", "title")
    FIELDS = ("id", "title", "category", "priority", "description", "evidence", "affected", "dx_fit", "found_in", "status", "tasks", "source")

    at: Final[Loc]
    id: Final[str]
    title: Final[str]
    category: Final[str]
    priority: Final[str]
    description: Final[str | None]
    evidence: Final[tuple[str, ...]]
    affected: Final[tuple[str, ...]]
    dx_fit: Final[str | None]
    found_in: Final[FoundIn | None]
    status: Final[str | None]
    tasks: Final[tuple[str, ...]]
    source: Final[IssueSource | None]

    def __init__(
        self,
        *,
        at: Loc,
        id: str,
        title: str,
        category: str,
        priority: str,
        description: str | None = None,
        evidence: tuple[str, ...] = (),
        affected: tuple[str, ...] = (),
        dx_fit: str | None = None,
        found_in: FoundIn | None = None,
        status: str | None = None,
        tasks: tuple[str, ...] = (),
        source: IssueSource | None = None,
    ) -> None:
        self.at = at
        self.id = id
        self.title = title
        self.category = category
        self.priority = priority
        self.description = description
        self.evidence = evidence
        self.affected = affected
        self.dx_fit = dx_fit
        self.found_in = found_in
        self.status = status
        self.tasks = tasks
        self.source = source

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Issue:
        return cls(
            at=at,
            id=data["id"],
            title=data["title"],
            category=_code("field", data["category"]),
            priority=_code("Issue.priority", data["priority"]),
            description=data.get("description"),
            evidence=tuple(data["evidence"]) if "evidence" in data else (),
            affected=tuple(data["affected"]) if "affected" in data else (),
            dx_fit=_code("Issue.dx_fit", data["dx_fit"]) if "dx_fit" in data else None,
            found_in=FoundIn.from_data(data["found_in"], at / "found_in") if "found_in" in data else None,
            status=_code("Issue.status", data["status"]) if "status" in data else None,
            tasks=tuple(data["tasks"]) if "tasks" in data else (),
            source=IssueSource.from_data(data["source"], at / "source") if "source" in data else None,
        )


class IssuesFile(Record):
    """地域課題の一覧 / Regional issue register."""

    __slots__ = ("at", "issues")
    FIELDS = ("issues",)

    at: Final[Loc]
    issues: Final[tuple[Issue, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        issues: tuple[Issue, ...],
    ) -> None:
        self.at = at
        self.issues = issues

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> IssuesFile:
        return cls(
            at=at,
            issues=_records(Issue.from_data, data["issues"], at / "issues"),
        )


class PlanCost(Record):
    """費用の項目 / Cost item."""

    __slots__ = ("amounts", "at", "id", "item", "notes", "type")
    FIELDS = ("id", "item", "type", "amounts", "notes")

    at: Final[Loc]
    id: Final[str]
    item: Final[str]
    type: Final[str]
    amounts: Final[tuple[int, ...]]
    notes: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        id: str,
        item: str,
        type: str,
        amounts: tuple[int, ...],
        notes: str | None = None,
    ) -> None:
        self.at = at
        self.id = id
        self.item = item
        self.type = type
        self.amounts = amounts
        self.notes = notes

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> PlanCost:
        return cls(
            at=at,
            id=data["id"],
            item=data["item"],
            type=_code("costType", data["type"]),
            amounts=tuple(data["amounts"]),
            notes=data.get("notes"),
        )


class PlanRevenue(Record):
    """収入の項目 / Revenue item."""

    __slots__ = ("amounts", "at", "id", "item", "notes", "point")
    FIELDS = ("id", "item", "point", "amounts", "notes")

    at: Final[Loc]
    id: Final[str]
    item: Final[str]
    point: Final[str]
    amounts: Final[tuple[int, ...]]
    notes: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        id: str,
        item: str,
        point: str,
        amounts: tuple[int, ...],
        notes: str | None = None,
    ) -> None:
        self.at = at
        self.id = id
        self.item = item
        self.point = point
        self.amounts = amounts
        self.notes = notes

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> PlanRevenue:
        return cls(
            at=at,
            id=data["id"],
            item=data["item"],
            point=_code("revenuePoint", data["point"]),
            amounts=tuple(data["amounts"]),
            notes=data.get("notes"),
        )


class PlanShare(Record):
    """負担の項目 / Share item."""

    __slots__ = ("amounts", "at", "id", "member", "notes")
    FIELDS = ("id", "member", "amounts", "notes")

    at: Final[Loc]
    id: Final[str]
    member: Final[str]
    amounts: Final[tuple[int, ...]]
    notes: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        id: str,
        member: str,
        amounts: tuple[int, ...],
        notes: str | None = None,
    ) -> None:
        self.at = at
        self.id = id
        self.member = member
        self.amounts = amounts
        self.notes = notes

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> PlanShare:
        return cls(
            at=at,
            id=data["id"],
            member=data["member"],
            amounts=tuple(data["amounts"]),
            notes=data.get("notes"),
        )


class CostPlan(Record):
    """3か年の収支計画 / Three-year cost and revenue plan."""

    __slots__ = ("at", "costs", "first_fiscal_year", "revenues", "shares", "title")
    FIELDS = ("title", "first_fiscal_year", "costs", "revenues", "shares")

    at: Final[Loc]
    title: Final[str]
    first_fiscal_year: Final[int]
    costs: Final[tuple[PlanCost, ...]]
    revenues: Final[tuple[PlanRevenue, ...]]
    shares: Final[tuple[PlanShare, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        title: str,
        first_fiscal_year: int,
        costs: tuple[PlanCost, ...],
        revenues: tuple[PlanRevenue, ...] = (),
        shares: tuple[PlanShare, ...] = (),
    ) -> None:
        self.at = at
        self.title = title
        self.first_fiscal_year = first_fiscal_year
        self.costs = costs
        self.revenues = revenues
        self.shares = shares

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> CostPlan:
        return cls(
            at=at,
            title=data["title"],
            first_fiscal_year=data["first_fiscal_year"],
            costs=_records(PlanCost.from_data, data["costs"], at / "costs"),
            revenues=_records(PlanRevenue.from_data, data["revenues"], at / "revenues") if "revenues" in data else (),
            shares=_records(PlanShare.from_data, data["shares"], at / "shares") if "shares" in data else (),
        )


class Dataset(Record):
    """Dataset."""

    __slots__ = ("access", "at", "description", "holder", "id", "legal_basis", "licence", "personal_data", "purposes", "retention", "title", "updated", "users")
    FIELDS = ("id", "title", "holder", "personal_data", "access", "description", "legal_basis", "purposes", "users", "licence", "retention", "updated")

    at: Final[Loc]
    id: Final[str]
    title: Final[str]
    holder: Final[str]
    personal_data: Final[bool]
    access: Final[str]
    description: Final[str | None]
    legal_basis: Final[str | None]
    purposes: Final[tuple[str, ...]]
    users: Final[tuple[str, ...]]
    licence: Final[str | None]
    retention: Final[str | None]
    updated: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        id: str,
        title: str,
        holder: str,
        personal_data: bool,
        access: str,
        description: str | None = None,
        legal_basis: str | None = None,
        purposes: tuple[str, ...] = (),
        users: tuple[str, ...] = (),
        licence: str | None = None,
        retention: str | None = None,
        updated: str | None = None,
    ) -> None:
        self.at = at
        self.id = id
        self.title = title
        self.holder = holder
        self.personal_data = personal_data
        self.access = access
        self.description = description
        self.legal_basis = legal_basis
        self.purposes = purposes
        self.users = users
        self.licence = licence
        self.retention = retention
        self.updated = updated

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Dataset:
        return cls(
            at=at,
            id=data["id"],
            title=data["title"],
            holder=data["holder"],
            personal_data=data["personal_data"],
            access=_code("access", data["access"]),
            description=data.get("description"),
            legal_basis=data.get("legal_basis"),
            purposes=tuple(data["purposes"]) if "purposes" in data else (),
            users=tuple(data["users"]) if "users" in data else (),
            licence=data.get("licence"),
            retention=data.get("retention"),
            updated=data.get("updated"),
        )


class DataSharing(Record):
    """DataSharing."""

    __slots__ = ("agreement", "at", "dataset", "provider", "purpose", "recipients", "since", "until")
    FIELDS = ("dataset", "provider", "recipients", "purpose", "agreement", "since", "until")

    at: Final[Loc]
    dataset: Final[str]
    provider: Final[str]
    recipients: Final[tuple[str, ...]]
    purpose: Final[str]
    agreement: Final[str | None]
    since: Final[dt.date | None]
    until: Final[dt.date | None]

    def __init__(
        self,
        *,
        at: Loc,
        dataset: str,
        provider: str,
        recipients: tuple[str, ...],
        purpose: str,
        agreement: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> None:
        self.at = at
        self.dataset = dataset
        self.provider = provider
        self.recipients = recipients
        self.purpose = purpose
        self.agreement = agreement
        self.since = since
        self.until = until

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> DataSharing:
        return cls(
            at=at,
            dataset=data["dataset"],
            provider=data["provider"],
            recipients=tuple(data["recipients"]),
            purpose=data["purpose"],
            agreement=data.get("agreement"),
            since=dt.date.fromisoformat(data["since"]) if "since" in data else None,
            until=dt.date.fromisoformat(data["until"]) if "until" in data else None,
        )


class DataFile(Record):
    """データの一覧 / Data inventory."""

    __slots__ = ("at", "datasets", "sharing")
    FIELDS = ("datasets", "sharing")

    at: Final[Loc]
    datasets: Final[tuple[Dataset, ...]]
    sharing: Final[tuple[DataSharing, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        datasets: tuple[Dataset, ...],
        sharing: tuple[DataSharing, ...] = (),
    ) -> None:
        self.at = at
        self.datasets = datasets
        self.sharing = sharing

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> DataFile:
        return cls(
            at=at,
            datasets=_records(Dataset.from_data, data["datasets"], at / "datasets"),
            sharing=_records(DataSharing.from_data, data["sharing"], at / "sharing") if "sharing" in data else (),
        )


class Tables(Record):
    """テーブル / Tables."""

    __slots__ = ("at", "count", "size")
    FIELDS = ("count", "size")

    at: Final[Loc]
    count: Final[int]
    size: Final[int]

    def __init__(
        self,
        *,
        at: Loc,
        count: int,
        size: int,
    ) -> None:
        self.at = at
        self.count = count
        self.size = size

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Tables:
        return cls(
            at=at,
            count=data["count"],
            size=data["size"],
        )


class Participants(Record):
    """Participants."""

    __slots__ = ("at", "count", "type")
    FIELDS = ("type", "count")

    at: Final[Loc]
    type: Final[str]
    count: Final[int]

    def __init__(
        self,
        *,
        at: Loc,
        type: str,
        count: int,
    ) -> None:
        self.at = at
        self.type = type
        self.count = count

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Participants:
        return cls(
            at=at,
            type=_code("memberType", data["type"]),
            count=data["count"],
        )


class Facilitation(Record):
    """進行の役割 / Facilitation."""

    __slots__ = ("at", "facilitator", "recorder", "timekeeper")
    FIELDS = ("facilitator", "recorder", "timekeeper")

    at: Final[Loc]
    facilitator: Final[str]
    recorder: Final[str | None]
    timekeeper: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        facilitator: str,
        recorder: str | None = None,
        timekeeper: str | None = None,
    ) -> None:
        self.at = at
        self.facilitator = facilitator
        self.recorder = recorder
        self.timekeeper = timekeeper

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Facilitation:
        return cls(
            at=at,
            facilitator=data["facilitator"],
            recorder=data.get("recorder"),
            timekeeper=data.get("timekeeper"),
        )


class AgendaStep(Record):
    """AgendaStep."""

    __slots__ = ("at", "description", "minutes", "title")
    FIELDS = ("title", "minutes", "description")

    at: Final[Loc]
    title: Final[str]
    minutes: Final[int]
    description: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        title: str,
        minutes: int,
        description: str | None = None,
    ) -> None:
        self.at = at
        self.title = title
        self.minutes = minutes
        self.description = description

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> AgendaStep:
        return cls(
            at=at,
            title=data["title"],
            minutes=data["minutes"],
            description=data.get("description"),
        )


class RaisedIssue(Record):
    """RaisedIssue."""

    __slots__ = ("at", "category", "title", "votes")
    FIELDS = ("title", "category", "votes")

    at: Final[Loc]
    title: Final[str]
    category: Final[str | None]
    votes: Final[int | None]

    def __init__(
        self,
        *,
        at: Loc,
        title: str,
        category: str | None = None,
        votes: int | None = None,
    ) -> None:
        self.at = at
        self.title = title
        self.category = category
        self.votes = votes

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> RaisedIssue:
        return cls(
            at=at,
            title=data["title"],
            category=_code("field", data["category"]) if "category" in data else None,
            votes=data.get("votes"),
        )


class WorkshopOutputs(Record):
    """成果 / Outputs."""

    __slots__ = ("at", "decisions", "ideas", "issues", "notes")
    FIELDS = ("issues", "ideas", "decisions", "notes")

    at: Final[Loc]
    issues: Final[tuple[RaisedIssue, ...]]
    ideas: Final[tuple[str, ...]]
    decisions: Final[tuple[str, ...]]
    notes: Final[tuple[str, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        issues: tuple[RaisedIssue, ...] = (),
        ideas: tuple[str, ...] = (),
        decisions: tuple[str, ...] = (),
        notes: tuple[str, ...] = (),
    ) -> None:
        self.at = at
        self.issues = issues
        self.ideas = ideas
        self.decisions = decisions
        self.notes = notes

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> WorkshopOutputs:
        return cls(
            at=at,
            issues=_records(RaisedIssue.from_data, data["issues"], at / "issues") if "issues" in data else (),
            ideas=tuple(data["ideas"]) if "ideas" in data else (),
            decisions=tuple(data["decisions"]) if "decisions" in data else (),
            notes=tuple(data["notes"]) if "notes" in data else (),
        )


class Workshop(Record):
    """ワークショップ / Workshop."""

    __slots__ = ("agenda", "at", "date", "duration_minutes", "facilitation", "headcount", "language", "materials", "outputs", "participants", "start_time", "tables", "title", "toolkit", "type", "venue")
    FIELDS = ("type", "title", "date", "duration_minutes", "agenda", "language", "start_time", "venue", "toolkit", "headcount", "tables", "participants", "facilitation", "materials", "outputs")

    at: Final[Loc]
    type: Final[str]
    title: Final[str]
    date: Final[dt.date]
    duration_minutes: Final[int]
    agenda: Final[tuple[AgendaStep, ...]]
    language: Final[str | None]
    start_time: Final[str | None]
    venue: Final[str | None]
    toolkit: Final[str | None]
    headcount: Final[int | None]
    tables: Final[Tables | None]
    participants: Final[tuple[Participants, ...]]
    facilitation: Final[Facilitation | None]
    materials: Final[tuple[str, ...]]
    outputs: Final[WorkshopOutputs | None]

    def __init__(
        self,
        *,
        at: Loc,
        type: str,
        title: str,
        date: dt.date,
        duration_minutes: int,
        agenda: tuple[AgendaStep, ...],
        language: str | None = None,
        start_time: str | None = None,
        venue: str | None = None,
        toolkit: str | None = None,
        headcount: int | None = None,
        tables: Tables | None = None,
        participants: tuple[Participants, ...] = (),
        facilitation: Facilitation | None = None,
        materials: tuple[str, ...] = (),
        outputs: WorkshopOutputs | None = None,
    ) -> None:
        self.at = at
        self.type = type
        self.title = title
        self.date = date
        self.duration_minutes = duration_minutes
        self.agenda = agenda
        self.language = language
        self.start_time = start_time
        self.venue = venue
        self.toolkit = toolkit
        self.headcount = headcount
        self.tables = tables
        self.participants = participants
        self.facilitation = facilitation
        self.materials = materials
        self.outputs = outputs

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Workshop:
        return cls(
            at=at,
            type=_code("Workshop.type", data["type"]),
            title=data["title"],
            date=dt.date.fromisoformat(data["date"]),
            duration_minutes=data["duration_minutes"],
            agenda=_records(AgendaStep.from_data, data["agenda"], at / "agenda"),
            language=_code("language", data["language"]) if "language" in data else None,
            start_time=data.get("start_time"),
            venue=data.get("venue"),
            toolkit=data.get("toolkit"),
            headcount=data.get("headcount"),
            tables=Tables.from_data(data["tables"], at / "tables") if "tables" in data else None,
            participants=_records(Participants.from_data, data["participants"], at / "participants") if "participants" in data else (),
            facilitation=Facilitation.from_data(data["facilitation"], at / "facilitation") if "facilitation" in data else None,
            materials=tuple(data["materials"]) if "materials" in data else (),
            outputs=WorkshopOutputs.from_data(data["outputs"], at / "outputs") if "outputs" in data else None,
        )


class Action(Record):
    """Action."""

    __slots__ = ("at", "done", "due", "owner", "text")
    FIELDS = ("text", "owner", "due", "done")

    at: Final[Loc]
    text: Final[str]
    owner: Final[str | None]
    due: Final[dt.date | None]
    done: Final[bool | None]

    def __init__(
        self,
        *,
        at: Loc,
        text: str,
        owner: str | None = None,
        due: dt.date | None = None,
        done: bool | None = None,
    ) -> None:
        self.at = at
        self.text = text
        self.owner = owner
        self.due = due
        self.done = done

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Action:
        return cls(
            at=at,
            text=data["text"],
            owner=data.get("owner"),
            due=dt.date.fromisoformat(data["due"]) if "due" in data else None,
            done=data.get("done"),
        )


class Kpt(Record):
    """KPT / KPT."""

    __slots__ = ("at", "keep", "problem", "try_")
    FIELDS = ("keep", "problem", "try_")

    at: Final[Loc]
    keep: Final[tuple[str, ...]]
    problem: Final[tuple[str, ...]]
    try_: Final[tuple[Action, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        keep: tuple[str, ...] = (),
        problem: tuple[str, ...] = (),
        try_: tuple[Action, ...] = (),
    ) -> None:
        self.at = at
        self.keep = keep
        self.problem = problem
        self.try_ = try_

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Kpt:
        return cls(
            at=at,
            keep=tuple(data["keep"]) if "keep" in data else (),
            problem=tuple(data["problem"]) if "problem" in data else (),
            try_=_records(Action.from_data, data["try"], at / "try") if "try" in data else (),
        )


class GateReview(Record):
    """ゲート審査 / Gate review."""

    __slots__ = ("at", "gate", "open_points", "summary")
    FIELDS = ("gate", "summary", "open_points")

    at: Final[Loc]
    gate: Final[str]
    summary: Final[str]
    open_points: Final[tuple[str, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        gate: str,
        summary: str,
        open_points: tuple[str, ...] = (),
    ) -> None:
        self.at = at
        self.gate = gate
        self.summary = summary
        self.open_points = open_points

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> GateReview:
        return cls(
            at=at,
            gate=data["gate"],
            summary=data["summary"],
            open_points=tuple(data["open_points"]) if "open_points" in data else (),
        )


class Cause(Record):
    """Cause."""

    __slots__ = ("at", "category", "cause")
    FIELDS = ("cause", "category")

    at: Final[Loc]
    cause: Final[str]
    category: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        cause: str,
        category: str | None = None,
    ) -> None:
        self.at = at
        self.cause = cause
        self.category = category

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Cause:
        return cls(
            at=at,
            cause=data["cause"],
            category=_code("Cause.category", data["category"]) if "category" in data else None,
        )


class FailureAnalysis(Record):
    """失敗分析 / Failure analysis."""

    __slots__ = ("at", "causes", "countermeasures", "publish", "result", "target")
    FIELDS = ("target", "result", "causes", "countermeasures", "publish")

    at: Final[Loc]
    target: Final[str]
    result: Final[str]
    causes: Final[tuple[Cause, ...]]
    countermeasures: Final[tuple[Action, ...]]
    publish: Final[bool | None]

    def __init__(
        self,
        *,
        at: Loc,
        target: str,
        result: str,
        causes: tuple[Cause, ...],
        countermeasures: tuple[Action, ...] = (),
        publish: bool | None = None,
    ) -> None:
        self.at = at
        self.target = target
        self.result = result
        self.causes = causes
        self.countermeasures = countermeasures
        self.publish = publish

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> FailureAnalysis:
        return cls(
            at=at,
            target=data["target"],
            result=data["result"],
            causes=_records(Cause.from_data, data["causes"], at / "causes"),
            countermeasures=_records(Action.from_data, data["countermeasures"], at / "countermeasures") if "countermeasures" in data else (),
            publish=data.get("publish"),
        )


class FourL(Record):
    """4L / 4L."""

    __slots__ = ("at", "lacked", "learned", "liked", "longed_for")
    FIELDS = ("liked", "learned", "lacked", "longed_for")

    at: Final[Loc]
    liked: Final[tuple[str, ...]]
    learned: Final[tuple[str, ...]]
    lacked: Final[tuple[str, ...]]
    longed_for: Final[tuple[str, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        liked: tuple[str, ...] = (),
        learned: tuple[str, ...] = (),
        lacked: tuple[str, ...] = (),
        longed_for: tuple[str, ...] = (),
    ) -> None:
        self.at = at
        self.liked = liked
        self.learned = learned
        self.lacked = lacked
        self.longed_for = longed_for

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> FourL:
        return cls(
            at=at,
            liked=tuple(data["liked"]) if "liked" in data else (),
            learned=tuple(data["learned"]) if "learned" in data else (),
            lacked=tuple(data["lacked"]) if "lacked" in data else (),
            longed_for=tuple(data["longed_for"]) if "longed_for" in data else (),
        )


class Retrospective(Record):
    """振り返り / Retrospective."""

    __slots__ = ("agenda", "at", "date", "duration_minutes", "failure_analysis", "field", "format", "four_l", "gate_review", "headcount", "kpt", "language", "participants", "publish", "stage", "start_time", "title", "toolkit", "venue")
    FIELDS = ("format", "title", "date", "language", "participants", "toolkit", "duration_minutes", "start_time", "venue", "headcount", "agenda", "kpt", "gate_review", "failure_analysis", "four_l", "publish", "stage", "field")

    at: Final[Loc]
    format: Final[str]
    title: Final[str]
    date: Final[dt.date]
    language: Final[str | None]
    participants: Final[tuple[str, ...]]
    toolkit: Final[str | None]
    duration_minutes: Final[int | None]
    start_time: Final[str | None]
    venue: Final[str | None]
    headcount: Final[int | None]
    agenda: Final[tuple[AgendaStep, ...]]
    kpt: Final[Kpt | None]
    gate_review: Final[GateReview | None]
    failure_analysis: Final[FailureAnalysis | None]
    four_l: Final[FourL | None]
    publish: Final[bool | None]
    stage: Final[str | None]
    field: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        format: str,
        title: str,
        date: dt.date,
        language: str | None = None,
        participants: tuple[str, ...] = (),
        toolkit: str | None = None,
        duration_minutes: int | None = None,
        start_time: str | None = None,
        venue: str | None = None,
        headcount: int | None = None,
        agenda: tuple[AgendaStep, ...] = (),
        kpt: Kpt | None = None,
        gate_review: GateReview | None = None,
        failure_analysis: FailureAnalysis | None = None,
        four_l: FourL | None = None,
        publish: bool | None = None,
        stage: str | None = None,
        field: str | None = None,
    ) -> None:
        self.at = at
        self.format = format
        self.title = title
        self.date = date
        self.language = language
        self.participants = participants
        self.toolkit = toolkit
        self.duration_minutes = duration_minutes
        self.start_time = start_time
        self.venue = venue
        self.headcount = headcount
        self.agenda = agenda
        self.kpt = kpt
        self.gate_review = gate_review
        self.failure_analysis = failure_analysis
        self.four_l = four_l
        self.publish = publish
        self.stage = stage
        self.field = field

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Retrospective:
        return cls(
            at=at,
            format=_code("Retrospective.format", data["format"]),
            title=data["title"],
            date=dt.date.fromisoformat(data["date"]),
            language=_code("language", data["language"]) if "language" in data else None,
            participants=tuple(data["participants"]) if "participants" in data else (),
            toolkit=data.get("toolkit"),
            duration_minutes=data.get("duration_minutes"),
            start_time=data.get("start_time"),
            venue=data.get("venue"),
            headcount=data.get("headcount"),
            agenda=_records(AgendaStep.from_data, data["agenda"], at / "agenda") if "agenda" in data else (),
            kpt=Kpt.from_data(data["kpt"], at / "kpt") if "kpt" in data else None,
            gate_review=GateReview.from_data(data["gate_review"], at / "gate_review") if "gate_review" in data else None,
            failure_analysis=FailureAnalysis.from_data(data["failure_analysis"], at / "failure_analysis") if "failure_analysis" in data else None,
            four_l=FourL.from_data(data["four_l"], at / "four_l") if "four_l" in data else None,
            publish=data.get("publish"),
            stage=_code("stage", data["stage"]) if "stage" in data else None,
            field=_code("field", data["field"]) if "field" in data else None,
        )


class Connection(Record):
    """Connection."""

    __slots__ = ("at", "built", "note", "owner", "ownership", "renewal_due", "renewal_task", "type")
    FIELDS = ("type", "ownership", "owner", "built", "renewal_due", "renewal_task", "note")

    at: Final[Loc]
    type: Final[str]
    ownership: Final[str | None]
    owner: Final[str | None]
    built: Final[int | None]
    renewal_due: Final[int | None]
    renewal_task: Final[str | None]
    note: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        type: str,
        ownership: str | None = None,
        owner: str | None = None,
        built: int | None = None,
        renewal_due: int | None = None,
        renewal_task: str | None = None,
        note: str | None = None,
    ) -> None:
        self.at = at
        self.type = type
        self.ownership = ownership
        self.owner = owner
        self.built = built
        self.renewal_due = renewal_due
        self.renewal_task = renewal_task
        self.note = note

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Connection:
        return cls(
            at=at,
            type=_code("Connection.type", data["type"]),
            ownership=_code("Connection.ownership", data["ownership"]) if "ownership" in data else None,
            owner=data.get("owner"),
            built=data.get("built"),
            renewal_due=data.get("renewal_due"),
            renewal_task=data.get("renewal_task"),
            note=data.get("note"),
        )


class Facility(Record):
    """Facility."""

    __slots__ = ("address", "area", "at", "connections", "disaster_roles", "id", "name", "note", "owner", "type", "used_by")
    FIELDS = ("id", "name", "type", "owner", "address", "area", "disaster_roles", "connections", "used_by", "note")

    at: Final[Loc]
    id: Final[str]
    name: Final[str]
    type: Final[str]
    owner: Final[str | None]
    address: Final[str | None]
    area: Final[str | None]
    disaster_roles: Final[tuple[str, ...]]
    connections: Final[tuple[Connection, ...]]
    used_by: Final[tuple[str, ...]]
    note: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        id: str,
        name: str,
        type: str,
        owner: str | None = None,
        address: str | None = None,
        area: str | None = None,
        disaster_roles: tuple[str, ...] = (),
        connections: tuple[Connection, ...] = (),
        used_by: tuple[str, ...] = (),
        note: str | None = None,
    ) -> None:
        self.at = at
        self.id = id
        self.name = name
        self.type = type
        self.owner = owner
        self.address = address
        self.area = area
        self.disaster_roles = disaster_roles
        self.connections = connections
        self.used_by = used_by
        self.note = note

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Facility:
        return cls(
            at=at,
            id=data["id"],
            name=data["name"],
            type=_code("Facility.type", data["type"]),
            owner=data.get("owner"),
            address=data.get("address"),
            area=data.get("area"),
            disaster_roles=tuple(_code("Facility.disaster_roles", x) for x in data["disaster_roles"]) if "disaster_roles" in data else (),
            connections=_records(Connection.from_data, data["connections"], at / "connections") if "connections" in data else (),
            used_by=tuple(data["used_by"]) if "used_by" in data else (),
            note=data.get("note"),
        )


class FacilitiesFile(Record):
    """施設と通信の台帳 / Facility and network inventory."""

    __slots__ = ("at", "facilities")
    FIELDS = ("facilities",)

    at: Final[Loc]
    facilities: Final[tuple[Facility, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        facilities: tuple[Facility, ...],
    ) -> None:
        self.at = at
        self.facilities = facilities

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> FacilitiesFile:
        return cls(
            at=at,
            facilities=_records(Facility.from_data, data["facilities"], at / "facilities"),
        )


class QuestionSetRef(Record):
    """質問の版 / Question set."""

    __slots__ = ("at", "id", "version")
    FIELDS = ("id", "version")

    at: Final[Loc]
    id: Final[str]
    version: Final[int]

    def __init__(
        self,
        *,
        at: Loc,
        id: str,
        version: int,
    ) -> None:
        self.at = at
        self.id = id
        self.version = version

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> QuestionSetRef:
        return cls(
            at=at,
            id=data["id"],
            version=data["version"],
        )


class Answer(Record):
    """回答 / Answer."""

    __slots__ = ("at", "note", "question", "score")
    FIELDS = ("question", "score", "note")

    at: Final[Loc]
    question: Final[str]
    score: Final[int | None]
    note: Final[str | None]

    def __init__(
        self,
        *,
        at: Loc,
        question: str,
        score: int | None = None,
        note: str | None = None,
    ) -> None:
        self.at = at
        self.question = question
        self.score = score
        self.note = note

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Answer:
        return cls(
            at=at,
            question=data["question"],
            score=data.get("score"),
            note=data.get("note"),
        )


class Assessment(Record):
    """自己診断 / Self-assessment."""

    __slots__ = ("answers", "assessed_by", "at", "date", "language", "question_set", "stage", "title")
    FIELDS = ("title", "date", "question_set", "language", "stage", "assessed_by", "answers")

    at: Final[Loc]
    title: Final[str]
    date: Final[dt.date]
    question_set: Final[QuestionSetRef]
    language: Final[str | None]
    stage: Final[str | None]
    assessed_by: Final[tuple[str, ...]]
    answers: Final[tuple[Answer, ...]]

    def __init__(
        self,
        *,
        at: Loc,
        title: str,
        date: dt.date,
        question_set: QuestionSetRef,
        language: str | None = None,
        stage: str | None = None,
        assessed_by: tuple[str, ...] = (),
        answers: tuple[Answer, ...] = (),
    ) -> None:
        self.at = at
        self.title = title
        self.date = date
        self.question_set = question_set
        self.language = language
        self.stage = stage
        self.assessed_by = assessed_by
        self.answers = answers

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Assessment:
        return cls(
            at=at,
            title=data["title"],
            date=dt.date.fromisoformat(data["date"]),
            question_set=QuestionSetRef.from_data(data["question_set"], at / "question_set"),
            language=_code("language", data["language"]) if "language" in data else None,
            stage=_code("stage", data["stage"]) if "stage" in data else None,
            assessed_by=tuple(data["assessed_by"]) if "assessed_by" in data else (),
            answers=_records(Answer.from_data, data["answers"], at / "answers") if "answers" in data else (),
        )
