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
O = "urn:schemas-microsoft-com:office:office"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

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
VML_SPT: dict[str, str] = {"116": "terminator", "176": "process", "109": "process", "110": "decision", "177": "connector", "120": "connector", "4": "decision", "1": "process", "2": "terminator"}


def q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


@dataclass(eq=False)
class Cell:
    """One table cell (a merged cell is one object repeated in every grid slot it covers)."""

    paragraphs: list[str] = field(default_factory=list)
    shapes: list[str] = field(default_factory=list)  # terminator / process / decision / connector
    shape_texts: list[str] = field(default_factory=list)
    row: int = 0  # first row it covers

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


def _walk_shapes(paragraph: Any, cell: Cell) -> None:
    """Shapes anchored in a paragraph (DrawingML wps, VML), and their text-box text."""
    stack = list(paragraph)
    while stack:
        node = stack.pop(0)
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == q(MC, "Fallback"):
            continue
        if tag == q(WPS, "wsp"):
            if node.find(q(WPS, "cNvCnPr")) is None:  # not a connector (arrow)
                geom = node.find(f".//{q(A, 'prstGeom')}")
                kind = PRESET.get(geom.get("prst", "") if geom is not None else "")
                if kind:
                    cell.shapes.append(kind)
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
            _textbox(node, cell)
            continue
        if tag == q(W, "p"):
            continue  # paragraphs inside a text box are read by _textbox
        stack[0:0] = list(node)


def _textbox(shape: Any, cell: Cell) -> None:
    for box in shape.iter(q(W, "txbxContent")):
        for p in box.iter(q(W, "p")):
            text = _paragraph_text(p).strip()
            if text:
                cell.shape_texts.append(text)


def _paragraph_text(p: Any) -> str:
    """A paragraph's own text (not text boxes anchored in it); breaks become newlines."""
    out: list[str] = []
    stack = list(p)
    while stack:
        node = stack.pop(0)
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
            stack[0:0] = list(node)
    return "".join(out).replace("\u00a0", " ")


def read_table(tbl: Any) -> Grid:
    """The grid of a ``w:tbl``: gridSpan and vMerge resolved to shared :class:`Cell` objects."""
    grid: Grid = []
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
        grid.append(line)
    width = max((len(line) for line in grid), default=0)
    for r, line in enumerate(grid):
        line.extend(Cell(row=r) for _ in range(width - len(line)))
    return grid


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
    stack = list(body)
    while stack:
        node = stack.pop(0)
        if node.tag == q(W, "tbl"):
            found.append(node)
            continue
        if node.tag in (q(W, "sdt"), q(W, "sdtContent"), q(W, "customXml"), q(MC, "AlternateContent"), q(MC, "Choice")):
            stack[0:0] = list(node)
    if len(found) > MAX_TABLES:
        raise OfficeError("office.table_too_large", rows=len(found), max=MAX_TABLES)
    return [read_table(t) for t in found]
