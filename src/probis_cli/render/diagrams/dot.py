"""DOT building blocks shared by the diagram renderers: safe ids, escaped labels, wrapping,
common colours and the graph factory.

Labels are plain (escString) labels, never HTML-like ones — the WebAssembly Graphviz
that makes ``pip install`` enough is built without expat and cannot draw them — and never
record labels (dot 2.x loses flat edges between adjacent record nodes). User text reaches
DOT only through :func:`plain_label`, which removes control characters, collapses
whitespace, doubles backslashes (so ``\\N`` or a trailing ``\\`` stay literal) and marks
the result ``nohtml`` (a name such as ``<KTP & KK>`` must not turn into an HTML label);
the ``graphviz`` package escapes the double quotes. Node ids come from codes through an
injective, printable mapping (never ``hash``/``id``), so the same index always gives
byte-identical DOT.
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any, Literal, TypeAlias

import graphviz  # type: ignore[import-untyped]  # the package ships no type information

from probis_cli.i18n import translate
from probis_cli.index import Index
from probis_cli.render.base import RenderContext
from probis_cli.render.teks import FONT, FONT_BOLD, FONT_ITALIC, graph_defaults, wrap_lines

__all__ = ["FONT", "FONT_BOLD", "FONT_ITALIC", "Digraph", "text_width"]

# graphviz.Digraph, which has no type information.
Digraph: TypeAlias = Any

# -- the palette: one meaning per colour, on every kind of diagram (README "Warna") --------
# Who acts (peta lintas fungsi lanes, peta relasi parties):
COLOR_OWNER = "#D3EFEA"  # teal: the process's owner OPD (its units)
COLOR_OWNER_LINE = "#2A8C7E"
COLOR_OTHER_OPD = "#FFEDB8"  # amber: another OPD of the Pemda (every OPD on the Pemda-wide map)
COLOR_OTHER_OPD_LINE = "#B7860B"
COLOR_EXTERNAL = "#E6E6E6"  # grey, dashed border: a party outside the Pemda
COLOR_EXTERNAL_LINE = "#666666"
# What kind of process (peta level 0 / level n):
COLOR_KATEGORI: dict[str, tuple[str, str, str]] = {  # node fill, band background, band line
    "manajemen": ("#E6DDF5", "#F7F4FC", "#9A86C4"),  # purple
    "inti": ("#D5E7FA", "#F1F7FD", "#6C9BD2"),  # blue
    "pendukung": ("#DCF0DD", "#F3FAF3", "#78B07B"),  # green
}
# The plan chain (pohon kinerja): sasaran rose, program peach, kegiatan sand, proses white.
COLOR_SASARAN = "#F6DCE6"
COLOR_PROGRAM = "#FDE7D3"
COLOR_KEGIATAN = "#EFE6DA"
# Symbols of flowcharts (SOP AP, lintas fungsi) are not coloured: white, as on paper.
COLOR_SYMBOL = "#FFFFFF"
COLOR_FLOW = "#B35900"  # a flow of masukan/keluaran between processes

NAME_WIDTH = 26  # characters per line for names in nodes

Justify = Literal["center", "left"]


# -- ids ------------------------------------------------------------------------------------
def safe_id(kind: str, *parts: str) -> str:
    """A DOT node id for ``kind`` and ``parts``: injective, printable, stable across runs.

    Letters, digits and ``.`` are kept; every other character becomes ``_<hex>_`` (``_``
    included), and parts are joined with ``__``, which an encoded part never contains.
    """
    return "__".join([kind, *(_encode_part(part) for part in parts)])


_ID_UNSAFE = re.compile(r"[^A-Za-z0-9.]")


@lru_cache(maxsize=65536)  # the same codes and tags make thousands of ids per diagram
def _encode_part(part: str) -> str:
    return _ID_UNSAFE.sub(_encode_char, part)


def _encode_char(match: re.Match[str]) -> str:
    return f"_{ord(match.group(0)):x}_"


# -- text -----------------------------------------------------------------------------------
def clean(text: object) -> str:
    """``text`` on one line: whitespace runs collapsed, control characters removed."""
    # str.split() splits at exactly the characters str.isspace() accepts; the other control
    # characters (categories Cc, Cs, and the two noncharacters) are dropped first.
    return " ".join(_DROPPED.sub("", str(text)).split())


def _dropped_class() -> re.Pattern[str]:
    dropped = [
        chr(code)
        for code in [*range(0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]
        if not chr(code).isspace()
    ]
    return re.compile("[" + "".join(re.escape(ch) if ch.isascii() else ch for ch in dropped) + "]")


_DROPPED = _dropped_class()


def wrap(text: object, width: int = NAME_WIDTH, *, max_lines: int | None = None) -> list[str]:
    """``text`` cleaned and wrapped in balanced lines of about ``width`` characters.

    Words longer than twice the width are cut (a pasted URL must not make a node metres
    wide). With ``max_lines``, the rest is dropped and the last line ends in ``…``.
    """
    return list(_wrap(str(text), width, max_lines))


@lru_cache(maxsize=65536)
def _wrap(text: str, width: int, max_lines: int | None) -> tuple[str, ...]:
    # Cached: diagrams show the same names (OPD, pelaksana, processes) many times.
    words = []
    for word in clean(text).split(" "):
        while len(word) > 2 * width:
            words.append(word[:width])
            word = word[width:]
        words.append(word)
    lines = wrap_lines(" ".join(words), width) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width - 1, 1)].rstrip() + "…"
    return tuple(lines)


def _escape_plain(line: str) -> str:
    return line.replace("\\", "\\\\")


def _join(lines: Sequence[str], justify: Justify, escape: Any) -> str:
    if justify == "left":
        return "".join(escape(line) + "\\l" for line in lines)
    return "\\n".join(escape(line) for line in lines)


def plain_label(*blocks: Sequence[str], justify: Justify = "center") -> str:
    """A plain label from blocks of (unescaped) lines; empty blocks are skipped."""
    lines = [line for block in blocks for line in block]
    # Keep the nohtml subclass (not str()): it is what stops the graphviz package from
    # passing a label such as "<KTP & KK>" through as an HTML-like label.
    label: str = graphviz.nohtml(_join(lines, justify, _escape_plain))
    return label


# -- sizes: the same boxes with every engine ------------------------------------------------
LINE_SPACING = 1.2  # Graphviz's line height, of the font size
PINNED_SHAPES = frozenset({"box", "rect", "rectangle", "plaintext", "plain", "cds", "note", "tab", "folder"})
_LINE_END = re.compile(r"\\[nlr]|\\\\|\\.")


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width in points of ``text`` in Helvetica (Liberation Sans, bundled, has the same widths)."""
    return _units(text, bold) * size / 1000


@lru_cache(maxsize=65536)
def _units(text: str, bold: bool) -> int:
    widths = _widths(bold)
    return sum(widths.get(ch, 556) for ch in text)


@cache
def _widths(bold: bool) -> dict[str, int]:
    from fpdf.fonts import CORE_FONTS_CHARWIDTHS  # fpdf2 is slow to import: only when measuring

    table: dict[str, int] = CORE_FONTS_CHARWIDTHS["helveticaB" if bold else "helvetica"]
    return table


def label_lines(label: str) -> list[str]:
    """The lines of a plain (escString) label, unescaped: ``\\n``, ``\\l``, ``\\r`` end a line."""
    if "\\" not in label:
        return [label] if label else []
    lines: list[str] = []
    current: list[str] = []
    position = 0
    for match in _LINE_END.finditer(label):
        current.append(label[position : match.start()])
        token = match.group(0)
        if token in ("\\n", "\\l", "\\r"):
            lines.append("".join(current))
            current = []
        else:
            current.append(token[1])
        position = match.end()
    rest = label[position:]
    if rest or current:
        lines.append("".join(current) + rest)
    return lines


_NODE_DEFAULTS = graph_defaults()["node"]  # read only


def pinned_size(label: str, attrs: dict[str, str]) -> dict[str, str]:
    """``width``, ``height`` and ``fixedsize`` of a node, computed here from the bundled font's
    metrics the way Graphviz sizes a box (text + margins, at least the given or default
    width/height), so that the system ``dot`` (which measures text with the fonts it finds)
    and the WebAssembly engine place boxes of the same size. Nothing for shapes that are not
    boxes, empty labels, or nodes that set their size themselves."""
    if "fixedsize" in attrs or not label or attrs.get("shape", "box") not in PINNED_SHAPES:
        return {}
    defaults = _NODE_DEFAULTS
    size = float(attrs.get("fontsize", defaults["fontsize"]))
    bold = attrs.get("fontname", defaults["fontname"]).endswith("Bold")
    lines = label_lines(label)
    text_w = max((text_width(line, size, bold=bold) for line in lines), default=0.0)
    text_h = len(lines) * size * LINE_SPACING
    mx, _, my = attrs.get("margin", defaults["margin"]).partition(",")
    width = max(text_w + 2 * float(mx) * 72, float(attrs.get("width", "0.75")) * 72)
    height = max(text_h + 2 * float(my or mx) * 72, float(attrs.get("height", "0.5")) * 72)
    # Rounded up to the thousandth of an inch DOT is written with: never smaller than the text.
    return {
        "width": f"{math.ceil(width / 72 * 1000) / 1000:.3f}",
        "height": f"{math.ceil(height / 72 * 1000) / 1000:.3f}",
        "fixedsize": "true",
    }


# -- DOT statements: the graphviz package's quoting, without its per-call argument checks -----
_IS_HTML = graphviz.quoting.HTML_STRING.match
_IS_ID = graphviz.quoting.ID.match
_KEYWORDS = graphviz.quoting.KEYWORDS
_ODD_BACKSLASHES = graphviz.quoting.FINAL_ODD_BACKSLASHES.search
_ESCAPE_QUOTES = graphviz.quoting.ESCAPE_UNESCAPED_QUOTES


def quote(identifier: str) -> str:
    """``graphviz.quoting.quote``: a DOT identifier, quoted when needed."""
    if type(identifier) is str:
        quoted = _QUOTED.get(identifier)
        if quoted is not None:
            return quoted
        return _quote_plain(identifier)
    if identifier.endswith("\\"):  # maybe an odd number of backslashes: warned about every time
        return _quote(identifier)
    return _quote_cached(identifier)


# Plain strings (not ``nohtml`` ones, which quote differently) already quoted: attribute names
# and values repeat across a city's hundreds of thousands of statements. Bounded: cleared when full.
_QUOTED: dict[str, str] = {}
_QUOTED_MAX = 1 << 16


def _quote_plain(identifier: str) -> str:
    quoted = _quote(identifier)
    if not identifier.endswith("\\"):  # else the package's warning must come every time
        if len(_QUOTED) >= _QUOTED_MAX:
            _QUOTED.clear()
        _QUOTED[identifier] = quoted
    return quoted


def _quote(identifier: str) -> str:
    if _IS_HTML(identifier) and not isinstance(identifier, graphviz.quoting.NoHtml):
        return identifier
    if _IS_ID(identifier) and identifier.lower() not in _KEYWORDS:
        return identifier
    if _ODD_BACKSLASHES(identifier):  # the package warns about it
        result: str = graphviz.quoting.quote(identifier)
        return result
    return f'"{_ESCAPE_QUOTES(identifier)}"'


# typed: a nohtml string and an equal plain one are quoted differently.
_quote_cached = lru_cache(maxsize=65536, typed=True)(_quote)


def quote_edge(identifier: str) -> str:
    """``graphviz.quoting.quote_edge``: ``node[:port[:compass]]``, quoted when needed."""
    node, _, rest = identifier.partition(":")
    parts = [quote(node)]
    if rest:
        port, _, compass = rest.partition(":")
        parts.append(quote(port))
        if compass:
            parts.append(compass)
    return ":".join(parts)


def _items(mapping: Any) -> Iterable[tuple[str, Any]]:
    items = mapping.items()
    return sorted(items) if type(mapping) is dict else items


def attr_list(label: str | None = None, kwargs: Any = None, attributes: Any = None) -> str:
    """``graphviz.quoting.attr_list``: `` [a=b ...]`` (a plain dict sorted by key), or ``""``."""
    result = [f"label={quote(label)}"] if label is not None else []
    if kwargs:
        result += _pairs(_items(kwargs))
    if attributes:
        result += _pairs(_items(attributes) if hasattr(attributes, "items") else attributes)
    return f" [{' '.join(result)}]" if result else ""


def _pairs(pairs: Iterable[tuple[str, Any]]) -> list[str]:
    """``key=value`` of each pair whose value is not None, quoted (:func:`quote` inlined)."""
    known = _QUOTED
    out = []
    for k, v in pairs:
        if v is None:
            continue
        qk = known.get(k) if type(k) is str else None
        qv = known.get(v) if type(v) is str else None
        out.append(f"{quote(k) if qk is None else qk}={quote(v) if qv is None else qv}")
    return out


class _PinnedDigraph(graphviz.Digraph):  # type: ignore[misc]  # graphviz ships no types
    """A digraph whose box nodes get their size from :func:`pinned_size` (its subgraphs too:
    ``subgraph()`` makes them of the same class). Writes the same DOT as ``graphviz.Digraph``
    with cheaper quoting (hundreds of thousands of statements in a city's diagrams)."""

    _quote = staticmethod(quote)
    _quote_edge = staticmethod(quote_edge)
    _attr_list = staticmethod(attr_list)

    def node(self, name: str, label: str | None = None, _attributes: Any = None, **attrs: str) -> None:
        if label is not None:
            attrs.update(pinned_size(label, attrs))
        self.body.append(self._node(quote(name), attr_list(label, attrs, _attributes)))

    def edge(
        self, tail_name: str, head_name: str, label: str | None = None, _attributes: Any = None, **attrs: str
    ) -> None:
        line = self._edge(
            tail=quote_edge(tail_name), head=quote_edge(head_name), attr=attr_list(label, attrs, _attributes)
        )
        self.body.append(line)


# -- graphs ---------------------------------------------------------------------------------
def new_graph(name: str, *, title: str, subtitle: str | None = None, **graph_attr: str) -> Digraph:
    """A digraph with the engine's defaults, a bold title on top and ``graph_attr`` applied."""
    defaults = graph_defaults()
    attrs = dict(defaults["graph"])
    title_lines = wrap(title, 90)
    if subtitle:
        title_lines += wrap(subtitle, 110)
    attrs.update(
        {
            "label": plain_label(title_lines, justify="left"),
            "labelloc": "t",
            "labeljust": "l",
            "fontname": FONT_BOLD,
            "fontsize": "15",
        }
    )
    attrs.update(graph_attr)
    node_attr = dict(defaults["node"])
    node_attr.update({"shape": "box", "style": "filled", "fillcolor": "white"})
    graph: Digraph = _PinnedDigraph(
        name=safe_id("g", name),
        graph_attr=attrs,
        node_attr=node_attr,
        edge_attr=dict(defaults["edge"]),
    )
    return graph


def cluster_attrs(title: Sequence[str], **attrs: str) -> dict[str, str]:
    """Attributes of a titled cluster (bold title, left aligned)."""
    out = {"label": plain_label(title, justify="left"), "labeljust": "l", "fontname": FONT_BOLD, "fontsize": "12"}
    out.update(attrs)
    return out


def add_legend(
    g: Digraph, tag: str, heading: str, items: Iterable[tuple[str, dict[str, str]]], *, same_rank: bool = False
) -> str:
    """A legend cluster of sample nodes (``(text, node attributes)``); returns its first node id.

    Drawn with nodes, not an HTML table, so that the WebAssembly engine can draw it. The
    samples follow one another across ranks, or share one rank with ``same_rank`` (a
    column in a left-to-right graph).
    """
    first = ""
    items_list = list(items)
    with g.subgraph(name=safe_id("cluster", "legend", tag)) as legend:
        legend.attr(**cluster_attrs([heading], style="rounded", color="#AAAAAA", fontsize="10"))
        previous = ""
        with legend.subgraph(name=safe_id("legend", tag, "rank")) as rank:
            if same_rank:
                rank.attr(rank="same")
            for i, (caption, attrs) in enumerate(items_list):
                rank.node(safe_id("legend", tag, str(i)), plain_label(wrap(caption, 24)), fontsize="9", **attrs)
        for i, _ in enumerate(items_list):
            node = safe_id("legend", tag, str(i))
            if previous:
                # In a left-to-right graph a flat edge puts its tail below its head.
                tail, head = (node, previous) if same_rank else (previous, node)
                legend.edge(tail, head, style="invis")
            else:
                first = node
            previous = node
    return first


def msg(ctx: RenderContext, message_id: str, **args: Any) -> str:
    """A diagram word or title in the render language."""
    return translate(message_id, ctx.lang, **args)


def pemda_name(index: Index, ctx: RenderContext) -> str:
    """The Pemda's name, or a neutral word when probis.yaml is missing."""
    if index.pemda is not None:
        return index.pemda.model.nama
    return msg(ctx, "diagram.pemda")


def opd_label(index: Index, opd: str) -> str:
    """Short name of an OPD (singkatan, else nama, else its code)."""
    doc = index.opd.get(opd)
    return doc.model.label if doc is not None else opd


def opd_name(index: Index, opd: str) -> str:
    """Full name of an OPD (else its code)."""
    doc = index.opd.get(opd)
    return doc.model.nama if doc is not None else opd


def actor_name(index: Index, ref: str) -> str:
    """Display name of a pelaksana / pihak reference: unit or jabatan with its OPD, OPD, party."""
    actor = index.actor(ref)
    if actor is None:
        return ref
    if actor.kind in ("unit", "jabatan") and actor.opd is not None:
        return f"{actor.nama} ({opd_label(index, actor.opd)})"
    if actor.kind == "opd":
        return opd_label(index, ref)
    return actor.nama


def drill_link(index: Index, ctx: RenderContext, kode: str, here: str) -> dict[str, str]:
    """``URL`` attributes (SVG links, relative to the artifact ``here``) that open the next
    level of process ``kode``: its level n map when it has sub-processes, else its lintas
    fungsi map when it has aktivitas; nothing otherwise or when images are not SVG."""
    if ctx.image_format != "svg" or kode not in index.proses:
        return {}
    if index.children.get(kode):
        target = f"peta/level-n/{kode}.svg"
    elif index.proses[kode].model.aktivitas and index.is_leaf(kode):
        target = f"lintas-fungsi/{kode}.svg"
    else:
        return {}
    return {"URL": relative_link(here, target), "target": "_top"}


def relative_link(here: str, target: str) -> str:
    """``target`` (a path in the output folder) relative to the folder of artifact ``here``."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def owner_text(index: Index, kode: str) -> str:
    """Owners of a process as short OPD names, comma separated."""
    return ", ".join(opd_label(index, o) for o in index.owners(kode))
