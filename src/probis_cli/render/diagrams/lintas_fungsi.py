"""Peta Lintas Fungsi: the cross-functional map of a lowest-level process.

One swimlane (column) per pelaksana, in the order they first act; one row per aktivitas,
in their order; arrows follow ``lanjut`` (else the next aktivitas), from a start capsule
to an end capsule. An aktivitas with more than one ``lanjut`` is followed by a decision
(belah ketupat) in its lane, in a row of its own, whose exits carry the ``kondisi`` of each
branch (placed like the SOP flowchart's: beside their own exit, never on a rule). Lanes of the owning OPD, of other OPD and of parties outside the Pemda
are told apart by colour (header, lane tint, activity fill) and by a dashed border for
outside parties, explained in a legend. Drawn on the pinned grid of
:mod:`~probis_cli.render.diagrams.flowgrid` (columns, not clusters: dot does not keep
clusters in a given order).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from probis_cli.index import Index
from probis_cli.model.proses import Aktivitas, Proses
from probis_cli.render.base import Artifact, RenderContext, cached
from probis_cli.render.diagrams.dot import (
    COLOR_EXTERNAL,
    COLOR_EXTERNAL_LINE,
    COLOR_OTHER_OPD,
    COLOR_OTHER_OPD_LINE,
    COLOR_OWNER,
    COLOR_OWNER_LINE,
    COLOR_SYMBOL,
    FONT_BOLD,
    actor_name,
    msg,
    new_graph,
    opd_label,
    plain_label,
    relative_link,
    safe_id,
    wrap,
)
from probis_cli.render.diagrams.flowgrid import (
    GRID_GRAPH_ATTRS,
    Column,
    FlowGrid,
    Row,
    decision_column_width,
    decision_row_height,
    place,
    text_width,
)

ACTIVITY_CHARS = 22
ACTIVITY_WIDTH = 128.0
HEADER_CHARS = 20
CHAR = 5.6
LINE = 12.0
DECISION = (52.0, 36.0)  # belah ketupat (width, height)
DECISION_FILL = COLOR_SYMBOL
LANE_TINT = {"owner": "#EFF8F6", "other": "#FFF9E8", "luar": "#F5F5F5"}  # pale teal / amber / grey
LANE_FILL = {"owner": COLOR_OWNER, "other": COLOR_OTHER_OPD, "luar": COLOR_EXTERNAL}
LANE_LINE = {"owner": COLOR_OWNER_LINE, "other": COLOR_OTHER_OPD_LINE, "luar": COLOR_EXTERNAL_LINE}


def lane_header(index: Index, ref: str) -> list[str]:
    """A lane title: the unit/jabatan name wrapped, and its OPD on a line of its own so a long
    unit name never pushes the OPD (what tells the lanes of different OPD apart) out of view."""
    actor = index.actor(ref)
    if actor is not None and actor.kind in ("unit", "jabatan") and actor.opd is not None:
        return [*wrap(actor.nama, HEADER_CHARS), f"({opd_label(index, actor.opd)})"]
    return wrap(actor_name(index, ref), HEADER_CHARS)


def lane_kind(index: Index, ref: str, owners: list[str]) -> str:
    """``owner`` (a unit of an owning OPD), ``other`` (another OPD) or ``luar`` (outside)."""
    actor = index.actor(ref)
    if actor is None or actor.opd is None:
        return "luar"
    return "owner" if actor.opd in owners else "other"


def next_activities(p: Proses) -> list[tuple[Aktivitas, list[str]]]:
    """Each aktivitas with the codes it leads to (``lanjut``, else the next one)."""
    codes = {a.kode for a in p.aktivitas}
    out = []
    for i, a in enumerate(p.aktivitas):
        if a.lanjut is not None:
            targets = [t for t in a.lanjut if t in codes]
        else:
            targets = [p.aktivitas[i + 1].kode] if i + 1 < len(p.aktivitas) else []
        out.append((a, targets))
    return out


def _conditions(a: Aktivitas, targets: list[str]) -> list[str]:
    """The condition of each branch (``kondisi`` by position; empty where not given)."""
    given = list(a.kondisi or [])
    return [given[i] if i < len(given) else "" for i in range(len(targets))]


def _unique_activities(p: Proses) -> list[Aktivitas]:
    seen: dict[str, Aktivitas] = {}
    for a in p.aktivitas:
        seen.setdefault(a.kode, a)
    return list(seen.values())


def _output_lines(keluaran: str | None) -> list[str]:
    # The arrow marks where the output starts; continuation lines are indented, not re-arrowed.
    lines = wrap(keluaran, ACTIVITY_CHARS - 2) if keluaran else []
    return [("→ " if i == 0 else "   ") + line for i, line in enumerate(lines)]


@dataclass
class _Layout:
    """The grid of one lintas fungsi map: lanes (columns), rows, and where each step sits."""

    activities: list[Aktivitas]
    kinds: dict[str, str]  # pelaksana -> owner / other / luar
    texts: dict[str, list[str]]  # aktivitas kode -> its lines
    targets: dict[str, list[str]]  # aktivitas kode -> the codes it leads to
    branching: dict[str, list[str]]  # aktivitas kode -> the condition of each branch
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    row_of: dict[str, Row] = field(default_factory=dict)  # kode (``?kode``: its decision) -> row
    heights: dict[str, float] = field(default_factory=dict)


def _plan(index: Index, p: Proses, owners: list[str]) -> _Layout:
    """Lanes in the order pelaksana first act, the text of every aktivitas, the branches."""
    activities = _unique_activities(p)
    lanes: list[str] = []
    for a in activities:
        if a.pelaksana not in lanes:
            lanes.append(a.pelaksana)
    targets = dict((a.kode, t) for a, t in next_activities(p))
    layout = _Layout(
        activities=activities,
        kinds={ref: lane_kind(index, ref, owners) for ref in lanes},
        texts={a.kode: [a.kode, *wrap(a.nama, ACTIVITY_CHARS), *_output_lines(a.keluaran)] for a in activities},
        targets=targets,
        branching={a.kode: _conditions(a, targets[a.kode]) for a in activities if len(targets.get(a.kode, [])) > 1},
    )
    layout.columns = [_lane_column(index, layout, i, ref) for i, ref in enumerate(lanes)]
    _place_rows(layout)
    return layout


def _lane_column(index: Index, layout: _Layout, i: int, ref: str) -> Column:
    """A lane as wide as its header and the conditions beside its decisions need."""
    header = lane_header(index, ref)
    width = max(ACTIVITY_WIDTH + 36, max(len(line) for line in header) * CHAR + 20)
    for a in layout.activities:
        if a.pelaksana == ref and a.kode in layout.branching:
            width = max(width, decision_column_width(DECISION[0], [c for c in layout.branching[a.kode] if c]))
    return Column(f"l{i}", header, width, actor=ref)


def _place_rows(layout: _Layout) -> None:
    """Header, mulai, a row per aktivitas (and one for its decision), selesai; then place."""
    terminal = 44.0
    rows = [Row("head", max(len(c.header) for c in layout.columns) * LINE + 16), Row("mulai", terminal)]
    layout.heights = {a.kode: len(layout.texts[a.kode]) * LINE + 12 for a in layout.activities}
    for i, a in enumerate(layout.activities):
        rows.append(Row(f"a{i}", max(layout.heights[a.kode] + 26, 56.0)))
        layout.row_of[a.kode] = rows[-1]
        if a.kode in layout.branching:
            labels = [c for c in layout.branching[a.kode] if c]
            rows.append(Row(f"d{i}", max(DECISION[1] + 24, decision_row_height(DECISION[1], labels))))
            layout.row_of[f"?{a.kode}"] = rows[-1]
    rows.append(Row("selesai", terminal))
    layout.rows = rows
    place(layout.columns, rows)


def _symbols(grid: FlowGrid, ctx: RenderContext, layout: _Layout) -> None:
    """Mulai and selesai capsules, each aktivitas in its lane, a diamond after each branching one."""
    lane_of = {c.actor: c for c in layout.columns}
    rows, activities = layout.rows, layout.activities
    terminator = {"shape": "box", "style": "rounded,filled", "fillcolor": COLOR_SYMBOL}
    if activities:
        for key, row, actor in (("mulai", rows[1], activities[0]), ("selesai", rows[-1], activities[-1])):
            label = plain_label([msg(ctx, f"diagram.lintas.{key}")])
            grid.symbol(key, row, lane_of[actor.pelaksana], 64, 26, label, **terminator)
    for a in activities:
        kind = layout.kinds[a.pelaksana]
        if a.kode in layout.branching:
            w, h = DECISION
            decision = {"shape": "diamond", "style": "filled", "fillcolor": DECISION_FILL}
            grid.symbol(
                f"?{a.kode}", layout.row_of[f"?{a.kode}"], lane_of[a.pelaksana], w, h, plain_label([""]), **decision
            )
        grid.symbol(
            a.kode,
            layout.row_of[a.kode],
            lane_of[a.pelaksana],
            ACTIVITY_WIDTH,
            layout.heights[a.kode],
            plain_label(layout.texts[a.kode]),
            shape="box",
            style="rounded,filled,dashed" if kind == "luar" else "rounded,filled",
            fillcolor=LANE_FILL[kind],
            color=LANE_LINE[kind],
            fontsize="10",
        )


def _render(index: Index, ctx: RenderContext, kode: str) -> str:
    p = index.proses[kode].model
    owners = index.owners(kode)
    g = new_graph(
        f"lintas-{kode}",
        title=msg(ctx, "diagram.lintas.title", kode=p.kode, nama=p.nama),
        outputorder="nodesfirst",
        **GRID_GRAPH_ATTRS,
    )
    g.edge_attr.update({"arrowsize": "0.7"})
    layout = _plan(index, p, owners)
    rows = layout.rows
    grid = FlowGrid(g, kode, layout.columns, rows)
    _lane_cells(grid, layout.columns, rows, layout.kinds, kode)
    _symbols(grid, ctx, layout)
    grid.rules(skip=lambda kind, i, j: kind == "h" and 1 < j < len(rows))
    _arrows(grid, layout.activities, layout.targets, layout.branching)
    kinds = sorted(set(layout.kinds.values()), key=["owner", "other", "luar"].index)
    _legend(grid, ctx, index, owners, kinds, rows[-1].bottom + 18)
    if ctx.image_format == "svg":
        _sop_links(grid, ctx, index, kode, rows[-1].bottom + 66)
    return str(g.source)


def _lane_cells(grid: FlowGrid, columns: list[Column], rows: list[Row], kinds: dict[str, str], tag: str) -> None:
    """Each lane's tint over the body and its header cell."""
    body_top, body_bottom = rows[1].top, rows[-1].bottom
    for column in columns:
        kind = kinds[column.actor or ""]
        # Lane tint first (nodes are drawn in order, before the rules and arrows).
        grid.cell(
            safe_id("bg", tag, column.key),
            "",
            column.x,
            (body_top + body_bottom) / 2,
            column.width,
            body_bottom - body_top,
            shape="box",
            style="filled",
            color=LANE_TINT[kind],
            fillcolor=LANE_TINT[kind],
        )
        grid.cell(
            safe_id("hd", tag, column.key),
            plain_label(column.header),
            column.x,
            rows[0].y,
            column.width,
            rows[0].height,
            shape="box",
            style="filled",
            fillcolor=LANE_FILL[kind],
            color=LANE_LINE[kind],
            fontname=FONT_BOLD,
        )


def _arrows(
    grid: FlowGrid, activities: list[Aktivitas], targets: dict[str, list[str]], branching: dict[str, list[str]]
) -> None:
    """The flow: mulai -> first activity, each activity to its successors (through its decision)."""
    if not activities:
        return
    grid.arrow("mulai", activities[0].kode)
    # A decision's exits are chosen together, before any arrow is drawn.
    exits = {kode: grid.plan_exits(f"?{kode}", targets[kode]) for kode in branching}
    for a in activities:
        if a.kode in branching:
            grid.arrow(a.kode, f"?{a.kode}")
            for target, condition, exit_ in zip(targets[a.kode], branching[a.kode], exits[a.kode]):
                grid.arrow(f"?{a.kode}", target, condition, exit_=exit_)
            continue
        for target in targets.get(a.kode, []):
            grid.arrow(a.kode, target)
        if not targets.get(a.kode):
            grid.arrow(a.kode, "selesai")


def _sop_links(grid: FlowGrid, ctx: RenderContext, index: Index, kode: str, top: float) -> None:
    """Drill down: links to the SOP drafts that carry this process out (SVG only)."""
    p = index.proses[kode].model
    tag = kode
    x = 0.0
    for sop in (k for k in p.sop if k in index.sop):
        text = msg(ctx, "diagram.lintas.sop", kode=sop)
        width = text_width(text, 9) + 16
        grid.cell(
            safe_id("sop", tag, sop),
            plain_label([text]),
            x + width / 2,
            top,
            width,
            18,
            shape="box",
            style="rounded",
            color=COLOR_OWNER_LINE,
            fontcolor=COLOR_OWNER_LINE,
            fontsize="9",
            URL=relative_link(f"lintas-fungsi/{kode}", f"sop/{sop}.md"),
            target="_top",
        )
        x += width + 8


def _legend(grid: FlowGrid, ctx: RenderContext, index: Index, owners: list[str], kinds: list[str], top: float) -> None:
    texts = {
        "owner": msg(ctx, "diagram.lintas.legend_owner", opd=", ".join(opd_label(index, o) for o in owners)),
        "other": msg(ctx, "diagram.lintas.legend_other"),
        "luar": msg(ctx, "diagram.lintas.legend_luar"),
    }
    x = 0.0
    grid.cell(
        safe_id("lg", grid.tag, "title"),
        plain_label([msg(ctx, "diagram.legend")]),
        x + 30,
        top + 10,
        60,
        18,
        shape="plaintext",
        style="",
        fontname=FONT_BOLD,
        fontsize="10",
    )
    x += 66
    for kind in kinds:
        label = wrap(texts[kind], 30)
        width = max(len(line) for line in label) * 5.4 + 16
        grid.cell(
            safe_id("lg", grid.tag, kind),
            plain_label(label),
            x + width / 2,
            top + 10,
            width,
            len(label) * 11 + 10,
            shape="box",
            style="rounded,filled,dashed" if kind == "luar" else "rounded,filled",
            fillcolor=LANE_FILL[kind],
            color=LANE_LINE[kind],
            fontsize="9",
        )
        x += width + 12


def render_lintas_fungsi(index: Index, ctx: RenderContext) -> list[Artifact]:
    """A cross-functional map for every lowest-level process that has aktivitas."""
    out = []
    for kode in sorted(index.proses):
        p = index.proses[kode].model
        if not p.aktivitas or not index.is_leaf(kode):
            continue
        owners = index.owners(kode)
        out.append(
            Artifact(
                path=f"lintas-fungsi/{kode}",
                kind="dot",
                content=cached(ctx, f"lintas:{kode}", [index.proses[kode].path], partial(_render, index, ctx, kode)),
                title=msg(ctx, "diagram.lintas.title", kode=p.kode, nama=p.nama),
                opd=owners[0] if owners else None,
                codes=(kode,),
                group="lintas-fungsi",
            )
        )
    return out
