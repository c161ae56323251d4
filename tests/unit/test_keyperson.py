"""The key-person analysis on small networks whose answer is known by hand."""

from __future__ import annotations

import datetime as dt

from dxkit.analyses.keyperson import analyse
from dxkit.loading import load_text
from dxkit.validate import DocumentView as Consortium


def _consortium(
    edges: list[tuple[str, str]],
    nodes: list[str] | None = None,
    charter: str | None = None,
    types: dict[str, str] | None = None,
) -> Consortium:
    names = sorted({n for e in edges for n in e} | set(nodes or []))
    lines = ["kind: members", "version: 1", "members:"]
    for name in names:
        lines += [
            f"  - id: {name}",
            f"    name: {name.upper()}",
            f"    type: {(types or {}).get(name, 'ict-business')}",
        ]
        mine = [b for a, b in edges if a == name]
        if mine:
            lines.append("    relations:")
            lines += [f"      - with: {other}" for other in mine]
    c = Consortium(root=".", today=dt.date(2026, 10, 1))
    c.add(load_text("\n".join(lines) + "\n", "members.yaml"))
    if charter:
        c.add(load_text(charter, "consortium.yaml"))
    return c


def test_star_centre_is_the_key_person_and_a_single_point_of_failure():
    report = analyse(_consortium([("hub", leaf) for leaf in ("a", "b", "c", "d", "e")]))
    assert report.candidates[0].member == "hub"
    assert report.candidates[0].betweenness == 1.0
    assert report.articulation_points == ["hub"]
    assert any(
        r.kind == "articulation-point" and r.member == "hub" and r.reason.params["parts"] == 5 for r in report.risks
    )


def test_chain_middle_ranks_first_and_inner_links_are_cut_points():
    report = analyse(_consortium([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")]))
    assert report.candidates[0].member == "c"
    assert report.articulation_points == ["b", "c", "d"]


def test_two_clusters_joined_by_one_person():
    left = [("l1", "l2"), ("l2", "l3"), ("l1", "l3")]
    right = [("r1", "r2"), ("r2", "r3"), ("r1", "r3")]
    report = analyse(_consortium(left + right + [("l1", "bridge"), ("bridge", "r1")]))
    assert report.candidates[0].member == "bridge"
    assert report.articulation_points == ["bridge", "l1", "r1"]
    assert report.components == 1


def test_isolated_member_and_missing_deputy_are_risks():
    charter = """kind: consortium
version: 1
name: x
municipality: y
purpose: z
scope: [mobility]
key_persons:
  - {name: 山田, member: a, role: 事務局, rotation_expected: "2027-04"}
stage: planning
"""
    report = analyse(_consortium([("a", "b")], nodes=["lonely"], charter=charter))
    kinds = {(r.kind, r.member) for r in report.risks}
    assert ("no-deputy", "a") in kinds and ("isolated", "lonely") in kinds
    assert ("rotation", "a") in kinds
    assert report.components == 2


def test_mermaid_graph_escapes_names():
    c = _consortium([("a", "b")])
    c.members.data["members"][0]["name"] = 'A"]; click a call alert(1)//<script>'
    report = analyse(c)
    assert "<script>" not in report.mermaid and '"]' not in report.mermaid.split("\n")[1][:-2]
    assert report.mermaid.startswith("graph LR\n") and "m0 --- m1" in report.mermaid
