"""What the peta relasi of every scope share: who exchanges which masukan/keluaran with whom
(:func:`pemda_exchanges`), the party styles of the palette, and edge labels that show a few
names and say how many more there are (the full list is the edge's tooltip and SVG title).
"""

from __future__ import annotations

from collections import defaultdict

import graphviz  # type: ignore[import-untyped]  # the package ships no type information

from probis_cli.index import Index
from probis_cli.render.base import RenderContext
from probis_cli.render.diagrams.dot import (
    COLOR_EXTERNAL,
    COLOR_EXTERNAL_LINE,
    COLOR_OTHER_OPD,
    COLOR_OTHER_OPD_LINE,
    COLOR_OWNER,
    COLOR_OWNER_LINE,
    COLOR_SYMBOL,
    FONT_BOLD,
    Digraph,
    clean,
    msg,
    opd_label,
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
# The names on an arrow: a white box without a border, so a crossing line never runs through text.
LABEL_STYLE = {
    "shape": "box",
    "style": "filled",
    "color": "white",
    "fillcolor": "white",
    "fontsize": "9",
    "margin": "0.06,0.04",
    "width": "0.1",  # as small as its text
    "height": "0.1",
}


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


def full_list(names: list[str]) -> str:
    """Every name, ``; `` separated, as a DOT attribute value (a tooltip)."""
    # nohtml: a name such as "<KTP & KK>" must not turn the tooltip into an HTML string.
    text: str = graphviz.nohtml("; ".join(clean(name).replace("\\", "\\\\") for name in names))
    return text


def edge_tooltip(names: list[str]) -> dict[str, str]:
    """``{"tooltip": every name}`` when :func:`edge_label` leaves names out, else nothing. The
    SVG gets it as ``<title>`` too (``add_link_titles``)."""
    if len(names) <= MAX_NAMES:
        return {}
    return {"tooltip": full_list(names)}


def labelled_edge(
    g: Digraph,
    ctx: RenderContext,
    tail: str,
    head: str,
    names: list[str],
    *,
    chars: int = LABEL_CHARS,
    **attrs: str,
) -> str:
    """An arrow from ``tail`` to ``head`` carrying ``names``, drawn as a label node on the arrow
    (``tail`` — names → ``head``) rather than as an edge label: the text then sits on its own
    arrow, never beside another one, and its box is sized here like every node
    (:func:`~probis_cli.render.diagrams.dot.pinned_size`), so both engines lay the map out
    alike. For maps where every arrow runs left to right: the arrow enters the label's left
    side and leaves its right side. ``attrs`` go to the label node (e.g. its ``id``); returns
    its node id."""
    node = safe_id("lbl", tail, head)
    g.node(node, edge_label(ctx, names, chars=chars), **LABEL_STYLE, **edge_tooltip(names), **attrs)
    g.edge(tail, node, arrowhead="none", headport="w")
    g.edge(node, head, tailport="e")
    return node


def party(index: Index, ref: str) -> tuple[str, bool]:
    """The OPD code (or the external party's / unknown ref's code) a reference stands for,
    and whether it is inside the Pemda."""
    actor = index.actor(ref)
    if actor is not None and actor.opd is not None:
        return actor.opd, True
    return ref, False


def party_name(index: Index, ref: str, *, short: bool = False) -> str:
    """An OPD's name (``short``: its singkatan) or an outside party's name."""
    doc = index.opd.get(ref)
    if doc is not None:
        return opd_label(index, ref) if short else doc.model.nama
    actor = index.actor(ref)
    return actor.nama if actor is not None else ref


def pemda_exchanges(index: Index) -> dict[tuple[str, str], list[str]]:
    """``(from, to) -> sorted distinct names`` between OPD and outside parties."""
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for kode in sorted(index.proses):
        p = index.proses[kode].model
        owners = index.owners(kode)
        for m in p.masukan:
            if m.dari is None:
                continue
            source, _ = party(index, m.dari)
            for owner in owners:
                if source != owner:
                    pairs[(source, owner)].add(m.nama)
        for k in p.keluaran:
            for ref in k.untuk:
                target, _ = party(index, ref)
                for owner in owners:
                    if target != owner:
                        pairs[(owner, target)].add(k.nama)
    return {pair: sorted(names, key=str.casefold) for pair, names in sorted(pairs.items())}
