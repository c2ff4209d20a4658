"""A table-like grid with pinned positions and orthogonal arrows, for column flowcharts.

Used by the SOP AP flowchart and the Peta Lintas Fungsi: actors are columns, steps are
rows, a step's symbol sits in its actor's column. Graphviz's own placement (dot) cannot
keep such a grid with arrows running through it — every arrow that skips rows gets
virtual nodes that push columns apart or send the arrow round the outside, and clusters
do not keep their order — so the geometry is computed here and every node is pinned
(``layout=neato``, ``pos="x,y!"``, ``splines=line``):

* column widths and row heights come from the callers (from wrapped text);
* table rules are straight edges between invisible points at the grid crossings;
* an arrow is an orthogonal polyline through invisible waypoints: down out of the bottom
  of a symbol and into the top of the next, or — when a symbol is in the way or the arrow
  goes back up — along a lane in the gutter beside a column and into the target's side;
  a second exit (a decision's other branch) leaves by a side corner, labelled there.

Positions are plain numbers, so the layout is the same with the system ``dot`` and the
WebAssembly engine, and the DOT is byte-identical for the same input.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from probis_cli.render.diagrams.dot import Digraph, plain_label, safe_id, wrap

RULE_COLOR = "#8C99A6"
GUTTER = 9.0  # distance of the first arrow lane from a column rule (points)
LANE = 5.0  # distance between arrow lanes in one gutter
EDGE_GAP = 6.0  # distance of a horizontal arrow run from the row rule

Exit = Literal["s", "e", "w"]

GRID_GRAPH_ATTRS: dict[str, str] = {"layout": "neato", "splines": "line", "overlap": "true"}


def inches(points: float) -> str:
    """A length in points as Graphviz inches."""
    return f"{points / 72:.3f}"


def pos(x: float, y: float) -> str:
    """A pinned position; ``x``, ``y`` in points with y growing downwards."""
    return f"{x / 72:.3f},{-y / 72:.3f}!"


@dataclass
class Column:
    """A column of the grid."""

    key: str
    header: list[str]
    width: float
    group: str = ""  # columns of one group share a merged header cell above theirs
    actor: str | None = None  # set for actor (lane) columns
    left: float = 0.0

    @property
    def x(self) -> float:
        """Centre."""
        return self.left + self.width / 2

    @property
    def right(self) -> float:
        """Right edge."""
        return self.left + self.width


@dataclass
class Row:
    """A row of the grid."""

    key: str
    height: float
    top: float = 0.0

    @property
    def y(self) -> float:
        """Centre."""
        return self.top + self.height / 2

    @property
    def bottom(self) -> float:
        """Bottom edge."""
        return self.top + self.height


@dataclass
class Symbol:
    """A node drawn at the centre of one grid cell."""

    node: str
    row: Row
    column: Column
    width: float
    height: float


def place(columns: Sequence[Column], rows: Sequence[Row]) -> None:
    """Set the left edges of ``columns`` and the top edges of ``rows`` from their sizes."""
    left = 0.0
    for column in columns:
        column.left = left
        left += column.width
    top = 0.0
    for row in rows:
        row.top = top
        top += row.height


class FlowGrid:
    """Nodes, rules and arrows of one grid drawing."""

    def __init__(self, g: Digraph, tag: str, columns: Sequence[Column], rows: Sequence[Row]) -> None:
        self.g = g
        self.tag = tag
        self.columns = list(columns)
        self.rows = list(rows)
        self.symbols: dict[str, Symbol] = {}
        self.points = 0
        self.lanes: dict[tuple[str, str], int] = {}  # (column, side) -> lanes used
        self.exits: dict[str, set[str]] = {}  # symbol key -> exits used

    def point(self, x: float, y: float) -> str:
        """An invisible point node (a rule crossing or an arrow waypoint)."""
        self.points += 1
        node = safe_id("pt", self.tag, str(self.points))
        self.g.node(node, "", shape="point", width="0", height="0", style="invis", pos=pos(x, y))
        return node

    def cell(self, node: str, label: str, x: float, y: float, width: float, height: float, **attrs: str) -> None:
        """A fixed-size node centred at (x, y)."""
        self.g.node(node, label, width=inches(width), height=inches(height), fixedsize="true", pos=pos(x, y), **attrs)

    def symbol(self, key: str, row: Row, column: Column, width: float, height: float, label: str, **attrs: str) -> Symbol:
        """Add the symbol ``key`` in cell (row, column)."""
        node = safe_id("sym", self.tag, key)
        self.cell(node, label, column.x, row.y, width, height, **attrs)
        symbol = Symbol(node, row, column, width, height)
        self.symbols[key] = symbol
        return symbol

    def rules(self, *, skip: Callable[[str, int, int], bool] | None = None, color: str = RULE_COLOR) -> None:
        """Table rules along every row and column boundary, one edge per unbroken run.

        ``skip(kind, i, j)`` leaves a segment out: kind ``"h"`` is the segment under column
        ``i`` on row boundary ``j``; kind ``"v"`` the one on column boundary ``i`` beside row
        ``j`` (to draw merged cells).
        """
        xs = [c.left for c in self.columns] + [self.columns[-1].right]
        ys = [r.top for r in self.rows] + [self.rows[-1].bottom]
        rule = {"dir": "none", "color": color, "penwidth": "0.8", "headclip": "false", "tailclip": "false"}

        def runs(n: int, hidden: Callable[[int], bool]) -> list[tuple[int, int]]:
            out: list[tuple[int, int]] = []
            start: int | None = None
            for k in range(n + 1):
                if k < n and not hidden(k):
                    start = k if start is None else start
                elif start is not None:
                    out.append((start, k))
                    start = None
            return out

        for j, y in enumerate(ys):
            for a, b in runs(len(self.columns), lambda i: skip is not None and skip("h", i, j)):
                self.g.edge(self.point(xs[a], y), self.point(xs[b], y), **rule)
        for i, x in enumerate(xs):
            for a, b in runs(len(self.rows), lambda j: skip is not None and skip("v", i, j)):
                self.g.edge(self.point(x, ys[a]), self.point(x, ys[b]), **rule)

    # -- arrows ----------------------------------------------------------------------------
    def lane(self, column: Column, side: str) -> float:
        """The x of a new arrow lane in the gutter on ``side`` of ``column``."""
        used = self.lanes.get((column.key, side), 0)
        self.lanes[(column.key, side)] = used + 1
        offset = GUTTER + LANE * min(used, 3)
        return column.left + offset if side == "w" else column.right - offset

    def blocked(self, column: Column, a: Row, b: Row) -> bool:
        """Whether a symbol sits in ``column`` strictly between rows ``a`` and ``b``."""
        lo, hi = sorted((a.top, b.top))
        return any(s.column is column and lo < s.row.top < hi for s in self.symbols.values())

    def choose_exit(self, source: str, a: Symbol, b: Symbol) -> Exit:
        """Bottom for the first arrow down, else the side towards the target."""
        used = self.exits.setdefault(source, set())
        toward: Exit = "e" if b.column.left >= a.column.left else "w"
        other: Exit = "w" if toward == "e" else "e"
        order: list[Exit] = ["s", toward, other] if b.row.top > a.row.top else [toward, other, "s"]
        for candidate in order:
            if candidate not in used:
                used.add(candidate)
                return candidate
        return order[0]

    def arrow(self, source: str, target: str, label: str = "", *, label_chars: int = 14) -> None:
        """An orthogonal arrow from symbol ``source`` to symbol ``target``."""
        a, b = self.symbols[source], self.symbols[target]
        exit_ = self.choose_exit(source, a, b)
        ax, ay, bx, by = a.column.x, a.row.y, b.column.x, b.row.y
        toward_b = "w" if a.column.left < b.column.left else "e"
        high = b.row.top + EDGE_GAP
        waypoints: list[tuple[float, float]]
        if b.row.top > a.row.top:  # downwards: into the top of b
            free = not self.blocked(b.column, a.row, b.row)
            if exit_ == "s":
                low = a.row.bottom - EDGE_GAP
                if a.column is b.column and free:
                    waypoints = []
                elif free:
                    waypoints = [(ax, low), (bx, low)]
                else:
                    gx = self.lane(b.column, toward_b if a.column is not b.column else "e")
                    waypoints = [(ax, low), (gx, low), (gx, high), (bx, high)]
            elif a.column is not b.column and free:
                waypoints = [(bx, ay)]
            else:
                side = exit_ if a.column is b.column else toward_b
                gx = self.lane(b.column, side)
                waypoints = [(gx, ay), (gx, high), (bx, high)]
        else:  # back up (or level): along a gutter of b's column, into its side
            side = "e" if b.column.left < a.column.left or b.column is a.column else "w"
            gx = self.lane(b.column, side)
            start = [(ax, a.row.bottom - EDGE_GAP), (gx, a.row.bottom - EDGE_GAP)] if exit_ == "s" else [(gx, ay)]
            if side in self.exits.get(target, set()):
                # That side of b is one of its own exits (a decision's other branch):
                # come in from above instead, so the two arrows do not share a line.
                waypoints = [*start, (gx, high), (bx, high)]
            else:
                waypoints = [*start, (gx, by)]
        nodes = [a.node] + [self.point(x, y) for x, y in waypoints] + [b.node]
        for i, (tail, head) in enumerate(zip(nodes, nodes[1:])):
            # Clip only at the symbols, so the segments meet exactly at the waypoints.
            attrs = {} if i == len(nodes) - 2 else {"arrowhead": "none", "headclip": "false"}
            if i > 0:
                attrs["tailclip"] = "false"
            self.g.edge(tail, head, **attrs)
        if label:
            # Below a bottom exit, the label goes on the side the line does not turn to.
            turns_right = bool(waypoints) and waypoints[-1][0] > ax
            self.exit_label(source, a, exit_, label, label_chars, left=exit_ == "s" and turns_right)

    def exit_label(self, source: str, a: Symbol, exit_: Exit, label: str, chars: int, *, left: bool = False) -> None:
        """A small label beside exit ``exit_`` of symbol ``a``."""
        lines = wrap(label, chars, max_lines=2)
        width = max(len(line) for line in lines) * 5.2 + 4
        height = len(lines) * 10.8 + 2
        if exit_ == "s":
            x = a.column.x + (-1 if left else 1) * (4 + width / 2)
            y = a.row.y + a.height / 2 + height / 2 + 1
        else:
            sign = 1 if exit_ == "e" else -1
            x = a.column.x + sign * (a.width / 2 + 3 + width / 2)
            y = a.row.y - height / 2 - 2
        self.cell(safe_id("lb", self.tag, source, exit_), plain_label(lines), x, y, width, height, shape="plaintext", style="", fontsize="9")
