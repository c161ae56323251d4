"""The members page's network drawing: every member a box, its name wrapped, marks said in words."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from dxkit.analyses.keyperson import analyse
from dxkit.loading import load_text
from dxkit.model import Consortium
from dxkit.render import site_network
from dxkit.render.site_network import render_network

SVG = "{http://www.w3.org/2000/svg}"


def _consortium(members: list[tuple[str, str, list[str]]]) -> Consortium:
    """Members as (id, name, ids it relates to)."""
    lines = ""
    for mid, name, related in members:
        relations = ", ".join(f"{{with: {w}}}" for w in related)
        lines += f"  - {{id: {mid}, name: {name}, type: municipality, relations: [{relations}]}}\n"
    c = Consortium(root=".", today=dt.date(2026, 10, 1))
    c.add(load_text(f"kind: members\nversion: 1\nmembers:\n{lines}", "members.yaml"))
    return c


#: A chain a - b - c, and d on its own: b holds the chain together.
CHAIN = [("a", "汐見市 企画部", ["b"]), ("b", "汐見信用金庫", ["c"]), ("c", "汐見大学", []), ("d", "ひとりの会", [])]


def _nodes(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {
        "".join(t.text or "" for t in g.iter(f"{SVG}text")): g
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "dxkit-node"
    }


@pytest.mark.parametrize(
    ("lang", "title", "cut"),
    [
        ("ja", "メンバーのつながりの図", "抜けるとネットワークが分かれる"),
        ("en", "Diagram of how members connect", "split"),
    ],
)
def test_every_member_is_a_box_and_the_marks_are_said_in_words(lang, title, cut):
    c = _consortium(CHAIN)
    network = render_network(c, analyse(c), lang)
    root = ET.fromstring(network.svg)
    assert root.findtext(f"{SVG}title") == title and root.get("aria-labelledby") == "network-title network-desc"
    assert "4" in (root.findtext(f"{SVG}desc") or "") and "汐見信用金庫" in (root.findtext(f"{SVG}desc") or "")
    nodes = _nodes(network.svg)
    assert set(nodes) == {"汐見市 企画部", "汐見信用金庫", "汐見大学", "ひとりの会"}
    hub = nodes["汐見信用金庫"]
    assert "cut" in (hub.get("data-kind") or "")
    said = hub.findtext(f"{SVG}title") or ""
    assert said.startswith("汐見信用金庫") and cut in said and "汐見大学" in said
    assert len([e for e in root.iter(f"{SVG}line") if e.get("class") == "dxkit-edge"]) == 2


def test_the_same_files_give_the_same_drawing_and_boxes_stay_inside_it():
    c = _consortium(CHAIN)
    first, again = render_network(c, analyse(c), "ja").svg, render_network(c, analyse(c), "ja").svg
    assert first == again
    root = ET.fromstring(first)
    width, height = float(root.get("width", "0")), float(root.get("height", "0"))
    for rect in root.iter(f"{SVG}rect"):
        x, y = float(rect.get("x", "0")), float(rect.get("y", "0"))
        assert x >= 0 and x + float(rect.get("width", "0")) <= width
        assert y >= 0 and y + float(rect.get("height", "0")) <= height


def test_a_long_name_is_wrapped_and_cut_but_its_title_keeps_it_whole():
    name = "汐見市地域デジタル化推進協議会事務局の広報とシビックテック連携の作業部会"
    c = _consortium([("a", name, [])])
    (node,) = _nodes(render_network(c, analyse(c), "ja").svg).values()
    lines = [t.text or "" for t in node.iter(f"{SVG}text")]
    assert len(lines) == site_network.MAX_LINES and lines[-1].endswith("…")
    assert (node.findtext(f"{SVG}title") or "").startswith(name)


def test_too_many_members_for_a_drawing_says_so(monkeypatch):
    monkeypatch.setattr(site_network, "MAX_MEMBERS", 3)
    c = _consortium(CHAIN)
    for lang, words in (("ja", "図は載せていません"), ("en", "left out")):
        network = render_network(c, analyse(c), lang)
        assert network.svg == "" and words in network.note and "4" in network.note


def test_a_network_too_large_to_draw_is_never_built(monkeypatch):
    # Counting its members is enough, and spares importing networkx.
    monkeypatch.setattr(site_network, "MAX_MEMBERS", 3)
    monkeypatch.setattr(site_network, "build_graph", lambda c: pytest.fail("the graph was built"))
    c = _consortium(CHAIN)
    assert render_network(c, analyse(c), "en").members == 4
