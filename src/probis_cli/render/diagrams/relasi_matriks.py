"""The Pemda-wide peta relasi as a matrix (``relasi/matriks``): a row per sender, a column per
receiver (OPD in code order, then outside parties), a cell per pair with the number of
distinct masukan/keluaran exchanged. The cell's tooltip (and SVG title) lists them all, and
in SVG the cell opens the per-OPD relasi of the pair's OPD at the pair's edge. Pinned grid,
so it reads at any size and both engines draw the same picture.
"""

from __future__ import annotations

from probis_cli.index import Index
from probis_cli.render.base import RenderContext
from probis_cli.render.diagrams.dot import (
    COLOR_EXTERNAL,
    COLOR_OTHER_OPD,
    FONT_BOLD,
    msg,
    new_graph,
    pemda_name,
    plain_label,
    relative_link,
    safe_id,
    wrap,
)
from probis_cli.render.diagrams.flowgrid import GRID_GRAPH_ATTRS, Column, FlowGrid, Row, place, text_width
from probis_cli.render.diagrams.relasi_data import full_list, party_name, pemda_exchanges

HERE = "relasi/matriks"
HEAD_CHARS = 14  # receivers (columns)
ROW_HEAD_CHARS = 30  # senders (the row heads)
BOLD = {"shape": "plaintext", "style": "", "fontname": FONT_BOLD, "fontsize": "10"}


def pair_anchor(index: Index, source: str, target: str) -> str:
    """The per-OPD relasi that shows the pair (the sender's when it is an OPD of the Pemda,
    else the receiver's) with the pair's edge as the fragment."""
    opd = source if source in index.opd else target
    return f"relasi/opd/{opd}.svg#{pair_edge_id(source, target)}"


def pair_edge_id(source: str, target: str) -> str:
    """The SVG id of the edge of a pair on a per-OPD relasi."""
    return safe_id("pair", source, target)


def _order(index: Index, parties: set[str]) -> list[str]:
    """OPD in code order, then outside parties."""
    return sorted(parties, key=lambda x: (x not in index.opd, x))


def _grid(index: Index, senders: list[str], receivers: list[str]) -> tuple[list[Column], list[Row], list[list[str]]]:
    """Columns (receivers, short names) and rows (senders, names on wider lines: the row head
    column is one column, the receivers are many) sized from the wrapped names."""
    column_heads = [wrap(party_name(index, x, short=True), HEAD_CHARS) for x in receivers]
    row_heads = [wrap(party_name(index, x, short=True), ROW_HEAD_CHARS) for x in senders]
    widest_column = max([text_width(line, 10, bold=True) for head in column_heads for line in head] + [0.0])
    widest_row = max([text_width(line, 10, bold=True) for head in row_heads for line in head] + [0.0])
    cell_w = max(56.0, widest_column + 12)
    head_h = max([len(head) for head in column_heads] + [1]) * 12 + 12
    columns = [Column("head", [], max(widest_row, 60.0) + 16)]
    columns += [Column(f"c{i}", head, cell_w) for i, head in enumerate(column_heads)]
    rows = [Row("head", head_h)] + [Row(f"r{i}", max(26.0, len(head) * 12 + 10)) for i, head in enumerate(row_heads)]
    place(columns, rows)
    return columns, rows, row_heads


def _heads(grid: FlowGrid, senders: list[str], receivers: list[str], row_heads: list[list[str]]) -> None:
    """The receiver above each column and the sender left of each row."""
    columns, rows = grid.columns, grid.rows
    for column, x in zip(columns[1:], receivers):
        label = plain_label(column.header)
        grid.cell(safe_id("ch", x), label, column.x, rows[0].y, column.width - 4, rows[0].height - 4, **BOLD)
    for row, x, head in zip(rows[1:], senders, row_heads):
        # Left aligned: a node as wide as its own text, against the column's left edge.
        width = max(text_width(line, 10, bold=True) for line in head) + 4
        label = plain_label(head, justify="left")
        left = columns[0].left + 6 + width / 2
        grid.cell(safe_id("rh", x), label, left, row.y, width, row.height - 4, margin="0", **BOLD)


def _cells(
    grid: FlowGrid,
    index: Index,
    ctx: RenderContext,
    axes: tuple[list[str], list[str]],
    pairs: dict[tuple[str, str], list[str]],
) -> None:
    """One cell per exchanging pair: the count, the full list as tooltip, a link to the pair."""
    senders, receivers = axes
    for (source, target), names in pairs.items():
        row, column = grid.rows[senders.index(source) + 1], grid.columns[receivers.index(target) + 1]
        outside = source not in index.opd or target not in index.opd
        link = {}
        if ctx.image_format == "svg":
            link = {"URL": relative_link(HERE, pair_anchor(index, source, target)), "target": "_top"}
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
            tooltip=full_list(names),
            **link,
        )


def _legend(grid: FlowGrid, ctx: RenderContext, top: float) -> None:
    """*Keterangan*: the two cell colours."""
    items = [
        (msg(ctx, "diagram.relasi.legend_matriks_opd"), COLOR_OTHER_OPD),
        (msg(ctx, "diagram.relasi.legend_matriks_luar"), COLOR_EXTERNAL),
    ]
    grid.cell(safe_id("lg", "matriks"), plain_label([msg(ctx, "diagram.legend")]), 30, top, 60, 18, **BOLD)
    x = 66.0
    for k, (caption, fill) in enumerate(items):
        width = text_width(caption, 9) + 20
        grid.cell(
            safe_id("lg", "matriks", str(k)),
            plain_label([caption]),
            x + width / 2,
            top,
            width,
            20,
            shape="box",
            style="filled",
            color="white",
            fillcolor=fill,
            fontsize="9",
        )
        x += width + 10


def render_matrix(index: Index, ctx: RenderContext) -> str:
    """The DOT source of ``relasi/matriks``."""
    pairs = pemda_exchanges(index)
    # Rows only for parties that send, columns only for those that receive: no empty lines.
    senders, receivers = _order(index, {s for s, _ in pairs}), _order(index, {t for _, t in pairs})
    g = new_graph(
        "relasi-matriks",
        title=msg(ctx, "diagram.relasi.title_matriks", nama=pemda_name(index, ctx)),
        subtitle=msg(ctx, "diagram.relasi.subtitle_matriks"),
        outputorder="nodesfirst",
        **GRID_GRAPH_ATTRS,
    )
    columns, rows, row_heads = _grid(index, senders, receivers)
    grid = FlowGrid(g, "matriks", columns, rows)
    _heads(grid, senders, receivers, row_heads)
    _cells(grid, index, ctx, (senders, receivers), pairs)
    grid.rules()
    _legend(grid, ctx, rows[-1].bottom + 20)
    return str(g.source)
