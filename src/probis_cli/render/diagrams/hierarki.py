"""Pohon kinerja: RPJMD sasaran → program → kegiatan (per claiming OPD) → proses bisnis.

Drawn left to right (``rankdir=LR``), so that a deep, wide tree reads as an outline and
long names wrap inside their boxes. A kegiatan is one node per claiming OPD (the same code
claimed by two OPD gives two branches); a sub kegiatan appears only when a process names
it directly. A process hangs under the kegiatan it names itself (``kegiatan:``); its
children inherit that link and are shown in the process maps, not here. Kegiatan without
any process are dashed: the gaps Bagian Organisasi asks about.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from probis_cli.index import Index
from probis_cli.render.base import Artifact, RenderContext, cached
from probis_cli.render.diagrams.dot import (
    COLOR_KEGIATAN,
    COLOR_PROGRAM,
    COLOR_SASARAN,
    COLOR_SYMBOL,
    Digraph,
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

FILL_SASARAN = COLOR_SASARAN
FILL_PROGRAM = COLOR_PROGRAM
FILL_KEGIATAN = COLOR_KEGIATAN
FILL_PROSES = COLOR_SYMBOL
WIDTH = 30


def is_penunjang(program: str) -> bool:
    """Whether a program code is the program penunjang ``X.XX.01`` of an OPD."""
    return program.count(".") == 2 and program.endswith(".01")


def _program_of(kode: str) -> str:
    """Program code of a kegiatan / sub kegiatan code (``X.XX.XX``)."""
    return ".".join(kode.split(".")[:3])


def _kegiatan_of(kode: str) -> str:
    """Kegiatan code of a sub kegiatan code (``X.XX.XX.X.XX``)."""
    return ".".join(kode.split(".")[:5])


class _Tree:
    """Collects the nodes and edges of one tree (whole Pemda or one OPD)."""

    def __init__(self, index: Index, ctx: RenderContext, opd: str | None) -> None:
        self.index = index
        self.ctx = ctx
        self.opd = opd
        self.sasaran: list[str] = []
        self.program: list[str] = []
        self.kegiatan: list[tuple[str, str]] = []  # (opd, kode)
        self.sub: list[tuple[str, str]] = []  # (opd, kode)
        self.proses: list[str] = []
        self.edges: list[tuple[str, str]] = []
        self.covered: set[tuple[str, str]] = set()  # kegiatan claims with a process below
        self.orphans: list[str] = []  # programs without an RPJMD sasaran
        self.penunjang: list[str] = []  # program penunjang (X.XX.01), outside the RPJMD by design
        self.penunjang_opd: dict[str, list[set[str]]] = {}  # Pemda tree: opd -> [kegiatan, proses]

    def add(self, items: list[str] | list[tuple[str, str]], item: object) -> None:
        if item not in items:
            items.append(item)  # type: ignore[arg-type]

    def edge(self, tail: str, head: str) -> None:
        if (tail, head) not in self.edges:
            self.edges.append((tail, head))

    def build(self) -> None:
        index = self.index
        claims = sorted((e.opd, k) for k, entries in index.kegiatan.items() for e in entries)
        if self.opd is not None:
            claims = [c for c in claims if c[0] == self.opd]
        else:
            # The Pemda tree: the program penunjang of every OPD is one node per OPD (its
            # kegiatan and processes counted), not the same subtree repeated for each OPD.
            for o, k in claims:
                if is_penunjang(_program_of(k)):
                    self.penunjang_opd.setdefault(o, [set(), set()])[0].add(k)
            for kode in sorted(index.proses):
                for code in index.proses[kode].model.kegiatan:
                    keg = _kegiatan_of(code)
                    for o in index.owners(kode):
                        if o in self.penunjang_opd and keg in self.penunjang_opd[o][0]:
                            self.penunjang_opd[o][1].add(kode)
            claims = [c for c in claims if not is_penunjang(_program_of(c[1]))]
        # processes -> the claims they hang under
        for kode in sorted(index.proses):
            owners = index.owners(kode)
            for code in index.proses[kode].model.kegiatan:
                keg = _kegiatan_of(code)
                holders = [o for o, k in claims if k == keg]
                if not holders:
                    continue
                mine = [o for o in holders if o in owners] or holders
                for o in mine:
                    self.add(self.proses, kode)
                    self.covered.add((o, keg))
                    if code != keg:
                        self.add(self.sub, (o, code))
                        self.edge(safe_id("keg", o, keg), safe_id("sub", o, code))
                        self.edge(safe_id("sub", o, code), safe_id("p", kode))
                    else:
                        self.edge(safe_id("keg", o, keg), safe_id("p", kode))
        for o, keg in claims:
            self.add(self.kegiatan, (o, keg))
            program = _program_of(keg)
            self.add(self.program, program)
            self.edge(safe_id("prog", program), safe_id("keg", o, keg))
        rpjmd = index.rpjmd.model if index.rpjmd is not None else None
        if rpjmd is not None:
            if self.opd is None:
                self.sasaran = [s.kode for s in rpjmd.sasaran]
                for p in rpjmd.program:  # programs of the RPJMD with no kegiatan yet
                    self.add(self.program, p.kode)
            for p in rpjmd.program:
                if p.kode not in self.program:
                    continue
                for s in p.sasaran:
                    if s in index.sasaran:
                        self.add(self.sasaran, s)
                        self.edge(safe_id("s", s), safe_id("prog", p.kode))
        # Programs under no sasaran (the program penunjang of every OPD, typically) hang
        # under one placeholder root, so that the RPJMD branches are not scattered among them.
        # The program penunjang (X.XX.01) serves no sasaran by design: it gets its own root,
        # so that only genuinely unlinked programs stand under "tanpa sasaran".
        linked = {head for _, head in self.edges if head.startswith("prog__")}
        unlinked = [code for code in self.program if safe_id("prog", code) not in linked]
        self.penunjang = [code for code in unlinked if is_penunjang(code)]
        self.orphans = [code for code in unlinked if not is_penunjang(code)]
        for code in sorted(self.penunjang, key=_natural):
            self.edge(safe_id("root", "penunjang"), safe_id("prog", code))
        for o in sorted(self.penunjang_opd):
            self.edge(safe_id("root", "penunjang"), safe_id("pen", o))
        for code in sorted(self.orphans, key=_natural):
            self.edge(safe_id("root", "tanpa-sasaran"), safe_id("prog", code))

    def draw(self, g: Digraph) -> None:
        index, ctx = self.index, self.ctx
        for s in sorted(self.sasaran, key=_natural):
            sasaran = index.sasaran_model(s)
            text = sasaran.uraian if sasaran is not None else ""
            g.node(
                safe_id("s", s),
                plain_label([msg(ctx, "diagram.hierarki.sasaran", kode=s)], wrap(text, WIDTH)),
                fillcolor=FILL_SASARAN,
            )
        if self.penunjang or self.penunjang_opd:
            g.node(
                safe_id("root", "penunjang"),
                plain_label(wrap(msg(ctx, "diagram.hierarki.penunjang_root"), 22)),
                fillcolor="#F2F2F2",
                color="#888888",
            )
        if self.orphans:
            g.node(
                safe_id("root", "tanpa-sasaran"),
                plain_label(wrap(msg(ctx, "diagram.hierarki.tanpa_sasaran"), 22)),
                fillcolor="#F2F2F2",
                style="filled,dashed",
                color="#888888",
            )
        for o, (kegiatan, processes) in sorted(self.penunjang_opd.items()):
            g.node(
                safe_id("pen", o),
                plain_label(
                    wrap(msg(ctx, "diagram.hierarki.penunjang_opd", opd=opd_label(index, o)), WIDTH),
                    [msg(ctx, "diagram.hierarki.penunjang_isi", kegiatan=len(kegiatan), proses=len(processes))],
                ),
                fillcolor=FILL_PROGRAM,
            )
        for p in sorted(self.program, key=_natural):
            program = index.program_model(p)
            if program is not None:
                lines = wrap(program.nama, WIDTH)
            elif is_penunjang(p):
                tingkat = index.pemda.model.tingkat if index.pemda is not None else "kota"
                daerah = "Provinsi" if tingkat == "provinsi" else "Kabupaten/Kota"
                lines = wrap(msg(ctx, "diagram.hierarki.program_penunjang", daerah=daerah), WIDTH)
            else:
                lines = [msg(ctx, "diagram.hierarki.program_luar")]
            g.node(safe_id("prog", p), plain_label([p], lines), fillcolor=FILL_PROGRAM)
        for o, k in sorted(self.kegiatan, key=lambda c: (_natural(c[1]), c[0])):
            entries = [e for e in index.kegiatan.get(k, []) if e.opd == o]
            nama = entries[0].kegiatan.nama if entries else ""
            attrs = {} if (o, k) in self.covered else {"style": "filled,dashed", "color": "#888888"}
            g.node(
                safe_id("keg", o, k),
                plain_label([k], wrap(nama, WIDTH), [f"[{opd_label(index, o)}]"]),
                fillcolor=FILL_KEGIATAN,
                **attrs,
            )
        for o, k in sorted(self.sub, key=lambda c: (_natural(c[1]), c[0])):
            subs = [e for e in index.sub_kegiatan.get(k, []) if e.opd == o]
            nama = subs[0].sub_kegiatan.nama if subs else ""
            g.node(safe_id("sub", o, k), plain_label([k], wrap(nama, WIDTH)), fillcolor=FILL_KEGIATAN)
        for kode in sorted(self.proses, key=_natural):
            proses = index.proses[kode].model
            owner = ", ".join(opd_label(index, x) for x in index.owners(kode))
            g.node(
                safe_id("p", kode),
                plain_label([kode], wrap(proses.nama, WIDTH), [f"[{owner}]"]),
                fillcolor=FILL_PROSES,
                style="filled,rounded",
            )
        for tail, head in self.edges:
            g.edge(tail, head)
        # The first column in code order, top to bottom: an invisible chain in one rank.
        first = [safe_id("s", x) for x in sorted(self.sasaran, key=_natural)]
        first += [safe_id("root", "tanpa-sasaran")] if self.orphans else []
        first += [safe_id("root", "penunjang")] if self.penunjang or self.penunjang_opd else []
        if len(first) > 1:
            with g.subgraph(name=safe_id("order", self.opd or "pemda")) as column:
                column.attr(rank="same")
                for above, below in zip(first, first[1:]):
                    column.edge(above, below, style="invis")


def _natural(code: str) -> tuple[tuple[int, str], ...]:
    """Sort key for codes: numeric parts as numbers (S1.10 after S1.9)."""
    parts = code.replace("/", ".").split(".")
    return tuple((int(p), "") if p.isdigit() else (1 << 30, p) for p in parts)


def _legend(g: Digraph, ctx: RenderContext) -> None:
    items: Iterable[tuple[str, dict[str, str]]] = [
        (msg(ctx, "diagram.hierarki.legend_sasaran"), {"fillcolor": FILL_SASARAN}),
        (msg(ctx, "diagram.hierarki.legend_program"), {"fillcolor": FILL_PROGRAM}),
        (msg(ctx, "diagram.hierarki.legend_kegiatan"), {"fillcolor": FILL_KEGIATAN}),
        (msg(ctx, "diagram.hierarki.legend_proses"), {"fillcolor": FILL_PROSES, "style": "filled,rounded"}),
        (
            msg(ctx, "diagram.hierarki.legend_gap"),
            {"fillcolor": FILL_KEGIATAN, "style": "filled,dashed", "color": "#888888"},
        ),
    ]
    add_legend(g, "hierarki", msg(ctx, "diagram.legend"), items, same_rank=True)


def _render(index: Index, ctx: RenderContext, opd: str | None) -> str:
    nama = pemda_name(index, ctx) if opd is None else opd_name(index, opd)
    g = new_graph(
        f"hierarki-{opd or 'pemda'}",
        title=msg(ctx, "diagram.hierarki.title", nama=nama),
        subtitle=msg(ctx, "diagram.hierarki.subtitle"),
        rankdir="LR",
        ranksep="0.6",
        nodesep="0.18",
    )
    tree = _Tree(index, ctx, opd)
    tree.build()
    tree.draw(g)
    _legend(g, ctx)
    return str(g.source)


def _opd_tree_reads(index: Index, opd: str) -> list[str]:
    """Files an OPD's pohon kinerja reads besides the globals: the processes linking its kegiatan."""
    claimed = {k for k, entries in index.kegiatan.items() if any(e.opd == opd for e in entries)}
    return [
        doc.path for doc in index.proses.values() if any(_kegiatan_of(code) in claimed for code in doc.model.kegiatan)
    ]


def render_hierarki(index: Index, ctx: RenderContext) -> list[Artifact]:
    """The pohon kinerja of the Pemda and of each OPD."""
    out = [
        Artifact(
            path="hierarki/pemda",
            kind="dot",
            content=cached(ctx, "hierarki:pemda", None, lambda: _render(index, ctx, None)),
            title=msg(ctx, "diagram.hierarki.title", nama=pemda_name(index, ctx)),
            group="hierarki",
        )
    ]
    for opd in sorted(index.opd):
        out.append(
            Artifact(
                path=f"hierarki/opd/{opd}",
                kind="dot",
                content=cached(ctx, f"hierarki:{opd}", _opd_tree_reads(index, opd), partial(_render, index, ctx, opd)),
                title=msg(ctx, "diagram.hierarki.title", nama=opd_name(index, opd)),
                opd=opd,
                codes=tuple(sorted(k for k, entries in index.kegiatan.items() if any(e.opd == opd for e in entries))),
                group="hierarki",
            )
        )
    return out
