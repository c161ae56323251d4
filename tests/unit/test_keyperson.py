"""The key-person analysis on small networks whose answer is known by hand."""

from __future__ import annotations

import datetime as dt
import json
import re

from dxkit.analyses.keyperson import analyse
from dxkit.loading import load_text
from dxkit.model import Consortium


def _members(edges: list[tuple[str, str]], nodes: list[str] | None = None, types: dict[str, str] | None = None) -> str:
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
    return "\n".join(lines) + "\n"


def _consortium(
    edges: list[tuple[str, str]],
    nodes: list[str] | None = None,
    charter: str | None = None,
    types: dict[str, str] | None = None,
) -> Consortium:
    c = Consortium(root=".", today=dt.date(2026, 10, 1))
    c.add(load_text(_members(edges, nodes, types), "members.yaml"))
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


CHARTER = """kind: consortium
version: 1
name: x
municipality: y
purpose: z
scope: [mobility]
key_persons:
  - {name: 山田, member: a, role: 事務局, rotation_expected: "2027-04"}
stage: planning
"""


def test_isolated_member_and_missing_deputy_are_risks():
    report = analyse(_consortium([("a", "b")], nodes=["lonely"], charter=CHARTER))
    kinds = {(r.kind, r.member) for r in report.risks}
    assert ("no-deputy", "a") in kinds and ("isolated", "lonely") in kinds
    assert ("rotation", "a") in kinds
    assert report.components == 2


def test_every_members_file_and_every_roles_file_counts():
    # The network and the accountable counts span all files of a kind (a split by fiscal year).
    c = _consortium([("a", "b")])
    c.add(load_text(_members([("c", "a")]), "members-2027.yaml"))
    roles = "kind: roles\nversion: 1\ntasks:\n  - {{id: {id}, title: t, stage: planning, responsible: [{who}],"
    roles += " accountable: {who}, due: 2026-12-01, status: in-progress}}\n"
    c.add(load_text(roles.format(id="T-1", who="b"), "roles.yaml"))
    c.add(load_text(roles.format(id="T-2", who="b"), "roles-2027.yaml"))
    report = analyse(c)
    assert report.members == 3 and report.relations == 2
    assert report.articulation_points == ["a"]
    b = next(cand for cand in analyse(c, top=3).candidates if cand.member == "b")
    assert b.accountable == 2


def test_report_keeps_its_json_shape():
    import dataclasses

    report = analyse(_consortium([("a", "b")], charter=CHARTER))
    data = json.loads(json.dumps(dataclasses.asdict(report)))
    assert list(data) == [
        "members",
        "relations",
        "candidates",
        "risks",
        "articulation_points",
        "components",
        "mermaid",
        "layers",
        "talent_plan",
    ]
    assert list(data["candidates"][0]) == [
        "member",
        "name",
        "type",
        "score",
        "betweenness",
        "degree",
        "accountable",
        "key_persons",
        "reasons",
    ]
    assert data["candidates"][0]["key_persons"] == ["山田"]


def test_mermaid_graph_escapes_names():
    hostile = 'A"]; click a call alert(1)//<script> %%{init: {}}%%\n  m1 --> m0'
    text = _members([("a", "b")]).replace("name: A", f"name: {json.dumps(hostile)}", 1)
    c = Consortium(root=".", today=dt.date(2026, 10, 1))
    c.add(load_text(text, "members.yaml"))
    mermaid = analyse(c).mermaid
    first = mermaid.split("\n")[1]
    label = re.fullmatch(r'    m0\["(.*)"\]', first)
    assert label is not None, first
    plain = re.sub(r"#\d+;", "", label.group(1))  # what is left besides mermaid's entity codes
    assert not set(plain) & set('"[]{}()<>;%|`#'), plain
    assert "#34;#93;#59; click a call alert#40;1#41;" in label.group(1)
    assert not any(line.lstrip().startswith("m1 -") for line in mermaid.splitlines()) and len(mermaid.splitlines()) == 7
    assert mermaid.startswith("graph LR\n") and "m0 --- m1" in mermaid


def test_one_deputy_for_two_key_persons_is_a_risk():
    charter = CHARTER.replace(
        '  - {name: 山田, member: a, role: 事務局, rotation_expected: "2027-04"}\n',
        "  - {name: 山田, member: a, role: 事務局, deputy: {name: 佐藤, member: b}}\n"
        "  - {name: 田中, member: b, role: 技術, deputy: {name: 佐藤, member: b}}\n"
        "  - {name: 鈴木, member: a, role: 広報, deputy: {name: 高橋, member: a}}\n",
    )
    report = analyse(_consortium([("a", "b")], charter=charter))
    shared = [r for r in report.risks if r.kind == "shared-deputy"]
    expected = {"deputy": "佐藤", "count": 2, "names": "山田、田中"}
    assert [(r.member, r.reason.params) for r in shared] == [("b", expected)]
    assert not [r for r in report.risks if r.kind == "no-deputy"]


def _graphs():
    import random

    import networkx as nx

    star = nx.star_graph(6)
    chain = nx.path_graph(7)
    bridge = nx.barbell_graph(4, 1)  # two cliques and one member between them
    rng = random.Random(11)
    tangled = nx.gnm_random_graph(80, 120, seed=rng.randrange(1000))
    tangled.add_nodes_from(range(80, 84))  # and a few isolated members
    for graph in (star, chain, bridge, tangled):
        yield nx.relabel_nodes(graph, {n: f"m{n:02d}" for n in graph.nodes})


def test_betweenness_is_the_exact_value_networkx_gives():
    import networkx as nx

    from dxkit.analyses.keyperson import betweenness_of

    for graph in _graphs():
        expected = nx.betweenness_centrality(graph, normalized=True)
        found = betweenness_of(graph)
        assert found.keys() == expected.keys()
        assert all(abs(found[n] - expected[n]) < 1e-12 for n in graph.nodes), graph


def test_parts_without_a_cut_member_match_removing_it():
    import networkx as nx

    from dxkit.analyses.keyperson import parts_without

    for graph in _graphs():
        cut = set(nx.articulation_points(graph))
        assert cut, graph
        parts = parts_without(graph, cut)
        for node in cut:
            others = graph.copy()
            others.remove_node(node)
            assert parts[node] == nx.number_connected_components(others), node
