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
from functools import partial
from typing import Any

from probis_cli.index import Index
from probis_cli.model.sop import Langkah, Sop
from probis_cli.render.base import Artifact, RenderContext, cached
from probis_cli.render.diagrams.dot import COLOR_SYMBOL, FONT_BOLD, msg, new_graph, plain_label, safe_id, wrap
from probis_cli.render.diagrams.flowgrid import (
    GRID_GRAPH_ATTRS,
    Column,
    Exit,
    FlowGrid,
    Row,
    decision_column_width,
    decision_row_height,
    place,
)

# Uncoloured symbols, as on the printed form (the palette keeps colour for who and what kind).
TERMINATOR_FILL = PROCESS_FILL = DECISION_FILL = CONNECTOR_FILL = COLOR_SYMBOL

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
# Symbol sizes in points (width, height).
SIZES: dict[str, tuple[float, float]] = {
    "mulai": (58.0, 26.0),
    "selesai": (58.0, 26.0),
    "proses": (46.0, 30.0),
    "keputusan": (62.0, 42.0),
    "konektor": (32.0, 30.0),
}
SYMBOL_ATTRS: dict[str, dict[str, str]] = {
    # kapsul: a short, wide box whose rounded corners make a stadium
    "mulai": {"shape": "box", "style": "rounded,filled", "fillcolor": TERMINATOR_FILL},
    "selesai": {"shape": "box", "style": "rounded,filled", "fillcolor": TERMINATOR_FILL},
    "proses": {"shape": "box", "fillcolor": PROCESS_FILL},
    "keputusan": {"shape": "diamond", "fillcolor": DECISION_FILL},
    # segi lima: the off-page connector, a pentagon pointing down
    "konektor": {"shape": "invhouse", "fillcolor": CONNECTOR_FILL},
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


def _text_width(chars: int) -> float:
    return chars * CHAR + 2 * PAD_X


class _Page:
    """The geometry and DOT of one page."""

    def __init__(
        self, ctx: RenderContext, sop: Sop, steps: Sequence[Langkah], number: int, total: int, *, titled: bool = True
    ) -> None:
        self.ctx = ctx
        self.sop = sop
        self.tag = f"{sop.kode}-{number}"
        nomor = f" · {sop.nomor}" if sop.nomor else ""
        self.g = new_graph(
            self.tag,
            title=msg(ctx, "diagram.sop.title", nama=sop.nama, kode=sop.kode),
            subtitle=msg(ctx, "diagram.sop.subtitle", kode=sop.kode, nomor=nomor, halaman=number, jumlah=total),
            outputorder="edgesfirst",
            **GRID_GRAPH_ATTRS,
        )
        if not titled:  # the printed SOP AP has its own page header
            self.g.graph_attr.pop("label", None)
            self.g.graph_attr["pad"] = "0"
        self.g.node_attr.update({"fontsize": f"{FONT_SIZE:g}"})
        self.g.edge_attr.update({"fontsize": "9", "arrowsize": "0.7"})
        self.steps = list(steps)
        self.columns: list[Column] = []
        self.rows: list[Row] = []
        self.row_step: dict[str, Langkah] = {}
        self.row_connector: dict[str, Connector] = {}

    def labels_of(self, all_flows: Sequence[Flow]) -> dict[str, list[str]]:
        """Branch labels of the decisions on this page, by step number."""
        on_page = {str(s.no) for s in self.steps}
        out: dict[str, list[str]] = {}
        for flow in all_flows:
            if flow.source in on_page and flow.label:
                out.setdefault(flow.source, []).append(flow.label)
        return out

    def build_columns(self, all_flows: Sequence[Flow] = ()) -> None:
        ctx, sop = self.ctx, self.sop
        labels = self.labels_of(all_flows)
        pelaksana = [p.kode for p in sop.pelaksana]
        for step in ordered_steps(sop):  # undeclared: a column anyway (a lint rule reports it)
            if step.pelaksana not in pelaksana:
                pelaksana.append(step.pelaksana)
        names = {p.kode: p.nama for p in sop.pelaksana}
        columns = [
            Column("no", [msg(ctx, "diagram.sop.no")], _text_width(3)),
            Column("kegiatan", [msg(ctx, "diagram.sop.kegiatan")], _text_width(KEGIATAN_CHARS)),
        ]
        for i, key in enumerate(pelaksana):
            header = wrap(names.get(key, key), PELAKSANA_CHARS)
            width = max(PELAKSANA_MIN, _text_width(max(len(line) for line in header)))
            for step in self.steps:  # room for the branch labels of its decisions
                if step.pelaksana == key and step.simbol == "keputusan":
                    width = max(width, decision_column_width(SIZES["keputusan"][0], labels.get(str(step.no), [])))
            columns.append(Column(f"p{i}", header, width, group="pelaksana", actor=key))
        if any(s.mutu_baku.kelengkapan for s in sop.langkah):
            columns.append(
                Column("kelengkapan", [msg(ctx, "diagram.sop.kelengkapan")], _text_width(KELENGKAPAN_CHARS), "mutu")
            )
        columns.append(
            Column("waktu", wrap(msg(ctx, "diagram.sop.waktu"), WAKTU_CHARS), _text_width(WAKTU_CHARS), "mutu")
        )
        columns.append(Column("output", [msg(ctx, "diagram.sop.output")], _text_width(OUTPUT_CHARS), "mutu"))
        if any(s.keterangan for s in sop.langkah):
            columns.append(Column("keterangan", [msg(ctx, "diagram.sop.keterangan")], _text_width(KETERANGAN_CHARS)))
        self.columns = columns

    def text(self, column: Column, step: Langkah) -> list[str]:
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

    def build_rows(
        self, incoming: Sequence[Connector], outgoing: Sequence[Connector], all_flows: Sequence[Flow] = ()
    ) -> None:
        labels = self.labels_of(all_flows)
        header_lines = max(len(c.header) for c in self.columns)
        rows = [Row("group", LINE + 2 * PAD_Y), Row("head", header_lines * LINE + 2 * PAD_Y)]
        connector_height = SIZES["konektor"][1] + 2 * PAD_Y + 6
        for c in incoming:
            rows.append(Row(f"in{c.number}", connector_height))
            self.row_connector[rows[-1].key] = c
        text_columns = [c for c in self.columns if c.actor is None]
        for step in self.steps:
            lines = max(len(self.text(c, step)) for c in text_columns)
            height = max(STEP_ROW_MIN, lines * LINE + 2 * PAD_Y)
            if step.simbol == "keputusan":
                height = max(height, decision_row_height(SIZES["keputusan"][1], labels.get(str(step.no), [])))
            rows.append(Row(f"s{step.no}", height))
            self.row_step[rows[-1].key] = step
        for c in outgoing:
            rows.append(Row(f"out{c.number}", connector_height))
            self.row_connector[rows[-1].key] = c
        self.rows = rows

    def draw(self, all_flows: Sequence[Flow], incoming: Sequence[Connector], outgoing: Sequence[Connector]) -> str:
        place(self.columns, self.rows)
        grid = FlowGrid(self.g, self.tag, self.columns, self.rows)
        self.draw_cells(grid)
        column_of = {c.actor: c for c in self.columns if c.actor is not None}
        step_column = {str(s.no): column_of[s.pelaksana] for s in ordered_steps(self.sop)}
        for row in self.rows:
            if row.key in self.row_step:
                step = self.row_step[row.key]
                width, height = SIZES[step.simbol]
                grid.symbol(
                    str(step.no),
                    row,
                    step_column[str(step.no)],
                    width,
                    height,
                    plain_label([str(step.no)]),
                    **SYMBOL_ATTRS[step.simbol],
                )
            elif row.key in self.row_connector:
                c = self.row_connector[row.key]
                column = step_column[c.target] if row.key.startswith("in") else step_column[c.sources[0].source]
                width, height = SIZES["konektor"]
                grid.symbol(
                    row.key, row, column, width, height, plain_label([str(c.number)]), **SYMBOL_ATTRS["konektor"]
                )
        group_row = 1  # row boundary between the group titles and the headers

        def skip(kind: str, i: int, j: int) -> bool:
            if kind == "h":
                return j == group_row and not self.columns[i].group
            left = self.columns[i - 1] if i > 0 else None
            right = self.columns[i] if i < len(self.columns) else None
            return j == 0 and left is not None and right is not None and bool(left.group) and left.group == right.group

        grid.rules(skip=skip)
        on_page = {str(s.no) for s in self.steps}
        leaving = {id(flow): f"out{c.number}" for c in outgoing for flow in c.sources}
        drawn: list[tuple[Flow, str]] = []  # (flow, the symbol it ends at on this page)
        for flow in all_flows:
            if flow.source in on_page and flow.target in on_page:
                drawn.append((flow, flow.target))
            elif id(flow) in leaving:
                drawn.append((flow, leaving[id(flow)]))
        # A decision's exits are chosen together, before any arrow is drawn.
        exits: dict[int, Exit] = {}
        decisions = {str(s.no) for s in self.steps if s.simbol == "keputusan"}
        for source in sorted(decisions, key=int):
            mine = [(flow, target) for flow, target in drawn if flow.source == source]
            for (flow, _), exit_ in zip(mine, grid.plan_exits(source, [t for _, t in mine])):
                exits[id(flow)] = exit_
        for flow, target in drawn:
            grid.arrow(flow.source, target, flow.label, exit_=exits.get(id(flow)))
        for c in incoming:
            grid.arrow(f"in{c.number}", c.target)
        return str(self.g.source)

    def draw_cells(self, grid: FlowGrid) -> None:
        group_titles = {
            "pelaksana": msg(self.ctx, "diagram.sop.pelaksana"),
            "mutu": msg(self.ctx, "diagram.sop.mutu_baku"),
        }
        group_row, head = self.rows[0], self.rows[1]
        seen: set[str] = set()
        bold = {"shape": "plaintext", "style": "", "fontname": FONT_BOLD}
        for column in self.columns:
            if column.group and column.group not in seen:
                seen.add(column.group)
                right = [c for c in self.columns if c.group == column.group][-1].right
                grid.cell(
                    safe_id("grp", self.tag, column.group),
                    plain_label([group_titles[column.group]]),
                    (column.left + right) / 2,
                    group_row.y,
                    right - column.left - 4,
                    group_row.height - 4,
                    **bold,
                )
            # A header without a group spans the group row too (a merged cell).
            top = head.top if column.group else group_row.top
            grid.cell(
                safe_id("hd", self.tag, column.key),
                plain_label(column.header),
                column.x,
                (top + head.bottom) / 2,
                column.width - 4,
                head.bottom - top - 4,
                **bold,
            )
        for row in self.rows:
            step = self.row_step.get(row.key)
            if step is None:
                continue
            for column in self.columns:
                lines = self.text(column, step) if column.actor is None else []
                if not any(lines):
                    continue
                grid.cell(
                    safe_id("tx", self.tag, row.key, column.key),
                    plain_label(lines, justify="center" if column.key in ("no", "waktu") else "left"),
                    column.x,
                    row.y,
                    column.width - 2 * PAD_X + 8,
                    row.height - 4,
                    shape="plaintext",
                    style="",
                )


def _render_page(
    ctx: RenderContext,
    sop: Sop,
    steps: Sequence[Langkah],
    number: int,
    total: int,
    all_flows: Sequence[Flow],
    all_connectors: Sequence[Connector],
    *,
    titled: bool = True,
) -> str:
    page = _Page(ctx, sop, steps, number, total, titled=titled)
    incoming = [c for c in all_connectors if c.in_page == number]
    outgoing = [c for c in all_connectors if c.out_page == number]
    page.build_columns(all_flows)
    page.build_rows(incoming, outgoing, all_flows)
    return page.draw(all_flows, incoming, outgoing)


def _measure(ctx: RenderContext, sop: Sop, steps: Sequence[Langkah], all_flows: Sequence[Flow]) -> tuple[float, float]:
    """Width and height (points) of a page holding ``steps``, its connectors estimated."""
    inside = {str(s.no) for s in steps}
    ins = sorted({f.target for f in all_flows if f.target in inside and f.source not in inside})
    outs = sorted({f.target for f in all_flows if f.source in inside and f.target not in inside})
    page = _Page(ctx, sop, steps, 1, 1, titled=False)
    page.build_columns(all_flows)
    page.build_rows(
        [Connector(k, 0, 0, t) for k, t in enumerate(ins)],
        [Connector(k, 0, 0, t) for k, t in enumerate(outs)],
        all_flows,
    )
    place(page.columns, page.rows)
    return page.columns[-1].right, page.rows[-1].bottom


def print_pages(sop: Sop, ctx: RenderContext, width: float, height: float) -> list[str]:
    """The flowchart of ``sop`` as untitled pages for print, each fitting ``width`` × ``height``
    points once scaled down to the width: as many steps a page as fit (at least one).

    Every page repeats the table header; arrows to another page end in numbered connectors.
    """
    steps = ordered_steps(sop)
    all_flows = flows(sop, ctx)
    pages: list[list[Langkah]] = []
    i = 0
    while i < len(steps):
        take = 1
        for n in range(2, len(steps) - i + 1):
            w, h = _measure(ctx, sop, steps[i : i + n], all_flows)
            if h * min(1.0, width / w) > height:
                break
            take = n
        pages.append(steps[i : i + take])
        i += take
    pages = pages or [[]]
    page_of = {str(s.no): k for k, group in enumerate(pages, start=1) for s in group}
    all_connectors = connectors(all_flows, page_of)
    return [
        _render_page(ctx, sop, group, k, len(pages), all_flows, all_connectors, titled=False)
        for k, group in enumerate(pages, start=1)
    ]


def render_sop_flow(index: Index, ctx: RenderContext) -> list[Artifact]:
    """Every SOP's flowchart, page by page (``sop/<kode>/halaman-<n>``)."""
    out: list[Artifact] = []
    for kode in sorted(index.sop):
        sop = index.sop[kode].model
        pages = paginate(sop, ctx.max_steps_per_page)
        page_of = {str(s.no): i for i, steps in enumerate(pages, start=1) for s in steps}
        flow_state: dict[str, Any] = {}

        def page_dot(
            number: int,
            steps: Any,
            sop: Any = sop,
            pages: Any = pages,
            page_of: Any = page_of,
            state: dict[str, Any] = flow_state,
        ) -> str:
            if "flows" not in state:  # computed only when a page has to be built
                state["flows"] = flows(sop, ctx)
                state["connectors"] = connectors(state["flows"], page_of)
            return _render_page(ctx, sop, steps, number, len(pages), state["flows"], state["connectors"])

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
                    # An SOP flowchart reads only its own SOP document.
                    content=cached(
                        ctx, f"sop-flow:{kode}:{number}", [index.sop[kode].path], partial(page_dot, number, steps)
                    ),
                    title=msg(ctx, "diagram.sop.artifact", nama=sop.nama, halaman=number, jumlah=len(pages)),
                    opd=opd,
                    codes=codes,
                    group="sop",
                )
            )
    return out
