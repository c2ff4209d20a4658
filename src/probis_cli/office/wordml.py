"""The tables of a WordprocessingML body as grids of cells (merges resolved), with the
shapes anchored in each cell and its text (text-box text kept apart)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from probis_cli.office import OfficeError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"
O = "urn:schemas-microsoft-com:office:office"  # noqa: E741 - the VML office namespace prefix
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
EMU_PER_TWIP = 635

MAX_ROWS = 3000  # rows of one table
MAX_COLS = 64  # grid columns of one table
MAX_TABLES = 200

# DrawingML preset geometry -> symbol kind; connectors and lines are arrows (ignored).
PRESET: dict[str, str] = {
    "flowChartTerminator": "terminator",
    "roundRect": "terminator",
    "ellipse": "terminator",
    "flowChartProcess": "process",
    "flowChartAlternateProcess": "process",
    "flowChartPredefinedProcess": "process",
    "flowChartDocument": "process",
    "rect": "process",
    "flowChartDecision": "decision",
    "diamond": "decision",
    "flowChartOffpageConnector": "connector",
    "flowChartConnector": "connector",
    "homePlate": "connector",
    "pentagon": "connector",
}
# VML shape types (o:spt numbers).
VML_SPT: dict[str, str] = {
    "116": "terminator",
    "176": "process",
    "109": "process",
    "110": "decision",
    "177": "connector",
    "120": "connector",
    "4": "decision",
    "1": "process",
    "2": "terminator",
}


def q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


@dataclass(eq=False)
class Cell:
    """One table cell (a merged cell is one object repeated in every grid slot it covers)."""

    paragraphs: list[str] = field(default_factory=list)
    shapes: list[str] = field(default_factory=list)  # terminator / process / decision / connector
    shape_texts: list[str] = field(default_factory=list)
    row: int = 0  # first row it covers
    # horizontal centre of each shape, in twips from the anchoring cell's left edge, when
    # the shape floats relative to the column (None: inline, or positioned otherwise)
    offsets: list[float | None] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p for p in self.paragraphs if p.strip()).strip()


Grid = list[list[Cell]]


def _walk_cell(node: Any, cell: Cell, in_textbox: bool) -> None:
    """Collect paragraphs and shapes of ``node`` in document order."""
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == q(MC, "Fallback"):
            continue  # the VML copy of a DrawingML shape: counted once, from mc:Choice
        if tag == q(W, "p"):
            text = _paragraph_text(child)
            if in_textbox:
                if text.strip():
                    cell.shape_texts.append(text.strip())
            else:
                cell.paragraphs.extend(text.split("\n"))
            _walk_shapes(child, cell)
            continue
        if tag == q(W, "tbl"):  # nested table: its text belongs to this cell
            for p in child.iter(q(W, "p")):
                cell.paragraphs.extend(_paragraph_text(p).split("\n"))
            continue
        _walk_cell(child, cell, in_textbox)


def _anchor_offset(anchor: Any) -> float | None:
    """Centre of a floating DrawingML object relative to its column, in twips."""
    pos = anchor.find(q(WP, "positionH"))
    extent = anchor.find(q(WP, "extent"))
    if pos is None or pos.get("relativeFrom") not in ("column", "character"):
        return None
    offset = pos.find(q(WP, "posOffset"))
    if offset is None:
        return None
    try:
        cx = int(extent.get("cx", "0")) if extent is not None else 0
        return (int((offset.text or "0").strip()) + cx / 2) / EMU_PER_TWIP
    except ValueError:
        return None


_CSS_PT = re.compile(r"(margin-left|width)\s*:\s*(-?[\d.]+)(pt|in|cm|mm|px)?", re.IGNORECASE)
_UNIT_TWIPS = {"pt": 20.0, "in": 1440.0, "cm": 566.93, "mm": 56.693, "px": 15.0, "": 15.0}


def _vml_offset(shape: Any) -> float | None:
    """Centre of an absolutely positioned VML shape relative to its column, in twips."""
    style = (shape.get("style") or "").replace(" ", "")
    if "position:absolute" not in style.lower() or re.search(
        r"mso-position-horizontal-relative:(page|margin)", style, re.IGNORECASE
    ):
        return None
    values = {
        m.group(1).lower(): float(m.group(2)) * _UNIT_TWIPS.get((m.group(3) or "").lower(), 20.0)
        for m in _CSS_PT.finditer(style)
    }
    if "margin-left" not in values:
        return None
    return values["margin-left"] + values.get("width", 0.0) / 2


def _walk_shapes(paragraph: Any, cell: Cell) -> None:
    """Shapes anchored in a paragraph (DrawingML wps, VML), and their text-box text."""
    stack: list[tuple[Any, float | None]] = [(child, None) for child in reversed(paragraph)]
    while stack:  # depth-first in document order; LIFO keeps it linear in the tree size
        node, offset = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == q(MC, "Fallback"):
            continue
        if tag == q(WP, "anchor"):
            offset = _anchor_offset(node)
        if tag == q(WPS, "wsp"):
            if node.find(q(WPS, "cNvCnPr")) is None:  # not a connector (arrow)
                geom = node.find(f".//{q(A, 'prstGeom')}")
                kind = PRESET.get(geom.get("prst", "") if geom is not None else "")
                if kind:
                    cell.shapes.append(kind)
                    cell.offsets.append(offset)
            _textbox(node, cell)
            continue
        if tag in (q(V, "shape"), q(V, "rect"), q(V, "roundrect"), q(V, "oval")):
            kind = None
            if tag == q(V, "rect"):
                kind = "process"
            elif tag == q(V, "roundrect"):
                kind = "terminator"
            elif tag == q(V, "oval"):
                kind = "connector"
            else:
                spt = node.get(q(O, "spt")) or ""
                match = re.search(r"_x0000_t(\d+)", node.get("type", ""))
                kind = VML_SPT.get(spt or (match.group(1) if match else ""))
            if kind:
                cell.shapes.append(kind)
                cell.offsets.append(_vml_offset(node))
            _textbox(node, cell)
            continue
        if tag == q(W, "p"):
            continue  # paragraphs inside a text box are read by _textbox
        stack.extend((child, offset) for child in reversed(node))


def _textbox(shape: Any, cell: Cell) -> None:
    for box in shape.iter(q(W, "txbxContent")):
        for p in box.iter(q(W, "p")):
            text = _paragraph_text(p).strip()
            if text:
                cell.shape_texts.append(text)


def _paragraph_text(p: Any) -> str:
    """A paragraph's own text (not text boxes anchored in it); breaks become newlines."""
    out: list[str] = []
    stack = list(reversed(p))
    while stack:
        node = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in (q(W, "drawing"), q(W, "pict"), q(W, "object"), q(MC, "AlternateContent"), q(W, "txbxContent")):
            continue
        if tag == q(W, "t"):
            out.append(node.text or "")
        elif tag == q(W, "tab"):
            out.append(" ")
        elif tag in (q(W, "br"), q(W, "cr")):
            out.append("\n")
        elif tag == q(W, "sym"):
            out.append("✓")  # Wingdings/Symbol ticks and bullets typed as symbols: a mark
        elif tag == q(W, "noBreakHyphen"):
            out.append("-")
        else:
            stack.extend(reversed(node))
    return "".join(out).replace("\u00a0", " ")


def read_table(tbl: Any) -> Grid:
    """The grid of a ``w:tbl``: gridSpan and vMerge resolved to shared :class:`Cell` objects."""
    grid: Grid = []
    widths: list[float] = []
    tbl_grid = tbl.find(q(W, "tblGrid"))
    if tbl_grid is not None:
        widths = [float(_int(col.get(q(W, "w")), 0)) for col in tbl_grid.findall(q(W, "gridCol"))][:MAX_COLS]
    rows = tbl.findall(q(W, "tr"))
    if len(rows) > MAX_ROWS:
        raise OfficeError("office.table_too_large", rows=len(rows), max=MAX_ROWS)
    for r, tr in enumerate(rows):
        line: list[Cell] = []
        skip = tr.find(q(W, "trPr"))
        before = 0
        if skip is not None:
            gb = skip.find(q(W, "gridBefore"))
            if gb is not None:
                before = _int(gb.get(q(W, "val")), 0)
        for _ in range(min(before, MAX_COLS)):
            line.append(Cell(row=r))
        for tc in _cells(tr):
            props = tc.find(q(W, "tcPr"))
            span = 1
            merge: str | None = None
            if props is not None:
                gs = props.find(q(W, "gridSpan"))
                if gs is not None:
                    span = max(1, min(_int(gs.get(q(W, "val")), 1), MAX_COLS))
                vm = props.find(q(W, "vMerge"))
                if vm is not None:
                    merge = vm.get(q(W, "val")) or "continue"
            col = len(line)
            if col + span > MAX_COLS:
                raise OfficeError("office.table_too_wide", cols=col + span, max=MAX_COLS)
            above = grid[-1][col] if merge == "continue" and grid and col < len(grid[-1]) else None
            if above is not None:
                cell = above
            else:
                cell = Cell(row=r)
                _walk_cell(tc, cell, False)
            line.extend([cell] * span)
        _relocate(line, r, widths)
        grid.append(line)
    width = max((len(line) for line in grid), default=0)
    for r, line in enumerate(grid):
        line.extend(Cell(row=r) for _ in range(width - len(line)))
    return grid


def _relocate(line: list[Cell], r: int, widths: list[float]) -> None:
    """Move floating shapes to the column they are drawn in when it is not the cell they are
    anchored in (Word keeps a dragged shape's anchor in its first paragraph)."""
    if not widths or len(widths) < len(line) or not any(widths):
        return
    edges = [sum(widths[:c]) for c in range(len(widths) + 1)]
    c = 0
    while c < len(line):
        cell = line[c]
        end = c
        while end + 1 < len(line) and line[end + 1] is cell:
            end += 1
        if cell.row == r and any(o is not None for o in cell.offsets):
            keep: list[tuple[str, float | None]] = []
            for kind, offset in zip(cell.shapes, cell.offsets):
                target = None
                if offset is not None:
                    x = edges[c] + offset
                    target = next((t for t in range(len(line)) if edges[t] <= x < edges[t + 1]), None)
                if (
                    target is not None
                    and not (c <= target <= end)
                    and line[target].row == r
                    and line[target] is not cell
                ):
                    line[target].shapes.append(kind)
                    line[target].offsets.append(None)
                else:
                    keep.append((kind, offset))
            cell.shapes = [k for k, _ in keep]
            cell.offsets = [o for _, o in keep]
        c = end + 1


def _cells(tr: Any) -> list[Any]:
    """The ``w:tc`` of a row, including those wrapped in content controls (w:sdt)."""
    out = []
    for child in tr:
        if child.tag == q(W, "tc"):
            out.append(child)
        elif child.tag in (q(W, "sdt"), q(W, "customXml")):
            out.extend(child.iter(q(W, "tc")))
    return out


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default


def body_tables(document: Any) -> list[Grid]:
    """The top-level tables of the body, in order (tables nested in cells are cell text)."""
    body = document.find(q(W, "body"))
    if body is None:
        raise OfficeError("office.not_docx")
    found: list[Any] = []
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        if node.tag == q(W, "tbl"):
            found.append(node)
            continue
        if node.tag in (q(W, "sdt"), q(W, "sdtContent"), q(W, "customXml"), q(MC, "AlternateContent"), q(MC, "Choice")):
            stack.extend(reversed(node))
    if len(found) > MAX_TABLES:
        raise OfficeError("office.table_too_large", rows=len(found), max=MAX_TABLES)
    return [read_table(t) for t in found]
