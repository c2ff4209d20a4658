"""The same boxes with either engine: probis sizes every box of the maps Graphviz lays out
(pohon kinerja, level 0, level n, relasi) from the bundled font's metrics and pins it, so the
system ``dot`` (which measures text with the fonts it finds, ~7 % wider) and the WebAssembly
engine draw boxes of the same size in the same places."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from probis_cli import api
from probis_cli.render import run
from probis_cli.render.base import RenderContext
from probis_cli.render.diagrams.dot import label_lines, pinned_size, plain_label, wrap
from probis_cli.render.graphviz import find_engine

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kota-contoh"
NODE = re.compile(r'<g id="node\d+" class="node">\s*<title>([^<]*)</title>(.*?)</g>', re.S)
SHAPE = re.compile(r'<(?:polygon|path)[^>]*?(?:points|d)="([^"]+)"')
CANVAS = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')


def _boxes(svg: str) -> dict[str, tuple[float, float, float, float]]:
    """Node name -> (left, bottom, width, height) of its outline, relative to the first node."""
    out = {}
    for match in NODE.finditer(svg):
        shape = SHAPE.search(match.group(2))
        if shape:
            numbers = [float(n) for n in re.findall(r"-?\d+\.?\d*", shape.group(1))]
            xs, ys = numbers[0::2], numbers[1::2]
            out[match.group(1)] = (min(xs), max(ys), max(xs) - min(xs), max(ys) - min(ys))
    first = out[sorted(out)[0]]
    return {k: (v[0] - first[0], v[1] - first[1], v[2], v[3]) for k, v in out.items()}


FONTS = Path(__file__).resolve().parents[2] / "src" / "probis_cli" / "render" / "fonts"


def _font_width(text: str, size: float, *, bold: bool) -> float:
    """Advance width in points of ``text`` in the bundled Liberation Sans (what the SVG is drawn with)."""
    font = TTFont(FONTS / ("LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"))
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    return sum(metrics[cmap[ord(ch)]][0] for ch in text) * size / font["head"].unitsPerEm


@pytest.mark.parametrize(
    "lines, attrs",
    [
        (["Dinas Kesehatan"], {}),
        (wrap("Badan Perencanaan Pembangunan Daerah dan Penelitian", 22), {"fontsize": "13"}),
        (["PB.02", "Pelayanan Kesehatan", "[Dinkes · 2 subproses]"], {"fontname": "Helvetica-Bold"}),
        (["• Data Proyeksi", "  Sasaran Imunisasi", "+4 lainnya"], {"fontsize": "9", "margin": "0.06,0.04"}),
    ],
)
def test_pinned_box_holds_its_text_in_the_bundled_font(lines: list[str], attrs: dict[str, str]) -> None:
    """Text as wide as the font draws it, plus the margins, and Graphviz's line height."""
    label = plain_label(lines, justify="left" if lines[0].startswith("•") else "center")
    assert label_lines(label) == lines
    pinned = pinned_size(label, {"shape": "box", **attrs})
    size = float(attrs.get("fontsize", "11"))
    margin_x, _, margin_y = attrs.get("margin", "0.15,0.08").partition(",")
    text = max(_font_width(line, size, bold="Bold" in attrs.get("fontname", "")) for line in lines)
    # at least Graphviz's default box, 0.75 × 0.5 in
    assert abs(float(pinned["width"]) * 72 - max(text + 2 * 72 * float(margin_x), 54)) <= 1.0
    assert abs(float(pinned["height"]) * 72 - max(len(lines) * size * 1.2 + 2 * 72 * float(margin_y), 36)) <= 0.1
    assert pinned["fixedsize"] == "true"


def test_pinned_size_is_what_graphviz_gives_an_unpinned_box() -> None:
    """For regular Helvetica the WebAssembly engine measures with the same metrics, so pinning
    changes nothing there; and a short label keeps Graphviz's minimum box (0.75 × 0.5 in)."""
    label = plain_label(["Dinas Kesehatan", "Kota Contoh"])
    dot = f'digraph {{ node [shape=box margin="0.15,0.08" fontsize=11 fontname=Helvetica]; a [label="{label}"] }}'
    ((_, _, width, height),) = _boxes(find_engine("wasm").render(dot, "svg").decode()).values()
    pinned = pinned_size(label, {})
    assert abs(float(pinned["width"]) * 72 - width) <= 0.5 and abs(float(pinned["height"]) * 72 - height) <= 0.5
    assert pinned_size("x", {}) == {"width": "0.750", "height": "0.500", "fixedsize": "true"}
    assert pinned_size("x", {"shape": "diamond"}) == pinned_size("", {}) == {}  # not boxes / nothing to size


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs the system Graphviz (dot)")
def test_system_dot_and_wasm_place_the_same_boxes() -> None:
    index = api.load(EXAMPLE, use_cache=False).index
    artifacts = {a.path: a for a in run.build_artifacts(index, RenderContext(lang="id", image_format="svg"))}
    system, wasm = find_engine("system"), find_engine("wasm")
    for path in ("relasi/proses/PB.02.01.01", "relasi/opd/dinkes", "hierarki/opd/dinkes", "relasi/matriks"):
        a = system.render(artifacts[path].text(), "svg").decode()
        b = wasm.render(artifacts[path].text(), "svg").decode()
        boxes_a, boxes_b = _boxes(a), _boxes(b)
        assert boxes_a.keys() == boxes_b.keys()
        for name, box in boxes_a.items():
            other = boxes_b[name]
            assert abs(box[2] - other[2]) <= 1.5 and abs(box[3] - other[3]) <= 1.5, (path, name, box, other)
        (wa, ha), (wb, hb) = ([float(v) for v in CANVAS.search(svg).groups()] for svg in (a, b))
        assert abs(wa - wb) <= 2 and abs(ha - hb) <= 4, (path, (wa, ha), (wb, hb))  # the title's line height


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs the system Graphviz (dot)")
def test_system_dot_png_is_drawn_from_its_svg_with_the_bundled_font() -> None:
    """dot's own cairo PNG would draw the text in whatever font fontconfig gives "Helvetica"
    (DejaVu Sans here, ~12 % wider than the boxes probis sized); the SVG route uses Liberation Sans."""
    from probis_cli.render.layout.convert import _svg_to_png

    system = find_engine("system")
    source = 'digraph { node [shape=box fontname=Helvetica]; a [label="Dinas Kesehatan" width=1.5 fixedsize=true] }'
    assert system.render(source, "png") == _svg_to_png(system.render(source, "svg"), system.name)
