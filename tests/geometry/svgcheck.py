"""Read a Graphviz SVG back as geometry: text boxes, edge polylines (with their classes),
node outlines — so tests can check what a reader sees, not the DOT that asked for it.

Text widths use the Helvetica metrics (Liberation Sans, the bundled font, has the same
widths); a box spans the font's ascent above the baseline and its descent below.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from probis_cli.render.diagrams.flowgrid import text_width

NS = "{http://www.w3.org/2000/svg}"
ASCENT, DESCENT = 0.75, 0.21  # of the font size: cap height-ish top, descender bottom
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass
class Text:
    text: str
    box: Box
    node: str  # title of the node or edge the text belongs to
    classes: list[str]


@dataclass
class Edge:
    title: str
    classes: list[str]
    points: list[Point]

    def segments(self) -> list[tuple[Point, Point]]:
        return list(zip(self.points, self.points[1:]))


@dataclass
class Node:
    title: str
    classes: list[str]
    outline: Box | None  # bounding box of its polygon/path/ellipse, if drawn
    texts: list[Text] = field(default_factory=list)
    link: str | None = None


@dataclass
class Svg:
    width: float
    height: float
    texts: list[Text]
    edges: list[Edge]
    nodes: list[Node]


def _points(value: str) -> list[Point]:
    numbers = [float(n) for n in NUMBER.findall(value)]
    return list(zip(numbers[0::2], numbers[1::2]))


def _bbox(points: list[Point]) -> Box | None:
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _text_box(element: ET.Element) -> Box:
    size = float(element.get("font-size", "14"))
    bold = element.get("font-weight") == "bold" or "Bold" in element.get("font-family", "")
    width = text_width(element.text or "", size, bold=bold)
    x, y = float(element.get("x", "0")), float(element.get("y", "0"))
    anchor = element.get("text-anchor", "start")
    x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return x0, y - ASCENT * size, x0 + width, y + DESCENT * size


def read_svg(data: bytes | str) -> Svg:
    root = ET.fromstring(data)
    width = float(NUMBER.findall(root.get("width", "0"))[0])
    height = float(NUMBER.findall(root.get("height", "0"))[0])
    texts: list[Text] = []
    edges: list[Edge] = []
    nodes: list[Node] = []
    for group in root.iter(f"{NS}g"):
        classes = (group.get("class") or "").split()
        if "node" not in classes and "edge" not in classes:
            continue
        title_el = group.find(f"{NS}title")
        title = title_el.text or "" if title_el is not None else ""
        own_texts = [
            Text(t.text or "", _text_box(t), title, classes) for t in group.iter(f"{NS}text") if (t.text or "").strip()
        ]
        texts.extend(own_texts)
        if "edge" in classes:
            path = group.find(f"{NS}path")
            edges.append(Edge(title, classes, _points(path.get("d", "")) if path is not None else []))
            continue
        outline: list[Point] = []
        for shape in group.iter():
            tag = shape.tag.removeprefix(NS)
            if tag == "polygon" and shape.get("fill") != "transparent":
                outline += _points(shape.get("points", ""))
            elif tag == "path":
                outline += _points(shape.get("d", ""))
            elif tag == "ellipse":
                cx, cy = float(shape.get("cx", "0")), float(shape.get("cy", "0"))
                rx, ry = float(shape.get("rx", "0")), float(shape.get("ry", "0"))
                outline += [(cx - rx, cy - ry), (cx + rx, cy + ry)]
        link = None
        for anchor in group.iter(f"{NS}a"):
            link = anchor.get("{http://www.w3.org/1999/xlink}href") or anchor.get("href")
            if link:
                break
        nodes.append(Node(title, classes, _bbox(outline), own_texts, link))
    return Svg(width, height, texts, edges, nodes)


# -- geometry ---------------------------------------------------------------------------------
def shrink(box: Box, by: float) -> Box:
    return box[0] + by, box[1] + by, box[2] - by, box[3] - by


def boxes_overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(inner: Box, outer: Box, tolerance: float = 0.5) -> bool:
    return (
        inner[0] >= outer[0] - tolerance
        and inner[1] >= outer[1] - tolerance
        and inner[2] <= outer[2] + tolerance
        and inner[3] <= outer[3] + tolerance
    )


def segment_hits_box(p: Point, q: Point, box: Box) -> bool:
    """Whether segment p–q passes through ``box`` (Liang–Barsky clipping)."""
    x0, y0, x1, y1 = box
    dx, dy = q[0] - p[0], q[1] - p[1]
    lo, hi = 0.0, 1.0
    for delta, dist_lo, dist_hi in ((dx, p[0] - x0, x1 - p[0]), (dy, p[1] - y0, y1 - p[1])):
        if delta == 0:
            if dist_lo < 0 or dist_hi < 0:
                return False
            continue
        t0, t1 = -dist_lo / delta, dist_hi / delta
        if delta < 0:
            t0, t1 = t1, t0
        lo, hi = max(lo, t0), min(hi, t1)
        if lo > hi:
            return False
    return True


def segment_box_distance(p: Point, q: Point, box: Box) -> float:
    """Distance between segment p–q and ``box`` (0 when they meet); sampled along the segment."""
    if segment_hits_box(p, q, box):
        return 0.0
    best = float("inf")
    steps = 24
    for i in range(steps + 1):
        t = i / steps
        x, y = p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])
        dx = max(box[0] - x, 0.0, x - box[2])
        dy = max(box[1] - y, 0.0, y - box[3])
        best = min(best, (dx * dx + dy * dy) ** 0.5)
    return best
