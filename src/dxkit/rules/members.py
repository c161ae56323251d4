"""Rules on the members (``members.yaml``): DX2xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.rules import Consortium, Hit, docs, iter_duplicate_ids, rule

#: The member types the report asks every consortium to consider (ch. 5, 3(1)①).
CORE_STAKEHOLDER_TYPES = ("financial-institution", "local-media", "education-research")


@rule(
    "DX201",
    "missing-core-stakeholder",
    Severity.WARNING,
    title={"ja": "地域の主要な関係者がいない", "en": "No core regional stakeholder"},
    message={
        "ja": "地域金融機関・地域メディア・教育研究機関のいずれもメンバーにいません。"
        "参加を呼びかけることを検討してください。",
        "en": "None of a regional financial institution, local media or an education/research "
        "institution is a member; consider inviting them.",
    },
    docs=docs(
        what=(
            "メンバーに地域金融機関（financial-institution）、地域メディア（local-media）、"
            "教育・研究機関（education-research）のいずれもいないときに警告します。",
            "Warns when no member is a regional financial institution (financial-institution), "
            "local media (local-media) or an education/research institution (education-research).",
        ),
        why=(
            "報告書（案）第5章3(1)①は、自治体職員が中心となりつつ、地域金融機関、地域メディア、"
            "教育・研究機関、総合通信局などを巻き込むことを求めています。事業性の助言、住民への発信、"
            "人材と知見は、自治体だけでは揃いにくいものです。",
            "The report draft (ch. 5, 3(1)①) asks consortia led by municipal staff to involve "
            "regional financial institutions, local media, education and research institutions "
            "and the regional telecommunications bureau. Business advice, reach to residents, "
            "and talent and knowledge are hard for a municipality to supply alone.",
        ),
        fix=(
            "該当する組織を members.yaml に加えてください。加えない理由がある場合は、"
            "規約の config.ignore に DX201 を書いてください。",
            "Add such an organisation to members.yaml. If you have a reason not to, "
            "put DX201 in the charter's config.ignore.",
        ),
    ),
    guide="consortium/index.md",
    example="members:\n  - id: city\n    name: 〇〇市\n    type: municipality\n",
    fix="members:\n  - id: city\n    name: 〇〇市\n    type: municipality\n"
    "  - id: shinkin\n    name: 〇〇信用金庫\n    type: financial-institution\n",
)
def check_missing_core_stakeholder(c: Consortium) -> Iterator[Hit]:
    if c.members is None:
        return
    types = {m["type"] for m in c.members.data["members"]}
    if not types.intersection(CORE_STAKEHOLDER_TYPES):
        yield Hit(c.members, ("members",), key=True)


@rule(
    "DX202",
    "duplicate-member-id",
    Severity.ERROR,
    title={"ja": "メンバー id の重複", "en": "Duplicate member id"},
    message={
        "ja": "メンバー id「{id}」が重複しています（最初は {first} 行目）。",
        "en": "Member id '{id}' is used twice (first on line {first}).",
    },
    docs=docs(
        what=("同じ id のメンバーが二度登録されていないかを確かめます。", "Checks that no member id is used twice."),
        why=(
            "id が重複すると、役割・期限表のどのメンバーを指すのか決められません。",
            "With a duplicate id the role matrix cannot tell which member it means.",
        ),
        fix=("片方の id を変えてください。", "Give one of them another id."),
    ),
    guide="consortium/index.md",
    example="  - id: city\n  - id: city\n",
    fix="  - id: city\n  - id: city-it\n",
)
def check_duplicate_member_id(c: Consortium) -> Iterator[Hit]:
    yield from iter_duplicate_ids(c.members, "members")


@rule(
    "DX203",
    "unknown-relation-member",
    Severity.ERROR,
    title={"ja": "つながりの相手がメンバーにない", "en": "Relation to an unknown member"},
    message={
        "ja": "「{member}」のつながりの相手「{other}」はメンバーにいません。",
        "en": "'{member}' has a relation with '{other}', which is not a member.",
    },
    docs=docs(
        what=(
            "メンバーの `relations` に書いた相手（`with`）が、登録されたメンバー id かを確かめます。",
            "Checks that every `with` in a member's `relations` is a registered member id.",
        ),
        why=(
            "つながりはキーパーソンの分析に使います。存在しない相手へのつながりは、分析を誤らせます。",
            "Relations feed the key-person analysis; a relation to a member that does not exist misleads it.",
        ),
        fix=("相手をメンバーに加えるか、id を直してください。", "Add the member, or correct the id."),
    ),
    guide="key-person/index.md",
    example="    relations:\n      - with: bank\n",
    fix="    relations:\n      - with: shinkin\n",
)
def check_unknown_relation_member(c: Consortium) -> Iterator[Hit]:
    ids = c.member_ids()
    if c.members is None or ids is None:
        return
    for i, member in enumerate(c.members.data["members"]):
        for j, relation in enumerate(member.get("relations", ())):
            if relation["with"] not in ids:
                yield Hit(
                    c.members,
                    ("members", i, "relations", j, "with"),
                    {"member": member["id"], "other": relation["with"]},
                )
