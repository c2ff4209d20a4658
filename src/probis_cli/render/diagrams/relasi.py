"""Peta Relasi: who exchanges which masukan and keluaran.

* ``relasi/pemda`` — OPD and parties outside the Pemda as nodes; one edge per ordered pair,
  labelled with the distinct names exchanged (units count as their OPD; exchanges inside
  one OPD are left out). Long lists are cut to a few names and a count of the rest.
* ``relasi/matriks`` — the same as an OPD × OPD matrix of counts (:mod:`.relasi_matriks`).
* ``relasi/opd/<opd>`` — one OPD in the middle and everyone it exchanges with
  (:mod:`.relasi_opd`); each matrix cell links to its pair's edge there.
* ``relasi/proses/<kode>`` — one process in the middle, the sources of its masukan on the
  left and the recipients of its keluaran on the right (``rankdir=LR``); a party that is
  both gets a node on each side, so the picture always reads left to right.
"""

from __future__ import annotations

from functools import partial

from probis_cli.index import Index
from probis_cli.render.base import Artifact, RenderContext, cached
from probis_cli.render.diagrams.dot import (
    actor_name,
    add_legend,
    msg,
    new_graph,
    opd_label,
    opd_name,
    pemda_name,
    plain_label,
    safe_id,
    wrap,
)
from probis_cli.render.diagrams.relasi_data import (
    LUAR_STYLE,
    OPD_STYLE,
    OTHER_STYLE,
    OWNER_STYLE,
    PROSES_STYLE,
    UNKNOWN_STYLE,
    edge_label,
    edge_tooltip,
    labelled_edge,
    pemda_exchanges,
)
from probis_cli.render.diagrams.relasi_matriks import render_matrix
from probis_cli.render.diagrams.relasi_opd import render_opd_relasi


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
        # An edge label here (not a label node, as on the per-OPD and per-process maps): the
        # Pemda-wide map of a city is one big layout, and label nodes make it ~50 % slower.
        tooltip = edge_tooltip(names)
        g.edge(
            safe_id("n", source),
            safe_id("n", target),
            label=edge_label(ctx, names, chars=36),
            fontsize="9",
            **tooltip,
            **({"labeltooltip": tooltip["tooltip"]} if tooltip else {}),
        )
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
        labelled_edge(g, ctx, safe_id("dari", src or ""), centre, sources[src])
    for dst in sorted(recipients, key=_ref_key):
        labelled_edge(g, ctx, centre, safe_id("untuk", dst or ""), recipients[dst])
    shown = {kind(r) for r in [*sources, *recipients]}
    # The centre is the process itself (white, bold border); its owner is named in it.
    legend = [(msg(ctx, "diagram.relasi.legend_proses"), PROSES_STYLE)] + [
        (msg(ctx, "diagram.relasi.legend_" + k), styles[k]) for k in ("owner", "other", "luar") if k in shown
    ]
    add_legend(g, kode, msg(ctx, "diagram.legend"), legend)
    return str(g.source)


def _ref_key(ref: str | None) -> tuple[bool, str]:
    """Sort key: references by code, the missing one last."""
    return (ref is None, ref or "")


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
            content=cached(ctx, "relasi:matriks", None, lambda: render_matrix(index, ctx)),
            title=msg(ctx, "diagram.relasi.title_matriks", nama=pemda_name(index, ctx)),
            group="relasi",
        ),
    ]
    out += _opd_artifacts(index, ctx)
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


def _opd_artifacts(index: Index, ctx: RenderContext) -> list[Artifact]:
    """One relasi per OPD that exchanges anything with another OPD or an outside party."""
    pairs = pemda_exchanges(index)
    opds = sorted({x for pair in pairs for x in pair if x in index.opd})
    linked = set(opds)
    return [
        Artifact(
            path=f"relasi/opd/{opd}",
            kind="dot",
            content=cached(
                ctx, f"relasi:opd:{opd}", None, partial(render_opd_relasi, index, ctx, opd, pairs, linked=linked)
            ),
            title=msg(ctx, "diagram.relasi.title_opd", nama=opd_name(index, opd)),
            opd=opd,
            group="relasi",
        )
        for opd in opds
    ]
