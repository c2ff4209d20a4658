"""Text and fonts for the diagram builders: the font names, the default graph attributes
and label wrapping. Pure helpers with no Graphviz runtime, so the builders (diagrams/*) and
the runtime (graphviz.py: SVG font fallbacks, bundled fonts for PNG/PDF) both import them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Final, Literal

__all__ = [
    "BUNDLED_FACES",
    "BUNDLED_FAMILY",
    "FAMILY_STACKS",
    "FONT",
    "FONT_BOLD",
    "FONT_BOLD_ITALIC",
    "FONT_DIR",
    "FONT_ITALIC",
    "SANS_FALLBACKS",
    "graph_defaults",
    "wrap",
    "wrap_lines",
]

# Fonts the diagram builders should name: Graphviz has width tables for Helvetica, and
# Liberation Sans (bundled) draws with the same widths.
FONT: Final = "Helvetica"
FONT_BOLD: Final = "Helvetica-Bold"
FONT_ITALIC: Final = "Helvetica-Oblique"
FONT_BOLD_ITALIC: Final = "Helvetica-BoldOblique"

# Families with Helvetica's advance widths, best first. DejaVu Sans is deliberately absent:
# it is ~12 % wider, and the generic ``sans-serif`` reaches it anyway as the last resort.
SANS_FALLBACKS: Final = "Helvetica,Arial,'Liberation Sans',Arimo,'Nimbus Sans','Nimbus Sans L',sans-serif"
_SERIF_FALLBACKS: Final = "Times,'Times New Roman','Liberation Serif',Tinos,'Nimbus Roman','Nimbus Roman No9 L',serif"
_MONO_FALLBACKS: Final = "Courier,'Courier New','Liberation Mono',Cousine,'Nimbus Mono PS','Nimbus Mono L',monospace"
FAMILY_STACKS: Final[dict[str, str]] = {
    "helvetica": SANS_FALLBACKS,
    "arial": SANS_FALLBACKS,
    "times": _SERIF_FALLBACKS,
    "times-roman": _SERIF_FALLBACKS,
    "times new roman": _SERIF_FALLBACKS,
    "courier": _MONO_FALLBACKS,
    "courier new": _MONO_FALLBACKS,
}

FONT_DIR: Final = Path(__file__).resolve().parent / "fonts"
BUNDLED_FAMILY: Final = "Liberation Sans"
BUNDLED_FACES: Final[dict[str, str]] = {  # fpdf2 style -> file
    "": "LiberationSans-Regular.ttf",
    "B": "LiberationSans-Bold.ttf",
    "I": "LiberationSans-Italic.ttf",
    "BI": "LiberationSans-BoldItalic.ttf",
}


def graph_defaults() -> dict[str, dict[str, str]]:
    """Graph, node and edge attributes every diagram should start from.

    Use as ``graphviz.Digraph(graph_attr=d["graph"], node_attr=d["node"],
    edge_attr=d["edge"])``. Helvetica is the font whose widths the WebAssembly Graphviz
    estimates well; for bold (e.g. cluster titles) use :data:`FONT_BOLD`. A fresh dict
    is returned on every call.
    """
    return {
        "graph": {
            "fontname": FONT,
            "fontsize": "12",
            "pad": "0.3",
            "nodesep": "0.35",
        },
        "node": {
            "fontname": FONT,
            "fontsize": "11",
            "margin": "0.15,0.08",
        },
        "edge": {
            "fontname": FONT,
            "fontsize": "10",
        },
    }


def wrap_lines(text: str, width: int) -> list[str]:
    """Split ``text`` at spaces into lines of at most ``width`` characters, balanced so the
    lines are of similar length. A longer word is split after a hyphen or slash if it
    has one, else it stays whole on its own line. Blank text gives ``[]``."""
    if width < 1:
        raise ValueError("width must be at least 1")
    return list(_wrap_lines(text, width))


@lru_cache(maxsize=65536)
def _wrap_lines(text: str, width: int) -> tuple[str, ...]:
    # Diagrams show the same names many times: the result is cached per (text, width).
    words: list[tuple[str, bool]] = []  # (text, continues the previous word)
    for word in text.split():
        if len(word) > width:
            words.extend((piece, index > 0) for index, piece in enumerate(_split_long_word(word, width)))
        else:
            words.append((word, False))
    if not words:
        return ()
    lines = _greedy(words, width)
    # Balance: the narrowest width that still needs no more lines than the greedy fill. The
    # greedy line count never grows with the width, so the narrowest is found by bisection.
    low, high = max(len(word) for word, _ in words), width
    while low < high:
        middle = (low + high) // 2
        if _count(words, middle) <= len(lines):
            high = middle
        else:
            low = middle + 1
    return tuple(lines if high >= width else _greedy(words, high))


_HYPHEN_SPLIT = re.compile(r"(?<=[-/])")


def _split_long_word(word: str, width: int) -> list[str]:
    pieces: list[str] = []
    for part in (piece for piece in _HYPHEN_SPLIT.split(word) if piece):
        if pieces and len(pieces[-1]) + len(part) <= width:
            pieces[-1] += part
        else:
            pieces.append(part)
    return pieces


def _count(words: list[tuple[str, bool]], width: int) -> int:
    """The number of lines :func:`_greedy` makes, without making them."""
    count = 1
    length = -1  # the current line's length; -1: empty
    for word, continues in words:
        size = len(word)
        if length < 0:
            length = size
        elif not continues and length + 1 + size <= width:
            length += 1 + size
        else:
            count += 1
            length = size
    return count


def _greedy(words: list[tuple[str, bool]], width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word, continues in words:
        if not current:
            current = word
        elif not continues and len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


def wrap(text: str, width: int, *, justify: Literal["center", "left", "right"] = "center") -> str:
    """Wrap ``text`` (see :func:`wrap_lines`) into a DOT label string with ``\\n`` (centred),
    ``\\l`` (left) or ``\\r`` (right) line breaks; backslashes in the text are escaped.

    The result goes into a quoted DOT string as is (the ``graphviz`` package does that).
    """
    lines = [line.replace("\\", "\\\\") for line in wrap_lines(text, width)]
    if justify == "center":
        return "\\n".join(lines)
    mark = "\\l" if justify == "left" else "\\r"
    return "".join(line + mark for line in lines)
