"""Rules on the charter (``consortium.yaml``): DX1xx."""

from __future__ import annotations

from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.rules import Consortium, Hit, docs, rule


@rule(
    "DX101",
    "key-person-without-deputy",
    Severity.ERROR,
    title={"ja": "キーパーソンに代理がいない", "en": "Key person without a deputy"},
    message={
        "ja": "キーパーソン「{name}」に代理（deputy）がいません。異動や不在に備えて代理を決めてください。",
        "en": "Key person '{name}' has no deputy; name one to cover absence and staff rotation.",
    },
    docs=docs(
        what=(
            "規約のキーパーソンそれぞれに `deputy`（代理）が書かれているかを確かめます。",
            "Checks that every key person in the charter has a `deputy`.",
        ),
        why=(
            "キーパーソンは関係者をつなぐ要です。自治体職員の人事異動や不在で一人が抜けると、"
            "推進体制の動きが止まります。代理を決めておくことで引き継ぎが途切れません。",
            "The key person is the hub that connects the members. When one person leaves, "
            "for example through a municipal staff rotation, the consortium stalls; a named "
            "deputy keeps the hand-over unbroken.",
        ),
        fix=(
            "`deputy` に代理の氏名と所属メンバーの id を書いてください。",
            "Add a `deputy` with the person's name and member id.",
        ),
    ),
    guide="key-person/index.md",
    example="key_persons:\n  - name: 山田 花子\n    member: city\n    role: 事務局長\n",
    fix="key_persons:\n  - name: 山田 花子\n    member: city\n    role: 事務局長\n"
    "    deputy:\n      name: 佐藤 次郎\n      member: city\n",
)
def check_key_person_without_deputy(c: Consortium) -> Iterator[Hit]:
    if c.charter is None:
        return
    for i, person in enumerate(c.charter.data["key_persons"]):
        if "deputy" not in person:
            yield Hit(c.charter, ("key_persons", i), {"name": person["name"]})


@rule(
    "DX102",
    "unknown-key-person-member",
    Severity.ERROR,
    title={"ja": "キーパーソンの所属がメンバーにない", "en": "Key person's member is unknown"},
    message={
        "ja": "「{name}」の所属「{member}」は members.yaml にありません。",
        "en": "'{name}' belongs to '{member}', which is not in members.yaml.",
    },
    docs=docs(
        what=(
            "キーパーソンとその代理の所属（`member`）が、members.yaml のメンバー id であるかを確かめます。",
            "Checks that the `member` of every key person and deputy is a member id in members.yaml.",
        ),
        why=(
            "所属が分からないキーパーソンは、役割・期限表やネットワーク分析とつながらず、"
            "誰に連絡すればよいかも曖昧になります。",
            "A key person whose organisation is unknown cannot be tied to the role matrix or "
            "the network analysis, and nobody knows whom to contact.",
        ),
        fix=(
            "members.yaml にメンバーを追加するか、id の綴りを直してください。",
            "Add the member to members.yaml or correct the id.",
        ),
    ),
    guide="key-person/index.md",
    example="    member: shiyakusho   # members.yaml has 'city'\n",
    fix="    member: city\n",
)
def check_unknown_key_person_member(c: Consortium) -> Iterator[Hit]:
    ids = c.member_ids()
    if c.charter is None or ids is None:
        return
    for i, person in enumerate(c.charter.data["key_persons"]):
        if person["member"] not in ids:
            yield Hit(c.charter, ("key_persons", i, "member"), {"name": person["name"], "member": person["member"]})
        deputy = person.get("deputy")
        if deputy and deputy["member"] not in ids:
            yield Hit(
                c.charter,
                ("key_persons", i, "deputy", "member"),
                {"name": deputy["name"], "member": deputy["member"]},
            )
