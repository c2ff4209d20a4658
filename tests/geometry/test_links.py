"""Drill-down links in the SVG diagrams: level 0 → level n → lintas fungsi → SOP draft,
relative, and every one resolves to a file the render writes."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from probis_cli import api
from probis_cli.render import run
from probis_cli.render.base import RenderContext
from probis_cli.render.engine import find_engine

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kota-contoh"
URL = re.compile(r'\bURL="([^"]+)"')


def test_every_link_resolves_to_an_output_file() -> None:
    index = api.load(EXAMPLE, use_cache=False).index
    ctx = RenderContext(lang="id", image_format="svg")
    artifacts = run.build_artifacts(index, ctx)
    outputs = {a.path + ("" if a.kind == "markdown" else ".svg") for a in artifacts}
    links: dict[str, list[str]] = {}
    for artifact in artifacts:
        if artifact.kind != "dot":
            continue
        for link in URL.findall(artifact.text()):
            assert not link.startswith("/") and "://" not in link, link  # relative
            target = posixpath.normpath(posixpath.join(posixpath.dirname(artifact.path), link))
            assert target in outputs, f"{artifact.path}: {link} -> {target} is not written"
            links.setdefault(artifact.path.split("/")[0] + "/" + artifact.path.split("/")[1], []).append(target)
    # each step of the drill-down exists somewhere
    assert any(t.startswith("peta/level-n/") for t in links["peta/level-0"])
    assert any(t.startswith("lintas-fungsi/") for t in links["peta/level-n"])
    lintas = [t for k, v in links.items() if k.startswith("lintas-fungsi/") for t in v]
    assert any(t.startswith("sop/") and t.endswith(".md") for t in lintas)


def test_links_are_real_svg_anchors() -> None:
    index = api.load(EXAMPLE, use_cache=False).index
    ctx = RenderContext(lang="id", image_format="svg")
    level0 = {a.path: a for a in run.build_artifacts(index, ctx)}["peta/level-0/pemda"]
    svg = find_engine("auto").render(level0.text(), "svg").decode()
    assert 'xlink:href="../level-n/PB.01.svg"' in svg
