"""The peta relasi of one OPD (``relasi/opd/<opd>``): the OPD in the middle, the OPD and
outside parties it receives masukan from on the left, those it gives keluaran to on the
right (a party that does both appears on each side, so the map always reads left to right).
Each arrow carries the names exchanged (a label node on it), wrapped in full (a long list shows a few and
``+N lainnya``; the full list is the edge's tooltip and SVG title). In SVG another OPD opens
its own relasi; the Pemda matrix links each of its cells to the pair's edge here.
"""

from __future__ import annotations

from probis_cli.index import Index
from probis_cli.render.base import RenderContext
from probis_cli.render.diagrams.dot import (
    Digraph,
    add_legend,
    msg,
    new_graph,
    plain_label,
    relative_link,
    safe_id,
    wrap,
)
from probis_cli.render.diagrams.relasi_data import (
    LUAR_STYLE,
    OTHER_STYLE,
    OWNER_STYLE,
    labelled_edge,
    party_name,
)
from probis_cli.render.diagrams.relasi_matriks import pair_edge_id

CENTRE_STYLE = {**OWNER_STYLE, "penwidth": "2"}
NAME_CHARS = 22


def exchanges_of(
    opd: str, pairs: dict[tuple[str, str], list[str]]
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """What ``opd`` receives (``sender -> names``) and gives (``receiver -> names``)."""
    received = {source: names for (source, target), names in pairs.items() if target == opd}
    given = {target: names for (source, target), names in pairs.items() if source == opd}
    return received, given


def _party_node(g: Digraph, index: Index, ctx: RenderContext, here: str, node: str, ref: str, *, link: bool) -> None:
    label = plain_label(wrap(party_name(index, ref), NAME_CHARS))
    if ref not in index.opd:
        g.node(node, label, **LUAR_STYLE)
        return
    attrs = dict(OTHER_STYLE)
    if link and ctx.image_format == "svg":  # drill across: the other OPD's own relasi
        attrs.update({"URL": relative_link(here, f"relasi/opd/{ref}.svg"), "target": "_top"})
    g.node(node, label, **attrs)


def render_opd_relasi(
    index: Index, ctx: RenderContext, opd: str, pairs: dict[tuple[str, str], list[str]], *, linked: set[str]
) -> str:
    """The DOT source of ``relasi/opd/<opd>``; ``linked``: the OPD that have a relasi of their own."""
    here = f"relasi/opd/{opd}"
    nama = party_name(index, opd)
    g = new_graph(
        f"relasi-opd-{opd}",
        title=msg(ctx, "diagram.relasi.title_opd", nama=nama),
        subtitle=msg(ctx, "diagram.relasi.subtitle_opd"),
        rankdir="LR",
        ranksep="1.2",
        nodesep="0.3",
    )
    centre = safe_id("opd", opd)
    g.node(centre, plain_label(wrap(nama, NAME_CHARS)), **CENTRE_STYLE)
    received, given = exchanges_of(opd, pairs)
    with g.subgraph(name=safe_id("side", opd, "in")) as left:
        left.attr(rank="same")
        for ref in received:
            _party_node(left, index, ctx, here, safe_id("dari", ref), ref, link=ref in linked)
    with g.subgraph(name=safe_id("side", opd, "out")) as right:
        right.attr(rank="same")
        for ref in given:
            _party_node(right, index, ctx, here, safe_id("untuk", ref), ref, link=ref in linked)
    for ref, names in received.items():
        labelled_edge(g, ctx, safe_id("dari", ref), centre, names, id=pair_edge_id(ref, opd))
    for ref, names in given.items():
        labelled_edge(g, ctx, centre, safe_id("untuk", ref), names, id=pair_edge_id(opd, ref))
    kinds = {"other" if ref in index.opd else "luar" for ref in [*received, *given]}
    legend = [(msg(ctx, "diagram.relasi.legend_opd_ini"), CENTRE_STYLE)]
    legend += [(msg(ctx, "diagram.relasi.legend_other"), OTHER_STYLE)] if "other" in kinds else []
    legend += [(msg(ctx, "diagram.relasi.legend_luar"), LUAR_STYLE)] if "luar" in kinds else []
    add_legend(g, opd, msg(ctx, "diagram.legend"), legend)
    return str(g.source)
