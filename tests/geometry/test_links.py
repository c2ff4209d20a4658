"""Drill-down links in the SVG diagrams: level 0 → level n → lintas fungsi → SOP draft, and
relasi matrix cell → the pair's edge on a per-OPD relasi; relative, and every one resolves to
a file the render writes (and a fragment to an element of that file)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from probis_cli import api
from probis_cli.render import run
from probis_cli.render.base import RenderContext
from probis_cli.render.graphviz import find_engine

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kota-contoh"
URL = re.compile(r'\bURL="([^"]+)"')


def test_every_link_resolves_to_an_output_file() -> None:
    index = api.load(EXAMPLE, use_cache=False).index
    ctx = RenderContext(lang="id", image_format="svg")
    artifacts = run.build_artifacts(index, ctx)
    outputs = {a.path + ("" if a.kind == "markdown" else ".svg") for a in artifacts}
    by_svg = {a.path + ".svg": a for a in artifacts if a.kind == "dot"}
    links: dict[str, list[str]] = {}
    for artifact in artifacts:
        if artifact.kind != "dot":
            continue
        for link in URL.findall(artifact.text()):
            assert not link.startswith("/") and "://" not in link, link  # relative
            link, _, fragment = link.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(artifact.path), link))
            assert target in outputs, f"{artifact.path}: {link} -> {target} is not written"
            if fragment:  # an element of the target: an edge or node with that id
                ids = re.findall(r'\bid="?([^"\s,\]]+)', by_svg[target].text())
                assert fragment in ids, f"{artifact.path}: no #{fragment} in {target}"
            links.setdefault(artifact.path.split("/")[0] + "/" + artifact.path.split("/")[1], []).append(target)
    # each step of the drill-down exists somewhere
    assert any(t.startswith("peta/level-n/") for t in links["peta/level-0"])
    assert any(t.startswith("lintas-fungsi/") for t in links["peta/level-n"])
    lintas = [t for k, v in links.items() if k.startswith("lintas-fungsi/") for t in v]
    assert any(t.startswith("sop/") and t.endswith(".md") for t in lintas)
    # every cell of the relasi matrix opens a per-OPD relasi; those link to one another
    cells = URL.findall(by_svg["relasi/matriks.svg"].text())
    assert cells and all(c.startswith("opd/") and "#pair__" in c for c in cells)
    assert len(cells) == len(re.findall(r"^\s*m__\S+ \[", by_svg["relasi/matriks.svg"].text(), re.M))
    assert any(t.startswith("relasi/opd/") for t in links["relasi/opd"])


def test_links_are_real_svg_anchors() -> None:
    index = api.load(EXAMPLE, use_cache=False).index
    ctx = RenderContext(lang="id", image_format="svg")
    level0 = {a.path: a for a in run.build_artifacts(index, ctx)}["peta/level-0/pemda"]
    svg = find_engine("auto").render(level0.text(), "svg").decode()
    assert 'xlink:href="../level-n/PB.01.svg"' in svg


def test_matrix_cells_open_the_pair_on_a_per_opd_relasi() -> None:
    index = api.load(EXAMPLE, use_cache=False).index
    ctx = RenderContext(lang="id", image_format="svg")
    by_path = {a.path: a for a in run.build_artifacts(index, ctx)}
    engine = find_engine("auto")
    matrix = engine.render(by_path["relasi/matriks"].text(), "svg").decode()
    assert 'xlink:href="opd/bappeda.svg#pair__bappeda__bpkad"' in matrix
    per_opd = engine.render(by_path["relasi/opd/bappeda"].text(), "svg").decode()
    assert 'id="pair__bappeda__bpkad"' in per_opd  # the fragment names the pair's edge
