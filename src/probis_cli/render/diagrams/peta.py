"""Peta Proses Bisnis level 0 (the landscape in three bands) and level n (sub-processes).

Level 0 stacks three clusters top to bottom — manajemen, inti, pendukung — the usual
convention: core processes as a value chain (chevrons, left to right) between management
above and support below. Long bands wrap into rows of a fixed number of nodes, held in place
by invisible edges, so a 60-process OPD gives a compact grid rather than one endless row.
The Pemda map shows the top-level processes with their owning OPD; an OPD's map shows the
processes it owns whose parents it does not own, with its own units named.

Level n draws, for every process with children, the children in code order (rows of four)
inside a cluster titled with the parent. Code order is not a flow, so no arrow follows it:
an arrow joins two sub-processes only where the data says so — a keluaran of one that is a
masukan (same name) of the other, labelled with that name; the subtitle says which it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from probis_cli.index import Index
from probis_cli.model.proses import Kategori
from probis_cli.render.base import Artifact, RenderContext, cached
from probis_cli.render.diagrams.dot import (
    COLOR_FLOW,
    COLOR_KATEGORI,
    Digraph,
    add_legend,
    cluster_attrs,
    drill_link,
    msg,
    new_graph,
    opd_label,
    opd_name,
    pemda_name,
    plain_label,
    safe_id,
    wrap,
)

BANDS: tuple[Kategori, ...] = ("manajemen", "inti", "pendukung")
ROW_LENGTH = 5  # nodes per row before a band wraps
CHAIN_LENGTH = 4  # level n: sub-processes per row of the chain
NODE_WIDTH = "2.4"  # inches; a minimum, so the grid stays even


def pemilik_text(index: Index, kode: str, home: str | None) -> str:
    """Owners of a process for a map of OPD ``home``: its own units by name, other OPD by
    short name (for the Pemda map, ``home`` is None and every owner is shown as its OPD)."""
    out: list[str] = []
    for ref in index.proses[kode].model.pemilik:
        actor = index.actor(ref)
        opd = actor.opd if actor is not None and actor.opd is not None else ref.split("/")[0]
        if home is not None and opd == home and actor is not None and actor.kind != "opd":
            name = actor.nama
        else:
            name = opd_label(index, opd)
        if name not in out:
            out.append(name)
    return ", ".join(out)


def _proses_node(
    index: Index, ctx: RenderContext, g: Digraph, kode: str, *, chevron: bool, home: str | None, here: str
) -> str:
    """Add the node of process ``kode``; return its id."""
    p = index.proses[kode].model
    footer = [pemilik_text(index, kode, home)]
    n_children = len(index.children.get(kode, []))
    if n_children:
        footer.append(msg(ctx, "diagram.anak", n=n_children))
    node = safe_id("p", kode)
    name = wrap(p.nama, 24)
    fill = COLOR_KATEGORI[p.kategori][0]
    # Plain labels, not records: dot 2.x loses flat edges between adjacent record nodes.
    label = plain_label([p.kode], name, wrap(f"[{' · '.join(footer)}]", 34))
    if chevron:
        # cds: the arrow-like shape of a value-chain step.
        g.node(
            node,
            label,
            shape="cds",
            fillcolor=fill,
            width=NODE_WIDTH,
            margin="0.3,0.12",
            **drill_link(index, ctx, kode, here),
        )
    else:
        g.node(
            node, label, style="filled,rounded", fillcolor=fill, width=NODE_WIDTH, **drill_link(index, ctx, kode, here)
        )
    return node


def _band(
    index: Index,
    ctx: RenderContext,
    g: Digraph,
    kategori: Kategori,
    codes: Sequence[str],
    *,
    tag: str,
    home: str | None,
) -> tuple[str, str]:
    """Add one band cluster; return the ids of its first and last row's first node."""
    here = "peta/level-0/pemda" if home is None else f"peta/level-0/opd/{tag}"
    _, background, line = COLOR_KATEGORI[kategori]
    first = last = ""
    with g.subgraph(name=safe_id("cluster", tag, kategori)) as band:
        band.attr(
            **cluster_attrs(
                [msg(ctx, "diagram.kategori." + kategori)],
                style="filled,rounded",
                fillcolor=background,
                color=line,
                penwidth="1.5",
                fontsize="13",
            )
        )
        if not codes:
            node = safe_id("kosong", tag, kategori)
            band.node(node, plain_label([msg(ctx, "diagram.kosong")]), shape="plaintext", style="", fontcolor="#777777")
            return node, node
        rows = [list(codes[i : i + ROW_LENGTH]) for i in range(0, len(codes), ROW_LENGTH)]
        previous_row: list[str] = []
        for r, row in enumerate(rows):
            with band.subgraph(name=safe_id("row", tag, kategori, str(r))) as rank:
                rank.attr(rank="same")
                ids = [_proses_node(index, ctx, rank, k, chevron=kategori == "inti", home=home, here=here) for k in row]
            for a, b in zip(ids, ids[1:]):
                band.edge(a, b, style="invis")
            for a, b in zip(previous_row, ids):
                band.edge(a, b, style="invis", weight="10")
            previous_row = ids
            if r == 0:
                first = ids[0]
            last = ids[0]
    return first, last


def _level0(index: Index, ctx: RenderContext, *, codes: Sequence[str], nama: str, tag: str, home: str | None) -> str:
    g = new_graph(
        f"level0-{tag}",
        title=msg(ctx, "diagram.level0.title", nama=nama),
        rankdir="TB",
        newrank="true",
        nodesep="0.3",
        ranksep="0.35",
    )
    by_band: dict[str, list[str]] = {k: [] for k in BANDS}
    for kode in sorted(codes):
        by_band[index.proses[kode].model.kategori].append(kode)
    previous = ""
    for kategori in BANDS:
        first, last = _band(index, ctx, g, kategori, by_band[kategori], tag=tag, home=home)
        if previous:
            g.edge(previous, first, style="invis", weight="5")
        previous = last
    return str(g.source)


def opd_top_processes(index: Index, opd: str) -> list[str]:
    """Processes owned by ``opd`` none of whose ancestors it owns (its top level), sorted."""
    out = []
    for kode in sorted(index.proses):
        if opd in index.owners(kode) and not any(opd in index.owners(a) for a in index.ancestors(kode)):
            out.append(kode)
    return out


def _opd_map_reads(index: Index, opd: str) -> list[str]:
    """Files an OPD's level-0 map reads besides the globals: its processes, their parents
    (which decide what is top level) and their children (counted on the map)."""
    paths: set[str] = set()
    for kode, doc in index.proses.items():
        if opd in index.owners(kode):
            paths.add(doc.path)
            paths.update(index.proses[a].path for a in index.ancestors(kode))
            paths.update(index.proses[c].path for c in index.children.get(kode, []) if c in index.proses)
    return sorted(paths)


def render_level0(index: Index, ctx: RenderContext) -> list[Artifact]:
    """Level 0 for the Pemda (its top-level processes) and for each OPD (its own top level)."""
    top = index.top_level()
    out = [
        Artifact(
            path="peta/level-0/pemda",
            kind="dot",
            content=cached(
                ctx,
                "level-0:pemda",
                None,
                lambda: _level0(index, ctx, codes=top, nama=pemda_name(index, ctx), tag="pemda", home=None),
            ),
            title=msg(ctx, "diagram.level0.title", nama=pemda_name(index, ctx)),
            codes=tuple(top),
            group="peta-level-0",
        )
    ]
    for opd in sorted(index.opd):
        codes = opd_top_processes(index, opd)
        title = msg(ctx, "diagram.level0.title", nama=opd_name(index, opd))
        out.append(
            Artifact(
                path=f"peta/level-0/opd/{opd}",
                kind="dot",
                content=cached(
                    ctx,
                    f"level-0:{opd}",
                    _opd_map_reads(index, opd),
                    partial(_level0, index, ctx, codes=codes, nama=opd_name(index, opd), tag=opd, home=opd),
                ),
                title=title,
                opd=opd,
                codes=tuple(codes),
                group="peta-level-0",
            )
        )
    return out


def _level_n(index: Index, ctx: RenderContext, parent: str) -> str:
    p = index.proses[parent].model
    level = index.level.get(parent, 1) + 1
    children = index.children.get(parent, [])
    relations = sibling_relations(index, children)
    g = new_graph(
        f"leveln-{parent}",
        title=msg(ctx, "diagram.leveln.title", level=level, kode=p.kode, nama=p.nama),
        subtitle=msg(ctx, "diagram.leveln.alur" if relations else "diagram.leveln.tanpa_alur"),
        rankdir="TB",
        newrank="true",
        nodesep="0.5",
        ranksep="0.45",
    )
    owners = index.owners(parent)
    home = owners[0] if owners else None
    _, background, line = COLOR_KATEGORI[p.kategori]
    with g.subgraph(name=safe_id("cluster", parent)) as box:
        box.attr(
            **cluster_attrs(
                [*wrap(f"{p.kode} {p.nama}", 80), f"[{pemilik_text(index, parent, None)}]"],
                style="filled,rounded",
                fillcolor=background,
                color=line,
                penwidth="1.5",
            )
        )
        rows = [children[i : i + CHAIN_LENGTH] for i in range(0, len(children), CHAIN_LENGTH)]
        previous_row: list[str] = []
        for r, row in enumerate(rows):
            with box.subgraph(name=safe_id("row", parent, str(r))) as rank:
                rank.attr(rank="same")
                ids = [
                    _proses_node(index, ctx, rank, k, chevron=False, home=home, here=f"peta/level-n/{parent}")
                    for k in row
                ]
            # Code order only places the nodes (invisible edges): it is not a flow.
            for a, b in zip(ids, ids[1:]):
                box.edge(a, b, style="invis")
            if previous_row:
                for a, b in zip(previous_row, ids):
                    box.edge(a, b, style="invis", weight="10")
            previous_row = ids
    kinds = [k for k in BANDS if any(index.proses[c].model.kategori == k for c in children)]
    legend = [
        (msg(ctx, f"diagram.kategori.{k}"), {"style": "filled,rounded", "fillcolor": COLOR_KATEGORI[k][0]})
        for k in kinds
    ]
    if relations:
        legend.append(
            (msg(ctx, "diagram.leveln.legend_alur"), {"shape": "plaintext", "style": "", "fontcolor": COLOR_FLOW})
        )
    add_legend(g, f"leveln-{parent}", msg(ctx, "diagram.legend"), legend, same_rank=True)
    for (a, b), names in relations.items():
        g.edge(
            safe_id("p", a),
            safe_id("p", b),
            label=plain_label([line for name in names for line in wrap(name, 22)]),
            constraint="false",
            fontsize="9",
            color=COLOR_FLOW,
            fontcolor=COLOR_FLOW,
            penwidth="1.3",
        )
    return str(g.source)


def _item(name: str) -> str:
    return " ".join(name.casefold().split())


def sibling_relations(index: Index, children: Sequence[str]) -> dict[tuple[str, str], list[str]]:
    """``(a, b) -> names``: keluaran of sub-process ``a`` that are masukan of sibling ``b``
    (names compared case- and space-insensitively), in code order. Nothing else is a flow."""
    inputs: dict[str, list[tuple[str, str]]] = {}
    for kode in children:
        for m in index.proses[kode].model.masukan:
            inputs.setdefault(_item(m.nama), []).append((kode, m.nama))
    out: dict[tuple[str, str], list[str]] = {}
    for kode in children:
        for k in index.proses[kode].model.keluaran:
            for other, nama in inputs.get(_item(k.nama), []):
                if other != kode and nama not in out.setdefault((kode, other), []):
                    out[(kode, other)].append(nama)
    return {pair: names for pair, names in sorted(out.items()) if names}


def render_level_n(index: Index, ctx: RenderContext) -> list[Artifact]:
    """One map per process with children: its sub-processes in code order."""
    out = []
    for parent in sorted(index.children):
        if parent not in index.proses or not index.children[parent]:
            continue
        p = index.proses[parent].model
        owners = index.owners(parent)
        out.append(
            Artifact(
                path=f"peta/level-n/{parent}",
                kind="dot",
                content=cached(
                    ctx,
                    f"level-n:{parent}",
                    # The parent, its children, and its ancestors (they decide the level shown).
                    [
                        index.proses[k].path
                        for k in (parent, *index.children[parent], *index.ancestors(parent))
                        if k in index.proses
                    ],
                    partial(_level_n, index, ctx, parent),
                ),
                title=msg(ctx, "diagram.leveln.title", level=index.level.get(parent, 1) + 1, kode=p.kode, nama=p.nama),
                opd=owners[0] if owners else None,
                codes=(parent, *index.children[parent]),
                group="peta-level-n",
            )
        )
    return out
