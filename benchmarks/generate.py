"""Generate realistic consortium folders for benchmarks (Japanese text, valid by default).

    python benchmarks/generate.py OUT --consortia 1000 [--invalid 100] [--seed 7]
    python benchmarks/generate.py OUT --scale --tasks 10000 --members 600


Each folder holds consortium.yaml, members.yaml (12 members), roles.yaml (30 tasks),
gates.yaml (2 gates), issues.yaml (8 issues) and one KPT retrospective: 6 files. With
``--invalid N``, N role matrices get one planted schema error each (a malformed due date),
so a run also measures located, translated messages.

With ``--scale``, OUT is one consortium of ``--tasks`` tasks and ``--members`` members (a
prefecture-wide network: each member related to the next and to two others at random), for
measuring how each command grows with the size of one consortium.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

MEMBER_TYPES = [
    "municipality",
    "municipality",
    "financial-institution",
    "local-media",
    "education-research",
    "telecom-bureau",
    "ict-business",
    "ict-business",
    "local-business",
    "civic-tech",
    "resident-group",
    "prefecture",
]
VERBS = [
    "住民説明会を開く",
    "データを棚卸しする",
    "試作アプリを検証する",
    "通信環境を調べる",
    "事業性を試算する",
    "協定を結ぶ",
    "運行計画を作る",
    "センサーを設置する",
    "報告書をまとめる",
    "研修を開く",
]
TOPICS = ["防災", "オンデマンド交通", "水揚げデータ", "子育て支援", "観光案内", "見守り", "商店街", "農業"]
STAGES = ["planning", "demonstration", "implementation"]
STATUS = ["not-started", "in-progress", "done", "done", "blocked"]


def q(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def working_day(date: dt.date) -> dt.date:
    """``date``, or the next day that is no weekend, national holiday or 年末年始 (as DX308 judges)."""
    from dxkit.days_off import day_off

    while day_off(date) is not None:
        date += dt.timedelta(days=1)
    return date


def member_id(i: int, members: int) -> str:
    """``m00`` … ``m11`` for the usual twelve, ``m5999`` in a large network (ids stay unique)."""
    return f"m{i:02d}"


def members_yaml(rng: random.Random, members: int = 12) -> str:
    lines = ["kind: members", "version: 1", "members:"]
    for i in range(members):
        kind = MEMBER_TYPES[i % len(MEMBER_TYPES)]
        lines += [
            f"  - id: {member_id(i, members)}",
            f"    name: {q(f'組織{i:02d}（{kind}）')}",
            f"    type: {kind}",
            "    contributes: [人材, データ]",
            "    relations:",
            f"      - with: {member_id((i + 1) % members, members)}",
            f"      - with: {member_id(rng.randrange(members), members)}",
        ]
        if members > 12:
            lines.append(f"      - with: {member_id(rng.randrange(members), members)}")
    return "\n".join(lines) + "\n"


def roles_yaml(rng: random.Random, broken: bool, tasks: int = 30, members: int = 12) -> str:
    """A role matrix of ``tasks`` tasks; with ``broken``, task 18 has a malformed due date."""
    lines = ["# 役割・期限表", "kind: roles", "version: 1", "tasks:"]
    for t in range(tasks):
        due = working_day(dt.date(2027, rng.randrange(1, 13), rng.randrange(1, 29))).isoformat()
        if broken and t == 17:
            due = due.replace("-", "/")
        lines += [
            f"  - id: T-{t + 1:05d}" if tasks > 999 else f"  - id: T-{t + 1:03d}",
            f"    title: {q(rng.choice(TOPICS) + 'の' + rng.choice(VERBS))}",
            f"    stage: {rng.choice(STAGES)}",
            "    responsible: ["
            + ", ".join(member_id(m, members) for m in sorted(rng.sample(range(members), 2)))
            + "]",
            f"    accountable: {member_id(rng.randrange(members), members)}",
            f"    consulted: [{member_id(10, members)}]",
            f"    informed: [{member_id(3, members)}]",
            f'    due: "{due}"',
            f"    done_criteria: {q('成果物が共有フォルダにあり、会議で承認されている')}",
            "    indicator:",
            "      name: 参加者数",
            "      target: 30 人以上",
            f"    status: {rng.choice(STATUS)}",
        ]
    return "\n".join(lines) + "\n"


def consortium_yaml(i: int) -> str:
    return f"""kind: consortium
version: 1
name: {q(f"ベンチ市{i}地域DX推進協議会")}
municipality: {q(f"ベンチ市{i}")}
purpose: 防災と移動の課題を住民と一緒に解決する。
scope: [disaster-prevention, mobility]
key_persons:
  - name: 山田 花子
    member: m00
    role: 事務局長
    deputy: {{name: 佐藤 次郎, member: m01}}
stage: planning
"""


GATES = """kind: gates
version: 1
gates:
  - id: G1
    from: planning
    to: demonstration
    criteria:
      desirability: [{id: D1, text: 住民が必要としている, evidence: [アンケート]}]
      feasibility: [{id: F1, text: 通信環境がある}]
      viability: [{id: V1, text: 費用の負担者がいる}]
  - id: G2
    from: demonstration
    to: implementation
    criteria:
      desirability: [{id: D1, text: 利用者が続けたい}]
      feasibility: [{id: F1, text: 運用体制がある}]
      viability: [{id: V1, text: 3 年の収支計画がある}]
"""


def issues_yaml(rng: random.Random) -> str:
    lines = ["kind: issues", "version: 1", "issues:"]
    for i in range(8):
        lines += [
            f"  - id: I-{i + 1:03d}",
            f"    title: {q(rng.choice(TOPICS) + 'の困りごと')}",
            "    category: mobility",
            "    priority: medium",
            "    evidence: [聞き取り]",
        ]
    return "\n".join(lines) + "\n"


RETRO = """kind: retrospective
version: 1
format: kpt
title: 振り返り
date: "2026-09-01"
kpt:
  keep: [少人数の話し合い]
  problem: [若い世代の参加が少ない]
  try: [{text: 夜の回を設ける, owner: m00, due: "2026-12-01"}]
"""


def generate(out: Path, consortia: int, invalid: int, seed: int) -> None:
    rng = random.Random(seed)
    broken = set(rng.sample(range(consortia), min(invalid, consortia)))
    for i in range(consortia):
        folder = out / f"c{i:05d}"
        (folder / "retrospectives").mkdir(parents=True, exist_ok=True)
        (folder / "consortium.yaml").write_text(consortium_yaml(i), encoding="utf-8")
        (folder / "members.yaml").write_text(members_yaml(rng), encoding="utf-8")
        (folder / "roles.yaml").write_text(roles_yaml(rng, i in broken), encoding="utf-8")
        (folder / "gates.yaml").write_text(GATES, encoding="utf-8")
        (folder / "issues.yaml").write_text(issues_yaml(rng), encoding="utf-8")
        (folder / "retrospectives" / "2026-09-01-kpt.yaml").write_text(RETRO, encoding="utf-8")


def generate_scale(out: Path, tasks: int, members: int, seed: int) -> None:
    """One consortium of ``tasks`` tasks and ``members`` members."""
    rng = random.Random(seed)
    (out / "retrospectives").mkdir(parents=True, exist_ok=True)
    (out / "consortium.yaml").write_text(consortium_yaml(0), encoding="utf-8")
    (out / "members.yaml").write_text(members_yaml(rng, members), encoding="utf-8")
    (out / "roles.yaml").write_text(roles_yaml(rng, False, tasks, members), encoding="utf-8")
    (out / "gates.yaml").write_text(GATES, encoding="utf-8")
    (out / "issues.yaml").write_text(issues_yaml(rng), encoding="utf-8")
    (out / "retrospectives" / "2026-09-01-kpt.yaml").write_text(RETRO, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--consortia", type=int, default=1000)
    parser.add_argument("--invalid", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", action="store_true", help="one consortium of --tasks tasks and --members members")
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=600)
    args = parser.parse_args()
    if args.scale:
        generate_scale(args.out, args.tasks, args.members, args.seed)
        print(f"wrote one consortium of {args.tasks} tasks and {args.members} members to {args.out}")
        return
    generate(args.out, args.consortia, args.invalid, args.seed)
    print(f"wrote {args.consortia} consortia ({args.consortia * 6} files) to {args.out}")


if __name__ == "__main__":
    main()
