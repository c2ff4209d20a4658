"""Geometry of the SOP flowcharts, read from the SVG the engine draws: each branch label is
nearer its own arrow than any other, touches no rule, arrow or other text; no text crosses
a table rule (so none overflows its cell) or leaves its symbol. Run on every SOP of the
example repository and on the stress fixture (40 steps, 6 pelaksana, 3 decisions,
150-character steps)."""

from __future__ import annotations

from pathlib import Path

import pytest

from probis_cli import api
from probis_cli.index import Index
from probis_cli.render.base import RenderContext
from probis_cli.render.diagrams.lintas_fungsi import render_lintas_fungsi
from probis_cli.render.diagrams.sop_flow import render_sop_flow
from probis_cli.render.graphviz import Engine, find_engine
from tests.geometry.stress import KODE, write_stress_repo
from tests.geometry.svgcheck import Svg, boxes_overlap, inside, read_svg, segment_box_distance, segment_hits_box, shrink

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kota-contoh"
CTX = RenderContext(lang="id")


def _load(root: Path) -> Index:
    loaded = api.load(root, use_cache=False)
    assert not [f for f in loaded.findings if f.severity.name == "ERROR"], loaded.findings
    return loaded.index


@pytest.fixture(scope="module")
def engine() -> Engine:
    return find_engine("auto")


@pytest.fixture(scope="module")
def stress(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return _load(write_stress_repo(tmp_path_factory.mktemp("stress")))


@pytest.fixture(scope="module")
def pages(engine: Engine, stress: Index) -> dict[str, Svg]:
    """Every SOP flowchart page and lintas fungsi map (its decisions are labelled the same
    way) of the example and the stress fixture, as read geometry."""
    out: dict[str, Svg] = {}
    for index in (_load(EXAMPLE), stress):
        for artifact in [*render_sop_flow(index, CTX), *render_lintas_fungsi(index, CTX)]:
            out[artifact.path] = read_svg(engine.render(artifact.text(), "svg"))
    return out


def test_stress_fixture_is_multi_page(pages: dict[str, Svg]) -> None:
    mine = sorted(p for p in pages if p.startswith(f"sop/{KODE}/"))
    assert mine == [f"sop/{KODE}/halaman-{n}" for n in range(1, 5)]
    labels = [t.text for path in mine for t in pages[path].texts if "label" in t.classes]
    # every branch label is drawn in full (wrapped, never cut)
    assert "…" not in "".join(t.text for path in mine for t in pages[path].texts)
    assert {"Ya", "Tidak", "Disetujui"} <= set(labels)


def test_branch_labels_sit_by_their_own_arrow(pages: dict[str, Svg]) -> None:
    problems: list[str] = []
    checked = 0
    for path, svg in sorted(pages.items()):
        arrows: dict[str, list[tuple[tuple[float, float], tuple[float, float]]]] = {}
        for edge in svg.edges:
            if "arrow" in edge.classes:
                ident = [c for c in edge.classes if c.startswith("ar__")][0]
                arrows.setdefault(ident, []).extend(edge.segments())
        rules = [seg for edge in svg.edges if "rule" in edge.classes for seg in edge.segments()]
        by_label: dict[str, list[tuple[float, float, float, float]]] = {}
        for text in svg.texts:
            if "label" in text.classes:
                ident = [c for c in text.classes if c.startswith("ar__")][0]
                by_label.setdefault(ident, []).append(text.box)
        for ident, boxes in by_label.items():
            checked += 1
            box = (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
            own = min(segment_box_distance(p, q, box) for p, q in arrows[ident])
            for other, segments in arrows.items():
                if other != ident:
                    nearest = min(segment_box_distance(p, q, box) for p, q in segments)
                    if nearest <= own:
                        problems.append(
                            f"{path}: label {ident} is {nearest:.1f} from another arrow, {own:.1f} from its own"
                        )
            core = shrink(box, 0.5)
            if any(segment_hits_box(p, q, core) for p, q in rules):
                problems.append(f"{path}: label {ident} crosses a table rule")
            if any(segment_hits_box(p, q, core) for segments in arrows.values() for p, q in segments):
                problems.append(f"{path}: an arrow runs through label {ident}")
            for text in svg.texts:
                if text.box not in boxes and boxes_overlap(core, text.box):
                    problems.append(f"{path}: label {ident} covers the text {text.text!r}")
    assert checked >= 20
    assert not problems, "\n".join(problems)


def test_no_text_crosses_a_rule_or_leaves_its_symbol(pages: dict[str, Svg]) -> None:
    problems: list[str] = []
    for path, svg in sorted(pages.items()):
        rules = [seg for edge in svg.edges if "rule" in edge.classes for seg in edge.segments()]
        for text in svg.texts:
            core = shrink(text.box, 0.5)
            if any(segment_hits_box(p, q, core) for p, q in rules):
                problems.append(f"{path}: {text.text!r} crosses a table rule")
        for node in svg.nodes:
            if node.title.startswith("sym__") and node.outline is not None:
                for text in node.texts:
                    if not inside(text.box, node.outline):
                        problems.append(f"{path}: {text.text!r} leaves its symbol")
    assert not problems, "\n".join(problems)
