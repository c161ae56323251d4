"""Rules on the role & deadline matrix (``roles.yaml``): DX3xx.

They encode the report's answer to its pitfalls (報告書（案）図5-2): agree before starting who
does what by when, with an indicator of done, and when a task is late, the organisation in
charge states the reason and how it will recover.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dxkit.findings import Severity
from dxkit.rules import Consortium, Hit, docs, iter_duplicate_ids, rule

_CLOSED = ("done", "cancelled")
_RACI = ("responsible", "accountable", "consulted", "informed")


def _accountable(task: dict) -> list[str]:
    value = task["accountable"]
    return [value] if isinstance(value, str) else list(value)


@rule(
    "DX301",
    "missing-accountable",
    Severity.ERROR,
    title={"ja": "説明責任者（A）がいない", "en": "No accountable member"},
    message={
        "ja": "タスク {task} に説明責任（accountable）を持つメンバーがいません。一つだけ決めてください。",
        "en": "Task {task} has no accountable member; name exactly one.",
    },
    docs=docs(
        what=(
            "各タスクの `accountable` が空でないかを確かめます。",
            "Checks that every task's `accountable` is not empty.",
        ),
        why=(
            "結果に責任を持つ人がいないタスクは、遅れても誰も説明しません。報告書（案）図5-2 は、"
            "役割分担が曖昧なまま始めると手戻りが起きると指摘しています。",
            "A task nobody answers for slips without anyone explaining why. The report draft "
            "(fig. 5-2) warns that vague role splits lead to rework.",
        ),
        fix=(
            "`accountable` にメンバー id を一つ書いてください。",
            "Set `accountable` to one member id.",
        ),
    ),
    guide="projects/role-matrix.md",
    example="    accountable: []\n",
    fix="    accountable: city\n",
)
def check_missing_accountable(c: Consortium) -> Iterator[Hit]:
    if c.roles is None:
        return
    for i, task in enumerate(c.roles.data["tasks"]):
        if not _accountable(task):
            yield Hit(c.roles, ("tasks", i, "accountable"), {"task": task["id"]})


@rule(
    "DX302",
    "multiple-accountable",
    Severity.ERROR,
    title={"ja": "説明責任者（A）が複数いる", "en": "More than one accountable member"},
    message={
        "ja": "タスク {task} の説明責任（accountable）が {count} メンバー（{members}）に分かれています。一つに絞ってください。",
        "en": "Task {task} has {count} accountable members ({members}); keep exactly one.",
    },
    docs=docs(
        what=(
            "各タスクの `accountable` が一つのメンバーだけかを確かめます。",
            "Checks that every task has exactly one accountable member.",
        ),
        why=(
            "説明責任が分かれると、互いに相手が対応すると考え、判断が遅れます。実行（R）は複数でも、"
            "説明責任（A）は一つに絞るのが RACI の原則です。",
            "Shared accountability means each side waits for the other. Several members may be "
            "responsible (R), but RACI keeps one accountable (A).",
        ),
        fix=(
            "一つを `accountable` に残し、他は `responsible` か `consulted` に移してください。",
            "Keep one member in `accountable`; move the others to `responsible` or `consulted`.",
        ),
    ),
    guide="projects/role-matrix.md",
    example="    accountable: [city, shinkin]\n",
    fix="    accountable: city\n    responsible: [city, shinkin]\n",
)
def check_multiple_accountable(c: Consortium) -> Iterator[Hit]:
    if c.roles is None:
        return
    for i, task in enumerate(c.roles.data["tasks"]):
        members = _accountable(task)
        if len(members) > 1:
            yield Hit(
                c.roles,
                ("tasks", i, "accountable"),
                {"task": task["id"], "count": len(members), "members": ", ".join(members)},
            )


@rule(
    "DX303",
    "unknown-raci-member",
    Severity.ERROR,
    title={"ja": "RACI にメンバーでない id", "en": "RACI names an unknown member"},
    message={
        "ja": "タスク {task} の {field} にある「{member}」は members.yaml にいません。",
        "en": "Task {task} names '{member}' in {field}, but it is not in members.yaml.",
    },
    docs=docs(
        what=(
            "役割・期限表の responsible・accountable・consulted・informed に書いた id が、"
            "すべて members.yaml のメンバーであるかを確かめます。",
            "Checks that every id in responsible, accountable, consulted and informed is a member in members.yaml.",
        ),
        why=(
            "存在しないメンバーに割り当てたタスクは、実際には誰も担当していません。",
            "A task assigned to a member that does not exist is, in practice, owned by nobody.",
        ),
        fix=(
            "メンバーを members.yaml に加えるか、id の綴りを直してください。",
            "Add the member to members.yaml, or correct the id.",
        ),
    ),
    guide="projects/role-matrix.md",
    example="    responsible: [shinkn]\n",
    fix="    responsible: [shinkin]\n",
)
def check_unknown_raci_member(c: Consortium) -> Iterator[Hit]:
    ids = c.member_ids()
    if c.roles is None or ids is None:
        return
    for i, task in enumerate(c.roles.data["tasks"]):
        for field in _RACI:
            value = task.get(field)
            if value is None:
                continue
            members = [value] if isinstance(value, str) else value
            for j, member in enumerate(members):
                if member not in ids:
                    path: tuple[str | int, ...] = ("tasks", i, field)
                    if not isinstance(value, str):
                        path = (*path, j)
                    yield Hit(c.roles, path, {"task": task["id"], "field": field, "member": member})


@rule(
    "DX304",
    "missing-done-criteria",
    Severity.ERROR,
    title={"ja": "完了の基準がない", "en": "No done criteria"},
    message={
        "ja": "タスク {task} に完了の基準（done_criteria）がありません。何をもって完了とするかを書いてください。",
        "en": "Task {task} has no done_criteria; write what counts as done.",
    },
    docs=docs(
        what=(
            "中止（cancelled）以外のタスクに `done_criteria` があるかを確かめます。",
            "Checks that every task that is not cancelled has `done_criteria`.",
        ),
        why=(
            "報告書（案）図5-2 は、誰が何をいつまでに行うかを指標とともに着手前に合意することを、"
            "手戻りを防ぐ方法として挙げています。完了の基準がなければ、進み具合を誰も判断できません。",
            "The report draft (fig. 5-2) names agreeing, before starting, who does what by when "
            "with indicators as the way to avoid rework. Without done criteria nobody can tell "
            "whether the task is finished.",
        ),
        fix=(
            "成果物や状態で完了の基準を書いてください（例: 課題一覧に 10 件以上記録されている）。",
            "Describe done as a deliverable or a state (e.g. ten issues recorded in the register).",
        ),
    ),
    guide="projects/role-matrix.md",
    example="  - id: T-001\n    title: 住民ワークショップを開く\n",
    fix="  - id: T-001\n    title: 住民ワークショップを開く\n"
    "    done_criteria: 地域課題が 10 件以上、課題一覧に記録されている\n",
)
def check_missing_done_criteria(c: Consortium) -> Iterator[Hit]:
    if c.roles is None:
        return
    for i, task in enumerate(c.roles.data["tasks"]):
        if task["status"] != "cancelled" and "done_criteria" not in task:
            yield Hit(c.roles, ("tasks", i), {"task": task["id"]})


@rule(
    "DX305",
    "overdue-without-recovery-plan",
    Severity.ERROR,
    title={"ja": "遅延の理由と挽回策がない", "en": "Overdue without a recovery plan"},
    message={
        "ja": "タスク {task} は期限 {due} を {days} 日過ぎています。delay に理由（reason）と挽回策（recovery_plan）を書いてください。",
        "en": "Task {task} is {days} days past its due date {due}; add a delay with a reason and a recovery_plan.",
    },
    docs=docs(
        what=(
            "期限を過ぎ、完了も中止もしていないタスクに、`delay.reason`（理由）と "
            "`delay.recovery_plan`（挽回策）があるかを確かめます。基準日は `--today`（既定は今日）です。",
            "Checks that a task past its due date, neither done nor cancelled, has "
            "`delay.reason` and `delay.recovery_plan`. The reference date is `--today` "
            "(today by default).",
        ),
        why=(
            "報告書（案）図5-2 は、遅れが生じたときには遅れた組織が理由と挽回策を示すことを求めています。"
            "黙った遅れは、他のメンバーの計画も崩します。",
            "The report draft (fig. 5-2) asks the organisation that is late to state the reason "
            "and how it will recover. A silent delay breaks other members' plans too.",
        ),
        fix=(
            "`delay` に `reason` と `recovery_plan` を書き、見直した期限があれば `new_due` に書いてください。",
            "Add `delay` with `reason` and `recovery_plan`, and `new_due` for the revised date.",
        ),
    ),
    guide="projects/role-matrix.md",
    example="    due: 2026-03-31\n    status: in-progress\n",
    fix="    due: 2026-03-31\n    status: in-progress\n    delay:\n"
    "      reason: 機器の納期が遅れた\n      recovery_plan: 設置を二班に分けて進める\n"
    "      new_due: 2026-05-15\n",
)
def check_overdue_without_recovery_plan(c: Consortium) -> Iterator[Hit]:
    if c.roles is None:
        return
    for i, task in enumerate(c.roles.data["tasks"]):
        if task["status"] in _CLOSED:
            continue
        due = dt.date.fromisoformat(task["due"])
        if due >= c.today:
            continue
        delay = task.get("delay") or {}
        if delay.get("reason") and delay.get("recovery_plan"):
            continue
        yield Hit(
            c.roles,
            ("tasks", i, "due"),
            {"task": task["id"], "due": task["due"], "days": (c.today - due).days},
        )


@rule(
    "DX306",
    "duplicate-task-id",
    Severity.ERROR,
    title={"ja": "タスク id の重複", "en": "Duplicate task id"},
    message={
        "ja": "タスク id「{id}」が重複しています（最初は {first} 行目）。",
        "en": "Task id '{id}' is used twice (first on line {first}).",
    },
    docs=docs(
        what=("同じ id のタスクがないかを確かめます。", "Checks that no task id is used twice."),
        why=(
            "id はタスクを Excel や予定表と対応づける鍵です。重複すると更新が別のタスクに入ります。",
            "The id ties a task to spreadsheets and calendars; a duplicate sends updates to the wrong task.",
        ),
        fix=("片方に新しい id を付けてください。", "Give one of them a new id."),
    ),
    guide="projects/role-matrix.md",
    example="  - id: T-001\n  - id: T-001\n",
    fix="  - id: T-001\n  - id: T-002\n",
)
def check_duplicate_task_id(c: Consortium) -> Iterator[Hit]:
    yield from iter_duplicate_ids(c.roles, "tasks")
