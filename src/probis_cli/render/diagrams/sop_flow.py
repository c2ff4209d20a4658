"""SOP AP flowchart (diagram alir) in the PermenPAN-RB 35/2012 layout, one artifact per page.

Each page is the prosedur table: columns No · Kegiatan · one column per pelaksana (in
the SOP's order) · Mutu Baku (Kelengkapan · Waktu · Output) · Keterangan, one row per
step, the symbol of a step in its pelaksana's column.

Graphviz's own placement (dot) cannot be made to keep such a grid with arrows running
through it: every arrow that skips rows gets virtual nodes that push columns apart or
send the arrow round the outside. So this module computes the whole geometry itself and
pins every node (``layout=neato``, ``pos="x,y!"``, ``splines=line``):

* column widths from the wrapped text widths, row heights from the line counts;
* the table rules are straight edges between invisible points at the grid crossings
  (merged header cells simply leave a rule out);
* every arrow is an orthogonal polyline through invisible waypoints: down out of the
  bottom of a symbol and into the top of the next, or — when a symbol is in the way or
  the arrow goes back up — along a gutter beside a column and into the side of the target;
  a decision's second exit leaves by a side corner; its labels sit by the exits.

Symbols: kapsul (terminator: ``box`` with ``rounded`` style, short and wide), kotak
(``box``), belah ketupat (``diamond``), anak panah (the arrows), segi lima (``invhouse``,
the pentagon pointing down used as the off-page connector). The step number is written
inside each symbol. A page holds ``ctx.max_steps_per_page`` steps; an arrow to a step on
another page ends in a numbered connector (rows below the steps, in the source's column)
and starts again from the same-numbered connector on the target's page (rows above the
steps, in the target's column).

Positions are fixed numbers, so the layout is the same with the system ``dot`` and the
WebAssembly engine, and the DOT is byte-identical for the same SOP.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import graphviz

from probis_cli.index import Index
from probis_cli.model.sop import Langkah, Sop
from probis_cli.render.base import Artifact, RenderContext
from probis_cli.render.diagrams.dot import FONT_BOLD, msg, new_graph, plain_label, safe_id, wrap

TERMINATOR_FILL = "#DCEBFA"
PROCESS_FILL = "#FFFFFF"
DECISION_FILL = "#FFF3CD"
CONNECTOR_FILL = "#E6E6E6"
RULE_COLOR = "#8C99A6"

FONT_SIZE = 10.0  # points, text cells
LINE = FONT_SIZE * 1.2  # Graphviz line height
CHAR = 5.6  # points per character at FONT_SIZE in Helvetica: generous for Indonesian text
PAD_X = 8.0
PAD_Y = 7.0
STEP_ROW_MIN = 56.0
KEGIATAN_CHARS = 34
PELAKSANA_CHARS = 16
PELAKSANA_MIN = 110.0
KELENGKAPAN_CHARS = 20
WAKTU_CHARS = 10
OUTPUT_CHARS = 18
KETERANGAN_CHARS = 18
GUTTER = 9.0  # distance of the first arrow lane from a column rule
LANE = 5.0  # distance between arrow lanes in one gutter
EDGE_GAP = 6.0  # distance of a horizontal arrow run from the row rule

Exit = Literal["s", "e", "w"]

# Symbol sizes in points (width, height).
SIZES: dict[str, tuple[float, float]] = {
    "mulai": (58.0, 26.0),
    "selesai": (58.0, 26.0),
    "proses": (46.0, 30.0),
    "keputusan": (62.0, 42.0),
    "konektor": (32.0, 30.0),
}


@dataclass
class Flow:
    """An arrow of the flowchart: from step ``source`` to step ``target``, maybe labelled."""

    source: str
    target: str
    label: str = ""
    branch: int = 0  # position among the exits of its step


@dataclass
class Connector:
    """An off-page connector pair: leaves page ``out_page``, enters page ``in_page``."""

    number: int
    out_page: int
    in_page: int
    target: str  # the step it leads to
    sources: list[Flow] = field(default_factory=list)


def ordered_steps(sop: Sop) -> list[Langkah]:
    """Steps by number; of steps sharing a number (an error reported elsewhere) the first."""
    seen: dict[int, Langkah] = {}
    for step in sop.langkah:
        seen.setdefault(step.no, step)
    return [seen[no] for no in sorted(seen)]


def flows(sop: Sop, ctx: RenderContext) -> list[Flow]:
    """The arrows of the flowchart in step order (the exits of a decision in their order)."""
    steps = ordered_steps(sop)
    numbers = {str(s.no) for s in steps}
    out: list[Flow] = []
    for i, step in enumerate(steps):
        implicit = str(steps[i + 1].no) if i + 1 < len(steps) else None
        if step.simbol == "keputusan" and step.branches():
            for b, branch in enumerate(step.branches()):
                out.append(Flow(str(step.no), str(branch.ke), _branch_label(step, branch.label, ctx), b))
        elif step.lanjut is not None:
            out.append(Flow(str(step.no), str(step.lanjut)))
        elif step.simbol != "selesai" and implicit is not None:
            out.append(Flow(str(step.no), implicit))
    return [f for f in out if f.target in numbers]


def _branch_label(step: Langkah, label: str, ctx: RenderContext) -> str:
    if step.cabang is None:  # the ya/tidak shorthand: its words follow the language
        if label == "Ya":
            return msg(ctx, "diagram.sop.ya")
        if label == "Tidak":
            return msg(ctx, "diagram.sop.tidak")
    return label


def paginate(sop: Sop, per_page: int) -> list[list[Langkah]]:
    """Steps in number order, ``per_page`` to a page (at least one page)."""
    steps = ordered_steps(sop)
    size = max(per_page, 1)
    return [steps[i : i + size] for i in range(0, len(steps), size)] or [[]]


def connectors(all_flows: Sequence[Flow], page_of: dict[str, int]) -> list[Connector]:
    """One connector per (page left, step reached on another page), numbered from 1."""
    by_key: dict[tuple[int, str], Connector] = {}
    for flow in all_flows:
        out_page, in_page = page_of[flow.source], page_of[flow.target]
        if out_page == in_page:
            continue
        key = (out_page, flow.target)
        if key not in by_key:
            by_key[key] = Connector(0, out_page, in_page, flow.target)
        by_key[key].sources.append(flow)
    ordered = sorted(by_key.values(), key=lambda c: (c.out_page, int(c.target)))
    for number, connector in enumerate(ordered, start=1):
        connector.number = number
    return ordered


@dataclass
class _Column:
    key: str
    header: list[str]
    width: float
    group: str = ""  # "pelaksana" / "mutu": columns under one merged header cell
    pelaksana: str | None = None
    left: float = 0.0

    @property
    def x(self) -> float:
        return self.left + self.width / 2

    @property
    def right(self) -> float:
        return self.left + self.width


@dataclass
class _Row:
    key: str
    height: float
    step: Langkah | None = None
    connector: Connector | None = None
    top: float = 0.0

    @property
    def y(self) -> float:
        return self.top + self.height / 2

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass
class _Symbol:
    row: _Row
    column: _Column
    kind: str  # a key of SIZES

    @property
    def half_width(self) -> float:
        return SIZES[self.kind][0] / 2

    @property
    def half_height(self) -> float:
        return SIZES[self.kind][1] / 2


def _pos(x: float, y: float) -> str:
    # Points to inches; y grows downwards here and upwards in Graphviz.
    return f"{x / 72:.3f},{-y / 72:.3f}!"


class _Page:
    """The geometry and DOT of one page."""

    def __init__(self, ctx: RenderContext, sop: Sop, steps: Sequence[Langkah], number: int, total: int) -> None:
        self.ctx = ctx
        self.sop = sop
        self.tag = f"{sop.kode}-{number}"
        nomor = f" · {sop.nomor}" if sop.nomor else ""
        self.g = new_graph(
            self.tag,
            title=msg(ctx, "diagram.sop.title", nama=sop.nama, kode=sop.kode),
            subtitle=msg(ctx, "diagram.sop.subtitle", kode=sop.kode, nomor=nomor, halaman=number, jumlah=total),
            layout="neato",
            splines="line",
            outputorder="edgesfirst",
            overlap="true",
            newrank="false",
        )
        self.g.node_attr.update({"fontsize": f"{FONT_SIZE:g}", "fixedsize": "true"})
        self.g.edge_attr.update({"fontsize": "9", "arrowsize": "0.7"})
        self.steps = list(steps)
        self.columns: list[_Column] = []
        self.rows: list[_Row] = []
        self.symbols: dict[str, _Symbol] = {}  # step number -> its symbol on this page
        self.points = 0
        self.lanes: dict[tuple[str, str], int] = {}  # (column, side) -> lanes used
        self.exits: dict[str, set[str]] = {}  # step number -> exits used

    # -- layout --------------------------------------------------------------------------
    def build_columns(self) -> None:
        ctx, sop = self.ctx, self.sop
        pelaksana = [p.kode for p in sop.pelaksana]
        for step in ordered_steps(sop):  # undeclared: a column anyway
            if step.pelaksana not in pelaksana:
                pelaksana.append(step.pelaksana)
        names = {p.kode: p.nama for p in sop.pelaksana}

        def text_width(chars: int) -> float:
            return chars * CHAR + 2 * PAD_X

        columns = [
            _Column("no", [msg(ctx, "diagram.sop.no")], text_width(3)),
            _Column("kegiatan", [msg(ctx, "diagram.sop.kegiatan")], text_width(KEGIATAN_CHARS)),
        ]
        for i, key in enumerate(pelaksana):
            header = wrap(names.get(key, key), PELAKSANA_CHARS, max_lines=4)
            width = max(PELAKSANA_MIN, text_width(max(len(line) for line in header)))
            columns.append(_Column(f"p{i}", header, width, group="pelaksana", pelaksana=key))
        if any(s.mutu_baku.kelengkapan for s in sop.langkah):
            columns.append(_Column("kelengkapan", [msg(ctx, "diagram.sop.kelengkapan")], text_width(KELENGKAPAN_CHARS), "mutu"))
        columns.append(_Column("waktu", wrap(msg(ctx, "diagram.sop.waktu"), WAKTU_CHARS), text_width(WAKTU_CHARS), "mutu"))
        columns.append(_Column("output", [msg(ctx, "diagram.sop.output")], text_width(OUTPUT_CHARS), "mutu"))
        if any(s.keterangan for s in sop.langkah):
            columns.append(_Column("keterangan", [msg(ctx, "diagram.sop.keterangan")], text_width(KETERANGAN_CHARS)))
        left = 0.0
        for column in columns:
            column.left = left
            left += column.width
        self.columns = columns

    def text(self, column: _Column, step: Langkah) -> list[str]:
        """The wrapped text of a text cell."""
        if column.key == "no":
            return [str(step.no)]
        if column.key == "kegiatan":
            return wrap(step.kegiatan, KEGIATAN_CHARS)
        if column.key == "kelengkapan":
            return [line for item in step.mutu_baku.kelengkapan for line in wrap("- " + item, KELENGKAPAN_CHARS)]
        if column.key == "waktu":
            return wrap(step.mutu_baku.waktu or "", WAKTU_CHARS)
        if column.key == "output":
            return wrap(step.mutu_baku.output or "", OUTPUT_CHARS)
        return wrap(step.keterangan or "", KETERANGAN_CHARS)

    def build_rows(self, incoming: Sequence[Connector], outgoing: Sequence[Connector]) -> None:
        header_lines = max(len(c.header) for c in self.columns)
        rows = [_Row("group", LINE + 2 * PAD_Y), _Row("head", header_lines * LINE + 2 * PAD_Y)]
        connector_height = SIZES["konektor"][1] + 2 * PAD_Y + 6
        rows += [_Row(f"in{c.number}", connector_height, connector=c) for c in incoming]
        text_columns = [c for c in self.columns if c.pelaksana is None]
        for step in self.steps:
            lines = max(len(self.text(c, step)) for c in text_columns)
            rows.append(_Row(f"s{step.no}", max(STEP_ROW_MIN, lines * LINE + 2 * PAD_Y), step=step))
        rows += [_Row(f"out{c.number}", connector_height, connector=c) for c in outgoing]
        top = 0.0
        for row in rows:
            row.top = top
            top += row.height
        self.rows = rows

    # -- drawing -------------------------------------------------------------------------
    def point(self, x: float, y: float) -> str:
        """An invisible point node (a rule crossing or an arrow waypoint)."""
        self.points += 1
        node = safe_id("pt", self.tag, str(self.points))
        self.g.node(node, "", shape="point", width="0", height="0", style="invis", pos=_pos(x, y))
        return node

    def draw_cells(self) -> None:
        g = self.g
        group_titles = {"pelaksana": msg(self.ctx, "diagram.sop.pelaksana"), "mutu": msg(self.ctx, "diagram.sop.mutu_baku")}
        head, group_row = self.rows[1], self.rows[0]
        seen: set[str] = set()
        for column in self.columns:
            w = f"{(column.width - 4) / 72:.3f}"
            if column.group and column.group not in seen:
                seen.add(column.group)
                span = [c for c in self.columns if c.group == column.group]
                right = span[-1].right
                g.node(
                    safe_id("grp", self.tag, column.group),
                    plain_label([group_titles[column.group]]),
                    shape="plaintext",
                    style="",
                    fontname=FONT_BOLD,
                    width=f"{(right - column.left - 4) / 72:.3f}",
                    height=f"{(group_row.height - 4) / 72:.3f}",
                    pos=_pos((column.left + right) / 2, group_row.y),
                )
            # A header without a group spans the group row too (a merged cell).
            y, h = (head.y, head.height) if column.group else ((group_row.top + head.bottom) / 2, group_row.height + head.height)
            g.node(
                safe_id("hd", self.tag, column.key),
                plain_label(column.header),
                shape="plaintext",
                style="",
                fontname=FONT_BOLD,
                width=w,
                height=f"{(h - 4) / 72:.3f}",
                pos=_pos(column.x, y),
            )
        for row in self.rows:
            if row.step is None:
                continue
            for column in self.columns:
                if column.pelaksana is not None:
                    continue
                lines = self.text(column, row.step)
                if not any(lines):
                    continue
                g.node(
                    safe_id("tx", self.tag, row.key, column.key),
                    plain_label(lines, justify="center" if column.key in ("no", "waktu") else "left"),
                    shape="plaintext",
                    style="",
                    width=f"{(column.width - 2 * PAD_X + 8) / 72:.3f}",
                    height=f"{(row.height - 4) / 72:.3f}",
                    pos=_pos(column.x, row.y),
                )

    def draw_rules(self) -> None:
        """Table rules: straight edges between points at every grid crossing."""
        xs = [c.left for c in self.columns] + [self.columns[-1].right]
        ys = [r.top for r in self.rows] + [self.rows[-1].bottom]
        grid = [[self.point(x, y) for x in xs] for y in ys]
        rule = {"dir": "none", "color": RULE_COLOR, "penwidth": "0.8"}
        for j in range(len(ys)):
            for i, column in enumerate(self.columns):
                # The rule under the group row exists only below the merged group titles.
                if j == 1 and not column.group:
                    continue
                self.g.edge(grid[j][i], grid[j][i + 1], **rule)
        for i in range(len(xs)):
            left = self.columns[i - 1] if i > 0 else None
            right = self.columns[i] if i < len(self.columns) else None
            for j, row in enumerate(self.rows):
                inside_group = left is not None and right is not None and left.group and left.group == right.group
                if row.key == "group" and inside_group:
                    continue
                self.g.edge(grid[j][i], grid[j + 1][i], **rule)

    def draw_symbols(self, step_column: dict[str, _Column]) -> None:
        for row in self.rows:
            if row.step is not None:
                step = row.step
                column = step_column[str(step.no)]
                symbol = _Symbol(row, column, step.simbol)
                self.symbols[str(step.no)] = symbol
                attrs = {
                    "mulai": {"shape": "box", "style": "rounded,filled", "fillcolor": TERMINATOR_FILL},
                    "selesai": {"shape": "box", "style": "rounded,filled", "fillcolor": TERMINATOR_FILL},
                    "keputusan": {"shape": "diamond", "fillcolor": DECISION_FILL},
                    "proses": {"shape": "box", "fillcolor": PROCESS_FILL},
                }[step.simbol]
                self.symbol_node(symbol, str(step.no), attrs)
            elif row.connector is not None:
                c = row.connector
                column = step_column[c.target] if row.key.startswith("in") else step_column[c.sources[0].source]
                symbol = _Symbol(row, column, "konektor")
                self.symbols[row.key] = symbol
                self.symbol_node(symbol, str(c.number), {"shape": "invhouse", "fillcolor": CONNECTOR_FILL})

    def symbol_node(self, symbol: _Symbol, text: str, attrs: dict[str, str]) -> None:
        width, height = SIZES[symbol.kind]
        self.g.node(
            self.symbol_id(symbol),
            plain_label([text]),
            width=f"{width / 72:.3f}",
            height=f"{height / 72:.3f}",
            pos=_pos(symbol.column.x, symbol.row.y),
            **attrs,
        )

    def symbol_id(self, symbol: _Symbol) -> str:
        return safe_id("sym", self.tag, symbol.row.key)

    # -- arrows ----------------------------------------------------------------------------
    def lane(self, column: _Column, side: str) -> float:
        """The x of a new arrow lane in the gutter on ``side`` of ``column``."""
        used = self.lanes.get((column.key, side), 0)
        self.lanes[(column.key, side)] = used + 1
        offset = GUTTER + LANE * min(used, 3)
        return column.left + offset if side == "w" else column.right - offset

    def blocked(self, column: _Column, a: _Row, b: _Row) -> bool:
        """Whether a symbol sits in ``column`` strictly between rows ``a`` and ``b``."""
        lo, hi = sorted((a.top, b.top))
        return any(s.column is column and lo < s.row.top < hi for s in self.symbols.values())

    def choose_exit(self, source_key: str, a: _Symbol, b: _Symbol) -> Exit:
        used = self.exits.setdefault(source_key, set())
        toward: Exit = "e" if b.column.left >= a.column.left else "w"
        other: Exit = "w" if toward == "e" else "e"
        order: list[Exit] = ["s", toward, other] if b.row.top > a.row.top else [toward, other, "s"]
        for candidate in order:
            if candidate not in used:
                used.add(candidate)
                return candidate
        return order[0]

    def arrow(self, source_key: str, a: _Symbol, b: _Symbol, label: str) -> None:
        """An orthogonal arrow from symbol ``a`` to symbol ``b``."""
        exit_ = self.choose_exit(source_key, a, b)
        down = b.row.top > a.row.top
        ax, ay, bx, by = a.column.x, a.row.y, b.column.x, b.row.y
        waypoints: list[tuple[float, float]] = []
        into_side: float | None = None  # x of the gutter when entering b from a side
        if down:
            if exit_ == "s":
                low = a.row.bottom - EDGE_GAP
                if a.column is b.column and not self.blocked(b.column, a.row, b.row):
                    pass  # straight down
                elif not self.blocked(b.column, a.row, b.row):
                    waypoints = [(ax, low), (bx, low)]
                else:
                    gx = self.lane(b.column, "w" if a.column.left < b.column.left else "e")
                    high = b.row.top + EDGE_GAP
                    waypoints = [(ax, low), (gx, low), (gx, high), (bx, high)]
            else:
                side_x = ax + (a.half_width if exit_ == "e" else -a.half_width) + 8
                if exit_ == "w":
                    side_x -= 16
                if a.column is not b.column and not self.blocked(b.column, a.row, b.row):
                    waypoints = [(bx, ay)]
                else:
                    gx = self.lane(b.column, "e" if exit_ == "e" else "w") if a.column is b.column else self.lane(
                        b.column, "w" if a.column.left < b.column.left else "e"
                    )
                    high = b.row.top + EDGE_GAP
                    waypoints = [(side_x, ay), (gx, ay), (gx, high), (bx, high)] if a.column is b.column else [
                        (gx, ay),
                        (gx, high),
                        (bx, high),
                    ]
        else:
            side = "e" if b.column.left < a.column.left or b.column is a.column else "w"
            gx = self.lane(b.column, side)
            if exit_ == "s":
                low = a.row.bottom - EDGE_GAP
                waypoints = [(ax, low), (gx, low), (gx, by)]
            else:
                waypoints = [(gx, ay), (gx, by)]
            into_side = gx
        self.polyline(a, b, waypoints, into_side)
        if label:
            self.branch_label(a, exit_, label)

    def polyline(self, a: _Symbol, b: _Symbol, waypoints: list[tuple[float, float]], into_side: float | None) -> None:
        del into_side  # the last waypoint already lies level with b: the line enters its side
        nodes = [self.symbol_id(a)] + [self.point(x, y) for x, y in waypoints] + [self.symbol_id(b)]
        for i, (tail, head) in enumerate(zip(nodes, nodes[1:])):
            last = i == len(nodes) - 2
            self.g.edge(tail, head, **({} if last else {"arrowhead": "none"}))

    def branch_label(self, a: _Symbol, exit_: Exit, label: str) -> None:
        lines = wrap(label, 14, max_lines=2)
        width = max(len(line) for line in lines) * 5.2 + 4
        height = len(lines) * 10.8 + 2
        if exit_ == "s":
            x = a.column.x + 4 + width / 2
            y = a.row.y + a.half_height + height / 2 + 1
        else:
            sign = 1 if exit_ == "e" else -1
            x = a.column.x + sign * (a.half_width + 3 + width / 2)
            y = a.row.y - height / 2 - 2
        self.g.node(
            safe_id("lb", self.tag, a.row.key, exit_),
            plain_label(lines),
            shape="plaintext",
            style="",
            fontsize="9",
            width=f"{width / 72:.3f}",
            height=f"{height / 72:.3f}",
            pos=_pos(x, y),
        )


def _render_page(
    ctx: RenderContext,
    sop: Sop,
    steps: Sequence[Langkah],
    number: int,
    total: int,
    all_flows: Sequence[Flow],
    all_connectors: Sequence[Connector],
) -> str:
    page = _Page(ctx, sop, steps, number, total)
    incoming = [c for c in all_connectors if c.in_page == number]
    outgoing = [c for c in all_connectors if c.out_page == number]
    page.build_columns()
    page.build_rows(incoming, outgoing)
    column_of = {c.pelaksana: c for c in page.columns if c.pelaksana is not None}
    step_column = {str(s.no): column_of[s.pelaksana] for s in ordered_steps(sop)}
    page.draw_cells()
    page.draw_symbols(step_column)
    page.draw_rules()
    on_page = {str(s.no) for s in steps}
    for flow in all_flows:
        if flow.source in on_page and flow.target in on_page:
            page.arrow(flow.source, page.symbols[flow.source], page.symbols[flow.target], flow.label)
    for c in outgoing:
        for flow in c.sources:
            page.arrow(flow.source, page.symbols[flow.source], page.symbols[f"out{c.number}"], flow.label)
    for c in incoming:
        page.arrow(f"in{c.number}", page.symbols[f"in{c.number}"], page.symbols[c.target], "")
    return page.g.source


def render_sop_flow(index: Index, ctx: RenderContext) -> list[Artifact]:
    """Every SOP's flowchart, page by page (``sop/<kode>/halaman-<n>``)."""
    out: list[Artifact] = []
    for kode in sorted(index.sop):
        sop = index.sop[kode].model
        pages = paginate(sop, ctx.max_steps_per_page)
        page_of = {str(s.no): i for i, steps in enumerate(pages, start=1) for s in steps}
        all_flows = flows(sop, ctx)
        all_connectors = connectors(all_flows, page_of)
        opd = index.opd_of(sop.unit) if sop.unit else None
        if opd is None and sop.proses in index.proses:
            owners = index.owners(sop.proses)
            opd = owners[0] if owners else None
        codes = tuple(c for c in (kode, sop.proses) if c)
        for number, steps in enumerate(pages, start=1):
            out.append(
                Artifact(
                    path=f"sop/{kode}/halaman-{number}",
                    kind="dot",
                    content=_render_page(ctx, sop, steps, number, len(pages), all_flows, all_connectors),
                    title=msg(ctx, "diagram.sop.artifact", nama=sop.nama, halaman=number, jumlah=len(pages)),
                    opd=opd,
                    codes=codes,
                    group="sop",
                )
            )
    return out
