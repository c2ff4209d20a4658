"""Peta Relasi: who exchanges which masukan and keluaran.

* ``relasi/pemda`` — OPD and parties outside the Pemda as nodes; one edge per ordered pair,
  labelled with the distinct names exchanged (units count as their OPD; exchanges inside
  one OPD are left out). Long lists are cut to a few names and a count of the rest.
* ``relasi/proses/<kode>`` — one process in the middle, the sources of its masukan on the
  left and the recipients of its keluaran on the right (``rankdir=LR``); a party that is
  both gets a node on each side, so the picture always reads left to right.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial

import graphviz  # type: ignore[import-untyped]  # the package ships no type information

from probis_cli.index import Index
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
    add_legend,
    clean,
    msg,
    new_graph,
    opd_label,
    opd_name,
    pemda_name,
    plain_label,
    safe_id,
    wrap,
)

MAX_NAMES = 3  # names shown on an edge before "+N lainnya"
LABEL_CHARS = 24

OWNER_STYLE = {"shape": "box", "style": "filled,rounded", "fillcolor": COLOR_OWNER, "color": COLOR_OWNER_LINE}
OTHER_STYLE = {"shape": "box", "style": "filled,rounded", "fillcolor": COLOR_OTHER_OPD, "color": COLOR_OTHER_OPD_LINE}
OPD_STYLE = OTHER_STYLE  # the Pemda-wide map: every OPD is "an OPD of the Pemda"
LUAR_STYLE = {"shape": "box", "style": "filled,dashed", "fillcolor": COLOR_EXTERNAL, "color": COLOR_EXTERNAL_LINE}
PROSES_STYLE = {
    "shape": "box",
    "style": "filled,rounded",
    "fillcolor": COLOR_SYMBOL,
    "penwidth": "2",
    "fontname": FONT_BOLD,
}
UNKNOWN_STYLE = {"shape": "plaintext", "style": "", "fontcolor": "#777777"}


def edge_label(ctx: RenderContext, names: list[str], *, chars: int = LABEL_CHARS) -> str:
    """Up to MAX_NAMES names, each wrapped in full at ``chars``, then ``+N lainnya`` (the full
    list is the edge's tooltip, :func:`edge_tooltip`)."""
    most = MAX_NAMES
    lines: list[str] = []
    for name in names[:most]:
        wrapped = wrap(name, chars)
        lines += ["• " + wrapped[0], *("  " + rest for rest in wrapped[1:])]
    if len(names) > most:
        lines.append(msg(ctx, "diagram.lainnya", n=len(names) - most))
    return plain_label(lines, justify="left")


def edge_tooltip(names: list[str]) -> dict[str, str]:
    """``{"tooltip": every name}`` when :func:`edge_label` leaves names out, else nothing."""
    if len(names) <= MAX_NAMES:
        return {}
    # nohtml: a name such as "<KTP & KK>" must not turn the tooltip into an HTML string.
    return {"tooltip": graphviz.nohtml("; ".join(clean(name).replace("\\", "\\\\") for name in names))}


def _party(index: Index, ref: str) -> tuple[str, bool]:
    """The OPD code (or the external party's / unknown ref's code) a reference stands for,
    and whether it is inside the Pemda."""
    actor = index.actor(ref)
    if actor is not None and actor.opd is not None:
        return actor.opd, True
    return ref, False


def pemda_exchanges(index: Index) -> dict[tuple[str, str], list[str]]:
    """``(from, to) -> sorted distinct names`` between OPD and outside parties."""
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for kode in sorted(index.proses):
        p = index.proses[kode].model
        owners = index.owners(kode)
        for m in p.masukan:
            if m.dari is None:
                continue
            source, _ = _party(index, m.dari)
            for owner in owners:
                if source != owner:
                    pairs[(source, owner)].add(m.nama)
        for k in p.keluaran:
            for ref in k.untuk:
                target, _ = _party(index, ref)
                for owner in owners:
                    if target != owner:
                        pairs[(owner, target)].add(k.nama)
    return {pair: sorted(names, key=str.casefold) for pair, names in sorted(pairs.items())}


def _render_pemda(index: Index, ctx: RenderContext) -> str:
    g = new_graph(
        "relasi-pemda",
        title=msg(ctx, "diagram.relasi.title", nama=pemda_name(index, ctx)),
        subtitle=msg(ctx, "diagram.relasi.subtitle"),
        rankdir="LR",
        ranksep="1.1",
        nodesep="0.4",
    )
    exchanges = pemda_exchanges(index)
    parties = sorted({p for pair in exchanges for p in pair})
    senders = {s for s, _ in exchanges}
    receivers = {t for _, t in exchanges}
    # Outside parties that only give sit on the left, those that only receive on the
    # right: fewer arrows run back across the map.
    side: dict[str, list[str]] = {"source": [], "sink": [], "": []}
    for party in parties:
        outside = party not in index.opd
        side[
            "source" if outside and party not in receivers else "sink" if outside and party not in senders else ""
        ].append(party)
    for rank, members in side.items():
        with g.subgraph(name=safe_id("rank", rank or "mid")) as sub:
            if rank:
                sub.attr(rank=rank)
            for party in members:
                if party in index.opd:
                    sub.node(safe_id("n", party), plain_label(wrap(opd_name(index, party), 22)), **OPD_STYLE)
                else:
                    actor = index.actor(party)
                    sub.node(safe_id("n", party), plain_label(wrap(actor.nama if actor else party, 22)), **LUAR_STYLE)
    for (source, target), names in exchanges.items():
        # One line a name here: the whole Pemda has many more edges than one process.
        label = edge_label(ctx, names, chars=36)
        g.edge(safe_id("n", source), safe_id("n", target), label=label, fontsize="9", **edge_tooltip(names))
    add_legend(
        g,
        "relasi",
        msg(ctx, "diagram.legend"),
        [
            (msg(ctx, "diagram.relasi.legend_opd"), OPD_STYLE),
            (msg(ctx, "diagram.relasi.legend_luar"), LUAR_STYLE),
        ],
        same_rank=True,
    )
    return str(g.source)


def _render_proses(index: Index, ctx: RenderContext, kode: str) -> str:
    p = index.proses[kode].model
    owners = index.owners(kode)
    g = new_graph(
        f"relasi-{kode}",
        title=msg(ctx, "diagram.relasi.title_proses", kode=p.kode, nama=p.nama),
        subtitle=msg(ctx, "diagram.relasi.subtitle_proses"),
        rankdir="LR",
        ranksep="1.0",
        nodesep="0.3",
    )
    centre = safe_id("proses", kode)
    owner_text = ", ".join(opd_label(index, o) for o in owners)
    g.node(centre, plain_label([p.kode], wrap(p.nama, 24), [f"[{owner_text}]"]), **PROSES_STYLE)

    def kind(ref: str | None) -> str:
        if ref is None:
            return "unknown"
        actor = index.actor(ref)
        if actor is None or actor.opd is None:
            return "luar"
        return "owner" if actor.opd in owners else "other"

    styles = {"owner": OWNER_STYLE, "other": OTHER_STYLE, "luar": LUAR_STYLE, "unknown": UNKNOWN_STYLE}

    def style(ref: str | None) -> dict[str, str]:
        return styles[kind(ref)]

    sources: dict[str | None, list[str]] = {}
    for m in p.masukan:
        sources.setdefault(m.dari, [])
        if m.nama not in sources[m.dari]:
            sources[m.dari].append(m.nama)
    recipients: dict[str | None, list[str]] = {}
    for k in p.keluaran:
        untuk: list[str | None] = list(k.untuk) or [None]
        for ref in untuk:
            recipients.setdefault(ref, [])
            if k.nama not in recipients[ref]:
                recipients[ref].append(k.nama)

    def party_label(ref: str | None, missing: str) -> str:
        return plain_label(wrap(actor_name(index, ref) if ref is not None else msg(ctx, missing), 22))

    with g.subgraph(name=safe_id("side", kode, "in")) as left:
        left.attr(rank="same")
        for src in sorted(sources, key=_ref_key):
            left.node(safe_id("dari", src or ""), party_label(src, "diagram.relasi.tanpa_sumber"), **style(src))
    with g.subgraph(name=safe_id("side", kode, "out")) as right:
        right.attr(rank="same")
        for dst in sorted(recipients, key=_ref_key):
            right.node(safe_id("untuk", dst or ""), party_label(dst, "diagram.relasi.tanpa_penerima"), **style(dst))
    for src in sorted(sources, key=_ref_key):
        g.edge(
            safe_id("dari", src or ""),
            centre,
            label=edge_label(ctx, sources[src]),
            fontsize="9",
            **edge_tooltip(sources[src]),
        )
    for dst in sorted(recipients, key=_ref_key):
        g.edge(
            centre,
            safe_id("untuk", dst or ""),
            label=edge_label(ctx, recipients[dst]),
            fontsize="9",
            **edge_tooltip(recipients[dst]),
        )
    shown = {kind(r) for r in [*sources, *recipients]}
    # The centre is the process itself (white, bold border); its owner is named in it.
    legend = [(msg(ctx, "diagram.relasi.legend_proses"), PROSES_STYLE)] + [
        (msg(ctx, "diagram.relasi.legend_" + k), styles[k]) for k in ("owner", "other", "luar") if k in shown
    ]
    add_legend(g, kode, msg(ctx, "diagram.legend"), legend, same_rank=True)
    return str(g.source)


def _ref_key(ref: str | None) -> tuple[bool, str]:
    """Sort key: references by code, the missing one last."""
    return (ref is None, ref or "")


def _render_matrix(index: Index, ctx: RenderContext) -> str:
    """The Pemda-wide relasi as a matrix: a row per sender, a column per receiver (OPD in
    code order, then outside parties), a cell per pair with the number of distinct items
    exchanged; the cell's tooltip lists them all. Pinned grid, so it reads at any size."""
    from probis_cli.render.diagrams.flowgrid import GRID_GRAPH_ATTRS, Column, FlowGrid, Row, place, text_width

    pairs = pemda_exchanges(index)
    parties = sorted({x for pair in pairs for x in pair}, key=lambda x: (x not in index.opd, x))
    g = new_graph(
        "relasi-matriks",
        title=msg(ctx, "diagram.relasi.title_matriks", nama=pemda_name(index, ctx)),
        subtitle=msg(ctx, "diagram.relasi.subtitle_matriks"),
        outputorder="nodesfirst",
        **GRID_GRAPH_ATTRS,
    )

    def name(x: str) -> str:
        if x in index.opd:
            return opd_label(index, x)
        actor = index.actor(x)
        return actor.nama if actor is not None else x

    heads = {x: wrap(name(x), 14) for x in parties}
    head_w = max([text_width(line, 10, bold=True) for x in parties for line in heads[x]] + [60.0]) + 16
    cell_w = max(56.0, max([text_width(line, 10, bold=True) for x in parties for line in heads[x]] + [0.0]) + 12)
    head_h = max([len(heads[x]) for x in parties] + [1]) * 12 + 12
    columns = [Column("head", [], head_w)] + [Column(f"c{i}", heads[x], cell_w) for i, x in enumerate(parties)]
    rows = [Row("head", head_h)] + [Row(f"r{i}", max(26.0, len(heads[x]) * 12 + 10)) for i, x in enumerate(parties)]
    place(columns, rows)
    grid = FlowGrid(g, "matriks", columns, rows)
    bold = {"shape": "plaintext", "style": "", "fontname": FONT_BOLD, "fontsize": "10"}
    for i, x in enumerate(parties):
        column, row = columns[i + 1], rows[i + 1]
        grid.cell(
            safe_id("ch", x), plain_label(heads[x]), column.x, rows[0].y, column.width - 4, rows[0].height - 4, **bold
        )
        grid.cell(
            safe_id("rh", x), plain_label(heads[x]), columns[0].x, row.y, columns[0].width - 4, row.height - 4, **bold
        )
    for (source, target), names in pairs.items():
        row, column = rows[parties.index(source) + 1], columns[parties.index(target) + 1]
        outside = source not in index.opd or target not in index.opd
        grid.cell(
            safe_id("m", source, target),
            plain_label([str(len(names))]),
            column.x,
            row.y,
            column.width - 2,
            row.height - 2,
            shape="box",
            style="filled",
            color="white",
            fillcolor=COLOR_EXTERNAL if outside else COLOR_OTHER_OPD,
            fontsize="10",
            tooltip=graphviz.nohtml("; ".join(clean(n).replace("\\", "\\\\") for n in names)),
        )
    grid.rules()
    legend_y = rows[-1].bottom + 20
    items = [
        (msg(ctx, "diagram.relasi.legend_matriks_opd"), COLOR_OTHER_OPD),
        (msg(ctx, "diagram.relasi.legend_matriks_luar"), COLOR_EXTERNAL),
    ]
    lx = 0.0
    grid.cell(safe_id("lg", "matriks"), plain_label([msg(ctx, "diagram.legend")]), lx + 30, legend_y, 60, 18, **bold)
    lx += 66
    for k, (caption, fill) in enumerate(items):
        width = text_width(caption, 9) + 20
        grid.cell(
            safe_id("lg", "matriks", str(k)),
            plain_label([caption]),
            lx + width / 2,
            legend_y,
            width,
            20,
            shape="box",
            style="filled",
            color="white",
            fillcolor=fill,
            fontsize="9",
        )
        lx += width + 10
    return str(g.source)


def render_relasi(index: Index, ctx: RenderContext) -> list[Artifact]:
    """The Pemda's relationship map and one per process with masukan or keluaran."""
    out = [
        Artifact(
            path="relasi/pemda",
            kind="dot",
            content=cached(ctx, "relasi:pemda", None, lambda: _render_pemda(index, ctx)),
            title=msg(ctx, "diagram.relasi.title", nama=pemda_name(index, ctx)),
            group="relasi",
        ),
        Artifact(
            path="relasi/matriks",
            kind="dot",
            content=cached(ctx, "relasi:matriks", None, lambda: _render_matrix(index, ctx)),
            title=msg(ctx, "diagram.relasi.title_matriks", nama=pemda_name(index, ctx)),
            group="relasi",
        ),
    ]
    for kode in sorted(index.proses):
        p = index.proses[kode].model
        if not p.masukan and not p.keluaran:
            continue
        owners = index.owners(kode)
        out.append(
            Artifact(
                path=f"relasi/proses/{kode}",
                kind="dot",
                content=cached(
                    ctx, f"relasi:{kode}", [index.proses[kode].path], partial(_render_proses, index, ctx, kode)
                ),
                title=msg(ctx, "diagram.relasi.title_proses", kode=p.kode, nama=p.nama),
                opd=owners[0] if owners else None,
                codes=(kode,),
                group="relasi",
            )
        )
    return out
