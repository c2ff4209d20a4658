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
from itertools import permutations
from typing import Literal

from probis_cli.render.diagrams.dot import Digraph, attr_list, plain_label, quote, quote_edge, safe_id, wrap
from probis_cli.render.diagrams.dot import text_width as text_width  # re-exported: callers measure with it

RULE_COLOR = "#8C99A6"
GUTTER = 9.0  # distance of the first arrow lane from a column rule (points)
LANE = 5.0  # distance between arrow lanes in one gutter
EDGE_GAP = 6.0  # distance of a horizontal arrow run from the row rule
LANES = 4  # lanes per gutter (more arrows share the outermost)
LABEL_FONT = 8.0  # points, branch labels
LABEL_CHARS = 12  # characters per line of a branch label
LABEL_GAP = 3.0  # distance of a branch label from its line

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
        self.arrows = 0
        self._point_prefix = safe_id("pt", tag, "")

    def point(self, x: float, y: float) -> str:
        """An invisible point node (a rule crossing or an arrow waypoint)."""
        self.points += 1
        node = f"{self._point_prefix}{self.points}"  # safe_id("pt", self.tag, str(self.points))
        # What ``self.g.node(node, "", shape="point", width="0", height="0", style="invis",
        # pos=...)`` writes, without its general quoting and sorting: a grid has hundreds.
        attrs = f' [label="" height=0 pos={quote(pos(x, y))} shape=point style=invis width=0]'
        self.g.body.append(self.g._node(quote(node), attrs))
        return node

    def cell(self, node: str, label: str, x: float, y: float, width: float, height: float, **attrs: str) -> None:
        """A fixed-size node centred at (x, y)."""
        self.g.node(node, label, width=inches(width), height=inches(height), fixedsize="true", pos=pos(x, y), **attrs)

    def symbol(
        self, key: str, row: Row, column: Column, width: float, height: float, label: str, **attrs: str
    ) -> Symbol:
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

        # Every rule has the same attributes: ``self.g.edge(tail, head, **attrs)``, written once.
        attrs = attr_list(None, {"class": "rule", **rule})

        def edge(tail: str, head: str) -> None:
            self.g.body.append(self.g._edge(tail=quote_edge(tail), head=quote_edge(head), attr=attrs))

        for j, y in enumerate(ys):
            for a, b in runs(len(self.columns), lambda i: skip is not None and skip("h", i, j)):
                edge(self.point(xs[a], y), self.point(xs[b], y))
        for i, x in enumerate(xs):
            for a, b in runs(len(self.rows), lambda j: skip is not None and skip("v", i, j)):
                edge(self.point(x, ys[a]), self.point(x, ys[b]))

    # -- arrows ----------------------------------------------------------------------------
    def lane(self, column: Column, side: str, *, commit: bool = True) -> float:
        """The x of a new arrow lane in the gutter on ``side`` of ``column``."""
        used = self.lanes.get((column.key, side), 0)
        if commit:
            self.lanes[(column.key, side)] = used + 1
        offset = GUTTER + LANE * min(used, LANES - 1)
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

    def plan_exits(self, source: str, targets: Sequence[str]) -> list[Exit]:
        """The exits of a decision, chosen together and reserved before any arrow is drawn.

        Each target has a preferred exit (straight down to the row below in the same column,
        else the side towards its column); among all assignments of distinct exits the one
        whose arrows cross least, then the one closest to the preferences, wins (ties: branch
        order). More than three branches share exits. Reserving the exits first keeps other
        arrows from entering the decision where a branch leaves (and its label sits).
        """
        a = self.symbols[source]
        if not targets:
            return []
        if len(targets) > 3:
            return [self.choose_exit(source, a, self.symbols[t]) for t in targets]

        def rank(target: str, exit_: Exit) -> int:
            b = self.symbols[target]
            if b.column is a.column:
                down_free = b.row.top > a.row.top and not self.blocked(a.column, a.row, b.row)
                order: list[Exit] = ["s", "e", "w"] if down_free else ["e", "w", "s"]
            elif b.column.left > a.column.left:
                order = ["e", "s", "w"] if b.row.top > a.row.top else ["e", "w", "s"]
            else:
                order = ["w", "s", "e"] if b.row.top > a.row.top else ["w", "e", "s"]
            return order.index(exit_)

        best: tuple[int, int, tuple[Exit, ...]] | None = None
        all_exits: tuple[Exit, ...] = ("s", "e", "w")
        for choice in permutations(all_exits, len(targets)):
            lines = [
                [(a.column.x, a.row.y), *self.route(a, self.symbols[t], e, set(choice), commit=False)]
                for t, e in zip(targets, choice)
            ]
            crossings = sum(_crossings(p, q) for i, p in enumerate(lines) for q in lines[i + 1 :])
            cost = sum(rank(t, e) for t, e in zip(targets, choice))
            key = (crossings, cost, choice)
            if best is None or key[:2] < best[:2]:
                best = key
        assert best is not None
        self.exits.setdefault(source, set()).update(best[2])
        return list(best[2])

    def route(
        self, a: Symbol, b: Symbol, exit_: Exit, exits_b: set[str] | None = None, *, commit: bool = True
    ) -> list[tuple[float, float]]:
        """The waypoints (x, y) of an orthogonal arrow from ``a`` by ``exit_`` to ``b``, ending at b's centre."""
        ax, ay, bx, by = a.column.x, a.row.y, b.column.x, b.row.y
        low = a.row.bottom - EDGE_GAP
        high = b.row.top + EDGE_GAP
        toward_b = "w" if a.column.left < b.column.left else "e"  # b's side facing a
        b_right = b.column.left > a.column.left
        waypoints: list[tuple[float, float]]
        if b.row.top > a.row.top:  # downwards: into the top of b
            free = not self.blocked(b.column, a.row, b.row)
            if exit_ == "s":
                if a.column is b.column and free:
                    waypoints = []
                elif free:
                    waypoints = [(ax, low), (bx, low)]
                else:
                    gx = self.lane(b.column, toward_b if a.column is not b.column else "e", commit=commit)
                    waypoints = [(ax, low), (gx, low), (gx, high), (bx, high)]
            elif a.column is not b.column and (exit_ == "e") == b_right:
                if free:
                    waypoints = [(bx, ay)]
                else:
                    gx = self.lane(b.column, toward_b, commit=commit)
                    waypoints = [(gx, ay), (gx, high), (bx, high)]
            else:  # out of a's own gutter on the exit side, then across above b
                gx = self.lane(a.column, exit_, commit=commit)
                waypoints = [(gx, ay), (gx, high), (bx, high)]
        else:  # back up (or level): along a gutter, into b's side (or its top)
            side = "e" if b.column.left < a.column.left or b.column is a.column else "w"
            if b.column is a.column and exit_ != "s":
                side = exit_
            gx = self.lane(b.column, side, commit=commit)
            if exit_ == "s":
                start = [(ax, low), (gx, low)]
            elif (gx > ax) == (exit_ == "e"):
                start = [(gx, ay)]
            else:  # the exit faces away from b: round a's own gutter and over its top
                ox = self.lane(a.column, exit_, commit=commit)
                over = a.row.top + EDGE_GAP / 2
                start = [(ox, ay), (ox, over), (gx, over)]
            entered = self.exits.get(self._key(b), set()) if exits_b is None else set()
            if side in entered:
                # That side of b is one of its own exits (a decision's other branch):
                # come in from above instead, so the two arrows do not share a line.
                waypoints = [*start, (gx, high), (bx, high)]
            else:
                waypoints = [*start, (gx, by)]
        return waypoints

    def _key(self, symbol: Symbol) -> str:
        for key, value in self.symbols.items():
            if value is symbol:
                return key
        return ""

    def arrow(
        self, source: str, target: str, label: str = "", *, exit_: Exit | None = None, label_chars: int = LABEL_CHARS
    ) -> None:
        """An orthogonal arrow from symbol ``source`` to symbol ``target``, maybe labelled at its exit.

        Every segment carries the SVG classes ``arrow`` and the arrow's id, its label the
        classes ``label`` and the same id, so a test can tell which line a label belongs to.
        """
        a, b = self.symbols[source], self.symbols[target]
        if exit_ is None:
            exit_ = self.choose_exit(source, a, b)
        waypoints = self.route(a, b, exit_)
        self.arrows += 1
        ident = safe_id("ar", self.tag, str(self.arrows))
        nodes = [a.node] + [self.point(x, y) for x, y in waypoints] + [b.node]
        for i, (tail, head) in enumerate(zip(nodes, nodes[1:])):
            # Clip only at the symbols, so the segments meet exactly at the waypoints.
            attrs = {} if i == len(nodes) - 2 else {"arrowhead": "none", "headclip": "false"}
            if i > 0:
                attrs["tailclip"] = "false"
            self.g.edge(tail, head, **{"class": f"arrow {ident}"}, **attrs)
        if label:
            # Below a bottom exit, the label goes on the side the line does not turn to.
            turns_right = len(waypoints) > 1 and waypoints[1][0] > a.column.x + 1
            self.exit_label(ident, source, a, exit_, label, label_chars, right=not turns_right)

    def exit_label(
        self, ident: str, source: str, a: Symbol, exit_: Exit, label: str, chars: int, *, right: bool = True
    ) -> None:
        """The label of exit ``exit_`` of symbol ``a``: beside the line just below a bottom
        exit, above the line just outside a side exit. The column and row were sized for it
        (:func:`decision_column_width`, :func:`decision_row_height`)."""
        lines = label_lines(label, chars)
        width, height = label_size(lines)
        if exit_ == "s":
            x = a.column.x + (1 if right else -1) * (LABEL_GAP + 1 + width / 2)
            y = a.row.y + a.height / 2 + 2 + height / 2
        else:
            sign = 1 if exit_ == "e" else -1
            x = a.column.x + sign * (a.width / 2 + LABEL_GAP + width / 2)
            y = a.row.y - LABEL_GAP - height / 2
        self.cell(
            safe_id("lb", self.tag, source, exit_),
            plain_label(lines),
            x,
            y,
            width,
            height,
            shape="plaintext",
            style="",
            fontsize=f"{LABEL_FONT:g}",
            margin="0",
            **{"class": f"label {ident}"},
        )


def label_lines(label: str, chars: int = LABEL_CHARS) -> list[str]:
    """A branch label wrapped (never cut)."""
    return wrap(label, chars)


def label_size(lines: Sequence[str]) -> tuple[float, float]:
    """Width and height in points of a branch label's box."""
    return max(text_width(line, LABEL_FONT) for line in lines) + 2, len(lines) * LABEL_FONT * 1.2 + 2


def decision_column_width(symbol_width: float, labels: Sequence[str]) -> float:
    """The width a column needs for a decision whose exits carry ``labels``: a label beside
    either side exit (clear of the arrow lanes in the gutters) or beside the bottom exit."""
    if not labels:
        return 0.0
    width = max(label_size(label_lines(label))[0] for label in labels)
    gutter = GUTTER + LANE * (LANES - 1) + 3
    return max(symbol_width + 2 * (LABEL_GAP + width + gutter), 2 * (LABEL_GAP + 1 + width + gutter))


def decision_row_height(symbol_height: float, labels: Sequence[str]) -> float:
    """The height a row needs for a decision whose exits carry ``labels``: a label above a
    side exit clear of an arrow entering at the top, or below the symbol clear of the
    bottom run."""
    if not labels:
        return 0.0
    height = max(label_size(label_lines(label))[1] for label in labels)
    clear = EDGE_GAP + 4
    return max(2 * (LABEL_GAP + height + clear), symbol_height + 2 * (2 + height + clear))


def _crossings(p: Sequence[tuple[float, float]], q: Sequence[tuple[float, float]]) -> int:
    """How often two orthogonal polylines from the same start cross or overlap (the shared
    first point aside)."""
    count = 0
    for i, (p1, p2) in enumerate(zip(p, p[1:])):
        for j, (q1, q2) in enumerate(zip(q, q[1:])):
            if i == 0 and j == 0:
                continue
            if _segments_meet(p1, p2, q1, q2):
                count += 1
    return count


def _segments_meet(
    p1: tuple[float, float], p2: tuple[float, float], q1: tuple[float, float], q2: tuple[float, float]
) -> bool:
    (ax0, ax1), (ay0, ay1) = sorted((p1[0], p2[0])), sorted((p1[1], p2[1]))
    (bx0, bx1), (by0, by1) = sorted((q1[0], q2[0])), sorted((q1[1], q2[1]))
    return ax0 <= bx1 + 0.5 and bx0 <= ax1 + 0.5 and ay0 <= by1 + 0.5 and by0 <= ay1 + 0.5
