"""Scanning DOT text (repository content) before the WebAssembly engine lays it out: refuse
HTML labels, swap bold/italic fonts for stand-ins whose widths it knows, and swap back."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from probis_cli.render.layout.common import UnsupportedFeature
from probis_cli.render.teks import FONT_BOLD, FONT_BOLD_ITALIC, FONT_ITALIC

# --------------------------------------------------------------------------- DOT scanning

_Token = tuple[str, int, int]  # kind ("id", "str", "html", "punct"), start, end
_ID_CHAR = re.compile(r"[A-Za-z0-9_.\x80-\U0010ffff]+")


_SCAN = re.compile(
    r"""
      ^[ \t\r\f\v]*\#[^\n]*            # a C preprocessor line: '#' first on its line
    | [ \t\r\f\v]+ | \n                # white space
    | //[^\n]*                          # a line comment
    | /\*(?:.*?\*/|.*\Z)               # a block comment (unclosed: to the end)
    | (?P<str>"(?:\\"|[^"])*"?)        # a string; \" does not end it (unclosed: to the end)
    | (?P<html><)                       # an HTML-like label (never read further: refused)
    | (?P<id>[A-Za-z0-9_.\x80-\U0010ffff]+)
    | (?P<punct>.)
    """,
    re.MULTILINE | re.DOTALL | re.VERBOSE,
)


def _dot_tokens(text: str) -> Iterator[_Token]:
    """Tokens of DOT text, skipping whitespace and comments (enough to find attributes); an
    HTML-like label is one token ``<`` (whoever meets it refuses the text)."""
    for match in _SCAN.finditer(text):
        kind = match.lastgroup
        if kind is not None:
            yield (kind, match.start(), match.end())


def _token_value(text: str, token: _Token) -> str:
    kind, start, end = token
    if kind == "str":
        return text[start + 1 : end - 1].replace('\\"', '"')
    return text[start:end]


_ID_CLASS = r"[A-Za-z0-9_.\x80-\U0010ffff]"
# What may stand between tokens (the skipped alternatives of _SCAN, in its order), each
# piece atomic: a comment must not end early, nor a block comment reach past its "*/".
_GAP = r"(?>^[ \t\r\f\v]*\#[^\n]*|[ \t\r\f\v]+|\n|//[^\n]*|/\*(?:.*?\*/|.*\Z))*"
# Only what matters to the WebAssembly engine, in one pass: comments and strings are matched
# (so that nothing inside them counts) but otherwise ignored; an attribute ``fontname = value``
# yields its value (looked ahead at, so that a value can itself start the next attribute);
# ``<`` outside strings and comments starts an HTML-like label. Between those, the regular
# expression skips characters without a match. Equivalent to walking :func:`_dot_tokens`.
_FONTS_AND_HTML = re.compile(
    rf"""
      ^[ \t\r\f\v]*\#[^\n]*
    | //[^\n]*
    | /\*(?:.*?\*/|.*\Z)
    | (?<!{_ID_CLASS})(?:fontname(?!{_ID_CLASS})|"fontname"){_GAP}={_GAP}(?=(?P<value>"(?:\\"|[^"])*"?|{_ID_CLASS}+))
    | "(?:\\"|[^"])*"?
    | (?P<html><)
    """,
    re.MULTILINE | re.DOTALL | re.VERBOSE,
)

# The common case in fewer steps: DOT without comments, preprocessor lines or ``<`` outside
# its strings. Each match runs over whole strings and stretches of other characters up to the
# next ``fontname =`` (its value looked ahead at, as above), or stops at the first ``<``, ``#``
# or ``/`` outside a string (``other``: then :data:`_FONTS_AND_HTML` reads the text), or at the end.
_QUICK_FONTS = re.compile(
    rf"""
    (?:[^"f<\#/]++|"(?:\\"|[^"])*+"?|f)*?
    (?: (?<!{_ID_CLASS})(?:fontname(?!{_ID_CLASS})|"fontname")[ \t\r\f\v\n]*=[ \t\r\f\v\n]*
        (?=(?P<value>"(?:\\"|[^"])*"?|{_ID_CLASS}+))
      | (?P<other>[<\#/])
      | \Z
    )
    """,
    re.DOTALL | re.VERBOSE,
)


# Fonts whose Graphviz estimate is wrong (no table: Times widths), and the family whose
# table stands in for them during a wasm layout. The stand-in names are spelled so that
# Graphviz's lookup (case-, space- and dash-insensitive) finds the table while nobody
# would write them, so that the output can be mapped back without ambiguity.
_WASM_FONT_PROXIES: Final[dict[str, tuple[str, str, str]]] = {
    # fontname (lower case): (stand-in, SVG font-family + style attributes, fontname)
    "helvetica-bold": ("Ver-Dana", 'font-family="Helvetica,sans-Serif" font-weight="bold"', FONT_BOLD),
    "helvetica-oblique": ("Hel-Vetica", 'font-family="Helvetica,sans-Serif" font-style="oblique"', FONT_ITALIC),
    "helvetica-boldoblique": (
        "Verd-Ana",
        'font-family="Helvetica,sans-Serif" font-weight="bold" font-style="oblique"',
        FONT_BOLD_ITALIC,
    ),
}


def _prepare_dot_for_wasm(text: str, engine_name: str) -> str:
    """Refuse HTML-like labels and swap badly estimated fonts for their stand-ins."""
    if "<" not in text and "fontname" not in text:
        return text
    values: list[tuple[int, int, str]] = []
    for match in _QUICK_FONTS.finditer(text):
        if match.group("other") is not None:
            values = _font_values(text, engine_name)
            break
        if match.group("value") is not None:
            values.append((match.start("value"), match.end("value"), match.group("value")))
    replacements: list[tuple[int, int, str]] = []
    for start, end, value in values:
        if value.startswith('"'):
            value = value[1:-1].replace('\\"', '"')
        proxy = _WASM_FONT_PROXIES.get(value.strip().lower())
        if proxy is not None:
            replacements.append((start, end, f'"{proxy[0]}"'))
    if not replacements:
        return text
    parts: list[str] = []
    position = 0
    for start, end, new in replacements:
        parts += (text[position:start], new)
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _font_values(text: str, engine_name: str) -> list[tuple[int, int, str]]:
    """Every ``fontname`` value (start, end, as written); raises on an HTML-like label."""
    values: list[tuple[int, int, str]] = []
    for match in _FONTS_AND_HTML.finditer(text):
        if match.lastgroup == "html":
            line = text.count("\n", 0, match.start()) + 1
            raise UnsupportedFeature(
                "html-labels",
                f"line {line}: HTML-like labels (<...>) need the system Graphviz; the "
                "WebAssembly Graphviz is built without expat and would draw the node name "
                "instead. Install Graphviz ('dot') or use plain/record labels.",
                engine=engine_name,
                detail=f"line {line}",
            )
        if match.group("value") is not None:
            values.append((match.start("value"), match.end("value"), match.group("value")))
    return values


def _unproxy_svg(svg: bytes) -> bytes:
    for stand_in, attributes, _ in _WASM_FONT_PROXIES.values():
        svg = svg.replace(f'font-family="{stand_in}"'.encode(), attributes.encode())
    return svg


def _unproxy_dot(dot: bytes) -> bytes:
    for stand_in, _, fontname in _WASM_FONT_PROXIES.values():
        dot = dot.replace(f'"{stand_in}"'.encode(), f'"{fontname}"'.encode())
    return dot
