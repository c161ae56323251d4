"""Typed records of every governance file, generated from ``schemas/``: do not edit.

Regenerate with ``python -m dxkit.model.codegen --write``; a test fails when this file
is stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from dxkit.model.loc import Loc


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


@dataclass(frozen=True, slots=True, kw_only=True)
class ComprehensivePlan:
    """総合計画との関係 / Comprehensive plan."""

    at: Loc = field(repr=False, compare=False)
    title: str
    section: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> ComprehensivePlan:
        return cls(
            at=at,
            title=data["title"],
            section=data.get("section"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Vision:
    """ビジョン / Vision."""

    at: Loc = field(repr=False, compare=False)
    statement: str
    comprehensive_plan: ComprehensivePlan | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Vision:
        return cls(
            at=at,
            statement=data["statement"],
            comprehensive_plan=ComprehensivePlan.from_data(data["comprehensive_plan"], at / "comprehensive_plan") if "comprehensive_plan" in data else None,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Deputy:
    """代理 / Deputy."""

    at: Loc = field(repr=False, compare=False)
    name: str
    member: str
    post: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Deputy:
        return cls(
            at=at,
            name=data["name"],
            member=data["member"],
            post=data.get("post"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyPerson:
    """KeyPerson."""

    at: Loc = field(repr=False, compare=False)
    name: str
    member: str
    role: str
    deputy: Deputy | None = None
    rotation_expected: str | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionMaking:
    """意思決定 / Decision making."""

    at: Loc = field(repr=False, compare=False)
    method: str
    quorum: str | None = None
    escalation: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> DecisionMaking:
        return cls(
            at=at,
            method=_code("DecisionMaking.method", data["method"]),
            quorum=data.get("quorum"),
            escalation=data.get("escalation"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Layer:
    """Layer."""

    at: Loc = field(repr=False, compare=False)
    id: str
    name: str
    members: tuple[str, ...]
    type: str | None = None
    purpose: str | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Meetings:
    """会議 / Meetings."""

    at: Loc = field(repr=False, compare=False)
    cadence: str
    format: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Meetings:
        return cls(
            at=at,
            cadence=_code("Meetings.cadence", data["cadence"]),
            format=data.get("format"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class DataPolicy:
    """データの方針 / Data policy."""

    at: Loc = field(repr=False, compare=False)
    personal_data: bool
    handling: str
    advisory_check: str | None = None
    individual_control: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> DataPolicy:
        return cls(
            at=at,
            personal_data=data["personal_data"],
            handling=data["handling"],
            advisory_check=data.get("advisory_check"),
            individual_control=data.get("individual_control"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Continuity:
    """継続性 / Continuity."""

    at: Loc = field(repr=False, compare=False)
    member_withdrawal: str
    staff_rotation: str

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Continuity:
        return cls(
            at=at,
            member_withdrawal=data["member_withdrawal"],
            staff_rotation=data["staff_rotation"],
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class TalentStage:
    """TalentStage."""

    at: Loc = field(repr=False, compare=False)
    stage: str
    talent: str
    sourcing: str
    leads: tuple[str, ...] = ()
    note: str | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Sharing:
    """地域間の共有 / Inter-regional sharing."""

    at: Loc = field(repr=False, compare=False)
    inter_regional: str
    publish_lessons: bool | None = None
    publish_names: bool | None = None
    publish_failures: bool | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Sharing:
        return cls(
            at=at,
            inter_regional=data["inter_regional"],
            publish_lessons=data.get("publish_lessons"),
            publish_names=data.get("publish_names"),
            publish_failures=data.get("publish_failures"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class FundingUse:
    """活用する制度 / Scheme in use."""

    at: Loc = field(repr=False, compare=False)
    scheme: str
    status: str
    name: str | None = None
    fiscal_year: int | None = None
    amount: int | None = None
    purpose: str | None = None
    owner: str | None = None
    application_due: dt.date | None = None
    report_due: dt.date | None = None
    reported: dt.date | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishedNames:
    """サイトに載せる氏名 / Names on the site."""

    at: Loc = field(repr=False, compare=False)
    key_persons: bool | None = None
    member_contacts: bool | None = None
    workshop_facilitation: bool | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> PublishedNames:
        return cls(
            at=at,
            key_persons=data.get("key_persons"),
            member_contacts=data.get("member_contacts"),
            workshop_facilitation=data.get("workshop_facilitation"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteSettings:
    """サイト / Site."""

    at: Loc = field(repr=False, compare=False)
    url: str | None = None
    bilingual_labels: bool | None = None
    people: PublishedNames | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> SiteSettings:
        return cls(
            at=at,
            url=data.get("url"),
            bilingual_labels=data.get("bilingual_labels"),
            people=PublishedNames.from_data(data["people"], at / "people") if "people" in data else None,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckConfig:
    """dxkit の設定 / dxkit settings."""

    at: Loc = field(repr=False, compare=False)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> CheckConfig:
        return cls(
            at=at,
            select=tuple(data["select"]) if "select" in data else (),
            ignore=tuple(data["ignore"]) if "ignore" in data else (),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Charter:
    """推進体制の規約 / Consortium charter."""

    at: Loc = field(repr=False, compare=False)
    name: str
    municipality: str
    purpose: str
    scope: tuple[str, ...]
    key_persons: tuple[KeyPerson, ...]
    stage: str
    language: str | None = None
    calendar: str | None = None
    vision: Vision | None = None
    decision_making: DecisionMaking | None = None
    layers: tuple[Layer, ...] = ()
    meetings: Meetings | None = None
    data_policy: DataPolicy | None = None
    continuity: Continuity | None = None
    talent_plan: tuple[TalentStage, ...] = ()
    sharing: Sharing | None = None
    funding: tuple[FundingUse, ...] = ()
    site: SiteSettings | None = None
    config: CheckConfig | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class SkillLevels:
    """スキルのレベル / Skill levels."""

    at: Loc = field(repr=False, compare=False)
    business: str | None = None
    data: str | None = None
    technology: str | None = None
    security: str | None = None
    personal: str | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """Person."""

    at: Loc = field(repr=False, compare=False)
    name: str
    post: str | None = None
    rotation_expected: str | None = None
    talent: str | None = None
    dss_role: str | None = None
    skills: SkillLevels | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation:
    """Relation."""

    at: Loc = field(repr=False, compare=False)
    with_: str
    kind: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Relation:
        return cls(
            at=at,
            with_=data["with"],
            kind=data.get("kind"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    """Member."""

    at: Loc = field(repr=False, compare=False)
    id: str
    name: str
    type: str
    corporate_number: str | None = None
    local_government_code: str | None = None
    contributes: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    relations: tuple[Relation, ...] = ()
    joined: dt.date | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class MembersFile:
    """メンバー / Members."""

    at: Loc = field(repr=False, compare=False)
    members: tuple[Member, ...]

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> MembersFile:
        return cls(
            at=at,
            members=_records(Member.from_data, data["members"], at / "members"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Indicator:
    """指標 / Indicator."""

    at: Loc = field(repr=False, compare=False)
    name: str
    target: str | None = None
    measure: str | None = None
    example: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Indicator:
        return cls(
            at=at,
            name=data["name"],
            target=data.get("target"),
            measure=data.get("measure"),
            example=data.get("example"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Delay:
    """遅延の説明 / Delay."""

    at: Loc = field(repr=False, compare=False)
    reason: str | None = None
    recovery_plan: str | None = None
    new_due: dt.date | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Delay:
        return cls(
            at=at,
            reason=data.get("reason"),
            recovery_plan=data.get("recovery_plan"),
            new_due=dt.date.fromisoformat(data["new_due"]) if "new_due" in data else None,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """Task."""

    at: Loc = field(repr=False, compare=False)
    id: str
    title: str
    stage: str
    responsible: tuple[str, ...]
    accountable: tuple[str, ...]
    due: dt.date
    status: str
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    start: dt.date | None = None
    done_criteria: str | None = None
    indicator: Indicator | None = None
    datasets: tuple[str, ...] = ()
    delay: Delay | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class RolesFile:
    """役割・期限表 / Role & deadline matrix."""

    at: Loc = field(repr=False, compare=False)
    tasks: tuple[Task, ...]

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> RolesFile:
        return cls(
            at=at,
            tasks=_records(Task.from_data, data["tasks"], at / "tasks"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Criterion:
    """Criterion."""

    at: Loc = field(repr=False, compare=False)
    id: str
    text: str
    evidence: tuple[str, ...] = ()
    met: bool | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Criterion:
        return cls(
            at=at,
            id=data["id"],
            text=data["text"],
            evidence=tuple(data["evidence"]) if "evidence" in data else (),
            met=data.get("met"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Criteria:
    """基準 / Criteria."""

    at: Loc = field(repr=False, compare=False)
    desirability: tuple[Criterion, ...]
    feasibility: tuple[Criterion, ...]
    viability: tuple[Criterion, ...]

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Criteria:
        return cls(
            at=at,
            desirability=_records(Criterion.from_data, data["desirability"], at / "desirability"),
            feasibility=_records(Criterion.from_data, data["feasibility"], at / "feasibility"),
            viability=_records(Criterion.from_data, data["viability"], at / "viability"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    """判断 / Decision."""

    at: Loc = field(repr=False, compare=False)
    outcome: str
    date: dt.date
    decided_by: tuple[str, ...]
    notes: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Decision:
        return cls(
            at=at,
            outcome=_code("Decision.outcome", data["outcome"]),
            date=dt.date.fromisoformat(data["date"]),
            decided_by=tuple(data["decided_by"]),
            notes=data.get("notes"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Gate:
    """Gate."""

    at: Loc = field(repr=False, compare=False)
    id: str
    from_: str
    to: str
    criteria: Criteria
    planned: dt.date | None = None
    decision: Decision | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class GatesFile:
    """ステージゲート / Stage gates."""

    at: Loc = field(repr=False, compare=False)
    gates: tuple[Gate, ...]

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> GatesFile:
        return cls(
            at=at,
            gates=_records(Gate.from_data, data["gates"], at / "gates"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class FoundIn:
    """発見の場 / Found in."""

    at: Loc = field(repr=False, compare=False)
    source: str
    ref: str | None = None
    date: dt.date | None = None
    votes: int | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> FoundIn:
        return cls(
            at=at,
            source=_code("FoundIn.source", data["source"]),
            ref=data.get("ref"),
            date=dt.date.fromisoformat(data["date"]) if "date" in data else None,
            votes=data.get("votes"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class IssueSource:
    """取り込み元 / Imported from."""

    at: Loc = field(repr=False, compare=False)
    system: str
    id: int | None = None
    reference: str | None = None
    url: str | None = None
    state: str | None = None
    published_at: dt.date | None = None
    supports: int | None = None
    comments: int | None = None
    category: str | None = None
    scope: str | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Issue:
    """Issue."""

    at: Loc = field(repr=False, compare=False)
    id: str
    title: str
    category: str
    priority: str
    description: str | None = None
    evidence: tuple[str, ...] = ()
    affected: tuple[str, ...] = ()
    dx_fit: str | None = None
    found_in: FoundIn | None = None
    status: str | None = None
    tasks: tuple[str, ...] = ()
    source: IssueSource | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class IssuesFile:
    """地域課題の一覧 / Regional issue register."""

    at: Loc = field(repr=False, compare=False)
    issues: tuple[Issue, ...]

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> IssuesFile:
        return cls(
            at=at,
            issues=_records(Issue.from_data, data["issues"], at / "issues"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanCost:
    """費用の項目 / Cost item."""

    at: Loc = field(repr=False, compare=False)
    id: str
    item: str
    type: str
    amounts: tuple[int, ...]
    notes: str | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanRevenue:
    """収入の項目 / Revenue item."""

    at: Loc = field(repr=False, compare=False)
    id: str
    item: str
    point: str
    amounts: tuple[int, ...]
    notes: str | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanShare:
    """負担の項目 / Share item."""

    at: Loc = field(repr=False, compare=False)
    id: str
    member: str
    amounts: tuple[int, ...]
    notes: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> PlanShare:
        return cls(
            at=at,
            id=data["id"],
            member=data["member"],
            amounts=tuple(data["amounts"]),
            notes=data.get("notes"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class CostPlan:
    """3か年の収支計画 / Three-year cost and revenue plan."""

    at: Loc = field(repr=False, compare=False)
    title: str
    first_fiscal_year: int
    costs: tuple[PlanCost, ...]
    revenues: tuple[PlanRevenue, ...] = ()
    shares: tuple[PlanShare, ...] = ()

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Dataset:
    """Dataset."""

    at: Loc = field(repr=False, compare=False)
    id: str
    title: str
    holder: str
    personal_data: bool
    access: str
    description: str | None = None
    legal_basis: str | None = None
    purposes: tuple[str, ...] = ()
    users: tuple[str, ...] = ()
    licence: str | None = None
    retention: str | None = None
    updated: str | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class DataSharing:
    """DataSharing."""

    at: Loc = field(repr=False, compare=False)
    dataset: str
    provider: str
    recipients: tuple[str, ...]
    purpose: str
    agreement: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class DataFile:
    """データの一覧 / Data inventory."""

    at: Loc = field(repr=False, compare=False)
    datasets: tuple[Dataset, ...]
    sharing: tuple[DataSharing, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> DataFile:
        return cls(
            at=at,
            datasets=_records(Dataset.from_data, data["datasets"], at / "datasets"),
            sharing=_records(DataSharing.from_data, data["sharing"], at / "sharing") if "sharing" in data else (),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Tables:
    """テーブル / Tables."""

    at: Loc = field(repr=False, compare=False)
    count: int
    size: int

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Tables:
        return cls(
            at=at,
            count=data["count"],
            size=data["size"],
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Participants:
    """Participants."""

    at: Loc = field(repr=False, compare=False)
    type: str
    count: int

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Participants:
        return cls(
            at=at,
            type=_code("memberType", data["type"]),
            count=data["count"],
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Facilitation:
    """進行の役割 / Facilitation."""

    at: Loc = field(repr=False, compare=False)
    facilitator: str
    recorder: str | None = None
    timekeeper: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Facilitation:
        return cls(
            at=at,
            facilitator=data["facilitator"],
            recorder=data.get("recorder"),
            timekeeper=data.get("timekeeper"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaStep:
    """AgendaStep."""

    at: Loc = field(repr=False, compare=False)
    title: str
    minutes: int
    description: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> AgendaStep:
        return cls(
            at=at,
            title=data["title"],
            minutes=data["minutes"],
            description=data.get("description"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class RaisedIssue:
    """RaisedIssue."""

    at: Loc = field(repr=False, compare=False)
    title: str
    category: str | None = None
    votes: int | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> RaisedIssue:
        return cls(
            at=at,
            title=data["title"],
            category=_code("field", data["category"]) if "category" in data else None,
            votes=data.get("votes"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkshopOutputs:
    """成果 / Outputs."""

    at: Loc = field(repr=False, compare=False)
    issues: tuple[RaisedIssue, ...] = ()
    ideas: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> WorkshopOutputs:
        return cls(
            at=at,
            issues=_records(RaisedIssue.from_data, data["issues"], at / "issues") if "issues" in data else (),
            ideas=tuple(data["ideas"]) if "ideas" in data else (),
            decisions=tuple(data["decisions"]) if "decisions" in data else (),
            notes=tuple(data["notes"]) if "notes" in data else (),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Workshop:
    """ワークショップ / Workshop."""

    at: Loc = field(repr=False, compare=False)
    type: str
    title: str
    date: dt.date
    duration_minutes: int
    agenda: tuple[AgendaStep, ...]
    language: str | None = None
    start_time: str | None = None
    venue: str | None = None
    toolkit: str | None = None
    headcount: int | None = None
    tables: Tables | None = None
    participants: tuple[Participants, ...] = ()
    facilitation: Facilitation | None = None
    materials: tuple[str, ...] = ()
    outputs: WorkshopOutputs | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Action:
    """Action."""

    at: Loc = field(repr=False, compare=False)
    text: str
    owner: str | None = None
    due: dt.date | None = None
    done: bool | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Action:
        return cls(
            at=at,
            text=data["text"],
            owner=data.get("owner"),
            due=dt.date.fromisoformat(data["due"]) if "due" in data else None,
            done=data.get("done"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Kpt:
    """KPT / KPT."""

    at: Loc = field(repr=False, compare=False)
    keep: tuple[str, ...] = ()
    problem: tuple[str, ...] = ()
    try_: tuple[Action, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Kpt:
        return cls(
            at=at,
            keep=tuple(data["keep"]) if "keep" in data else (),
            problem=tuple(data["problem"]) if "problem" in data else (),
            try_=_records(Action.from_data, data["try"], at / "try") if "try" in data else (),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class GateReview:
    """ゲート審査 / Gate review."""

    at: Loc = field(repr=False, compare=False)
    gate: str
    summary: str
    open_points: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> GateReview:
        return cls(
            at=at,
            gate=data["gate"],
            summary=data["summary"],
            open_points=tuple(data["open_points"]) if "open_points" in data else (),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Cause:
    """Cause."""

    at: Loc = field(repr=False, compare=False)
    cause: str
    category: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Cause:
        return cls(
            at=at,
            cause=data["cause"],
            category=_code("Cause.category", data["category"]) if "category" in data else None,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class FailureAnalysis:
    """失敗分析 / Failure analysis."""

    at: Loc = field(repr=False, compare=False)
    target: str
    result: str
    causes: tuple[Cause, ...]
    countermeasures: tuple[Action, ...] = ()
    publish: bool | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class FourL:
    """4L / 4L."""

    at: Loc = field(repr=False, compare=False)
    liked: tuple[str, ...] = ()
    learned: tuple[str, ...] = ()
    lacked: tuple[str, ...] = ()
    longed_for: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> FourL:
        return cls(
            at=at,
            liked=tuple(data["liked"]) if "liked" in data else (),
            learned=tuple(data["learned"]) if "learned" in data else (),
            lacked=tuple(data["lacked"]) if "lacked" in data else (),
            longed_for=tuple(data["longed_for"]) if "longed_for" in data else (),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Retrospective:
    """振り返り / Retrospective."""

    at: Loc = field(repr=False, compare=False)
    format: str
    title: str
    date: dt.date
    language: str | None = None
    participants: tuple[str, ...] = ()
    toolkit: str | None = None
    duration_minutes: int | None = None
    start_time: str | None = None
    venue: str | None = None
    headcount: int | None = None
    agenda: tuple[AgendaStep, ...] = ()
    kpt: Kpt | None = None
    gate_review: GateReview | None = None
    failure_analysis: FailureAnalysis | None = None
    four_l: FourL | None = None
    publish: bool | None = None
    stage: str | None = None
    field: str | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Connection:
    """Connection."""

    at: Loc = field(repr=False, compare=False)
    type: str
    ownership: str | None = None
    owner: str | None = None
    built: int | None = None
    renewal_due: int | None = None
    renewal_task: str | None = None
    note: str | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Facility:
    """Facility."""

    at: Loc = field(repr=False, compare=False)
    id: str
    name: str
    type: str
    owner: str | None = None
    address: str | None = None
    area: str | None = None
    disaster_roles: tuple[str, ...] = ()
    connections: tuple[Connection, ...] = ()
    used_by: tuple[str, ...] = ()
    note: str | None = None

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


@dataclass(frozen=True, slots=True, kw_only=True)
class FacilitiesFile:
    """施設と通信の台帳 / Facility and network inventory."""

    at: Loc = field(repr=False, compare=False)
    facilities: tuple[Facility, ...]

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> FacilitiesFile:
        return cls(
            at=at,
            facilities=_records(Facility.from_data, data["facilities"], at / "facilities"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionSetRef:
    """質問の版 / Question set."""

    at: Loc = field(repr=False, compare=False)
    id: str
    version: int

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> QuestionSetRef:
        return cls(
            at=at,
            id=data["id"],
            version=data["version"],
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """回答 / Answer."""

    at: Loc = field(repr=False, compare=False)
    question: str
    score: int | None = None
    note: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], at: Loc) -> Answer:
        return cls(
            at=at,
            question=data["question"],
            score=data.get("score"),
            note=data.get("note"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Assessment:
    """自己診断 / Self-assessment."""

    at: Loc = field(repr=False, compare=False)
    title: str
    date: dt.date
    question_set: QuestionSetRef
    language: str | None = None
    stage: str | None = None
    assessed_by: tuple[str, ...] = ()
    answers: tuple[Answer, ...] = ()

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
